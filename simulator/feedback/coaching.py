"""Live coaching: a mode's steps as a checklist, feedback on a message, and hints.

The words themselves are each mode's own (`simulator.modes.<mode>.coaching`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from simulator.domain.zones import Zone, zone_for
from simulator.modes import AnyMove, MoveId, PracticeMode, Step, get_mode, move_info, words_for
from simulator.turns.session import TurnRecord

__all__ = ["Feedback", "MoveNote", "Step", "feedback", "hint", "steps_for", "steps_shown"]


def steps_for(mode: PracticeMode) -> tuple[Step, ...]:
    """The checklist of one practice mode."""
    return get_mode(mode).coaching.steps


def _is_helpful(move: AnyMove) -> bool:
    return move_info(move).polarity == "attuned"


def zone_before(turns: Sequence[TurnRecord], index: int, start_arousal: float) -> Zone:
    """The partner's zone just before turn `index` (1-based) was said."""
    if index <= 1:
        return zone_for(start_arousal)
    return Zone(turns[index - 2].zone)


def steps_in_turn(turn: TurnRecord, before: Zone, mode: PracticeMode = "listen") -> set[str]:
    """The ids of the steps one turn showed."""
    shown = set()
    for step in steps_for(mode):
        if step.settled_only and not before.is_settled:
            continue
        if step.moves.intersection(turn.moves):
            shown.add(step.id)
    return shown


def steps_shown(
    turns: Sequence[TurnRecord], start_arousal: float, mode: PracticeMode = "listen"
) -> dict[str, int]:
    """How many turns showed each step, keyed by step id (every step present)."""
    counts = {step.id: 0 for step in steps_for(mode)}
    for turn in turns:
        for step_id in steps_in_turn(turn, zone_before(turns, turn.index, start_arousal), mode):
            counts[step_id] += 1
    return counts


class MoveNote(BaseModel):
    """One move seen in a message, with the words that showed it."""

    model_config = ConfigDict(frozen=True)

    move: MoveId
    attuned: bool
    text: str
    """E.g. `minimized: 'not a big deal'`."""
    why: list[str]
    """The engine's reasons (e.g. 'too early: still upset')."""


class Feedback(BaseModel):
    """What the learner's last message did, shown as live feedback."""

    model_config = ConfigDict(frozen=True)

    notes: list[MoveNote]
    state: str
    """E.g. `arousal 72 -> 80 (+8), now escalated; connection 30 -> 26 (-4)`."""
    softened_now: bool


def feedback(
    turn: TurnRecord,
    before_arousal: float,
    before_connection: float,
    mode: PracticeMode = "listen",
) -> Feedback:
    """Feedback on one turn: the moves seen, quoted, and how the state moved."""
    view = words_for(mode)
    notes = [
        MoveNote(
            move=effect.move,
            attuned=_is_helpful(effect.move),
            text=f"{move_info(effect.move).past_tense}: '{effect.span}'",
            why=list(effect.reasons),
        )
        for effect in turn.effects
    ]
    # Whole numbers on both sides, so the shown change always adds up.
    a0, a1 = round(before_arousal), round(turn.arousal)
    c0, c1 = round(before_connection), round(turn.connection)
    state = (
        f"{view.tension} {a0} -> {a1} ({a1 - a0:+d}), now {view.stage(turn.zone)}; "
        f"{view.closeness} {c0} -> {c1} ({c1 - c0:+d})"
    )
    return Feedback(notes=notes, state=state, softened_now=turn.surfaced_now)


def hint(
    turns: Sequence[TurnRecord],
    start_arousal: float,
    asked: int = 0,
    mode: PracticeMode = "listen",
) -> str:
    """A next step suited to the partner's current zone; `asked` rotates through the options."""
    arousal = turns[-1].arousal if turns else start_arousal
    last = turns[-1] if turns else None
    if (
        last is not None
        and asked == 0
        and any(not _is_helpful(e.move) and e.arousal > 0 for e in last.effects)
    ):
        return get_mode(mode).coaching.repair_hint
    options = get_mode(mode).coaching.hints[zone_for(arousal)]
    return options[asked % len(options)]

"""Live coaching: a mode's steps as a checklist, feedback on a message, and hints.

The words themselves are each mode's own (`simulator.modes.<mode>.coaching`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from simulator.classifier import Guess
from simulator.domain.zones import Zone, zone_for
from simulator.modes import (
    AnyMove,
    Mode,
    MoveId,
    PracticeMode,
    Step,
    get_mode,
    move_info,
    words_for,
)
from simulator.turns.session import TurnRecord

__all__ = [
    "NOTHING_RECOGNISED",
    "Feedback",
    "MoveNote",
    "Step",
    "feedback",
    "hint",
    "next_step",
    "steps_for",
    "steps_shown",
    "unrecognised_note",
]

NOTHING_RECOGNISED = "Nothing here was recognised as a step."


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
    unrecognised: str | None = None
    """Set when no move was recognised: says so plainly (it counted neither way) and what
    the message came closest to, or the next step of the checklist, so the learner can
    rephrase."""


def feedback(
    turn: TurnRecord,
    before_arousal: float,
    before_connection: float,
    mode: PracticeMode = "listen",
    shown: Mapping[str, int] | None = None,
) -> Feedback:
    """Feedback on one turn: the moves seen, quoted, and how the state moved.

    `shown` counts the steps shown so far (see `steps_shown`); a message with no
    recognised move is pointed to the next one.
    """
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
    unrecognised = None
    if turn.safety is None and not turn.moves and not turn.effects:
        settled = Zone(turn.zone).is_settled
        unrecognised = unrecognised_note(get_mode(mode), turn.closest, shown, settled)
    return Feedback(
        notes=notes, state=state, softened_now=turn.surfaced_now, unrecognised=unrecognised
    )


def lower_first(text: str) -> str:
    """Text continued inside a sentence (after a dash or a colon): first letter lowercased."""
    return text[:1].lower() + text[1:]


def next_step(mode: Mode, shown: Mapping[str, int] | None, settled: bool) -> Step | None:
    """The first step of the checklist not shown yet (problem-solving only once settled)."""
    for step in mode.coaching.steps:
        if step.settled_only and not settled:
            continue
        if not (shown or {}).get(step.id):
            return step
    return None


def unrecognised_note(
    mode: Mode, closest: Guess | None, shown: Mapping[str, int] | None, settled: bool
) -> str:
    """What the live panel says of a message with no recognised move, in the mode's words."""
    coaching = mode.coaching
    if closest is not None and closest.move in mode.move_ids:
        info = mode.info(closest.move)
        if closest.move in mode.helpful:
            step = coaching.step_of(closest.move)
            how = coaching.nudges.get(closest.move) or (
                lower_first(coaching.step_tips[step.id])
                if step is not None and step.id in coaching.step_tips
                else lower_first(info.description)
            )
            return f"{NOTHING_RECOGNISED} Closest: {info.label} — {how}"
        # Closest to a mistake: say it was not held against them, and what to say instead.
        instead = coaching.tips.get(closest.move, "")
        return f"{NOTHING_RECOGNISED} Closest: {info.label}, not counted against you. {instead}"
    step = next_step(mode, shown, settled)
    if step is None:
        return f"{NOTHING_RECOGNISED} The steps are all shown; keep going in your own words."
    tip = coaching.step_tips.get(step.id)
    how = f" — {lower_first(tip)}" if tip else ""
    return f"{NOTHING_RECOGNISED} Next on the checklist: {step.label}{how}"


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

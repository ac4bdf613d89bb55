"""Live coaching: the documents' steps as a checklist, feedback on a message, and hints.

Every line here is the project's own wording of the six steps in the first source
document (be present, steady yourself, reflect, validate, support before solutions,
solve later) and of Gottman's ATTUNE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from simulator.ask_coaching import ASK_HINTS, ASK_REPAIR_HINT, ASK_STEP_TABLE
from simulator.modes import view_for
from simulator.moves import Move
from simulator.movesets import AnyMove, PracticeMode, move_info
from simulator.session import TurnRecord
from simulator.zones import Zone, zone_for

SOLVING = frozenset({Move.INVITE_SOLUTIONS, Move.FIX})


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the attunement sequence, and the moves that show it."""

    id: str
    label: str
    moves: frozenset[AnyMove]
    settled_only: bool = False
    """True for problem-solving: it only counts once the partner has settled."""


STEPS: tuple[Step, ...] = (
    Step("present", "Be present", frozenset({Move.PRESENCE})),
    Step("steady", "Stay steady, not defensive", frozenset({Move.ACKNOWLEDGE_IMPACT, Move.REPAIR})),
    Step("reflect", "Reflect what you heard", frozenset({Move.REFLECT, Move.OPEN_QUESTION})),
    Step("validate", "Validate the feeling", frozenset({Move.VALIDATE})),
    Step("support", "Support before solutions", frozenset({Move.SUPPORT, Move.ASK_NEED})),
    Step("solve", "Solve once settled", SOLVING, settled_only=True),
)

ASK_STEPS: tuple[Step, ...] = tuple(
    Step(step_id, label, frozenset(moves)) for step_id, label, moves in ASK_STEP_TABLE
)


def steps_for(mode: PracticeMode | str) -> tuple[Step, ...]:
    """The checklist of one practice mode."""
    return ASK_STEPS if mode == "ask" else STEPS


def _is_helpful(move: AnyMove) -> bool:
    return move_info(move).polarity == "attuned"


def zone_before(turns: Sequence[TurnRecord], index: int, start_arousal: float) -> Zone:
    """The partner's zone just before turn `index` (1-based) was said."""
    if index <= 1:
        return zone_for(start_arousal)
    return Zone(turns[index - 2].zone)


def steps_in_turn(turn: TurnRecord, before: Zone, mode: PracticeMode | str = "listen") -> set[str]:
    """The ids of the steps one turn showed."""
    shown = set()
    for step in steps_for(mode):
        if step.settled_only and not before.is_settled:
            continue
        if step.moves.intersection(turn.moves):
            shown.add(step.id)
    return shown


def steps_shown(
    turns: Sequence[TurnRecord], start_arousal: float, mode: PracticeMode | str = "listen"
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

    move: AnyMove
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
    mode: PracticeMode | str = "listen",
) -> Feedback:
    """Feedback on one turn: the moves seen, quoted, and how the state moved."""
    view = view_for(mode)
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


# Hints by zone: what tends to help next, each with a line the learner could adapt.
_ZONE_HINTS: dict[Zone, tuple[str, ...]] = {
    Zone.FLOODED: (
        "They are flooded: too upset to take in reasons. Say less and slow down. "
        "Show you are here: \"I'm not going anywhere. I'm listening.\"",
        "Name the feeling you can see, without explaining: "
        '"You\'re really upset, and I want to understand."',
        "Steady yourself first: one slow breath before you answer. Your calm is the first signal "
        "that it is safe.",
    ),
    Zone.ESCALATED: (
        "Reflect before anything else: say back what they told you, in their words. "
        '"So it sounds like the waiting felt awful."',
        "Hold your reasons for later. If you slipped, own it: "
        '"I jumped to explaining. Let me start again."',
        "Tell them the feeling makes sense, even if you remember it differently: "
        '"I can see why that hurt."',
    ),
    Zone.GUARDED: (
        "They are watching whether it is safe. Validate: "
        '"That makes sense. Anyone would feel that way."',
        "Ask them to say more, with a question they cannot answer yes or no: "
        '"What was that like for you?"',
        "Own the impact without defending what you meant: "
        '"Whatever I intended, it landed badly, and that matters."',
    ),
    Zone.SETTLING: (
        'Offer support before any solution: "I\'m here with you."',
        'Ask what they need right now: "Do you want comfort right now, or ideas later?"',
        "Stay with the feeling a little longer; the softer part often comes out now. "
        '"Is there more underneath this?"',
    ),
    Zone.REGULATED: (
        "They have settled. Problem-solving can be welcome now, as a question: "
        '"Would it help to talk about what we could do next time?"',
        'Check the connection before moving on: "Do you feel like I get it now?"',
        'Say what you appreciate about them telling you: "Thank you for telling me how that felt."',
    ),
}

_REPAIR_HINT = (
    "Your last message landed badly. You can catch it out loud and start again: "
    '"Sorry, that came out defensive. What I want to say is that I hear you."'
)


def hint(
    turns: Sequence[TurnRecord],
    start_arousal: float,
    asked: int = 0,
    mode: PracticeMode | str = "listen",
) -> str:
    """A next step suited to the partner's current zone; `asked` rotates through the options."""
    arousal = turns[-1].arousal if turns else start_arousal
    last = turns[-1] if turns else None
    if (
        last is not None
        and asked == 0
        and any(not _is_helpful(e.move) and e.arousal > 0 for e in last.effects)
    ):
        return ASK_REPAIR_HINT if mode == "ask" else _REPAIR_HINT
    options = (ASK_HINTS if mode == "ask" else _ZONE_HINTS)[zone_for(arousal)]
    return options[asked % len(options)]

"""The end-of-session debrief: how the state moved, which steps showed, what to try next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from simulator.domain.zones import zone_for
from simulator.feedback.coaching import steps_for, steps_shown
from simulator.modes import AnyMove, Coaching, ModeName, MoveId, get_mode, move_info, words_for
from simulator.safety import stepped_out_summary
from simulator.store.records import SessionMeta
from simulator.turns.session import TurnRecord

KEY_TURNS = 2


class Point(BaseModel):
    """The state after one turn (turn 0 is the opening)."""

    model_config = ConfigDict(frozen=True)

    turn: int
    arousal: float
    connection: float
    zone: str


class StepTally(BaseModel):
    """How often one of the documents' steps showed."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    count: int


class MissTally(BaseModel):
    """How often one of the common mistakes showed."""

    model_config = ConfigDict(frozen=True)

    move: MoveId
    label: str
    count: int


class KeyTurn(BaseModel):
    """A turn that helped or hurt most, with the words behind it."""

    model_config = ConfigDict(frozen=True)

    index: int
    user: str
    quotes: list[str]
    """E.g. `minimized: 'not a big deal'`."""
    arousal_delta: float
    connection_delta: float
    reply: str

    @property
    def score(self) -> float:
        """Higher is better: calmer and closer."""
        return -self.arousal_delta + self.connection_delta


class Debrief(BaseModel):
    """Everything the debrief screen and the exports show."""

    model_config = ConfigDict(frozen=True)

    persona_name: str
    mode: ModeName = "listen"
    """The practice mode: the numbers are defensiveness and turning toward in `ask`."""
    points: list[Point]
    steps: list[StepTally]
    missteps: list[MissTally]
    helped: list[KeyTurn]
    hurt: list[KeyTurn]
    softer_emotion: str | None
    softened_turn: int | None
    """The turn on which the softer feeling came through, if it did."""
    tips: list[str]
    headline: str
    paused_turns: list[int] = []
    """Turns on which the practice paused for the learner's safety (not scored)."""
    checked_in_turns: list[int] = []
    """Turns on which attune stepped out of the scene to ask if the learner was okay."""

    @property
    def stepped_out(self) -> str:
        """Where attune stepped out of the scene, in a sentence or two ('' if it never did)."""
        return stepped_out_summary(self.paused_turns, self.checked_in_turns)


def _points(meta: SessionMeta, turns: Sequence[TurnRecord]) -> list[Point]:
    start = Point(
        turn=0, arousal=meta.start_arousal, connection=meta.start_connection, zone=meta.start_zone
    )
    return [start] + [
        Point(turn=t.index, arousal=t.arousal, connection=t.connection, zone=t.zone) for t in turns
    ]


def _key_turns(turns: Sequence[TurnRecord], points: list[Point]) -> list[KeyTurn]:
    keyed = []
    for turn, before in zip(turns, points, strict=False):
        quotes = [f"{move_info(e.move).past_tense}: '{e.span}'" for e in turn.effects]
        keyed.append(
            KeyTurn(
                index=turn.index,
                user=turn.user,
                quotes=quotes,
                arousal_delta=round(turn.arousal - before.arousal, 1),
                connection_delta=round(turn.connection - before.connection, 1),
                reply=turn.reply,
            )
        )
    return keyed


def _tips(
    coaching: Coaching, missteps: list[MissTally], steps: list[StepTally], settled: bool
) -> list[str]:
    """The mode's own tips: its mistakes first, then steps never shown, then its fallbacks."""
    tips = [coaching.tips[m.move] for m in missteps if m.move in coaching.tips][:2]
    settled_only = {s.id for s in coaching.steps if s.settled_only}
    for step in steps:
        if len(tips) >= 3:
            break
        if (
            step.count == 0
            and (step.id not in settled_only or settled)
            and step.id in coaching.step_tips
        ):
            tips.append(coaching.step_tips[step.id])
    for fallback in coaching.fallback_tips:
        if len(tips) >= 2:
            break
        tips.append(fallback)
    return tips[:3]


def _headline(meta: SessionMeta, points: list[Point], softened: int | None) -> str:
    start, end = points[0], points[-1]
    view = words_for(meta.practice_mode)
    first, last = view.stage(start.zone), view.stage(end.zone)
    turns = len(points) - 1
    if turns == 0:
        return f"No messages sent; {meta.persona_name} stayed {first}."
    if start.zone == end.zone:
        moved = f"{meta.persona_name} stayed {last} over {turns} turn(s)"
    else:
        moved = f"{meta.persona_name} went from {first} to {last} in {turns} turn(s)"
    moved += f" ({view.tension} {start.arousal:.0f} -> {end.arousal:.0f})"
    if softened is not None:
        return f"{moved}, and the softer feeling came through on turn {softened}."
    return f"{moved}; the softer feeling did not come through."


def build_debrief(meta: SessionMeta, turns: Sequence[TurnRecord]) -> Debrief:
    """Summarize a session for the debrief screen and the exports."""
    mode = meta.practice_mode
    points = _points(meta, turns)
    counts = steps_shown(turns, meta.start_arousal, mode)
    steps = [StepTally(id=s.id, label=s.label, count=counts[s.id]) for s in steps_for(mode)]
    practice_mode = get_mode(mode)
    traps = practice_mode.traps
    mistakes: Counter[AnyMove] = Counter(m for t in turns for m in t.moves if m in traps)
    missteps = [
        MissTally(move=move, label=move_info(move).label, count=count)
        for move, count in mistakes.most_common()
    ]
    keyed = _key_turns(turns, points)
    ranked = sorted(keyed, key=lambda k: k.score, reverse=True)
    helped = [k for k in ranked if k.score > 0][:KEY_TURNS]
    hurt = [k for k in reversed(ranked) if k.score < 0][:KEY_TURNS]
    softened = next((t.index for t in turns if t.surfaced_now), None)
    settled = zone_for(points[-1].arousal).is_settled
    return Debrief(
        persona_name=meta.persona_name,
        mode=mode,
        points=points,
        steps=steps,
        missteps=missteps,
        helped=helped,
        hurt=hurt,
        softer_emotion=meta.softer_emotion,
        softened_turn=softened,
        tips=_tips(practice_mode.coaching, missteps, steps, settled),
        headline=_headline(meta, points, softened),
        paused_turns=[t.index for t in turns if t.safety == "pause"],
        checked_in_turns=[t.index for t in turns if t.safety == "check_in"],
    )

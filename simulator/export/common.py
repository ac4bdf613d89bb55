"""What every export format shares: the debrief, dates, and per-turn wording."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from simulator.engine import Effect
from simulator.feedback.debrief import Debrief, build_debrief
from simulator.feedback.selfrating import SelfRating, rating_of
from simulator.modes import ENGINE_WORDS, StateWords
from simulator.safety import answered_by, not_scored
from simulator.store.corrections import TagCorrection, corrected_moves, correction_text
from simulator.store.records import SavedSession
from simulator.turns.session import TurnRecord


def debrief_of(saved: SavedSession) -> Debrief:
    """The debrief of the conversation as it stands (rewound tries left out)."""
    return build_debrief(saved.meta, saved.turns)


def self_rating_of(saved: SavedSession, debrief: Debrief | None = None) -> SelfRating:
    """The learner's rating of themselves beside what the session measured (or skipped)."""
    return rating_of(debrief or debrief_of(saved), saved.self_ratings)


SELF_RATING_TITLE = "Your view and what was measured"


def when(moment: datetime | None) -> str:
    """A date and time in UTC, said so, for readers anywhere: `2026-11-21 15:30 UTC`."""
    if moment is None:
        return "not ended"
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def moves_of(turn: TurnRecord) -> str:
    """The turn's moves, comma-separated, `(no moves)`, or why it was not scored."""
    if turn.safety is not None:
        return not_scored(turn.safety)
    return ", ".join(m.value for m in turn.moves) or "(no moves)"


def corrections_text(turn: TurnRecord, corrections: Sequence[TagCorrection]) -> str:
    """A turn's corrections and the moves they leave, e.g.
    `explain marked wrong; reflect added as missed ('you waited') (moves now: reflect)`."""
    now = ", ".join(m.value for m in corrected_moves(turn, corrections)) or "no moves"
    return "; ".join(correction_text(c) for c in corrections) + f" (moves now: {now})"


def speaker(turn: TurnRecord, partner: str) -> str:
    """Who said the turn's reply: the partner, or attune itself on a pause or check-in."""
    return answered_by(turn.safety) if turn.safety is not None else partner


def repr_quote(text: str) -> str:
    """The learner's words as the debrief quotes them: `'my phone died'`."""
    return f"'{text}'"


def change(label: str, before: float, after: float) -> str:
    """E.g. `arousal 70.0 -> 99.8 (+29.8)`."""
    return f"{label} {before:.1f} -> {after:.1f} ({after - before:+.1f})"


def effect_text(effect: Effect, view: StateWords = ENGINE_WORDS) -> str:
    """One move's effect: `minimize "Relax": arousal +20.5, connection -11.9 (why)`."""
    why = f" ({'; '.join(effect.reasons)})" if effect.reasons else ""
    return (
        f'{effect.move.value} "{effect.span}": {view.tension} {effect.arousal:+.1f}, '
        f"{view.closeness} {effect.connection:+.1f}{why}"
    )


def start_text(arousal: float, connection: float, zone: str, view: StateWords) -> str:
    """The state as the scene opens: `arousal 70.0, connection 35.0, escalated`."""
    return f"{view.tension} {arousal:.1f}, {view.closeness} {connection:.1f}, {view.stage(zone)}"


def softer_text(debrief: Debrief) -> str:
    """Whether the softer feeling under the surface came through, and when."""
    feeling = "The softer feeling"
    if debrief.softer_emotion:
        feeling += f" ({debrief.softer_emotion})"
    if debrief.softened_turn is None:
        return f"{feeling} did not come through this time."
    return f"{feeling} came through on turn {debrief.softened_turn}."

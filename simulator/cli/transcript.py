"""A conversation as terminal text: wrapped, control characters shown, moves and state."""

from __future__ import annotations

import textwrap

from simulator.engine import Effect
from simulator.export.common import SELF_RATING_TITLE, effect_text, moves_of, speaker
from simulator.feedback.selfrating import SelfRating
from simulator.modes import ENGINE_WORDS, StateWords
from simulator.support.textsafe import printable
from simulator.turns.session import TurnRecord


def wrap(prefix: str, text: str) -> str:
    """Wrap untrusted text at 88 columns under a prefix, control characters shown."""
    return textwrap.fill(
        printable(text), 88, initial_indent=prefix, subsequent_indent=" " * len(prefix)
    )


def effect_line(effect: Effect, view: StateWords = ENGINE_WORDS) -> str:
    """One move's effect on the state, with the words behind it and the engine's reasons."""
    return "       " + printable(effect_text(effect, view))


def turn_text(
    turn: TurnRecord, before: tuple[float, float], name: str, view: StateWords = ENGINE_WORDS
) -> str:
    """One exchange: the message, its moves, how the state moved, and the reply."""
    moves = moves_of(turn)
    d_arousal = turn.arousal - before[0]
    d_connection = turn.connection - before[1]
    lines = [
        wrap(f"{turn.index:>3}  you> ", turn.user),
        f"     moves: {moves}",
        f"     {view.tension} {before[0]:5.1f} -> {turn.arousal:5.1f} ({d_arousal:+.1f})   "
        f"{view.closeness} {before[1]:5.1f} -> {turn.connection:5.1f} ({d_connection:+.1f})   "
        f"{view.stage(turn.zone)}{'   (softer feeling shows)' if turn.surfaced_now else ''}",
        *(effect_line(e, view) for e in turn.effects),
        wrap(f"     {speaker(turn, name)}> ", turn.reply),
    ]
    if turn.cue:
        # The partner's non-verbal cue, as a stage direction under the reply.
        pad = " " * len(f"     {speaker(turn, name)}> ")
        lines.append(wrap(pad, f"({turn.cue})"))
    if turn.guard.attempts:
        trimmed = ", trimmed" if turn.guard.trimmed else ""
        lines.append(f"     guard: {turn.guard.result}{trimmed}, {turn.latency_s:.2f}s")
        lines.extend(f"       {printable(r)}" for r in turn.guard.reasons)
    return "\n".join(lines)


def self_rating_lines(rating: SelfRating) -> list[str]:
    """The self-rating beside the measure, as `sessions show` and `replay` print it."""
    lines = rating.lines()
    table = lines[: len(rating.steps) + 1] if rating.rated else []
    rest = lines[len(table) :]
    return [
        f"{SELF_RATING_TITLE}:",
        *(printable(f"  {line}").rstrip() for line in table),
        *(wrap("  ", line) if line else "" for line in rest),
    ]

"""Corrections of the classifier's tags: a tag marked wrong, or a move it missed.

A learner or a coach who sees a misread can say so on the turn: a move the turn
was tagged with is marked wrong, or a move of the session's mode that was missed
is added, optionally with the words of the learner's message it rests on. The
corrected move set of a turn (its tags, minus those marked wrong, plus those
added) is what `attune sessions labels` writes for the classifier's dev data.

Everything here is pure: the store and the practice screen check a change with
`plan` against the turn as it stands, then keep the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from simulator.modes import AnyMove, Mode, MoveId
from simulator.support.errors import AttuneError
from simulator.support.problems import one_line
from simulator.support.textsafe import printable
from simulator.turns.session import TurnRecord

CorrectionKind = Literal["wrong", "missed"]
"""`wrong`: the turn was tagged with the move but should not be; `missed`: it should be."""

FixKind = Literal["wrong", "missed", "undo"]

# Enough of the words to recognise them in an error message.
_SHOWN_WORDS = 40


class CorrectionError(AttuneError):
    """A correction that cannot be made: a move the mode lacks, a tag the turn lacks."""


class TagCorrection(BaseModel):
    """One correction of one turn's tags."""

    model_config = ConfigDict(frozen=True)

    turn: int = Field(ge=1)
    """The turn it corrects (1-based)."""
    kind: CorrectionKind
    move: MoveId
    words: str | None = None
    """For a missed move: the words of the learner's message it rests on, if given."""


class Correction(TagCorrection):
    """A correction as the store keeps it."""

    id: int
    created_at: datetime


class TagFix(BaseModel):
    """A change asked for on one turn: mark a tag wrong, add a missed move, or undo either."""

    model_config = ConfigDict(frozen=True)

    kind: FixKind
    move: str
    """The move's id, as typed or picked; checked against the session's mode."""
    words: str | None = None


@dataclass(frozen=True)
class Plan:
    """What a list of fixes does to one turn: the corrections it ends with."""

    corrections: list[TagCorrection]
    """The turn's corrections once the fixes are made, by move."""
    changed: list[TagCorrection]
    """Corrections made or replaced (to write)."""
    undone: list[AnyMove]
    """Moves whose correction is taken away (to delete)."""


def _shown(text: str) -> str:
    text = one_line(printable(text))
    return text if len(text) <= _SHOWN_WORDS else text[: _SHOWN_WORDS - 3] + "..."


def _key(correction: TagCorrection | None) -> tuple[str, str, str | None] | None:
    if correction is None:
        return None
    return (correction.kind, correction.move.value, correction.words)


def tags_of(turn: TurnRecord) -> list[AnyMove]:
    """The turn's tagged moves, each once, in the order the classifier found them."""
    return list(dict.fromkeys(turn.moves))


def mode_move(mode: Mode, move: object) -> AnyMove:
    """The mode's move with this id; a CorrectionError naming the mode's moves otherwise."""
    key = move.value if isinstance(move, AnyMove) else move
    for known in mode.move_ids:
        if known.value == key:
            return known
    names = ", ".join(m.value for m in mode.move_ids)
    raise CorrectionError(
        f"'{_shown(str(key))}' is not a move of {mode.name} mode (its moves: {names})"
    )


def quoted_words(turn: TurnRecord, words: str | None) -> str | None:
    """The words as they stand in the learner's message (case and spacing may differ)."""
    if words is None or not words.strip():
        return None
    pattern = r"\s+".join(re.escape(part) for part in words.split())
    found = re.search(pattern, turn.user, re.IGNORECASE)
    if found is None:
        raise CorrectionError(
            f"turn {turn.index}: the learner's message does not say '{_shown(words)}'"
        )
    return found.group(0)


def plan(
    mode: Mode, turn: TurnRecord, existing: Iterable[TagCorrection], fixes: Sequence[TagFix]
) -> Plan:
    """Check `fixes` against the turn's tags and corrections, in order; nothing is kept."""
    if not fixes:
        raise CorrectionError("no correction given")
    if turn.safety is not None:
        # A pause or check-in was about the learner, not the practice: never a label.
        raise CorrectionError(
            f"turn {turn.index} was not scored (attune stepped out of the scene); "
            "there is nothing to correct"
        )
    tags = tags_of(turn)
    now: dict[AnyMove, TagCorrection] = {c.move: c for c in existing}
    changed: dict[AnyMove, TagCorrection] = {}
    undone: list[AnyMove] = []
    for fix in fixes:
        move = mode_move(mode, fix.move)
        if fix.kind == "undo":
            if move not in now:
                raise CorrectionError(
                    f"turn {turn.index} has no correction of {move.value} to undo"
                )
            del now[move]
            changed.pop(move, None)
            undone.append(move)
            continue
        if fix.kind == "wrong":
            if fix.words is not None and fix.words.strip():
                raise CorrectionError("words go with a missed move, not with a tag marked wrong")
            if move not in tags:
                have = ", ".join(m.value for m in tags) or "none"
                raise CorrectionError(
                    f"turn {turn.index} has no {move.value} tag to mark wrong (its tags: {have})"
                )
            made = TagCorrection(turn=turn.index, kind="wrong", move=move)
        else:
            if move in tags:
                raise CorrectionError(
                    f"turn {turn.index} is already tagged {move.value}; "
                    "nothing to add (mark it wrong if it should not be)"
                )
            made = TagCorrection(
                turn=turn.index, kind="missed", move=move, words=quoted_words(turn, fix.words)
            )
        # The same correction again (stored with its id and time) stays as it was.
        if _key(now.get(move)) != _key(made):
            changed[move] = made
            now[move] = made
    return Plan(
        corrections=list(now.values()),
        changed=list(changed.values()),
        undone=[m for m in dict.fromkeys(undone) if m not in changed],
    )


def corrected_moves(turn: TurnRecord, corrections: Iterable[TagCorrection]) -> list[AnyMove]:
    """The turn's moves as corrected: its tags minus those marked wrong, plus those added."""
    mine = [c for c in corrections if c.turn == turn.index]
    wrong = {c.move for c in mine if c.kind == "wrong"}
    added = [c.move for c in mine if c.kind == "missed"]
    return list(dict.fromkeys([m for m in tags_of(turn) if m not in wrong] + added))


def correction_text(correction: TagCorrection) -> str:
    """One correction in words: `explain marked wrong` or `reflect added ('you felt alone')`."""
    if correction.kind == "wrong":
        return f"{correction.move.value} marked wrong"
    words = f" ('{correction.words}')" if correction.words else ""
    return f"{correction.move.value} added as missed{words}"

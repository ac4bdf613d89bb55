"""The trash for the learner's deleted cards: `trash/personas` in the attune folder.

A deleted card is moved here, never unlinked, as `<id>.<UTC stamp>.yaml` (with its form
answers beside it as `<id>.<stamp>.answers.json`), so deleting the same id again never
overwrites an earlier copy and `attune personas restore` can put the newest one back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from simulator.support import fs
from simulator.support.errors import AttuneError
from simulator.support.ids import checked_id
from simulator.support.paths import home_dir

ANSWERS_SUFFIX = ".answers.json"
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(
    r"^(?P<id>[a-z0-9-]+)\.(?P<stamp>\d{8}T\d{12}Z)(?:-(?P<n>\d+))?(?P<suffix>\.ya?ml)$"
)


@dataclass(frozen=True)
class Trashed:
    """One deleted card in the trash, and its form answers if it had them."""

    card_id: str
    card: Path
    answers: Path | None


def trash_dir() -> Path:
    """Where deleted cards go: `trash/personas` in the attune folder."""
    return home_dir() / "trash" / "personas"


def move_to_trash(card_id: str, card: Path, answers: Path | None) -> Trashed:
    """Move a card file (and its answers file, if given and there) into the trash."""
    folder = trash_dir()
    fs.private_folder(folder)
    stamp = datetime.now(UTC).strftime(_STAMP)
    for n in range(1, 1000):
        stem = f"{card_id}.{stamp}" if n == 1 else f"{card_id}.{stamp}-{n}"
        target = folder / f"{stem}{card.suffix}"
        try:
            fs.move_aside(card, target)
        except FileExistsError:
            continue  # deleted twice within one microsecond, or the clock went back
        except OSError as exc:
            raise fs.os_problem(card, exc, "cannot move to the trash") from None
        break
    else:
        raise AttuneError(f"{folder}: no free name in the trash for '{card_id}'")
    kept = None
    if answers is not None and fs.taken(answers):
        kept = folder / f"{stem}{ANSWERS_SUFFIX}"
        try:
            fs.move_aside(answers, kept)
        except OSError:
            # The card itself is safe in the trash; its answers stay where they were.
            kept = None
    return Trashed(card_id, target, kept)


def newest(card_id: str) -> Trashed | None:
    """The most recently trashed copy of a card, if there is one."""
    checked_id(card_id)
    folder = trash_dir()
    if not fs.is_folder(folder):
        return None
    found: list[tuple[str, int, Path]] = []
    for path in fs.entries(folder):
        match = _NAME.match(path.name)
        if match and match["id"] == card_id:
            found.append((match["stamp"], int(match["n"] or 1), path))
    if not found:
        return None
    _, _, card = max(found)
    answers = card.with_name(card.name.removesuffix(card.suffix) + ANSWERS_SUFFIX)
    return Trashed(card_id, card, answers if fs.taken(answers) else None)

"""Ids that name files (cards, their answers, trashed copies, exports): one pattern for all.

An id passes only as lowercase letters, digits and single hyphens, so it has no path
separator, no `..` and no leading dot; the file it names is also checked to resolve inside
its folder, so a link cannot lead a write or a delete elsewhere either.
"""

from __future__ import annotations

import re
from pathlib import Path

from simulator.support.errors import AttuneError
from simulator.support.textsafe import printable

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_MIN_LENGTH = 2
ID_MAX_LENGTH = 64

_ID = re.compile(ID_PATTERN)


def is_valid_id(value: str) -> bool:
    """True when `value` is an id by the card-id pattern and length."""
    return ID_MIN_LENGTH <= len(value) <= ID_MAX_LENGTH and _ID.fullmatch(value) is not None


def checked_id(value: str, what: str = "card id") -> str:
    """`value` when it is a valid id; otherwise an AttuneError saying what an id looks like."""
    if is_valid_id(value):
        return value
    shown = printable(value if len(value) <= 80 else value[:77] + "...")
    raise AttuneError(
        f"'{shown}' is not a {what}: use lowercase letters, digits and single hyphens, "
        f"{ID_MIN_LENGTH}-{ID_MAX_LENGTH} characters (e.g. 'my-sister')"
    )


def file_in(folder: Path, file_id: str, suffix: str, what: str = "card id") -> Path:
    """`folder/<file_id><suffix>`, refused when the id is not valid or the file resolves
    outside `folder` (a link pointing elsewhere)."""
    path = folder / f"{checked_id(file_id, what)}{suffix}"
    try:
        inside = path.resolve().parent == folder.resolve()
    except (OSError, RuntimeError) as exc:
        raise AttuneError(printable(f"{path}: cannot resolve ({exc})")) from None
    if not inside:
        raise AttuneError(
            printable(f"{path}: leads outside {folder} (a link?); attune will not touch it")
        )
    return path

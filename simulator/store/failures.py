"""Turn sqlite3 and file-system failures into one-line StoreErrors naming the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from simulator.support.errors import StoreError
from simulator.support.problems import one_line
from simulator.support.textsafe import printable

# Primary SQLite result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

_ADVICE: dict[int, str] = {
    _SQLITE_NOTADB: "not a sessions database; move it aside and attune starts a new one",
    _SQLITE_CORRUPT: "the sessions database is corrupt; move it aside and attune starts a new one",
    _SQLITE_BUSY: "database is locked by another attune; close it and try again",
    _SQLITE_LOCKED: "database is locked by another attune; close it and try again",
    _SQLITE_READONLY: "database is read-only; check the permissions of the file and its folder",
    _SQLITE_PERM: "permission denied; check the permissions of the file and its folder",
    _SQLITE_CANTOPEN: "cannot open the database; check the folder exists and is writable",
    _SQLITE_FULL: "the disk is full",
    _SQLITE_IOERR: "disk I/O error reading or writing the database",
}

# Messages without a result code (e.g. raised by Python's own checks) still read right.
_BY_TEXT: tuple[tuple[str, int], ...] = (
    ("file is not a database", _SQLITE_NOTADB),
    ("malformed", _SQLITE_CORRUPT),
    ("locked", _SQLITE_BUSY),
    ("readonly", _SQLITE_READONLY),
    ("unable to open", _SQLITE_CANTOPEN),
)


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    return next((c for needle, c in _BY_TEXT if needle in text), None)


def safe(text: object) -> str:
    """Untrusted text (a path, an id) fit for a one-line error message."""
    return one_line(printable(str(text)))


def sqlite_failure(path: Path, exc: sqlite3.Error) -> StoreError:
    """A one-line error for a failed database operation on `path`."""
    raw = safe(exc) or type(exc).__name__
    code = _code(exc)
    advice = None if code is None else _ADVICE.get(code)
    if advice is None:
        return StoreError(f"{safe(path)}: {raw}")
    return StoreError(f"{safe(path)}: {advice} ({raw})")


def os_failure(path: Path, doing: str, exc: OSError) -> StoreError:
    """A one-line error for a file-system step (`doing`, e.g. 'cannot create folder')."""
    reason = exc.strerror or safe(exc) or type(exc).__name__
    return StoreError(f"{safe(path)}: {doing} ({safe(reason)})")

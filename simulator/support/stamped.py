"""A small JSON answer cached against the files it was worked out from.

A front end uses it to draw at once what would otherwise need loading and validating
those files (the picker's persona index): the answer comes back only while every file
is exactly as it was when the answer was stamped, and nothing else (the cache's own
file missing, unreadable, corrupt or from another version) is ever an error, only a miss.
It imports only the standard library and `support`, so reading it costs a front end
nothing before its first frame.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from simulator.support import fs
from simulator.support.errors import AttuneError

FORMAT = 1
"""The cache file's layout; a file of another format is a miss (and is rewritten)."""

MAX_CACHE_BYTES = 1 << 20
"""A larger cache file is not read: it is not one attune wrote."""

RACY_NS = 1_000_000_000
"""A file modified this recently may be written again within the file system's clock tick
without its size or times moving (git's "racy" entries): such a stamp never matches. An
older mtime is safe: any later write moves it to the present."""

Stamp = list[int] | None
"""Size, mtime_ns, ctime_ns and inode of a file, or None when nothing is there."""

UNTRUSTED: Stamp = [-1]
"""Recorded for a file too fresh to trust (see RACY_NS): matches no real stamp."""


def stamp(path: Path) -> Stamp:
    """What changes when a file is written, replaced or removed (None when nothing is there).

    Any other failure to look (a folder without permission) raises OSError: no stamp.
    """
    try:
        found = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


def take_stamps(files: Iterable[Path], now_ns: int | None = None) -> list[tuple[str, Stamp]]:
    """Stamp the files an answer is about to be worked out from (before reading them).

    Stamped first, so a file that changes while it is read no longer matches afterwards.
    Raises OSError when a file cannot even be looked at.
    """
    now = time.time_ns() if now_ns is None else now_ns
    stamps: list[tuple[str, Stamp]] = []
    for path in files:
        found = stamp(path)
        if found is not None and now - found[1] < RACY_NS:
            found = UNTRUSTED
        stamps.append((str(path), found))
    return stamps


def _json_form(value: object) -> object:
    # What `value` reads back as from JSON (tuples become lists), to compare like with like.
    return json.loads(json.dumps(value))


def read_cached(cache: Path, key: Mapping[str, object], files: Sequence[Path]) -> object | None:
    """The answer cached under `key` for exactly these `files`, all unchanged; else None."""
    try:
        with cache.open("rb") as handle:
            raw = handle.read(MAX_CACHE_BYTES + 1)
        if len(raw) > MAX_CACHE_BYTES:
            return None
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        if data.get("key") != _json_form(dict(key)):
            return None
        stamped = data.get("files")
        if not isinstance(stamped, list) or len(stamped) != len(files):
            return None
        for entry, path in zip(stamped, files, strict=True):
            if entry != [str(path), stamp(path)]:
                return None
        return data.get("value")
    except (OSError, ValueError, RecursionError):
        # Missing, unreadable or not JSON: a miss, never an error (a writer replaces it).
        return None


def write_cached(
    cache: Path,
    key: Mapping[str, object],
    stamps: Sequence[tuple[str, Stamp]],
    value: object,
) -> bool:
    """Store `value` under `key` with the stamps taken before it was worked out.

    The file is private (0600, in a 0700 folder) and replaced atomically; a cache that
    cannot be written is only a slower start next time, so failure is False, not an error.
    """
    payload = {
        "format": FORMAT,
        "key": dict(key),
        "files": [[name, found] for name, found in stamps],
        "value": value,
    }
    try:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        fs.private_folder(cache.parent)
        fd, tmp_name = tempfile.mkstemp(dir=cache.parent, prefix=".attune-", suffix=".tmp")
    except (OSError, AttuneError, TypeError, ValueError):
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp_name, cache)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        return False
    return True


def forget(cache: Path) -> None:
    """Remove a cache file whose answer turned out wrong (best effort)."""
    with contextlib.suppress(OSError):
        cache.unlink()

"""Writing exports to disk: whole or not at all, private to the user.

The format functions stay pure; this is the one module of the package that writes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from simulator.errors import AttuneError
from simulator.export import Format, export
from simulator.paths import home_dir
from simulator.problems import one_line
from simulator.store import SessionStore
from simulator.textsafe import printable


def _fail(path: Path, exc: OSError) -> AttuneError:
    reason = exc.strerror or str(exc) or type(exc).__name__
    return AttuneError(one_line(printable(f"{path}: cannot write ({reason})")))


def _exists_error(path: Path) -> AttuneError:
    return AttuneError(
        one_line(printable(f"{path}: already exists (pass --force to overwrite it)"))
    )


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder for this.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _publish(tmp: Path, path: Path, force: bool) -> None:
    if force:
        os.replace(tmp, path)
        return
    try:
        # A hard link fails if the name was taken since we looked: nothing is clobbered.
        os.link(tmp, path)
    except FileExistsError:
        raise _exists_error(path) from None
    except OSError:
        # No hard links on this file system: look again, then rename.
        if path.exists():
            raise _exists_error(path) from None
        os.replace(tmp, path)


def write_private(path: Path, text: str, force: bool = False) -> None:
    """Write `text` to `path` (mode 0600) via a synced temp file; never a half-written file."""
    if path.is_dir():
        raise AttuneError(one_line(printable(f"{path}: is a folder, not a file")))
    if path.exists() and not force:
        raise _exists_error(path)
    folder = path.parent
    try:
        # mkstemp creates the file 0600 in the target folder, so the rename stays atomic.
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _fail(path, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(tmp, path, force)
    except OSError as exc:
        raise _fail(path, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _sync_folder(folder)


def exports_dir() -> Path:
    """Where the practice screen saves exports: `exports` in the attune folder."""
    return home_dir() / "exports"


def export_to_folder(store: SessionStore, session_id: str, fmt: Format) -> Path:
    """Write a session to `exports_dir()/<id>.<fmt>` (replacing an older copy); returns it."""
    saved = store.load(session_id)
    folder = exports_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise _fail(folder, exc) from None
    path = folder / f"{saved.id}.{fmt}"
    write_private(path, export(saved, fmt), force=True)
    return path

"""Writing exports to disk: whole or not at all, private to the user.

The format functions stay pure; this is the one module of the package that writes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from simulator.export import Format, export
from simulator.store import SessionStore
from simulator.support import fs
from simulator.support.errors import AttuneError
from simulator.support.ids import file_in
from simulator.support.paths import home_dir
from simulator.support.problems import one_line
from simulator.support.textsafe import printable


def _fail(path: Path, exc: OSError) -> AttuneError:
    return fs.os_problem(path, exc, "cannot write")


def _exists_error(path: Path) -> AttuneError:
    return AttuneError(
        one_line(printable(f"{path}: already exists (pass --force to overwrite it)"))
    )


def _check_replaceable(path: Path) -> None:
    # Only a regular file is ever replaced: renaming over a link, a device or a pipe would
    # swap out something that is not an old copy of this file (/dev/null, once, as root).
    found = fs.kind(path, "cannot write")
    if found is not None and found != "a regular file":
        raise AttuneError(
            one_line(printable(f"{path}: is {found}, not a regular file; not replaced"))
        )


def _publish(tmp: Path, path: Path, force: bool) -> None:
    if force:
        _check_replaceable(path)
        os.replace(tmp, path)
        return
    try:
        # A hard link fails if the name was taken since we looked: nothing is clobbered.
        os.link(tmp, path)
    except FileExistsError:
        raise _exists_error(path) from None
    except OSError:
        # No hard links on this file system: look again, then rename.
        if fs.taken(path):
            raise _exists_error(path) from None
        os.replace(tmp, path)


def write_private(path: Path, text: str, force: bool = False) -> None:
    """Write `text` to `path` (mode 0600) via a synced temp file; never a half-written file.

    With `force` an existing regular file is replaced atomically; anything else there (a
    folder, a link, a device) is refused and left untouched.
    """
    found = fs.kind(path, "cannot write")
    if found == "a folder":
        raise AttuneError(one_line(printable(f"{path}: is a folder, not a file")))
    if found is not None and not force:
        raise _exists_error(path)
    _check_replaceable(path)
    folder = path.parent
    try:
        # mkstemp creates the file 0600 in the target folder, so the rename stays atomic.
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".attune-", suffix=".tmp")
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
    fs.sync_folder(folder)


def out_target(out: str, default_name: str) -> Path:
    """The file an `--out` value names: a folder (one that exists, or any value ending in a
    path separator, created 0700 if missing) gets `default_name` inside it."""
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    path = Path(out).expanduser()
    if out.endswith(separators):
        fs.private_folder(path)
        return path / default_name
    if fs.is_folder(path):
        return path / default_name
    return path


def exports_dir() -> Path:
    """Where the practice screen saves exports: `exports` in the attune folder."""
    return home_dir() / "exports"


def export_to_folder(store: SessionStore, session_id: str, fmt: Format) -> Path:
    """Write a session to `exports_dir()/<id>.<fmt>` (replacing an older copy); returns it."""
    saved = store.load(session_id)
    folder = exports_dir()
    fs.private_folder(folder)
    path = file_in(folder, saved.id, f".{fmt}", what="session id")
    write_private(path, export(saved, fmt), force=True)
    return path

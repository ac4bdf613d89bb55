"""Asking the file system about paths the user gave, and moving files without clobbering.

Every failure (a name too long, a folder without permission) becomes one AttuneError line
naming the path, never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from pathlib import Path

from simulator.support.errors import AttuneError
from simulator.support.problems import one_line
from simulator.support.textsafe import printable


def os_problem(path: Path, exc: OSError, doing: str = "cannot read") -> AttuneError:
    """One line for a failed file-system step: `PATH: cannot read (Permission denied)`."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return AttuneError(one_line(printable(f"{path}: {doing} ({reason})")))


def _mode(path: Path, follow: bool = True, doing: str = "cannot read") -> int | None:
    try:
        return (path.stat() if follow else path.lstat()).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise os_problem(path, exc, doing) from None


def is_folder(path: Path) -> bool:
    """True when `path` is a folder (or a link to one); False when nothing is there."""
    mode = _mode(path)
    return mode is not None and stat.S_ISDIR(mode)


def is_file(path: Path) -> bool:
    """True when `path` is a regular file (or a link to one); False when nothing is there."""
    mode = _mode(path)
    return mode is not None and stat.S_ISREG(mode)


def taken(path: Path) -> bool:
    """True when anything, even a dangling link, has this name."""
    return _mode(path, follow=False) is not None


def kind(path: Path, doing: str = "cannot read") -> str | None:
    """What is at `path` itself (a link is not followed): None when nothing, else a short name."""
    mode = _mode(path, follow=False, doing=doing)
    if mode is None:
        return None
    kinds = (
        (stat.S_ISREG, "a regular file"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def entries(folder: Path) -> list[Path]:
    """What a folder holds, sorted by name."""
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        raise os_problem(folder, exc) from None


def private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents, each 0700 (mkdir's mode skips parents)."""
    missing = []
    at = folder
    while not is_folder(at):
        missing.append(at)
        if at.parent == at:
            break
        at = at.parent
    for level in reversed(missing):
        try:
            level.mkdir(mode=0o700)
        except FileExistsError:
            if not is_folder(level):
                problem = f"{level}: exists and is not a folder"
                raise AttuneError(one_line(printable(problem))) from None
        except OSError as exc:
            raise os_problem(level, exc, "cannot create the folder") from None


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (best effort: not every platform can)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def move_aside(src: Path, dst: Path) -> None:
    """Move `src` to `dst`, never replacing anything already at `dst` (FileExistsError).

    A hard link then an unlink is atomic about the name; where links are not supported the
    name is checked then renamed, and across file systems the file is copied first, so at
    every moment at least one whole copy exists.
    """
    try:
        os.link(src, dst, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise
        _move_without_links(src, dst)
        return
    try:
        src.unlink()
    except OSError:
        # Could not let go of the original: undo, so there are not two names for it.
        with contextlib.suppress(OSError):
            dst.unlink()
        raise
    sync_folder(dst.parent)
    sync_folder(src.parent)


def _move_without_links(src: Path, dst: Path) -> None:
    if taken(dst):
        raise FileExistsError(errno.EEXIST, "File exists", str(dst))
    try:
        os.rename(src, dst)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        # Another file system: copy whole (exclusive create), then remove the original.
        with src.open("rb") as source, dst.open("xb") as target:
            shutil.copyfileobj(source, target)
            target.flush()
            os.fsync(target.fileno())
        shutil.copymode(src, dst)
        src.unlink()
    sync_folder(dst.parent)
    sync_folder(src.parent)

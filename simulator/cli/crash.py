"""An unexpected exception (a bug): one line for the user, the traceback in a private log."""

from __future__ import annotations

import contextlib
import os
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

import click

from simulator import __version__
from simulator.cli.output import safe_line
from simulator.support.paths import home_dir

BUG_EXIT = 70
"""EX_SOFTWARE: attune itself went wrong, not the input."""
# Enough of the exception's message to recognise it; the log has the rest.
_SHOWN_CHARS = 200


def _log_text(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return f"attune {__version__}, {datetime.now(UTC).isoformat()}\n\n{''.join(lines)}"


def _write_private(folder: Path, text: str) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.log"
    # The traceback may quote what the learner wrote: private, like the sessions.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as out:
        out.write(text)
    return path


def write_crash_log(exc: BaseException) -> Path | None:
    """Write the traceback to `$ATTUNE_HOME/logs` (else the temp folder); None if neither works."""
    text = _log_text(exc)
    with contextlib.suppress(OSError):
        return _write_private(home_dir() / "logs", text)
    with contextlib.suppress(OSError):
        fd, name = tempfile.mkstemp(prefix="attune-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as out:
            out.write(text)
        return Path(name)
    return None


def report_bug(exc: BaseException) -> int:
    """Say in one line that attune hit a bug and where its log is; returns exit code 70."""
    log = write_crash_log(exc)
    where = f"details in {log}" if log else "no log could be written"
    detail = safe_line(f"{type(exc).__name__}: {exc}")[:_SHOWN_CHARS]
    click.echo(
        safe_line(
            f"attune: internal error, a bug in attune rather than your input ({detail}); {where}"
        ),
        err=True,
    )
    return BUG_EXIT

"""The standard streams, made safe to read and write before anything else runs."""

from __future__ import annotations

import contextlib
import sys


def prepare_stdio() -> None:
    """Make the standard streams replace what they cannot encode or decode instead of crashing.

    Output may go to a terminal that speaks only ASCII (LANG=C, PYTHONIOENCODING=ascii),
    and stdin may carry bytes that are not UTF-8; neither is worth a traceback.
    """
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A closed or detached stream has nothing to fix.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")

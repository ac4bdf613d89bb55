"""The `attune` executable: a bare `attune` opens the picker at once; the rest runs `commands`.

Only the standard library at import time. A bare `attune` (or `attune practice` with no
options) in a terminal draws the picker from its cache (`simulator.tui.preview`) before
click, pydantic or any card is imported; when the cache cannot answer, or for any other
arguments, the click command tree runs as it always has.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

PICKER_ARGS: tuple[list[str], ...] = ([], ["practice"])
"""Arguments that open the picker with nothing chosen: what the cache can stand in for."""


def run_cli(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; every user error becomes one line on stderr and exit code 2.

    An unexpected exception (a bug) propagates, so tests see it whole; `main` is
    what users run.
    """
    from simulator.cli.commands import run_cli as run_commands

    return run_commands(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """The `attune` executable: `run_cli`, with a bug reported in one line and logged."""
    # A bug must not dump a traceback on the learner; the log keeps it for the report.
    try:
        if _opens_picker(argv):
            code = _picker_from_cache()
            if code is not None:
                return code
        return run_cli(argv)
    except Exception as exc:
        from simulator.cli.crash import report_bug

        return report_bug(exc)


def _opens_picker(argv: Sequence[str] | None) -> bool:
    args = sys.argv[1:] if argv is None else list(argv)
    return args in PICKER_ARGS and sys.stdin.isatty() and sys.stdout.isatty()


def _picker_from_cache() -> int | None:
    # The picker's exit code, or None when its cache cannot answer (nothing has run).
    from simulator.cli.stdio import prepare_stdio
    from simulator.support.errors import AttuneError
    from simulator.tui.app import open_picker

    prepare_stdio()
    try:
        return 0 if open_picker() else None
    except AttuneError as exc:
        # A card or the config changed under the cache: reported as the slow path would.
        from simulator.cli.output import report_error

        return report_error(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

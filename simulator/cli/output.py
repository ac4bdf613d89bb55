"""Everything the CLI writes: escaped for a terminal, always encodable, errors on one line."""

from __future__ import annotations

import click

from simulator.support.problems import one_line
from simulator.support.textsafe import printable

ERROR_EXIT = 2
"""Bad input the user can fix: a file, an argument, a setting, a saved session."""


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print text that may come from a file, an argument or the environment.

    Control characters (escape sequences included) are shown as visible `\\x..`
    escapes, so a crafted name can neither retitle nor clear the terminal; newlines
    and tabs stay.
    """
    click.echo(printable(text), err=err, nl=nl)


def safe_line(text: object) -> str:
    """Text folded onto one line with every control character escaped."""
    return one_line(printable(str(text)))


def warn(text: object) -> None:
    """One problem line on stderr (e.g. one of several found in a file)."""
    click.echo(safe_line(text), err=True)


def report_error(message: object) -> int:
    """The one way a command fails: `attune: error: MESSAGE` on one line; returns exit code 2."""
    click.echo(f"attune: error: {safe_line(message)}", err=True)
    return ERROR_EXIT

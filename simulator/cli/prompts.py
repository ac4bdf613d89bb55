"""Questions on the command line, answered on stdin one bounded line at a time.

click.prompt reads with input(), which keeps reading until a newline: stdin from
`/dev/zero` or a huge paste would fill memory. These read at most MAX_LINE_BYTES.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from simulator.cli.output import echo
from simulator.support.errors import AttuneError
from simulator.support.limits import MAX_ASKED
from simulator.support.safe_read import read_line


def _answer(prompt: str) -> str:
    echo(f"{prompt}: ", nl=False)
    line = read_line()
    if line is None:
        # End of input with a question open: as click.prompt does, stop.
        echo("")
        raise click.Abort
    return line


def ask(question: str, default: str = "") -> str:
    """The answer as typed, or `default` for an empty line."""
    return _answer(question) or default


def ask_choice(question: str, choices: Sequence[str], default: str, show: bool = True) -> str:
    """One of `choices` (asked again until it is); an empty line picks `default`."""
    listed = f" ({', '.join(choices)})" if show else ""
    for _ in range(MAX_ASKED):
        answer = ask(f"{question}{listed} [{default}]", default).strip()
        if answer in choices:
            return answer
        echo(f"Error: '{answer}' is not one of {', '.join(choices)}.", err=True)
    raise gave_up(question)


def ask_yes_no(question: str, default: bool) -> bool:
    """True for y/yes, False for n/no; an empty line picks `default`."""
    shown = "Y/n" if default else "y/N"
    for _ in range(MAX_ASKED):
        answer = ask(f"{question} [{shown}]").strip().lower()
        if not answer:
            return default
        if answer in ("y", "yes", "n", "no"):
            return answer.startswith("y")
        echo("Error: answer y or n.", err=True)
    raise gave_up(question)


def gave_up(question: str) -> AttuneError:
    """The error once a question has had MAX_ASKED unusable answers."""
    return AttuneError(f"no usable answer to '{question}' after {MAX_ASKED} tries; nothing saved")

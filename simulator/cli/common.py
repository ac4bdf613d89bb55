"""Options and helpers shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from simulator.cli.output import echo
from simulator.domain.intensity import INTENSITIES
from simulator.personas.loader import Catalog, load_default_catalog
from simulator.support.errors import AttuneError
from simulator.support.safe_read import read_line
from simulator.support.textsafe import dumps

F = TypeVar("F", bound=Callable[..., Any])


def personas_option(func: F) -> F:
    """Add `--personas DIR` (repeatable): extra persona folders, later ones win."""
    return click.option(
        "--personas",
        "persona_folders",
        multiple=True,
        type=click.Path(path_type=Path, file_okay=False),
        metavar="DIR",
        help="Extra folder of persona cards (repeatable; also $ATTUNE_PERSONAS). "
        "A card here replaces a shipped card with the same id.",
    )(func)


def model_option(func: F) -> F:
    """Add `--model NAME`: who voices the persona."""
    return click.option(
        "--model",
        metavar="NAME",
        help="Who voices the persona: scripted (authored lines, the default: rated the most "
        "believable), local (the embedded model) or a litellm model string; also "
        "$ATTUNE_MODEL and the config file.",
    )(func)


def intensity_option(func: F) -> F:
    """Add `--intensity gentle|realistic|hard`."""
    return click.option(
        "--intensity",
        type=click.Choice(list(INTENSITIES)),
        default="realistic",
        show_default=True,
        help="Scales how sensitive the partner is.",
    )(func)


def json_option(func: F) -> F:
    """Add `--json` for machine-readable output."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def catalog_from(folders: tuple[Path, ...]) -> Catalog:
    """Load shipped, the learner's own, $ATTUNE_PERSONAS and --personas cards."""
    return load_default_catalog(folders)


def echo_json(value: object) -> None:
    """Print one JSON document on one line."""
    echo(dumps(value))


def confirmed(question: str) -> bool:
    """Ask a yes/no question on stderr; no answer (stdin closed or a file) refuses."""
    echo(f"{question} [y/N]: ", nl=False, err=True)
    # A bounded read: stdin may be endless (`< /dev/zero`), where input() fills memory.
    answer = read_line()
    if answer is None:
        # Nobody to ask: refuse rather than guess.
        echo("", err=True)
        raise AttuneError("not deleted: no answer given (pass --yes to delete without asking)")
    return answer.strip().lower() in ("y", "yes")

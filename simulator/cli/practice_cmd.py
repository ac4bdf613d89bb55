"""`attune practice` (and a bare `attune`): open the practice TUI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from simulator.cli.common import intensity_option, model_option, personas_option
from simulator.cli.ranges import SEED
from simulator.errors import AttuneError


def run_tui(
    model: str | None,
    persona_folders: tuple[Path, ...],
    persona_id: str | None = None,
    intensity: str = "realistic",
    coached: bool = False,
    seed: int = 0,
    guest: bool = False,
) -> None:
    """Build the app (settings, personas, store) and run it in this terminal."""
    # `attune serve` runs this under Textual's web driver, which needs no terminal.
    served = bool(os.environ.get("TEXTUAL_DRIVER"))
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AttuneError("the practice screen needs an interactive terminal (try 'attune --help')")
    from simulator.practice_setup import PracticeSetup
    from simulator.tui.app import make_app
    from simulator.tui.context import build_context

    context = build_context(model, persona_folders, guest=guest)
    start = None
    if persona_id is not None:
        context.catalog.get(persona_id)
        start = PracticeSetup(
            persona_id=persona_id,
            model=context.model,
            intensity=intensity,  # type: ignore[arg-type]
            mode="coached" if coached else "immersive",
            seed=seed,
        )
    make_app(context=context, start=start).run()


@click.command("practice")
@click.option("--persona", "persona_id", metavar="ID", help="Skip the picker: practise with ID.")
@model_option
@intensity_option
@click.option("--coached", is_flag=True, help="Show live feedback on each message.")
@click.option("--seed", default=0, show_default=True, type=SEED, help="Seed for the replies.")
@personas_option
# What `attune serve` runs in each browser tab (see `attune serve --help`), not for people.
@click.option("--guest", is_flag=True, hidden=True)
def practice_command(
    persona_id: str | None,
    model: str | None,
    intensity: str,
    coached: bool,
    seed: int,
    persona_folders: tuple[Path, ...],
    guest: bool,
) -> None:
    """Practise a conversation in the terminal UI (a bare `attune` opens the picker)."""
    run_tui(model, persona_folders, persona_id, intensity, coached, seed, guest)

"""`attune practice` (and a bare `attune`): open the practice TUI."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import get_args

import click

from simulator.cli.common import intensity_option, model_option, personas_option
from simulator.cli.ranges import SEED
from simulator.support.errors import AttuneError
from simulator.turns.timing import FeedbackTiming


def run_tui(
    model: str | None,
    persona_folders: tuple[Path, ...],
    persona_id: str | None = None,
    intensity: str = "realistic",
    feedback: FeedbackTiming = "after",
    seed: int = 0,
    guest: bool = False,
) -> None:
    """Build the app (settings, personas, store) and run it in this terminal."""
    # `attune serve` runs this under Textual's web driver, which needs no terminal.
    served = bool(os.environ.get("TEXTUAL_DRIVER"))
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AttuneError("the practice screen needs an interactive terminal (try 'attune --help')")
    from simulator.tui.app import make_app
    from simulator.tui.preview import load_context
    from simulator.turns.choices import PracticeSetup

    # Also writes the picker's cache, so the next bare `attune` draws it at once.
    context = load_context(model, persona_folders, guest=guest)
    start = None
    if persona_id is not None:
        context.catalog.get(persona_id)
        start = PracticeSetup(
            persona_id=persona_id,
            model=context.model,
            intensity=intensity,  # type: ignore[arg-type]
            feedback=feedback,
            seed=seed,
        )
    make_app(context=context, start=start).run()


@click.command("practice")
@click.option("--persona", "persona_id", metavar="ID", help="Skip the picker: practise with ID.")
@model_option
@intensity_option
@click.option(
    "--feedback",
    type=click.Choice(get_args(FeedbackTiming)),
    help="When to see feedback: live (meter, gauges and hints as you talk), after "
    "(only in the debrief) or real-talk (no meter or gauges either: only the words and the "
    "partner's cues; the debrief shows the state over the turns).  [default: after]",
)
# The flag before feedback had its own name: `--coached` is `--feedback live`.
@click.option("--coached", is_flag=True, hidden=True)
@click.option("--seed", default=0, show_default=True, type=SEED, help="Seed for the replies.")
@personas_option
# What `attune serve` runs in each browser tab (see `attune serve --help`), not for people.
@click.option("--guest", is_flag=True, hidden=True)
def practice_command(
    persona_id: str | None,
    model: str | None,
    intensity: str,
    feedback: FeedbackTiming | None,
    coached: bool,
    seed: int,
    persona_folders: tuple[Path, ...],
    guest: bool,
) -> None:
    """Practise a conversation in the terminal UI (a bare `attune` opens the picker)."""
    if coached and feedback not in (None, "live"):
        raise click.UsageError(
            f"--coached (the old name of --feedback live) contradicts --feedback {feedback}"
        )
    chosen: FeedbackTiming = "live" if coached else feedback or "after"
    run_tui(model, persona_folders, persona_id, intensity, chosen, seed, guest)

"""`attune models`: what can voice a persona here, and what is missing for the rest."""

from __future__ import annotations

import click

from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo, safe_line
from simulator.llm.catalog import model_statuses
from simulator.settings.config import load_settings
from simulator.support.paths import config_path


@click.command("models")
@json_option
def models_command(as_json: bool) -> None:
    """List the built-in models and well-known providers, and why any is unavailable."""
    settings = load_settings()
    rows = model_statuses(settings)
    if as_json:
        echo_json([r.model_dump() for r in rows])
        return
    # A configured model name comes from a file or the environment: one escaped line each.
    names = [safe_line(r.name) for r in rows]
    width = max(len(n) for n in names)
    for name, row in zip(names, rows, strict=True):
        mark = "*" if row.default else " "
        echo(f"{mark} {name:<{width}}  {row.state:<11}  {safe_line(row.detail)}")
        if row.why_not:
            echo(f"  {'':<{width}}  {'':<11}  why not: {safe_line(row.why_not)}")
    echo("")
    echo(
        "* = the default (--model, $ATTUNE_MODEL, or model.name in "
        f"{safe_line(config_path())}). Any litellm model string works with --model."
    )

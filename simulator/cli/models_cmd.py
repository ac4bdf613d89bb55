"""`attune models`: what can voice a persona here, and what is missing for the rest."""

from __future__ import annotations

import click

from simulator.cli.common import echo_json, json_option
from simulator.config import load_settings
from simulator.llm.catalog import model_statuses
from simulator.paths import config_path


@click.command("models")
@json_option
def models_command(as_json: bool) -> None:
    """List the built-in models and well-known providers, and why any is unavailable."""
    settings = load_settings()
    rows = model_statuses(settings)
    if as_json:
        echo_json([r.model_dump() for r in rows])
        return
    width = max(len(r.name) for r in rows)
    for row in rows:
        mark = "*" if row.default else " "
        click.echo(f"{mark} {row.name:<{width}}  {row.state:<11}  {row.detail}")
        if row.why_not:
            click.echo(f"  {'':<{width}}  {'':<11}  why not: {row.why_not}")
    click.echo("")
    click.echo(
        "* = the default (--model, $ATTUNE_MODEL, or model.name in "
        f"{config_path()}). Any litellm model string works with --model."
    )

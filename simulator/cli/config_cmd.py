"""`attune config`: where the settings file is, and the settings in effect."""

from __future__ import annotations

import click

from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo, safe_line
from simulator.settings.config import load_settings
from simulator.support.paths import config_path


@click.group("config")
def config_group() -> None:
    """Show the config file's location and the settings in effect."""


@config_group.command("path")
def config_path_command() -> None:
    """Print where attune looks for its config file."""
    echo(safe_line(config_path()))


@config_group.command("show")
@json_option
def config_show_command(as_json: bool) -> None:
    """Print the settings in effect (file, then $ATTUNE_MODEL, then defaults)."""
    settings = load_settings()
    data = settings.model_dump(mode="json")
    if as_json:
        echo_json(data)
        return
    echo(f"# {safe_line(config_path())}")
    for section, values in data.items():
        echo(f"[{section}]")
        for key, value in values.items():
            shown = (
                "(default)" if value is None else repr(value) if isinstance(value, str) else value
            )
            echo(f"{key} = {shown}")
        echo("")

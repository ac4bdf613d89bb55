"""`attune config`: where the settings file is, and the settings in effect."""

from __future__ import annotations

import click

from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo, safe_line
from simulator.settings.config import Settings, load_settings
from simulator.support import fs
from simulator.support.errors import AttuneError
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
    effective = local_in_effect(settings)
    if as_json:
        echo_json({**data, "local_in_effect": effective})
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
    echo("# What the `local` model runs with (defaults resolved, template from the file):")
    for key, value in effective.items():
        echo(f"#   {key}: {safe_line(value)}")


def local_in_effect(settings: Settings) -> dict[str, object]:
    """The per-model settings that matter for role-play, as llama.cpp will get them."""
    from simulator.llm.client import LOCAL
    from simulator.llm.gguf_meta import read_gguf_info, template_family
    from simulator.llm.local_model import bundled_gguf, default_batch_threads, default_threads

    local = settings.local
    path = local.model_path or bundled_gguf()
    out: dict[str, object] = {"file": str(path) if path else "(not installed)"}
    if local.chat_template:
        out["chat_template"] = f"from the config ({template_family(local.chat_template)})"
    elif path is not None:
        try:
            # A FIFO or a device named there is never opened (reading one could block).
            if not fs.is_file(path):
                raise AttuneError(f"{path}: not a file")
            info = read_gguf_info(path)
            out["chat_template"] = f"from the file ({template_family(info.chat_template)})"
            out["trained_context"] = info.context_length
        except AttuneError as exc:
            out["chat_template"] = f"unknown: {exc}"
    out["context"] = local.context
    out["threads"] = local.threads or default_threads()
    out["threads_batch"] = local.threads_batch or default_batch_threads()
    out["poll"] = local.poll
    temperature = settings.model.temperature if local.temperature is None else local.temperature
    out["temperature"] = temperature
    out["in_use"] = settings.model.name == LOCAL
    return out

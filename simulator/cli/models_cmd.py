"""`attune models`: what can voice a persona here; `pull` and `use` a better local model."""

from __future__ import annotations

import os
import sys

import click

from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo, safe_line
from simulator.cli.progress import progress_class
from simulator.llm.catalog import BETTER_HINT, model_statuses, only_embedded, probe_servers
from simulator.llm.gguf_catalog import (
    CATALOG,
    EMBEDDED,
    SPEED_NOTE,
    CatalogModel,
    documented_speed,
    estimated_tokens_per_s,
    find,
    names,
)
from simulator.settings.config import load_settings
from simulator.support.errors import AttuneError
from simulator.support.paths import config_path, home_label, models_dir


@click.group("models", invoke_without_command=True)
@json_option
@click.pass_context
def models_command(ctx: click.Context, as_json: bool) -> None:
    """List what can voice a persona here, asking local model servers (Ollama, LM Studio...)."""
    if ctx.invoked_subcommand is not None:
        return
    settings = load_settings()
    rows = model_statuses(settings, found=probe_servers(settings))
    if as_json:
        echo_json([r.model_dump() for r in rows])
        return
    # A configured model name comes from a file or the environment: one escaped line each.
    names_ = [safe_line(r.name) for r in rows]
    width = max(len(n) for n in names_)
    for name, row in zip(names_, rows, strict=True):
        mark = "*" if row.default else " "
        echo(f"{mark} {name:<{width}}  {row.state:<11}  {safe_line(row.detail)}")
        if row.why_not:
            echo(f"  {'':<{width}}  {'':<11}  why not: {safe_line(row.why_not)}")
    echo("")
    echo(
        "* = the default (--model, $ATTUNE_MODEL, or model.name in "
        f"{safe_line(config_path())}). Any litellm model string works with --model."
    )
    if settings.local.model_path is None and only_embedded(rows):
        echo(BETTER_HINT)


def _documented_line(model: CatalogModel) -> str:
    """The published measurement for `model`, labelled as such, or that none was found."""
    doc = documented_speed(model)
    if doc is None:
        return "documented: none found in public benchmarks; the speed above is only an estimate"
    threads = f"{doc.threads} threads" if doc.threads else "threads not stated"
    return (
        f"documented: {doc.tokens_per_s:.1f} tok/s on {doc.hardware}, {threads} "
        f"({doc.method}); {doc.source}"
    )


def _checksum_line(model: CatalogModel) -> str:
    """Which SHA-256 a pull of `model` is checked against."""
    if model.sha256 is not None:
        return f"checksum: SHA-256 pinned here ({model.sha256[:12]}...), from a public source"
    return "checksum: the hub's own SHA-256 (none pinned here)"


def _catalog_lines() -> list[str]:
    folder = models_dir()
    out = [
        f"  {'name':<13} {'size':>6}  {'min RAM':>7}  {'est. speed':>10}  licence",
    ]
    pad = " " * 16
    for m in CATALOG:
        have = " (pulled)" if (folder / m.filename).is_file() else ""
        speed = estimated_tokens_per_s(m)
        out.append(
            f"  {m.name:<13} {m.size_gb:>4.2f}GB  {m.min_ram_gb:>4} GB  "
            f"~{speed:>3.0f} tok/s  {m.licence}{have}"
        )
        out.append(f"{pad}{m.params} parameters; {m.note}")
        out.append(pad + _documented_line(m))
        out.append(pad + _checksum_line(m))
    return out


def _unknown(name: str) -> AttuneError:
    return AttuneError(f"unknown model '{name}': choose one of {', '.join(names())}")


@models_command.command("pull")
@click.argument("name", required=False, metavar="NAME")
def pull_command(name: str | None) -> None:
    """Download a recommended instruct model (GGUF) into your attune folder; no NAME lists them."""
    if name is None:
        echo("Models `attune models pull NAME` can fetch (then `attune models use NAME`):")
        for line in _catalog_lines():
            echo(line)
        echo(f"({SPEED_NOTE}.)")
        return
    model = find(name)
    if model is None:
        raise _unknown(name)
    from simulator.llm.pull import pull
    from simulator.support import fs

    folder = models_dir()
    fs.private_folder(folder)

    def started(size: int, have: int) -> None:
        resuming = f", resuming at {have / 1e6:.0f} MB" if have else ""
        echo(
            f"Pulling {model.name} ({size / 1e9:.2f} GB{resuming}; {model.licence}) "
            f"from {model.repo_id} into {home_label(folder)}",
            err=True,
        )

    done = pull(model, folder, progress=progress_class(sys.stderr), on_start=started)
    if not done.fetched:
        echo(f"{model.name} is already pulled: {home_label(done.path)}")
    else:
        echo(f"Pulled {model.name}, checksum verified: {home_label(done.path)}")
    echo(f"Use it with: attune models use {model.name}")


Values = dict[str, dict[str, str | int | float | None]]


def _use_values(model: CatalogModel | None, path: str | None) -> Values:
    """What `use` writes: the file, and the context and temperature that suit the model."""
    if model is None:
        return {
            "local": {"model_path": None, "context": None, "temperature": None},
            "model": {"name": "local"},
        }
    return {
        "local": {"model_path": path, "context": model.context, "temperature": model.temperature},
        "model": {"name": "local"},
    }


@models_command.command("use")
@click.argument("name", metavar="NAME")
def use_command(name: str) -> None:
    """Make a pulled model (or `embedded`) the `local` model, in the config file."""
    from simulator.settings.edit import set_values

    path: str | None = None
    model = None
    if name.strip().lower() != EMBEDDED:
        model = find(name)
        if model is None:
            raise AttuneError(
                f"unknown model '{name}': choose one of {', '.join(names())} or {EMBEDDED}"
            )
        file = models_dir() / model.filename
        if not file.is_file():
            raise AttuneError(f"{model.name} is not pulled yet: attune models pull {model.name}")
        path = os.fspath(file)
    target = config_path()
    set_values(target, _use_values(model, path))
    what = "the embedded SmolLM2-135M" if model is None else f"{model.name} ({path})"
    echo(f"`local` is now {safe_line(what)}; set in {safe_line(target)}")
    echo("Compare it with others: attune eval --model local --model scripted")

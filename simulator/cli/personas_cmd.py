"""`attune personas list|show|validate` (and `new|delete|restore`, from personas_new_cmd)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from simulator.cli.common import catalog_from, echo_json, json_option, personas_option
from simulator.cli.output import echo, safe_line, warn
from simulator.cli.personas_new_cmd import delete_command, new_command, restore_command
from simulator.cli.personas_try_cmd import try_command
from simulator.domain.zones import Zone
from simulator.modes import words_for
from simulator.personas.card import PersonaCard
from simulator.personas.files import card_files
from simulator.personas.loader import load_card
from simulator.support import fs
from simulator.support.errors import AttuneError, PersonaError
from simulator.support.textsafe import printable


@click.group("personas")
def personas_group() -> None:
    """List, inspect, validate, try and make persona cards."""


personas_group.add_command(new_command)
personas_group.add_command(delete_command)
personas_group.add_command(restore_command)


@personas_group.command("list")
@personas_option
@json_option
def list_command(persona_folders: tuple[Path, ...], as_json: bool) -> None:
    """List the personas you can practise with."""
    catalog = catalog_from(persona_folders)
    if as_json:
        echo_json(
            [
                {
                    "id": card.id,
                    "name": card.name,
                    "mode": card.mode,
                    "style": card.style.value,
                    "softer_emotion": card.underneath.emotion.value,
                    "summary": card.summary,
                    "source": str(catalog.sources[card.id]),
                    "shipped": catalog.is_shipped(card.id),
                    "yours": catalog.is_user(card.id),
                }
                for card in catalog.cards.values()
            ]
        )
        return
    width = max((len(i) for i in catalog.cards), default=2)
    theirs = [c for c in catalog.cards.values() if not catalog.is_user(c.id)]
    yours = [c for c in catalog.cards.values() if catalog.is_user(c.id)]
    for card in theirs:
        mark = "" if catalog.is_shipped(card.id) else "  [custom]"
        _list_row(card, width, mark)
    if yours:
        echo("\nYour scenarios (attune personas new --interactive; private to you):")
        for card in yours:
            _list_row(card, width, "")
    for problem in catalog.problems:
        warn(f"skipped {problem}")


def _list_row(card: PersonaCard, width: int, mark: str) -> None:
    echo(f"{card.id:<{width}}  {safe_line(card.name)} ({card.style.value}, {card.mode} mode){mark}")
    echo(textwrap.indent(textwrap.fill(printable(card.summary), 76), " " * (width + 2)))


def _show_text(card: PersonaCard) -> str:
    view = words_for(card.mode)
    out = [
        f"{card.name}  ({card.id})",
        f"mode: {card.mode}   style: {card.style.value}   sensitivity: {card.sensitivity}   "
        f"baseline {view.tension} {card.baseline.arousal:g}, "
        f"{view.closeness} {card.baseline.connection:g}",
        f"underneath: {card.underneath.emotion.value}, "
        f"surfaces at {view.closeness} {card.underneath.surfaces_at:g}",
        "",
        textwrap.fill(card.scenario, 80),
        "",
        "Soothed by:",
        *(f"  {r.move.value}: {r.why}" for r in card.soothes),
        "Triggered by:",
        *(f"  {r.move.value}: {r.why}" for r in card.triggers),
        "",
        "Opening:",
        *(f"  - {line}" for line in card.opening),
    ]
    for zone in Zone:
        out += [
            f"{view.stage(zone).capitalize()}:",
            *(f"  - {line}" for line in card.lines.for_zone(zone)),
        ]
    out += ["When the softer feeling comes through:", *(f"  - {x}" for x in card.underneath.lines)]
    if card.cues is not None:
        cues = card.cues
        groups = [(f"{view.stage(zone).capitalize()}", cues.for_zone(zone)) for zone in Zone]
        groups += [
            ("After a misstep", cues.after_misstep),
            ("After an attuned move", cues.after_attuned),
        ]
        out += ["", "Cues (shown under the replies):"]
        for title, lines in groups:
            out += [f"  {title}:", *(f"    ({line})" for line in lines)] if lines else []
    if card.reactions:
        out.append("Reactions (to each family of moves, by heat):")
        for family in card.reactions:
            for heat in ("hot", "wary", "cool"):
                out += [f"  {family}, {heat}: {x}" for x in card.reaction_lines(family, heat)]
    return printable("\n".join(out))


@personas_group.command("show")
@click.argument("persona_id", metavar="ID")
@personas_option
@json_option
def show_command(persona_id: str, persona_folders: tuple[Path, ...], as_json: bool) -> None:
    """Show one persona card in full."""
    card = catalog_from(persona_folders).get(persona_id)
    if as_json:
        echo_json(card.model_dump(mode="json"))
    else:
        echo(_show_text(card))


@personas_group.command("validate")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PATH..."
)
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check card files or folders, reporting every problem at once."""
    files: list[Path] = []
    for path in paths:
        files += card_files(path) if fs.is_folder(path) else [path]
    failed = 0
    for path in files:
        try:
            card = load_card(path)
        except PersonaError as exc:
            failed += 1
            for problem in exc.problems:
                warn(f"{path}: {problem}")
            if exc.hidden:
                warn(f"{path}: and {exc.hidden:,} more problem(s); fix these first")
        except AttuneError as exc:
            failed += 1
            warn(exc)
        else:
            echo(f"ok  {safe_line(path)}  ({safe_line(card.id)})")
    if not files:
        raise AttuneError("no persona card files (*.yaml) found in " + ", ".join(map(str, paths)))
    if failed:
        raise AttuneError(f"{failed} of {len(files)} card(s) invalid")


personas_group.add_command(try_command)

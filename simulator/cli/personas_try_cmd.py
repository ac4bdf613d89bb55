"""`attune personas try ID`: play the generic dynamics checks against one card."""

from __future__ import annotations

from pathlib import Path

import click

from simulator.cli.common import (
    catalog_from,
    echo_json,
    intensity_option,
    json_option,
    personas_option,
)
from simulator.cli.output import echo, safe_line
from simulator.evals.tryout import TryReport, try_card
from simulator.personas.card import PersonaCard
from simulator.personas.loader import load_card
from simulator.support.textsafe import printable

ODD_EXIT = 1


def _card(persona: str, folders: tuple[Path, ...]) -> PersonaCard:
    path = Path(persona)
    # A card file being written need not be in a personas folder yet.
    if path.suffix in (".yaml", ".yml"):
        return load_card(path)
    return catalog_from(folders).get(persona)


def _text(report: TryReport) -> str:
    width = max(len(c.name) for c in report.checks)
    out = [
        printable(
            f"Trying {safe_line(report.name)} ({safe_line(report.persona)}) at "
            f"{report.intensity} intensity: "
            "scripted learners, the card's own lines, no model."
        )
    ]
    for check in report.checks:
        mark = "ok " if check.ok else "odd"
        out.append(printable(f"  {mark}  {check.name:<{width}}  {check.detail}"))
        if check.suggestion:
            out.append(printable(f"       {'':<{width}}  tune: {check.suggestion}"))
    odd = len(report.odd)
    total = len(report.checks)
    out.append(f"{total} checks: {total - odd} ok, {odd} odd.")
    return "\n".join(out)


@click.command("try")
@click.argument("persona", metavar="ID")
@personas_option
@intensity_option
@json_option
@click.pass_context
def try_command(
    ctx: click.Context,
    persona: str,
    persona_folders: tuple[Path, ...],
    intensity: str,
    as_json: bool,
) -> None:
    """Check how a card behaves under scripted learners; exit 1 if anything is odd.

    \b
    ID is a persona id, or the path of a card file (.yaml) not yet in a folder.
    Runs offline in well under a second: the documents' steps should settle the
    partner (but not after one message), the mistakes should escalate it, an early
    plan should cost while the same plan is welcome once settled, a repair should
    recover, and the softer feeling should wait for connection.
    """
    report = try_card(_card(persona, persona_folders), intensity)
    if as_json:
        echo_json(
            {
                "persona": report.persona,
                "intensity": report.intensity,
                "ok": not report.odd,
                "checks": [c.model_dump(mode="json") for c in report.checks],
            }
        )
    else:
        echo(_text(report))
    if report.odd:
        ctx.exit(ODD_EXIT)

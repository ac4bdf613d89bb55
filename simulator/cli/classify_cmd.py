"""`attune classify` and `attune moves`."""

from __future__ import annotations

import sys

import click

from simulator.classifier import Classification, classify
from simulator.cli.common import echo_json, json_option
from simulator.moves import MOVE_INFO
from simulator.textsafe import printable


def _as_json(found: Classification) -> dict[str, object]:
    return {
        "text": found.text,
        "moves": [m.value for m in found.moves],
        "spans": [s.model_dump(mode="json") for s in found.spans],
    }


def _as_text(found: Classification) -> str:
    if not found.spans:
        return "(no moves)"
    return "\n".join(
        f'{s.move.value:<20}{MOVE_INFO[s.move].polarity:<12}"{printable(s.text)}"'
        for s in found.spans
    )


@click.command("classify")
@click.argument("text", metavar="TEXT|-")
@json_option
def classify_command(text: str, as_json: bool) -> None:
    """Tag a learner message with attunement moves and the words behind each.

    With `-`, read one message per line from stdin; with --json, print one JSON
    object per line: {"text", "moves", "spans"}.
    """
    messages = (line.rstrip("\r\n") for line in sys.stdin) if text == "-" else iter([text])
    for message in messages:
        found = classify(message)
        if as_json:
            echo_json(_as_json(found))
        else:
            if text == "-":
                click.echo(f"> {printable(message)}")
            click.echo(_as_text(found))


@click.command("moves")
@json_option
def moves_command(as_json: bool) -> None:
    """List the move taxonomy and where each move comes from."""
    if as_json:
        echo_json(
            [
                {
                    "id": i.move.value,
                    "polarity": i.polarity,
                    "label": i.label,
                    "description": i.description,
                    "step": i.step,
                    "attune": i.attune,
                }
                for i in MOVE_INFO.values()
            ]
        )
        return
    for info in MOVE_INFO.values():
        click.echo(f"{info.move.value:<20}{info.polarity:<12}{info.description}")
        click.echo(f"{'':<32}step: {info.step}; ATTUNE: {info.attune}")

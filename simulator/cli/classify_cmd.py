"""`attune classify` and `attune moves`."""

from __future__ import annotations

import click

from simulator.classifier import Classification, classify
from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo
from simulator.modes import PracticeMode, get_mode, mode_names, move_info
from simulator.support.safe_read import stdin_lines
from simulator.support.textsafe import printable


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
        f'{s.move.value:<20}{move_info(s.move).polarity:<12}"{printable(s.text)}"'
        for s in found.spans
    )


mode_option = click.option(
    "--mode",
    type=click.Choice(mode_names()),
    default="listen",
    show_default=True,
    help="The move set: listen (attuning to an upset partner) or ask (asking for attunement).",
)


@click.command("classify")
@click.argument("text", metavar="TEXT|-")
@mode_option
@json_option
def classify_command(text: str, mode: PracticeMode, as_json: bool) -> None:
    """Tag a learner message with attunement moves and the words behind each.

    With `-`, read one message per line from stdin; with --json, print one JSON
    object per line: {"text", "moves", "spans"}. `--mode ask` tags with the ask-mode
    move set (asking a partner for attunement).
    """
    messages = stdin_lines() if text == "-" else iter([text])
    for message in messages:
        found = classify(message, mode=mode)
        if as_json:
            echo_json(_as_json(found))
        else:
            if text == "-":
                echo(f"> {printable(message)}")
            echo(_as_text(found))


@click.command("moves")
@mode_option
@json_option
def moves_command(mode: PracticeMode, as_json: bool) -> None:
    """List the move taxonomy (of one practice mode) and where each move comes from."""
    infos = [move_info(m) for m in get_mode(mode).move_ids]
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
                for i in infos
            ]
        )
        return
    for info in infos:
        echo(f"{info.move.value:<20}{info.polarity:<12}{info.description}")
        echo(f"{'':<32}step: {info.step}; ATTUNE: {info.attune}")

"""`attune classify` and `attune moves`."""

from __future__ import annotations

import json
from collections.abc import Iterator

import click

from simulator.classifier import Classification, classify
from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo
from simulator.modes import PracticeMode, get_mode, mode_names, move_info
from simulator.support.errors import AttuneError
from simulator.support.safe_read import STDIN, stdin_lines
from simulator.support.textsafe import printable


def _as_json(found: Classification) -> dict[str, object]:
    out: dict[str, object] = {
        "text": found.text,
        "moves": [m.value for m in found.moves],
        # A rule's tag has no confidence: only the learned layer's tags carry one.
        "spans": [s.model_dump(mode="json", exclude_none=True) for s in found.spans],
    }
    if found.closest is not None:
        out["closest"] = found.closest.model_dump(mode="json")
    return out


def _as_text(found: Classification) -> str:
    if not found.spans:
        if found.closest is not None:
            guess = found.closest
            return (
                f"(no moves; closest: {guess.move.value} {guess.confidence:.2f}, "
                f'"{printable(guess.text)}")'
            )
        return "(no moves)"
    return "\n".join(
        f"{s.move.value:<20}{move_info(s.move).polarity:<12}"
        f"{'rule' if s.confidence is None else f'learned {s.confidence:.2f}':<14}"
        f'"{printable(s.text)}"'
        for s in found.spans
    )


def _message(line: str, number: int) -> str:
    """A stdin line: a JSON object's "text" (so a message may hold line breaks), or the line."""
    if not line.lstrip().startswith("{"):
        return line
    try:
        data = json.loads(line)
    except ValueError:
        return line  # a message that merely starts with a brace
    if not isinstance(data, dict):
        return line
    text = data.get("text")
    if not isinstance(text, str):
        raise AttuneError(f'{STDIN} line {number}: a JSON line needs a "text" string')
    return text


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

    With `-`, read one message per line from stdin, either plain text or a JSON object
    with a "text" field (so a message may hold line breaks); with --json, print one
    JSON object per line: {"text", "moves", "spans"}, plus "closest" (the learned
    layer's best guess) when nothing was tagged. Learned tags carry a "confidence".
    `--mode ask` tags with the ask-mode move set (asking a partner for attunement).
    """
    if text == "-":
        messages: Iterator[str] = (_message(line, n) for n, line in enumerate(stdin_lines(), 1))
    else:
        messages = iter([text])
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

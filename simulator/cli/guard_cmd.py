"""`attune guard -`: judge replies from outside, one JSON line in, one verdict out."""

from __future__ import annotations

import json
from pathlib import Path

import click

from simulator.cli.common import catalog_from, echo_json, personas_option
from simulator.guard.verdict import judge, parse_request
from simulator.support.errors import AttuneError
from simulator.support.safe_read import STDIN, stdin_lines


@click.command("guard")
@click.argument("source", metavar="-")
@personas_option
def guard_command(source: str, persona_folders: tuple[Path, ...]) -> None:
    """Check persona replies with the output guard: one JSON object per stdin line.

    \b
    Each line: {"persona": ID, "zone" or "stage": NAME, "learner": TEXT, "reply": TEXT,
    "prev": the partner's previous line (optional), "plan": a reply plan, or
    "plan_stance": its stance alone (optional)}. Other fields are ignored, so a
    labelled blind set can be piped through as it is.
    Prints one line per input: {"verdict": "pass"|"reject",
    "reasons": [{"check": ..., "words": ...}]}, the words being what triggered each check.
    The stance check runs only when a plan is given.
    """
    if source != "-":
        raise AttuneError(f"guard reads JSON lines from stdin: pass '-', not {source!r}")
    catalog = catalog_from(persona_folders)
    for number, line in enumerate(stdin_lines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AttuneError(f"{STDIN} line {number}: not JSON ({exc.msg})") from None
        try:
            request = parse_request(data)
            result = judge(request, catalog)
        except AttuneError as exc:
            raise AttuneError(f"{STDIN} line {number}: {exc}") from None
        echo_json(result.model_dump(mode="json"))

"""`attune replay`: run a script of learner turns and print what the partner did."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from simulator.cli.common import catalog_from, echo_json, json_option, personas_option
from simulator.config import load_settings
from simulator.engine import INTENSITIES, Effect
from simulator.errors import AttuneError
from simulator.replay import load_script, replay_json, run_script
from simulator.session import Session, TurnRecord
from simulator.textsafe import printable
from simulator.voices.factory import make_classifier, make_voice


def _wrap(prefix: str, text: str) -> str:
    return textwrap.fill(
        printable(text), 88, initial_indent=prefix, subsequent_indent=" " * len(prefix)
    )


def _effect_line(effect: Effect) -> str:
    why = f" ({'; '.join(effect.reasons)})" if effect.reasons else ""
    quote = printable(effect.span)
    return (
        f'       {effect.move.value} "{quote}": arousal {effect.arousal:+.1f}, '
        f"connection {effect.connection:+.1f}{why}"
    )


def _turn_text(turn: TurnRecord, before: tuple[float, float], name: str) -> str:
    moves = ", ".join(m.value for m in turn.moves) or "(no moves)"
    d_arousal = turn.arousal - before[0]
    d_connection = turn.connection - before[1]
    lines = [
        _wrap(f"{turn.index:>3}  you> ", turn.user),
        f"     moves: {moves}",
        f"     arousal {before[0]:5.1f} -> {turn.arousal:5.1f} ({d_arousal:+.1f})   "
        f"connection {before[1]:5.1f} -> {turn.connection:5.1f} ({d_connection:+.1f})   "
        f"{turn.zone}{'   (softer feeling shows)' if turn.surfaced_now else ''}",
        *(_effect_line(e) for e in turn.effects),
        _wrap(f"     {name}> ", turn.reply),
    ]
    if turn.guard.attempts:
        trimmed = ", trimmed" if turn.guard.trimmed else ""
        lines.append(f"     guard: {turn.guard.result}{trimmed}, {turn.latency_s:.2f}s")
        lines.extend(f"       {printable(r)}" for r in turn.guard.reasons)
    return "\n".join(lines)


@click.command("replay")
@click.argument("script", metavar="SCRIPT")
@click.option(
    "--persona", "persona_id", metavar="ID", help="Persona id (default: the script's `persona:`)."
)
@click.option(
    "--model",
    metavar="NAME",
    help="Who voices the persona: local (embedded, the default), scripted (authored lines) "
    "or a litellm model string; also $ATTUNE_MODEL and the config file.",
)
@click.option(
    "--judge-model",
    metavar="NAME",
    help="Also tag the learner's moves with this model, merged with the rules (off by default).",
)
@click.option(
    "--seed", default=0, show_default=True, type=int, help="Seed for reproducible replies."
)
@click.option(
    "--intensity",
    type=click.Choice(list(INTENSITIES)),
    default="realistic",
    show_default=True,
    help="Scales how sensitive the partner is.",
)
@personas_option
@json_option
def replay_command(
    script: str,
    persona_id: str | None,
    model: str | None,
    judge_model: str | None,
    seed: int,
    intensity: str,
    persona_folders: tuple[Path, ...],
    as_json: bool,
) -> None:
    """Run a YAML script of learner turns (`turns:` list; `-` for stdin) through the engine."""
    settings = load_settings()
    model = model or settings.model.name
    judge_model = judge_model or settings.model.judge
    loaded = load_script(script)
    chosen = persona_id or loaded.persona
    if chosen is None:
        raise AttuneError("no persona given: pass --persona ID or put `persona: ID` in the script")
    card = catalog_from(persona_folders).get(chosen)
    voice = make_voice(model, card, settings, seed=seed)
    classifier = make_classifier(judge_model, settings)
    session = Session(card, voice, intensity=INTENSITIES[intensity], classifier=classifier)
    run_script(session, loaded)
    if as_json:
        echo_json(replay_json(session, model=model, seed=seed))
        return
    start = session.start
    click.echo(f"{card.name} ({card.id}), model {model}, seed {seed}, intensity {intensity}")
    click.echo(
        f"start: arousal {start.arousal:.1f}, connection {start.connection:.1f}, {start.zone.value}"
    )
    click.echo(_wrap(f"     {card.name}> ", session.opening))
    before = (start.arousal, start.connection)
    for turn in session.turns:
        click.echo("")
        click.echo(_turn_text(turn, before, card.name))
        before = (turn.arousal, turn.connection)

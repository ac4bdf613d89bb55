"""`attune replay`: run a script of learner turns and print what the partner did."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

import click

from simulator.cli.common import (
    catalog_from,
    echo_json,
    intensity_option,
    json_option,
    model_option,
    personas_option,
)
from simulator.cli.output import echo, safe_line
from simulator.cli.ranges import SEED
from simulator.cli.transcript import self_rating_lines, turn_text, wrap
from simulator.engine import INTENSITIES
from simulator.export.common import start_text
from simulator.feedback.selfrating import rating_of
from simulator.modes import words_for
from simulator.practice.conversation import PracticeSetup
from simulator.practice.replay import (
    load_script,
    replay_debrief,
    replay_json,
    run_script,
    save_replay,
    script_ratings,
)
from simulator.settings.config import load_settings
from simulator.store.sqlite import SessionStore
from simulator.support.errors import AttuneError
from simulator.turns.session import Session
from simulator.voices.factory import make_classifier, make_voice

Intensity = Literal["gentle", "realistic", "hard"]


@click.command("replay")
@click.argument("script", metavar="SCRIPT")
@click.option(
    "--persona", "persona_id", metavar="ID", help="Persona id (default: the script's `persona:`)."
)
@model_option
@click.option(
    "--judge-model",
    metavar="NAME",
    help="Also tag the learner's moves with this model, merged with the rules (off by default).",
)
@click.option(
    "--seed", default=0, show_default=True, type=SEED, help="Seed for reproducible replies."
)
@intensity_option
@personas_option
@click.option(
    "--save",
    is_flag=True,
    help="Also save the session in your saved sessions (with the script's self_rating), "
    "as if practised; `attune sessions` and `attune progress` then see it.",
)
@json_option
def replay_command(
    script: str,
    persona_id: str | None,
    model: str | None,
    judge_model: str | None,
    seed: int,
    intensity: str,
    persona_folders: tuple[Path, ...],
    save: bool,
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
    ratings = script_ratings(loaded, card.mode, script)
    setup = PracticeSetup(
        persona_id=card.id,
        model=model,
        intensity=cast(Intensity, intensity),
        seed=seed,
    )
    voice = make_voice(model, card, settings, seed=seed)
    classifier = make_classifier(judge_model, settings, card.mode)
    session = Session(
        card,
        voice,
        intensity=INTENSITIES[intensity],
        classifier=classifier,
        resources=settings.safety.resources,
        seed=seed,
    )
    run_script(session, loaded)
    rating = rating_of(replay_debrief(session, setup), ratings)
    if save:
        saved_id = save_replay(SessionStore.default(), session, setup, ratings)
        echo(f"Saved as session {safe_line(saved_id)} (see 'attune sessions show').", err=True)
    if as_json:
        data = replay_json(session, model=model, seed=seed)
        data["self_rating"] = rating.public_json()
        echo_json(data)
        return
    start = session.start
    view = words_for(card.mode)
    asking = words_for(card.mode).header_note
    # The name and the model come from a file, an argument or the environment.
    name = safe_line(card.name)
    echo(
        safe_line(f"{name} ({card.id}), model {model}, seed {seed}, intensity {intensity}{asking}")
    )
    echo(f"start: {start_text(start.arousal, start.connection, start.zone, view)}")
    echo(wrap(f"     {name}> ", session.opening))
    before = (start.arousal, start.connection)
    for turn in session.turns:
        echo("")
        echo(turn_text(turn, before, name, view))
        before = (turn.arousal, turn.connection)
    if ratings:
        echo("")
        echo("\n".join(self_rating_lines(rating)))

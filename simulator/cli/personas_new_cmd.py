"""`attune personas new|delete|restore`: the learner's (or a coach's) own persona cards.

The scenario builder is imported when a command runs, so `attune` (and the first frame of
the TUI) never pays for it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

import click

from simulator.cli.common import catalog_from, confirmed, model_option, personas_option
from simulator.cli.output import echo
from simulator.cli.prompts import ask, ask_choice, ask_yes_no, gave_up
from simulator.personas.card import PersonaCard, SofterEmotion
from simulator.support import fs
from simulator.support.errors import AttuneError
from simulator.support.ids import checked_id
from simulator.support.limits import MAX_ASKED
from simulator.support.paths import user_personas_dir
from simulator.support.textsafe import printable

if TYPE_CHECKING:
    from simulator.scenario import ScenarioAnswers

NOT_SURE = "not-sure"


def _skeleton_path(card_id: str, out: str | None) -> Path:
    from simulator.export.files import out_target
    from simulator.scenario.store import card_path

    if out is None:
        fs.private_folder(user_personas_dir())
        return card_path(card_id)
    if out == "":
        raise AttuneError("--out: a path cannot be empty")
    path = out_target(out, f"{card_id}.yaml")
    if path.suffix not in (".yaml", ".yml") or path.stem != card_id:
        raise AttuneError(
            printable(f"{path}: a card file must be named {card_id}.yaml (ids match file names)")
        )
    return path


def _ask_choice(question: str, help_text: dict[str, str], default: str) -> str:
    for name, meaning in help_text.items():
        echo(f"  {name}: {meaning}")
    return ask_choice(question, list(help_text), default)


def ask_answers() -> ScenarioAnswers:
    """The new-scenario form as prompts; a wrong answer is asked again with what is wrong."""
    from simulator.scenario import FIELDS, ScenarioAnswers, answer_problems
    from simulator.scenario.answers import INTENSITY_HELP, STYLE_HELP

    echo("Describe the talk you are about to have; attune builds a partner from it.")
    raw: dict[str, object] = {}
    for field in FIELDS:
        for _ in range(MAX_ASKED):
            raw[field.name] = ask(f"{field.question} ({field.hint})")
            problem = answer_problems({"about": "x", "says_first": "x", **raw}).get(field.name)
            if problem is None:
                break
            echo(f"  {field.question} {problem}", err=True)
        else:
            raise gave_up(field.question)
    raw["style"] = _ask_choice("Do they tend to push or pull away?", STYLE_HELP, "pursue")
    emotions = {e.value: "" for e in SofterEmotion} | {NOT_SURE: ""}
    echo("The softer feeling that may sit underneath:")
    echo("  " + ", ".join(emotions))
    emotion = ask_choice("Softer feeling", list(emotions), NOT_SURE, show=False)
    raw["underneath"] = None if emotion == NOT_SURE else emotion
    raw["intensity"] = _ask_choice("How upset at the start?", INTENSITY_HELP, "upset")
    problems = answer_problems(raw)
    if problems:
        # Only the cross-field check (the opening's tone) can fail here.
        where, problem = next(iter(problems.items()))
        raise AttuneError(f"{where}: {problem}")
    return ScenarioAnswers.model_validate(raw)


def _interactive(
    card_id: str | None,
    persona_folders: tuple[Path, ...],
    force: bool,
    draft: bool,
    model: str | None,
) -> None:
    from simulator.scenario import build_card, closest_persona, save_user_card, suggest_id
    from simulator.scenario.draft import (
        draft_options,
        draft_with_model,
        draft_yaml,
        drafting_unavailable,
    )
    from simulator.scenario.store import check_new_id, user_card_ids
    from simulator.settings.config import load_settings

    catalog = catalog_from(persona_folders)
    if card_id is not None:
        check_new_id(card_id, catalog, replace=force)
    settings = load_settings()
    chosen_model = model or settings.model.name
    if draft:
        # Said before the questions, not after the learner has answered them all.
        unavailable = drafting_unavailable(chosen_model)
        if unavailable is not None:
            raise AttuneError(f"--draft with '{chosen_model}': {unavailable}")
    answers = ask_answers()
    base = closest_persona(answers, catalog)
    taken = set(catalog.cards) | user_card_ids()
    card = build_card(answers, base, card_id or suggest_id(answers, taken))
    how = f"its lines start from the shipped persona '{base.id}'"
    if draft:
        echo(f"Drafting the lines with {chosen_model}...")
        options = draft_options(chosen_model, settings)
        result = asyncio.run(draft_with_model(answers, base, card, options))
        if result.card is None or result.draft is None:
            echo(printable(f"The model's draft was rejected: {result.reason}"), err=True)
            if not ask_yes_no("Save the card built from your answers instead?", default=True):
                echo("Nothing saved.")
                return
        else:
            echo(printable(draft_yaml(result.draft)))
            if not ask_yes_no("Save the card with these lines?", default=True):
                echo("Nothing saved.")
                return
            card, how = result.card, f"its lines were drafted by {chosen_model}"
    path = save_user_card(card, catalog, answers, replace=force)
    _saved(card, path, how)


def _saved(card: PersonaCard, path: Path, how: str) -> None:
    echo(f"Saved {printable(card.name)} ({card.id}) to {printable(str(path))}; {how}.")
    echo(f"Practise with it:  attune practice --persona {card.id}")
    echo(f"Edit it, then check it:  attune personas validate {printable(str(path))}")


@click.command("new")
@click.argument("card_id", metavar="[ID]", required=False)
@click.option(
    "--interactive",
    "-i",
    is_flag=True,
    help="Answer a few questions about your own talk; the card is built and saved for you.",
)
@click.option(
    "--out",
    metavar="PATH",
    help="Where to write the skeleton (a folder, or ID.yaml); default: your personas folder.",
)
@click.option("--force", is_flag=True, help="Replace a card of yours with the same id.")
@click.option(
    "--draft",
    is_flag=True,
    help="With --interactive: have the model (--model, not scripted or local) draft the lines; "
    "you see them before anything is saved.",
)
@model_option
@personas_option
def new_command(
    card_id: str | None,
    interactive: bool,
    out: str | None,
    force: bool,
    draft: bool,
    model: str | None,
    persona_folders: tuple[Path, ...],
) -> None:
    """Make a persona card: a commented skeleton to fill in, or one built from your answers.

    \b
    attune personas new my-sister         skeleton in your personas folder
    attune personas new my-sister --out . skeleton at ./my-sister.yaml
    attune personas new --interactive     answer questions; ready to practise
    attune personas new -i --draft --model openai/gpt-4o-mini
                                          ... with the lines drafted by a model
    """
    if card_id is not None:
        card_id = checked_id(card_id)
    if interactive:
        if out is not None:
            raise AttuneError("--out is for skeletons; --interactive saves to your personas folder")
        _interactive(card_id, persona_folders, force, draft, model)
        return
    if draft:
        raise AttuneError("--draft works with --interactive")
    if card_id is None:
        raise AttuneError(
            "give the new card's ID (e.g. 'attune personas new my-sister'), or pass --interactive"
        )
    from simulator.export.files import write_private
    from simulator.scenario.skeleton import skeleton

    catalog = catalog_from(persona_folders)
    if card_id in catalog.cards and catalog.is_shipped(card_id):
        raise AttuneError(f"'{card_id}' is the id of a shipped persona; choose another id")
    path = _skeleton_path(card_id, out)
    write_private(path, skeleton(card_id, str(path)), force=force)
    echo(f"Wrote a skeleton to {printable(str(path))}.")
    echo("Fill in every '<fill in: ...>', then check it with:")
    echo(f"  attune personas validate {printable(str(path))}")


@click.command("delete")
@click.argument("card_id", metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Delete without asking.")
def delete_command(card_id: str, yes: bool) -> None:
    """Move one of your own persona cards to the trash (shipped ones cannot be deleted).

    `attune personas restore ID` puts it back.
    """
    from simulator.scenario import delete_user_card
    from simulator.scenario.store import user_card_file

    catalog = catalog_from(())
    path = user_card_file(card_id, catalog)
    if not yes:
        card = catalog.cards.get(card_id)
        what = f"{card_id} ({printable(card.name)})" if card else f"{card_id} (unfinished)"
        if not confirmed(f"Delete your card {what}? It is moved to attune's trash"):
            echo("Not deleted.")
            return
    trashed = delete_user_card(card_id, catalog)
    echo(printable(f"Moved {path} to the trash: {trashed.card}"))
    echo(f"Put it back with:  attune personas restore {card_id}")


@click.command("restore")
@click.argument("card_id", metavar="ID")
def restore_command(card_id: str) -> None:
    """Put the most recently deleted card with this id back in your personas folder."""
    from simulator.scenario import restore_user_card

    catalog = catalog_from(())
    path = restore_user_card(card_id, catalog)
    card = catalog.cards.get(card_id)
    name = f"{printable(card.name)} ({card_id})" if card else f"{card_id} (unfinished)"
    echo(printable(f"Restored {name} to {path}"))
    if card is not None:
        echo(f"Practise with it:  attune practice --persona {card_id}")

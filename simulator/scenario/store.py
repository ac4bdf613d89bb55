"""The learner's own cards: YAML files in their private personas folder, written atomically."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import yaml
from pydantic import ValidationError

from simulator.export.files import write_private
from simulator.personas.card import PersonaCard
from simulator.personas.loader import Catalog, load_card
from simulator.scenario.answers import ScenarioAnswers
from simulator.scenario.trash import Trashed, move_to_trash, trash_dir
from simulator.scenario.trash import newest as newest_trashed
from simulator.support import fs
from simulator.support.errors import AttuneError, PersonaError, UnknownPersonaError
from simulator.support.ids import checked_id, file_in
from simulator.support.paths import data_dir, user_personas_dir
from simulator.support.safe_read import read_text

ANSWERS_FOLDER = ".answers"
"""Beside the cards: the form answers each card was made from, so the form can reopen them."""


def card_yaml(card: PersonaCard, how: str = "attune's new-scenario form") -> str:
    """The card as YAML, with a header saying where it came from and how to check an edit."""
    header = (
        f"# Made with {how} on {datetime.now(UTC):%Y-%m-%d}. Yours to edit: the fields are\n"
        "# described in simulator/personas/card.py and the README (Persona cards).\n"
        f"# Check an edit with: attune personas validate <this file>\n"
        f"# Practise with it:   attune practice --persona {card.id}\n"
    )
    body = yaml.safe_dump(
        # Unset optional parts (a cue key the mode does not use) are left out, not `null`.
        card.model_dump(mode="json", exclude_none=True),
        sort_keys=False,
        allow_unicode=True,
        width=92,
    )
    return header + body


def card_path(card_id: str) -> Path:
    """Where a card of the learner's with this id lives (the id checked, the path inside)."""
    return file_in(user_personas_dir(), card_id, ".yaml")


def answers_path(card_id: str) -> Path:
    """Where the form answers of the learner's card with this id live."""
    return file_in(user_personas_dir() / ANSWERS_FOLDER, card_id, ".json")


def check_new_id(card_id: str, catalog: Catalog, replace: bool = False) -> None:
    """Refuse an id a shipped or another folder's card already has (and, unless `replace`,
    one of the learner's own)."""
    checked_id(card_id)
    if card_id not in catalog.cards:
        return
    if catalog.is_shipped(card_id):
        raise AttuneError(f"'{card_id}' is the id of a shipped persona; choose another id")
    if not catalog.is_user(card_id):
        where = catalog.sources[card_id]
        raise AttuneError(f"'{card_id}' is already a card in {where.parent}; choose another id")
    if not replace:
        raise AttuneError(f"you already have a card '{card_id}' (pass --force to replace it)")


def save_user_card(
    card: PersonaCard,
    catalog: Catalog,
    answers: ScenarioAnswers | None = None,
    replace: bool = False,
    how: str = "attune's new-scenario form",
) -> Path:
    """Write the card (0600, atomically) to the learner's folder (0700) and add it to `catalog`."""
    check_new_id(card.id, catalog, replace)
    folder = user_personas_dir()
    path = card_path(card.id)
    sidecar = answers_path(card.id)
    fs.private_folder(folder)
    write_private(path, card_yaml(card, how), force=replace)
    if answers is not None:
        fs.private_folder(sidecar.parent)
        write_private(sidecar, answers.model_dump_json(indent=2) + "\n", force=True)
    else:
        with contextlib.suppress(OSError):
            sidecar.unlink()
    catalog.add(card, path)
    if catalog.user_dir is None:
        catalog.user_dir = folder
    return path


def load_answers(card_id: str) -> ScenarioAnswers | None:
    """The form answers a card was made from, if it was made with the form and they still read."""
    try:
        # The safe reader: a pipe or a device left there must not block or fill memory.
        return ScenarioAnswers.model_validate_json(read_text(answers_path(card_id)))
    except (AttuneError, ValidationError, ValueError):
        return None


def user_card_ids() -> set[str]:
    """Ids of the card files in the learner's folder, loadable or not (a skeleton, a bad edit)."""
    folder = user_personas_dir()
    if not fs.is_folder(folder):
        return set()
    return {p.stem for p in fs.entries(folder) if p.suffix in (".yaml", ".yml")}


def user_card_file(card_id: str, catalog: Catalog) -> Path:
    """The file of one of the learner's own cards, loadable or not (an unfinished skeleton).

    Refused: an id that is not a card id, a shipped card, and a card from another folder.
    """
    checked_id(card_id)
    if card_id in catalog.cards and catalog.is_shipped(card_id):
        raise AttuneError(f"'{card_id}' is shipped with attune and cannot be deleted")
    if card_id in catalog.cards and not catalog.is_user(card_id):
        where = catalog.sources[card_id]
        raise AttuneError(f"'{card_id}' is not one of your cards; it comes from {where}")
    folder = user_personas_dir()
    candidates = [file_in(folder, card_id, suffix) for suffix in (".yaml", ".yml")]
    loaded = catalog.sources.get(card_id)
    path = loaded if loaded in candidates else next(filter(fs.taken, candidates), None)
    if path is None:
        raise UnknownPersonaError(f"you have no card '{card_id}' (see 'attune personas list')")
    if path.resolve().parent == data_dir("personas").resolve():
        # Only when the attune folder is set to the shipped one; still never delete those.
        raise AttuneError(f"'{card_id}' is shipped with attune and cannot be deleted")
    return path


def delete_user_card(card_id: str, catalog: Catalog) -> Trashed:
    """Move one of the learner's own cards (never a shipped one) and its answers to the trash."""
    path = user_card_file(card_id, catalog)
    try:
        answers: Path | None = answers_path(card_id)
    except AttuneError:
        answers = None  # its answers folder leads elsewhere: leave it, the card still goes
    trashed = move_to_trash(card_id, path, answers)
    catalog.remove(card_id)
    return trashed


def restore_user_card(card_id: str, catalog: Catalog) -> Path:
    """Put the newest trashed copy of a card back in the learner's folder; returns where.

    Refused while any card (or card file of the learner's) has that id: nothing is replaced.
    """
    checked_id(card_id)
    if card_id in catalog.cards:
        where = catalog.sources[card_id]
        if catalog.is_shipped(card_id):
            raise AttuneError(f"'{card_id}' is the id of a shipped persona; nothing restored")
        raise AttuneError(
            f"a card '{card_id}' already exists ({where}); delete or rename it first, "
            "nothing restored"
        )
    folder = user_personas_dir()
    for suffix in (".yaml", ".yml"):
        existing = file_in(folder, card_id, suffix)
        if fs.taken(existing):
            raise AttuneError(f"{existing} already exists; delete or rename it first")
    trashed = newest_trashed(card_id)
    if trashed is None:
        raise UnknownPersonaError(f"no deleted card '{card_id}' in the trash ({trash_dir()})")
    fs.private_folder(folder)
    path = file_in(folder, card_id, trashed.card.suffix)
    try:
        fs.move_aside(trashed.card, path)
    except FileExistsError:
        raise AttuneError(f"{path} already exists; delete or rename it first") from None
    except OSError as exc:
        raise fs.os_problem(path, exc, "cannot restore") from None
    if trashed.answers is not None:
        sidecar = answers_path(card_id)
        # Stale answers already there (or a failed move) leave the trashed answers in the trash.
        with contextlib.suppress(OSError, AttuneError):
            fs.private_folder(sidecar.parent)
            fs.move_aside(trashed.answers, sidecar)
    with contextlib.suppress(PersonaError):
        # An unfinished skeleton comes back too; it just is not offered for practice yet.
        catalog.add(load_card(path), path)
    if catalog.user_dir is None:
        catalog.user_dir = folder
    return path

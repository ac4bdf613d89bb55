"""The learner's own cards: YAML files in their private personas folder, written atomically."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import yaml
from pydantic import ValidationError

from simulator.errors import AttuneError, UnknownPersonaError
from simulator.export.files import write_private
from simulator.paths import user_personas_dir
from simulator.personas.card import PersonaCard
from simulator.personas.loader import Catalog
from simulator.safe_read import read_text
from simulator.scenario.answers import ScenarioAnswers

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
        card.model_dump(mode="json"), sort_keys=False, allow_unicode=True, width=92
    )
    return header + body


def _private_folder(folder: Path) -> None:
    try:
        # mkdir's `mode` does not reach parents it creates, so each level is made private.
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise AttuneError(f"{folder}: cannot create ({exc.strerror or exc})") from None


def check_new_id(card_id: str, catalog: Catalog, replace: bool = False) -> None:
    """Refuse an id a shipped or another folder's card already has (and, unless `replace`,
    one of the learner's own)."""
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
    _private_folder(folder)
    path = folder / f"{card.id}.yaml"
    write_private(path, card_yaml(card, how), force=replace)
    sidecar = folder / ANSWERS_FOLDER / f"{card.id}.json"
    if answers is not None:
        _private_folder(sidecar.parent)
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
    path = user_personas_dir() / ANSWERS_FOLDER / f"{card_id}.json"
    try:
        # The safe reader: a pipe or a device left there must not block or fill memory.
        return ScenarioAnswers.model_validate_json(read_text(path))
    except (AttuneError, ValidationError, ValueError):
        return None


def user_card_ids() -> set[str]:
    """Ids of the card files in the learner's folder, loadable or not (a skeleton, a bad edit)."""
    folder = user_personas_dir()
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml")}


def delete_user_card(card_id: str, catalog: Catalog) -> Path:
    """Delete one of the learner's own cards (never a shipped one); returns the file removed."""
    folder = user_personas_dir()
    if card_id in catalog.cards and catalog.is_shipped(card_id):
        raise AttuneError(f"'{card_id}' is shipped with attune and cannot be deleted")
    if card_id in catalog.cards and not catalog.is_user(card_id):
        where = catalog.sources[card_id]
        raise AttuneError(f"'{card_id}' is not one of your cards; it comes from {where}")
    # A card of the learner's that does not load (an unfinished skeleton) can go too.
    candidates = [folder / f"{card_id}{suffix}" for suffix in (".yaml", ".yml")]
    path = catalog.sources.get(card_id) or next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise UnknownPersonaError(f"you have no card '{card_id}' (see 'attune personas list')")
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise AttuneError(f"{path}: cannot delete ({exc.strerror or exc})") from None
    with contextlib.suppress(OSError):
        (path.parent / ANSWERS_FOLDER / f"{card_id}.json").unlink()
    catalog.remove(card_id)
    return path

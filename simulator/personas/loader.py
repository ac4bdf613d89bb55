"""Read persona cards from YAML, with one clear message per problem."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from simulator.personas.card import PersonaCard
from simulator.personas.explain import (
    Loc,
    YamlLines,
    duplicate_keys,
    explain,
    polarity_problems,
)
from simulator.personas.files import card_files, persona_dirs
from simulator.personas.placeholders import placeholders
from simulator.support import fs
from simulator.support.errors import AttuneError, PersonaError, UnknownPersonaError
from simulator.support.limits import MAX_REPORTED_PROBLEMS
from simulator.support.paths import data_dir, user_personas_dir
from simulator.support.problems import field_path
from simulator.support.safe_parse import compose_yaml, parse_yaml
from simulator.support.safe_read import read_text

# A problem before it is worded: pydantic's error, or a line already written.
Found = tuple[Loc, ErrorDetails | str]


def _card_problems(path: Path, data: Mapping[str, Any]) -> tuple[PersonaCard | None, list[Found]]:
    found: list[Found] = []
    card = None
    try:
        card = PersonaCard.model_validate(data)
    except ValidationError as exc:
        found += [(field_path(error), error) for error in exc.errors()]
    found += polarity_problems(data)
    card_id = data.get("id")
    if isinstance(card_id, str) and card_id != path.stem and path.suffix in (".yaml", ".yml"):
        found.append(
            (
                ("id",),
                f"id: '{card_id}' does not match the file name '{path.name}'; rename the file "
                f"to '{card_id}{path.suffix}' or change the id",
            )
        )
    return card, found


def validate_card(path: Path, data: object, text: str | None = None) -> PersonaCard:
    """Validate parsed YAML as a card; raise PersonaError listing its problems.

    With the card's `text`, each problem names its YAML line and they come in file order.
    Only the first MAX_REPORTED_PROBLEMS are worded (each costs a suggestion); the rest
    are counted.
    """
    if not isinstance(data, Mapping):
        kind = "empty" if data is None else type(data).__name__
        raise PersonaError(path, [f"expected a mapping of card fields, got {kind}"])
    unfilled = list(placeholders(data))
    if unfilled:
        # A skeleton's placeholders are valid strings; say what is left, not that it is valid.
        raise PersonaError(path, [f"{where}: still to fill in" for where in unfilled])
    card, found = _card_problems(path, data)
    root = None if text is None else compose_yaml(text)
    repeated: list[tuple[int, ErrorDetails | str]] = list(duplicate_keys(root))
    if card is not None and not found and not repeated:
        return card
    lines = YamlLines(root)
    placed = [(lines.line_of(loc) or 0, problem) for loc, problem in found] + repeated
    if root is not None:
        placed.sort(key=_first)
    problems: list[str] = []
    for index, (number, problem) in enumerate(placed):
        if len(problems) == MAX_REPORTED_PROBLEMS:
            raise PersonaError(path, problems, hidden=len(placed) - index)
        line = problem if isinstance(problem, str) else explain(problem)
        if line is not None:
            problems.append(f"{line} (line {number})" if number else line)
    raise PersonaError(path, problems or ["not a valid card"])


def _first(item: tuple[int, object]) -> int:
    return item[0]


def load_card(path: Path) -> PersonaCard:
    """Load and validate one persona card file."""
    try:
        text = read_text(path)
        data = parse_yaml(path, text)
    except AttuneError as exc:
        raise PersonaError(path, [str(exc).removeprefix(f"{path}: ")]) from None
    return validate_card(path, data, text)


@dataclass
class Catalog:
    """The loaded personas by id, with the file each came from."""

    cards: dict[str, PersonaCard] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    user_dir: Path | None = None
    """The learner's own cards folder, if it was loaded."""
    problems: list[str] = field(default_factory=list)
    """Cards in the learner's own folder that could not be loaded (they are skipped)."""

    def get(self, persona_id: str) -> PersonaCard:
        """Look up a persona by id, with a helpful error if it is not there."""
        try:
            return self.cards[persona_id]
        except KeyError:
            known = ", ".join(sorted(self.cards)) or "none"
            raise UnknownPersonaError(f"unknown persona '{persona_id}' (known: {known})") from None

    def is_shipped(self, persona_id: str) -> bool:
        """True when the card comes from the folder shipped with attune."""
        return self.sources[persona_id].parent == data_dir("personas")

    def is_user(self, persona_id: str) -> bool:
        """True when the card is one the learner made (it lives in their own folder)."""
        return self.user_dir is not None and self.sources[persona_id].parent == self.user_dir

    def add(self, card: PersonaCard, source: Path) -> None:
        """Add (or replace) a card that was just written to `source`."""
        self.cards[card.id] = card
        self.sources[card.id] = source

    def remove(self, persona_id: str) -> None:
        """Forget a card whose file was deleted."""
        self.cards.pop(persona_id, None)
        self.sources.pop(persona_id, None)


def load_catalog(dirs: Iterable[Path], user_dir: Path | None = None) -> Catalog:
    """Load every card in the folders; a later folder's card replaces an earlier one with its id.

    A bad card raises, except in `user_dir` (the learner's own folder): one broken hand-edit
    there must not lock them out of practising, so it is skipped and noted in `problems`.
    """
    catalog = Catalog(user_dir=user_dir)
    for folder in dirs:
        if not fs.is_folder(folder):
            raise AttuneError(f"{folder}: personas folder not found")
        lenient = folder == user_dir
        for path in card_files(folder):
            try:
                card = load_card(path)
            except PersonaError as exc:
                if not lenient:
                    raise
                catalog.problems.append(str(exc))
                continue
            catalog.cards[card.id] = card
            catalog.sources[card.id] = path
    return catalog


def load_default_catalog(extra: Iterable[Path] = ()) -> Catalog:
    """Shipped cards, the learner's own, $ATTUNE_PERSONAS and `extra` (--personas)."""
    return load_catalog(persona_dirs(extra), user_dir=user_personas_dir())

"""Read persona cards from YAML, with one clear message per problem."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from simulator.errors import AttuneError, PersonaError, UnknownPersonaError
from simulator.modes import ASK_STAGES
from simulator.paths import data_dir
from simulator.personas.card import PersonaCard
from simulator.problems import describe, field_path, one_line
from simulator.zones import Zone

MAX_CARD_BYTES = 256 * 1024
ENV_VAR = "ATTUNE_PERSONAS"


def read_text(path: Path, max_bytes: int) -> str:
    """Read a UTF-8 text file, turning every way it can fail into a one-line problem."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise AttuneError(f"{path}: no such file") from None
    except OSError as exc:
        raise AttuneError(f"{path}: cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise AttuneError(f"{path}: is a folder, expected a YAML file")
    if size > max_bytes:
        raise AttuneError(f"{path}: file is {size} bytes, more than the {max_bytes} allowed")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AttuneError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AttuneError(f"{path}: not valid UTF-8 (byte {exc.start})") from None


def parse_yaml(path: Path, text: str) -> object:
    """Parse YAML safely; a syntax error names its line and column."""
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        detail = one_line(exc.problem or exc)
        raise AttuneError(f"{path}: invalid YAML at {where}{detail}") from None
    except yaml.YAMLError as exc:
        detail = one_line(exc).replace(' in "<unicode string>",', " at")
        raise AttuneError(f"{path}: invalid YAML ({detail})") from None


def _describe(error: ErrorDetails) -> str:
    loc = field_path(error)
    if error["type"] == "extra_forbidden" and len(loc) == 2 and loc[0] == "lines":
        if any(str(p).endswith("stages") for p in error["loc"]):
            stages = ", ".join(n.replace(" ", "_") for n in ASK_STAGES.values())
            return f"lines: unknown stage '{loc[1]}' (ask-mode stages are {stages})"
        zones = ", ".join(z.value for z in Zone)
        return f"lines: unknown zone '{loc[1]}' (zones are {zones})"
    return describe(error)


def validate_card(path: Path, data: object) -> PersonaCard:
    """Validate parsed YAML as a card; raise PersonaError listing every problem."""
    if not isinstance(data, Mapping):
        kind = "empty" if data is None else type(data).__name__
        raise PersonaError(path, [f"expected a mapping of card fields, got {kind}"])
    problems: list[str] = []
    try:
        card = PersonaCard.model_validate(data)
    except ValidationError as exc:
        problems = [_describe(e) for e in exc.errors()]
        card = None
    card_id = data.get("id")
    if isinstance(card_id, str) and card_id != path.stem and path.suffix in (".yaml", ".yml"):
        problems.append(f"id: '{card_id}' does not match the file name '{path.name}'")
    if problems or card is None:
        raise PersonaError(path, problems)
    return card


def load_card(path: Path) -> PersonaCard:
    """Load and validate one persona card file."""
    try:
        data = parse_yaml(path, read_text(path, MAX_CARD_BYTES))
    except AttuneError as exc:
        raise PersonaError(path, [str(exc).removeprefix(f"{path}: ")]) from None
    return validate_card(path, data)


def persona_dirs(
    extra: Iterable[Path] = (), environ: Mapping[str, str] | None = None
) -> list[Path]:
    """Folders to load, lowest precedence first: shipped, then $ATTUNE_PERSONAS, then --personas."""
    env = os.environ if environ is None else environ
    dirs = [data_dir("personas")]
    dirs += [Path(p) for p in env.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    dirs += list(extra)
    return dirs


@dataclass
class Catalog:
    """The loaded personas by id, with the file each came from."""

    cards: dict[str, PersonaCard] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)

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


def card_files(folder: Path) -> list[Path]:
    """The card files in a folder, sorted by name."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_catalog(dirs: Iterable[Path]) -> Catalog:
    """Load every card in the folders; a later folder's card replaces an earlier one with its id."""
    catalog = Catalog()
    for folder in dirs:
        if not folder.is_dir():
            raise AttuneError(f"{folder}: personas folder not found")
        for path in card_files(folder):
            card = load_card(path)
            catalog.cards[card.id] = card
            catalog.sources[card.id] = path
    return catalog

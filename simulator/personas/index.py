"""The picker's light view of the persona cards: what it shows of each, without loading them.

Building an index needs the loaded (validated) catalog and the practice modes; reading
one back from JSON needs neither, so a front end can draw its first frame from a cached
copy and validate the cards after it. Standard library only at import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.personas.loader import Catalog


@dataclass(frozen=True)
class PersonaEntry:
    """One card as the picker lists it."""

    id: str
    name: str
    mode: str
    """The practice mode's name (listen, ask, ...)."""
    style: str
    """How the persona escalates: pursue or withdraw."""
    summary: str
    """The scenario in one line."""
    scenario: str
    source: Path | None
    """The card's file (None for a card built in memory, as tests do)."""
    user: bool
    """True for a card the learner made (it lives in their own folder)."""


@dataclass(frozen=True)
class ModeWords:
    """What the picker says about a practice mode's cards."""

    picker_label: str
    """A tag before the card's name (empty: none)."""
    scenario_how: str
    """The side panel's last line, with `{name}` and `{style}` to fill in."""


@dataclass(frozen=True)
class PersonaIndex:
    """Every card the picker lists, the words of every mode, and the learner's skipped cards."""

    entries: Mapping[str, PersonaEntry]
    """By id, in the catalog's order."""
    modes: Mapping[str, ModeWords]
    """By mode name, in the registry's order (the picker lists cards by mode in this order)."""
    problems: tuple[str, ...] = field(default=())
    """Cards in the learner's own folder that could not be loaded (they are skipped)."""

    def ordered(self) -> list[PersonaEntry]:
        """The entries grouped by mode in registry order, stable within each group."""
        order = list(self.modes)
        return sorted(self.entries.values(), key=lambda e: order.index(e.mode))

    def is_user(self, persona_id: str) -> bool:
        """True when the card with this id is one the learner made."""
        entry = self.entries.get(persona_id)
        return entry is not None and entry.user

    def how(self, entry: PersonaEntry) -> str:
        """The side panel's line on how this partner reacts, in its mode's words."""
        return self.modes[entry.mode].scenario_how.format(name=entry.name, style=entry.style)

    def label(self, entry: PersonaEntry) -> str:
        """The mode's tag shown before the card's name (empty: none)."""
        return self.modes[entry.mode].picker_label


def index_of(catalog: Catalog) -> PersonaIndex:
    """The index of a loaded catalog (imports the practice modes for their words)."""
    from simulator.modes import modes

    entries = {
        card_id: PersonaEntry(
            id=card.id,
            name=card.name,
            mode=card.mode,
            style=card.style.value,
            summary=card.summary,
            scenario=card.scenario,
            source=catalog.sources.get(card_id),
            user=catalog.is_user(card_id),
        )
        for card_id, card in catalog.cards.items()
    }
    words = {
        mode.name: ModeWords(mode.words.picker_label, mode.words.scenario_how) for mode in modes()
    }
    return PersonaIndex(entries, words, tuple(catalog.problems))


_ENTRY_TEXT = ("id", "name", "mode", "style", "summary", "scenario")


def to_json(index: PersonaIndex) -> dict[str, object]:
    """The index as JSON-ready data (`from_json` reads it back)."""
    return {
        "entries": [
            {
                **{name: getattr(e, name) for name in _ENTRY_TEXT},
                "source": None if e.source is None else str(e.source),
                "user": e.user,
            }
            for e in index.entries.values()
        ],
        "modes": [[name, w.picker_label, w.scenario_how] for name, w in index.modes.items()],
        "problems": list(index.problems),
    }


def from_json(data: object) -> PersonaIndex | None:
    """An index read back from `to_json`'s data; None for anything else (never an error)."""
    if not isinstance(data, dict):
        return None
    raw_entries, raw_modes, problems = data.get("entries"), data.get("modes"), data.get("problems")
    if not (isinstance(raw_entries, list) and isinstance(raw_modes, list) and _strings(problems)):
        return None
    modes: dict[str, ModeWords] = {}
    for item in raw_modes:
        if not (_strings(item) and len(item) == 3):
            return None
        modes[item[0]] = ModeWords(item[1], item[2])
    entries: dict[str, PersonaEntry] = {}
    for item in raw_entries:
        entry = _entry(item)
        if entry is None or entry.mode not in modes:
            return None
        entries[entry.id] = entry
    assert isinstance(problems, list)
    return PersonaIndex(entries, modes, tuple(problems))


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _entry(item: object) -> PersonaEntry | None:
    if not isinstance(item, Mapping):
        return None
    text = [item.get(name) for name in _ENTRY_TEXT]
    source, user = item.get("source"), item.get("user")
    if not (_strings(text) and isinstance(source, str | None) and isinstance(user, bool)):
        return None
    card_id, name, mode, style, summary, scenario = (str(t) for t in text)
    where = None if source is None else Path(source)
    return PersonaEntry(card_id, name, mode, style, summary, scenario, where, user)

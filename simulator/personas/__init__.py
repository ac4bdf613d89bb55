"""Persona cards: schema and loading, and the picker's light index of them.

The schema and the loader (pydantic) are imported on first use of a name below, not
when the package is: the picker's first frame reads `simulator.personas.index` and
`files`, which need neither.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.personas.card import PersonaCard, SofterEmotion, Style
    from simulator.personas.files import persona_dirs
    from simulator.personas.loader import Catalog, load_card, load_catalog

# Each public name and the module that defines it.
_HOMES = {
    "Catalog": "loader",
    "PersonaCard": "card",
    "SofterEmotion": "card",
    "Style": "card",
    "load_card": "loader",
    "load_catalog": "loader",
    "persona_dirs": "files",
}


def __getattr__(name: str) -> object:
    """A public name, imported from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Catalog",
    "PersonaCard",
    "SofterEmotion",
    "Style",
    "load_card",
    "load_catalog",
    "persona_dirs",
]

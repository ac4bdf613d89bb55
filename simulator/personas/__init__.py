"""Persona cards: schema and loading."""

from simulator.personas.card import PersonaCard, SofterEmotion, Style
from simulator.personas.loader import Catalog, load_card, load_catalog, persona_dirs

__all__ = [
    "Catalog",
    "PersonaCard",
    "SofterEmotion",
    "Style",
    "load_card",
    "load_catalog",
    "persona_dirs",
]

"""The card's own lines with the plan direction each is spoken under.

The guard's learned stance signal learns from them beside the blind dev sets: they are
the fallback voice, so the signal must read them as keeping their stance. A zone line is
spoken with its zone's stance (hot and guarded zones hold back, calmer ones come round);
a reaction with the stance the plan gives its family at its heat (a misstep is pushed back
on while heated, nothing recognised is met guardedly, all else softens); the softer
feeling's lines open up; an opening holds its ground.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.domain.zones import Zone
from simulator.modes import get_mode
from simulator.replyplan.model import FAMILIES

if TYPE_CHECKING:
    from simulator.personas.card import PersonaCard

_HOLDING_ZONES = frozenset({Zone.FLOODED, Zone.ESCALATED, Zone.GUARDED})


def _reaction_holds(family: str, heat: str) -> bool:
    if heat == "cool":
        return False
    if family == "nothing_recognised":
        return True
    return FAMILIES.index(family) < FAMILIES.index("reflecting")


def spoken_lines(card: PersonaCard) -> list[tuple[str, str]]:
    """Each authored line once per direction it is spoken in: (line, "hold" or "open")."""
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str]] = []

    def add(line: str, holds: bool) -> None:
        key = (line, "hold" if holds else "open")
        if key not in seen:
            seen.add(key)
            out.append(key)

    planning = get_mode(card.mode).planning
    for zone in Zone:
        for line in card.lines.for_zone(zone):
            add(line, zone in _HOLDING_ZONES)
        if planning is not None:
            heat = planning.heat[zone]
            for family in card.reactions:
                for line in card.reaction_lines(family, heat):
                    add(line, _reaction_holds(family, heat))
    for line in card.underneath.lines:
        add(line, False)
    for line in card.opening:
        add(line, True)
    return out

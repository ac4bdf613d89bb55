"""Hold every line of a learner's card to the output guard: in character, in its zone."""

from __future__ import annotations

from simulator.domain.zones import Zone, zone_for
from simulator.guard.checks import GuardContext, check_reply
from simulator.guard.reasons import Finding
from simulator.personas.card import PersonaCard, Style

# The softer feeling shows once the partner is out of the hot zones.
SOFTER_ZONE = Zone.SETTLING


def line_problem(line: str, name: str, style: Style, zone: Zone) -> Finding | None:
    """The first way `line` breaks character for this persona in `zone`, if any."""
    found = check_reply(line, GuardContext(name=name, style=style.value, zone=zone))
    return found[0] if found else None


def card_problems(card: PersonaCard) -> list[str]:
    """Every spoken line of the card that the guard would not let through, one line each."""
    groups: list[tuple[str, Zone, list[str]]] = [
        ("opening", zone_for(card.baseline.arousal), card.opening),
        *((f"lines.{z.value}", z, card.lines.for_zone(z)) for z in Zone),
        ("underneath.lines", SOFTER_ZONE, card.underneath.lines),
    ]
    out: list[str] = []
    for where, zone, lines in groups:
        for index, line in enumerate(lines):
            problem = line_problem(line, card.name, card.style, zone)
            if problem is not None:
                out.append(
                    f"{where}[{index}]: out of character in the {zone.value} zone "
                    f"({problem.reason.plain}: {problem.evidence!r})"
                )
    return out

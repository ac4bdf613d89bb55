"""Hold every line of a learner's card to the output guard: in character, in its zone."""

from __future__ import annotations

import re

from simulator.domain.zones import Zone, zone_for
from simulator.guard.checks import GuardContext, check_cue, check_reply
from simulator.guard.reasons import Finding, GuardReason
from simulator.modes import get_mode
from simulator.personas.card import PersonaCard, Style
from simulator.replyplan import Heat

# A cue is what the learner sees or hears, told in the third person: never a spoken line.
_SPOKEN = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|we|us|our)\b|[\"“”]")

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
    out += _cue_problems(card)
    for where, zone, lines in groups:
        for index, line in enumerate(lines):
            problem = line_problem(line, card.name, card.style, zone)
            if problem is not None:
                out.append(
                    f"{where}[{index}]: out of character in the {zone.value} zone "
                    f"({problem.reason.plain}: {problem.evidence!r})"
                )
    return out + reaction_problems(card)


def heat_zones(mode: str, heat: Heat) -> list[Zone]:
    """The zones (stages) in which a mode's partner is at this heat."""
    planning = get_mode(mode).planning
    return [z for z in Zone if planning is not None and planning.heat[z] == heat]


def reaction_problems(card: PersonaCard) -> list[str]:
    """Every reaction line the guard would not let through in a zone of its heat, one line each.

    A reaction line is spoken (and falls back) in every zone of its heat; a reply may be
    longer than one model turn, so length is not held against it.
    """
    out: list[str] = []
    for family, by_heat in card.reactions.items():
        for heat in ("hot", "wary", "cool"):
            for index, line in enumerate(by_heat.for_heat(heat)):
                for zone in heat_zones(card.mode, heat):
                    context = GuardContext(
                        name=card.name, style=card.style.value, zone=zone, mode=card.mode
                    )
                    found = [
                        f for f in check_reply(line, context) if f.reason != GuardReason.TOO_LONG
                    ]
                    if found:
                        out.append(
                            f"reactions.{family}.{heat}[{index}]: out of character in the "
                            f"{zone.value} zone ({found[0].reason.plain}: {found[0].evidence!r})"
                        )
                        break
    return out


def _cue_finding(line: str, card: PersonaCard, zone: Zone) -> Finding | None:
    """The guard's first finding on a cue in a zone (see `check_cue`)."""
    context = GuardContext(name=card.name, style=card.style.value, zone=zone, mode=card.mode)
    found = check_cue(line, context)
    return found[0] if found else None


def _cue_problems(card: PersonaCard) -> list[str]:
    """Cues that are spoken lines, or that the guard would not show in their zone."""
    cues = card.cues
    if cues is None:
        return []
    key = "by_zone" if cues.by_zone is not None else "by_stage"
    keyed = getattr(cues, key)
    groups: list[tuple[str, list[Zone], list[str]]] = [
        *(
            (f"cues.{key}.{field}", [zone], cues.for_zone(zone))
            for zone, field in zip(Zone, type(keyed).model_fields if keyed else (), strict=False)
        ),
        # A reaction's cue can follow a move in any zone.
        ("cues.after_misstep", list(Zone), cues.after_misstep),
        ("cues.after_attuned", list(Zone), cues.after_attuned),
    ]
    out: list[str] = []
    for where, zones, lines in groups:
        for index, line in enumerate(lines):
            if _SPOKEN.search(line):
                out.append(f"{where}[{index}]: a cue says what {card.name} does, not what is said")
                continue
            for zone in zones:
                problem = _cue_finding(line, card, zone)
                if problem is not None:
                    out.append(
                        f"{where}[{index}]: out of character in the {zone.value} zone "
                        f"({problem.reason.plain}: {problem.evidence!r})"
                    )
                    break
    return out

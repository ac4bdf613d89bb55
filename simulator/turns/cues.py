"""Pick the partner's non-verbal cue for a turn: deterministic code over the card's lines.

The cue follows the state, never decides it: a cold line when the partner is flooded,
an opening one as they settle. What just happened chooses among the card's lines first
(the zone changed, a misstep landed, an attuned move landed), then the zone's own cues.
"""

from __future__ import annotations

import random

from simulator.domain.zones import Zone
from simulator.engine import TurnOutcome, is_misstep
from simulator.personas.card import Cues, PersonaCard

# After a move lands the reaction's cues are preferred; while flooded only a zone change
# shows, since an attuned move is hard to take in there (a warm cue would contradict it).
_REACTION_ZONES_ATTUNED = frozenset(z for z in Zone if z is not Zone.FLOODED)


def _pools(cues: Cues, outcome: TurnOutcome) -> list[list[str]]:
    """The candidate lines, most fitting first."""
    after, before = outcome.after.zone, outcome.before.zone
    zone = cues.for_zone(after)
    missed = any(is_misstep(e) for e in outcome.effects) and outcome.arousal_delta > 0
    landed = any(e.arousal < 0 for e in outcome.effects) and outcome.arousal_delta < 0
    if after != before:
        # A new zone is the clearest thing to see; the reaction's lines say how it came.
        reaction = cues.after_misstep if missed else cues.after_attuned if landed else []
        return [zone, reaction]
    if missed:
        return [cues.after_misstep, zone]
    if landed and after in _REACTION_ZONES_ATTUNED:
        return [cues.after_attuned, zone]
    return [zone]


def pick_cue(
    card: PersonaCard, outcome: TurnOutcome, seed: int, last: str | None = None
) -> str | None:
    """At most one cue for the partner's turn, the same for the same seed and turn.

    None when the card has no cues that fit. `last` (the previous cue shown) is not
    picked again while another line fits.
    """
    if card.cues is None:
        return None
    pool = next((p for p in _pools(card.cues, outcome) if p), [])
    fresh = [line for line in pool if line != last] or pool
    if not fresh:
        return None
    rng = random.Random(f"{seed}:{card.id}:cue:{outcome.after.turn}")
    return rng.choice(fresh)

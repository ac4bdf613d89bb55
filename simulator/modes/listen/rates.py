"""Listen mode's move tables: how each move lands on an upset partner, with the idea behind it.

Deltas are (arousal, connection) before persona and context multipliers.
Misattuned moves cost more than attuned moves earn: when people feel dismissed
they double down, and a harsh moment outweighs a kind one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.domain.zones import Zone
from simulator.modes.base import AnyMove, Delta
from simulator.modes.listen.moves import Move

if TYPE_CHECKING:
    from simulator.engine.state import PartnerState

ATTUNED_BASE: dict[Move, Delta] = {
    Move.PRESENCE: (-4.0, 3.0),
    # Naming a cue ("you seem tense") tells them they are seen, and invites them in,
    # as an open question does; it explains nothing, so it earns no more than one.
    Move.NOTICE: (-4.0, 5.0),
    Move.REFLECT: (-7.0, 6.0),
    Move.VALIDATE: (-8.0, 7.0),
    Move.SUPPORT: (-6.0, 6.0),
    Move.ASK_NEED: (-5.0, 5.0),
    Move.OPEN_QUESTION: (-4.0, 5.0),
    Move.ACKNOWLEDGE_IMPACT: (-7.0, 6.0),
}

MISATTUNED_BASE: dict[Move, Delta] = {
    Move.EXPLAIN: (9.0, -5.0),
    Move.MINIMIZE: (13.0, -8.0),
    Move.CORRECT_FACTS: (12.0, -7.0),
    Move.INTENT_DEFENSE: (10.0, -6.0),
    Move.COUNTER_ATTACK: (16.0, -10.0),
    Move.TURN_AWAY: (12.0, -8.0),
}

# Problem-solving depends on timing: too early it feels like dismissal; once the
# partner has settled it is welcome and can deepen connection.
FIX_BY_ZONE: dict[Zone, Delta] = {
    Zone.FLOODED: (13.0, -7.0),
    Zone.ESCALATED: (11.0, -6.0),
    Zone.GUARDED: (6.0, -3.0),
    Zone.SETTLING: (-2.0, 3.0),
    Zone.REGULATED: (-3.0, 5.0),
}
INVITE_SOLUTIONS_BY_ZONE: dict[Zone, Delta] = {
    Zone.FLOODED: (9.0, -5.0),
    Zone.ESCALATED: (7.0, -4.0),
    Zone.GUARDED: (3.0, -1.0),
    Zone.SETTLING: (-4.0, 5.0),
    Zone.REGULATED: (-5.0, 7.0),
}

# A repair lands hardest right after a misstep, when there is something to repair.
REPAIR_AFTER_MISSTEP: Delta = (-10.0, 7.0)
REPAIR_OTHERWISE: Delta = (-3.0, 2.0)
REPAIR_WINDOW_TURNS = 2


# Escalation styles: a pursuer protests being shut out; a withdrawer shuts down
# further under pressure or attack, and settles slowly but responds to patience.
STYLE_WEIGHTS: dict[str, dict[Move, float]] = {
    "pursue": {Move.TURN_AWAY: 1.4, Move.EXPLAIN: 1.1},
    "withdraw": {
        Move.COUNTER_ATTACK: 1.3,
        Move.MINIMIZE: 1.2,
        Move.FIX: 1.2,
        Move.PRESENCE: 1.3,
        Move.SUPPORT: 1.2,
    },
}


class ListenRates:
    """How a listener's moves land on an upset partner."""

    def base(self, state: PartnerState, move: AnyMove) -> tuple[Delta, list[str]]:
        """A move's delta in this state; problem-solving and repair depend on timing."""
        zone = state.zone
        if move == Move.FIX:
            note = (
                "too early: still upset" if zone.is_hot or zone == Zone.GUARDED else "welcome now"
            )
            return FIX_BY_ZONE[zone], [note]
        if move == Move.INVITE_SOLUTIONS:
            note = "too early: still upset" if not zone.is_settled else "welcome now"
            return INVITE_SOLUTIONS_BY_ZONE[zone], [note]
        if move == Move.REPAIR:
            last = state.memory.last_misstep_turn
            if last is not None and state.turn - last < REPAIR_WINDOW_TURNS:
                return REPAIR_AFTER_MISSTEP, ["repairs the last misstep"]
            return REPAIR_OTHERWISE, []
        if move in ATTUNED_BASE:
            return ATTUNED_BASE[Move(move)], []
        return MISATTUNED_BASE[Move(move)], []

    def style_weight(self, style: str, move: AnyMove) -> float:
        """How a pursuer or a withdrawer scales a move."""
        return STYLE_WEIGHTS[style].get(Move(move), 1.0)

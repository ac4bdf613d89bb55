"""The engine's tuning constants for ask mode, each with the idea from the documents it encodes.

In ask mode the learner needs support and the partner jumps to logic or fixes.
The engine's two numbers read as defensiveness (first) and turning toward
(second), each 0-100. The first source document's closing advice: ask in a way
that invites closeness instead of triggering defensiveness. Gottman: criticism
and contempt draw defensiveness; a gentle start-up that speaks from one's own
side gets a partner to turn toward, and noticing it when they do keeps them there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.domain.zones import Zone
from simulator.modes.ask.moves import AskMove
from simulator.modes.base import AnyMove, Delta

if TYPE_CHECKING:
    from simulator.engine.state import PartnerState

# Zone -> stage, repeated from the mode's words so the tables stand alone.
_STAGES = {
    Zone.FLOODED: "defending",
    Zone.ESCALATED: "explaining",
    Zone.GUARDED: "listening",
    Zone.SETTLING: "reflecting",
    Zone.REGULATED: "turned toward",
}

# A soft, specific request slows the partner down: the more specific (the need named,
# an explicit invitation to reflect), the more it helps.
HELPFUL_BASE: dict[AskMove, Delta] = {
    AskMove.SOFT_STARTUP: (-6.0, 5.0),
    AskMove.NAME_NEED: (-7.0, 6.0),
    AskMove.INVITE_REFLECTION: (-8.0, 7.0),
}

# Criticism makes a partner defend and explain harder; contempt is the most corrosive
# (Gottman); a demand is heard as control; withdrawing mostly stalls: the partner
# cannot reach you, so turning toward drops while defensiveness hardly moves.
TRAP_BASE: dict[AskMove, Delta] = {
    AskMove.CRITICIZE: (14.0, -8.0),
    AskMove.CONTEMPT: (20.0, -12.0),
    AskMove.DEMAND: (10.0, -6.0),
    AskMove.WITHDRAW: (2.0, -7.0),
}

# Appreciation reinforces a partner who is turning toward; thanks offered while they
# are still defending their case barely registers.
APPRECIATE_BY_ZONE: dict[Zone, Delta] = {
    Zone.FLOODED: (0.0, 1.0),
    Zone.ESCALATED: (-2.0, 2.0),
    Zone.GUARDED: (-6.0, 8.0),
    Zone.SETTLING: (-7.0, 9.0),
    Zone.REGULATED: (-6.0, 9.0),
}

# A partner's escalation style colours how the traps land: one who pursues argues
# back harder when criticized; one who withdraws goes quiet under contempt and orders.
STYLE_WEIGHTS: dict[str, dict[AskMove, float]] = {
    "pursue": {AskMove.CRITICIZE: 1.2, AskMove.DEMAND: 1.1},
    "withdraw": {AskMove.CONTEMPT: 1.3, AskMove.DEMAND: 1.2, AskMove.WITHDRAW: 1.2},
}


class AskRates:
    """How a request lands on a partner who jumps to logic or fixes."""

    def base(self, state: PartnerState, move: AnyMove) -> tuple[Delta, list[str]]:
        """A request's delta; appreciation depends on whether they have turned toward you."""
        if move == AskMove.APPRECIATE:
            zone = state.zone
            note = (
                "reinforces them turning toward you"
                if not zone.is_hot
                else f"not yet: still {_STAGES[zone]}"
            )
            return APPRECIATE_BY_ZONE[zone], [note]
        if move in HELPFUL_BASE:
            return HELPFUL_BASE[AskMove(move)], []
        return TRAP_BASE[AskMove(move)], []

    def style_weight(self, style: str, move: AnyMove) -> float:
        """How a pursuer or a withdrawer scales a trap."""
        return STYLE_WEIGHTS[style].get(AskMove(move), 1.0)

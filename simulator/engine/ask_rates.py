"""The engine's tuning constants for ask mode, each with the idea from the documents it encodes.

In ask mode the learner needs support and the partner jumps to logic or fixes.
The engine's two numbers read as defensiveness (first) and turning toward
(second), each 0-100. The first source document's closing advice: ask in a way
that invites closeness instead of triggering defensiveness. Gottman: criticism
and contempt draw defensiveness; a gentle start-up that speaks from one's own
side gets a partner to turn toward, and noticing it when they do keeps them there.
"""

from __future__ import annotations

from simulator.ask_moves import AskMove
from simulator.engine.rates import Delta
from simulator.zones import Zone

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

# A message with no request in it leaves a defensive partner explaining.
SILENCE: Delta = (2.0, -1.0)

"""The engine's tuning constants, each with the idea from the documents it encodes.

Deltas are (arousal, connection) on 0-100 scales, before persona and context
multipliers. Misattuned moves cost more than attuned moves earn: when people feel
dismissed they double down, and a harsh moment outweighs a kind one (Gottman's
observation that stable couples need several positives for every negative).
"""

from __future__ import annotations

from simulator.moves import Move
from simulator.zones import Zone

Delta = tuple[float, float]

ATTUNED_BASE: dict[Move, Delta] = {
    Move.PRESENCE: (-4.0, 3.0),
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

# A flooded nervous system can barely take comfort in; it has to come down first.
RECEPTIVITY: dict[Zone, float] = {
    Zone.FLOODED: 0.6,
    Zone.ESCALATED: 0.85,
    Zone.GUARDED: 1.0,
    Zone.SETTLING: 1.0,
    Zone.REGULATED: 1.0,
}

# Several moves in one message add up with diminishing weight, strongest first.
STACK_WEIGHTS: tuple[float, ...] = (1.0, 0.6, 0.4, 0.3, 0.2)
# "I hear you, but..." - a misstep in the same message undoes most of the warmth.
ATTUNED_WEIGHT_WITH_MISSTEP = 0.4

# This person's own soothers and triggers land harder than the usual move.
PERSONAL_WEIGHT = 1.35

# Each reuse of the same attuned wording halves its effect; past this many reuses
# it sounds scripted and starts to grate.
REPEAT_DECAY = 0.5
REPEAT_GRATES_AFTER = 3
GRATING: Delta = (2.0, -2.0)

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
WITHDRAW_ATTUNED_PACE = 0.85

# A message with no recognizable move leaves a hot partner waiting for an answer.
SILENCE_BY_STYLE: dict[str, Delta] = {"pursue": (3.0, -1.0), "withdraw": (1.0, -1.0)}


# Connection is a buffer: misses hurt a little less, comfort lands a little better.
def trust_buffer(connection: float) -> tuple[float, float]:
    """Multipliers (for misattuned, for attuned) given current connection (0-100)."""
    return 1.2 - 0.4 * connection / 100.0, 0.8 + 0.4 * connection / 100.0


def calming_headroom(arousal: float, connection: float) -> tuple[float, float]:
    """Multipliers (arousal drop, connection gain) that taper near calm and near closeness."""
    return min(1.0, 0.35 + arousal / 80.0), 1.0 - connection / 140.0


# The softer feeling needs safety: connection at the card's threshold and the
# partner out of the hot zones.
SOFTER_MAX_AROUSAL = 60.0

"""The engine's tuning constants shared by every mode, each with the idea it encodes.

Each mode's own move tables live in its package (`simulator.modes.<mode>.rates`).

Deltas are (arousal, connection) on 0-100 scales, before persona and context
multipliers. Misattuned moves cost more than attuned moves earn: when people feel
dismissed they double down, and a harsh moment outweighs a kind one (Gottman's
observation that stable couples need several positives for every negative).
"""

from __future__ import annotations

from simulator.domain.zones import Zone

Delta = tuple[float, float]

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

# A withdrawer settles slowly but responds to patience.
WITHDRAW_ATTUNED_PACE = 0.85


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

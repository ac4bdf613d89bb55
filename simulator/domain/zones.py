"""The five arousal zones of the partner's nervous system."""

from __future__ import annotations

from enum import StrEnum


class Zone(StrEnum):
    """Where the partner's arousal sits, from most to least activated."""

    FLOODED = "flooded"
    ESCALATED = "escalated"
    GUARDED = "guarded"
    SETTLING = "settling"
    REGULATED = "regulated"

    @property
    def is_hot(self) -> bool:
        """True while the partner is too activated to take in solutions."""
        return self in (Zone.FLOODED, Zone.ESCALATED)

    @property
    def is_settled(self) -> bool:
        """True once problem-solving can be welcome."""
        return self in (Zone.SETTLING, Zone.REGULATED)


# Lower bound of each zone on the 0-100 arousal scale, hottest first.
ZONE_FLOORS: tuple[tuple[Zone, float], ...] = (
    (Zone.FLOODED, 80.0),
    (Zone.ESCALATED, 60.0),
    (Zone.GUARDED, 40.0),
    (Zone.SETTLING, 20.0),
    (Zone.REGULATED, 0.0),
)


def zone_for(arousal: float) -> Zone:
    """Return the zone an arousal level falls in (flooded >= 80 ... regulated < 20)."""
    for zone, floor in ZONE_FLOORS:
        if arousal >= floor:
            return zone
    return Zone.REGULATED

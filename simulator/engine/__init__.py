"""The partner's simulated nervous system: state, zones, intensity and the engine that moves them.

It reads a turn's moves and their effects through the practice mode's rate table and may
import `modes` (the registry and base types) and `support`; never a front end.
"""

from simulator.domain.zones import Zone, zone_for
from simulator.engine.engine import (
    CLEAR_READ,
    INTENSITIES,
    Engine,
    is_misstep,
    read_plainly,
    read_surely,
)
from simulator.engine.state import Effect, PartnerState, TurnOutcome

__all__ = [
    "CLEAR_READ",
    "INTENSITIES",
    "Effect",
    "Engine",
    "PartnerState",
    "TurnOutcome",
    "Zone",
    "is_misstep",
    "read_plainly",
    "read_surely",
    "zone_for",
]

"""The partner's simulated nervous system."""

from simulator.engine.engine import INTENSITIES, Engine
from simulator.engine.state import Effect, PartnerState, TurnOutcome
from simulator.zones import Zone, zone_for

__all__ = ["INTENSITIES", "Effect", "Engine", "PartnerState", "TurnOutcome", "Zone", "zone_for"]

"""The partner's nervous-system state, and what one learner turn did to it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from simulator.domain.zones import Zone, zone_for
from simulator.modes import MoveId


class Memory(BaseModel):
    """What the nervous system remembers between turns (repeated phrases, recent missteps)."""

    model_config = ConfigDict(frozen=True)

    phrases: dict[str, int] = Field(default_factory=dict)
    """How often each attuned wording has been used already, keyed by normalized text."""
    last_misstep_turn: int | None = None
    """The most recent turn with a net misattuned effect, if any."""


class PartnerState(BaseModel):
    """Arousal, connection and zone after a given turn (turn 0 is the opening)."""

    model_config = ConfigDict(frozen=True)

    turn: int = Field(ge=0)
    arousal: float = Field(ge=0.0, le=100.0)
    """0-100: how activated the partner's nervous system is."""
    connection: float = Field(ge=0.0, le=100.0)
    """0-100: the partner's sense of not being alone in it."""
    softened: bool = False
    """Whether the softer emotion underneath has come through yet."""
    memory: Memory = Field(default_factory=Memory)

    @property
    def zone(self) -> Zone:
        """The zone the current arousal falls in."""
        return zone_for(self.arousal)

    def summary(self) -> dict[str, float | str]:
        """The public numbers: arousal, connection and zone, rounded for display."""
        return {
            "arousal": round(self.arousal, 1),
            "connection": round(self.connection, 1),
            "zone": self.zone.value,
        }


class Effect(BaseModel):
    """How one move in the learner's message changed the state, and why."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    move: MoveId
    span: str
    arousal: float
    connection: float
    reasons: list[str] = Field(default_factory=list)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    """The learned layer's probability when only it read the move; None for a rule's read."""


class TurnOutcome(BaseModel):
    """The engine's verdict on one learner message."""

    model_config = ConfigDict(frozen=True)

    before: PartnerState
    after: PartnerState
    effects: list[Effect]
    surfaced_now: bool
    """True on the turn the softer emotion first comes through."""

    @property
    def arousal_delta(self) -> float:
        """How much arousal moved this turn (negative is calmer)."""
        return self.after.arousal - self.before.arousal

    @property
    def connection_delta(self) -> float:
        """How much connection moved this turn."""
        return self.after.connection - self.before.connection

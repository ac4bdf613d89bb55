"""What the learner chose before practising (the picker draws from the lighter `timing`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from simulator.turns.timing import FeedbackTiming

# Before "feedback" had its own name it was stored as "mode": immersive or coached.
LEGACY_KEY = "mode"
LEGACY_VALUES: dict[str, FeedbackTiming] = {"immersive": "after", "coached": "live"}


def read_legacy_feedback(data: Any) -> Any:
    """Raw setup data with an old `mode: immersive|coached` read as `feedback`."""
    if not isinstance(data, dict) or "feedback" in data:
        return data
    old = data.get(LEGACY_KEY)
    if not isinstance(old, str) or old not in LEGACY_VALUES:
        return data
    renamed = {k: v for k, v in data.items() if k != LEGACY_KEY}
    renamed["feedback"] = LEGACY_VALUES[old]
    return renamed


class PracticeSetup(BaseModel):
    """What the learner chose in the picker (or on the command line)."""

    model_config = ConfigDict(frozen=True)

    persona_id: str
    model: str = "local"
    intensity: Literal["gentle", "realistic", "hard"] = "realistic"
    feedback: FeedbackTiming = "after"
    seed: int = 0

    @model_validator(mode="before")
    @classmethod
    def _read_legacy(cls, data: Any) -> Any:
        return read_legacy_feedback(data)

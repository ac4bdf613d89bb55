"""What the learner chose before practising; light to import, so the picker can draw at once."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Mode = Literal["immersive", "coached"]


class PracticeSetup(BaseModel):
    """What the learner chose in the picker (or on the command line)."""

    model_config = ConfigDict(frozen=True)

    persona_id: str
    model: str = "local"
    intensity: Literal["gentle", "realistic", "hard"] = "realistic"
    mode: Mode = "immersive"
    seed: int = 0

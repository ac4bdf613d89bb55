"""How hard missteps land: the intensity a learner picks, as a multiplier on the engine's rates."""

from __future__ import annotations

INTENSITIES: dict[str, float] = {"gentle": 0.75, "realistic": 1.0, "hard": 1.3}

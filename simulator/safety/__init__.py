"""The learner's safety: real distress pauses the role-play, deterministically."""

from simulator.safety.distress import Distress, DistressKind, SafetyLevel, detect_distress
from simulator.safety.pause import DEFAULT_RESOURCES, pause_message

__all__ = [
    "DEFAULT_RESOURCES",
    "Distress",
    "DistressKind",
    "SafetyLevel",
    "detect_distress",
    "pause_message",
]

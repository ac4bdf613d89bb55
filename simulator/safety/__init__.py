"""The learner's safety: real distress pauses the role-play, deterministically."""

from simulator.safety.distress import Distress, detect_by_rules, detect_distress
from simulator.safety.levels import DistressKind, SafetyLevel
from simulator.safety.pause import DEFAULT_RESOURCES, pause_message

__all__ = [
    "DEFAULT_RESOURCES",
    "Distress",
    "DistressKind",
    "SafetyLevel",
    "detect_by_rules",
    "detect_distress",
    "pause_message",
]

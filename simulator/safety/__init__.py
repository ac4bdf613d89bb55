"""The learner's safety: real distress pauses the role-play, an uncertain sign checks in."""

from simulator.safety.distress import detect_by_rules, detect_distress
from simulator.safety.labels import (
    SafetyMark,
    answered_by,
    not_scored,
    stepped_out_summary,
)
from simulator.safety.learned import warm_up
from simulator.safety.levels import Distress, DistressKind, SafetyLevel
from simulator.safety.pause import DEFAULT_RESOURCES, check_in_message, pause_message

__all__ = [
    "DEFAULT_RESOURCES",
    "Distress",
    "DistressKind",
    "SafetyLevel",
    "SafetyMark",
    "answered_by",
    "check_in_message",
    "detect_by_rules",
    "detect_distress",
    "not_scored",
    "pause_message",
    "stepped_out_summary",
    "warm_up",
]

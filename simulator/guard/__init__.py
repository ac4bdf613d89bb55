"""The output guard: checks that keep a model's reply in character (deterministic, plus one
learned signal for replies that answer nothing)."""

from simulator.guard.checks import GuardContext, check_cue, check_reply
from simulator.guard.gate import GateResult, SentenceGate
from simulator.guard.reasons import Finding, GuardReason
from simulator.guard.tidy import tidy
from simulator.guard.topic import warm_up

__all__ = [
    "Finding",
    "GateResult",
    "GuardContext",
    "GuardReason",
    "SentenceGate",
    "check_cue",
    "check_reply",
    "tidy",
    "warm_up",
]

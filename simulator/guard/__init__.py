"""The output guard: deterministic checks that keep a model's reply in character."""

from simulator.guard.checks import GuardContext, check_cue, check_reply
from simulator.guard.gate import GateResult, SentenceGate
from simulator.guard.reasons import Finding, GuardReason
from simulator.guard.tidy import tidy

__all__ = [
    "Finding",
    "GateResult",
    "GuardContext",
    "GuardReason",
    "SentenceGate",
    "check_cue",
    "check_reply",
    "tidy",
]

"""Voices give the engine's state words; they never decide the state."""

from simulator.voices.base import (
    Exchange,
    GuardRecord,
    Reply,
    ReplyRequest,
    ReplyStream,
    Voice,
)
from simulator.voices.scripted import ScriptedVoice

__all__ = [
    "Exchange",
    "GuardRecord",
    "Reply",
    "ReplyRequest",
    "ReplyStream",
    "ScriptedVoice",
    "Voice",
]

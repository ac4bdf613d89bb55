"""Voices give the engine's state words; they never decide the state."""

from simulator.voices.scripted import ScriptedVoice

__all__ = ["ScriptedVoice"]

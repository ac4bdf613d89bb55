"""Kept for code not yet moved: ask mode's moves now live in `simulator.modes.ask.moves`."""

from simulator.modes.ask.moves import ASK_HELPFUL, ASK_MOVE_INFO, ASK_TRAPS, AskMove

__all__ = ["ASK_HELPFUL", "ASK_MOVE_INFO", "ASK_TRAPS", "AskMove"]

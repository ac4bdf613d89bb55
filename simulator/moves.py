"""Kept for code not yet moved: listen mode's moves now live in `simulator.modes.listen.moves`."""

from simulator.modes.base import MoveInfo, Polarity
from simulator.modes.listen.moves import ATTUNED, MISATTUNED, MOVE_INFO, Move, is_attuned

__all__ = ["ATTUNED", "MISATTUNED", "MOVE_INFO", "Move", "MoveInfo", "Polarity", "is_attuned"]

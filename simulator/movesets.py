"""The two practice modes' move sets side by side: listen (attune to an upset partner)
and ask (ask a partner for attunement)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import PlainSerializer, PlainValidator, SerializationInfo
from pydantic_core import PydanticCustomError

from simulator.ask_moves import ASK_HELPFUL, ASK_MOVE_INFO, ASK_TRAPS, AskMove
from simulator.moves import ATTUNED, MISATTUNED, MOVE_INFO, Move, MoveInfo

PracticeMode = Literal["listen", "ask"]
"""`listen`: the learner attunes to an upset partner; `ask`: the learner asks for attunement."""

PRACTICE_MODES: tuple[PracticeMode, ...] = ("listen", "ask")

AnyMove = Move | AskMove
"""A move of either practice mode."""


def move_info(move: AnyMove) -> MoveInfo:
    """What a move of either mode means and where it comes from."""
    if isinstance(move, AskMove):
        return ASK_MOVE_INFO[move]
    return MOVE_INFO[move]


def moves_for(mode: PracticeMode) -> tuple[AnyMove, ...]:
    """The move set of one practice mode, in taxonomy order."""
    return tuple(AskMove) if mode == "ask" else tuple(Move)


def helpful_moves(mode: PracticeMode) -> frozenset[AnyMove]:
    """The moves that follow the documents' advice in one mode."""
    return frozenset(ASK_HELPFUL) if mode == "ask" else frozenset(ATTUNED)


def trap_moves(mode: PracticeMode) -> frozenset[AnyMove]:
    """The mistakes of one mode."""
    return frozenset(ASK_TRAPS) if mode == "ask" else frozenset(MISATTUNED)


def mode_of(move: AnyMove) -> PracticeMode:
    """Which practice mode a move belongs to."""
    return "ask" if isinstance(move, AskMove) else "listen"


_BY_ID: dict[str, AnyMove] = {m.value: m for m in (*Move, *AskMove)}


def parse_move(value: object) -> AnyMove:
    """A move of either mode from its id; a one-line error naming the valid ids otherwise."""
    if isinstance(value, Move | AskMove):
        return value
    if isinstance(value, str) and value in _BY_ID:
        return _BY_ID[value]
    listen = ", ".join(m.value for m in Move)
    ask = ", ".join(m.value for m in AskMove)
    raise PydanticCustomError(
        "move_id",
        "Input should be a move id (listen: {listen}; ask: {ask}), got {value}",
        {"listen": listen, "ask": ask, "value": repr(value)},
    )


def _dump_move(move: AnyMove, info: SerializationInfo) -> AnyMove | str:
    return move.value if info.mode_is_json() else move


MoveId = Annotated[AnyMove, PlainValidator(parse_move), PlainSerializer(_dump_move)]
"""A move of either mode in a pydantic model, validated by its id."""

"""The registry of practice modes: each mode registers itself; everything else looks it up."""

from __future__ import annotations

import importlib
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator, SerializationInfo
from pydantic_core import PydanticCustomError

from simulator.modes.base import AnyMove, Mode, MoveInfo

# The modes attune ships, by name and package, in the order every list shows them
# (whichever was imported first); each package registers itself when first imported.
_BUILT_IN = (("listen", "simulator.modes.listen"), ("ask", "simulator.modes.ask"))
_MODES: dict[str, Mode] = {}
_MOVES: dict[str, tuple[AnyMove, Mode]] = {}
_loaded = False


def _load_built_in() -> None:
    # Imported on first look-up, not at import time: the modes import the core.
    global _loaded
    if not _loaded:
        _loaded = True
        for _, package in _BUILT_IN:
            importlib.import_module(package)


def register_mode(mode: Mode) -> Mode:
    """Make a mode known by its name; its move ids must be new (they are public ids)."""
    old = _MODES.get(mode.name)
    if old is not None and old is not mode:
        for move in old.move_ids:
            _MOVES.pop(move.value, None)
    clash = sorted(
        m.value for m in mode.move_ids if m.value in _MOVES and _MOVES[m.value][1].name != mode.name
    )
    if clash:
        raise ValueError(f"mode '{mode.name}': move id(s) already taken: {', '.join(clash)}")
    _MODES[mode.name] = mode
    for move in mode.move_ids:
        _MOVES[move.value] = (move, mode)
    return mode


def unregister_mode(name: str) -> None:
    """Forget a mode (for tests that register their own)."""
    mode = _MODES.pop(name, None)
    if mode is not None:
        for move in mode.move_ids:
            _MOVES.pop(move.value, None)


def modes() -> tuple[Mode, ...]:
    """Every registered mode: the shipped ones first, in a fixed order, then the others."""
    _load_built_in()
    shipped = [name for name, _ in _BUILT_IN if name in _MODES]
    others = [name for name in _MODES if name not in shipped]
    return tuple(_MODES[name] for name in (*shipped, *others))


def mode_names() -> tuple[str, ...]:
    """The names of every registered mode."""
    return tuple(m.name for m in modes())


def get_mode(name: str) -> Mode:
    """The mode registered under `name`; KeyError naming the known modes otherwise."""
    _load_built_in()
    try:
        return _MODES[name]
    except KeyError:
        known = ", ".join(mode_names())
        raise KeyError(f"unknown practice mode '{name}' (known: {known})") from None


def mode_of(move: AnyMove) -> Mode:
    """The mode a move belongs to."""
    _load_built_in()
    return _MOVES[move.value][1]


def move_info(move: AnyMove) -> MoveInfo:
    """What a move of any mode means and where it comes from."""
    return mode_of(move).info(move)


def parse_move(value: object) -> AnyMove:
    """A move of any mode from its id; a one-line error naming the valid ids otherwise."""
    _load_built_in()
    key = value.value if isinstance(value, AnyMove) else value
    if isinstance(key, str) and key in _MOVES:
        return _MOVES[key][0]
    known = "; ".join(f"{m.name}: {', '.join(i.value for i in m.move_ids)}" for m in modes())
    raise PydanticCustomError(
        "move_id",
        "Input should be a move id ({known}), got {value}",
        {"known": known, "value": repr(value)},
    )


def _dump_move(move: AnyMove, info: SerializationInfo) -> AnyMove | str:
    return move.value if info.mode_is_json() else move


MoveId = Annotated[AnyMove, PlainValidator(parse_move), PlainSerializer(_dump_move)]
"""A move of any mode in a pydantic model, validated by its id."""


def check_mode(value: object) -> str:
    """A registered mode's name; a one-line error naming the known modes otherwise."""
    names = mode_names()
    if isinstance(value, str) and value in names:
        return value
    raise PydanticCustomError(
        "practice_mode",
        "Input should be a practice mode ({known}), got {value}",
        {"known": ", ".join(names), "value": repr(value)},
    )


ModeName = Annotated[str, PlainValidator(check_mode)]
"""A registered mode's name in a pydantic model."""

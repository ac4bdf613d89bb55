"""Practice modes: what the learner practises, as one typed object per mode.

A mode (`Mode`) carries its moves, classifier rules, rate table, state words,
coaching, prompts and eval learners. Each shipped mode lives in its own
subpackage (`listen`, `ask`) and registers itself; everything else asks the
registry (`get_mode`) and never tests which mode it has.

May import: the core (zones, engine state, classifier lexicon types, evals).
The core imports only this package's top (`base`, `registry`, `words`), never a
mode's subpackage; modes never import each other (tests/test_modes.py and the
import-linter `modes` contract check both). What is shaped like one mode (its word
tables, proposals, policies) lives in that mode's package, as a field of its `Mode`.
"""

from simulator.modes.base import (
    ENGINE_WORDS,
    AnyMove,
    Coaching,
    Delta,
    Mode,
    MoveInfo,
    Planning,
    Polarity,
    Policy,
    PolicyCase,
    Rates,
    RuleSource,
    ScenarioWords,
    StateWords,
    Step,
)
from simulator.modes.registry import (
    ModeName,
    MoveId,
    get_mode,
    mode_names,
    mode_of,
    modes,
    move_info,
    parse_move,
    register_mode,
    unregister_mode,
)
from simulator.modes.words import add_stages

PracticeMode = str
"""A registered mode's name, e.g. `listen` or `ask` (see `ModeName` for pydantic fields)."""


def words_for(mode: str) -> StateWords:
    """The state vocabulary of one practice mode."""
    return get_mode(mode).words


__all__ = [
    "ENGINE_WORDS",
    "AnyMove",
    "Coaching",
    "Delta",
    "Mode",
    "ModeName",
    "MoveId",
    "MoveInfo",
    "Planning",
    "Polarity",
    "Policy",
    "PolicyCase",
    "PracticeMode",
    "Rates",
    "RuleSource",
    "ScenarioWords",
    "StateWords",
    "Step",
    "add_stages",
    "get_mode",
    "mode_names",
    "mode_of",
    "modes",
    "move_info",
    "parse_move",
    "register_mode",
    "unregister_mode",
    "words_for",
]

"""Build a persona for the learner's own talk: a short form, a card, the learner's folder."""

from simulator.scenario.answers import FIELDS, Intensity, ScenarioAnswers, answer_problems
from simulator.scenario.build import build_card, suggest_id
from simulator.scenario.closest import closest_persona
from simulator.scenario.store import (
    delete_user_card,
    load_answers,
    restore_user_card,
    save_user_card,
)

__all__ = [
    "FIELDS",
    "Intensity",
    "ScenarioAnswers",
    "answer_problems",
    "build_card",
    "closest_persona",
    "delete_user_card",
    "load_answers",
    "restore_user_card",
    "save_user_card",
    "suggest_id",
]

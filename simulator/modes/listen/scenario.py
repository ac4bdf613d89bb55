"""How a learner's own words about their partner point at listen mode's moves (the scenario form).

A phrase in "what soothes them" or "what sets them off" that contains one of a move's
cues names that move; the first few named become the new card's soothes and triggers.
"""

from __future__ import annotations

from simulator.modes.base import AnyMove, ScenarioWords
from simulator.modes.listen.moves import Move

SOOTHING_WORDS: dict[AnyMove, tuple[str, ...]] = {
    Move.PRESENCE: (
        "listen",
        "attention",
        "phone away",
        "sit with",
        "stay",
        "patien",
        "space",
        "hug",
        "hold",
        "close",
        "wait",
        "time",
    ),
    Move.NOTICE: ("notice", "see how i", "see that i", "read my", "body language"),
    Move.REFLECT: ("say back", "repeat", "reflect", "heard", "hear what"),
    Move.VALIDATE: (
        "makes sense",
        "valid",
        "seriously",
        "understand",
        "get it",
        "fair",
        "not crazy",
        "not overreacting",
    ),
    Move.SUPPORT: (
        "reassur",
        "comfort",
        "here for",
        "care",
        "love",
        "matter",
        "support",
        "kind",
        "warm",
        "gentle",
        "soft",
    ),
    Move.ASK_NEED: ("what i need", "what they need", "what she needs", "what he needs", "ask what"),
    Move.OPEN_QUESTION: ("question", "curious", "interest", "ask "),
    Move.ACKNOWLEDGE_IMPACT: ("apolog", "sorry", "own it", "admit", "responsib", "accountab"),
    Move.REPAIR: ("try again", "start over", "restart", "repair", "slow down"),
    Move.INVITE_SOLUTIONS: ("plan", "next time", "together", "solution"),
}
TRIGGERING_WORDS: dict[AnyMove, tuple[str, ...]] = {
    Move.EXPLAIN: ("explain", "excuse", "reason", "justif"),
    Move.MINIMIZE: (
        "minimi",
        "big deal",
        "calm down",
        "relax",
        "overreact",
        "dramatic",
        "dismiss",
        "brush",
        "laugh",
        "joke",
        "sensitive",
    ),
    Move.CORRECT_FACTS: (
        "correct",
        "fact",
        "wrong about",
        "not what happened",
        "detail",
        "remember it",
        "how it happened",
    ),
    Move.FIX: ("fix", "advice", "solution", "should do", "solve", "lecture"),
    Move.INTENT_DEFENSE: (
        "didn't mean",
        "intent",
        "meant well",
        "on purpose",
        "defensive",
        "defend",
    ),
    Move.COUNTER_ATTACK: (
        "blame",
        "critici",
        "yell",
        "shout",
        "sarcas",
        "attack",
        "raise my voice",
        "tone",
        "insult",
        "mock",
        "eye roll",
        "rolling",
    ),
    Move.TURN_AWAY: (
        "ignore",
        "walk away",
        "walk off",
        "leave",
        "silence",
        "phone",
        "change the subject",
        "distract",
        "shut down",
        "tv",
        "not answer",
    ),
}

SCENARIO_WORDS = ScenarioWords(soothing=SOOTHING_WORDS, triggering=TRIGGERING_WORDS)

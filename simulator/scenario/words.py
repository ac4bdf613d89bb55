"""Reading the learner's wording: content words, and which moves a phrase points at."""

from __future__ import annotations

import re

from simulator.moves import Move

_WORD = re.compile(r"[a-z']+")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Too common to say anything about a scene.
STOPWORDS = _word_set(
    """a about after again all also am an and any are as at be because been before being
    but by can could did do does doing don't down even ever every for from get gets go
    going got had has have having he her here him his how i i'm if in into is it it's
    just know like make me more much my myself never no not now of off on once one only
    or our out over really right said say says she so some still such than that that's
    the their them then there they thing things think this those time to too up us very
    want was way we were what when where which while who why will with would you you're
    your yourself"""
)

SOOTHING_WORDS: dict[Move, tuple[str, ...]] = {
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
TRIGGERING_WORDS: dict[Move, tuple[str, ...]] = {
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


def content_words(text: str) -> set[str]:
    """The words of a text that say something about its scene (lowercase, no stopwords)."""
    return {w.strip("'") for w in _WORD.findall(text.lower()) if len(w) > 3} - STOPWORDS


def moves_named(text: str, table: dict[Move, tuple[str, ...]]) -> list[Move]:
    """The moves a free-text answer points at, in the table's order."""
    lowered = f" {text.lower()} "
    return [move for move, cues in table.items() if any(cue in lowered for cue in cues)]


# Words any upset partner might use, whatever happened: a shipped line made only of these
# (and stopwords) can move to the learner's scene.
GENERIC_WORDS = _word_set(
    """actually afraid again alone already always angry anymore anything apology argue
    asked away back believe better bigger bracing braced bring building calm calmer came
    can't care careful closer come coming could couldn't didn't different doesn't done
    don't easy else embarrassed enough even everything exactly face fair feel feeling feels
    felt fight fighting fine finally first forget fully funny give glad going gone good
    guess happen happened happening hard hate hear heard hearing help helping helps honestly
    hope hurt hurts i'll i've idea inventing keep kept kind last least leave less let's
    letting listen listening little long look looking lost loud mad making matter matters
    maybe mean means meant mess mind minute moment mostly move moving much need needed needs
    next nice nothing okay ourselves part people pretty probably problem properly prove
    quiet raw ready real reason right sad same saying scared scream seen seriously show
    side silly since slowly small somehow someone something something's sorry sound
    sounded speak start stay steady still stings stop straight sure take taking talk
    talking tell telling thank thanks think thought tired trying turn understand
    understood upset wait waiting wanted wasn't weren't whatever whole word words worried
    worry worse worst wound wrong yeah yours"""
)

"""Spot real distress in the learner's own words, as opposed to role-played upset.

People rehearse conversations from their own lives, so a message may be about a
real crisis. The rules look for first-person statements of self-harm or suicide,
of being in danger, or of being abused. Figures of speech the practice itself
invites ("you're killing me here", "I could die of embarrassment") do not count.
No model is involved: the check is the same on every run and on every backend.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class DistressKind(StrEnum):
    """What kind of real-life risk a message speaks of."""

    SELF_HARM = "self_harm"
    DANGER = "danger"
    ABUSE = "abuse"

    @property
    def plain(self) -> str:
        """The kind in words for the pause message."""
        return _PLAIN[self]


_PLAIN = {
    DistressKind.SELF_HARM: "hurting yourself or not wanting to live",
    DistressKind.DANGER: "being in danger",
    DistressKind.ABUSE: "being hurt or abused by someone",
}


class SafetyLevel(StrEnum):
    """How sure the check is: a clear sign pauses, an uncertain one asks first."""

    PAUSE = "pause"
    """A clear sign of real risk: the role-play stops and help is shown."""
    CHECK_IN = "check_in"
    """Maybe real, maybe the scene: the scene holds and attune asks once if the learner is okay."""


class Distress(BaseModel):
    """A distress signal found in a message, with the words that showed it."""

    model_config = ConfigDict(frozen=True)

    kind: DistressKind
    evidence: str
    level: SafetyLevel = SafetyLevel.PAUSE


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


# "someone" covers the people a learner might name as hurting them.
_SOMEONE = (
    r"(?:he|she|they|my (?:partner|husband|wife|boyfriend|girlfriend|ex|dad|father|mum|mom|"
    r"mother|parent|parents|step\w+|brother|sister|son|daughter|boss|flatmate|roommate))"
)

_SELF_HARM = _rx(
    r"\b(?:i(?:'m| am)?|i've|i have|i'd|i keep)\s+(?:\w+\s+){0,3}?"
    r"(?:want(?:ed|ing)?|going|plan(?:ning)?|think(?:ing)?(?: about)?|thought about|tried|try(?:ing)?"
    r"|about|ready|need)\s+(?:to\s+)?(?:kill(?:ing)? myself|end(?:ing)? (?:it all|my life|it)"
    r"|tak(?:e|ing) my (?:own )?life|hurt(?:ing)? myself|harm(?:ing)? myself|cut(?:ting)? myself"
    r"|die\b(?! (?:of|from|laughing)))",
    r"\bkill(?:ing)? myself\b(?! laughing)",
    r"\bsuicid(?:e|al)\b",
    r"\bself[- ]harm(?:ing)?\b",
    r"\b(?:i've|i have|i) (?:been )?(?:cut|cutting|hurt|hurting|burn(?:ed|ing)?) myself\b",
    r"\bi (?:don't|do not|no longer) want to (?:be alive|live|be here anymore|wake up)\b",
    r"\b(?:no|not any) (?:reason|point) (?:to|in) (?:live|living|being alive|going on)\b",
    r"\b(?:everyone|everybody|they|you|he|she|my family)(?:'d| would) be better off without me\b",
    r"\bbetter off dead\b",
    r"\bi(?:'m| am) (?:going to|gonna) (?:end it|overdose)\b",
    r"\b(?:took|take|taking|swallowed) (?:a bunch of|all (?:my|the)|too many) (?:pills|tablets)\b",
    r"\boverdos(?:e|ed|ing)\b",
    r"\bi can(?:'t|not) (?:go on|keep going) (?:anymore|any more|like this)\b",
)

_DANGER = _rx(
    r"\bi(?:'m| am) not safe\b",
    r"\bi(?:'m| am) (?:in danger|scared for my life|afraid for my life|fearing for my life)\b",
    rf"\b{_SOMEONE} (?:(?:is|are) going to|will|(?:has|have) threatened to|threatened to|said (?:he|she|they)(?:'d| would))"
    r" (?:kill|hurt|shoot|stab) me\b",
    rf"\b{_SOMEONE} (?:has|have|had|is holding|got) a (?:gun|knife|weapon)\b",
    r"\bi(?:'m| am) (?:locked in|trapped|hiding from)\b",
    r"\b(?:help me|please help),? (?:i(?:'m| am)|someone is)\b",
)

_ABUSE = _rx(
    rf"\b{_SOMEONE} (?:\w+ )?(?:hits?|hit|beats?|beat|chokes?|choked|strangled|kicks?|kicked|slaps?|slapped"
    r"|punch(?:es|ed)?|shoves?|shoved|pushed|raped|assaulted|abuses?|abused|rapes?|forced) me\b",
    r"\bi(?:'m| am| was| have been|'ve been) (?:being )?(?:abused|raped|sexually assaulted|assaulted|beaten)\b",
    r"\b(?:he|she|they|my \w+) (?:won't|will not|doesn't|does not) let me (?:leave|see my|go out|have money)\b",
    r"\bdomestic (?:abuse|violence)\b",
)

# Figures of speech a heated practice invites; removed before the rules run.
_FIGURES = _rx(
    r"\byou(?:'re| are) killing me(?: here)?\b",
    r"\bthis is killing me\b",
    r"\b(?:i could|i'd|i would|i almost|i nearly) (?:just )?die of (?:embarrassment|shame|laughter|boredom)\b",
    r"\bdying (?:to|for|of laughter)\b",
    r"\bkill(?:ing)? (?:it|time|the mood|the lights|the vibe)\b",
    r"\bmy (?:phone|battery|laptop|car) (?:died|is dead|was dead)\b",
)

_RULES = (
    (DistressKind.SELF_HARM, _SELF_HARM),
    (DistressKind.DANGER, _DANGER),
    (DistressKind.ABUSE, _ABUSE),
)


# Uncertain signs: could be the scene, could be real. They ask, they do not pause.
_CHECK_IN = _rx(
    r"\bi(?:'?m| am) not (?:ok|okay)\b(?! with)",
)


def detect_distress(text: str) -> Distress | None:
    """The first sign of real distress in a learner's message, or None."""
    cleaned = " ".join(text.replace("\u2019", "'").split())
    cleaned = _FIGURES.sub(" ", cleaned)
    for kind, pattern in _RULES:
        match = pattern.search(cleaned)
        if match:
            return Distress(kind=kind, evidence=match.group(0).strip())
    match = _CHECK_IN.search(cleaned)
    if match:
        return Distress(
            kind=DistressKind.SELF_HARM, evidence=match.group(0).strip(), level=SafetyLevel.CHECK_IN
        )
    return None

"""What a sign of risk is about, and how sure the check is of it."""

from __future__ import annotations

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
    """A distress signal found in a message, with the rule and the words that showed it."""

    model_config = ConfigDict(frozen=True)

    kind: DistressKind
    evidence: str
    level: SafetyLevel = SafetyLevel.PAUSE
    rule: str = ""
    """The name of the rule that matched, so every decision can be explained."""

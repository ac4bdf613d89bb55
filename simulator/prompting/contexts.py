"""One pydantic model per template: exactly the variables the template may use."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Context(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class PersonaContext(_Context):
    """Everything `persona.j2` says to the model that voices the partner."""

    name: str
    """The persona's first name."""
    situation: str
    """What happened, told to the persona in the second person."""
    style: Literal["pursue", "withdraw"]
    """How the persona escalates: protest louder, or go quiet."""
    zone: Literal["flooded", "escalated", "guarded", "settling", "regulated"]
    """The engine's zone; the template turns it into behaviour, never a number."""
    closeness: Literal["alone", "unsure", "heard", "close"]
    """How connected the persona feels, in words the template expands."""
    emotion: str
    """The softer feeling under the surface (fear, hurt, shame...)."""
    softer_may_show: bool
    """True once connection has grown enough for the softer feeling to come through."""
    examples: list[str] = Field(min_length=1)
    """Authored lines in this zone's mood, as examples of voice, not to copy."""
    strict: bool = False
    """True on the retry after a rejected reply: tighter rules, plainer words."""
    problem: str | None = None
    """On a retry, what was wrong with the rejected reply, in plain words."""


class MoveChoice(_Context):
    """One move the judge may tag."""

    id: str
    description: str


class JudgeContext(_Context):
    """Everything `judge_moves.j2` gives the move-tagging judge."""

    message: str
    """The learner's message to tag."""
    partner_said: str
    """What the upset partner said just before it."""
    moves: list[MoveChoice]
    """The taxonomy the judge must choose from."""


TEMPLATES: dict[str, type[_Context]] = {
    "persona.j2": PersonaContext,
    "judge_moves.j2": JudgeContext,
}
"""Every template in `prompts/` and the context model it is rendered with."""

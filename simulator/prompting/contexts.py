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
    just_happened: str = ""
    """The reply plan: what the learner just did, told to the persona in plain words."""
    take: str = ""
    """The reply plan: how the persona takes it (push back, stay guarded, soften...)."""
    reacting: bool = False
    """True when the examples are the card's own reactions to what the learner just did."""


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
    asking: bool = False
    """Ask mode: the learner is asking the partner for support (the ask-mode move set)."""


class RubricAnchor(_Context):
    """What one score on a rubric dimension looks like."""

    score: int = Field(ge=1, le=5)
    meaning: str


class RubricDimension(_Context):
    """One thing the transcript judge scores, with its anchored levels."""

    id: str
    """The dimension's name in the JSON answer (`in_character`, `zone_fit`...)."""
    question: str
    """What the dimension asks about the partner's replies."""
    anchors: list[RubricAnchor] = Field(min_length=5, max_length=5)
    """Scores 1 to 5, each with what it looks like."""


class RubricTurn(_Context):
    """One exchange as the transcript judge sees it: words and the zone, never numbers."""

    learner: str
    """What the learner said."""
    partner: str
    """What the partner (the persona) replied."""
    zone: Literal["flooded", "escalated", "guarded", "settling", "regulated"]
    """The zone the engine decided for this reply."""


class RubricContext(_Context):
    """Everything `judge_rubric.j2` gives the judge that scores a whole transcript."""

    name: str
    """The persona's first name."""
    style: Literal["pursue", "withdraw"]
    """How the persona escalates: protest louder, or go quiet."""
    scenario: str
    """What happened, in a sentence (the card's summary, told to the learner)."""
    opening: str | None = None
    """The persona's opening line, if known."""
    turns: list[RubricTurn] = Field(min_length=1)
    """The conversation after the opening, in order."""
    dimensions: list[RubricDimension] = Field(min_length=1)
    """The rubric to score, in order."""


class DraftZone(_Context):
    """One zone the drafted lines must cover: how the partner sounds there, with examples."""

    id: Literal["flooded", "escalated", "guarded", "settling", "regulated"]
    """The zone's name, a key of the JSON answer."""
    how: str
    """How this persona sounds in the zone, in words."""
    examples: list[str] = Field(min_length=1)
    """A few lines in this zone from the closest shipped persona, as examples of voice."""


class DraftFamily(_Context):
    """One family of the learner's moves the drafted reactions must answer."""

    id: str
    """The family's name, a key of the JSON answer's `reactions`."""
    what: str
    """What the learner does in this family, in words."""
    examples: list[str] = Field(default_factory=list)
    """Another persona's reactions to it, as examples of voice."""


class ScenarioDraftContext(_Context):
    """Everything `scenario_draft.j2` gives the model that drafts a learner's persona lines."""

    name: str
    """The partner's first name."""
    about: str
    """What the talk is about, in the learner's words (the learner's side)."""
    feels: str
    """How the partner will probably feel ('' if not said)."""
    says_first: str
    """What the learner expects the partner to say first."""
    style: Literal["pursue", "withdraw"]
    """Whether the partner pushes or pulls away when upset."""
    soothes: str
    """What usually soothes the partner ('' if not said)."""
    sets_off: str
    """What usually sets the partner off ('' if not said)."""
    emotion: str
    """The softer feeling under the surface."""
    zones: list[DraftZone] = Field(min_length=5, max_length=5)
    """The five zones, hottest first."""
    min_lines: int
    """Lines to write per zone, at least."""
    max_lines: int
    """Lines to write per zone, at most."""
    cue_max: int = 120
    """The longest a cue (a non-verbal line) may be, in characters."""
    families: list[DraftFamily] = Field(default_factory=list)
    """The families of the learner's moves to write reactions for (empty: none asked)."""


TEMPLATES: dict[str, type[_Context]] = {
    "persona.j2": PersonaContext,
    "persona_ask.j2": PersonaContext,
    "judge_moves.j2": JudgeContext,
    "judge_rubric_ask.j2": RubricContext,
    "judge_rubric.j2": RubricContext,
    "scenario_draft.j2": ScenarioDraftContext,
}
"""Every template in `prompts/` and the context model it is rendered with."""

"""The persona card schema: one YAML file per partner persona."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from simulator.moves import ATTUNED, MISATTUNED, Move
from simulator.zones import Zone

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
Lines = Annotated[list[Line], Field(min_length=1, max_length=40)]
PersonaId = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=64)
]


class SofterEmotion(StrEnum):
    """The vulnerable feeling under the surface anger or silence."""

    HURT = "hurt"
    FEAR = "fear"
    SHAME = "shame"
    LONELINESS = "loneliness"
    SADNESS = "sadness"
    OVERWHELM = "overwhelm"
    INADEQUACY = "inadequacy"


class Style(StrEnum):
    """How the persona escalates when attunement is missing."""

    PURSUE = "pursue"
    WITHDRAW = "withdraw"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Underneath(_Strict):
    """The softer emotion, and what the persona says once it is safe to show it."""

    emotion: SofterEmotion
    """Which softer feeling sits under the surface."""
    description: Line
    """A sentence, for coaches, on what this feeling is about for this person."""
    surfaces_at: float = Field(default=60.0, ge=30.0, le=95.0)
    """Connection level (0-100) at which the feeling can come through."""
    lines: Lines
    """What the persona says when the softer feeling comes through."""


class Baseline(_Strict):
    """Where the persona's nervous system starts the scene."""

    arousal: float = Field(ge=0.0, le=100.0)
    """Starting arousal, 0-100 (80+ is flooded)."""
    connection: float = Field(ge=0.0, le=100.0)
    """Starting sense of not being alone in it, 0-100."""


class Reaction(_Strict):
    """A move that lands especially hard or especially well with this persona."""

    move: Move
    """The move id from the taxonomy."""
    why: Line
    """Why it matters to this person, in a sentence."""


class ZoneLines(_Strict):
    """Authored example lines for every zone, in the persona's voice."""

    flooded: Lines
    escalated: Lines
    guarded: Lines
    settling: Lines
    regulated: Lines

    def for_zone(self, zone: Zone | str) -> list[str]:
        """The authored lines for one zone."""
        lines: list[str] = getattr(self, Zone(zone).value)
        return lines


class PersonaCard(_Strict):
    """A partner persona: who they are, what upset them, how their nervous system reacts."""

    id: PersonaId
    """Stable slug used on the command line, e.g. `unanswered-text`."""
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    """The partner's first name."""
    mode: Literal["listen"] = "listen"
    """Practice mode: in `listen` the learner attunes to an upset partner."""
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]
    """The scenario in one sentence, for pickers and lists."""
    scenario: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)
    ]
    """What the learner walks into, told to the learner in the second person."""
    situation: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1200)]
        | None
    ) = None
    """The same scene from the persona's side, told to the persona ("You texted..."); it sets
    the scene in the model prompt. Without it the prompt falls back to `summary`."""
    opening: Lines
    """The persona's first line(s); one is picked per session."""
    underneath: Underneath
    """The softer emotion under the surface."""
    style: Style
    """`pursue`: protests louder and criticizes; `withdraw`: goes quiet and shuts down."""
    baseline: Baseline
    """Starting arousal and connection."""
    sensitivity: float = Field(default=1.0, ge=0.5, le=2.0)
    """How hard misattunement lands (1.0 typical; higher escalates faster)."""
    soothes: Annotated[list[Reaction], Field(min_length=1)]
    """Attuned moves that land especially well with this person."""
    triggers: Annotated[list[Reaction], Field(min_length=1)]
    """Misattuned moves that land especially hard with this person."""
    lines: ZoneLines
    """Authored lines for every zone (scripted backend, and fallback for models)."""

    @model_validator(mode="after")
    def _reactions_have_the_right_polarity(self) -> PersonaCard:
        for reaction in self.soothes:
            if reaction.move not in ATTUNED:
                raise ValueError(f"soothes: '{reaction.move}' is not an attuned move")
        for reaction in self.triggers:
            if reaction.move not in MISATTUNED:
                raise ValueError(f"triggers: '{reaction.move}' is not a misattuned move")
        return self

    @property
    def soothing_moves(self) -> frozenset[Move]:
        """The moves this persona is especially soothed by."""
        return frozenset(r.move for r in self.soothes)

    @property
    def triggering_moves(self) -> frozenset[Move]:
        """The moves this persona is especially triggered by."""
        return frozenset(r.move for r in self.triggers)

"""The persona card schema: one YAML file per partner persona."""

from __future__ import annotations

import difflib
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

from simulator.domain.zones import Zone
from simulator.modes import AnyMove, ModeName, MoveId, get_mode
from simulator.replyplan import FAMILIES, Heat
from simulator.support.ids import ID_MAX_LENGTH, ID_MIN_LENGTH, ID_PATTERN
from simulator.support.problems import UNION_TAG

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
Lines = Annotated[list[Line], Field(min_length=1, max_length=40)]
CUE_MAX_CHARS = 120
"""A cue is one short line of what the learner sees or hears, not a paragraph."""
CueLine = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=CUE_MAX_CHARS)
]
CueLines = Annotated[list[CueLine], Field(max_length=20)]
PersonaId = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=ID_MIN_LENGTH, max_length=ID_MAX_LENGTH),
]
"""A card id names its file, so it has the pattern of every file-naming id (support.ids)."""


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
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, allow_inf_nan=False
    )


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


class AskBaseline(_Strict):
    """Where an ask-mode partner starts: how defensive, how turned toward the learner."""

    defensiveness: float = Field(ge=0.0, le=100.0)
    """Starting defensiveness, 0-100 (80+ is defending, 60-80 explaining or fixing)."""
    turning_toward: float = Field(ge=0.0, le=100.0)
    """Starting turning toward the learner, 0-100."""

    @property
    def arousal(self) -> float:
        """Defensiveness, as the engine's first number."""
        return self.defensiveness

    @property
    def connection(self) -> float:
        """Turning toward, as the engine's second number."""
        return self.turning_toward


class Reaction(_Strict):
    """A move that lands especially hard or especially well with this persona."""

    move: MoveId
    """The move id from the taxonomy (of the card's practice mode)."""
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


class StageLines(_Strict):
    """Authored lines for every stage of an ask-mode partner, in the persona's voice."""

    defending: Lines
    """Defensiveness 80+: arguing their case, explaining why they are right."""
    explaining: Lines
    """60-80: jumping to logic, reasons and fixes."""
    listening: Lines
    """40-60: slowing down, starting to take the request in."""
    reflecting: Lines
    """20-40: saying back what they hear, asking what the learner needs."""
    turned_toward: Lines
    """Below 20: with the learner, comfort first."""

    def for_zone(self, zone: Zone | str) -> list[str]:
        """The authored lines for the stage a zone stands for."""
        fields = list(type(self).model_fields)
        lines: list[str] = getattr(self, fields[list(Zone).index(Zone(zone))])
        return lines


class ZoneCues(_Strict):
    """Non-verbal cues for some or all zones: what the partner's body and voice do there."""

    flooded: CueLines = []
    escalated: CueLines = []
    guarded: CueLines = []
    settling: CueLines = []
    regulated: CueLines = []


class StageCues(_Strict):
    """Non-verbal cues for some or all stages of an ask-mode partner."""

    defending: CueLines = []
    explaining: CueLines = []
    listening: CueLines = []
    reflecting: CueLines = []
    turned_toward: CueLines = []


class Cues(_Strict):
    """Short non-verbal lines (posture, gaze, voice, pace) shown under the partner's replies.

    Every part is optional; code picks at most one per turn (see `simulator.turns.cues`).
    """

    by_zone: ZoneCues | None = None
    """Cues by zone (listen-mode cards): a cold line when flooded, an open one when settling."""
    by_stage: StageCues | None = None
    """Cues by stage (ask-mode cards)."""
    after_misstep: CueLines = []
    """Cues right after a learner's misstep lands (it heated the partner)."""
    after_attuned: CueLines = []
    """Cues right after an attuned move lands (it calmed the partner)."""

    def for_zone(self, zone: Zone | str) -> list[str]:
        """The cues for the zone (or the stage it stands for); empty when none are written."""
        keyed: _Strict | None = self.by_zone if self.by_zone is not None else self.by_stage
        if keyed is None:
            return []
        names = list(type(keyed).model_fields)
        lines: list[str] = getattr(keyed, names[list(Zone).index(Zone(zone))])
        return lines

    def all_lines(self) -> list[str]:
        """Every cue on the card, zone (or stage) cues first."""
        by_zone = [line for zone in Zone for line in self.for_zone(zone)]
        return [*by_zone, *self.after_misstep, *self.after_attuned]


class HeatLines(_Strict):
    """A persona's reactions to one family of moves, by how heated they are when it lands."""

    hot: Lines | None = None
    """While flooded or escalated (ask mode: defending or explaining)."""
    wary: Lines | None = None
    """While guarded (ask mode: listening)."""
    cool: Lines | None = None
    """While settling or regulated (ask mode: reflecting or turned toward)."""

    def for_heat(self, heat: Heat) -> list[str]:
        """The lines for one heat (empty when the author wrote none)."""
        lines: list[str] | None = getattr(self, heat)
        return lines or []


def _known_family(family: str) -> str:
    if family not in FAMILIES:
        close = difflib.get_close_matches(family, FAMILIES, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise ValueError(
            f"'{family}' is not a move family; {hint}families are {', '.join(FAMILIES)}"
        )
    return family


Family = Annotated[str, AfterValidator(_known_family)]
"""A move family (one of `simulator.replyplan.FAMILIES`) as a key of a card's reactions."""


def plan_families(mode: str) -> tuple[str, ...]:
    """The families a mode's moves fall into, and `nothing_recognised`, in FAMILIES order."""
    planning = get_mode(mode).planning
    used = set(planning.families.values()) if planning else set()
    return tuple(f for f in FAMILIES if f in used or f == "nothing_recognised")


def _has(value: Any, key: str, model: type[BaseModel]) -> bool:
    return isinstance(value, model) or (isinstance(value, dict) and key in value)


def _lines_kind(value: Any) -> str:
    """Which lines model a card's `lines` uses: zone names or ask-mode stage names."""
    return UNION_TAG + ("stages" if _has(value, "defending", StageLines) else "zones")


def _baseline_kind(value: Any) -> str:
    """Which baseline model a card uses: arousal/connection or defensiveness/turning_toward."""
    return UNION_TAG + ("ask" if _has(value, "defensiveness", AskBaseline) else "listen")


class PersonaCard(_Strict):
    """A partner persona: who they are, what upset them, how their nervous system reacts."""

    id: PersonaId
    """Stable slug used on the command line, e.g. `unanswered-text`."""
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    """The partner's first name."""
    mode: ModeName = "listen"
    """Practice mode: in `listen` the learner attunes to an upset partner; in `ask` the
    learner asks a partner who jumps to logic or fixes for attunement."""
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
    baseline: Annotated[
        Annotated[Baseline, Tag(f"{UNION_TAG}listen")]
        | Annotated[AskBaseline, Tag(f"{UNION_TAG}ask")],
        Discriminator(_baseline_kind),
    ]
    """Starting arousal and connection (ask mode: defensiveness and turning_toward)."""
    sensitivity: float = Field(default=1.0, ge=0.5, le=2.0)
    """How hard misattunement lands (1.0 typical; higher escalates faster)."""
    soothes: Annotated[list[Reaction], Field(min_length=1)]
    """Attuned moves that land especially well with this person."""
    triggers: Annotated[list[Reaction], Field(min_length=1)]
    """Misattuned moves that land especially hard with this person."""
    lines: Annotated[
        Annotated[ZoneLines, Tag(f"{UNION_TAG}zones")]
        | Annotated[StageLines, Tag(f"{UNION_TAG}stages")],
        Discriminator(_lines_kind),
    ]
    """Authored lines for every zone (ask mode: for every stage); the scripted backend
    speaks them, and models fall back on them."""
    cues: Cues | None = None
    """Optional non-verbal cues (posture, gaze, voice, pace) shown under the partner's
    replies; a card without them has none."""
    reactions: dict[Family, HeatLines] = Field(default_factory=dict)
    """Optional: how the persona answers each family of moves (minimizing, reflecting...,
    nothing_recognised), by heat (hot, wary, cool). The authored voice answers the reply
    plan with them and falls back to the zone lines where there are none."""

    @model_validator(mode="after")
    def _fields_match_the_mode(self) -> PersonaCard:
        words = get_mode(self.mode).words
        article = "an" if self.mode[:1] in "aeiou" else "a"
        card = f"{article} {self.mode}-mode card"
        names = (
            [zone.value for zone in Zone]
            if words.lines_by == "zone"
            else [words.stage(zone).replace(" ", "_") for zone in Zone]
        )
        if list(type(self.lines).model_fields) != names:
            kind = "zones" if words.lines_by == "zone" else "stages"
            raise ValueError(f"lines: {card} has lines for {kind} ({names[0]} ... {names[-1]})")
        if list(type(self.baseline).model_fields) != list(words.state_keys):
            want = " and ".join(words.state_keys)
            raise ValueError(f"baseline: {card} starts with {want}")
        if self.cues is not None:
            right, wrong = ("by_zone", "by_stage")[:: 1 if words.lines_by == "zone" else -1]
            if getattr(self.cues, wrong) is not None:
                raise ValueError(f"cues: {card} keys its cues {right}, not {wrong}")
        return self

    @model_validator(mode="after")
    def _reactions_have_the_right_polarity(self) -> PersonaCard:
        helpful, traps = get_mode(self.mode).helpful, get_mode(self.mode).traps
        kind = get_mode(self.mode).words.card_kind
        for reaction in self.soothes:
            if reaction.move not in helpful:
                raise ValueError(f"soothes: '{reaction.move}' is not an attuned {kind}move")
        for reaction in self.triggers:
            if reaction.move not in traps:
                raise ValueError(f"triggers: '{reaction.move}' is not a misattuned {kind}move")
        return self

    @field_validator("reactions")
    @classmethod
    def _reactions_name_the_modes_families(
        cls, value: dict[str, HeatLines], info: ValidationInfo
    ) -> dict[str, HeatLines]:
        mode = info.data.get("mode", "listen")
        if get_mode(mode).planning is None:
            # A mode that plans no replies has no families: its cards' reactions go unused.
            return value
        known = plan_families(mode)
        for family in value:
            if family not in known:
                raise ValueError(
                    f"'{family}' is not a family of {mode}-mode moves "
                    f"(families: {', '.join(known)})"
                )
        return value

    def reaction_lines(self, family: str, heat: Heat) -> list[str]:
        """The persona's reactions to a family of moves at a heat (empty if none written, or
        when the card's mode plans no replies)."""
        if get_mode(self.mode).planning is None:
            return []
        lines = self.reactions.get(family)
        return lines.for_heat(heat) if lines else []

    @property
    def soothing_moves(self) -> frozenset[AnyMove]:
        """The moves this persona is especially soothed by."""
        return frozenset(r.move for r in self.soothes)

    @property
    def triggering_moves(self) -> frozenset[AnyMove]:
        """The moves this persona is especially triggered by."""
        return frozenset(r.move for r in self.triggers)

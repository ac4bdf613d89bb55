"""What a practice mode is: one typed object the rest of attune asks for its moves and words.

The engine's numbers are the same in every mode (a first number that heats the
partner up, a second that draws them close, read in five zones); a mode says
which moves the learner has, how each lands, what the numbers and zones are
called, and how the learner is coached, debriefed, prompted and evaluated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from simulator.domain.zones import Zone

if TYPE_CHECKING:
    from simulator.classifier.lexicon import Rule
    from simulator.engine.state import PartnerState
    from simulator.prompting.contexts import RubricDimension
    from simulator.replyplan.model import Heat, Stance

AnyMove = StrEnum
"""A move of any practice mode: a member of that mode's move enum, its value the public id."""

Delta = tuple[float, float]
"""A change to the engine's (first, second) numbers, on 0-100 scales."""

Polarity = Literal["attuned", "misattuned"]


@dataclass(frozen=True, slots=True)
class MoveInfo:
    """What a move means, in the project's own words, and where it comes from."""

    move: AnyMove
    polarity: Polarity
    label: str
    past_tense: str
    description: str
    step: str
    attune: str


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a mode's checklist, and the moves that show it."""

    id: str
    label: str
    moves: frozenset[AnyMove]
    settled_only: bool = False
    """True for problem-solving: it only counts once the partner has settled."""
    after_a_slip: bool = False
    """True for owning the impact and repairing: a learner who made no misstep had nothing
    to own, so the debrief never tips it as a step they left out."""


@dataclass(frozen=True, slots=True)
class StateWords:
    """The words one practice mode uses for the partner's state, on every screen and export."""

    tension: str
    """What the first number (the engine's arousal) is called."""
    closeness: str
    """What the second number (the engine's connection) is called."""
    stages: Mapping[Zone, str]
    """What each zone is called in this mode."""
    stage_word: str = "zone"
    """`zone` or `stage`."""
    state_keys: tuple[str, str] = ("arousal", "connection")
    """The two numbers' keys on a persona card's baseline (and, when they differ from the
    engine's, added beside them in replay and export documents)."""
    lines_by: Literal["zone", "stage"] = "zone"
    """Whether a card's authored lines are keyed by zone names or by this mode's stage names."""
    upset: str = "upset"
    """How a hot partner is: 'hard to take in while this upset'."""
    learner_asks: bool = False
    """True when the learner is the one asking for support (the judge prompt says so)."""
    partner_default: str = "(the partner is upset)"
    """What the judge is told when it has no partner line."""
    panel_title: str = "{name}'s nervous system"
    gauge_labels: tuple[str, str] = ("arousal   ", "connection")
    """The side panel's gauge labels, one width so the bars line up."""
    steps_title: str = "Steps"
    """The checklist's title in the side panel."""
    steps_shown_title: str = "Steps shown"
    """The debrief's title over the checklist counts."""
    traps_title: str = "Common mistakes"
    """The debrief's title over the mistakes."""
    missteps_title: str = "Missteps"
    """The CLI's title over the mistakes."""
    list_note: str = ""
    """Added after the feedback setting in session lists, e.g. ', you ask'."""
    header_note: str = ""
    """Added to a replay or session header, e.g. ', ask mode'."""
    card_kind: str = ""
    """Before 'move' in a card error, e.g. 'ask-mode '."""
    picker_label: str = ""
    """A tag on the mode's rows in the picker, e.g. ' YOU ASK '."""
    scenario_how: str = "Tends to {style} when upset."
    """The picker's side panel: how the partner tends to react ({name}, {style})."""
    chart_legend: str = (
        "Solid line: arousal (how activated the partner is). "
        "Dashed line: connection. Bands: the arousal zones."
    )
    """The exported page's legend under the chart."""

    def stage(self, zone: Zone | str) -> str:
        """The mode's name for a zone."""
        return self.stages[Zone(zone)]

    @property
    def renames_state(self) -> bool:
        """True when documents need this mode's names beside the engine's."""
        return self.state_keys != ("arousal", "connection") or any(
            name != zone.value for zone, name in self.stages.items()
        )

    def what_if(self, before: tuple[float, float], turn: tuple[float, float], zone: str) -> str:
        """Where one try left the partner, from the numbers before it."""
        return (
            f"{self.tension} {before[0]:.0f} -> {turn[0]:.0f} ({self.stage(zone)}), "
            f"{self.closeness} {before[1]:.0f} -> {turn[1]:.0f}"
        )


@dataclass(frozen=True, slots=True)
class RuleSource:
    """A mode's classifier rules: its wordings, its sarcasm cues and what sarcasm turns into."""

    rules: tuple[Rule, ...]
    sarcasm_cues: str
    sarcastic: AnyMove


class Rates(Protocol):
    """How a mode's moves land on the engine's numbers before persona and context weights."""

    def base(self, state: PartnerState, move: AnyMove) -> tuple[Delta, list[str]]:
        """A move's delta in this state, with the reasons it landed so."""
        ...

    def style_weight(self, style: str, move: AnyMove) -> float:
        """How a persona's escalation style scales a move."""
        ...


@dataclass(frozen=True, slots=True)
class Coaching:
    """A mode's checklist, hints by zone, and debrief tips."""

    steps: tuple[Step, ...]
    hints: Mapping[Zone, tuple[str, ...]]
    """What tends to help next in each zone, each with a line the learner could adapt."""
    repair_hint: str
    """The hint right after a misstep."""
    tips: Mapping[AnyMove, str]
    """A debrief tip for each mistake."""
    step_tips: Mapping[str, str]
    """A debrief tip for each step that never showed, by step id."""
    fallback_tips: tuple[str, ...]
    """Tips for a session with nothing recognised to build on."""
    instead: Mapping[AnyMove, str] = field(default_factory=dict)
    """For each mistake, the id of the step to take instead (the debrief's tips name it)."""
    nudges: Mapping[AnyMove, str] = field(default_factory=dict)
    """For each helpful move, how to show it, as 'try ...': offered when a message came
    close to it but was not recognised, so the learner can rephrase."""

    def step_of(self, move: AnyMove) -> Step | None:
        """The first checklist step a move shows, if any."""
        return next((step for step in self.steps if move in step.moves), None)


@dataclass(frozen=True, slots=True)
class ScenarioWords:
    """How a learner's own words about their partner point at a mode's moves (the scenario form)."""

    soothing: Mapping[AnyMove, tuple[str, ...]]
    """Phrases in 'what soothes them' that name each helpful move, in the table's order."""
    triggering: Mapping[AnyMove, tuple[str, ...]]
    """Phrases in 'what sets them off' that name each mistake, in the table's order."""


class PolicyCase(Protocol):
    """What a learner policy reads from an eval case."""

    @property
    def id(self) -> str: ...

    @property
    def policy_turns(self) -> int: ...


Policy = Callable[[PolicyCase, int], list[str]]
"""A scripted learner: an eval case and a seed in, the learner's turns out."""


@dataclass(frozen=True, slots=True)
class LearnedSpec:
    """A mode's learned classifier layer: its weights and the data they were trained on."""

    weights: Path
    """The trained weights (`.npz`), shipped beside the mode's rules."""
    dev_sets: tuple[str, ...]
    """Globs, relative to the repository root, of the labelled dev sets it learns from.
    Held-out sets are never among them (`make classifier-model` refuses them)."""
    late_labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Moves added after some sets were written, each with the globs of the sets whose
    writers had the label. In every other set a line the rules read as the move is
    unknown, not a negative: it was never labelled so, and must not teach the layer
    otherwise; the set's other lines still show what the move is not."""
    teaches_only: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Globs of sets written for one new move, each with the moves it may teach: its other
    labels are left unknown, so the moves scored on the held-out sets keep the model that
    was scored (a set's writers may also draw a new move's line differently from older
    sets, as reflect and notice)."""


@dataclass(frozen=True, slots=True)
class Planning:
    """How a mode turns a turn's outcome into the partner's reply plan (its tables; the
    engine's `plan_reply` applies them the same way in every mode)."""

    families: Mapping[AnyMove, str]
    """Each move's family (one of `simulator.replyplan.FAMILIES`): the key of a card's
    reaction lines."""
    heat: Mapping[Zone, Heat]
    """How heated the partner is in each zone (stage), the other key of reaction lines."""
    said: Mapping[AnyMove, str]
    """What the learner just did, told to the persona in plain words ('They just told
    you it is not a big deal.')."""
    nothing_said: str
    """The same when no move was recognised."""
    takes: Mapping[Stance, str]
    """How the persona takes it, for each stance, told to the persona."""
    solutions_welcome: bool = True
    """True when a settled partner turns to solutions (listen); an ask-mode partner,
    whose habit is fixing, never gets that stance."""
    pushes_back_on_blame: bool = True
    """True when the partner is the one hurt, so a heated partner meets blame, belittling or
    an excuse the classifier did not read with their complaint (listen); an ask-mode partner
    is the one being asked for support, whose complaint that would not be."""
    answer_first: frozenset[AnyMove] = frozenset()
    """Moves the reply answers before any other attuned move said with them: a request
    ("tonight I just need you") asks for an answer, a thank-you beside it does not."""


@dataclass(frozen=True, slots=True)
class Mode:
    """One practice mode: everything the engine, coaching and front ends ask of it."""

    name: str
    """The public id on cards, in replay JSON and in saved sessions."""
    moves: tuple[MoveInfo, ...]
    """The move set with descriptions and sources, in taxonomy order."""
    rules: RuleSource
    rates: Rates
    words: StateWords
    coaching: Coaching
    policies: Mapping[str, Policy] = field(default_factory=dict)
    """The eval's scripted learners for this mode's personas, by name."""
    timed: frozenset[AnyMove] = frozenset()
    """Helpful moves that are still a misstep when they heat the partner (too early)."""
    persona_template: str = "persona.j2"
    rubric_template: str = "judge_rubric.j2"
    rubric: tuple[RubricDimension, ...] = ()
    """Judge dimensions that replace the standard ones with the same id."""
    tryout: Callable[..., list[Any]] | None = None
    """`attune personas try` checks for this mode's cards; None for the standard ones."""
    role_swap: tuple[str, ...] = ()
    """Patterns the persona must never say (the learner's lines); empty for the standard ones."""
    solving: frozenset[AnyMove] = frozenset()
    """The learner's problem-solving moves (the eval's welcomed check looks for one)."""
    proposal: str = ""
    """A problem-solving proposal in the learner's words, which `attune personas try` makes
    too early and again once settled; needed by the standard checks only."""
    scenario: ScenarioWords | None = None
    """How the learner's words name this mode's moves; the scenario form builds cards for
    the first registered mode that has them (zone lines, the engine's two numbers)."""
    explains_polarity: bool = False
    """True when a card's move under the wrong list (soothes or triggers) is explained item
    by item, with where it belongs; otherwise the card's own check names the first one."""
    learned: LearnedSpec | None = None
    """The learned layer beside the rules; None for a mode with rules alone."""
    planning: Planning | None = None
    """How a turn becomes the partner's reply plan; None: every move reads as nothing
    recognised and the stance follows the heat alone."""

    @property
    def move_ids(self) -> tuple[AnyMove, ...]:
        """The moves, in taxonomy order."""
        return tuple(info.move for info in self.moves)

    @property
    def helpful(self) -> frozenset[AnyMove]:
        """The moves that follow the documents' advice."""
        return frozenset(i.move for i in self.moves if i.polarity == "attuned")

    @property
    def traps(self) -> frozenset[AnyMove]:
        """The mistakes."""
        return frozenset(i.move for i in self.moves if i.polarity == "misattuned")

    def info(self, move: AnyMove) -> MoveInfo:
        """What one of this mode's moves means."""
        for info in self.moves:
            if info.move == move:
                return info
        raise KeyError(f"{move!r} is not a {self.name}-mode move")


ENGINE_WORDS = StateWords(
    tension="arousal",
    closeness="connection",
    stages={zone: zone.value for zone in Zone},
)
"""The engine's own names for its numbers and zones (listen mode's words)."""

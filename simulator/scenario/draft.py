"""Draft a learner's card lines with a capable model: structured JSON, validated, guarded.

The model only proposes words. Its reply must be JSON in the `CardDraft` shape, the lines
must make a valid card, and each must pass the output guard in its zone; anything else is
rejected with the reason, and nothing is written.
"""

from __future__ import annotations

import json
import re
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from simulator.domain.zones import Zone
from simulator.llm.client import LOCAL, SCRIPTED, CallOptions, complete_chat
from simulator.modes import get_mode
from simulator.personas.card import (
    CUE_MAX_CHARS,
    CueLine,
    Family,
    PersonaCard,
    Style,
    plan_families,
)
from simulator.prompting import render
from simulator.prompting.contexts import DraftFamily, DraftZone, ScenarioDraftContext
from simulator.scenario.answers import ScenarioAnswers
from simulator.scenario.bank import REACTION_LINES, ZONE_LINES
from simulator.scenario.fit import card_problems
from simulator.settings.config import Settings
from simulator.support.errors import AttuneError, ModelError
from simulator.support.problems import describe, one_line
from simulator.support.safe_parse import checked, parse_yaml

MIN_LINES = 3
MAX_LINES = 6
# Zone lines, then a line or two per move family and heat.
DRAFT_MAX_TOKENS = 3000
FAMILY_EXAMPLES = 2
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")

DraftLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class DraftZoneLines(BaseModel):
    """Drafted lines for every zone."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    flooded: Annotated[list[DraftLine], Field(min_length=2, max_length=8)]
    escalated: Annotated[list[DraftLine], Field(min_length=2, max_length=8)]
    guarded: Annotated[list[DraftLine], Field(min_length=2, max_length=8)]
    settling: Annotated[list[DraftLine], Field(min_length=2, max_length=8)]
    regulated: Annotated[list[DraftLine], Field(min_length=2, max_length=8)]


DraftCues = Annotated[list[CueLine], Field(max_length=4)]


class DraftZoneCues(BaseModel):
    """Drafted non-verbal cues: some for any zone, and after a misstep or an attuned move."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    flooded: DraftCues = []
    escalated: DraftCues = []
    guarded: DraftCues = []
    settling: DraftCues = []
    regulated: DraftCues = []
    after_misstep: DraftCues = []
    after_attuned: DraftCues = []

    def card_cues(self) -> dict[str, object]:
        """The card's `cues:` for these lines."""
        lists = self.model_dump()
        misstep, attuned = lists.pop("after_misstep"), lists.pop("after_attuned")
        return {"by_zone": lists, "after_misstep": misstep, "after_attuned": attuned}


class DraftHeatLines(BaseModel):
    """Drafted reactions to one family of moves, by heat."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    hot: Annotated[list[DraftLine], Field(max_length=4)] = []
    wary: Annotated[list[DraftLine], Field(max_length=4)] = []
    cool: Annotated[list[DraftLine], Field(max_length=4)] = []


class CardDraft(BaseModel):
    """What a model drafts (and the learner may edit): the spoken lines of a card."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    opening: Annotated[list[DraftLine], Field(min_length=1, max_length=3)]
    """The partner's first line(s)."""
    lines: DraftZoneLines
    """Lines for every zone."""
    underneath: Annotated[list[DraftLine], Field(min_length=1, max_length=4)]
    """What the partner says once the softer feeling comes through."""
    cues: DraftZoneCues | None = None
    """Optional non-verbal cues; without them the card keeps its plain default ones."""
    reactions: dict[Family, DraftHeatLines] = {}
    """How the partner answers each family of moves, by heat (optional: the card keeps
    the reactions built offline for any family or heat the draft leaves out)."""


class DraftRejected(AttuneError):
    """A draft that cannot become the card: not JSON, the wrong shape, or out of character."""


class DraftResult(BaseModel):
    """A drafted card ready to show for editing, or the one-line reason there is none."""

    model_config = ConfigDict(frozen=True)

    card: PersonaCard | None = None
    draft: CardDraft | None = None
    reason: str | None = None


_CANNOT = {
    SCRIPTED: "the scripted model only replays authored lines; it cannot write new ones",
    LOCAL: "the embedded model is too small to draft a card reliably",
}


def drafting_unavailable(model: str) -> str | None:
    """Why `model` cannot draft a card (None: it can). Configure another with --model or config."""
    reason = _CANNOT.get(model)
    if reason is None:
        return None
    return f"{reason}; choose a capable model (attune models) to draft with one"


def draft_options(model: str, settings: Settings) -> CallOptions:
    """How to call `model` to draft a card: the configured timeout, retries and base URL."""
    return CallOptions.from_settings(settings.model, settings.local, model=model)


_HOW: dict[Style, dict[Zone, str]] = {
    Style.PURSUE: {
        Zone.FLOODED: "overwhelmed and furious; no reason gets through.",
        Zone.ESCALATED: "upset and on the attack; explanations make it worse.",
        Zone.GUARDED: "wary and still hurt, testing whether the learner gets it; not warm yet.",
        Zone.SETTLING: "calming down, starting to say what it was really like.",
        Zone.REGULATED: "calm and close, open to the learner's side and to planning next time.",
    },
    Style.WITHDRAW: {
        Zone.FLOODED: "shut down: a few flat words at most, or '...'. No shouting.",
        Zone.ESCALATED: "pulling away: short, cold answers.",
        Zone.GUARDED: "wary, saying a little, unsure it is safe to say more.",
        Zone.SETTLING: "coming back out slowly, saying what it was like.",
        Zone.REGULATED: "calm and close, open to the learner's side and to planning next time.",
    },
}


def draft_families(base: PersonaCard, style: Style) -> list[DraftFamily]:
    """The families of `base`'s mode to draft reactions for: what the learner does in each
    (its moves' own descriptions), with a few reactions of `base` (or plain ones) as examples."""
    mode = get_mode(base.mode)
    planning = mode.planning
    out: list[DraftFamily] = []
    for family in plan_families(base.mode):
        moves = [i for i in mode.moves if planning and planning.families.get(i.move) == family]
        what = " ".join(i.description for i in moves) or "Says something that is none of these."
        shipped = [
            line for heat in ("hot", "wary", "cool") for line in base.reaction_lines(family, heat)
        ]
        bank = [line for lines in REACTION_LINES[style].get(family, {}).values() for line in lines]
        examples = (shipped if base.style == style else []) or bank
        out.append(DraftFamily(id=family, what=what, examples=examples[:FAMILY_EXAMPLES]))
    return out


def draft_messages(answers: ScenarioAnswers, base: PersonaCard) -> list[dict[str, str]]:
    """The drafting prompt for these answers, with `base`'s lines as examples of voice."""
    style = answers.style
    zones = [
        DraftZone(
            id=zone.value,
            how=_HOW[style][zone],
            examples=list(
                base.lines.for_zone(zone)[:3] if base.style == style else ZONE_LINES[style][zone]
            ),
        )
        for zone in Zone
    ]
    context = ScenarioDraftContext(
        name=answers.partner_name,
        about=answers.about,
        feels=answers.feels,
        says_first=answers.says_first,
        style=style.value,
        soothes=answers.soothes,
        sets_off=answers.sets_off,
        emotion=(answers.underneath or base.underneath.emotion).value,
        zones=zones,
        min_lines=MIN_LINES,
        max_lines=MAX_LINES,
        cue_max=CUE_MAX_CHARS,
        families=draft_families(base, style),
    )
    return [{"role": "user", "content": render("scenario_draft.j2", context)}]


def _summed(problems: list[str]) -> str:
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return one_line(problems[0] + more)


def _shaped(data: object) -> CardDraft:
    if not isinstance(data, dict):
        kind = "nothing" if data is None else type(data).__name__
        raise DraftRejected(f"the draft is not an object of lines (got {kind})")
    try:
        return CardDraft.model_validate(data)
    except ValidationError as exc:
        problems = [describe(e) for e in exc.errors()]
        raise DraftRejected("the draft does not fit a card: " + _summed(problems)) from None


def parse_draft(raw: str) -> CardDraft:
    """A model's JSON reply (bare or fenced) as a draft; DraftRejected says what is wrong."""
    text = _FENCE.sub("", raw.strip())
    try:
        data = checked("the model's reply", json.loads(text))
    except json.JSONDecodeError as exc:
        raise DraftRejected(
            f"the model's reply is not JSON ({exc.msg} at char {exc.pos})"
        ) from None
    except (RecursionError, ValueError):
        # Nested past the stack, or a number Python will not convert: not a draft either way.
        raise DraftRejected(
            "the model's reply is not a draft (nested or numbered absurdly)"
        ) from None
    except AttuneError as exc:
        raise DraftRejected(str(exc)) from None
    return _shaped(data)


def parse_draft_yaml(text: str) -> CardDraft:
    """The learner's edited draft (YAML, as `draft_yaml` shows it)."""
    try:
        data = parse_yaml("the draft", text)
    except AttuneError as exc:
        detail = str(exc).removeprefix("the draft: ").removeprefix("invalid YAML at ")
        raise DraftRejected(f"the draft is not valid YAML: {detail}") from None
    return _shaped(data)


def draft_yaml(draft: CardDraft) -> str:
    """A draft as YAML for the learner to edit."""
    data = draft.model_dump(exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def apply_draft(card: PersonaCard, draft: CardDraft) -> PersonaCard:
    """`card` with the drafted lines; DraftRejected if it is invalid or any line is out of
    character (the guard's own checks, in each line's zone)."""
    data = card.model_dump(mode="json")
    data["opening"] = list(draft.opening)
    data["lines"] = draft.lines.model_dump()
    data["underneath"]["lines"] = list(draft.underneath)
    if draft.cues is not None:
        data["cues"] = draft.cues.card_cues()
    reactions = data.get("reactions") or {}
    for family, drafted_lines in draft.reactions.items():
        # A drafted heat replaces the offline lines for it; a heat left out keeps them.
        mine = dict(reactions.get(family) or {})
        mine.update({h: lines for h, lines in drafted_lines.model_dump().items() if lines})
        reactions[family] = mine
    data["reactions"] = reactions
    try:
        drafted = PersonaCard.model_validate(data)
    except ValidationError as exc:
        raise DraftRejected(
            "the draft does not fit a card: " + _summed([describe(e) for e in exc.errors()])
        ) from None
    problems = card_problems(drafted)
    if problems:
        raise DraftRejected(_summed(problems))
    return drafted


async def draft_with_model(
    answers: ScenarioAnswers, base: PersonaCard, card: PersonaCard, options: CallOptions
) -> DraftResult:
    """Ask the model for the lines of `card` (built offline from the answers and `base`)."""
    unavailable = drafting_unavailable(options.model)
    if unavailable is not None:
        return DraftResult(reason=unavailable)
    try:
        raw = await complete_chat(
            draft_messages(answers, base),
            options,
            max_tokens=DRAFT_MAX_TOKENS,
            response_format={"type": "json_object"},
        )
        draft = parse_draft(raw)
        return DraftResult(card=apply_draft(card, draft), draft=draft)
    except (DraftRejected, ModelError) as exc:
        return DraftResult(reason=str(exc))

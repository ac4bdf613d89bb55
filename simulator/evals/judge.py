"""Optional LLM judge for whole transcripts: a PersonaGym-style rubric, scored 1-5 as JSON.

The deterministic checks stay the ground truth; the judge is a second opinion,
and `agreement` says where the two see the same thing.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from simulator.llm.client import CallOptions, complete_chat
from simulator.modes import get_mode
from simulator.personas.card import PersonaCard
from simulator.prompting.contexts import (
    RubricAnchor,
    RubricContext,
    RubricDimension,
    RubricTurn,
)
from simulator.prompting.render import render
from simulator.support.errors import ModelError
from simulator.support.problems import one_line, problems
from simulator.turns.session import TurnRecord

Dimension = Literal["in_character", "zone_fit", "realism", "restraint"]
DIMENSIONS: tuple[Dimension, ...] = get_args(Dimension)
PASS_SCORE = 3
MAX_REASON = 300
JUDGE_MAX_TOKENS = 600

# Judge dimension -> the deterministic check (evals/checks.py) that looks at the same thing.
DETERMINISTIC: dict[Dimension, str] = {
    "in_character": "in_character",
    "zone_fit": "zone_fit",
    "restraint": "no_giving_in",
}


def _anchors(*meanings: str) -> list[RubricAnchor]:
    return [RubricAnchor(score=i, meaning=m) for i, m in enumerate(meanings, start=1)]


RUBRIC: tuple[RubricDimension, ...] = (
    RubricDimension(
        id="in_character",
        question="Does every reply stay the partner, a person in the scene?",
        anchors=_anchors(
            "breaks role: says it is an AI, an assistant or a program, talks like a therapist "
            "or coach, or speaks as the learner",
            "mostly the partner, but at least one reply slips into helper or counsellor voice, "
            "or mentions its instructions",
            "the partner throughout, but some lines sound generic or written rather than spoken",
            "the partner throughout; only a word or two feels off",
            "unmistakably the partner in every reply: first person, their concerns, their voice",
        ),
    ),
    RubricDimension(
        id="zone_fit",
        question="Does the emotional temperature of each reply match that turn's zone?",
        anchors=_anchors(
            "the mood contradicts the zones: warm or cheerful while flooded or escalated, "
            "hostile once settling or regulated, or a withdrawer shouting",
            "several replies are clearly hotter or cooler than their zone",
            "roughly right, but one reply is noticeably off for its zone",
            "each reply fits its zone; the shifts between zones are a little abrupt",
            "each reply fits its zone exactly, and the mood moves as the zones move",
        ),
    ),
    RubricDimension(
        id="realism",
        question="Does it sound like a real upset partner, consistent with what happened?",
        anchors=_anchors(
            "not like a person at all: nonsense, lists, stage directions, or a different scene",
            "stiff or repetitive, or contradicts the facts of the scene",
            "believable but flat; could be anyone about anything",
            "a believable person in this scene, with only small lapses",
            "vivid and specific: the way this person would really talk about this very event",
        ),
    ),
    RubricDimension(
        id="restraint",
        question="Does the partner hold back from problem-solving until they have settled?",
        anchors=_anchors(
            "jumps to plans, fixes or agreement while still hot, as if the hurt were solved",
            "gives in too early: accepts reasons or makes plans while still guarded or hotter",
            "mostly holds back, but forgives or moves on a little before settling",
            "stays with the feeling until settled; one small early concession",
            "only talks about what to do next once settling or regulated, never before",
        ),
    ),
)


def rubric_for(mode: str) -> list[RubricDimension]:
    """The judge's dimensions for a mode: the standard ones, with the mode's own in their place."""
    own = {d.id: d for d in get_mode(mode).rubric}
    return [own.get(d.id, d) for d in RUBRIC]


def _clip(value: object) -> object:
    # A judge that explains at length still gave a usable score; keep the start of it.
    if isinstance(value, str):
        text = one_line(value)
        return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"
    return value


class RubricScore(BaseModel):
    """One dimension's score (1-5) and the judge's reason."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    dimension: Dimension
    score: int = Field(ge=1, le=5)
    reason: Annotated[str, BeforeValidator(_clip), Field(max_length=MAX_REASON)] = ""

    @property
    def passed(self) -> bool:
        """True when the score is at least PASS_SCORE."""
        return self.score >= PASS_SCORE


class JudgeVerdict(BaseModel):
    """The judge's whole answer: exactly one score per rubric dimension."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    scores: list[RubricScore]

    @field_validator("scores")
    @classmethod
    def _one_per_dimension(cls, scores: list[RubricScore]) -> list[RubricScore]:
        seen = [s.dimension for s in scores]
        twice = sorted({d for d in seen if seen.count(d) > 1})
        missing = [d for d in DIMENSIONS if d not in seen]
        if twice:
            raise ValueError(f"scored more than once: {', '.join(twice)}")
        if missing:
            raise ValueError(f"missing dimension(s): {', '.join(missing)}")
        return scores

    def score(self, dimension: Dimension) -> RubricScore:
        """The score for one dimension."""
        return next(s for s in self.scores if s.dimension == dimension)


def _bad_reply(model: str, detail: str) -> ModelError:
    return ModelError(model, "bad_reply", f"the judge's reply is not a valid verdict ({detail})")


def parse_verdict(text: str, model: str = "judge") -> JudgeVerdict:
    """The verdict in a judge's reply (bare, fenced or amid prose); one-line ModelError if bad."""
    start = text.find("{")
    if start < 0:
        raise _bad_reply(model, "no JSON object in it")
    try:
        # raw_decode stops at the end of the first object, so trailing prose or a fence is fine.
        data, _ = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as exc:
        raise _bad_reply(model, f"invalid JSON: {exc.msg} at character {exc.pos}") from None
    except (RecursionError, ValueError):
        # Nested past the stack, or a number Python will not convert.
        raise _bad_reply(model, "JSON nested or numbered beyond reason") from None
    if not isinstance(data, dict):
        raise _bad_reply(model, "expected a JSON object")
    try:
        return JudgeVerdict.model_validate(data)
    except ValidationError as exc:
        found = problems(exc)
        others = len(exc.errors()) - 1
        more = f" (and {others} more)" if others else ""
        raise _bad_reply(model, one_line(found[0]) + more) from None


def rubric_context(
    card: PersonaCard, turns: list[TurnRecord], opening: str | None = None
) -> RubricContext:
    """The judge's view of a transcript: words and zones, never the engine's numbers."""
    return RubricContext(
        name=card.name,
        style=card.style.value,
        scenario=card.summary,
        opening=opening,
        turns=[
            RubricTurn.model_validate({"learner": t.user, "partner": t.reply, "zone": t.zone})
            for t in turns
        ],
        dimensions=rubric_for(card.mode),
    )


def judge_messages(
    card: PersonaCard, turns: list[TurnRecord], opening: str | None = None
) -> list[dict[str, str]]:
    """The rubric prompt for one transcript."""
    return [
        {
            "role": "user",
            "content": render(
                get_mode(card.mode).rubric_template, rubric_context(card, turns, opening)
            ),
        }
    ]


async def judge_transcript(
    card: PersonaCard,
    turns: list[TurnRecord],
    options: CallOptions,
    opening: str | None = None,
) -> JudgeVerdict:
    """Score a transcript on the rubric with a model (temperature 0, JSON mode)."""
    raw = await complete_chat(
        judge_messages(card, turns, opening),
        options,
        temperature=0.0,
        max_tokens=JUDGE_MAX_TOKENS,
        response_format={"type": "json_object"},
    )
    return parse_verdict(raw, options.model)


def agreement(verdict: JudgeVerdict, deterministic: dict[str, bool]) -> dict[str, bool]:
    """Per judge dimension with a deterministic twin: do judge pass (>= 3) and check agree?"""
    return {
        dimension: verdict.score(dimension).passed == deterministic[check]
        for dimension, check in DETERMINISTIC.items()
        if check in deterministic
    }

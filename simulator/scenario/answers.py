"""The new-scenario form: what the learner says about the talk they are about to have."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from simulator.domain.zones import Zone
from simulator.guard.checks import GuardContext, check_reply
from simulator.guard.reasons import GuardReason
from simulator.personas.card import SofterEmotion, Style
from simulator.scenario.bank import stock_words
from simulator.support.textsafe import without_controls

Intensity = Literal["mild", "upset", "heated"]
INTENSITY_HELP: dict[str, str] = {
    "mild": "a bit upset, still talking",
    "upset": "clearly hurt or angry",
    "heated": "close to boiling over, or to shutting down",
}
STYLE_HELP: dict[str, str] = {
    "pursue": "pushes: protests louder, criticizes, wants it out now",
    "withdraw": "pulls away: goes quiet, shuts down, wants space",
}


@dataclass(frozen=True)
class Field:
    """One free-text question of the form."""

    name: str
    question: str
    hint: str
    limit: int
    required: bool = False


FIELDS: tuple[Field, ...] = (
    Field("name", "Their first name", "optional; 'Partner' if you leave it empty", 40),
    Field(
        "about",
        "What is the talk about?",
        "a sentence or two, in your words: 'I forgot our anniversary dinner'",
        300,
        required=True,
    ),
    Field(
        "feels",
        "How will they probably feel?",
        "a few words that finish 'I'm ...': 'hurt and let down'",
        60,
    ),
    Field(
        "says_first",
        "What will they probably say first?",
        "their opening words: 'So you finally remembered?'",
        300,
        required=True,
    ),
    Field(
        "soothes",
        "What usually soothes them?",
        "optional: 'when I just listen', 'a hug', 'being taken seriously'",
        300,
    ),
    Field(
        "sets_off",
        "What sets them off?",
        "optional: 'when I explain myself', 'being told to calm down'",
        300,
    ),
)
"""The free-text questions, in the order the form asks them (TUI and command line)."""

_BY_NAME = {f.name: f for f in FIELDS}
_OPENING_CHECK = frozenset({GuardReason.ABUSIVE, GuardReason.AI_ADMISSION, GuardReason.HARM})


class ScenarioAnswers(BaseModel):
    """The learner's answers; every problem names the question it belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    name: str = ""
    """The partner's first name ('Partner' when empty)."""
    about: str
    """What the talk is about, in the learner's words."""
    feels: str = ""
    """How the partner will probably feel, in a few words."""
    says_first: str
    """What the partner will probably say first: the card's opening line."""
    style: Style = Style.PURSUE
    """Whether they tend to push (pursue) or pull away (withdraw)."""
    soothes: str = ""
    """What usually soothes them."""
    sets_off: str = ""
    """What usually sets them off."""
    underneath: SofterEmotion | None = None
    """The softer feeling that may sit underneath (None: not sure)."""
    intensity: Intensity = "upset"
    """How upset they are when the talk starts."""

    @field_validator("name", "about", "feels", "says_first", "soothes", "sets_off", mode="before")
    @classmethod
    def _clean(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, str):
            return value
        field = _BY_NAME[str(info.field_name)]
        text = " ".join(without_controls(value).split())
        if field.required and not text:
            raise ValueError("required: please answer this one")
        if len(text) > field.limit:
            raise ValueError(f"too long: {len(text)} characters, at most {field.limit}")
        return text

    @field_validator("name")
    @classmethod
    def _a_name_not_a_word(cls, value: str) -> str:
        # The stock lines are checked for the partner talking about themself by name, so
        # a partner called "I" or "Okay" would have no line left to say.
        if value and not any(ch.isalpha() for ch in value):
            raise ValueError(f"{value!r} has no letters; use a first name")
        if value.lower() in stock_words():
            raise ValueError(f"{value!r} is a word the partner says all the time; use a first name")
        return value

    @model_validator(mode="after")
    def _opening_in_character(self) -> ScenarioAnswers:
        # Personas may be angry, never abusive: the opening is held to the guard's rule too.
        context = GuardContext(name=self.partner_name, style=self.style.value, zone=Zone.ESCALATED)
        found = [f for f in check_reply(self.says_first, context) if f.reason in _OPENING_CHECK]
        if found:
            raise ValueError(
                f"says_first: {found[0].reason.plain} ({found[0].evidence!r}); "
                "partners here may be angry, never cruel or threatening"
            )
        return self

    @property
    def partner_name(self) -> str:
        """The name the card uses."""
        return self.name or "Partner"


def answer_problems(data: Mapping[str, object]) -> dict[str, str]:
    """Validate raw answers: {question name: what is wrong} (empty when they are fine)."""
    try:
        ScenarioAnswers.model_validate(data)
    except ValidationError as exc:
        out: dict[str, str] = {}
        for error in exc.errors():
            loc = [str(p) for p in error["loc"]]
            message = str(error["msg"]).removeprefix("Value error, ")
            if not loc and ": " in message:
                field, _, message = message.partition(": ")
                loc = [field]
            out.setdefault(loc[0] if loc else "form", message)
        return out
    return {}

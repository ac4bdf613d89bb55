"""Evaluation cases as data: a persona, a scripted learner and what the partner should do."""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails

from simulator.modes import modes
from simulator.support import fs
from simulator.support.errors import AttuneError
from simulator.support.paths import data_dir
from simulator.support.problems import describe
from simulator.support.safe_parse import parse_yaml
from simulator.support.safe_read import read_text

CaseId = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=80)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Turn = Annotated[int, Field(ge=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, allow_inf_nan=False
    )


class DynamicsExpect(_Strict):
    """What the engine should do over the case's turns; only the expectations set are checked."""

    settles_within: Turn | None = None
    """The zone is settling or regulated at or before this turn."""
    escalates: bool | None = None
    """Final arousal ends more than 10 above the start and peaks in the escalated zone (60+)."""
    never_settles: bool | None = None
    """No turn reaches settling or regulated."""
    softens: bool | None = None
    """True: the softer emotion surfaces at some turn; False: it must not."""
    softens_after_connection: bool | None = None
    """On the turn the softer emotion surfaces, connection is at the card's `surfaces_at`."""
    arousal_up_on_turns: list[Turn] = []
    """1-based turns on which arousal must rise."""
    arousal_down_on_turns: list[Turn] = []
    """1-based turns on which arousal must fall."""
    connection_up_on_turns: list[Turn] = []
    """1-based turns on which connection (ask mode: turning toward) must rise."""
    welcomed_on_turns: list[Turn] = []
    """Turns whose problem-solving lowers arousal: the proposal is welcome once settled."""
    wears_off: tuple[Turn, Turn] | None = None
    """(first, later): the same stock phrase calms less on `later` than on `first`."""

    @model_validator(mode="after")
    def _wears_off_in_order(self) -> DynamicsExpect:
        if self.wears_off is not None and self.wears_off[0] >= self.wears_off[1]:
            raise ValueError("wears_off: the first turn must come before the later one")
        return self

    def last_turn_named(self) -> int:
        """The highest turn number any expectation refers to (0 if none)."""
        named = [
            *self.arousal_up_on_turns,
            *self.arousal_down_on_turns,
            *self.connection_up_on_turns,
            *self.welcomed_on_turns,
            *(self.wears_off or ()),
        ]
        if self.settles_within is not None:
            named.append(self.settles_within)
        return max(named, default=0)


class VoiceExpect(_Strict):
    """What a voiced reply must respect (checked only when a real model spoke)."""

    in_character: bool = True
    """No AI admission, no leaked instructions, no therapist voice, never speaks as the learner."""
    zone_fit: bool = True
    """Hot replies are not warm, settled replies are not hostile, withdrawers stay quiet."""
    max_chars: int = Field(default=450, ge=20, le=4000)
    max_sentences: int = Field(default=5, ge=1, le=40)
    no_giving_in_before_settled: bool = True
    """The persona does not agree to solutions while it has not settled."""


class EvalCase(_Strict):
    """One evaluation case: a persona, the learner's turns, and the expected behaviour."""

    id: CaseId
    """A slug, unique across all case files."""
    persona: CaseId
    """The persona card id (checked against the catalog by the runner)."""
    kind: Literal["dynamics", "voice", "robustness"]
    description: Text
    """One sentence: what the case shows and which step or mistake it traces to."""
    source: Text
    """Where it comes from, e.g. "Step 6: save problem-solving for later"."""
    turns: list[Text] = []
    """Scripted learner turns (or use `policy`)."""
    policy: str | None = None
    """A named learner policy of the persona's practice mode (`Mode.policies`), or use `turns`."""
    policy_turns: int = Field(default=8, ge=1, le=40)
    intensity: Literal["gentle", "realistic", "hard"] = "realistic"
    dynamics: DynamicsExpect = DynamicsExpect()
    voice: VoiceExpect = VoiceExpect()

    @model_validator(mode="after")
    def _one_source_of_turns(self) -> EvalCase:
        if bool(self.turns) == (self.policy is not None):
            raise ValueError("give exactly one of 'turns' or 'policy'")
        policies = {name for mode in modes() for name in mode.policies}
        if self.policy is not None and self.policy not in policies:
            known = ", ".join(sorted(policies))
            raise ValueError(f"policy: unknown policy '{self.policy}' (known: {known})")
        last = self.dynamics.last_turn_named()
        if last > self.turn_count:
            raise ValueError(f"dynamics: refers to turn {last}, but the case has {self.turn_count}")
        return self

    @property
    def turn_count(self) -> int:
        """How many learner turns the case runs."""
        return len(self.turns) if self.turns else self.policy_turns


def default_folder() -> Path:
    """The shipped case folder: `evals/cases`."""
    return data_dir("evals") / "cases"


def _case_entries(path: Path, data: object) -> list[object]:
    if isinstance(data, Mapping) and set(data) == {"cases"}:
        data = data["cases"]
    if not isinstance(data, list):
        kind = "empty" if data is None else type(data).__name__
        raise AttuneError(f"{path}: expected a list of cases (or 'cases:' with a list), got {kind}")
    return data


def _describe(error: ErrorDetails) -> str:
    if error["type"] == "value_error":
        # Our own validators already name the field; drop pydantic's "Value error," prefix.
        message = str(error["msg"]).removeprefix("Value error, ")
        loc = ".".join(str(part) for part in error["loc"])
        return f"{loc}: {message}" if loc else message
    return describe(error)


def _validate(path: Path, index: int, entry: object) -> EvalCase:
    label = f"case {index + 1}"
    if isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
        label += f" ({entry['id']})"
    if not isinstance(entry, Mapping):
        raise AttuneError(f"{path}: {label}: expected a mapping of case fields")
    try:
        return EvalCase.model_validate(entry)
    except ValidationError as exc:
        errors = exc.errors()
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise AttuneError(f"{path}: {label}: {_describe(errors[0])}{more}") from None


def load_file(path: Path) -> list[EvalCase]:
    """Load every case in one YAML file."""
    data = parse_yaml(path, read_text(path))
    return [_validate(path, i, entry) for i, entry in enumerate(_case_entries(path, data))]


def load_cases(folder: Path | None = None, pattern: str = "*") -> list[EvalCase]:
    """Every case in the folder's `*.yaml` files whose id matches `pattern`, sorted by id."""
    folder = default_folder() if folder is None else folder
    if not fs.is_folder(folder):
        raise AttuneError(f"{folder}: eval cases folder not found")
    seen: dict[str, Path] = {}
    cases: list[EvalCase] = []
    for path in (p for p in fs.entries(folder) if p.suffix == ".yaml" and fs.is_file(p)):
        for case in load_file(path):
            if case.id in seen:
                first = seen[case.id]
                where = "earlier in this file" if first == path else f"also in {first}"
                raise AttuneError(f"{path}: case '{case.id}': duplicate id ({where})")
            seen[case.id] = path
            cases.append(case)
    return sorted((c for c in cases if fnmatch.fnmatchcase(c.id, pattern)), key=lambda c: c.id)

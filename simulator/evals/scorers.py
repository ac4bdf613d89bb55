"""The registry of eval checks: each check is one small function registered by name.

In the spirit of inspect_ai's `@scorer`: a check is declared where it is written,
with `@scorer(name, group)`, and the runner asks the registry for every check that
applies to a transcript instead of walking a chain of ifs. A check returns None
when the case does not ask for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict

from simulator.domain.zones import Zone
from simulator.engine import PartnerState
from simulator.evals.cases import EvalCase
from simulator.evals.voicefig import RawReply
from simulator.guard.checks import GuardContext, check_reply
from simulator.guard.reasons import Finding
from simulator.personas.card import PersonaCard
from simulator.turns.session import TurnRecord

Group = Literal["dynamics", "voice", "robustness"]
GROUPS: tuple[Group, ...] = ("dynamics", "voice", "robustness")


class CheckResult(BaseModel):
    """One named check over a case's transcript, and what was seen."""

    model_config = ConfigDict(frozen=True)

    name: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class Transcript:
    """What every check reads: the case, its persona, the start state and the turns run."""

    case: EvalCase
    card: PersonaCard
    start: PartnerState
    turns: list[TurnRecord]
    voiced: bool
    raw: list[RawReply] = field(default_factory=list)
    """The model's first attempt at each turn it voiced, judged as written."""

    @cached_property
    def findings(self) -> list[list[Finding]]:
        """The guard's findings on each reply, computed once for all the voice checks."""
        return [check_reply(r.reply, self.context(r)) for r in self.turns]

    def context(self, record: TurnRecord) -> GuardContext:
        """The guard's view of one turn under this case's voice limits."""
        return GuardContext(
            mode=self.card.mode,
            name=self.card.name,
            style=self.card.style.value,
            zone=Zone(record.zone),
            learner=record.user,
            max_chars=self.case.voice.max_chars,
            max_sentences=self.case.voice.max_sentences,
        )


Scorer = Callable[[Transcript], CheckResult | None]


@dataclass(frozen=True)
class Registered:
    """A registered check: its name, its group, and whether it needs a model's replies."""

    name: str
    group: Group
    run: Scorer
    voiced_only: bool


_REGISTRY: dict[str, Registered] = {}


def scorer(name: str, group: Group, *, voiced_only: bool = False) -> Callable[[Scorer], Scorer]:
    """Register a check under `name`; checks run in the order they were registered."""

    def register(run: Scorer) -> Scorer:
        if name in _REGISTRY:
            raise ValueError(f"an eval check named {name!r} is already registered")
        _REGISTRY[name] = Registered(name, group, run, voiced_only)
        return run

    return register


def registered(groups: Iterable[Group] = GROUPS) -> list[Registered]:
    """The registered checks of these groups, in registration order."""
    wanted = set(groups)
    return [entry for entry in _REGISTRY.values() if entry.group in wanted]


def score(transcript: Transcript, groups: Iterable[Group] = GROUPS) -> list[CheckResult]:
    """Every registered check that applies to the transcript, one result each."""
    out: list[CheckResult] = []
    for entry in registered(groups):
        if entry.voiced_only and not transcript.voiced:
            continue
        result = entry.run(transcript)
        if result is not None:
            out.append(result)
    return out

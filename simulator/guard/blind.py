"""The guard measured on blind sets: replies written by people who never saw its rules.

Each JSON line: {"persona", "zone" or "stage", "learner", "prev", "reply",
"label": good|bad, "problem": one of PROBLEMS, "plan_stance": a stance or null}.
A reply's problem names the check that should catch it; recall is counted per
problem (caught by its own check, and rejected for any reason), and false
rejections over the good replies, with the checks that rejected them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from simulator.guard.checks import check_reply
from simulator.guard.reasons import GuardReason
from simulator.guard.verdict import GuardRequest, card_context, labelled_plan, zone_of
from simulator.personas.loader import Catalog
from simulator.support.errors import AttuneError
from simulator.support.safe_read import read_text

Problem = Literal["third_person", "narration", "foreign", "stance", "off_topic", "assistant", "ok"]

PROBLEMS: dict[str, frozenset[GuardReason]] = {
    "third_person": frozenset({GuardReason.THIRD_PERSON}),
    "narration": frozenset({GuardReason.NARRATION}),
    "foreign": frozenset({GuardReason.FOREIGN}),
    # A stance against the plan also shows as a zone mismatch where the zone alone says so.
    "stance": frozenset({GuardReason.STANCE, GuardReason.ZONE_MISMATCH}),
    # An off-topic reply brings in a topic the scene never had.
    "off_topic": frozenset({GuardReason.FOREIGN}),
    "assistant": frozenset(
        {GuardReason.AI_ADMISSION, GuardReason.THERAPIST_VOICE, GuardReason.LEAK}
    ),
}
"""Each problem a writer labels, and the checks that catch it."""

NEW_CHECKS = ("third_person", "narration", "foreign", "stance")
"""The sense checks whose floors the held-out set gates."""


class BlindReply(GuardRequest):
    """One labelled reply of a blind set: what `attune guard -` reads, and its label."""

    label: Literal["good", "bad"]
    problem: Problem
    hard: bool = False


def load_blind(path: Path) -> list[BlindReply]:
    """Read one JSONL blind set; AttuneError naming the file and line of the first bad one."""
    items = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = BlindReply.model_validate(json.loads(line))
        except (ValueError, ValidationError) as exc:
            first = str(exc).splitlines()
            detail = first[2].strip() if len(first) > 2 else first[0]
            raise AttuneError(f"{path} line {number}: {detail}") from None
        if (item.label == "good") != (item.problem == "ok"):
            raise AttuneError(f"{path} line {number}: a good reply has problem 'ok', a bad one not")
        items.append(item)
    return items


class ProblemScore(BaseModel):
    """How the guard did on the bad replies of one problem."""

    problem: str
    total: int = 0
    caught: int = 0
    """Rejected by the problem's own check."""
    rejected: int = 0
    """Rejected for any reason (the learner would not see it)."""
    missed: list[str] = []

    @property
    def recall(self) -> float:
        """Share caught by the problem's own check."""
        return self.caught / self.total if self.total else 1.0

    @property
    def reject_rate(self) -> float:
        """Share rejected for any reason."""
        return self.rejected / self.total if self.total else 1.0


class BlindReport(BaseModel):
    """Recall per problem and the false rejections of good replies."""

    name: str
    problems: list[ProblemScore]
    good: int
    false_rejects: int
    false_by_check: dict[str, int]
    false_examples: list[str]

    @property
    def false_reject_rate(self) -> float:
        """Share of good replies the guard rejected."""
        return self.false_rejects / self.good if self.good else 0.0

    def score(self, problem: str) -> ProblemScore:
        """The score of one problem (empty if the set has none)."""
        return next(
            (p for p in self.problems if p.problem == problem), ProblemScore(problem=problem)
        )

    def table(self) -> str:
        """Plain text for a test report or a terminal."""
        rows = [f"{'problem':<14}{'n':>5}{'recall':>8}{'rejected':>10}"]
        for p in self.problems:
            rows.append(f"{p.problem:<14}{p.total:>5}{p.recall:>8.2f}{p.reject_rate:>10.2f}")
        by = ", ".join(f"{k} {v}" for k, v in sorted(self.false_by_check.items())) or "none"
        rows.append(
            f"good replies rejected: {self.false_rejects}/{self.good} "
            f"({self.false_reject_rate:.1%}); by check: {by}"
        )
        return "\n".join(rows)


def _names(found: set[GuardReason]) -> str:
    return ", ".join(sorted(r.value for r in found)) or "passed"


def evaluate_blind(name: str, items: Iterable[BlindReply], catalog: Catalog) -> BlindReport:
    """Run the guard on every labelled reply, with the context the runtime guard would have."""
    scores = {p: ProblemScore(problem=p) for p in PROBLEMS}
    good = false_rejects = 0
    false_by_check: dict[str, int] = {}
    false_examples: list[str] = []
    for item in items:
        card = catalog.get(item.persona)
        place = item.zone if item.zone is not None else item.stage
        if place is None:
            raise AttuneError(f"{name}: a reply for {item.persona} has no zone or stage")
        zone = zone_of(card, place)
        plan = labelled_plan(card.mode, place, zone, item.plan_stance) if item.plan_stance else None
        ctx = card_context(card, zone, item.learner, [item.prev] if item.prev else None, plan)
        found = {f.reason for f in check_reply(item.reply, ctx)}
        if item.label == "good":
            good += 1
            if found:
                false_rejects += 1
                for reason in found:
                    false_by_check[reason.value] = false_by_check.get(reason.value, 0) + 1
                false_examples.append(f"[{item.persona}/{place}] {item.reply} -> {_names(found)}")
            continue
        score = scores[item.problem]
        score.total += 1
        score.caught += bool(found & PROBLEMS[item.problem])
        score.rejected += bool(found)
        if not found & PROBLEMS[item.problem]:
            score.missed.append(f"[{item.persona}/{place}] {item.reply} -> {_names(found)}")
    return BlindReport(
        name=name,
        problems=[s for s in scores.values() if s.total],
        good=good,
        false_rejects=false_rejects,
        false_by_check=false_by_check,
        false_examples=false_examples,
    )

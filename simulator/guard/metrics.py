"""How well the guard separates in-character replies from broken ones, on labeled sets."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, TypeAdapter

from simulator.domain.zones import Zone
from simulator.guard.checks import check_reply
from simulator.guard.reasons import GuardReason
from simulator.guard.verdict import card_context
from simulator.personas.loader import Catalog
from simulator.support.safe_parse import parse_yaml
from simulator.support.safe_read import read_text


class LabeledReply(BaseModel):
    """A candidate persona reply and the reasons a human would reject it for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    persona: str
    zone: Zone
    learner: str = ""
    reply: str
    expect: list[GuardReason]


class ReasonScore(BaseModel):
    """Counts for one reason: found where labeled, found where not, missed."""

    reason: GuardReason
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        """Share of this reason's findings that were labeled so."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """Share of labeled cases where this reason was found."""
        labeled = self.true_positives + self.false_negatives
        return self.true_positives / labeled if labeled else 1.0


class GuardReport(BaseModel):
    """Accept/reject quality, per-reason scores, and the disagreements."""

    total: int
    good: int
    false_rejects: int
    """In-character replies the guard rejected (each costs a retry)."""
    bad: int
    missed: int
    """Broken replies the guard let through (the learner would see them)."""
    scores: list[ReasonScore]
    errors: list[tuple[str, list[str], list[str]]]

    @property
    def reject_recall(self) -> float:
        """Share of broken replies rejected (for any reason)."""
        return (self.bad - self.missed) / self.bad if self.bad else 1.0

    @property
    def accept_rate(self) -> float:
        """Share of in-character replies let through."""
        return (self.good - self.false_rejects) / self.good if self.good else 1.0

    def table(self) -> str:
        """Plain-text summary for the test run's report."""
        rows = [f"{'reason':<20}{'prec':>7}{'recall':>8}"]
        for s in self.scores:
            if s.true_positives + s.false_negatives:
                rows.append(f"{s.reason.value:<20}{s.precision:>7.2f}{s.recall:>8.2f}")
            else:
                rows.append(f"{s.reason.value:<20}  (not labeled here; fired {s.false_positives}x)")
        rejected = self.bad - self.missed
        passed = self.good - self.false_rejects
        rows.append(
            f"broken replies rejected: {rejected}/{self.bad} ({self.reject_recall:.2f}); "
            f"in-character replies passed: {passed}/{self.good} ({self.accept_rate:.2f})"
        )
        return "\n".join(rows)


_EXAMPLES = TypeAdapter(list[LabeledReply])


def load_replies(path: Path) -> list[LabeledReply]:
    """Read a YAML list of labeled replies."""
    return _EXAMPLES.validate_python(parse_yaml(path, read_text(path)))


def evaluate_guard(examples: Iterable[LabeledReply], catalog: Catalog) -> GuardReport:
    """Run the guard on each labeled reply and score it."""
    scores = {r: ReasonScore(reason=r) for r in GuardReason}
    counts = {"total": 0, "good": 0, "false_rejects": 0, "bad": 0, "missed": 0}
    errors: list[tuple[str, list[str], list[str]]] = []
    for ex in examples:
        card = catalog.get(ex.persona)
        ctx = card_context(card, ex.zone, ex.learner)
        got = {f.reason for f in check_reply(ex.reply, ctx)}
        gold = set(ex.expect)
        counts["total"] += 1
        if gold:
            counts["bad"] += 1
            counts["missed"] += not got
        else:
            counts["good"] += 1
            counts["false_rejects"] += bool(got)
        for reason, score in scores.items():
            scores[reason] = score.model_copy(
                update={
                    "true_positives": score.true_positives + (reason in gold and reason in got),
                    "false_positives": score.false_positives
                    + (reason in got and reason not in gold),
                    "false_negatives": score.false_negatives
                    + (reason in gold and reason not in got),
                }
            )
        if gold != got:
            errors.append((f"[{ex.persona}/{ex.zone.value}] {ex.reply}", sorted(gold), sorted(got)))
    return GuardReport(**counts, scores=list(scores.values()), errors=errors)

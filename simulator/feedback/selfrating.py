"""Rating yourself: the learner's view of each step beside what the session measured.

Learners overrate their own attunement, so before the debrief opens the learner says,
for each step of the mode's checklist, whether they showed it `not really`, `somewhat`
or `clearly`. The session's measure of a step is put on the same three levels by how
many turns showed it: none is `not really`, one is `somewhat`, two or more is
`clearly`. Where the two levels differ, the comparison says so plainly. A gap is the
learner's level minus the measured one (in levels, -2 to +2): above 0, the learner
rated themselves higher than the session showed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from simulator.feedback.debrief import Debrief
from simulator.modes import Step, get_mode
from simulator.store.ratings import LEVEL_LABELS, LEVELS, Level, level_of

__all__ = ["LEVELS", "LEVEL_LABELS", "Level", "SelfRating", "StepView", "compare", "rating_of"]


def measured_level(count: int) -> Level:
    """The session's measure of a step on the learner's scale: 0, 1, or 2+ turns."""
    return LEVELS[min(max(count, 0), 2)]


class StepView(BaseModel):
    """One step: how the learner rated it and what the session measured."""

    model_config = ConfigDict(frozen=True)

    step: str
    label: str
    rated: Level | None
    """The learner's level; None when this step was left unrated."""
    measured: Level
    count: int
    """Turns that showed the step (the debrief's count)."""

    @property
    def gap(self) -> int | None:
        """The learner's level minus the measured one; None when unrated."""
        if self.rated is None:
            return None
        return LEVELS.index(self.rated) - LEVELS.index(self.measured)

    @property
    def differs(self) -> bool:
        """True when the learner's view and the measure are on different levels."""
        return bool(self.gap)

    def plainly(self) -> str:
        """Where the two differ, in a sentence ('' when they agree or it was not rated)."""
        if not self.differs or self.rated is None:
            return ""
        felt = {
            "not_really": f"you did not really {self._verb()}",
            "somewhat": f"you somewhat {self._verb(past=True)}",
            "clearly": f"you clearly {self._verb(past=True)}",
        }[self.rated]
        return f"You felt {felt}; {_recognised(self.count)}."

    def _verb(self, past: bool = False) -> str:
        # Step labels are imperatives ('Validate the feeling'); quoted, they read as the step.
        return f"showed '{self.label}'" if past else f"show '{self.label}'"


def _recognised(count: int) -> str:
    if count == 0:
        return "it was not recognised in any turn"
    return f"it was recognised in {count} turn{'s' if count != 1 else ''}"


class SelfRating(BaseModel):
    """The learner's view beside the measure, step by step; empty `steps` when skipped."""

    model_config = ConfigDict(frozen=True)

    rated: bool
    """False when the learner skipped rating themselves (nothing was stored)."""
    steps: list[StepView]

    @property
    def differences(self) -> list[str]:
        """The plain sentences for the steps where the learner's view and the measure differ."""
        return [s.plainly() for s in self.steps if s.differs]

    @property
    def gap(self) -> float | None:
        """The mean gap over the rated steps (positive: rated higher than measured)."""
        gaps = [s.gap for s in self.steps if s.gap is not None]
        return sum(gaps) / len(gaps) if gaps else None

    def summary(self) -> str:
        """One sentence on the whole comparison."""
        if not self.rated:
            return "You skipped rating yourself this time, so there is nothing to compare."
        gap = self.gap
        if not self.differences:
            return "Your view matched what the session measured on every step you rated."
        assert gap is not None
        lean = "higher than" if gap > 0 else "lower than" if gap < 0 else "about level with"
        return (
            f"You rated yourself {lean} the session measured "
            f"(on average {gap:+.1f} level{'s' if abs(gap) != 1 else ''} per step)."
        )

    def lines(self) -> list[str]:
        """A small table and the differences, as plain text lines (no indentation)."""
        if not self.rated:
            return [self.summary()]
        width = max([12, *(len(s.label) for s in self.steps)])
        out = [f"{'step':<{width}}  {'you felt':<10}  measured"]
        for s in self.steps:
            felt = LEVEL_LABELS[s.rated] if s.rated else "-"
            mark = "  <- differs" if s.differs else ""
            out.append(
                f"{s.label:<{width}}  {felt:<10}  {LEVEL_LABELS[s.measured]} "
                f"({s.count} turn{'s' if s.count != 1 else ''}){mark}"
            )
        return [*out, "", self.summary(), *self.differences]

    def public_json(self) -> dict[str, object]:
        """The export shape: `{"rated", "gap", "steps": [{"step", "label", "rated",
        "measured", "count", "differs", "says"}]}`."""
        return {
            "rated": self.rated,
            "gap": None if self.gap is None else round(self.gap, 3),
            "steps": [
                {
                    "step": s.step,
                    "label": s.label,
                    "rated": s.rated,
                    "measured": s.measured,
                    "count": s.count,
                    "differs": s.differs,
                    "says": s.plainly(),
                }
                for s in self.steps
            ],
        }


def compare(
    steps: Sequence[Step], counts: Mapping[str, int], ratings: Mapping[str, str] | None
) -> SelfRating:
    """The learner's ratings beside the measured counts; no ratings means it was skipped."""
    if not ratings:
        return SelfRating(rated=False, steps=[])
    views = [
        StepView(
            step=s.id,
            label=s.label,
            rated=level_of(ratings[s.id]) if s.id in ratings else None,
            measured=measured_level(counts.get(s.id, 0)),
            count=counts.get(s.id, 0),
        )
        for s in steps
    ]
    return SelfRating(rated=True, steps=views)


def self_rating(
    mode: str, step_counts: Mapping[str, int], ratings: Mapping[str, str] | None
) -> SelfRating:
    """`compare` over a mode's checklist (step counts as the debrief counts them)."""
    return compare(get_mode(mode).coaching.steps, step_counts, ratings)


def rating_of(debrief: Debrief, ratings: Mapping[str, str] | None) -> SelfRating:
    """The learner's ratings beside a debrief's step counts; None or empty: skipped."""
    return self_rating(debrief.mode, {s.id: s.count for s in debrief.steps}, ratings)

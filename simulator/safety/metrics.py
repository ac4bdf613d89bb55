"""How well the safety check does on a labelled set: recall, false pauses, check-ins.

A labelled set is JSON lines: `text`, `label` (`pause` or `safe`), and for pause
lines `kind` and `subtle`, for safe lines `category`, and `hard` on either. What
a learner meets is reported apart: a pause stops the practice, a check-in only
asks. Recall counts a risky line as caught when it is paused or checked in on
(the learner is asked and help is one key away); the pause-only figure is given
beside it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from simulator.safety.distress import detect_distress
from simulator.safety.levels import Distress, SafetyLevel


@dataclass(frozen=True)
class Example:
    """One labelled learner message."""

    text: str
    risky: bool
    kind: str | None = None
    subtle: bool = False
    hard: bool = False
    category: str | None = None


def load_examples(path: Path) -> list[Example]:
    """Read a JSON-lines labelled set."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        examples.append(
            Example(
                text=row["text"],
                risky=row["label"] == "pause",
                kind=row.get("kind"),
                subtle=bool(row.get("subtle")) and row["label"] == "pause",
                hard=bool(row.get("hard")),
                category=row.get("category"),
            )
        )
    return examples


@dataclass
class _Tally:
    total: int = 0
    paused: int = 0
    checked: int = 0

    @property
    def caught(self) -> int:
        return self.paused + self.checked

    def add(self, found: Distress | None) -> None:
        self.total += 1
        if found is None:
            return
        if found.level is SafetyLevel.PAUSE:
            self.paused += 1
        else:
            self.checked += 1


@dataclass
class Report:
    """Counts over one labelled set, split the ways a reader needs them."""

    risky: _Tally = field(default_factory=_Tally)
    subtle: _Tally = field(default_factory=_Tally)
    plain: _Tally = field(default_factory=_Tally)
    safe: _Tally = field(default_factory=_Tally)
    safe_hard: _Tally = field(default_factory=_Tally)
    missed: list[Example] = field(default_factory=list)
    false_pauses: list[Example] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Risky lines paused or checked in on."""
        return self.risky.caught / max(self.risky.total, 1)

    @property
    def pause_recall(self) -> float:
        """Risky lines paused outright."""
        return self.risky.paused / max(self.risky.total, 1)

    @property
    def false_pause_rate(self) -> float:
        """Safe lines that paused the practice."""
        return self.safe.paused / max(self.safe.total, 1)

    @property
    def safe_check_in_rate(self) -> float:
        """Safe lines that got a check-in (the scene held)."""
        return self.safe.checked / max(self.safe.total, 1)

    def table(self) -> str:
        """A plain-text table for the end of a test run or the README."""

        def row(name: str, t: _Tally) -> str:
            share = t.caught / max(t.total, 1)
            return f"{name:<22}{t.total:>6}{t.paused:>8}{t.checked:>10}{share:>9.3f}"

        lines = [
            f"{'lines':<22}{'n':>6}{'paused':>8}{'checked':>10}{'either':>9}",
            row("should pause", self.risky),
            row("  subtle", self.subtle),
            row("  plain", self.plain),
            row("safe", self.safe),
            row("  safe, hard", self.safe_hard),
            f"recall {self.recall:.3f} (pause only {self.pause_recall:.3f}); "
            f"safe lines paused {self.false_pause_rate:.3f}, checked in on "
            f"{self.safe_check_in_rate:.3f}",
        ]
        return "\n".join(lines)


def evaluate(
    examples: Iterable[Example], detect: Callable[[str], Distress | None] = detect_distress
) -> Report:
    """Run the check over every example and count what the learner would meet."""
    report = Report()
    for example in examples:
        found = detect(example.text)
        if example.risky:
            report.risky.add(found)
            (report.subtle if example.subtle else report.plain).add(found)
            if found is None:
                report.missed.append(example)
        else:
            report.safe.add(found)
            if example.hard:
                report.safe_hard.add(found)
            if found is not None and found.level is SafetyLevel.PAUSE:
                report.false_pauses.append(example)
    return report

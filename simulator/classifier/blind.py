"""Scores on blind sets: labelled messages written by people who never saw the rules.

Beyond precision and recall per move, two figures matter to a learner: how often a
message that carries a helpful move gets no move at all (then feedback can only
stay silent or blame), and whether the learned layer's confidence means what it
says (calibration: of the tags given at about 0.8, about 80% should be right).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from simulator.classifier.combine import classify
from simulator.classifier.metrics import LabeledMessage, Report, evaluate
from simulator.modes import MoveId, PracticeMode, get_mode
from simulator.support.safe_read import read_text

CALIBRATION_BINS = ((0.5, 0.7), (0.7, 0.85), (0.85, 0.95), (0.95, 1.01))


class BlindMessage(BaseModel):
    """One line of a blind set: the message, its labels, and whether the writer found it hard."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    text: str
    moves: list[MoveId]
    hard: bool = False
    scene: str = ""


class CalibrationBin(BaseModel):
    """Learned tags whose confidence fell in one range, and how many were right."""

    low: float
    high: float
    tags: int
    right: int


class BlindReport(BaseModel):
    """Everything a blind set says about the classifier in one mode."""

    mode: str
    size: int
    report: Report
    plain_macro_f1: float
    hard_macro_f1: float
    attuned_messages: int
    attuned_unrecognised: int
    calibration: list[CalibrationBin]

    @property
    def unrecognised_rate(self) -> float:
        """Share of messages carrying a helpful move that got no move at all."""
        return self.attuned_unrecognised / self.attuned_messages if self.attuned_messages else 0.0

    def table(self) -> str:
        """The per-move table, the split by difficulty, the silent rate and the calibration."""
        lines = [self.report.table()]
        lines.append(
            f"plain lines macro f1 {self.plain_macro_f1:.2f}; hard lines {self.hard_macro_f1:.2f}"
        )
        lines.append(
            f"messages with a helpful move that got no move: {self.attuned_unrecognised}/"
            f"{self.attuned_messages} ({self.unrecognised_rate:.0%})"
        )
        lines.append("learned-tag calibration (confidence range: right/tags):")
        for b in self.calibration:
            share = f"{b.right / b.tags:.0%}" if b.tags else "-"
            lines.append(f"  {b.low:.2f}-{min(b.high, 1.0):.2f}: {b.right}/{b.tags} ({share})")
        return "\n".join(lines)


def load_blind(path: Path) -> list[BlindMessage]:
    """A blind set: JSON lines with text, moves and optional hard/scene."""
    return [
        BlindMessage.model_validate(json.loads(line))
        for line in read_text(path).splitlines()
        if line.strip()
    ]


def blind_report(messages: list[BlindMessage], mode: PracticeMode) -> BlindReport:
    """Score the classifier (rules and learned layer) on one mode's blind messages."""
    helpful = get_mode(mode).helpful
    found = {m.text: classify(m.text, mode) for m in messages}

    def labeled(subset: list[BlindMessage]) -> list[LabeledMessage]:
        return [LabeledMessage(text=m.text, moves=m.moves) for m in subset]

    def run(subset: list[BlindMessage]) -> Report:
        return evaluate(labeled(subset), lambda text: found[text], mode)

    attuned = [m for m in messages if helpful & set(m.moves)]
    bins = [CalibrationBin(low=lo, high=hi, tags=0, right=0) for lo, hi in CALIBRATION_BINS]
    for m in messages:
        for span in found[m.text].spans:
            if span.confidence is None:
                continue
            for i, b in enumerate(bins):
                if b.low <= span.confidence < b.high:
                    bins[i] = b.model_copy(
                        update={"tags": b.tags + 1, "right": b.right + (span.move in m.moves)}
                    )
    return BlindReport(
        mode=mode,
        size=len(messages),
        report=run(messages),
        plain_macro_f1=run([m for m in messages if not m.hard]).macro_f1,
        hard_macro_f1=run([m for m in messages if m.hard]).macro_f1,
        attuned_messages=len(attuned),
        attuned_unrecognised=sum(1 for m in attuned if not found[m.text].moves),
        calibration=bins,
    )

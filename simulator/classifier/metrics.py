"""Precision and recall of the classifier against a labeled example set."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, TypeAdapter

from simulator.classifier.combine import classify
from simulator.classifier.schema import Classification
from simulator.modes import AnyMove, MoveId, PracticeMode, get_mode
from simulator.support.safe_parse import parse_yaml
from simulator.support.safe_read import read_text


class LabeledMessage(BaseModel):
    """One message with the moves a human annotator saw in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    moves: list[MoveId]


class MoveScore(BaseModel):
    """Counts and rates for one move."""

    move: MoveId
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def support(self) -> int:
        """How many labeled messages contain the move."""
        return self.true_positives + self.false_negatives

    @property
    def precision(self) -> float:
        """Share of predicted tags that were right (1.0 when nothing was predicted)."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of labeled tags that were found (1.0 when there were none)."""
        return self.true_positives / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Report(BaseModel):
    """Per-move scores plus the misclassified messages, for tuning."""

    scores: list[MoveScore]
    exact_match: float
    errors: list[tuple[str, list[AnyMove], list[AnyMove]]]

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the moves present in the set."""
        present = [s for s in self.scores if s.support]
        return sum(s.f1 for s in present) / len(present) if present else 0.0

    def table(self) -> str:
        """A plain-text table of precision, recall and F1 per move."""
        rows = [f"{'move':<20}{'support':>8}{'prec':>7}{'recall':>8}{'f1':>7}"]
        for s in self.scores:
            rows.append(
                f"{s.move.value:<20}{s.support:>8}{s.precision:>7.2f}{s.recall:>8.2f}{s.f1:>7.2f}"
            )
        rows.append(f"{'macro f1':<20}{'':>8}{'':>7}{'':>8}{self.macro_f1:>7.2f}")
        rows.append(f"exact-match rate: {self.exact_match:.2f}")
        return "\n".join(rows)


_EXAMPLES = TypeAdapter(list[LabeledMessage])


def load_examples(path: Path) -> list[LabeledMessage]:
    """Read a YAML list of `{text, moves}` examples."""
    return _EXAMPLES.validate_python(parse_yaml(path, read_text(path)))


def evaluate(
    examples: Iterable[LabeledMessage],
    classifier: Callable[[str], Classification] = classify,
    mode: PracticeMode = "listen",
) -> Report:
    """Score a classifier on labeled examples, move by move, over one mode's move set."""
    counts = {m: [0, 0, 0] for m in get_mode(mode).move_ids}
    errors: list[tuple[str, list[AnyMove], list[AnyMove]]] = []
    total = exact = 0
    for example in examples:
        total += 1
        gold, got = set(example.moves), set(classifier(example.text).moves)
        exact += gold == got
        if gold != got:
            errors.append((example.text, sorted(gold), sorted(got)))
        for move in counts:
            tp_fp_fn = counts[move]
            tp_fp_fn[0] += move in gold and move in got
            tp_fp_fn[1] += move in got and move not in gold
            tp_fp_fn[2] += move in gold and move not in got
    scores = [
        MoveScore(move=m, true_positives=c[0], false_positives=c[1], false_negatives=c[2])
        for m, c in counts.items()
    ]
    return Report(scores=scores, exact_match=exact / total if total else 0.0, errors=errors)

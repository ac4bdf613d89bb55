"""`make guard-tone`: train the guard's stance-by-meaning signal on the blind dev sets.

Reads the guard's labelled dev sets (never a held-out one), keeps the good replies and
the stance errors that carry a plan stance, and fits one logistic model per plan
direction. Each direction's threshold comes from leave-one-writer-out scores: every
writer's replies are scored by a model trained without them, and the threshold is the
lowest that rejects at most `GOOD_BUDGET` of their good replies. The weights go to
simulator/guard/data/tone.npz, the thresholds, figures and named examples to tone.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.guard.blind import load_blind
from simulator.guard.tone import GOOD_BUDGET, MODEL_DIR, direction, features
from simulator.support.errors import AttuneError
from simulator.text.logistic import fit, sigmoid

if TYPE_CHECKING:
    import numpy as np

    Matrix = np.ndarray[Any, Any]

WAYS = ("hold", "open")
CARDS = "cards"
"""The writer name of the shipped cards' own lines: always trained on, never held out."""


@dataclass(frozen=True)
class Row:
    """One labelled reply the signal learns from."""

    writer: str
    way: str
    bad: bool
    reply: str
    learner: str


def load_rows(paths: list[Path]) -> list[Row]:
    """Good replies and stance errors with a plan stance, from dev sets only."""
    rows = []
    for path in paths:
        if "heldout" in path.name:
            raise AttuneError(f"{path}: a held-out set never trains the guard")
        writer = path.stem.split("_", 1)[-1]
        for item in load_blind(path):
            if item.plan_stance is None or item.problem not in ("ok", "stance"):
                continue
            way = direction(item.plan_stance)
            rows.append(Row(writer, way, item.label == "bad", item.reply, item.learner))
    return rows


def authored_rows() -> list[Row]:
    """The shipped cards' lines as good replies (writer "cards", no learner message)."""
    from simulator.guard.authored import spoken_lines
    from simulator.personas import load_catalog, persona_dirs

    catalog = load_catalog(persona_dirs(environ={}, user=False))
    return [
        Row(CARDS, way, False, line, "")
        for card in catalog.cards.values()
        for line, way in spoken_lines(card)
    ]


def _matrix(rows: list[Row]) -> tuple[Matrix, Matrix]:
    import numpy as np

    from simulator.text import shared_encoder

    encoder = shared_encoder()
    replies = encoder.encode([r.reply for r in rows])
    # No message (a card's line): a zero vector, as `tone.against_plan` reads it.
    learners = encoder.encode([r.learner or "." for r in rows])
    learners[[not r.learner for r in rows]] = 0
    x = np.stack([features(replies[i], learners[i], r.reply) for i, r in enumerate(rows)])
    return x, replies


def _threshold(good_scores: list[float]) -> float:
    ranked = sorted(good_scores, reverse=True)
    return ranked[min(math.floor(GOOD_BUDGET * len(ranked)), len(ranked) - 1)]


def build(paths: list[Path], out: Path = MODEL_DIR) -> dict[str, Any]:
    """Train, pick thresholds out of fold, write the model; returns the report."""
    import numpy as np

    rows = load_rows(paths) + authored_rows()
    x, replies = _matrix(rows)
    way = np.array([r.way for r in rows])
    bad = np.array([r.bad for r in rows], dtype=np.float32)
    writer = np.array([r.writer for r in rows])
    oof = np.zeros(len(rows), dtype=np.float32)
    for held in sorted(set(writer) - {CARDS}):
        for w in WAYS:
            train = (writer != held) & (way == w)
            w_, b_ = fit(x[train], bad[train][:, None])
            test = (writer == held) & (way == w)
            oof[test] = sigmoid(x[test] @ w_ + b_)[:, 0]
    report: dict[str, Any] = {
        "card_lines": int((writer == CARDS).sum()),
        "sources": {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in paths},
        "good_budget": GOOD_BUDGET,
        "threshold": {},
        "leave_one_writer_out": {},
        "examples": {},
    }
    arrays: dict[str, Matrix] = {}
    for w in WAYS:
        mine = way == w
        blind = mine & (writer != CARDS)
        threshold = _threshold([float(s) for s in oof[blind & (bad == 0)]])
        caught = int(((oof > threshold) & blind & (bad == 1)).sum())
        rejected = int(((oof > threshold) & blind & (bad == 0)).sum())
        report["threshold"][w] = round(threshold, 6)
        report["leave_one_writer_out"][w] = {
            "stance_errors": int((blind & (bad == 1)).sum()),
            "caught": caught,
            "good": int((blind & (bad == 0)).sum()),
            "good_rejected": rejected,
        }
        weights, bias = fit(x[mine], bad[mine][:, None])
        arrays[f"{w}_weights"] = weights[:, 0]
        arrays[f"{w}_bias"] = bias[:1]
        errors = mine & (bad == 1)
        report["examples"][w] = [r.reply for r, e in zip(rows, errors, strict=True) if e]
        arrays[f"{w}_examples"] = replies[errors].astype(np.float16)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "tone.npz", allow_pickle=False, **arrays)
    (out / "tone.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    return report


def main(argv: list[str] | None = None) -> int:
    """Command line: the dev set files to train on."""
    parser = argparse.ArgumentParser(prog="python -m simulator.guard.build_tone")
    parser.add_argument("sets", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        report = build(sorted(args.sets))
    except AttuneError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for w, figures in report["leave_one_writer_out"].items():
        print(f"{w}: threshold {report['threshold'][w]:.3f}, out of fold {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

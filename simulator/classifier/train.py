"""`make classifier-model`: train each mode's learned layer on its dev sets, never a held-out one.

For each mode: read the labelled dev sets its `LearnedSpec` names, turn every message
into features, fit a one-vs-rest logistic model (numpy, Adam, L2), and pick each
move's threshold on out-of-fold predictions: every blind writer's lines are scored
by a model trained without them, together with the rules, and the threshold that
gives the best F1 for that move wins. The weights go beside the mode's rules; a
report of the out-of-fold figures goes next to them as JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.classifier.learned import Vocabulary, features
from simulator.classifier.rules import classify_rules
from simulator.modes import Mode, get_mode, mode_names
from simulator.support.safe_parse import parse_yaml
from simulator.support.safe_read import read_text
from simulator.text.logistic import fit

if TYPE_CHECKING:
    import numpy as np

    Matrix = np.ndarray[Any, Any]

ROOT = Path(__file__).resolve().parents[2]
NGRAM_SCALE = 8.0
"""The n-gram block's norm: comparable in weight to the word-piece block (norm ~20)."""
THRESHOLDS = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))
"""At least 0.5: a tag must be more likely than not; below, the layer abstains."""
MIN_PRECISION = 0.80
"""A wrong tag blames or credits the learner for what they did not do: precision first."""


@dataclass(frozen=True)
class Example:
    """One labelled learner message and the set it came from."""

    text: str
    moves: frozenset[str]
    source: str
    blind: bool
    unknown: frozenset[str] = frozenset()
    """Moves this set's writers had no label for (see `LearnedSpec.late_labels`)."""


def load_examples(mode: Mode) -> list[Example]:
    """Every labelled message in the mode's dev sets; refuses any held-out file."""
    if mode.learned is None:
        return []
    out: list[Example] = []
    for pattern in mode.learned.dev_sets:
        for path in sorted(ROOT.glob(pattern)):
            if "heldout" in path.name:
                raise SystemExit(f"{path}: held-out sets are never trained on")
            unknown = frozenset(
                move
                for move, globs in mode.learned.late_labels.items()
                if not any(path.match(g) for g in globs)
            )
            for glob, taught in mode.learned.teaches_only.items():
                if path.match(glob):
                    unknown |= {m.value for m in mode.move_ids} - set(taught)
            out += _read_set(path, unknown)
    return out


def _read_set(path: Path, unknown: frozenset[str] = frozenset()) -> list[Example]:
    text = read_text(path)
    blind = path.suffix == ".jsonl"
    if blind:
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        rows = parse_yaml(path, text) or []
    return [
        Example(str(r["text"]), frozenset(r.get("moves") or []), path.stem, blind, unknown)
        for r in rows
    ]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train_mode(mode: Mode, vocabulary: Vocabulary) -> dict[str, Any]:
    """Train one mode, write its weights and report; returns the report."""
    import numpy as np

    assert mode.learned is not None
    examples = load_examples(mode)
    moves = [m.value for m in mode.move_ids]
    y = np.array([[m in e.moves for m in moves] for e in examples], dtype=np.float32)
    known = np.array([[m not in e.unknown for m in moves] for e in examples], dtype=np.float32)
    static, grams = features(vocabulary, [e.text for e in examples], NGRAM_SCALE)
    x = np.hstack([static, grams])
    ruled = [{m.value for m in classify_rules(e.text, mode.name).moves} for e in examples]
    # A set written before a move's label still shows what is not that move: only its lines
    # the rules read as the move stay unknown. Left unknown everywhere, the few hundred lines
    # that had the label gave the layer its sense of the move, and plain lines outside them
    # ("That makes sense") read as it.
    for row, e in enumerate(examples):
        for move in mode.learned.late_labels:
            if move in e.unknown and move not in ruled[row]:
                known[row, moves.index(move)] = 1.0

    # Out of fold: each blind writer's lines, scored by a model that never saw them.
    writers = sorted({e.source for e in examples if e.blind})
    oof = np.zeros_like(y)
    held = np.zeros(len(examples), dtype=bool)
    for writer in writers:
        test = np.array([e.source == writer for e in examples])
        w, b = fit(x[~test], y[~test], known[~test])
        oof[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w + b)))
        held |= test
    thresholds, per_move = [], {}
    for j, move in enumerate(moves):
        options = []
        for t in THRESHOLDS:
            tp = fp = fn = 0
            for i in np.flatnonzero(held & (known[:, j] > 0)):
                pred = move in ruled[i] or oof[i, j] >= t
                gold = move in examples[i].moves
                tp += pred and gold
                fp += pred and not gold
                fn += gold and not pred
            options.append((t, _prf(tp, fp, fn)))
        # The best F1 among thresholds precise enough; else the most precise one.
        precise = [o for o in options if o[1][0] >= MIN_PRECISION]
        if precise:
            chosen = max(precise, key=lambda o: (o[1][2], -o[0]))
        else:
            chosen = max(options, key=lambda o: (o[1][0], o[1][2]))
        thresholds.append(chosen[0])
        p, r, f = chosen[1]
        per_move[move] = {
            "threshold": chosen[0],
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
        }
    # A move with a late label is scored only where writers had it: show each of them.
    by_writer: dict[str, dict[str, dict[str, float]]] = {}
    for move in mode.learned.late_labels:
        j = moves.index(move)
        by_writer[move] = {}
        for writer in writers:
            tp = fp = fn = 0
            for i in np.flatnonzero(held & (known[:, j] > 0)):
                if examples[i].source != writer:
                    continue
                pred = move in ruled[i] or oof[i, j] >= thresholds[j]
                gold = move in examples[i].moves
                tp += pred and gold
                fp += pred and not gold
                fn += gold and not pred
            if tp + fn:
                p, r, f = _prf(tp, fp, fn)
                by_writer[move][writer] = {
                    "precision": round(p, 3),
                    "recall": round(r, 3),
                    "f1": round(f, 3),
                }
    w, b = fit(x, y, known)
    dims = static.shape[1]
    np.savez_compressed(
        mode.learned.weights,
        moves=np.array(moves),
        static_weights=w[:dims].astype(np.float32),
        ngram_weights=w[dims:].astype(np.float32),
        bias=b.astype(np.float32),
        thresholds=np.array(thresholds, dtype=np.float32),
        ngram_scale=np.float32(NGRAM_SCALE),
    )
    report = {
        "mode": mode.name,
        "examples": len(examples),
        "blind_writers": writers,
        "sources": {s: _digest(s, examples) for s in sorted({e.source for e in examples})},
        "unlabelled": {
            move: sorted({e.source for e in examples if move in e.unknown})
            for move in sorted(mode.learned.late_labels)
        },
        "out_of_fold": per_move,
        "out_of_fold_macro_f1": round(float(np.mean([v["f1"] for v in per_move.values()])), 3),
        "out_of_fold_by_writer": by_writer,
    }
    report_path = mode.learned.weights.with_suffix(".json")
    report_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def _digest(source: str, examples: list[Example]) -> str:
    lines = "\n".join(f"{e.text}\t{sorted(e.moves)}" for e in examples if e.source == source)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    """Train the learned layer of every mode that has one (or the modes named)."""
    from simulator.text.encoder import model_zip

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("modes", nargs="*", help="modes to train (default: all with a layer)")
    args = parser.parse_args(argv)
    vocabulary = Vocabulary(model_zip())
    for name in args.modes or list(mode_names()):
        mode = get_mode(name)
        if mode.learned is None:
            continue
        report = train_mode(mode, vocabulary)
        sys.stdout.write(
            f"{name}: {report['examples']} examples; out-of-fold macro-F1 "
            f"{report['out_of_fold_macro_f1']} -> {mode.learned.weights}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

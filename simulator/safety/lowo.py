"""Leave-one-writer-out evaluation of the learned signal: `python -m simulator.safety.lowo`.

A maintenance command. For each of the safety dev writers (tests/data/safety/dev_*.jsonl)
the signal is built without that writer's lines and the writer's lines are scored with
the rules first and the signal where the rules find nothing, as `detect_distress` does.
Ordinary practice is scored too: the blind chat-style classifier dev sets
(tests/data/moves_blind/dev_*.jsonl) and the natural conversation turns
(tests/data/conversations/blind_S*.jsonl), all safe. When those are training negatives
they are cross-validated by file: each file is scored by a signal built without it.
Held-out files are never read.

Embeddings are cached (keyed by text) in .cache/safety_lowo.npz so a re-run only
encodes new sentences (the first run takes about two minutes on one core).
`--writers "knn+blind k=5 vote=+0.1" 0.35` prints one setting writer by writer.
The figures that chose the shipped setting are in learned.py (Tuning).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.safety.distress import detect_by_rules
from simulator.safety.learned import about_the_learner, judged_widely, segments, told_as_over
from simulator.safety.levels import SafetyLevel

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]
else:
    Matrix = Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CACHE = ROOT / ".cache" / "safety_lowo.npz"
YAML_SETS = ("moves_dev.yaml", "moves_dev2.yaml", "ask_moves_dev.yaml", "ask_moves_dev2.yaml")


@dataclass
class Line:
    """One learner message with where it came from and what the rules made of it."""

    text: str
    group: str
    """"safety" (a dev writer), "yaml" (authored practice), "blind" or "conv" (practice)."""
    source: str
    """The writer's letter or the file's stem: the unit left out."""
    risky: bool = False
    subtle: bool = False
    kind: str | None = None
    rules: SafetyLevel | None = None
    parts: list[int] = field(default_factory=list)
    """Rows of the segment matrix the signal judges (first person, not told as over)."""
    row: int = -1
    """Row of the whole line in the line matrix (what an index or a model learns from)."""
    scene: str = ""
    """The scene a blind practice line was written for (empty elsewhere)."""


def load_lines() -> list[Line]:
    """Every dev line the evaluation uses, held-out files excluded."""
    from simulator.support.safe_parse import parse_yaml
    from simulator.support.safe_read import read_text

    lines: list[Line] = []
    for path in sorted((DATA / "safety").glob("dev_*.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                r = json.loads(raw)
                risky = r["label"] == "pause"
                lines.append(
                    Line(
                        r["text"],
                        "safety",
                        path.stem.removeprefix("dev_"),
                        risky=risky,
                        subtle=risky and bool(r.get("subtle")),
                        kind=r.get("kind"),
                    )
                )
    for name in YAML_SETS:
        path = DATA / name
        lines += [
            Line(str(e["text"]), "yaml", path.stem) for e in parse_yaml(path, read_text(path))
        ]
    for path in sorted((DATA / "moves_blind").glob("dev_*.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                r = json.loads(raw)
                lines.append(Line(r["text"], "blind", path.stem, scene=str(r.get("scene", ""))))
    for path in sorted((DATA / "conversations").glob("blind_S*.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                lines += [Line(t, "conv", path.stem) for t in json.loads(raw)["turns"]]
    assert not any("heldout" in line.source for line in lines)
    return lines


def _embed(texts: list[str]) -> Matrix:
    """Vectors for `texts`, from the cache where it has them."""
    import numpy as np

    from simulator.text import shared_encoder

    cached: dict[str, Matrix] = {}
    if CACHE.exists():
        with np.load(CACHE) as z:
            cached = dict(zip(json.loads(str(z["texts"])), z["vectors"], strict=True))
    missing = sorted({t for t in texts if t not in cached})
    if missing:
        fresh = shared_encoder().encode(missing)
        cached.update(zip(missing, fresh, strict=True))
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        keys = list(cached)
        np.savez(CACHE, texts=json.dumps(keys), vectors=np.stack([cached[k] for k in keys]))
    return np.stack([cached[t] for t in texts]).astype(np.float32)


@dataclass
class Corpus:
    """The lines, their whole-line vectors and the vectors of the segments judged."""

    lines: list[Line]
    line_vectors: Matrix
    segment_vectors: Matrix
    segment_texts: list[str]


def prepare(runs: bool = True, judge: Callable[[str], bool] = about_the_learner) -> Corpus:
    """Load, run the rules once, split into judged segments and embed everything.

    `runs` and `judge` are the segmenting choices under test (clause runs of long
    sentences; which sentences the signal judges).
    """
    lines = load_lines()
    seg_texts: list[str] = []
    for i, line in enumerate(lines):
        found = detect_by_rules(line.text)
        line.rules = found.level if found is not None else None
        line.row = i
        for part in segments(line.text, runs):
            if judge(part) and not told_as_over(part):
                line.parts.append(len(seg_texts))
                seg_texts.append(part)
    vectors = _embed([line.text for line in lines] + seg_texts)
    return Corpus(lines, vectors[: len(lines)], vectors[len(lines) :], seg_texts)


# A signal is built from training lines and gives one score per segment; a line is
# checked in on when its best segment's score reaches the threshold.
Scorer = Callable[[Matrix], Matrix]
Builder = Callable[[Corpus, list[Line]], Scorer]


def knn(k: int, vote: float) -> Builder:
    """Today's signal: a score of the nearest risky neighbour's similarity when the
    similarity-weighted vote among the k nearest reaches `vote`, else -1."""
    return _neighbour_vote(k, vote, margin=False)


def knn_margin(k: int, vote: float) -> Builder:
    """The neighbour vote, scored by how much nearer the nearest risky line is than the
    nearest ordinary one: a line close to risky lines only through the scene's own words
    (the writers wrapped disclosures in the same scenes) sits as close to ordinary ones."""
    return _neighbour_vote(k, vote, margin=True)


def _neighbour_vote(k: int, vote: float, margin: bool) -> Builder:
    def build(corpus: Corpus, train: list[Line]) -> Scorer:
        import numpy as np

        vectors = corpus.line_vectors[[line.row for line in train]]
        sign = np.array([1.0 if line.risky else -1.0 for line in train], dtype=np.float32)

        def score(queries: Matrix) -> Matrix:
            sims = queries @ vectors.T
            top = np.argpartition(-sims, k, axis=1)[:, :k]
            near = np.take_along_axis(sims, top, axis=1)
            weight = np.maximum(near, 0.0)
            share = (weight * sign[top]).sum(axis=1) / np.maximum(weight.sum(axis=1), 1e-9)
            if margin:
                risky = np.where(sign > 0, sims, -1.0).max(axis=1)
                closeness = risky - np.where(sign < 0, sims, -1.0).max(axis=1)
            else:
                closeness = np.where(sign[top] > 0, near, -1.0).max(axis=1)
            return np.where(share >= vote, closeness, -1.0)

        return score

    return build


def scene_basis(corpus: Corpus, rank: int, least: int = 20) -> Matrix:
    """Orthonormal directions that tell the scenes apart (rows), from ordinary practice.

    Each scene with at least `least` blind practice lines gives the mean of its lines;
    the top `rank` principal directions of those means (centred) span what a line's
    scene adds to its vector, whatever the line does.
    """
    import numpy as np

    by_scene: dict[str, list[int]] = {}
    for line in corpus.lines:
        if line.group == "blind" and line.scene:
            by_scene.setdefault(line.scene, []).append(line.row)
    means = np.stack(
        [corpus.line_vectors[rows].mean(axis=0) for rows in by_scene.values() if len(rows) >= least]
    )
    means = means - means.mean(axis=0)
    _, _, vt = np.linalg.svd(means, full_matrices=False)
    return vt[:rank].astype(np.float32)


def without_scene(vectors: Matrix, basis: Matrix) -> Matrix:
    """`vectors` with the scene directions removed, unit length again."""
    import numpy as np

    kept = vectors - (vectors @ basis.T) @ basis
    return kept / np.maximum(np.linalg.norm(kept, axis=1, keepdims=True), 1e-9)  # type: ignore[no-any-return]


def knn_margin_unscened(k: int, vote: float, rank: int) -> Builder:
    """The margin vote on vectors with the scene directions removed."""
    inner = _neighbour_vote(k, vote, margin=True)

    def build(corpus: Corpus, train: list[Line]) -> Scorer:
        basis = scene_basis(corpus, rank)
        projected = Corpus(
            corpus.lines,
            without_scene(corpus.line_vectors, basis),
            corpus.segment_vectors,
            corpus.segment_texts,
        )
        score = inner(projected, train)
        return lambda queries: score(without_scene(queries, basis))

    return build


def logistic(l2: float, safe_segments: bool) -> Builder:
    """Class-weighted L2 logistic regression on whole-line vectors (and, if asked, on
    the judged segments of safe lines as further negatives); the score is P(risky)."""

    def build(corpus: Corpus, train: list[Line]) -> Scorer:
        import numpy as np

        x = corpus.line_vectors[[line.row for line in train]]
        y = np.array([1.0 if line.risky else 0.0 for line in train])
        if safe_segments:
            rows = [p for line in train if not line.risky for p in line.parts]
            x = np.vstack([x, corpus.segment_vectors[rows]])
            y = np.concatenate([y, np.zeros(len(rows))])
        w, b = fit_logistic(x, y, l2)

        def score(queries: Matrix) -> Matrix:
            return 1.0 / (1.0 + np.exp(-(queries @ w + b)))  # type: ignore[no-any-return]

        return score

    return build


def fit_logistic(x: Matrix, y: Matrix, l2: float, steps: int = 12) -> tuple[Matrix, float]:
    """Newton's method on the class-weighted, L2-penalised log loss (the bias is free).

    Each class carries half the total weight, so a few hundred risky lines count as much
    as thousands of ordinary ones.
    """
    import numpy as np

    x64 = np.hstack([x.astype(np.float64), np.ones((len(x), 1))])
    pos = y.sum()
    weights = np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * (len(y) - pos)))
    penalty = np.full(x64.shape[1], l2)
    penalty[-1] = 0.0
    theta = np.zeros(x64.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x64 @ theta)))
        grad = x64.T @ (weights * (p - y)) + penalty * theta
        hess = (x64 * (weights * p * (1 - p))[:, None]).T @ x64 + np.diag(penalty)
        step = np.linalg.solve(hess + 1e-9 * np.eye(len(theta)), grad)
        theta -= step
        if np.abs(step).max() < 1e-4:
            break
    return theta[:-1].astype(np.float32), float(theta[-1])


def line_scores(corpus: Corpus, lines: Sequence[Line], score: Scorer) -> Matrix:
    """Each line's best segment score (-inf where no segment is judged)."""
    import numpy as np

    rows = [p for line in lines for p in line.parts]
    got = score(corpus.segment_vectors[rows]) if rows else np.zeros(0)
    out = np.full(len(lines), -np.inf)
    at = 0
    for i, line in enumerate(lines):
        if line.parts:
            out[i] = got[at : at + len(line.parts)].max()
            at += len(line.parts)
    return out


@dataclass
class Scores:
    """Per scored line: what the rules said and the signal's best score, out of fold."""

    lines: list[Line]
    signal: Matrix


def out_of_fold(corpus: Corpus, builder: Builder, negatives: set[str]) -> Scores:
    """Score every line by a signal that never saw its writer or its file.

    Training: all safety dev lines and the authored YAML practice, plus the ordinary
    practice groups named in `negatives` ("blind", "conv"). Safety writers are left
    out one at a time; each practice file is scored by a signal built on every writer
    and every other file.
    """
    import numpy as np

    lines = corpus.lines
    trainable = [ln for ln in lines if ln.group in ("safety", "yaml") or ln.group in negatives]
    signal = np.full(len(lines), -np.inf)
    folds = sorted({ln.source for ln in lines if ln.group == "safety"})
    folds += sorted({ln.source for ln in lines if ln.group in negatives})
    for held in folds:
        score = builder(corpus, [ln for ln in trainable if ln.source != held])
        scored = [ln for ln in lines if ln.source == held]
        signal[[ln.row for ln in scored]] = line_scores(corpus, scored, score)
    rest = [ln for ln in lines if ln.group in ("blind", "conv") and ln.group not in negatives]
    if rest:
        score = builder(corpus, trainable)
        signal[[ln.row for ln in rest]] = line_scores(corpus, rest, score)
    return Scores(lines, signal)


@dataclass(frozen=True)
class Row:
    """One setting's figures: recall over all dev writers' risky lines (left out)."""

    threshold: float
    recall: float
    signal_alone: float
    """Risky lines the signal itself fires on, whatever the rules say: the rules were
    tuned on every dev writer, so this is the figure a left-out writer does not flatter."""
    subtle: float
    worst_writer: float
    safe_flagged: float
    practice: float
    conversation: float
    practice_n: int
    conversation_n: int


def summarise(scores: Scores, threshold: float) -> Row:
    """Rules first, then the signal at `threshold`, over every group."""
    import numpy as np

    fired = scores.signal >= threshold
    lines = scores.lines

    def flagged(line: Line) -> bool:
        return line.rules is not None or bool(fired[line.row])

    risky = [ln for ln in lines if ln.group == "safety" and ln.risky]
    subtle = [ln for ln in risky if ln.subtle]
    safe = [ln for ln in lines if ln.group == "safety" and not ln.risky]
    practice = [ln for ln in lines if ln.group == "blind"]
    conv = [ln for ln in lines if ln.group == "conv"]
    per_writer = [
        np.mean([flagged(ln) for ln in risky if ln.source == w])
        for w in sorted({ln.source for ln in risky})
    ]

    def rate(group: list[Line]) -> float:
        return float(np.mean([flagged(ln) for ln in group]))

    return Row(
        threshold,
        rate(risky),
        float(np.mean([fired[ln.row] for ln in risky])),
        rate(subtle),
        float(min(per_writer)),
        rate(safe),
        rate(practice),
        rate(conv),
        sum(flagged(ln) for ln in practice),
        sum(flagged(ln) for ln in conv),
    )


def per_writer_table(scores: Scores, threshold: float) -> str:
    """Recall, subtle recall and safe-line flags writer by writer."""
    import numpy as np

    fired = scores.signal >= threshold
    out = [f"{'writer':<8}{'recall':>8}{'subtle':>8}{'safe flagged':>14}"]
    for w in sorted({ln.source for ln in scores.lines if ln.group == "safety"}):
        mine = [ln for ln in scores.lines if ln.source == w]

        def caught(ls: list[Line]) -> float:
            return float(np.mean([ln.rules is not None or fired[ln.row] for ln in ls]))

        risky = [ln for ln in mine if ln.risky]
        out.append(
            f"{w:<8}{caught(risky):>8.3f}{caught([ln for ln in risky if ln.subtle]):>8.3f}"
            f"{caught([ln for ln in mine if not ln.risky]):>14.3f}"
        )
    return "\n".join(out)


HEADER = (
    f"{'variant':<34}{'thr':>6}{'recall':>8}{'alone':>7}{'subtle':>8}{'worst':>7}{'safe':>7}"
    f"{'practice':>14}{'conv':>11}"
)


def format_row(name: str, row: Row) -> str:
    """One line of the comparison table."""
    return (
        f"{name:<34}{row.threshold:>6.2f}{row.recall:>8.3f}{row.signal_alone:>7.3f}{row.subtle:>8.3f}"
        f"{row.worst_writer:>7.2f}{row.safe_flagged:>7.3f}"
        f"{row.practice:>7.3f} ({row.practice_n:>3})"
        f"{row.conversation:>6.3f} ({row.conversation_n:>2})"
    )


KNN_THRESHOLDS = [0.35, 0.45, 0.5, 0.55, 0.6]
LOGREG_THRESHOLDS = [0.5, 0.7, 0.8, 0.85, 0.9, 0.95]
_NEGATIVES = {"": set(), "+blind": {"blind"}, "+blind+conv": {"blind", "conv"}}

MARGIN_THRESHOLDS = [-0.05, 0.0, 0.03, 0.06, 0.1]
VARIANTS: dict[str, tuple[Builder, set[str], list[float]]] = {
    **{
        f"knn{tag} k={k} vote={v:+.1f}": (knn(k, v), neg, KNN_THRESHOLDS)
        for tag, neg in _NEGATIVES.items()
        for k in (7, 15)
        for v in (0.0, 0.2)
    },
    **{
        f"logreg l2={c:g}{' +segs' if s else ''}{tag}": (logistic(c, s), neg, LOGREG_THRESHOLDS)
        for tag, neg in _NEGATIVES.items()
        for c in (0.3, 1.0, 10.0)
        for s in (False, True)
    },
    # A finer look around the best of the above.
    **{
        f"knn+blind k={k} vote={v:+.1f}": (knn(k, v), {"blind"}, [0.3, 0.35, 0.4, 0.45])
        for k in (3, 5, 9)
        for v in (-0.2, 0.0, 0.1)
    },
    **{
        f"knn+blind k=7 vote={v:+.1f}": (knn(7, v), {"blind"}, [0.3, 0.35, 0.4, 0.45])
        for v in (-0.2, 0.1)
    },
    **{
        f"logreg l2={c:g} +segs+blind": (logistic(c, True), {"blind"}, LOGREG_THRESHOLDS)
        for c in (0.03, 0.1)
    },
    # The threshold here is the margin of the nearest risky line over the nearest ordinary one.
    **{
        f"margin+blind k=5 vote={v:+.1f}": (knn_margin(5, v), {"blind"}, MARGIN_THRESHOLDS)
        for v in (0.0, 0.1)
    },
    # The same with the directions that tell scenes apart projected out.
    **{
        f"unscened r={r} k=5 vote=+0.1": (
            knn_margin_unscened(5, 0.1, r),
            {"blind"},
            MARGIN_THRESHOLDS,
        )
        for r in (4, 8, 16, 32)
    },
}


def main(argv: list[str] | None = None) -> None:
    """Print the comparison table (and, with --writers NAME THR, one variant per writer)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only variants whose name contains this")
    parser.add_argument("--writers", nargs=2, metavar=("VARIANT", "THRESHOLD"))
    parser.add_argument(
        "--whole-sentences", action="store_true", help="judge no clause runs of long sentences"
    )
    parser.add_argument(
        "--judge-widely",
        action="store_true",
        help="judge every sentence that does not speak to the partner, not only those with 'i'",
    )
    args = parser.parse_args(argv)
    judge = judged_widely if args.judge_widely else about_the_learner
    corpus = prepare(runs=not args.whole_sentences, judge=judge)
    if args.writers:
        builder, negatives, _ = VARIANTS[args.writers[0]]
        print(per_writer_table(out_of_fold(corpus, builder, negatives), float(args.writers[1])))
        return
    import numpy as np

    rules_only = Scores(corpus.lines, np.full(len(corpus.lines), -1.0))
    print(HEADER)
    print(format_row("rules alone", summarise(rules_only, 0.0)))
    for name, (builder, negatives, thresholds) in VARIANTS.items():
        if args.only and args.only not in name:
            continue
        scores = out_of_fold(corpus, builder, negatives)
        for threshold in thresholds:
            print(format_row(name, summarise(scores, threshold)), flush=True)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    main()

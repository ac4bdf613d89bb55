"""Stance by meaning: a learned second signal beside the stance rules.

Word lists catch "I'm so sorry, you're right" while the plan pushes back and "Noted. Are
we done?" while it opens up; they miss coldness and warmth in plain words ("Sure. So,
about that feedback email.", "Hi love! So glad you're back"). For each plan direction
(holding back, or coming round) a logistic model reads the reply's sentence vector, the
learner's message's vector and the reply's character n-grams, trained on the blind dev
sets' good replies and stance errors (`make guard-tone`). Its threshold is set so that,
scored leave-one-writer-out, it rejects at most `GOOD_BUDGET` of good replies. Every
rejection names the stance error from the dev sets that the reply reads most like.

Where the encoder or the model file is missing the signal says nothing (rules only).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.classifier.features import ngram_vector
from simulator.guard.topic import vector

if TYPE_CHECKING:
    import numpy as np

    from simulator.guard.context import GuardContext

    Matrix = np.ndarray[Any, Any]

MODEL_DIR = Path(__file__).resolve().parent / "data"
"""Where `make guard-tone` writes the weights (tone.npz) and their report (tone.json)."""

HOLDING = frozenset({"push_back", "stay_guarded"})
"""Plan stances in which warmth is the error; in the others, coldness is."""

NGRAM_NORM = 4.0
"""The n-gram block's norm beside two unit sentence vectors (chosen leave-one-writer-out)."""

GOOD_BUDGET = 0.015
"""At most this share of good replies, scored by a model that never saw their writer,
may be rejected by the signal (per direction); the threshold follows from it."""


def direction(stance: str) -> str:
    """The direction of a plan stance: "hold" (holding back) or "open" (coming round)."""
    return "hold" if stance in HOLDING else "open"


def features(reply: Matrix, learner: Matrix, text: str) -> Matrix:
    """One row: the reply's vector, the learner's vector, the reply's n-gram block."""
    import numpy as np

    grams = ngram_vector(text, NGRAM_NORM)
    return np.concatenate([reply.astype(np.float32), learner.astype(np.float32), grams])


@dataclass(frozen=True)
class ToneModel:
    """Weights, bias and threshold per direction, and the stance errors to name."""

    weights: dict[str, Matrix]
    bias: dict[str, float]
    threshold: dict[str, float]
    examples: dict[str, list[str]]
    example_vectors: dict[str, Matrix]

    def score(self, way: str, row: Matrix) -> float:
        """The probability that this reply goes against a plan of this direction."""
        from simulator.text.logistic import sigmoid

        return float(sigmoid(row @ self.weights[way] + self.bias[way]))

    def nearest(self, way: str, reply: Matrix) -> str:
        """The dev stance error of this direction closest to the reply."""
        sims = self.example_vectors[way].astype("float32") @ reply
        return self.examples[way][int(sims.argmax())]


@lru_cache(maxsize=1)
def load_model(folder: Path = MODEL_DIR) -> ToneModel | None:
    """The shipped model, or None when it has not been built."""
    import numpy as np

    weights_path, report_path = folder / "tone.npz", folder / "tone.json"
    if not weights_path.is_file() or not report_path.is_file():
        return None
    report = json.loads(report_path.read_text(encoding="utf-8"))
    with np.load(weights_path) as data:
        ways = ("hold", "open")
        return ToneModel(
            weights={w: data[f"{w}_weights"] for w in ways},
            bias={w: float(data[f"{w}_bias"][0]) for w in ways},
            threshold={w: float(report["threshold"][w]) for w in ways},
            examples={w: list(report["examples"][w]) for w in ways},
            example_vectors={w: data[f"{w}_examples"] for w in ways},
        )


def against_plan(text: str, ctx: GuardContext) -> str | None:
    """The reply reads warm while the plan holds back, or cold while it comes round."""
    if ctx.plan is None or not text.strip():
        return None
    model = load_model()
    reply = vector(text)
    if model is None or reply is None:
        return None
    learner = vector(ctx.learner) if ctx.learner.strip() else reply * 0
    way = direction(ctx.plan.stance)
    # A hot partner coming round may still be curt ("Not now."), as the word rules allow;
    # no blind writer marked such a reply as cold.
    if way == "open" and ctx.plan.heat == "hot":
        return None
    p = model.score(way, features(reply, learner, text))
    if p <= model.threshold[way]:
        return None
    tone = "warm" if way == "hold" else "cold"
    return f'reads {tone} ({p:.2f}), like "{model.nearest(way, reply)}"'

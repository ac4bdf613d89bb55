"""The second signal: a message close in meaning to known risky lines earns a check-in.

The rules catch the ways of saying it that someone has listed; people find others
("i wont be having many more birthdays anyway"). Sentence embeddings of the
labelled dev lines (simulator/text) let a new phrasing be judged by its nearest
examples. This signal never pauses on its own: it only asks the learner, and it
names the example it matched so the decision can be explained.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.safety import context
from simulator.safety.levels import Distress, DistressKind, SafetyLevel
from simulator.safety.normalize import fold

if TYPE_CHECKING:
    from simulator.text import Neighbours

INDEX_DIR = Path(__file__).parent / "data"
VECTORS = INDEX_DIR / "neighbours.npy"
EXAMPLES = INDEX_DIR / "neighbours.jsonl"

_SEGMENT = re.compile(r"[.!?;\n]+|\s(?:anyway|ok anyway|back to)\s")
# "me" alone does not count: "you counted on me" is about the partner.
_FIRST_PERSON = re.compile(r"\b(?:i|my|myself|mine)\b")


def about_the_learner(sentence: str) -> bool:
    """True for a sentence in which the learner speaks of themself ("i", "my").

    The learned signal judges only these: "did he hit you with that comment" is about
    the partner, and a bare fragment ("message number 1") lands near whatever dev lines
    share its words. Disclosures without a subject ("bought a rope today") are the
    rules' to catch.
    """
    return _FIRST_PERSON.search(fold(sentence)) is not None


def told_as_over(sentence: str) -> bool:
    """True for a sentence set in a past that is over or inside a film or game.

    The rules explain these away ("my best friend tried to kms last year and shes doing
    so much better now", "i keep killing everyone in among us"); the learned signal
    does the same, with the same words that say it is happening now or for real.
    """
    folded = fold(sentence)
    if context.PAST.search(folded) and not context.RECENT.search(folded):
        return True
    return bool(context.MEDIA.search(folded)) and not context.SERIOUS.search(folded)


@dataclass(frozen=True)
class Tuning:
    """How close and how unanimous the neighbours must be (set on the dev sets)."""

    k: int = 7
    vote: float = 0.2
    """Similarity-weighted share of risky neighbours among the k nearest (-1..1)."""
    nearest: float = 0.35
    """Chosen on dev data the index did not hold (two writers left out), against how often
    ordinary practice lines get a check-in: the signal alone caught 74% of those writers'
    risky lines and checked in on 5% of their look-alike safe lines, on none of 318 held-out
    ordinary practice lines and on none of 182 eval-case learner lines (a vote of 0.0
    caught 84% but checked in on 3 of those 182).

    Third round: with I and J in the index it checks in on 66 of the 2,186 blind practice
    lines of the classifier's dev sets that the rules leave alone (3%), and on 14 of 240
    natural conversation turns. A nearest of 0.55, chosen on dev data after the third
    held-out set was scored, would cut those to 9 and 4, but it caught 320 rather than
    375 of 524 dev risky lines with their writer left out, and the held-out recall, re-scored,
    fell from 0.94 to 0.85. A missed disclosure costs more than a question the learner
    answers with one key, so the frozen 0.35 stays."""
    """The closest risky neighbour must be at least this similar."""


TUNING = Tuning()


def segments(text: str) -> list[str]:
    """The whole message and each sentence of three words or more (a disclosure may be one)."""
    parts = [p.strip() for p in _SEGMENT.split(text) if len(p.split()) >= 3]
    return [text, *(p for p in parts if p != text.strip())]


class LearnedSignal:
    """Nearest labelled examples decide whether a message deserves a check-in."""

    def __init__(self, neighbours: Neighbours, kinds: list[str], tuning: Tuning = TUNING) -> None:
        self.neighbours = neighbours
        self.kinds = kinds
        self.tuning = tuning

    @functools.lru_cache(maxsize=2048)  # noqa: B019 - one signal per process, kept for its life
    def check(self, text: str) -> Distress | None:
        """A check-in when a sentence of the message sits among risky examples, else None."""
        from simulator.text import shared_encoder

        parts = [p for p in segments(text) if about_the_learner(p) and not told_as_over(p)]
        if not parts:
            return None
        for query in shared_encoder().encode(parts):
            near = self.neighbours.nearest(query, self.tuning.k)
            total = sum(max(n.similarity, 0.0) for n in near) or 1.0
            vote = sum((1 if n.label == "pause" else -1) * max(n.similarity, 0.0) for n in near)
            risky = [n for n in near if n.label == "pause"]
            if vote / total >= self.tuning.vote and risky[0].similarity >= self.tuning.nearest:
                closest = risky[0]
                kind = self.kinds[closest.index]
                return Distress(
                    kind=DistressKind(kind),
                    evidence=f'close to "{closest.text}" ({closest.similarity:.2f})',
                    level=SafetyLevel.CHECK_IN,
                    rule="learned",
                )
        return None


_SIGNAL: LearnedSignal | None = None
_LOADED = False
_LOCK = threading.Lock()


def learned_signal() -> LearnedSignal | None:
    """The shipped signal, loaded once; None where numpy or the text model is missing."""
    global _SIGNAL, _LOADED
    with _LOCK:
        if not _LOADED:
            _LOADED = True
            _SIGNAL = _load()
        return _SIGNAL


def warm_up() -> bool:
    """Load the learned signal now (about a second) so the first message does not wait."""
    return learned_signal() is not None


def _load() -> LearnedSignal | None:
    try:
        import numpy as np

        from simulator.text import EncoderUnavailable, Neighbours, shared_encoder

        shared_encoder()
    except (ImportError, EncoderUnavailable):
        return None
    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line]
    vectors = np.load(VECTORS).astype(np.float32)
    neighbours = Neighbours(vectors, [r["text"] for r in rows], [r["label"] for r in rows])
    return LearnedSignal(neighbours, [r.get("kind") or "self_harm" for r in rows])

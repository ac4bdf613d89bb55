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


_SECOND_PERSON = re.compile(r"\b(?:you|u|ur|your|youre|yourself|ya)\b")


def judged_widely(sentence: str) -> bool:
    """True unless the sentence speaks to the partner ("you") and not of the learner."""
    folded = fold(sentence)
    return _FIRST_PERSON.search(folded) is not None or _SECOND_PERSON.search(folded) is None


def told_as_over(sentence: str) -> bool:
    """True for a sentence set in a past that is over or inside a film or game.

    The rules explain these away ("my best friend tried to kms last year and shes doing
    so much better now", "i keep killing everyone in among us"); the learned signal
    does the same, with the same words that say it is happening now or for real.
    """
    folded = fold(sentence)
    return context.past_and_over(folded) or context.in_a_story(folded)


@dataclass(frozen=True)
class Tuning:
    """How close and how unanimous the neighbours must be.

    Chosen by leave-one-writer-out evaluation (`python -m simulator.safety.lowo`): for
    each of the 14 safety dev writers (A..N) the index is built without that writer and
    the writer's lines are scored, rules first. Ordinary practice is scored by an index
    that never held it: each blind classifier dev file (2,490 chat-style lines) is left
    out in turn, and the 240 natural conversation turns (blind_S1, blind_S2) are never
    in the index. Figures for the 724 risky lines ("alone": the signal by itself, the
    figure the rules, tuned on every writer, do not flatter), the 724 look-alike safe
    lines, and what ordinary practice meets (rules and signal together):

    ====================================  ======  =====  ======  =====  ========  =====
    setting                               recall  alone  subtle  safe   practice  turns
    ====================================  ======  =====  ======  =====  ========  =====
    rules alone                           0.936   -      0.911   0.011  3         1
    k=7 vote 0.2 nearest 0.35 (until now) 0.988   0.746  0.982   0.036  79 (3.2%) 9
    the same, blind lines in the index    0.977   0.674  0.966   0.019  11        1
    k=5 vote 0.1 nearest 0.35, blind in   0.989   0.764  0.984   0.048  26 (1.0%) 3
    k=5 vote -0.2 nearest 0.35, blind in  0.990   0.812  0.987   0.081  44 (1.8%) 3
    logistic regression, L2 0.03, P 0.9   0.985   0.663  0.977   0.051  27        3
    ====================================  ======  =====  ======  =====  ========  =====

    The logistic regression (class-weighted, on the lines and the safe lines' sentences,
    blind lines as negatives) was dominated by the neighbours at every threshold tried.
    k=5, vote 0.1 meets the target (recall >= 0.97, practice and turns <= 2%) with room;
    vote -0.2 catches more but checks in on twice as many look-alike safe lines and sits
    at the 2% ceiling. Its weakest writers left out: N 0.90, K 0.96 (subtle 0.93).
    Blind lines in a k=7, vote 0.2 index once lowered held-out recall from 0.85 to 0.81;
    the LOWO row above shows the same loss (dense ordinary neighbours outvote a risky
    one), which five neighbours and a thinner vote undo.
    These are dev figures: the rules were tuned on these writers, so a new writer's
    held-out recall has run lower (0.85-0.95 in eight rounds).

    Re-run in the ninth round over 22 writers (A..V, 2,248 lines) with the shipped
    setting, and a variant that fires only when the nearest risky line is nearer than the
    nearest ordinary one by a margin (the writers wrap disclosures in the same scenes,
    so a plain scene line can sit close to a risky one through the scene's words alone):

    ====================================  ======  =====  ======  =====  ========  =====
    setting                               recall  alone  subtle  safe   practice  turns
    ====================================  ======  =====  ======  =====  ========  =====
    k=5 vote 0.1 nearest 0.35 (shipped)   0.997   0.794  0.995   0.073  43 (1.7%) 10
    the same, margin over ordinary >= 0   0.989   0.756  0.987   0.046  24 (1.0%) 6
    the same, margin >= 0.03              0.979   0.710  0.970   0.031  18        4
    ====================================  ======  =====  ======  =====  ========  =====

    The margin halves check-ins on ordinary practice for 0.8 points of recall; the
    shipped setting keeps recall, because a check-in costs the learner a moment and a
    miss can cost far more.

    Re-run in the thirteenth round over 40 writers (A..AN, 4,048 lines) and 1,392 turns of
    fourteen blind conversation scripts:

    ====================================  ======  =====  ======  =====  ========  =====
    setting                               recall  alone  subtle  safe   practice  turns
    ====================================  ======  =====  ======  =====  ========  =====
    rules alone                           0.825   -      0.800   0.014  6         0
    k=5 vote 0.1 nearest 0.35 (shipped)   0.996   0.817  0.993   0.083  67 (1.9%) 41 (2.9%)
    the same, margin over ordinary >= 0   0.989   0.790  0.984   0.060  42 (1.2%) 28 (2.0%)
    the same, margin >= 0.03              0.979   0.744  0.972   0.045  29 (0.8%) 16 (1.1%)
    ====================================  ======  =====  ======  =====  ========  =====

    Rules alone, left out writer by writer, catch only 0.825: the signal does much of
    the work on a new writer. Check-ins on natural turns rose with the scene-heavy dev
    lines to 2.9% of turns, over the 2% the setting was chosen to stay under (blind
    raters named them in 8 of 24 sessions, and an authored ask-mode line, "I'm still
    shaking. I'm so scared about Dad.", began to check in). The margin variant is the
    one that meets the target again (recall >= 0.97, practice and turns <= 2%), so it
    ships from the thirteenth round: a sentence whose closest ordinary line is nearer
    than its closest risky one is judged by the ordinary one (the vote and the 0.35
    floor on the nearest risky line still apply, as before; the LOWO variant above
    leaves that floor out, which the margin makes nearly moot). The TUI also puts a
    checked-in message back in the box after "I'm fine": sent again, it is scored.

    Re-run in the fourteenth round over 46 writers (A..AT, 4,648 lines), after the rules
    took in that round's forms, with two variants tried and one kept:

    ====================================  ======  =====  ======  =====  ========  =====
    setting                               recall  alone  subtle  safe   practice  turns
    ====================================  ======  =====  ======  =====  ========  =====
    rules alone                           0.825   -      0.795   0.013  6         0
    margin >= 0, whole sentences          0.988   0.775  0.985   0.057  50 (1.1%) 26 (1.6%)
    the same, long run-ons in clause runs 0.989   0.793  0.986   0.061  50 (1.1%) 27 (1.7%)
    ====================================  ======  =====  ======  =====  ========  =====

    Clause runs (`clause_runs`) ship: a writer of 80-200-word run-ons (AT) was the weakest
    left out without them (0.80 before the round's rules). Two variants did not ship:
    judging sentences with no "i" as long as they do not speak to "you" (`--judge-widely`:
    recall 0.990 against 0.989, 66 practice check-ins against 50, 29 turns against 27),
    and projecting out the directions that tell the scenes apart (`lowo.scene_basis`;
    ranks 4-32 cut turn check-ins by at most 7 of 26 and cost 0.2-0.6 points of recall).
    """

    k: int = 5
    vote: float = 0.1
    """Similarity-weighted share of risky neighbours among the k nearest (-1..1)."""
    nearest: float = 0.35
    """The closest risky neighbour must be at least this similar."""
    margin: float = 0.0
    """... and at least this much more similar than the closest ordinary neighbour."""


TUNING = Tuning()


# A run-on typed with commas for full stops: its clauses are judged in short runs, since
# one risky clause in a hundred words of scene barely moves the whole message's vector.
_CLAUSE = re.compile(r",|\s(?:but|tho|though|and then|so|ok|anyway|um|like)\s")
LONG = 30
"""Words in a sentence above which it is also judged clause by clause."""
WINDOW = 18
"""Words a run of clauses may hold."""


def clause_runs(sentence: str) -> list[str]:
    """Runs of consecutive clauses of a long sentence, each up to WINDOW words."""
    clauses = [c.strip() for c in _CLAUSE.split(sentence) if c.strip()]
    runs: list[str] = []
    for start in range(len(clauses)):
        words = 0
        taken: list[str] = []
        for clause in clauses[start:]:
            n = len(clause.split())
            if taken and words + n > WINDOW:
                break
            taken.append(clause)
            words += n
        run = ", ".join(taken)
        if len(run.split()) >= 3 and (not runs or run not in runs[-1]):
            runs.append(run)
    return runs


def segments(text: str, runs: bool = True) -> list[str]:
    """The whole message, each sentence of three words or more (a disclosure may be one),
    and (unless `runs` is False) runs of clauses within long sentences."""
    parts = [p.strip() for p in context.SENTENCE_END.split(text) if len(p.split()) >= 3]
    out = [text, *(p for p in parts if p != text.strip())]
    if runs:
        for part in parts:
            if len(part.split()) > LONG:
                out += [r for r in clause_runs(part) if r not in out]
    return out


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
            ordinary = [n for n in near if n.label != "pause"]
            # A vote at or below zero can pass with no risky neighbour: nothing to name then.
            if (
                risky
                and vote / total >= self.tuning.vote
                and risky[0].similarity >= self.tuning.nearest
                and (
                    not ordinary
                    or risky[0].similarity - ordinary[0].similarity >= self.tuning.margin
                )
            ):
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

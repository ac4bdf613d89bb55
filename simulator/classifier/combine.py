"""The classifier as the rest of attune calls it: the rules first, then the learned layer.

The rules keep what they do well (precision, the exact words, negation, sarcasm);
the learned layer adds the moves no rule found, each with its confidence and the
clause that carries it. When neither tags anything, the learned layer's best guess
under its threshold is kept as `closest`, so the learner can be told what it nearly
was instead of being blamed.
"""

from __future__ import annotations

from simulator.classifier.learned import LearnedTag, learned_model
from simulator.classifier.meta import breaks_role_play
from simulator.classifier.rules import (
    MAX_CLASSIFIED_CHARS,
    apply_sarcasm,
    read_rules,
    unquoted_missteps,
)
from simulator.classifier.schema import CLEAR_READ, Classification, Guess, Span
from simulator.modes import AnyMove, Mode, PracticeMode, get_mode, modes, parse_move
from simulator.support.textsafe import controls_as_spaces

MIN_WORDS = 3
"""Shorter replies ("relax", "come here") carry too little for the learned layer to read
safely (a single word pushes every score to an extreme); the rules handle the short forms
they list."""


def classify(text: str, mode: PracticeMode = "listen") -> Classification:
    """Tag one learner message with zero or more moves, each with the words behind it.

    `mode` picks the move set: `listen` (attuning to an upset partner) or `ask`
    (asking a partner for attunement).
    """
    rule_reading = read_rules(text, mode)
    ruled = rule_reading.classification
    practice_mode = get_mode(mode)
    spec = practice_mode.learned
    model = learned_model(spec.weights if spec is not None else None)
    if model is None:
        return ruled
    # Same length as the text, so the clauses it quotes keep their offsets.
    window = controls_as_spaces(text[:MAX_CLASSIFIED_CHARS])
    if len([w for w in window.split() if any(ch.isalnum() for ch in w)]) < MIN_WORDS:
        return ruled
    if breaks_role_play(window):
        return ruled  # talk to the program, not the partner: no move to learn or guess
    reading = model.read(window)
    found = set(ruled.moves)
    added = [_span(tag, text) for tag in reading.tags if tag.move not in found]
    if added:
        added = _kept(text, mode, practice_mode, ruled.spans, added, rule_reading.negated)
    if not added and ruled.moves:
        return ruled
    spans = sorted([*ruled.spans, *added], key=lambda s: (s.start, s.end))
    moves = list(dict.fromkeys(s.move for s in spans))
    closest = None
    if not moves and reading.best is not None:
        best = reading.best
        closest = Guess(
            move=parse_move(best.move),
            confidence=best.confidence,
            text=text[best.start : best.end],
        )
    return Classification(text=text, moves=moves, spans=spans, closest=closest)


def _kept(
    text: str,
    mode: PracticeMode,
    practice_mode: Mode,
    ruled: list[Span],
    added: list[Span],
    negated: frozenset[AnyMove],
) -> list[Span]:
    """The learned tags the rules do not contradict, with the rules' sarcasm applied.

    The rules are the precise half: a wording they saw negated is not added back; a
    tag on the same words as a rule tag of the other polarity is dropped; and warm
    words in a sentence with a sarcasm cue turn into the mode's sarcastic move, as
    they do for the rules' own tags.
    """
    helpful = practice_mode.helpful
    allowed = [s for s in added if s.move not in negated and not _contradicted(s, ruled, helpful)]
    # Two learned readings of opposite polarity on the same words ("i feel like im
    # drowning" as a soft start and as criticism): the layer is unsure which it is,
    # so only the more confident stands.
    allowed = [s for s in allowed if not _outweighed(s, allowed, helpful)]
    # A guessed misstep on words a rule already read as one ("you always twist what i
    # say": counter-attack by rule, correcting the facts at 0.54) would charge the
    # learner twice for one clause.
    allowed = [s for s in allowed if not _second_guess(s, ruled, helpful)]
    kept: list[Span] = []
    for span in unquoted_missteps(text, apply_sarcasm(text, allowed, mode), mode):
        if all(k.move != span.move for k in kept) and all(r.move != span.move for r in ruled):
            kept.append(span)
    return kept


def _outweighed(span: Span, learned: list[Span], helpful: frozenset[AnyMove]) -> bool:
    mine = span.confidence or 0.0
    return any(
        _clash(span, other, helpful) and (other.confidence or 0.0) > mine for other in learned
    )


def _second_guess(span: Span, ruled: list[Span], helpful: frozenset[AnyMove]) -> bool:
    if span.move in helpful or (span.confidence or 0.0) >= CLEAR_READ:
        return False
    return any(r.move not in helpful and _overlap(span, r) for r in ruled)


def _contradicted(span: Span, ruled: list[Span], helpful: frozenset[AnyMove]) -> bool:
    return any(_clash(span, r, helpful) for r in ruled)


def _clash(a: Span, b: Span, helpful: frozenset[AnyMove]) -> bool:
    """Two readings of opposite polarity on overlapping words."""
    return (a.move in helpful) != (b.move in helpful) and _overlap(a, b)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _span(tag: LearnedTag, text: str) -> Span:
    return Span(
        move=parse_move(tag.move),
        start=tag.start,
        end=tag.end,
        text=text[tag.start : tag.end],
        confidence=tag.confidence,
    )


def warm_up() -> None:
    """Load every mode's learned layer now (from a background thread), not at the first message."""
    for mode in modes():
        if mode.learned is not None:
            learned_model(mode.learned.weights)

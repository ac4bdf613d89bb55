"""The offline rule classifier: tags a learner message with moves and the spans behind them."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from simulator.ask_moves import AskMove
from simulator.classifier.ask_lexicon import ASK_RULES, ASK_SARCASM_CUES
from simulator.classifier.lexicon import (
    NEGATION_WINDOW,
    NEGATORS,
    RULES,
    SARCASM_CUES,
    SHORTHANDS,
    Rule,
)
from simulator.classifier.prefilter import bounded_branch, bounded_run
from simulator.classifier.schema import Classification, Span
from simulator.moves import Move
from simulator.movesets import AnyMove, PracticeMode, helpful_moves

# Past this many characters a message is classified on its opening only: a
# pasted essay still gets tags, and the cost per message stays bounded.
MAX_CLASSIFIED_CHARS = 8_000

_APOSTROPHES = "\u2019\u2018\u02bc`"
# Apostrophes unified and ASCII letters lower-cased, one character for one, so
# match offsets stay valid for the original text. The rules are written in
# lower case and compiled case-sensitively, which is markedly faster than
# IGNORECASE.
_NORMALIZE = str.maketrans(
    string.ascii_uppercase + _APOSTROPHES, string.ascii_lowercase + "'" * len(_APOSTROPHES)
)
_CLAUSE_BREAK = re.compile(r"[.!?;,:]|\bbut\b|\band\b|\bif\b|\bbecause\b|\bso\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]+")


@dataclass(frozen=True, slots=True)
class _CompiledMove:
    move: AnyMove
    regex: re.Pattern[str]
    rules: tuple[Rule, ...]


def _expand(pattern: str) -> str:
    for key, value in SHORTHANDS.items():
        pattern = pattern.replace(key, value)
    return pattern


def _alternation(rules: list[Rule]) -> str:
    """One branch per rule, in rule order, each in its own named group.

    Runs of rules that open with a word boundary (and so, by the lexicon's
    convention, on a word character) share one leading "start of a word"
    check, narrowed to the characters those rules can open with: the engine
    then rejects most positions, inside words, between words and at word
    ends, with one test instead of trying every branch there. Each branch
    then tests its own first character before anything costlier. Branch
    order, and so which rule wins at a position, is unchanged.
    """
    parts: list[str] = []
    bounded: list[str] = []
    firsts: list[frozenset[str] | None] = []
    for i, rule in enumerate(rules):
        pattern = _expand(rule.pattern)
        if pattern.startswith(r"\b"):
            branch, first = bounded_branch(i, pattern[2:])
            bounded.append(branch)
            firsts.append(first)
            continue
        if bounded:
            parts.append(bounded_run(bounded, firsts))
            bounded, firsts = [], []
        parts.append(f"(?P<r{i}>{pattern})")
    if bounded:
        parts.append(bounded_run(bounded, firsts))
    return "|".join(parts)


class _RuleSet(NamedTuple):
    """One practice mode's compiled rules, and what its sarcasm turns helpful words into."""

    moves: tuple[_CompiledMove, ...]
    negators: re.Pattern[str]
    sarcasm: re.Pattern[str]
    helpful: frozenset[AnyMove]
    sarcastic: AnyMove


_SOURCES: dict[PracticeMode, tuple[tuple[Rule, ...], str, AnyMove]] = {
    "listen": (RULES, SARCASM_CUES, Move.COUNTER_ATTACK),
    "ask": (ASK_RULES, ASK_SARCASM_CUES, AskMove.CONTEMPT),
}


@lru_cache(maxsize=len(_SOURCES))
def _compiled(mode: PracticeMode = "listen") -> _RuleSet:
    """Compile one alternation per move; a named group per rule tells which rule fired."""
    table, cues, sarcastic = _SOURCES[mode]
    by_move: dict[AnyMove, list[Rule]] = {}
    for rule in table:
        by_move.setdefault(rule.move, []).append(rule)
    compiled = []
    for move, rules in by_move.items():
        compiled.append(_CompiledMove(move, re.compile(_alternation(rules)), tuple(rules)))
    negators = re.compile(NEGATORS, re.IGNORECASE)
    sarcasm = re.compile(cues, re.IGNORECASE)
    return _RuleSet(tuple(compiled), negators, sarcasm, helpful_moves(mode), sarcastic)


def _named(value: str) -> AnyMove:
    """The move a rule's `negated` names, from either move set."""
    return AskMove(value) if value in AskMove.__members__.values() else Move(value)


def _is_negated(text: str, start: int, negators: re.Pattern[str]) -> bool:
    window = text[max(0, start - NEGATION_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return negators.search(window) is not None


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Where wordings for different moves overlap, the longer wording wins."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(k.move == span.move or span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return kept


def _apply_sarcasm(text: str, spans: list[Span], rules: _RuleSet) -> list[Span]:
    cues = [m.start() for m in rules.sarcasm.finditer(text)]
    if not cues:
        return spans
    ends = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]

    def sentence_of(pos: int) -> int:
        return next(i for i, end in enumerate(ends) if pos <= end)

    cue_sentences = {sentence_of(c) for c in cues}
    turned = []
    for span in spans:
        if span.move in rules.helpful and sentence_of(span.start) in cue_sentences:
            span = Span(move=rules.sarcastic, start=span.start, end=span.end, text=span.text)
        turned.append(span)
    return turned


def classify(text: str, mode: PracticeMode = "listen") -> Classification:
    """Tag one learner message with zero or more moves, each with the span that triggered it.

    `mode` picks the move set: `listen` (attuning to an upset partner) or `ask`
    (asking a partner for attunement).
    """
    rules = _compiled(mode)
    moves_re, negators = rules.moves, rules.negators
    window = text[:MAX_CLASSIFIED_CHARS].translate(_NORMALIZE)
    spans: list[Span] = []
    for compiled in moves_re:
        pos = 0
        while (match := compiled.regex.search(window, pos)) is not None:
            start, end = match.span()
            group = match.lastgroup
            if group is None or end == start:
                pos = start + 1
                continue
            rule = compiled.rules[int(group[1:])]
            move: AnyMove | None = compiled.move
            if rule.negated is not None and _is_negated(window, start, negators):
                move = None if rule.negated == "drop" else _named(rule.negated)
            if move is None:
                # A negated wording that was dropped does not use up its text:
                # a later wording inside it may still count.
                pos = start + 1
                continue
            spans.append(Span(move=move, start=start, end=end, text=text[start:end]))
            pos = end
    spans = _apply_sarcasm(window, _resolve_overlaps(spans), rules)
    spans.sort(key=lambda s: (s.start, s.end))
    moves = list(dict.fromkeys(s.move for s in spans))
    return Classification(text=text, moves=moves, spans=spans)

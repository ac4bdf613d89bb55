"""The offline rule classifier: tags a learner message with moves and the spans behind them."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from simulator.classifier.dispatch import Opening, dispatch_block, openings
from simulator.classifier.lexicon import NEGATION_WINDOW, NEGATORS, SHORTHANDS, Rule
from simulator.classifier.prefilter import bounded_branch, bounded_run, top_alternatives
from simulator.classifier.quotes import inside_a_quote, quoted_stretches
from simulator.classifier.schema import Classification, Span
from simulator.modes import AnyMove, PracticeMode, get_mode, parse_move

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
# The named groups _alternation writes (``r12``), nothing else.
_GROUP_NAME = re.compile(r"\(\?P<r\d+>")
_CLAUSE_BREAK = re.compile(r"[.!?;,:]|\bbut\b|\band\b|\bif\b|\bbecause\b|\bso\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]+")


@dataclass(slots=True)
class _CompiledMove:
    """One move's rules, compiled for finding matches and, apart, for telling which rule matched."""

    move: AnyMove
    rules: tuple[Rule, ...]
    scan: re.Pattern[str]
    """The alternation searched: word-start rules keyed on their first character, no groups.

    Capturing groups cost the engine bookkeeping at every branch it tries (a
    third of the search time), so the search runs without them, and `regex`
    is asked which rule it was only where something matched.
    """
    first: Callable[[str], re.Match[str] | None]
    """The leftmost match from the message's start: `scan.search`, unless some rules are anchored.

    Rules anchored with ``^`` are left out of `scan`: tried at every position
    they split it and cost a third of some moves' time, yet they can only
    match at position 0. So position 0 is tried with every rule, in rule
    order (`regex`), and only then does `scan` search on from there.
    """
    named: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """Every rule in order, one ``r<i>`` group each (compiled on first use)."""
        if self.named is None:
            self.named = re.compile(_alternation(list(self.rules), keyed=False))
        return self.named


def _expand(pattern: str) -> str:
    for key, value in SHORTHANDS.items():
        pattern = pattern.replace(key, value)
    return pattern


def _alternation(rules: list[Rule], keyed: bool = True) -> str:
    """One alternation for a move's rules, in rule order.

    Runs of rules that open with a word boundary (and so, by the lexicon's
    convention, on a word character) share one leading "start of a word"
    check, narrowed to the characters those rules can open with: the engine
    then rejects most positions, inside words, between words and at word
    ends, with one test instead of trying every branch there. Inside a run,
    rules that unfold into plain first characters are keyed on that character
    (see dispatch.py); the others test their own first character before
    anything costlier. Which rule wins at a position is unchanged. Keyed
    rules have no group (the form is for searching, and its few ``r<i>``
    groups are stripped); with `keyed` off every rule has its ``r<i>`` group
    and anchored rules are kept, to tell which rule matched.
    """
    parts: list[str] = []
    run: list[str] = []
    firsts: list[frozenset[str] | None] = []
    pending: list[list[Opening]] = []

    def close_keyed() -> None:
        if pending:
            run.append(dispatch_block(pending))
            pending.clear()

    def close_run() -> None:
        nonlocal run, firsts
        close_keyed()
        if run:
            parts.append(bounded_run(run, firsts))
        run, firsts = [], []

    for i, rule in enumerate(rules):
        pattern = _expand(rule.pattern)
        if keyed and _anchored(pattern):
            continue  # tried on its own at position 0: see _CompiledMove.first
        if not pattern.startswith(r"\b"):
            close_run()
            parts.append(f"(?P<r{i}>{pattern})")
            continue
        found = openings(pattern[2:]) if keyed else None
        if found is not None:
            pending.append(found)
            firsts.append(frozenset(char for char, _ in found))
            continue
        close_keyed()
        branch, first = bounded_branch(i, pattern[2:])
        run.append(branch)
        firsts.append(first)
    close_run()
    return "|".join(parts)


def _anchored(pattern: str) -> bool:
    """Whether a rule can only match at the start of the message."""
    alternatives = top_alternatives(pattern)
    return alternatives is not None and all(a.startswith("^") for a in alternatives)


def _anchored_first(
    at_start: re.Pattern[str], scan: re.Pattern[str]
) -> Callable[[str], re.Match[str] | None]:
    def first(window: str) -> re.Match[str] | None:
        return at_start.match(window) or scan.search(window)

    return first


class _RuleSet(NamedTuple):
    """One practice mode's compiled rules, and what its sarcasm turns helpful words into."""

    moves: tuple[_CompiledMove, ...]
    negators: re.Pattern[str]
    sarcasm: re.Pattern[str]
    helpful: frozenset[AnyMove]
    sarcastic: AnyMove


@lru_cache(maxsize=8)
def _compiled(mode: PracticeMode = "listen") -> _RuleSet:
    """Compile one alternation per move; a named group per rule tells which rule fired."""
    source = get_mode(mode).rules
    table, cues, sarcastic = source.rules, source.sarcasm_cues, source.sarcastic
    by_move: dict[AnyMove, list[Rule]] = {}
    for rule in table:
        by_move.setdefault(rule.move, []).append(rule)
    compiled = []
    for move, rules in by_move.items():
        scan = re.compile(_GROUP_NAME.sub("(?:", _alternation(rules)))
        entry = _CompiledMove(move, tuple(rules), scan, scan.search)
        if any(_anchored(_expand(rule.pattern)) for rule in rules):
            entry.first = _anchored_first(entry.regex, scan)
        compiled.append(entry)
    negators = re.compile(NEGATORS, re.IGNORECASE)
    sarcasm = re.compile(cues, re.IGNORECASE)
    return _RuleSet(tuple(compiled), negators, sarcasm, get_mode(mode).helpful, sarcastic)


def _named(value: str) -> AnyMove:
    """The move a rule's `negated` names, from any mode's move set."""
    return parse_move(value)


def _is_negated(text: str, start: int, negators: re.Pattern[str]) -> bool:
    window = text[max(0, start - NEGATION_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return negators.search(window) is not None


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Where wordings for different moves overlap, the longer wording wins."""
    if len(spans) < 2:
        return spans  # most messages: nothing can overlap
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(k.move == span.move or span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return kept


def _apply_sarcasm(text: str, spans: list[Span], rules: _RuleSet) -> list[Span]:
    if not any(span.move in rules.helpful for span in spans):
        return spans  # nothing a cue could turn: skip scanning for cues
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
            span = span.model_copy(update={"move": rules.sarcastic})
        turned.append(span)
    return turned


def _span_of(
    compiled: _CompiledMove,
    match: re.Match[str],
    text: str,
    window: str,
    negators: re.Pattern[str],
) -> Span | None:
    """The span a match stands for, with negation applied; None if it counts for nothing."""
    start, end = match.span()
    if end == start:
        return None
    if match.lastgroup is None:  # found by the group-free scan: ask which rule
        named = compiled.regex.match(window, start)
        assert named is not None, "scan and regex match alike: only their groups differ"
        match = named
    group = match.lastgroup
    if group is None:
        return None
    rule = compiled.rules[int(group[1:])]
    move: AnyMove | None = compiled.move
    if rule.negated is not None and _is_negated(window, start, negators):
        move = None if rule.negated == "drop" else _named(rule.negated)
    if move is None:
        return None
    return Span(move=move, start=start, end=end, text=text[start:end])


class RuleReading(NamedTuple):
    """What the rules make of a message: their tags, and the moves they saw negated."""

    classification: Classification
    negated: frozenset[AnyMove]
    """Moves whose listed wording appears but negated ("i'm not saying calm down"): the
    learned layer may not add these back."""


def read_rules(text: str, mode: PracticeMode = "listen") -> RuleReading:
    """One pass of the rules over a message: the tags and the negated wordings."""
    rules = _compiled(mode)
    moves_re, negators = rules.moves, rules.negators
    window = text[:MAX_CLASSIFIED_CHARS].translate(_NORMALIZE)
    spans: list[Span] = []
    negated: set[AnyMove] = set()
    for compiled in moves_re:
        match = compiled.first(window)
        while match is not None:
            span = _span_of(compiled, match, text, window, negators)
            if span is None:
                # Empty, or a negated wording that was dropped: it does not
                # use up its text, and a later wording inside it may count.
                if match.end() > match.start():
                    negated.add(compiled.move)
                pos = match.start() + 1
            else:
                if span.move != compiled.move:  # a negated wording that names another move
                    negated.add(compiled.move)
                spans.append(span)
                pos = span.end
            match = compiled.scan.search(window, pos)
    spans = _apply_sarcasm(window, _resolve_overlaps(spans), rules)
    spans = unquoted_missteps(window, spans, mode)
    spans.sort(key=lambda s: (s.start, s.end))
    moves = list(dict.fromkeys(s.move for s in spans))
    return RuleReading(Classification(text=text, moves=moves, spans=spans), frozenset(negated))


def unquoted_missteps(text: str, spans: list[Span], mode: PracticeMode = "listen") -> list[Span]:
    """`spans` without the misstep tags that lie wholly inside quoted speech."""
    stretches = quoted_stretches(text)
    if not stretches:
        return spans
    helpful = get_mode(mode).helpful
    return [s for s in spans if s.move in helpful or not inside_a_quote(s.start, s.end, stretches)]


def classify_rules(text: str, mode: PracticeMode = "listen") -> Classification:
    """The rules' tags alone: each move with the listed wording that triggered it.

    `mode` picks the move set: `listen` (attuning to an upset partner) or `ask`
    (asking a partner for attunement).
    """
    return read_rules(text, mode).classification


def apply_sarcasm(text: str, spans: list[Span], mode: PracticeMode = "listen") -> list[Span]:
    """Warm tags in a sentence with one of the mode's sarcasm cues, turned sarcastic.

    The rules apply this to their own tags; the learned layer's tags go through it too.
    """
    window = text[:MAX_CLASSIFIED_CHARS].translate(_NORMALIZE)
    return _apply_sarcasm(window, spans, _compiled(mode))

"""The classifier against a frozen reference copy of its matcher: same moves, spans and order.

Speed work on `simulator.classifier.rules` (merged alternations, prefilters,
gates) must never change an answer. The reference below is the matcher as it
stood before that work, kept deliberately plain: one named group per rule and
no first-character prefilter. Its one documented quirk is kept: a rule that
opens with ``\\b`` is only tried where a word starts (``\\b(?=\\w)``), so
``\\b ?whatever`` cannot start on the comma before "whatever". Any optimisation that
changes which wording wins, where the next search starts, negation, sarcasm or
overlap resolution shows up here as a mismatch on a real or generated message.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from simulator.classifier import MAX_CLASSIFIED_CHARS, Classification, Span

# The reference is the rules alone; the learned layer beside them has its own tests.
from simulator.classifier import classify_rules as classify
from simulator.classifier.lexicon import NEGATION_WINDOW, NEGATORS, SHORTHANDS, Rule
from simulator.classifier.rules import unquoted_missteps
from simulator.modes import AnyMove, PracticeMode, get_mode
from simulator.modes.ask.lexicon import ASK_RULES, ASK_SARCASM_CUES
from simulator.modes.ask.moves import AskMove
from simulator.modes.listen.lexicon import RULES, SARCASM_CUES
from simulator.modes.listen.moves import Move
from simulator.modes.listen.policies import STOCK_PHRASES, WORDINGS

CASES = Path(__file__).resolve().parent.parent / "evals" / "cases"
MODES: tuple[PracticeMode, ...] = ("listen", "ask")

# --- the frozen reference matcher --------------------------------------------

_APOSTROPHES = "\u2019\u2018\u02bc`"
_NORMALIZE = str.maketrans(
    string.ascii_uppercase + _APOSTROPHES, string.ascii_lowercase + "'" * len(_APOSTROPHES)
)
_CLAUSE_BREAK = re.compile(r"[.!?;,:]|\bbut\b|\band\b|\bif\b|\bbecause\b|\bso\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]+")


class _RefMove(NamedTuple):
    move: AnyMove
    regex: re.Pattern[str]
    rules: tuple[Rule, ...]


class _RefRules(NamedTuple):
    moves: tuple[_RefMove, ...]
    negators: re.Pattern[str]
    sarcasm: re.Pattern[str]
    helpful: frozenset[AnyMove]
    sarcastic: AnyMove


def _expand(pattern: str) -> str:
    for key, value in SHORTHANDS.items():
        pattern = pattern.replace(key, value)
    return pattern


def _branch(i: int, pattern: str) -> str:
    body = _expand(pattern)
    if body.startswith(r"\b"):
        body = r"\b(?=\w)" + body[2:]
    return f"(?P<r{i}>{body})"


@lru_cache(maxsize=2)
def _reference_rules(mode: PracticeMode) -> _RefRules:
    sources: dict[PracticeMode, tuple[tuple[Rule, ...], str, AnyMove]] = {
        "listen": (RULES, SARCASM_CUES, Move.COUNTER_ATTACK),
        "ask": (ASK_RULES, ASK_SARCASM_CUES, AskMove.CONTEMPT),
    }
    table, cues, sarcastic = sources[mode]
    by_move: dict[AnyMove, list[Rule]] = {}
    for rule in table:
        by_move.setdefault(rule.move, []).append(rule)
    moves = tuple(
        _RefMove(
            move,
            re.compile("|".join(_branch(i, r.pattern) for i, r in enumerate(rules))),
            tuple(rules),
        )
        for move, rules in by_move.items()
    )
    return _RefRules(
        moves,
        re.compile(NEGATORS, re.IGNORECASE),
        re.compile(cues, re.IGNORECASE),
        get_mode(mode).helpful,
        sarcastic,
    )


def _named(value: str) -> AnyMove:
    return AskMove(value) if value in AskMove.__members__.values() else Move(value)


def _is_negated(text: str, start: int, negators: re.Pattern[str]) -> bool:
    window = text[max(0, start - NEGATION_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return negators.search(window) is not None


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(k.move == span.move or span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return kept


def _apply_sarcasm(text: str, spans: list[Span], rules: _RefRules) -> list[Span]:
    cues = [m.start() for m in rules.sarcasm.finditer(text)]
    if not cues:
        return spans
    ends = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]

    def sentence_of(pos: int) -> int:
        return next(i for i, end in enumerate(ends) if pos <= end)

    cue_sentences = {sentence_of(c) for c in cues}
    return [
        Span(move=rules.sarcastic, start=s.start, end=s.end, text=s.text)
        if s.move in rules.helpful and sentence_of(s.start) in cue_sentences
        else s
        for s in spans
    ]


def reference_classify(text: str, mode: PracticeMode = "listen") -> Classification:
    """The matcher as it stood before the speed work (see the module docstring)."""
    rules = _reference_rules(mode)
    window = text[:MAX_CLASSIFIED_CHARS].translate(_NORMALIZE)
    spans: list[Span] = []
    for compiled in rules.moves:
        pos = 0
        while (match := compiled.regex.search(window, pos)) is not None:
            start, end = match.span()
            group = match.lastgroup
            if group is None or end == start:
                pos = start + 1
                continue
            rule = compiled.rules[int(group[1:])]
            move: AnyMove | None = compiled.move
            if rule.negated is not None and _is_negated(window, start, rules.negators):
                move = None if rule.negated == "drop" else _named(rule.negated)
            if move is None:
                pos = start + 1
                continue
            spans.append(Span(move=move, start=start, end=end, text=text[start:end]))
            pos = end
    spans = _apply_sarcasm(window, _resolve_overlaps(spans), rules)
    # Quoted missteps are dropped after matching, by the same step as the shipped path:
    # it is no part of the matcher this reference pins down.
    spans = unquoted_missteps(window, spans, mode)
    spans.sort(key=lambda s: (s.start, s.end))
    return Classification(text=text, moves=list(dict.fromkeys(s.move for s in spans)), spans=spans)


# --- what the two are compared on ----------------------------------------------


def _strings(node: object) -> list[str]:
    """Every string anywhere in a parsed YAML document."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


def _labeled_texts() -> list[str]:
    paths = sorted(DATA.glob("moves_*.yaml")) + sorted(DATA.glob("ask_moves_*.yaml"))
    texts = [
        item["text"] for path in paths for item in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]
    assert len(texts) > 500, "the labeled sets went missing"
    return texts


def _eval_texts() -> list[str]:
    texts = [
        s
        for path in sorted(CASES.glob("*.yaml"))
        for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    texts += list(STOCK_PHRASES) + [w for wordings in WORDINGS.values() for w in wordings]
    assert len(texts) > 100, "the eval cases went missing"
    return texts


def _mismatches(texts: list[str]) -> list[tuple[str, str]]:
    return [
        (mode, text)
        for text in texts
        for mode in MODES
        if classify(text, mode=mode) != reference_classify(text, mode=mode)
    ]


def test_the_reference_is_not_vacuous() -> None:
    found = {move for text in _labeled_texts() for move in reference_classify(text, "listen").moves}
    assert len(found) == len(Move)


def test_same_output_on_every_labeled_message() -> None:
    assert _mismatches(_labeled_texts()) == []


def test_same_output_on_every_eval_case_text() -> None:
    assert _mismatches(_eval_texts()) == []


def _fragments() -> list[str]:
    """Wordings the lexicons react to, plus negators and sarcasm cues, to build messages from."""
    phrases = [t for t in _labeled_texts() + list(STOCK_PHRASES) if 0 < len(t) < 120]
    words = sorted({w for t in phrases for w in re.findall(r"[\w']+", t)})
    extra = ["not", "never", "don't", "but", "and", "so", "Oh sure,", "yeah right", "/s", "🙄"]
    return phrases + words + extra


_PIECE = st.one_of(
    st.sampled_from(_fragments()),
    st.text(alphabet=string.ascii_letters + "'\u2019 ", min_size=1, max_size=8),
    st.sampled_from([".", ",", "!", "?", "...", ";", "\n", " - ", "  "]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=12), st.sampled_from(MODES))
def test_same_output_on_generated_messages(pieces: list[str], mode: PracticeMode) -> None:
    text = " ".join(pieces)
    assert classify(text, mode=mode) == reference_classify(text, mode=mode)


def test_same_output_past_the_length_cap() -> None:
    text = "That makes sense. " * (MAX_CLASSIFIED_CHARS // 18 + 5) + "I'm sorry I hurt you."
    for mode in MODES:
        assert classify(text, mode=mode) == reference_classify(text, mode=mode)


def test_messages_opening_on_anchored_wordings() -> None:
    # Rules anchored with ^ are tried apart from the others, at position 0
    # only: a wording of another rule of the same move at 0 must still win.
    texts = [
        "Oh great, here we go again",
        "oh sure, whatever you say",
        "Whatever.",
        "whatever you need",
        "Fine.",
        "fine, be that way",
        "... ",
        "Anyway, how was work?",
        "  oh, perfect",
    ]
    assert _mismatches(texts) == []
    assert any(classify(t).moves for t in texts)


def test_nearly_every_word_start_rule_is_keyed_on_its_first_character() -> None:
    # Not a timing test: if the unfolding in dispatch.py stops understanding
    # the lexicon, the rules fall back to their slow form silently.
    from simulator.classifier.dispatch import openings
    from simulator.classifier.rules import _expand

    patterns = [_expand(r.pattern) for r in RULES + ASK_RULES]
    word_start = [p for p in patterns if p.startswith(r"\b")]
    unkeyed = [p for p in word_start if openings(p[2:]) is None]
    assert len(word_start) > 400
    assert len(unkeyed) <= 2, unkeyed


def test_unfolding_keeps_order_lookbehinds_and_drops_what_cannot_open_a_word() -> None:
    from simulator.classifier.dispatch import openings

    assert openings("(?:close|shut|closed) it") == [
        ("c", "(?:lose|losed) it"),
        ("s", "(?:hut) it"),
    ]
    assert openings("(?<!if )you") == [("y", "(?<!(?:if )y)ou")]
    assert openings("(?:'cause|because) of") == [("b", "(?:ecause) of")]
    # Greedy: the optional group's wordings first, then the wording without it.
    assert openings("(?:so )?what") == [("s", "(?:o )what"), ("w", "hat")]
    assert openings("(?:so )??what") == [("w", "hat"), ("s", "(?:o )what")]
    assert openings(r"\w+ can wait") is None
    assert openings("(?:a|b)*c") is None

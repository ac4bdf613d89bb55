"""First-character dispatch for word-start rules: one literal test picks the rules worth trying.

Python's regex engine skips an alternative cheaply only when it opens on a
literal character; a lookahead test (``(?=[cms])``) costs a full sub-match at
every word start, for every rule. Measured, those tests were about two thirds
of the search time, more than the rules themselves. So a run of word-start rules
is rewritten as one alternation keyed on the first character::

    c(?:lose\\s+my phone|an wait)|m(?:ute\\s+my phone)

Each rule is unfolded into the wordings it can open with (its top-level
alternatives, and optional or plain groups at its front), in its own order,
and every character group keeps the rules in their original order: at any one
position only the rules that open on that character could match, so which rule
wins, and where, is unchanged. Lookbehinds at a rule's front move behind the
consumed character with that character appended, which tests the same text.
Anything the unfolding does not understand returns None and the rule keeps
its old form.
"""

from __future__ import annotations

import string

from simulator.classifier.prefilter import group_end, top_alternatives

# A rule unfolding into more openings than this keeps its old form: the
# regex would grow for little gain.
MAX_OPENINGS = 64
_OPENERS = frozenset(string.ascii_lowercase + string.digits)
# Literals that are not word characters: a wording opening on one can never
# match where a word starts, so it unfolds into nothing.
_NEVER_OPEN = frozenset("' ,-")
_QUANTIFIERS = "?*+{"

Opening = tuple[str, str]
"""A first character, and the pattern that must follow it (lookbehinds included)."""


def openings(pattern: str) -> list[Opening] | None:
    """The pattern, at a word start, as ordered (first character, rest) pairs; None if unsure."""
    found = _openings(pattern, ())
    if found is None or len(found) > MAX_OPENINGS:
        return None
    return found


def _openings(pattern: str, behind: tuple[str, ...]) -> list[Opening] | None:
    alternatives = top_alternatives(pattern)
    if alternatives is None:
        return None
    found: list[Opening] = []
    for alternative in alternatives:
        part = _sequence_openings(alternative, behind)
        if part is None or len(found) + len(part) > MAX_OPENINGS:
            return None
        found += part
    return found


def _sequence_openings(seq: str, behind: tuple[str, ...]) -> list[Opening] | None:
    """Openings of a sequence (no top-level ``|``), after the lookbehinds already met."""
    i = 0
    while True:
        if seq.startswith(r"\b", i):
            i += 2  # the caller only tries word starts, where \b holds
            continue
        if seq.startswith(("(?<=", "(?<!"), i):
            end = group_end(seq, i)
            if end < 0 or seq[end : end + 1] in tuple(_QUANTIFIERS):
                return None
            behind += (seq[i:end],)
            i = end
            continue
        break
    rest = seq[i:]
    if not rest:
        return None  # an empty wording would need the engine's own handling
    if rest[0] in _OPENERS:
        if rest[1:2] in tuple(_QUANTIFIERS):
            return None
        return [(rest[0], "".join(_shifted(b, rest[0]) for b in behind) + rest[1:])]
    if rest[0] in _NEVER_OPEN and rest[1:2] not in tuple(_QUANTIFIERS):
        return []
    if rest.startswith("(?:"):
        return _group_openings(rest, behind)
    return None


def _group_openings(rest: str, behind: tuple[str, ...]) -> list[Opening] | None:
    """Openings of ``(?:X)R``, ``(?:X)?R`` or ``(?:X)??R``: each of X's alternatives, then R."""
    end = group_end(rest, 0)
    if end < 0:
        return None
    inner, after = rest[3 : end - 1], rest[end:]
    optional = after.startswith("?")
    lazy = after.startswith("??")
    if after[:1] in ("*", "+", "{") or after.startswith("?+"):
        return None
    tail = after[2:] if lazy else after[1:] if optional else after
    taken = _shared_tail(inner, tail, behind) or _each_with_tail(inner, tail, behind)
    if taken is None:
        return None
    if not optional:
        return taken
    skipped = _sequence_openings(tail, behind)
    if skipped is None:
        return None
    # A greedy group is tried before skipping it, a lazy one after.
    return skipped + taken if lazy else taken + skipped


def _shared_tail(inner: str, tail: str, behind: tuple[str, ...]) -> list[Opening] | None:
    """``(?:X)R`` as, per first character c, ``c(?:X's rests after c)R``: R written once per c.

    Writing R once per character rather than once per alternative keeps the
    compiled regex small, and so in the processor's caches.
    """
    found = _openings(inner, behind)
    if found is None:
        return None
    by_char: dict[str, list[str]] = {}
    for char, rest in found:
        by_char.setdefault(char, []).append(rest)
    return [(char, f"(?:{'|'.join(rests)}){tail}") for char, rests in by_char.items()]


def _each_with_tail(inner: str, tail: str, behind: tuple[str, ...]) -> list[Opening] | None:
    """``(?:X)R`` as each of X's alternatives followed by R (for X that opens on nothing)."""
    alternatives = top_alternatives(inner)
    if alternatives is None:
        return None
    taken: list[Opening] = []
    for alternative in alternatives:
        part = _sequence_openings(alternative + tail, behind)
        if part is None:
            return None
        taken += part
    return taken


def _shifted(lookbehind: str, char: str) -> str:
    """A lookbehind for the position before `char`, asked just after it instead."""
    return f"{lookbehind[:4]}(?:{lookbehind[4:-1]}){char})"


def dispatch_block(rules: list[list[Opening]]) -> str:
    """One alternation keyed on the first character, each key's rule wordings in their order.

    It has no groups: the matcher asks a named form which rule matched.
    """
    by_char: dict[str, list[str]] = {}
    for found in rules:
        for char, tail in found:
            by_char.setdefault(char, []).append(tail)
    keyed = [f"{char}(?:{'|'.join(tails)})" for char, tails in sorted(by_char.items())]
    return "(?:" + "|".join(keyed) + ")"

"""Cheap first-character tests for the rule alternations, worked out from the patterns.

A rule that opens with a word boundary can only match where a word starts, and
only on the characters its pattern can open with. Putting those tests in front
of each branch lets the regex engine reject most positions without entering
the branch: about a third of the classifier's time. The analysis understands a
small regex subset (literals, non-capturing groups, lookarounds, word
boundaries, ``?``/``*``/``+``); for anything else it returns None and the
branch is left untested, so it can only ever skip work, never change a match.
"""

from __future__ import annotations

import re
import string

_WORD_START = r"\b(?=\w)"
# Characters that stand for themselves in a rule (outside a character class).
_LITERALS = frozenset(string.ascii_lowercase + string.digits + "' ,-")
_QUANTIFIERS = "?*+{"


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class opening at ``pattern[i]``."""
    i += 1
    i += pattern.startswith("^", i)
    i += pattern.startswith("]", i)
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def group_end(pattern: str, i: int) -> int:
    """Index just past the group opening at ``pattern[i]``, or -1 if it never closes."""
    depth = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def top_alternatives(pattern: str) -> list[str] | None:
    """The pattern's top-level alternatives, or None if it does not scan cleanly."""
    parts: list[str] = []
    start = i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            end = group_end(pattern, i)
            if end < 0:
                return None
            i = end
            continue
        if char == ")":
            return None
        if char == "|":
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _first_chars(pattern: str) -> tuple[frozenset[str], bool] | None:
    """The characters a match can open with, and whether it can be empty.

    None when unsure: only literals, non-capturing groups, lookarounds, word
    boundaries and the ``?``, ``*``, ``+`` quantifiers are understood.
    """
    alternatives = top_alternatives(pattern)
    if alternatives is None:
        return None
    chars: set[str] = set()
    nullable = False
    for alternative in alternatives:
        found = _first_chars_of_sequence(alternative)
        if found is None:
            return None
        chars |= found[0]
        nullable = nullable or found[1]
    return frozenset(chars), nullable


def _first_chars_of_sequence(pattern: str) -> tuple[frozenset[str], bool] | None:
    chars: set[str] = set()
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith((r"\b", r"\B"), i):
            i += 2
            continue
        if char == "(":
            end = group_end(pattern, i)
            if end < 0:
                return None
            inner, i = pattern[i + 1 : end - 1], end
            if inner.startswith(("?=", "?!", "?<=", "?<!")):
                if i < len(pattern) and pattern[i] in _QUANTIFIERS:
                    return None
                continue  # zero-width: the next item opens the match
            if not inner.startswith("?:"):
                return None
            found = _first_chars(inner[2:])
            if found is None:
                return None
            item, optional = found
        elif char in _LITERALS:
            item, optional = frozenset(char), False
            i += 1
        else:
            return None
        if i < len(pattern) and pattern[i] in _QUANTIFIERS:
            if pattern[i] == "{":
                return None
            optional = optional or pattern[i] in "?*"
            i += 1 + (i + 1 < len(pattern) and pattern[i + 1] in "?+")
        chars |= item
        if not optional:
            return frozenset(chars), False
    return frozenset(chars), True


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def bounded_branch(i: int, body: str) -> tuple[str, frozenset[str] | None]:
    """The named branch for a rule body that opens on a word character.

    The branch opens with a cheap test of its first character: the literal
    itself when the body starts with one (the engine skips a branch that opens
    on a mismatched literal without entering it), else a lookahead on the set
    of characters it can open with. Also returns that set (None if unknown).
    """
    found = _first_chars(body)
    if found is None or found[1] or not found[0]:
        return f"(?P<r{i}>{body})", None
    first = found[0]
    opens_on_literal = body[0] in _LITERALS and body[1:2] not in tuple(_QUANTIFIERS)
    if opens_on_literal and top_alternatives(body) == [body]:
        return f"{re.escape(body[0])}(?P<r{i}>{body[1:]})", first
    return f"(?={_char_class(first)})(?P<r{i}>{body})", first


def bounded_run(branches: list[str], firsts: list[frozenset[str] | None]) -> str:
    """Join word-start branches behind one shared test of their possible first characters."""
    start = _WORD_START
    known = [f for f in firsts if f is not None]
    if len(known) == len(firsts):
        union = frozenset().union(*known)
        if all(c.isalnum() or c == "_" for c in union):
            start = r"\b" + f"(?={_char_class(union)})"
    return start + "(?:" + "|".join(branches) + ")"

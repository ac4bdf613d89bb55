"""Parse YAML, JSON and TOML from outside within the limits, with one-line errors.

Nesting, keys per mapping and values (aliases expanded) are checked before anything
recurses over the data; numbers are refused when too long or not finite; every string
is scrubbed of lone surrogates. What comes out is safe to hand to pydantic.
"""

from __future__ import annotations

import json
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml
from yaml.constructor import ConstructorError

from simulator.support.errors import AttuneError
from simulator.support.limits import (
    MAX_DATA_NODES,
    MAX_MAPPING_KEYS,
    MAX_NESTING_DEPTH,
    MAX_NUMBER_DIGITS,
)
from simulator.support.problems import one_line
from simulator.support.textsafe import scrub

# libyaml parses in C, about twenty times faster than PyYAML's own parser; the
# pure-Python one stays for machines without it and for familiar error messages.
_FAST: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOO_BIG = 10**MAX_NUMBER_DIGITS
# Long enough for any number within the limit written with `_` separators or in binary.
_MAX_NUMBER_CHARS = 4 * MAX_NUMBER_DIGITS


class _Mark(Protocol):
    """Where an event or node starts (PyYAML's and libyaml's marks both have these)."""

    line: int
    column: int


class _Refused(Exception):
    """A limit a file goes past, with where; the caller names the file."""


class _BadNumber(ConstructorError):
    """A number the constructor cannot even convert: far too long, or not a number."""


def _at(mark: _Mark | None) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""


class _LimitedConstructor(yaml.constructor.SafeConstructor):
    """Numbers converted only when short enough to convert, timestamps left as text.

    Their range (and every string's scrubbing) is checked afterwards, by `checked`, which
    knows the field each value is in.
    """

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        """An integer, refused before conversion when its text is far too long."""
        raw = str(self.construct_scalar(node))
        # Python refuses to convert 4,300+ digits, and base-60 `1:2:3...` grows quadratically.
        if len(raw) > _MAX_NUMBER_CHARS:
            raise _BadNumber(None, None, _too_long(raw), node.start_mark)
        try:
            return int(super().construct_yaml_int(node))
        except ValueError:
            raise _BadNumber(None, None, f"{raw!r} is not a number", node.start_mark) from None

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        """A float; `!!float abc` is an error, not a crash."""
        raw = str(self.construct_scalar(node))
        try:
            return float(super().construct_yaml_float(node))
        except ValueError:
            raise _BadNumber(None, None, f"{raw!r} is not a number", node.start_mark) from None

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        """The text as written (`checked` scrubs it)."""
        return str(self.construct_scalar(node))


for _tag in ("int", "float", "timestamp"):
    # No field takes a date: `2026-13-45` stays the text it is instead of a crash.
    _method = "construct_yaml_str" if _tag == "timestamp" else f"construct_yaml_{_tag}"
    _LimitedConstructor.add_constructor(
        f"tag:yaml.org,2002:{_tag}", getattr(_LimitedConstructor, _method)
    )


def _loader(base: Any) -> Any:
    # The constructor's methods must come before the base loader's own SafeConstructor.
    return type(f"Limited{base.__name__}", (_LimitedConstructor, base), {})


_LIMITED_FAST = _loader(_FAST)
_LIMITED_PURE = _loader(yaml.SafeLoader)


@dataclass
class _Open:
    """A list or mapping being read: where it started and what it holds so far."""

    mapping: bool
    anchor: str | None
    mark: _Mark | None
    nodes_before: int
    children: int = 0
    height: int = 0


def _check_shape(text: str, loader: Any) -> None:
    """Refuse deep nesting, big mappings, too many values and self-referring aliases.

    This reads the event stream, which neither libyaml nor PyYAML builds recursively,
    so it is safe on any input; only then may the composer recurse over the nodes.
    """
    stack: list[_Open] = []
    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (values, height)
    nodes = 0

    def add(size: int, height: int, mark: _Mark | None) -> None:
        nonlocal nodes
        nodes += size
        if nodes > MAX_DATA_NODES:
            raise _Refused(f"{_at(mark)}more than {MAX_DATA_NODES:,} values (aliases expanded)")
        if len(stack) + height > MAX_NESTING_DEPTH:
            raise _Refused(f"{_at(mark)}nested more than {MAX_NESTING_DEPTH} levels deep")
        if stack:
            parent = stack[-1]
            parent.children += 1
            parent.height = max(parent.height, height)
            if parent.mapping and parent.children > 2 * MAX_MAPPING_KEYS:
                raise _Refused(
                    f"{_at(parent.mark)}a mapping with more than {MAX_MAPPING_KEYS:,} keys"
                )

    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_NESTING_DEPTH:
                raise _Refused(
                    f"{_at(event.start_mark)}nested more than {MAX_NESTING_DEPTH} levels deep"
                )
            mapping = isinstance(event, yaml.MappingStartEvent)
            stack.append(_Open(mapping, event.anchor, event.start_mark, nodes))
            nodes += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            size = nodes - done.nodes_before
            nodes = done.nodes_before
            if done.anchor is not None:
                anchors[done.anchor] = (size, done.height + 1)
            add(size, done.height + 1, done.mark)
        elif isinstance(event, yaml.AliasEvent):
            if any(o.anchor == event.anchor for o in stack):
                raise _Refused(
                    f"{_at(event.start_mark)}the alias *{event.anchor} refers to a list or "
                    "mapping it is inside"
                )
            size, height = anchors.get(str(event.anchor), (1, 0))
            add(size, height, event.start_mark)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                anchors[event.anchor] = (1, 0)
            add(1, 0, event.start_mark)


def parse_yaml(source: Path | str, text: str) -> Any:
    """Parse YAML within the limits; AttuneError `source: line L, column C: what` if not."""
    try:
        data = _parse_yaml(text)
    except _Refused as exc:
        raise AttuneError(f"{source}: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        raise AttuneError(f"{source}: {yaml_problem(exc)}") from None
    except yaml.YAMLError as exc:
        detail = one_line(exc).replace(' in "<unicode string>",', " at")
        raise AttuneError(f"{source}: invalid YAML ({detail})") from None
    except RecursionError:  # pragma: no cover - _check_shape bounds the depth first
        raise AttuneError(f"{source}: nested too deeply") from None
    return checked(source, data)


def _parse_yaml(text: str) -> Any:
    if _FAST is not yaml.SafeLoader:
        try:
            _check_shape(text, _FAST)
            return yaml.load(text, Loader=_LIMITED_FAST)  # a SafeLoader subclass
        except _BadNumber:
            raise
        except yaml.YAMLError:
            # libyaml refuses a few things PyYAML reads (an emoji escaped as two UTF-16
            # halves, as json.dumps writes it); PyYAML also words errors as the hints expect.
            pass
    _check_shape(text, yaml.SafeLoader)
    return yaml.load(text, Loader=_LIMITED_PURE)  # a SafeLoader subclass


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree (lines and columns) of YAML that `parse_yaml` accepted; None if broken."""
    loaders: list[Any] = [_FAST] if _FAST is yaml.SafeLoader else [_FAST, yaml.SafeLoader]
    for loader in loaders:
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            continue
        return node
    return None


def parse_json(source: Path | str, text: str) -> Any:
    """Parse JSON within the limits, refusing NaN, Infinity and over-long numbers."""
    try:
        data = json.loads(text, parse_int=_json_int, parse_constant=_json_constant)
    except _Refused as exc:
        raise AttuneError(f"{source}: {exc}") from None
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno}, column {exc.colno}"
        raise AttuneError(f"{source}: invalid JSON at {at}: {exc.msg}") from None
    except RecursionError:
        raise AttuneError(f"{source}: nested more than {MAX_NESTING_DEPTH} levels deep") from None
    return checked(source, data)


def _json_int(raw: str) -> int:
    # Converted only when short enough to convert; `checked` then checks the range.
    if len(raw) > _MAX_NUMBER_CHARS:
        raise _Refused(_too_long(raw))
    return int(raw)


def _json_constant(raw: str) -> float:
    return float(raw)  # NaN and Infinity: `checked` refuses them, naming the field


def _too_long(raw: str) -> str:
    shown = raw if len(raw) <= 24 else raw[:20] + "..."
    return (
        f"the number {shown!r} is too large; numbers here have at most {MAX_NUMBER_DIGITS} digits"
    )


def parse_toml(source: Path | str, text: str) -> dict[str, Any]:
    """Parse TOML within the limits; TOMLDecodeError's position kept in the message."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AttuneError(f"{source}: not valid TOML ({one_line(exc)})") from None
    except RecursionError:
        raise AttuneError(f"{source}: nested more than {MAX_NESTING_DEPTH} levels deep") from None
    except ValueError:
        # tomllib converts integers itself, and Python refuses those of 4,300+ digits.
        raise AttuneError(
            f"{source}: a number is too large; numbers here have at most {MAX_NUMBER_DIGITS} digits"
        ) from None
    checked_data: dict[str, Any] = checked(source, data)
    return checked_data


def checked(source: Path | str, data: Any) -> Any:
    """Parsed data within the limits, strings scrubbed; AttuneError naming the field if not."""
    count = [0]
    try:
        return _checked(data, (), count)
    except _Refused as exc:
        raise AttuneError(f"{source}: {exc}") from None


def _where(path: tuple[str | int, ...]) -> str:
    """`soothes[2].move: ` as a card's problems name fields (list items count from 1)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return f"{out}: " if out else ""


def _checked(value: Any, path: tuple[str | int, ...], count: list[int]) -> Any:
    # Recursion is bounded: anything deeper than the limit is refused before descending.
    count[0] += 1
    if count[0] > MAX_DATA_NODES:
        raise _Refused(f"more than {MAX_DATA_NODES:,} values")
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) >= _TOO_BIG:
            raise _Refused(_where(path) + _too_long(str(value)))
        return value
    if isinstance(value, float):
        if math.isnan(value):
            raise _Refused(f"{_where(path)}found nan; numbers must be finite")
        if math.isinf(value):
            raise _Refused(
                f"{_where(path)}found an infinite number (or one too large); numbers must be finite"
            )
        return value
    if isinstance(value, dict | list | tuple | set) and len(path) >= MAX_NESTING_DEPTH:
        raise _Refused(f"{_where(path)}nested more than {MAX_NESTING_DEPTH} levels deep")
    if isinstance(value, dict):
        if len(value) > MAX_MAPPING_KEYS:
            raise _Refused(f"{_where(path)}a mapping with more than {MAX_MAPPING_KEYS:,} keys")
        return {
            _checked(k, path, count): _checked(v, (*path, str(k)), count) for k, v in value.items()
        }
    if isinstance(value, list | tuple | set):
        items = [_checked(v, (*path, i), count) for i, v in enumerate(value)]
        return items if isinstance(value, list) else type(value)(items)
    return value


_YAML_HINTS = {
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "mapping values are not allowed here": (
        "a ':' inside a value; put the whole value in double quotes"
    ),
    "found unexpected end of stream": "a quote or bracket is opened and never closed",
    "did not find expected key": "check the indentation of this line and the one above",
    "could not find expected ':'": "a field name needs a ':' after it",
}


def yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    """A YAML syntax error as `line L, column C: what; hint`, pointing where it starts."""
    mark = exc.context_mark or exc.problem_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    problem = " ".join(str(exc.problem or exc).split())
    parts = []
    if exc.context and exc.context_mark is not None:
        parts.append(" ".join(exc.context.split()))
    if exc.problem_mark is not None and exc.problem_mark is not mark:
        parts.append(f"{problem} (line {exc.problem_mark.line + 1})")
    else:
        parts.append(problem)
    hint = next((h for key, h in _YAML_HINTS.items() if key in problem), None)
    if isinstance(exc, _BadNumber):
        return where + problem
    return "invalid YAML at " + where + ", ".join(parts) + (f"; {hint}" if hint else "")

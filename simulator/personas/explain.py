"""Explain what is wrong with a persona card: the field, what was found, what is allowed.

A coach writing a card by hand reads these lines, so each one says where the
problem is (dotted field path, 1-based list items, and the YAML line when the
text is known), what the card has there, and what would be accepted instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, get_args, get_origin

import yaml
from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from simulator.domain.zones import Zone
from simulator.modes import AnyMove, Mode, get_mode, mode_names, modes
from simulator.personas.card import PersonaCard
from simulator.support.problems import UNION_TAG

Loc = tuple[int | str, ...]
_SHOWN_CHARS = 40


def field_path(loc: Loc) -> str:
    """`soothes[2].move` for pydantic's ('soothes', 1, 'move'): list items count from 1."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def shown(value: object) -> str:
    """A found value as the card wrote it, shortened: `'furious'`, `170`, `a list`."""
    if isinstance(value, str):
        text = " ".join(value.split())
        if len(text) > _SHOWN_CHARS:
            text = text[: _SHOWN_CHARS - 3] + "..."
        return repr(text)
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "nothing"}[value]
    if isinstance(value, int) and abs(value) >= 10**15:
        # `:g` turns an int into a float first, which overflows past 10**308.
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return type(value).__name__


def _model_at(loc: Loc) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model that holds the last field of `loc`, and that field's definition."""
    model: type[BaseModel] | None = PersonaCard
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        if info is None:
            return model, None
        annotation = info.annotation
        inner = getattr(annotation, "__args__", None)
        candidates = [_unwrapped(c) for c in (annotation, *(inner or ()))]
        models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        # A union of models (a listen or an ask-mode baseline): the one with the next field.
        after = loc[loc.index(part) + 1 :]
        wanted = next((p for p in after if isinstance(p, str)), None)
        model = next((m for m in models if wanted in m.model_fields), None) or (
            models[0] if models else None
        )
    return model, info


def _unwrapped(annotation: object) -> object:
    """`Baseline` for `Annotated[Baseline, Tag(...)]`; anything else as it is."""
    if get_origin(annotation) is Annotated:
        return get_args(annotation)[0]
    return annotation


def _parent_model(loc: Loc) -> type[BaseModel] | None:
    names = loc[:-1]
    model, _ = _model_at(names)
    if not names:
        return PersonaCard
    return model


def _bounds(info: FieldInfo | None) -> str | None:
    """`from 0 to 100` for a number field, `1 to 40 items` for a list, if it has bounds."""
    if info is None:
        return None
    low = high = None
    for meta in info.metadata:
        if isinstance(meta, Ge | Gt):
            low = meta.ge if isinstance(meta, Ge) else meta.gt
        elif isinstance(meta, Le | Lt):
            high = meta.le if isinstance(meta, Le) else meta.lt
    if low is not None and high is not None:
        return f"allowed: {low:g} to {high:g}"
    return None


def _list_bounds(info: FieldInfo | None) -> tuple[int | None, int | None]:
    low = high = None
    for meta in info.metadata if info else ():
        if isinstance(meta, MinLen):
            low = meta.min_length
        elif isinstance(meta, MaxLen):
            high = meta.max_length
    return low, high


def _did_you_mean(word: object, choices: Sequence[str]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


def _choices(error: ErrorDetails) -> list[str]:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    return [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",") if c.strip()]


def _describe_field(info: FieldInfo | None) -> str:
    if info is None or not info.description:
        return ""
    return " ".join(info.description.split()).rstrip(".")


def _enum(path: str, loc: Loc, error: ErrorDetails) -> str:
    found = error.get("input")
    choices = _choices(error)
    guess = _did_you_mean(found, choices)
    if loc and loc[-1] == "move":
        return (
            f"{path}: unknown move {shown(found)}; {guess}moves are {', '.join(choices)} "
            "(see 'attune moves')"
        )
    return f"{path}: {shown(found)} is not allowed; {guess}use one of {', '.join(choices)}"


def _unknown_move(path: str, error: ErrorDetails) -> str:
    found = error.get("input")
    sets = {mode.name: [m.value for m in mode.move_ids] for mode in modes()}
    guess = _did_you_mean(found, [m for ids in sets.values() for m in ids])
    listed = "; ".join(f"{name}-mode moves are {', '.join(ids)}" for name, ids in sets.items())
    return f"{path}: unknown move {shown(found)}; {guess}{listed} (see 'attune moves')"


def _unknown_field(path: str, loc: Loc, error: ErrorDetails) -> str:
    name = str(loc[-1])
    if len(loc) == 2 and loc[0] == "lines":
        zones = [z.value for z in Zone]
        guess = _did_you_mean(name, zones)
        return f"lines: unknown zone '{name}'; {guess}zones are {', '.join(zones)}"
    parent = _parent_model(loc)
    known = list(parent.model_fields) if parent else []
    guess = _did_you_mean(name, known)
    where = f"a card's {field_path(loc[:-1])}" if len(loc) > 1 else "a card"
    return f"{path}: unknown field; {guess}{where} has {', '.join(known)}"


def _missing(path: str, loc: Loc) -> str:
    if len(loc) == 2 and loc[0] == "lines":
        return (
            f"{path}: required field is missing; every zone needs at least one line in the "
            f"persona's voice ({', '.join(z.value for z in Zone)})"
        )
    _, info = _model_at(loc)
    about = _describe_field(info)
    return f"{path}: required field is missing" + (f" ({about})" if about else "")


def _out_of_range(path: str, loc: Loc, error: ErrorDetails) -> str:
    found = error.get("input")
    ctx = error.get("ctx") or {}
    _, info = _model_at(loc)
    limit = shown(next((ctx[k] for k in ("le", "lt", "ge", "gt") if k in ctx), "?"))
    side = "above the maximum" if error["type"].startswith("less") else "below the minimum"
    allowed = _bounds(info) or f"limit {limit}"
    about = _describe_field(info)
    hint = f"; {about}" if about else ""
    return f"{path}: found {shown(found)}, {side} {limit} ({allowed}){hint}"


def _not_number(path: str, loc: Loc, error: ErrorDetails, wanted: str = "a number") -> str:
    _, info = _model_at(loc)
    allowed = _bounds(info)
    return f"{path}: found {shown(error.get('input'))}, expected {wanted}" + (
        f" ({allowed})" if allowed else ""
    )


def _sizes(path: str, loc: Loc, error: ErrorDetails) -> str:
    ctx = error.get("ctx") or {}
    found = error.get("input")
    kind = error["type"]
    if kind == "too_short":
        return (
            f"{path}: found {shown(found)}, needs at least {ctx.get('min_length', 1)} item(s); "
            "add a line"
        )
    if kind == "too_long":
        return (
            f"{path}: found {ctx.get('actual_length', '?')} items, "
            f"at most {ctx.get('max_length', '?')} allowed"
        )
    if kind == "string_too_short":
        return f"{path}: empty; write at least {ctx.get('min_length', 1)} character(s)"
    length = len(found) if isinstance(found, str) else "?"
    return f"{path}: {length} characters, at most {ctx.get('max_length', '?')} allowed; shorten it"


def _wrong_type(path: str, error: ErrorDetails) -> str:
    expected = {
        "list_type": "a list (lines starting with '- ')",
        "dict_type": "a mapping (indented 'field: value' lines)",
        "model_type": "a mapping (indented 'field: value' lines)",
        "model_attributes_type": "a mapping (indented 'field: value' lines)",
        "string_type": "text (put it in quotes)",
        "bool_type": "true or false",
    }[error["type"]]
    return f"{path}: found {shown(error.get('input'))}, expected {expected}"


def explain(error: ErrorDetails) -> str | None:
    """One pydantic error on a card as `path: what was found; what is allowed`.

    None for the card's own cross-field check, which `polarity_problems` reports
    from the raw data so it shows even when other fields are broken too.
    """
    raw: Loc = tuple(error["loc"])
    # Union branch tags ("=stages" for an ask-mode card's lines) are pydantic's, not the card's.
    loc: Loc = tuple(p for p in raw if not str(p).startswith(UNION_TAG) and p != "[key]")
    path = field_path(loc)
    kind = error["type"]
    if kind == "value_error" and not loc:
        return _card_check(str(error["msg"]).removeprefix("Value error, "), error.get("input"))
    if kind == "extra_forbidden" and len(loc) == 2 and any(str(p).endswith("stages") for p in raw):
        staged = [m for m in modes() if m.words.lines_by == "stage"]
        stages = "; ".join(
            f"{m.name}-mode stages are " + ", ".join(_field(n) for n in m.words.stages.values())
            for m in staged
        )
        return f"lines: unknown stage '{loc[1]}' ({stages})"
    if kind == "enum":
        return _enum(path, loc, error)
    if kind == "move_id":
        return _unknown_move(path, error)
    if kind == "extra_forbidden":
        return _unknown_field(path, loc, error)
    if kind == "missing":
        return _missing(path, loc)
    if kind in ("less_than_equal", "less_than", "greater_than_equal", "greater_than"):
        return _out_of_range(path, loc, error)
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return _not_number(path, loc, error)
    if kind == "finite_number":
        return _not_number(path, loc, error).replace(
            "expected a number", "expected a finite number"
        )
    if kind in ("too_short", "too_long", "string_too_short", "string_too_long"):
        return _sizes(path, loc, error)
    if kind == "string_pattern_mismatch" and loc == ("id",):
        return (
            f"id: found {shown(error.get('input'))}; use lowercase letters, digits and single "
            "hyphens, e.g. 'my-sister' (it must match the file name)"
        )
    if kind == "literal_error":
        return f"{path}: found {shown(error.get('input'))}; {error['msg'].lower()}"
    if kind in (
        "list_type",
        "dict_type",
        "model_type",
        "model_attributes_type",
        "string_type",
        "bool_type",
    ):
        return _wrong_type(path, error)
    if kind == "value_error":
        # A field's own check (a card's reaction families) says what is wrong in full.
        return f"{path}: {str(error['msg']).removeprefix('Value error, ')}"
    return f"{path}: {error['msg']}"


_POLARITY = re.compile(r"^(?:soothes|triggers): '([^']+)'")


def _field(stage: str) -> str:
    return stage.replace(" ", "_")


def _card_mode(data: object) -> Mode | None:
    """The mode a card's raw data names; the card's default mode when it names no known one."""
    if not isinstance(data, Mapping):
        return None
    name = data.get("mode")
    if not isinstance(name, str) or name not in mode_names():
        # An unknown mode is reported on its own; the reactions are read as the default's.
        name = PersonaCard.model_fields["mode"].default
    return get_mode(name)


def _card_check(message: str, data: object) -> str | None:
    """A cross-field check of the card, unless `polarity_problems` already says it better."""
    found = _POLARITY.match(message)
    mode = _card_mode(data)
    if found is None or mode is None or not mode.explains_polarity:
        return message
    return None if found.group(1) in {m.value for m in mode.move_ids} else message


def _names(mode: Mode, moves: frozenset[AnyMove]) -> str:
    return ", ".join(m.value for m in mode.move_ids if m in moves)


def polarity_problems(data: Mapping[str, Any]) -> list[tuple[Loc, str]]:
    """Soothing moves that are mistakes, and triggers that are attuned moves (in modes that
    explain them item by item)."""
    mode = _card_mode(data)
    if mode is None or not mode.explains_polarity:
        return []
    out: list[tuple[Loc, str]] = []
    rules = (
        ("soothes", mode.helpful, "a mistake", "triggers", "attuned"),
        ("triggers", mode.traps, "an attuned move", "soothes", "misattuned"),
    )
    ids = {m.value: m for m in mode.move_ids}
    for key, allowed, other_kind, other_key, kind in rules:
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            move = item.get("move") if isinstance(item, Mapping) else None
            if not isinstance(move, str) or move not in ids:
                continue
            if ids[move] not in allowed:
                loc: Loc = (key, i, "move")
                out.append(
                    (
                        loc,
                        f"{field_path(loc)}: '{move}' is {other_kind}, so it belongs under "
                        f"{other_key}; {key} takes {kind} moves ({_names(mode, allowed)})",
                    )
                )
    return out


class YamlLines:
    """The 1-based YAML line of every field and list item, found in one walk of the nodes."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root_line = None if root is None else root.start_mark.line + 1
        self.lines: dict[Loc, int] = {}
        # One pass over the nodes (the file's size was bounded when it was parsed), so
        # placing thousands of problems costs a lookup each, not a walk each.
        todo: list[tuple[yaml.Node, Loc]] = [] if root is None else [(root, ())]
        while todo:
            node, loc = todo.pop()
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    at: Loc = (*loc, key.value)
                    if at not in self.lines:  # a repeated key: the first one is where it is
                        self.lines[at] = key.start_mark.line + 1
                        todo.append((value, at))
            elif isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    self.lines[(*loc, i)] = item.start_mark.line + 1
                    todo.append((item, (*loc, i)))

    def line_of(self, loc: Loc) -> int | None:
        """The line of the field at `loc`, or of the nearest part of it that exists."""
        for end in range(len(loc), 0, -1):
            found = self.lines.get(loc[:end])
            if found is not None:
                return found
        return self.root_line


def duplicate_keys(root: yaml.Node | None) -> list[tuple[int, str]]:
    """Fields written twice in one mapping, with the line of the repeat.

    YAML keeps the last one silently, so a coach's edit can vanish without a word.
    """
    out: list[tuple[int, str]] = []

    def walk(node: yaml.Node | None, loc: Loc) -> None:
        # Recursion is bounded: parse_yaml refused anything nested deeper than the limit.
        if isinstance(node, yaml.MappingNode):
            seen: dict[object, int] = {}
            for key, value in node.value:
                name = key.value
                if not isinstance(key, yaml.ScalarNode) or name == "<<":
                    continue  # only plain field names; merge keys may repeat
                if name in seen:
                    path = field_path((*loc, name))
                    out.append(
                        (
                            key.start_mark.line + 1,
                            f"{path}: written twice (first on line {seen[name]}); only the "
                            "last one counts, so merge them into one",
                        )
                    )
                else:
                    seen[name] = key.start_mark.line + 1
                walk(value, (*loc, name))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*loc, i))

    walk(root, ())
    return out

"""Stored values both ways: JSON that always encodes, and checked reads naming what is wrong.

SQLite keeps whatever a column is given, so a hand-edited (or damaged) database can
hold a text where a number belongs, garbage in a JSON column, or NULL anywhere.
Every value is checked as it is read; a wrong one is an UnreadableSessionError that
names the session and the column. Nothing is written back.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from simulator.domain.zones import Zone
from simulator.store import clock
from simulator.store.failures import safe
from simulator.support.errors import UnreadableSessionError
from simulator.support.problems import problems
from simulator.support.textsafe import scrub

ModelT = TypeVar("ModelT", bound=BaseModel)

# Built once: every turn read back checks its zone (a set per call cost a fifth of a
# few hundred sessions' read).
_ZONES = frozenset(z.value for z in Zone)
# Enough of a wrong value to recognise it.
_SHOWN_CHARS = 40


def stored_json(model: BaseModel) -> str:
    """The model as JSON for a TEXT column; lone surrogates (unwritable) become U+FFFD."""
    try:
        return model.model_dump_json()
    except PydanticSerializationError:
        # A lone UTF-16 half (say, in a model's reply) has no UTF-8 form: scrub, then dump.
        text = scrub(json.dumps(model.model_dump(mode="json"), ensure_ascii=False))
        return type(model).model_validate(json.loads(text)).model_dump_json()


def shown(value: object) -> str:
    """A stored value as an error message quotes it: NULL, a blob's size, or its start."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"a blob of {len(value)} bytes"
    text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


class SessionValues:
    """Checked reads of one saved session's values."""

    def __init__(self, path: Path, session_id: object) -> None:
        self.path = path
        self.session_id = session_id

    def error(self, column: str, problem: str) -> UnreadableSessionError:
        """The one-line error for a wrong value in `column` (e.g. `turns.record (turn 3)`)."""
        return UnreadableSessionError(
            str(self.session_id),
            column,
            f"{safe(self.path)}: session {safe(self.session_id)} cannot be read: "
            f"{column} {problem}",
        )

    def text(self, column: str, value: object) -> str:
        """A TEXT value."""
        if not isinstance(value, str):
            raise self.error(column, f"holds {shown(value)}, not text")
        return value

    def whole(self, column: str, value: object) -> int:
        """An INTEGER value (a bool is no number here)."""
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(column, f"holds {shown(value)}, not a whole number")
        return value

    def flag(self, column: str, value: object) -> bool:
        """A 0/1 flag."""
        if value not in (0, 1) or not isinstance(value, int):
            raise self.error(column, f"holds {shown(value)}, not 0 or 1")
        return bool(value)

    def moment(self, column: str, value: object) -> datetime:
        """A timestamp as the store writes it."""
        if isinstance(value, str):
            try:
                return clock.parse(value)
            except ValueError:
                pass
        raise self.error(column, f"holds {shown(value)}, not a time")

    def optional_moment(self, column: str, value: object) -> datetime | None:
        """A timestamp, or NULL for none."""
        return None if value is None else self.moment(column, value)

    def model(self, kind: type[ModelT], column: str, value: object) -> ModelT:
        """A JSON column holding one `kind`."""
        if not isinstance(value, str):
            raise self.error(column, f"holds {shown(value)}, not JSON text")
        try:
            return kind.model_validate_json(value)
        except ValidationError as exc:
            raise self.error(column, f"is not valid ({safe(problems(exc)[0])})") from None

    def level(self, column: str, field: str, value: float) -> float:
        """An arousal or connection level inside a JSON column: a number from 0 to 100."""
        # NaN, infinity or 150 would pass as floats and then break every chart.
        if not (math.isfinite(value) and 0.0 <= value <= 100.0):
            raise self.error(column, f"is not valid ({field}: {value!r} is no level from 0 to 100)")
        return value

    def zone(self, column: str, field: str, value: str) -> str:
        """A zone name inside a JSON column (the models keep it as plain text)."""
        if value not in _ZONES:
            raise self.error(column, f"is not valid ({field}: {shown(value)} is no zone)")
        return value

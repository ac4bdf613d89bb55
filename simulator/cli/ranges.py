"""Click types for numeric options: every number from the command line within a range."""

from __future__ import annotations

import math
from typing import Any

import click

from simulator.support.limits import MAX_CONCURRENCY, MAX_DB_INT, MAX_SEED


class FiniteFloatRange(click.FloatRange):
    """A FloatRange that also refuses nan and infinities.

    Every comparison with nan is false, so click's own range lets it through.
    """

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        """The number, or a usage error when it is not finite or out of range."""
        number: float = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


FRACTION = FiniteFloatRange(0.0, 1.0)
"""A share from 0 to 1 (`--min-pass`)."""

SEED = click.IntRange(0, MAX_SEED)
"""`--seed`: what model servers accept."""

CONCURRENCY = click.IntRange(1, MAX_CONCURRENCY)
"""`--concurrency`: cases at once."""

NOTE_ID = click.IntRange(1, MAX_DB_INT)
"""A note's id, as SQLite can hold it."""

TURN = click.IntRange(min=0)
"""A turn number (0: the whole session); the store compares it with the session's turns
before any SQL sees it, so no upper bound is needed here."""

"""A learner's rating of themselves on each step of a session: three levels, checked.

Before the debrief opens the learner says, for each step of the mode's checklist,
whether they showed it `not really`, `somewhat` or `clearly` (stored with the session,
migration 5). Skipping stores nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from simulator.modes import get_mode
from simulator.support.errors import AttuneError

Level = Literal["not_really", "somewhat", "clearly"]
LEVELS: tuple[Level, ...] = ("not_really", "somewhat", "clearly")
"""The three levels, lowest first; a level's index is its value in a gap."""
LEVEL_LABELS: Mapping[Level, str] = {
    "not_really": "not really",
    "somewhat": "somewhat",
    "clearly": "clearly",
}


class RatingError(AttuneError):
    """A self-rating naming no step of the session's mode, or no level."""


def level_of(value: str) -> Level:
    """A level from its id or its label (`not really`, `not_really`); RatingError otherwise."""
    wanted = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    for level in LEVELS:
        if level == wanted:
            return level
    raise RatingError(
        f"unknown level '{value}' (levels: {', '.join(LEVEL_LABELS[v] for v in LEVELS)})"
    )


def check_ratings(mode: str, ratings: Mapping[str, str]) -> dict[str, Level]:
    """Ratings keyed by the mode's step ids, in checklist order; RatingError names a wrong one."""
    steps = [s.id for s in get_mode(mode).coaching.steps]
    checked: dict[str, Level] = {}
    for step, value in ratings.items():
        if step not in steps:
            raise RatingError(f"'{step}' is no step of {mode} mode (steps: {', '.join(steps)})")
        checked[step] = level_of(value)
    return {s: checked[s] for s in steps if s in checked}

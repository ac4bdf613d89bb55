"""UTC timestamps as the store writes them, and readable session ids."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime


def utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is taken as local time."""
    return moment.astimezone(UTC)


def now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """ISO 8601 in UTC with a fixed width, so stored stamps sort as text."""
    return utc(moment).isoformat(timespec="microseconds")


def parse(text: str) -> datetime:
    """A stored stamp back as an aware UTC datetime."""
    return utc(datetime.fromisoformat(text))


def new_id(started: datetime) -> str:
    """A session id that sorts by start time and reads as one: `20261121-153012-a1b2`."""
    return f"{utc(started):%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"

"""Turn pydantic validation errors into short, field-named problem lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.support.limits import MAX_REPORTED_PROBLEMS

if TYPE_CHECKING:  # only named here: `one_line` users (the picker's cache) skip pydantic
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

# Tagged unions name the chosen branch in an error's location; the branch is no field
# the user wrote, so locations leave out any part that starts with this marker.
UNION_TAG = "="


def field_path(error: ErrorDetails) -> tuple[int | str, ...]:
    """An error's location as the user wrote it (union branch tags left out)."""
    return tuple(p for p in error["loc"] if not str(p).startswith(UNION_TAG))


def describe(error: ErrorDetails) -> str:
    """One problem as `dotted.field: what is wrong`."""
    loc = ".".join(str(part) for part in field_path(error)) or "(top level)"
    if error["type"] == "extra_forbidden":
        return f"{loc}: unknown field"
    if error["type"] == "missing":
        return f"{loc}: required field is missing"
    return f"{loc}: {error['msg']}"


def problems(exc: ValidationError) -> list[str]:
    """The first MAX_REPORTED_PROBLEMS problems in a validation error, then how many more."""
    errors = exc.errors()
    shown = [describe(e) for e in errors[:MAX_REPORTED_PROBLEMS]]
    if len(errors) > MAX_REPORTED_PROBLEMS:
        shown.append(f"and {len(errors) - MAX_REPORTED_PROBLEMS:,} more problem(s)")
    return shown


def one_line(text: object) -> str:
    """Collapse a possibly multi-line library message onto one line."""
    return " ".join(str(text).split())

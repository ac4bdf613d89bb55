"""Turn pydantic validation errors into short, field-named problem lines."""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import ErrorDetails


def describe(error: ErrorDetails) -> str:
    """One problem as `dotted.field: what is wrong`."""
    loc = ".".join(str(part) for part in error["loc"]) or "(top level)"
    if error["type"] == "extra_forbidden":
        return f"{loc}: unknown field"
    if error["type"] == "missing":
        return f"{loc}: required field is missing"
    return f"{loc}: {error['msg']}"


def problems(exc: ValidationError) -> list[str]:
    """Every problem in a validation error, one line each."""
    return [describe(e) for e in exc.errors()]


def one_line(text: object) -> str:
    """Collapse a possibly multi-line library message onto one line."""
    return " ".join(str(text).split())

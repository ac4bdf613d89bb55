"""Placeholders a card skeleton leaves for its author (`attune personas new ID`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

PLACEHOLDER = "<fill in"
"""How every value still to be written starts."""


def placeholders(data: object, where: str = "") -> Iterator[str]:
    """The dotted fields of parsed card YAML that still hold a `<fill in: ...>` placeholder."""
    if isinstance(data, str):
        if data.strip().startswith(PLACEHOLDER):
            yield where or "(top level)"
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from placeholders(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholders(value, f"{where}[{index}]")

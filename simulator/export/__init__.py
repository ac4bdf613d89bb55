"""Exports of a saved session: Markdown, one standalone HTML page, or JSON (pure functions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from simulator.export.chart import svg_chart
from simulator.export.data import session_data, to_json
from simulator.export.markdown import to_markdown
from simulator.export.page import to_html
from simulator.store.records import SavedSession

Format = Literal["md", "html", "json"]
FORMATS: dict[str, Callable[[SavedSession], str]] = {
    "md": to_markdown,
    "html": to_html,
    "json": to_json,
}


def export(saved: SavedSession, fmt: Format) -> str:
    """The session as text in the chosen format."""
    try:
        render = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r} (formats: md, html, json)") from None
    return render(saved)


__all__ = [
    "FORMATS",
    "Format",
    "export",
    "session_data",
    "svg_chart",
    "to_html",
    "to_json",
    "to_markdown",
]

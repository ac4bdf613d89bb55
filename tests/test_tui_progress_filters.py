"""The TUI progress screen's filters: `m` cycles the mode, `n` the persona, as the CLI's flags."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from saved_sessions import CALM, MISSTEP, record
from simulator.feedback.progress import build_progress, progress_lines
from simulator.personas import Catalog
from simulator.store import SessionStore
from simulator.tui.app import AttuneApp
from simulator.tui.screens.progress import ProgressScreen
from tui_support import make_context

# Two listen personas and one ask persona, so that no persona filter equals a mode filter.
PLAYED = [
    ("unanswered-text", [MISSTEP]),
    ("unanswered-text", list(CALM)),
    ("quiet-withdraw", list(CALM)),
    ("jumps-to-fixes", ["You never listen to me."]),
]


def _fill(store: SessionStore, catalog: Catalog) -> None:
    for day, (persona, texts) in enumerate(PLAYED, start=1):
        card = catalog.get(persona)
        record(store, card, texts, started_at=datetime(2026, 11, day, 9, 30, tzinfo=UTC))


def _expected(store: SessionStore, persona: str | None, mode: str | None) -> str:
    """What `attune progress --persona/--mode` prints for the same filter."""
    history = store.history()
    progress = build_progress(
        history.sessions, persona=persona, mode=mode, unreadable=len(history.unreadable)
    )
    return "\n".join(progress_lines(progress)) + "\n"


def _shown(pilot: Pilot[None]) -> tuple[str, str]:
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen)
    header = str(screen.query_one("#progress-filter", Static).content)
    view = screen.query_one("#progress-view", Static).content
    assert isinstance(view, Text)
    return header, view.plain


async def _press(pilot: Pilot[None], key: str) -> None:
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_mode_and_persona_keys_filter_the_progress(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    store = context.store
    assert store is not None
    _fill(store, context.catalog)
    app = AttuneApp(context)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _press(pilot, "s")
        await _press(pilot, "p")
        assert _shown(pilot) == ("All personas · all modes", _expected(store, None, None))
        assert "Progress across 4 saved session(s);" in _shown(pilot)[1]

        await _press(pilot, "m")
        assert _shown(pilot) == ("All personas · listen", _expected(store, None, "listen"))
        assert "Progress across 3 saved session(s) (listen);" in _shown(pilot)[1]
        assert "ask mode:" not in _shown(pilot)[1]

        await _press(pilot, "m")
        assert _shown(pilot) == ("All personas · ask", _expected(store, None, "ask"))
        assert "Progress across 1 saved session(s) (ask);" in _shown(pilot)[1]

        await _press(pilot, "m")
        assert _shown(pilot)[0] == "All personas · all modes"

        # Personas with saved sessions, by id: jumps-to-fixes, quiet-withdraw, unanswered-text.
        names = {p: context.catalog.get(p).name for p, _ in PLAYED}
        await _press(pilot, "n")
        await _press(pilot, "n")
        await _press(pilot, "n")
        assert _shown(pilot) == (
            f"{names['unanswered-text']} (unanswered-text) · all modes",
            _expected(store, "unanswered-text", None),
        )
        assert "Progress across 2 saved session(s) (unanswered-text);" in _shown(pilot)[1]

        # Both filters at once: a listen persona in ask mode has nothing to count.
        await _press(pilot, "m")
        await _press(pilot, "m")
        header, view = _shown(pilot)
        assert header == f"{names['unanswered-text']} (unanswered-text) · ask"
        assert view == _expected(store, "unanswered-text", "ask")
        assert view.startswith("No saved sessions (unanswered-text, ask) yet")

        await _press(pilot, "n")
        assert _shown(pilot) == ("All personas · ask", _expected(store, None, "ask"))

"""The TUI and odd stored values: an unreadable session, markup in a name, lone surrogates."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from saved_sessions import CALM, record
from simulator.personas import PersonaCard
from simulator.store import SessionStore
from simulator.support.paths import home_dir
from simulator.tui.app import AttuneApp
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.dialogs import ConfirmScreen
from simulator.tui.screens.practice import PracticeScreen
from simulator.tui.screens.sessions import SessionsScreen
from simulator.tui.widgets.message_input import MessageInput
from simulator.voices.base import Reply, ReplyRequest, ReplyStream
from simulator.voices.scripted import ScriptedVoice
from tui_support import GatedVoice, end_and_skip_rating, make_context, recording, screen_of

SIZE = (120, 40)


async def _sessions_screen(pilot: Pilot[None]) -> SessionsScreen:
    await pilot.pause()
    await pilot.press("s")
    screen = await screen_of(pilot, SessionsScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def _rows(screen: SessionsScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


def _notes(app: AttuneApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


# A JSON column holding garbage; a turn whose level (a float, the right type) would
# have crashed the debrief chart.
BREAKAGES = {
    "sessions.meta": "UPDATE sessions SET meta = '{broken' WHERE id = ?",
    "turns.record": "UPDATE turns SET record = json_set(record, '$.arousal', 1e308) "
    "WHERE session_id = ?",
}


@pytest.mark.parametrize("column", list(BREAKAGES))
async def test_an_unreadable_saved_session_is_flagged_and_the_rest_still_listed(
    tmp_path: Path, card: PersonaCard, column: str
) -> None:
    context = make_context(tmp_path)
    store = context.store
    assert store is not None
    good = record(store, card, CALM[:1])
    bad = record(store, card, CALM[:2])
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute(BREAKAGES[column], (bad,))
    conn.close()
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _sessions_screen(pilot)
        rows = _rows(screen)
        assert len(rows) == 2
        assert any("Priya" in r for r in rows) and any("(cannot be read)" in r for r in rows)
        status = str(screen.query_one("#sessions-empty", Static).render())
        assert "1 saved session(s)" in status and "1 cannot be read" in status
        table = screen.query_one(DataTable)
        table.move_cursor(row=next(i for i, r in enumerate(rows) if "cannot be read" in r))
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen), "opening it says why, it does not crash"
        assert any(f"session {bad} cannot be read: {column}" in n for n in _notes(app))
        await pilot.press("d")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await screen_of(pilot, SessionsScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [s.id for s in store.listing().sessions] == [good]
        assert store.listing().unreadable == []


async def test_markup_and_escapes_in_a_stored_name_show_as_plain_text(
    tmp_path: Path, card: PersonaCard
) -> None:
    context = make_context(tmp_path)
    assert context.store is not None
    odd = card.model_copy(update={"name": "[/] [bold]Pri\x1b]0;T\x07ya"})
    record(context.store, odd, CALM[:1])
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _sessions_screen(pilot)
        (row,) = _rows(screen)
        assert "[/] [bold]Pri\\x1b]0;T\\x07ya" in row and "\x1b" not in row


class SurrogateVoice(ScriptedVoice):
    """A model whose reply holds a lone UTF-16 half, as an escaped JSON string can."""

    def stream(self, request: ReplyRequest) -> ReplyStream:
        async def produce(stream: ReplyStream) -> AsyncIterator[str]:
            yield "I waited \ud83d all day."
            stream.finish(Reply(text="I waited \ud83d all day."))

        return ReplyStream(produce)


async def test_lone_surrogates_from_the_input_and_the_model_are_saved_and_exported(
    tmp_path: Path,
) -> None:
    factory, _ = recording(SurrogateVoice)
    context = make_context(tmp_path, voice_factory=factory)
    store = context.store
    assert store is not None
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        practice = await screen_of(pilot, PracticeScreen)
        await pilot.app.workers.wait_for_complete()
        practice.query_one(MessageInput).text = "I hear you \ud83d really"
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await end_and_skip_rating(pilot)
        await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.press("x")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        session_id = practice.practice.id
        assert session_id is not None
        (turn,) = SessionStore(store.path).load(session_id).turns
        assert turn.user == "I hear you \ufffd really"
        assert turn.reply == "I waited \ufffd all day."
        page = home_dir() / "exports" / f"{session_id}.html"
        assert "I waited \ufffd all day." in page.read_text(encoding="utf-8")


async def test_a_notification_naming_the_partner_shows_escapes_not_raw_controls(
    tmp_path: Path, card: PersonaCard
) -> None:
    factory, voices = recording(GatedVoice)
    context = make_context(tmp_path, voice_factory=factory)
    odd = card.model_copy(update={"name": "Pri\x1b]0;T\x07ya"})
    context.catalog.add(odd, context.catalog.sources[card.id])
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        practice = await screen_of(pilot, PracticeScreen)
        await pilot.app.workers.wait_for_complete()
        practice.query_one(MessageInput).text = CALM[0]
        await pilot.press("enter")
        await voices[0].first_sent.wait()
        practice.query_one(MessageInput).text = CALM[1]
        await pilot.press("enter")
        await pilot.pause()
        voices[0].release.set()
        await pilot.app.workers.wait_for_complete()
        (busy,) = [n for n in _notes(app) if "still answering" in n]
        assert busy == "Pri\\x1b]0;T\\x07ya is still answering."

"""SVG snapshots of the main screens (pytest-textual-snapshot); update with --snapshot-update."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from simulator.personas import Catalog, PersonaCard
from simulator.practice.conversation import Practice, PracticeSetup
from simulator.store.sqlite import SessionStore
from simulator.tui.app import AttuneApp
from simulator.tui.widgets.message_input import MessageInput
from simulator.voices.base import Reply
from simulator.voices.scripted import ScriptedVoice
from tui_support import FailingVoice, end_and_skip_rating, make_context

SIZE = (120, 36)
TURNS = [
    "Relax, it's not a big deal. I was busy.",
    "Sorry, that came out wrong. I can see why that felt bad. I'm here.",
]


@pytest.fixture(autouse=True)
def _steady_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor, and one time zone, so every run draws the same frame."""
    monkeypatch.setattr(MessageInput, "BLINK", False)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


async def _talk(pilot: Pilot[None], *keys: str) -> None:
    await pilot.pause()
    await pilot.press(*keys, "enter")
    await pilot.app.workers.wait_for_complete()
    for text in TURNS:
        pilot.app.screen.query_one(MessageInput).text = text
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_picker(snap_compare: object, tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=SIZE)  # type: ignore[operator]


def test_practice_live_feedback_with_hint(snap_compare: object, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _talk(pilot, "f")
        await pilot.press("ctrl+t")
        await pilot.pause()

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


def test_practice_feedback_after(snap_compare: object, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _talk(pilot)

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


def test_practice_real_talk(snap_compare: object, tmp_path: Path) -> None:
    """No meter, gauges or steps: the conversation, with each reply's cue under it."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _talk(pilot, "r")

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


def test_debrief_real_talk(snap_compare: object, tmp_path: Path) -> None:
    """After real talk the debrief shows the chart and the state turn by turn."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _talk(pilot, "r")
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=(120, 50), run_before=run_before)  # type: ignore[operator]


def test_debrief(snap_compare: object, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _talk(pilot)
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=(120, 50), run_before=run_before)  # type: ignore[operator]


def _saved_sessions(store: SessionStore, catalog: Catalog) -> None:
    for day, persona in enumerate(["unanswered-text", "quiet-withdraw"], start=1):
        card = catalog.get(persona)
        setup = PracticeSetup(persona_id=persona, model="scripted")
        practice = Practice(card, ScriptedVoice(card), setup, store)
        practice.meta = practice.meta.model_copy(
            update={"started_at": datetime(2026, 11, day, 9, 30, tzinfo=UTC)}
        )
        for text in TURNS[:day]:
            pending = practice.prepare(text)
            practice.commit(pending, Reply(text=ScriptedVoice(card).reply(pending.outcome)))
        practice.end()
        assert practice.flush()


def test_sessions_list(snap_compare: object, tmp_path: Path) -> None:
    context = make_context(tmp_path)
    assert context.store is not None
    _saved_sessions(context.store, context.catalog)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = AttuneApp(context)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


def test_model_error_dialog(snap_compare: object, tmp_path: Path) -> None:
    def factory(model: str, card: PersonaCard, settings: object, seed: int) -> FailingVoice:
        return FailingVoice(card, kind="rate_limit")

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        pilot.app.screen.query_one(MessageInput).text = TURNS[1]
        await pilot.press("enter")
        await pilot.pause(0.2)

    app = AttuneApp(make_context(tmp_path, store=False, voice_factory=factory))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


def test_new_scenario_form(snap_compare: object, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-name", Input).value = "Sam"
        form.query_one("#field-about", Input).value = ""
        form.query_one("#field-says_first", Input).value = "So you finally remembered?"
        await pilot.press("ctrl+s")
        await pilot.pause()

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


ASK_TURNS = [
    "You never listen to me.",
    "Let me say that again. I'm hurting, and I need comfort first, then we can talk solutions.",
]


async def _ask(pilot: Pilot[None]) -> None:
    """Pick the first ask-mode partner (just below the listen ones), live feedback, and talk."""
    await pilot.pause()
    await pilot.press("down", "f", "enter")
    await pilot.app.workers.wait_for_complete()
    for text in ASK_TURNS:
        pilot.app.screen.query_one(MessageInput).text = text
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_practice_ask_mode_live_feedback(snap_compare: object, tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=SIZE, run_before=_ask)  # type: ignore[operator]


def test_debrief_ask_mode(snap_compare: object, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _ask(pilot)
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=(120, 50), run_before=run_before)  # type: ignore[operator]


async def _rate(pilot: Pilot[None]) -> None:
    """Talk, end the scene, and rate two steps on the screen before the debrief."""
    await _talk(pilot)
    await pilot.press("escape")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("right", "right", "enter")  # present: clearly
    await pilot.press("tab", "tab", "tab", "right", "right", "enter")  # validate: clearly
    await pilot.pause()


def test_self_rating_screen(snap_compare: object, tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=(120, 40), run_before=_rate)  # type: ignore[operator]


def test_debrief_with_self_rating(snap_compare: object, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _rate(pilot)
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.screen.query_one("#self-rating").scroll_visible(animate=False, top=True)
        await pilot.pause()

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=(120, 50), run_before=run_before)  # type: ignore[operator]


def test_progress_screen(
    snap_compare: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = iter(f"2026110{n}-093000-c0a{n}" for n in range(1, 10))
    monkeypatch.setattr("simulator.store.clock.new_id", lambda started: next(ids))
    context = make_context(tmp_path)
    assert context.store is not None
    _saved_sessions(context.store, context.catalog)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("p")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = AttuneApp(context)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)  # type: ignore[operator]

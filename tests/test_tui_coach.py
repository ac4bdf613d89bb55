"""Coach tools in the TUI: the coach view (F2) while practising, notes from the debrief (a)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select, Static

from saved_sessions import UNSURE, checks_in_on
from simulator.feedback.coach_view import coach_view
from simulator.personas import PersonaCard
from simulator.store import TagFix
from simulator.tui.app import AttuneApp
from simulator.tui.screens.correction import CorrectionScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.note import NoteScreen
from simulator.tui.screens.practice import PracticeScreen
from simulator.tui.screens.sessions import SessionsScreen
from simulator.tui.widgets.coach_panel import CoachPanel, coach_text
from simulator.tui.widgets.message_input import MessageInput
from simulator.turns.session import Session
from simulator.voices import ScriptedVoice
from test_tui_flows import SIZE, send, start, static_text
from tui_support import end_and_skip_rating, make_context, screen_of

MISSTEP = "Relax, it's not a big deal. I was busy. Relax."
REPAIR = "Sorry, that came out wrong. I can see why that felt bad. I'm here."


def test_the_coach_view_lists_every_tag_with_its_numbers(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card))
    first = session.respond(MISSTEP)
    session.respond(REPAIR)
    view = coach_view(card, 1.0, session.state, session.start, session.turns)
    assert (view.arousal, view.connection) == (session.turns[-1].arousal, 25.5)
    assert (
        view.thresholds
        == "flooded 80+ · escalated 60+ · guarded 40+ · settling 20+ · regulated <20"
    )
    assert "softer fear at connection >= 60" in view.softer and "not yet" in view.softer
    turn1 = view.turns[0]
    assert turn1.arousal_delta == round(first.arousal - card.baseline.arousal, 1)
    # Every tag the classifier made, in order, including the repeated "Relax".
    assert [(t.move, t.span) for t in turn1.tags] == [
        ("minimize", "Relax"),
        ("minimize", "it's not a big deal"),
        ("explain", "I was busy"),
        ("minimize", "Relax"),
    ]
    counted = [t for t in turn1.tags if t.arousal is not None]
    assert sum(t.arousal or 0 for t in counted) == pytest.approx(turn1.arousal_delta, abs=0.2)
    assert [t.move for t in view.turns[1].tags] == ["repair", "validate", "support"]


def test_the_coach_view_says_which_turns_attune_stepped_out_on(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card), safety=checks_in_on(UNSURE))
    for text in (REPAIR, UNSURE, "He hits me."):
        session.respond(text)
    view = coach_view(card, 1.0, session.state, session.start, session.turns)
    assert [t.safety for t in view.turns] == [None, "check_in", "pause"]
    assert [t.tags for t in view.turns[1:]] == [[], []]
    lines = coach_text(view).plain.splitlines()
    at = {line.split()[0]: i for i, line in enumerate(lines) if line.startswith("T")}
    assert lines[at["T2"] + 1].strip() == "attune checked in (not scored)"
    assert lines[at["T3"] + 1].strip() == "paused for your safety (not scored)"


async def test_f2_shows_the_numbers_live_and_hides_them_again(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        panel = screen.query_one(CoachPanel)
        assert not panel.display
        await pilot.press("f2")
        await pilot.pause()
        assert panel.display
        shown = static_text(app, "#coach-text")
        assert "arousal 70.0  connection 35.0  escalated" in shown
        assert "No turns yet." in shown
        await send(pilot, MISSTEP)
        shown = static_text(app, "#coach-text")
        turn = screen.practice.turns[-1]
        assert f"T1  flooded    arousal {turn.arousal:5.1f} (+29.8)" in shown
        assert 'minimize "Relax"  arousal +20.5, connection -11.9' in shown
        assert 'minimize "it\'s not a big deal"  (counted once per move)' in shown
        assert 'explain "I was busy"' in shown
        # The learner's box keeps the focus: the coach watches, the learner types.
        assert isinstance(app.focused, MessageInput)
        await send(pilot, REPAIR)
        assert 'repair "that came out wrong"' in static_text(app, "#coach-text")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "T2" not in static_text(app, "#coach-text")
        await pilot.press("f2")
        await pilot.pause()
        assert not panel.display


async def _debrief_after(pilot: Pilot[None], *texts: str) -> DebriefScreen:
    await start(pilot)
    for text in texts:
        await send(pilot, text)
    await end_and_skip_rating(pilot)
    return await screen_of(pilot, DebriefScreen)


async def test_a_note_from_the_debrief_is_saved_on_the_chosen_turn(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        debrief = await _debrief_after(pilot, MISSTEP, REPAIR)
        assert not debrief.query_one("#notes").display
        await pilot.press("a")
        dialog = await screen_of(pilot, NoteScreen)
        choices = dialog.query_one(Select)
        assert choices.value == 0
        # An empty note is refused in place; nothing is saved.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert "the note is empty" in str(dialog.query_one("#note-problem", Static).render())
        choices.value = 2
        dialog.query_one(Input).value = "The repair named the misstep: good."
        await pilot.press("enter")
        await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert context.store is not None and debrief.session_id is not None
        notes = context.store.notes(debrief.session_id)
        assert [(n.turn, n.text) for n in notes] == [(2, "The repair named the misstep: good.")]
        assert debrief.query_one("#notes").display
        assert "Turn 2: The repair named the misstep: good." in static_text(app, "#notes")
        # Escape cancels without saving.
        await pilot.press("a")
        await screen_of(pilot, NoteScreen)
        await pilot.press("escape")
        await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        assert len(context.store.notes(debrief.session_id)) == 1


async def test_notes_show_and_grow_when_a_saved_session_is_reopened(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        first = await _debrief_after(pilot, REPAIR)
        assert context.store is not None and first.session_id is not None
        context.store.add_note(first.session_id, 0, "Warm from the first line.")
        await pilot.press("s")
        await screen_of(pilot, SessionsScreen)
        await pilot.app.workers.wait_for_complete()
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("enter")
        reopened = await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Whole session: Warm from the first line." in static_text(app, "#notes")
        await pilot.press("a")
        dialog = await screen_of(pilot, NoteScreen)
        dialog.query_one(Select).value = 1
        dialog.query_one(Input).value = "Try naming the fear next time."
        await pilot.press("enter")
        await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert reopened.session_id == first.session_id
        assert "Turn 1: Try naming the fear next time." in static_text(app, "#notes")


async def test_a_session_that_is_not_saved_cannot_take_notes(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path, store=False))
    async with app.run_test(size=SIZE) as pilot:
        await _debrief_after(pilot, REPAIR)
        await pilot.press("a")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert any("cannot take notes" in str(n.message) for n in app._notifications)


@pytest.fixture
def _steady_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor, one time zone: every run draws the same frame."""
    monkeypatch.setattr(MessageInput, "BLINK", False)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


@pytest.mark.usefixtures("_steady_screen")
def test_snapshot_coach_view(snap_compare: object, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await start(pilot)
        await pilot.press("f2")
        for text in (MISSTEP, REPAIR):
            await send(pilot, text)

    app = AttuneApp(make_context(tmp_path, store=False))
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)  # type: ignore[operator]


@pytest.mark.usefixtures("_steady_screen")
def test_snapshot_note_dialog(
    snap_compare: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The session id (shown in the title) would otherwise carry the time of the run.
    monkeypatch.setattr("simulator.store.clock.new_id", lambda started: "20261122-093000-c0ac")

    async def run_before(pilot: Pilot[None]) -> None:
        await _debrief_after(pilot, MISSTEP, REPAIR)
        await pilot.press("a")
        dialog = await screen_of(pilot, NoteScreen)
        dialog.query_one(Select).value = 1
        dialog.query_one(Input).value = "The minimizing landed hard here."
        await pilot.pause()

    app = AttuneApp(make_context(tmp_path))
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)  # type: ignore[operator]


async def test_the_coach_view_speaks_ask_mode_for_an_ask_mode_partner(tmp_path: Path) -> None:
    # Ask-mode moves are not listen-mode moves: the panel must neither crash on them nor
    # call defensiveness "arousal".
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.screen
        options = picker.query_one(OptionList)
        options.highlighted = [str(o.id) for o in options.options].index("jumps-to-fixes")
        screen = await start(pilot)
        assert screen.practice.card.mode == "ask"
        await pilot.press("f2")
        await send(pilot, "You always ignore what I need.")
        await send(pilot, "I'm feeling low. I need a hug first, then we can plan.")
        shown = static_text(app, "#coach-text")
        assert "defensiveness" in shown and "turning toward" in shown
        assert "arousal" not in shown and "connection" not in shown
        assert "stages: defending 80+ · explaining 60+" in shown
        assert 'criticize "You always"' in shown
        assert 'soft_startup "I\'m feeling low"' in shown
        view = coach_view(
            screen.practice.card,
            1.0,
            screen.practice.state,
            screen.practice.session.start,
            screen.practice.turns,
        )
        helpful = {t.move: t.helpful for turn in view.turns for t in turn.tags}
        assert helpful["criticize"] is False and helpful["soft_startup"] is True


async def test_a_tag_marked_wrong_in_the_coach_view_is_shown_and_saved(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, MISSTEP)
        # F3 belongs to the coach view: with it hidden, nothing opens.
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, type(screen))
        await pilot.press("f2", "f3")
        dialog = await screen_of(pilot, CorrectionScreen)
        what = dialog.query_one("#fix-what", Select)
        assert what.value == TagFix(kind="wrong", move="minimize")
        # Pick the second choice from the list, as a coach would, and save.
        await pilot.press("enter", "down", "enter", "tab", "enter")
        await screen_of(pilot, PracticeScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        shown = static_text(app, "#coach-text")
        assert 'explain "I was busy"  marked wrong' in shown
        assert 'minimize "Relax"  arousal +20.5' in shown
        assert isinstance(app.focused, MessageInput)
        # A missed move, with words that are not in the message: refused in place.
        await pilot.press("f3")
        dialog = await screen_of(pilot, CorrectionScreen)
        dialog.query_one("#fix-what", Select).value = TagFix(
            kind="missed", move="acknowledge_impact"
        )
        dialog.query_one("#fix-words", Input).value = "you must have worried"
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CorrectionScreen)
        assert "does not say 'you must have worried'" in static_text(app, "#fix-problem")
        dialog.query_one("#fix-words", Input).value = "NOT a big deal"
        await pilot.click("#save")
        await screen_of(pilot, PracticeScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert '+ acknowledge_impact "not a big deal"  added as missed' in static_text(
            app, "#coach-text"
        )
        assert context.store is not None and screen.practice.id is not None
        saved = context.store.load(screen.practice.id)
        assert [(c.turn, c.kind, c.move.value, c.words) for c in saved.corrections] == [
            (1, "wrong", "explain", None),
            (1, "missed", "acknowledge_impact", "not a big deal"),
        ]

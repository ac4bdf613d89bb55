"""A browser tab under `attune serve` is a guest: it practises and is saved, and that is all.

It reaches none of the owner's saved sessions (no list, no other debrief) and cannot make,
edit or delete a card; the picker hides those keys and the actions refuse when called.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from saved_sessions import record
from simulator.personas.loader import load_default_catalog
from simulator.scenario import ScenarioAnswers, build_card, closest_persona, save_user_card
from simulator.support.paths import home_dir
from simulator.tui.app import AttuneApp
from simulator.tui.context import AppContext, build_context
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.dialogs import ConfirmScreen
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.screens.practice import PracticeScreen
from simulator.tui.screens.scenario_form import ScenarioFormScreen
from simulator.tui.screens.sessions import SessionsScreen
from simulator.tui.widgets.message_input import MessageInput
from tui_support import SAM, end_and_skip_rating, make_context, screen_of

SIZE = (120, 40)
MESSAGE = "I can see why that hurt. I'm here."
OWNER_WORDS = "My owner's private words about the anniversary."
OWNER_ONLY = ("sessions", "new_scenario", "edit_scenario", "delete_scenario")


def guest_context(tmp_path: Path) -> AppContext:
    """The test context as a served tab gets it."""
    context = make_context(tmp_path)
    context.guest = True
    return context


def save_sam(context: AppContext) -> Path:
    """One of the owner's own cards, on disk and in the catalog."""
    answers = ScenarioAnswers.model_validate(SAM)
    card = build_card(answers, closest_persona(answers, context.catalog), "sam")
    return save_user_card(card, context.catalog, answers)


def current_screen(app: AttuneApp) -> object:
    """The screen on top, untyped (so checks after a narrowing assert stay legal)."""
    return app.screen


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_guest_practises_and_is_saved_but_never_reaches_saved_sessions(
    tmp_path: Path,
) -> None:
    context = guest_context(tmp_path)
    store = context.store
    assert store is not None
    owners = record(store, context.catalog.get("bad-day"), texts=[OWNER_WORDS])
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert all(picker.check_action(action, ()) is False for action in OWNER_ONLY)
        await pilot.press("s")
        await settle(pilot)
        assert current_screen(app) is picker
        picker.action_sessions()  # the action itself refuses, not only its key
        app.open_sessions()
        await settle(pilot)
        assert not any(isinstance(s, SessionsScreen) for s in app.screen_stack)
        # A practice turn works and is saved.
        await pilot.press("enter")
        practice = await screen_of(pilot, PracticeScreen)
        practice.query_one(MessageInput).text = MESSAGE
        await pilot.press("enter")
        await settle(pilot)
        await end_and_skip_rating(pilot)
        debrief = await screen_of(pilot, DebriefScreen)
        await settle(pilot)
        session_id = practice.practice.id
        assert session_id is not None and session_id != owners
        assert [t.user for t in store.load(session_id).turns] == [MESSAGE]
        # Its own debrief, and from there neither the sessions list nor an export.
        assert debrief.session_id == session_id
        assert debrief.check_action("sessions", ()) is False
        assert debrief.check_action("export", ()) is False
        await pilot.press("s", "x")
        await settle(pilot)
        debrief.action_sessions()
        debrief.action_export()
        await settle(pilot)
        assert current_screen(app) is debrief
        assert not any(isinstance(s, SessionsScreen) for s in app.screen_stack)
        assert not (home_dir() / "exports").exists()
        notice = str(app.screen_stack[0].query_one("#notice").render())
        assert "cannot list or reopen saved sessions" in notice
    assert {s.id for s in store.list()} == {owners, session_id}


async def test_a_guest_cannot_make_edit_or_delete_a_card(tmp_path: Path) -> None:
    context = guest_context(tmp_path)
    # The owner's folder, loaded as a full app would: even then the guest may not touch it.
    context.catalog = load_default_catalog()
    path = save_sam(context)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert not picker.query("#new-scenario")
        options = picker.query_one(OptionList)
        options.highlighted = [str(o.id) for o in options.options].index("sam")
        await pilot.pause()
        assert picker.check_action("edit_scenario", ()) is False
        await pilot.press("n", "e", "d")
        await settle(pilot)
        picker.action_new_scenario()
        picker.action_edit_scenario()
        picker.action_delete_scenario()
        await settle(pilot)
        assert current_screen(app) is picker
        assert not any(isinstance(s, ScenarioFormScreen | ConfirmScreen) for s in app.screen_stack)
        assert path.exists() and "sam" in context.catalog.cards


def test_a_guest_context_leaves_out_the_owners_own_cards(tmp_path: Path) -> None:
    owner = build_context("scripted")
    save_sam(owner)
    assert "sam" in build_context("scripted").catalog.cards
    guest = build_context("scripted", guest=True)
    assert guest.guest and not build_context("scripted").guest
    assert "sam" not in guest.catalog.cards
    assert "unanswered-text" in guest.catalog.cards

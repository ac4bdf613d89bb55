"""The rate-yourself screen before the debrief: keyboard, mouse, skip, stored and shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import RadioSet, Static

from simulator.tui.app import AttuneApp
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.self_rating import SelfRatingScreen
from simulator.tui.screens.sessions import SessionsScreen
from test_tui_flows import MISATTUNED, SIZE, send, start
from tui_support import make_context, screen_of


def _shown(screen: DebriefScreen) -> str:
    return str(screen.query_one("#self-rating", Static).render())


async def test_rating_by_keyboard_is_stored_and_shown_beside_the_measure(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        practice = (await start(pilot)).practice
        await send(pilot, MISATTUNED)
        await pilot.press("escape")
        rating = await screen_of(pilot, SelfRatingScreen)
        assert [s.id for s in rating.steps][:4] == ["present", "steady", "reflect", "validate"]
        assert rating.focused is rating.query_one("#rate-present", RadioSet)
        # Present: "somewhat" (move to the second level, select it).
        await pilot.press("right", "enter")
        # Steady left blank; reflect and validate: "clearly".
        await pilot.press("tab", "tab", "right", "right", "enter")
        await pilot.press("tab", "right", "right", "enter")
        assert rating.ratings == {
            "present": "somewhat",
            "reflect": "clearly",
            "validate": "clearly",
        }
        await pilot.press("ctrl+s")
        debrief = await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        text = _shown(debrief)
        assert "Your view and what was measured" in text
        assert "Validate the feeling" in text and "≠" in text
        assert (
            "You felt you clearly showed 'Validate the feeling'; it was not recognised in any"
            in " ".join(text.split())
        )
        assert context.store is not None and practice.id is not None
        assert context.store.load(practice.id).self_ratings == {
            "present": "somewhat",
            "reflect": "clearly",
            "validate": "clearly",
        }


async def test_rating_by_mouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Separate clicks, as a person makes them: not one fast double or triple click.
    monkeypatch.setattr(AttuneApp, "CLICK_CHAIN_TIME_THRESHOLD", 0.0)
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        practice = (await start(pilot)).practice
        await send(pilot, MISATTUNED)
        await pilot.press("escape")
        await screen_of(pilot, SelfRatingScreen)
        await pilot.pause()
        await pilot.click("#rate-steady-not_really", offset=(3, 0))
        await pilot.click("#rate-solve-somewhat", offset=(3, 0))
        await pilot.click("#rating-save")
        debrief = await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        assert context.store is not None and practice.id is not None
        assert context.store.load(practice.id).self_ratings == {
            "steady": "not_really",
            "solve": "somewhat",
        }
        # Nothing steady was recognised and nothing was solved: "somewhat" differs, once.
        text = " ".join(_shown(debrief).split())
        assert "You felt you somewhat showed 'Solve once settled'" in text
        assert "'Stay steady, not defensive'" not in text.split("measured", 1)[1].split("•", 1)[1]


async def test_skipping_stores_nothing_and_the_debrief_says_so(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        practice = (await start(pilot)).practice
        await send(pilot, MISATTUNED)
        await pilot.press("escape")
        rating = await screen_of(pilot, SelfRatingScreen)
        await pilot.press("right", "enter")  # picked, then skipped anyway
        assert rating.ratings == {"present": "somewhat"}
        await pilot.press("escape")
        debrief = await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        assert "You skipped rating yourself" in _shown(debrief)
        assert context.store is not None and practice.id is not None
        saved = context.store.load(practice.id)
        assert saved.self_ratings == {} and saved.ended_at is not None


async def test_a_scene_with_nothing_said_goes_straight_to_the_debrief(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("escape")
        debrief = await screen_of(pilot, DebriefScreen)
        assert not debrief.query("#self-rating")


async def test_a_reopened_session_shows_its_rating(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await send(pilot, MISATTUNED)
        await pilot.press("escape")
        await screen_of(pilot, SelfRatingScreen)
        await pilot.pause()
        await pilot.click("#rate-validate-clearly", offset=(3, 0))
        await pilot.press("ctrl+s")
        await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.press("s")
        await screen_of(pilot, SessionsScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        reopened = await screen_of(pilot, DebriefScreen)
        await pilot.pause()
        assert reopened.session_id is not None
        assert "You felt you clearly showed 'Validate the feeling'" in " ".join(
            _shown(reopened).split()
        )

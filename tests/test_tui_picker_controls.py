"""The picker's light controls: the intensity and feedback lines and its one-line buttons,
by mouse and keyboard, reach the practice they start."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from simulator.tui.app import AttuneApp
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.screens.practice import PracticeScreen
from simulator.tui.widgets.choice import Choice
from tui_support import make_context

SIZE = (120, 40)


def choice(app: AttuneApp, selector: str) -> Choice:
    return app.screen.query_one(selector, Choice)


async def started(pilot: Pilot[None]) -> PracticeScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PracticeScreen), type(screen).__name__
    return screen


async def test_clicks_cycle_the_choices_and_the_start_line_starts_with_them(
    tmp_path: Path,
) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        intensity = choice(app, "#intensity")
        assert intensity.value == "realistic"
        assert "as the persona is written" in str(intensity.render())
        await pilot.click("#intensity", offset=(40, 0))  # on the words: the next value
        assert intensity.value == "hard"
        assert "missteps land harder" in str(intensity.render())
        await pilot.click("#intensity", offset=(40, 0))
        assert intensity.value == "gentle"  # wraps round
        left_arrow = len(intensity.label) + 2
        await pilot.click("#intensity", offset=(left_arrow, 0))
        assert intensity.value == "hard"  # the left arrow goes back
        await pilot.click("#feedback-choice", offset=(40, 0))
        assert choice(app, "#feedback-choice").value == "live"
        await pilot.click("#start")
        screen = await started(pilot)
        assert screen.practice.setup.intensity == "hard"
        assert screen.practice.setup.feedback == "live"


async def test_the_keyboard_reaches_every_control(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        choice(app, "#intensity").focus()
        await pilot.press("right")
        assert choice(app, "#intensity").value == "hard"
        await pilot.press("left", "left")
        assert choice(app, "#intensity").value == "gentle"
        await pilot.press("tab", "space")  # the feedback line is next
        assert choice(app, "#feedback-choice").value == "live"
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "start"
        await pilot.press("enter")
        screen = await started(pilot)
        assert screen.practice.setup.intensity == "gentle"
        assert screen.practice.setup.feedback == "live"


async def test_the_new_scenario_line_opens_the_form(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.click("#new-scenario")
        await pilot.pause()
        assert type(app.screen).__name__ == "ScenarioFormScreen"


def test_a_choice_must_start_on_one_of_its_values() -> None:
    with pytest.raises(ValueError, match="'loud' is not one of gentle, hard"):
        Choice("Intensity", {"gentle": "", "hard": ""}, "loud", id="intensity")

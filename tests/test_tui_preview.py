"""A bare `attune` from its cache: the picker first, the cards, settings and store after it."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from test_picker_cache import LONG_AGO_NS, write_card
from textual.widgets import OptionList, Static

from simulator.cli import main as cli_main
from simulator.cli.crash import BUG_EXIT
from simulator.personas.index import PersonaIndex
from simulator.support import stamped
from simulator.support.errors import AttuneError
from simulator.support.paths import user_personas_dir
from simulator.tui.app import AttuneApp, open_picker
from simulator.tui.context import AppContext
from simulator.tui.preview import Preview, load_context, picker_cache
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.screens.practice import PracticeScreen
from simulator.tui.screens.sessions import SessionsScreen
from simulator.tui.screens.your_scenarios import YOURS_HEADING
from tui_support import screen_of

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stamped, "RACY_NS", 0)


def cached_preview() -> Preview:
    load_context()  # the slow start, which writes the cache
    preview = picker_cache().read()
    assert preview is not None
    return preview


def held(preview: Preview) -> tuple[Preview, threading.Event]:
    """The preview, its loading held until the test releases it."""
    release = threading.Event()

    def load() -> AppContext:
        assert release.wait(30)
        return preview.load()

    return dataclasses.replace(preview, load=load), release


def option_ids(app: AttuneApp) -> list[str]:
    return [str(o.id) for o in app.screen.query_one("#personas", OptionList).options]


def notes(app: AttuneApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_the_picker_draws_from_the_cache_before_anything_is_loaded() -> None:
    write_card("sam", "Sam")
    preview, release = held(cached_preview())
    app = AttuneApp(preview)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and not app.context_loaded
        ids = option_ids(app)
        assert ids[-2:] == [YOURS_HEADING, "sam"], "the learner's own scenarios, as before"
        assert "unanswered-text" in ids and "jumps-to-fixes" in ids
        assert "Priya" in str(app.screen.query_one("#scenario", Static).render())
        notice = str(app.screen.query_one("#notice", Static).render())
        assert "Sessions are saved only on this computer" in notice
        drawn = [str(o.prompt) for o in app.screen.query_one("#personas", OptionList).options]
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.context_loaded and "sam" in app.context.catalog.cards
        after = [str(o.prompt) for o in app.screen.query_one("#personas", OptionList).options]
        assert after == drawn, "the loaded catalog lists exactly what the cache drew"


async def test_start_waits_for_the_cards_then_practises_with_the_highlighted_one() -> None:
    preview, release = held(cached_preview())
    app = AttuneApp(preview)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen), "nothing to practise with until loaded"
        release.set()
        screen = await screen_of(pilot, PracticeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.practice.card.id == "unanswered-text"


async def test_saved_sessions_open_once_the_store_has() -> None:
    preview, release = held(cached_preview())
    app = AttuneApp(preview)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        release.set()
        await screen_of(pilot, SessionsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_a_skipped_card_of_yours_is_reported_at_the_first_frame() -> None:
    write_card("sam", "Sam", text="id: sam\nname: [not, a, name]\n")
    preview, release = held(cached_preview())
    app = AttuneApp(preview)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.context_loaded
        assert any("Skipped one of your cards" in n and "sam.yaml" in n for n in notes(app))
        release.set()
        await app.workers.wait_for_complete()


async def test_an_out_of_date_preview_gives_way_to_the_loaded_catalog() -> None:
    # What an older attune might have cached: one card fewer than there is.
    preview = cached_preview()
    entries = {k: v for k, v in preview.personas.entries.items() if k != "bad-day"}
    stale = dataclasses.replace(preview, personas=PersonaIndex(entries, preview.personas.modes))
    app = AttuneApp(stale)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        # The loaded catalog replaces the options by a posted message: on a loaded machine
        # (a clean-clone CI run) one pause was not always enough for it to arrive.
        for _ in range(100):
            await pilot.pause(0.02)
            if "bad-day" in option_ids(app):
                break
        assert "bad-day" in option_ids(app)


def headless(
    monkeypatch: pytest.MonkeyPatch, check: Callable[[AttuneApp], Coroutine[Any, Any, None]]
) -> None:
    """`AttuneApp.run` runs headless, waits for the loading, then calls `check`."""

    async def drive(app: AttuneApp) -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await check(app)

    monkeypatch.setattr(AttuneApp, "run", lambda self, **_: asyncio.run(drive(self)))
    monkeypatch.setattr(cli_main, "_opens_picker", lambda argv: True)


def test_bare_attune_runs_the_picker_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    cached_preview()
    seen: list[str] = []

    async def check(app: AttuneApp) -> None:
        seen.extend(option_ids(app))
        app.exit()

    headless(monkeypatch, check)
    assert cli_main.main([]) == 0
    assert "unanswered-text" in seen


def test_a_card_that_fails_after_the_first_frame_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cached_preview()

    def broken(*args: object, **kwargs: object) -> AppContext:
        raise AttuneError("bad-day.yaml: name: required field is missing")

    async def check(app: AttuneApp) -> None:
        assert app.load_failure is not None

    monkeypatch.setattr("simulator.tui.preview.load_context", broken)
    headless(monkeypatch, check)
    assert cli_main.main([]) == 2
    err = capsys.readouterr().err
    assert err == "attune: error: bad-day.yaml: name: required field is missing\n"
    assert not picker_cache().path.exists(), "the next start takes the slow path"


def test_a_bug_while_loading_after_the_first_frame_is_reported_as_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cached_preview()

    def buggy(*args: object, **kwargs: object) -> AppContext:
        raise RuntimeError("boom")

    async def check(app: AttuneApp) -> None:
        return None

    monkeypatch.setattr("simulator.tui.preview.load_context", buggy)
    headless(monkeypatch, check)
    assert cli_main.main([]) == BUG_EXIT
    err = capsys.readouterr().err
    assert err.startswith("attune: internal error") and err.count("\n") == 1
    assert "Traceback" not in err


def test_without_a_cache_nothing_runs_and_the_slow_path_takes_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(self: AttuneApp, **_: object) -> None:
        raise AssertionError("the picker must not run from a cache that is not there")

    monkeypatch.setattr(AttuneApp, "run", never)
    assert open_picker() is False
    write_card("sam", "Sam")
    load_context()
    os.utime(user_personas_dir() / "sam.yaml", ns=(LONG_AGO_NS + 9, LONG_AGO_NS + 9))
    assert open_picker() is False, "a changed card: the slow path validates it"


class _Tty:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("args", "tty", "fast"),
    [
        ([], True, True),
        (["practice"], True, True),
        ([], False, False),
        (["practice", "--persona", "bad-day"], True, False),
        (["--help"], True, False),
        (["personas", "list"], True, False),
        (["practice", "--model", "local"], True, False),
    ],
)
def test_only_a_bare_attune_in_a_terminal_takes_the_cache(
    monkeypatch: pytest.MonkeyPatch, args: list[str], tty: bool, fast: bool
) -> None:
    monkeypatch.setattr("sys.stdin", _Tty(tty))
    monkeypatch.setattr("sys.stdout", _Tty(tty))
    assert cli_main._opens_picker(args) is fast
    monkeypatch.setattr("sys.argv", ["attune", *args])
    assert cli_main._opens_picker(None) is fast


def test_a_missing_home_is_a_miss_not_an_error(tmp_path: Path) -> None:
    assert not Path(os.environ["ATTUNE_HOME"]).exists()
    assert picker_cache().read() is None

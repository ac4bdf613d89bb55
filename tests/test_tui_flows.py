"""The practice TUI, driven headless with Pilot: pick, talk, rewind, end, debrief, reopen."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from rich.console import RenderableType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Sparkline, Static

from conftest import REPO, RunCli, authored_lines
from saved_sessions import UNSURE, checks_in_on
from simulator.engine import INTENSITIES
from simulator.feedback.coaching import hint
from simulator.personas import PersonaCard
from simulator.practice.conversation import PracticeSetup
from simulator.store.sqlite import SessionStore
from simulator.support.errors import StoreError
from simulator.support.paths import home_dir
from simulator.tui.app import AttuneApp
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.dialogs import CheckInScreen, ModelErrorScreen, SafetyPauseScreen
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.screens.practice import PracticeScreen
from simulator.tui.screens.sessions import SessionsScreen
from simulator.tui.widgets.gauge import Gauge
from simulator.tui.widgets.message_input import MessageInput
from simulator.tui.widgets.messages import LearnerMessage, PartnerMessage, SystemNote
from tui_support import (
    CutVoice,
    FailingVoice,
    GatedVoice,
    end_and_skip_rating,
    make_context,
    recording,
    screen_of,
)

SIZE = (120, 40)
MISATTUNED = "Relax, it's not a big deal. I was busy."
ATTUNED = [
    "I'm sorry. I can see why that felt bad, and I'm here.",
    "It sounds like the waiting was awful. That makes sense.",
    "I'm here with you. What do you need from me right now?",
]


async def send(pilot: Pilot[None], text: str) -> None:
    """Type a message into the box, press Enter and wait for the reply to finish."""
    box = pilot.app.screen.query_one(MessageInput)
    box.text = text
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def practice_screen(app: AttuneApp) -> PracticeScreen:
    screen = app.screen
    assert isinstance(screen, PracticeScreen), type(screen).__name__
    return screen


def current_screen(app: AttuneApp) -> object:
    """The screen on top, untyped (so checks after a narrowing assert stay legal)."""
    return app.screen


def static_text(app: AttuneApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def start(pilot: Pilot[None], *keys: str) -> PracticeScreen:
    await pilot.pause()
    await pilot.press(*keys, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return practice_screen(pilot.app)  # type: ignore[arg-type]


async def test_picker_lists_every_persona_and_starts_with_the_documents_example(
    tmp_path: Path,
) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(context.catalog.cards)
        assert options.highlighted_option is not None
        assert options.highlighted_option.id == "unanswered-text"
        assert "Priya" in static_text(app, "#scenario")
        notice = static_text(app, "#notice")
        assert HOME_LABEL_FRAGMENT in notice and "simulated by a program" in notice
        assert "pauses and shows where to get help" in notice
        screen = await start(pilot)
        assert screen.practice.card.id == "unanswered-text"
        assert screen.practice.setup.intensity == "realistic"
        assert screen.practice.setup.feedback == "after"
        assert not screen.query_one("#feedback").display
        partner = screen.query(PartnerMessage).first()
        assert screen.practice.opening[:20] in partner.source.replace("\\", "")


HOME_LABEL_FRAGMENT = "sessions.db"


async def test_intensity_and_feedback_chosen_in_the_picker_reach_the_engine(
    tmp_path: Path,
) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, "i", "f")
        setup = screen.practice.setup
        assert setup.intensity == "hard"
        assert setup.feedback == "live" and screen.practice.meta.feedback == "live"
        assert screen.practice.session.engine.intensity == INTENSITIES["hard"]
        assert screen.query_one("#feedback").display
        assert "feedback live" in str(screen.sub_title)


async def test_the_old_coached_key_still_turns_live_feedback_on_and_off(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, PickerScreen)
        assert app.screen.setup().feedback == "live"
        await pilot.press("c")
        assert app.screen.setup().feedback == "after"


async def test_meter_rises_on_a_misstep_and_falls_when_the_learner_attunes(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        gauge = screen.query_one("#arousal", Gauge)
        start_arousal = gauge.value
        assert start_arousal == screen.practice.session.start.arousal
        await send(pilot, MISATTUNED)
        escalated = gauge.value
        assert escalated > start_arousal
        assert "FLOODED" in static_text(app, "#zone") or "ESCALATED" in static_text(app, "#zone")
        for text in ATTUNED:
            await send(pilot, text)
        assert gauge.value < escalated
        assert screen.query_one("#connection", Gauge).value == screen.practice.state.connection
        trend = screen.query_one("#trend", Sparkline).data
        assert trend is not None
        assert list(trend) == [start_arousal] + [t.arousal for t in screen.practice.turns]
        counts = screen.query_one("#steps").counts  # type: ignore[attr-defined]
        assert counts["validate"] >= 1
        assert counts["support"] >= 1
        assert counts["present"] == 0
        assert len(screen.query(LearnerMessage)) == 4
        assert len(screen.query(PartnerMessage)) == 5  # the opening and four replies


async def test_live_feedback_quotes_the_words_behind_each_move(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "f")
        await send(pilot, "It's not a big deal, you're overreacting.")
        feedback = static_text(app, "#feedback")
        assert "✘ minimized: 'It's not a big deal'" in feedback
        assert "arousal 70 -> " in feedback
        await send(pilot, "I can see why that would hurt.")
        feedback = static_text(app, "#feedback")
        assert "✔ validated: 'I can see why that'" in feedback
        assert "minimized" not in feedback


async def test_rewind_takes_back_the_exchange_and_the_retry_shows_a_what_if(
    tmp_path: Path,
) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        begin = screen.practice.state
        await send(pilot, MISATTUNED)
        assert screen.practice.state.arousal > begin.arousal
        await pilot.press("ctrl+r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.practice.state == begin
        assert screen.query_one("#arousal", Gauge).value == begin.arousal
        assert screen.query_one(MessageInput).text == MISATTUNED
        assert not screen.query(LearnerMessage)
        await send(pilot, ATTUNED[1])
        notes = [str(n.render()) for n in screen.query(SystemNote)]
        assert len(notes) == 1
        assert "What-if. Turn 1, better than before" in notes[0]
        assert context.store is not None
        assert screen.practice.id is not None
        saved = context.store.load(screen.practice.id)
        assert [t.user for t in saved.turns] == [ATTUNED[1]]
        assert [t.user for t in saved.rewound] == [MISATTUNED]


async def test_a_long_session_folds_old_messages_and_keeps_them_readable(
    tmp_path: Path,
) -> None:
    from simulator.tui.screens.practice import MAX_LIVE_MESSAGES
    from simulator.tui.widgets.messages import EarlierMessages

    app = AttuneApp(make_context(tmp_path, store=False))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        turns = MAX_LIVE_MESSAGES // 2 + 2
        for i in range(turns):
            await send(pilot, f"Message number {i + 1}. I'm here.")
        live = screen.query("LearnerMessage, PartnerMessage, SystemNote")
        assert len(live) <= MAX_LIVE_MESSAGES
        earlier = screen.query_one(EarlierMessages)
        folded = "\n".join(earlier.lines)
        # The opening line and the first messages moved into the block, word for word.
        assert folded.startswith(f"Priya: {screen.practice.opening}")
        assert "You (turn 1): Message number 1. I'm here." in folded
        assert f"Message number {turns}." not in folded
        assert [m.index for m in screen.query(LearnerMessage)][-1] == turns
        # Rewinding still takes back the last exchange, which is never folded.
        await pilot.press("ctrl+r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one(MessageInput).text == f"Message number {turns}. I'm here."
        assert len(screen.practice.turns) == turns - 1


async def test_rewind_at_the_start_changes_nothing(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        begin = screen.practice.state
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen.practice.state == begin
        assert screen.query_one(MessageInput).text == ""


async def test_hint_suits_the_zone_and_asking_again_gives_another(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        first = static_text(app, "#hint")
        start_arousal = screen.practice.session.start.arousal
        assert hint([], start_arousal, 0) in first
        await pilot.press("ctrl+t")
        await pilot.pause()
        second = static_text(app, "#hint")
        assert second != first
        assert hint([], start_arousal, 1) in second
        await send(pilot, MISATTUNED)
        assert static_text(app, "#hint") == ""
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "start again" in static_text(app, "#hint")  # a misstep first suggests a repair


async def test_ending_opens_the_debrief_and_the_session_is_saved(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        practice = screen.practice
        await send(pilot, MISATTUNED)
        await send(pilot, ATTUNED[0])
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        assert "Priya went from escalated to" in static_text(app, "#headline")
        assert len(debrief.debrief.points) == 3
        assert "Try next time" in static_text(app, "#tips")
        assert context.store is not None
        assert practice.id is not None
        saved = context.store.load(practice.id)
        assert saved.ended_at is not None
        assert [t.user for t in saved.turns] == [MISATTUNED, ATTUNED[0]]


async def test_saved_session_reopens_its_debrief_from_the_sessions_screen(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await send(pilot, ATTUNED[0])
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        headline = static_text(app, "#headline")
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        assert "Priya" in str(table.get_row_at(0))
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert static_text(app, "#headline") == headline
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)


@pytest.mark.parametrize("kind", ["timeout", "auth", "rate_limit", "unreachable"])
async def test_model_error_offers_a_retry_and_the_session_stays_intact(
    tmp_path: Path, kind: str
) -> None:
    factory, voices = recording(lambda card: FailingVoice(card, kind=kind))

    app = AttuneApp(make_context(tmp_path, voice_factory=factory))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        box = screen.query_one(MessageInput)
        box.text = ATTUNED[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ModelErrorScreen)
        assert f"fake {kind}" in str(app.screen.query("Static").first().render()) or any(
            f"fake {kind}" in str(s.render()) for s in app.screen.query(Static)
        )
        assert screen.practice.turns == []
        assert not screen.query(LearnerMessage)
        await pilot.press("r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert current_screen(app) is screen
        assert [t.user for t in screen.practice.turns] == [ATTUNED[0]]
        assert len(screen.query(LearnerMessage)) == 1
        assert voices[0].calls == 2


async def test_model_error_edit_puts_the_message_back(tmp_path: Path) -> None:
    def factory(model: str, card: PersonaCard, settings: object, seed: int) -> FailingVoice:
        return FailingVoice(card, kind="timeout")

    app = AttuneApp(make_context(tmp_path, voice_factory=factory))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        screen.query_one(MessageInput).text = ATTUNED[1]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ModelErrorScreen)
        await pilot.press("e")
        await pilot.pause()
        assert current_screen(app) is screen
        assert screen.query_one(MessageInput).text == ATTUNED[1]
        assert screen.practice.turns == []


async def test_reply_appears_as_it_streams(tmp_path: Path) -> None:
    factory, voices = recording(GatedVoice)

    app = AttuneApp(make_context(tmp_path, voice_factory=factory))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        screen.query_one(MessageInput).text = ATTUNED[0]
        await pilot.press("enter")
        await voices[0].first_sent.wait()
        await pilot.pause(0.1)
        bubble = screen.query(PartnerMessage).last()
        assert "First sentence here" in bubble.source
        assert "Second" not in bubble.source
        assert bubble.has_class("streaming")
        assert screen.busy
        voices[0].release.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Second sentence now" in bubble.source
        assert not bubble.has_class("streaming")
        assert screen.practice.turns[0].reply == "First sentence here. Second sentence now."


async def test_a_failing_store_costs_nothing_and_catches_up_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    real_add = SessionStore.add_turn
    broken = {"on": True}

    def flaky_add(self: SessionStore, session_id: str, record: object) -> None:
        if broken["on"]:
            raise StoreError(f"{self.path}: database is locked")
        real_add(self, session_id, record)  # type: ignore[arg-type]

    monkeypatch.setattr(SessionStore, "add_turn", flaky_add)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, ATTUNED[0])
        await pilot.pause()
        assert screen.practice.save_problem is not None
        assert "database is locked" in screen.practice.save_problem
        assert len(screen.practice.turns) == 1
        broken["on"] = False
        await send(pilot, ATTUNED[1])
        assert screen.practice.save_problem is None
        assert context.store is not None
        assert screen.practice.id is not None
        saved = context.store.load(screen.practice.id)
        assert [t.user for t in saved.turns] == ATTUNED[:2]


async def test_practice_can_start_straight_in_as_the_cli_does(tmp_path: Path) -> None:
    setup = PracticeSetup(
        persona_id="quiet-withdraw", model="scripted", intensity="gentle", feedback="live"
    )
    app = AttuneApp(make_context(tmp_path), start=setup)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = practice_screen(app)
        assert screen.practice.card.id == "quiet-withdraw"
        assert screen.practice.setup == setup
        assert screen.query_one("#feedback").display


async def test_message_box_enter_sends_and_shift_enter_adds_a_line(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("h", "i", "ctrl+j", "y", "o")
        assert screen.query_one(MessageInput).text == "hi\nyo"
        await pilot.press("shift+enter")
        assert screen.query_one(MessageInput).text == "hi\nyo\n"
        screen.query_one(MessageInput).text = "   \n  "
        await pilot.press("enter")
        await pilot.pause()
        assert screen.practice.turns == []


async def test_escape_sequences_in_a_message_are_never_shown_raw(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, "I hear you \x1b[2J\x1b]0;pwned\x07 really")
        shown = str(screen.query_one(LearnerMessage).render())
        assert "\x1b" not in shown and "\x07" not in shown
        assert "[2J" in shown, "the visible characters stay; only the controls go"
        assert screen.practice.turns[0].user == "I hear you [2J]0;pwned really"


async def test_the_model_loads_after_the_first_frame_and_the_status_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_display = AttuneApp._display

    def display(app: AttuneApp, screen: Screen[Any], renderable: RenderableType | None) -> None:
        # A frame of the picker reaches the terminal (headless drivers stop short of writing).
        if renderable is not None and isinstance(screen, PickerScreen) and "frame" not in events:
            events.append("frame")
        real_display(app, screen, renderable)

    def slow_warm_up(model: str, settings: object) -> str:
        events.append(f"load started: {model}")
        events.append("load finished")
        return "loaded"

    monkeypatch.setattr(AttuneApp, "_display", display)
    context = make_context(tmp_path, model="local")
    context.warm_up = slow_warm_up
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert events == ["frame", "load started: local", "load finished"]
        assert app.model_state == "ready"
        assert "Model: local. Ready: loaded" in static_text(app, "#model-status")


# What a bare `attune` must not import before its picker's first frame: the card schema and
# loader, pydantic, the settings model, the store, click and its command tree, the modes'
# registry, YAML and the model layer. Each is loaded after the frame, off the UI thread.
NOT_BEFORE_THE_FIRST_FRAME = (
    "pydantic",
    "pydantic_core",
    "click",
    "yaml",
    "litellm",
    "simulator.cli.commands",
    "simulator.store",
    "simulator.personas.card",
    "simulator.personas.loader",
    "simulator.settings.config",
    "simulator.modes",
    "simulator.tui.context",
)


def test_first_frame_of_a_bare_attune_imports_no_card_model_store_click_or_litellm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a fresh interpreter, `attune` with its picker cache written: the picker is drawn
    with none of NOT_BEFORE_THE_FIRST_FRAME imported; then the cards load and the model warms."""
    monkeypatch.setenv("ATTUNE_MODEL", "hosted_vllm/never-called")
    from simulator.tui.preview import load_context, picker_cache

    load_context()  # the slow start a first `attune` makes, which writes the cache
    assert picker_cache().read() is not None
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        import simulator.cli.main as cli_main
        from simulator.tui.app import AttuneApp
        from simulator.tui.screens.picker import PickerScreen

        watched = {NOT_BEFORE_THE_FIRST_FRAME!r}
        seen = {{}}
        real_display = AttuneApp._display

        def display(app, screen, renderable):
            # A frame of the picker reaches the terminal (headless drivers stop short of writing).
            if renderable is not None and isinstance(screen, PickerScreen) and "frame" not in seen:
                seen["frame"] = sorted(
                    m for m in sys.modules for w in watched if m == w or m.startswith(w + ".")
                )
                seen["options"] = len(screen.query_one("#personas").options)
            real_display(app, screen, renderable)

        async def drive(app):
            async with app.run_test() as pilot:
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                await app.workers.wait_for_complete()
                seen["cards_loaded_after"] = "simulator.personas.card" in sys.modules
                seen["litellm_after_warm_up"] = "litellm" in sys.modules
                seen["state"] = app.model_state
                app.exit()

        AttuneApp._display = display
        AttuneApp.run = lambda self, **_: asyncio.run(drive(self))
        cli_main._opens_picker = lambda argv: True  # in a terminal, as `make run` is
        seen["code"] = cli_main.main([])
        print(seen)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (
        "{'frame': [], 'options': 7, 'cards_loaded_after': True, "
        "'litellm_after_warm_up': True, 'state': 'ready', 'code': 0}" in done.stdout
    ), done.stdout + done.stderr


def test_practice_without_a_terminal_is_one_line_and_exit_2(attune: RunCli) -> None:
    result = attune("practice", "--persona", "unanswered-text")
    assert result.code == 2
    assert result.err.strip() == (
        "attune: error: the practice screen needs an interactive terminal (try 'attune --help')"
    )


def test_bare_attune_without_a_terminal_prints_help(attune: RunCli) -> None:
    result = attune()
    assert result.code == 0
    assert "Run `attune` alone to open the practice screen." in result.out


async def test_a_fifty_turn_session_keeps_every_message_and_saves_every_turn(
    tmp_path: Path,
) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        for i in range(50):
            await send(pilot, f"{ATTUNED[i % 3]} ({i})")
        assert len(screen.practice.turns) == 50
        # Every message is on screen: live, or folded into the block of earlier ones.
        folded = screen.earlier.lines if screen.earlier is not None else []
        learner = [m.index for m in screen.query(LearnerMessage)]
        learner += [
            int(line.split(")")[0].split()[-1]) for line in folded if line.startswith("You")
        ]
        assert sorted(learner) == list(range(1, 51))
        partner = len(screen.query(PartnerMessage)) + sum(x.startswith("Priya:") for x in folded)
        assert partner == 51
        assert screen.query_one("#messages").scroll_offset.y > 0
        assert context.store is not None
        assert screen.practice.id is not None
        assert len(context.store.load(screen.practice.id).turns) == 50


async def test_quitting_mid_session_writes_what_was_queued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    # Saving after each turn is switched off, so only the exit path can write the turn.
    monkeypatch.setattr(AttuneApp, "save_practice", lambda self, practice: None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, ATTUNED[0])
        practice = screen.practice
        assert practice.unsaved == 2  # the session itself and its first turn
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert practice.unsaved == 0
    assert context.store is not None
    assert practice.id is not None
    saved = context.store.load(practice.id)
    assert [t.user for t in saved.turns] == [ATTUNED[0]]
    assert saved.ended_at is None


async def test_debrief_exports_a_private_standalone_page(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, MISATTUNED)
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.press("x")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.practice.id is not None
        page = home_dir() / "exports" / f"{screen.practice.id}.html"
        assert page.is_file()
        assert page.stat().st_mode & 0o777 == 0o600
        html = page.read_text(encoding="utf-8")
        assert "<svg" in html
        assert "It&#x27;s not a big deal" in html or "not a big deal" in html


async def _send_distress(pilot: Pilot[None], text: str) -> SafetyPauseScreen:
    box = pilot.app.screen.query_one(MessageInput)
    box.text = text
    await pilot.press("enter")
    return await screen_of(pilot, SafetyPauseScreen)


async def test_real_distress_pauses_the_scene_and_it_resumes_only_when_chosen(
    tmp_path: Path,
) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, ATTUNED[0])
        arousal = screen.practice.state.arousal
        replies = len(screen.query(PartnerMessage))
        dialog = await _send_distress(pilot, "Honestly, I want to kill myself.")
        note = str(dialog.query_one("#safety-note", Static).render())
        assert "practice tool" in note and "988" in note
        assert len(screen.query(PartnerMessage)) == replies, "the persona does not answer"
        assert any("safety" in n.classes for n in screen.query(SystemNote))
        assert screen.practice.state.arousal == arousal
        await pilot.press("r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        await send(pilot, ATTUNED[1])
        assert [t.safety for t in screen.practice.turns] == [None, "pause", None]
        assert len(screen.query(PartnerMessage)) == replies + 1
        await pilot.press("ctrl+r", "ctrl+r")  # back past the pause: its note goes too
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [t.safety for t in screen.practice.turns] == [None]
        assert not [n for n in screen.query(SystemNote) if "safety" in n.classes]


async def test_ending_from_a_pause_goes_to_the_debrief_and_keeps_the_turn(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        practice = screen.practice
        await _send_distress(pilot, "My husband threatened to kill me.")
        await pilot.press("e")
        await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        assert context.store is not None and practice.id is not None
        saved = context.store.load(practice.id)
        assert saved.ended_at is not None
        assert [t.safety for t in saved.turns] == ["pause"]


async def _send_unsure(pilot: Pilot[None]) -> CheckInScreen:
    pilot.app.screen.query_one(MessageInput).text = UNSURE
    await pilot.press("enter")
    return await screen_of(pilot, CheckInScreen)


def _check_in_notes(screen: PracticeScreen) -> list[SystemNote]:
    return [n for n in screen.query(SystemNote) if "check-in" in n.classes]


def _checking_in_app(tmp_path: Path) -> AttuneApp:
    """The app, with UNSURE as the one message the distress check is unsure about."""
    context = make_context(tmp_path)
    context.safety = checks_in_on(UNSURE)
    return AttuneApp(context)


async def test_an_uncertain_sign_checks_in_and_carry_on_resumes_the_scene(
    tmp_path: Path, card: PersonaCard
) -> None:
    app = _checking_in_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, ATTUNED[0])
        state = screen.practice.state
        replies = len(screen.query(PartnerMessage))
        dialog = await _send_unsure(pilot)
        question = str(dialog.query_one("#check-in-note", Static).render())
        assert "Are you okay?" in question
        help_text = dialog.query_one("#check-in-help", Static)
        assert not help_text.display, "help is one key away, not pushed"
        assert dialog.focused is dialog.query_one("#carry_on")
        assert len(screen.query(PartnerMessage)) == replies, "the persona does not answer"
        assert [n.text for n in _check_in_notes(screen)] == [question]
        await pilot.click("#help")
        await pilot.pause()
        assert help_text.display and "988" in str(help_text.render())
        assert app.screen is dialog, "showing help does not close the question"
        await pilot.press("enter")  # "I'm fine, carry on" keeps the focus
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert "988" in _check_in_notes(screen)[0].text, "the help stays once asked for"
        assert screen.practice.state.model_dump(exclude={"turn"}) == state.model_dump(
            exclude={"turn"}
        )
        assert screen.query_one(MessageInput).text == UNSURE, "the held message is back in the box"
        await send(pilot, ATTUNED[1])
        assert [t.safety for t in screen.practice.turns] == [None, "check_in", None]
        partner = list(screen.query(PartnerMessage))
        assert len(partner) == replies + 1
        assert partner[-1].text in authored_lines(card) | set(card.underneath.lines)
        await pilot.press("ctrl+r", "ctrl+r")  # back over the check-in: its note goes too
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [t.safety for t in screen.practice.turns] == [None]
        assert _check_in_notes(screen) == [] and screen.practice.state == state
        await send(pilot, ATTUNED[1])
        whatifs = [n for n in screen.query(SystemNote) if "what-if" in n.classes]
        assert whatifs == [], "a check-in taken back was no try to compare with"


async def test_ending_from_a_check_in_goes_to_a_debrief_that_says_so(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    context.safety = checks_in_on(UNSURE)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        practice = screen.practice
        dialog = await _send_unsure(pilot)
        await pilot.press("h")
        assert dialog.query_one("#check-in-help", Static).display
        await pilot.press("e")
        debrief = await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        said = str(debrief.query_one("#stepped-out", Static).render())
        assert "attune checked in on turn 1" in said
        assert context.store is not None and practice.id is not None
        saved = context.store.load(practice.id)
        assert saved.ended_at is not None
        assert [t.safety for t in saved.turns] == ["check_in"]


async def test_a_huge_paste_is_not_sent_and_stays_in_the_box(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        paste = "I hear you. " * 90_000
        box = screen.query_one(MessageInput)
        box.text = paste
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.practice.turns == [] and len(screen.query(LearnerMessage)) == 0
        assert box.text == paste, "nothing the learner typed is lost"
        notes = [str(n.message) for n in app._notifications]
        assert any("4,000" in n and "Not sent" in n for n in notes), notes


async def test_a_reply_cut_midway_is_taken_off_screen_and_retried(tmp_path: Path) -> None:
    factory, voices = recording(CutVoice)

    app = AttuneApp(make_context(tmp_path, voice_factory=factory))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        replies = len(screen.query(PartnerMessage))
        screen.query_one(MessageInput).text = ATTUNED[0]
        await pilot.press("enter")
        await screen_of(pilot, ModelErrorScreen)
        assert any("connection reset" in str(s.render()) for s in app.screen.query(Static))
        assert len(screen.query(PartnerMessage)) == replies, "the half reply is not left up"
        assert screen.practice.turns == []
        await pilot.press("r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [t.user for t in screen.practice.turns] == [ATTUNED[0]]
        assert len(screen.query(PartnerMessage)) == replies + 1
        assert voices[0].calls == 2, "one learner retry, one more call"


async def test_escape_is_a_way_out_even_while_the_partner_is_answering(tmp_path: Path) -> None:
    factory, voices = recording(GatedVoice)

    context = make_context(tmp_path, voice_factory=factory)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        practice = screen.practice
        screen.query_one(MessageInput).text = ATTUNED[0]
        await pilot.press("enter")
        await voices[0].first_sent.wait()
        await pilot.press("escape")
        await screen_of(pilot, DebriefScreen)
        await pilot.app.workers.wait_for_complete()
        assert practice.turns == [], "the unfinished reply is not committed as a turn"
        assert context.store is not None and practice.id is not None
        assert context.store.load(practice.id).ended_at is not None


def test_the_folded_block_keeps_only_its_latest_lines() -> None:
    from simulator.tui.widgets.messages import EarlierMessages

    block = EarlierMessages()
    block.fold([LearnerMessage(f"line {i}", i) for i in range(1, 201)])
    assert len(block.lines) == EarlierMessages.MAX_LINES
    assert block.dropped == 200 - EarlierMessages.MAX_LINES
    assert block.lines[-1] == "You (turn 200): line 200"
    first = 201 - EarlierMessages.MAX_LINES
    assert block.lines[0] == f"You (turn {first}): line {first}"


async def test_the_classifier_layer_loads_after_the_first_frame_not_at_the_first_message(
    tmp_path: Path,
) -> None:
    from simulator.classifier import learned
    from simulator.modes import get_mode

    learned._model.cache_clear()
    spec = get_mode("listen").learned
    assert spec is not None
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        # The warm-up worker starts after the first frame and loads in about a second.
        for _ in range(600):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if learned._model.cache_info().currsize:
                break
        # Loaded by the warm-up worker: no learner message has been sent.
        assert learned._model.cache_info().currsize >= 1


async def test_after_i_am_fine_the_held_message_sent_again_is_said_in_the_scene(
    tmp_path: Path,
) -> None:
    async with _checking_in_app(tmp_path).run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        replies = len(screen.query(PartnerMessage))
        await _send_unsure(pilot)
        await pilot.press("enter")  # "I'm fine, carry on"
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one(MessageInput).text == UNSURE
        await pilot.press("enter")  # send it as it is
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        turns = screen.practice.turns
        assert [t.safety for t in turns] == ["check_in", None]
        assert turns[-1].user == UNSURE
        assert len(screen.query(PartnerMessage)) == replies + 1, "the partner answers it"

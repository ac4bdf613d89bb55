"""Ask mode in the TUI, driven headless with Pilot: pick an ask-mode partner, ask, watch
their defensiveness and turning toward move, and read the ask-mode debrief."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from simulator.modes.ask.words import ASK_WORDS
from simulator.tui.app import AttuneApp
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.widgets.checklist import Checklist
from simulator.tui.widgets.gauge import Gauge
from test_tui_flows import SIZE, send, start, static_text
from tui_support import end_and_skip_rating, make_context, screen_of

ASK_LABEL = ASK_WORDS.picker_label

SOFT = [
    "I've had an awful afternoon and I'm feeling really low about the job.",
    "I'm not asking you to fix it. I just need you to be with me for a minute.",
    "Can you tell me what you hear me saying before we problem-solve?",
]


async def test_the_picker_marks_ask_mode_partners_and_lists_them_after_listen_ones(
    tmp_path: Path,
) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one(OptionList)
        rows = [options.get_option_at_index(i) for i in range(options.option_count)]
        ask_rows = [str(r.id) for r in rows if ASK_LABEL in str(r.prompt)]
        assert ask_rows == ["jumps-to-fixes", "plans-it-away"]
        assert [str(r.id) for r in rows][-2:] == ask_rows  # grouped after the listen ones
        await pilot.press("down")
        await pilot.pause()
        assert "You ask: this time you need support" in static_text(app, "#scenario")


async def test_asking_softly_moves_the_ask_mode_gauges_and_checklist(tmp_path: Path) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, "down", "f")
        practice = screen.practice
        assert practice.card.id == "jumps-to-fixes" and practice.card.mode == "ask"
        assert "DEFENDING" not in static_text(app, "#zone")
        assert "EXPLAINING" in static_text(app, "#zone")
        defensive = screen.query_one("#arousal", Gauge)
        toward = screen.query_one("#connection", Gauge)
        assert defensive.label.strip() == "defensive" and toward.label == "toward you"
        before = (defensive.value, toward.value)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "jumping to logic" in static_text(app, "#hint")  # a hint for their stage
        await send(pilot, SOFT[0])
        await send(pilot, SOFT[1])
        assert defensive.value < before[0] and toward.value > before[1]
        counts = screen.query_one(Checklist).counts
        assert counts == {"soft": 1, "need": 1, "invite": 0, "appreciate": 0}
        feedback = static_text(app, "#feedback")
        assert "named the need" in feedback and "defensiveness" in feedback
        await send(pilot, SOFT[2])
        await send(pilot, "Thank you, that really helps.")
        assert static_text(app, "#zone").strip() in ("REFLECTING", "TURNED TOWARD")
        # Every turn was saved with its ask-mode moves.
        assert context.store is not None
        assert practice.id is not None
        saved = context.store.load(practice.id)
        assert saved.meta.practice_mode == "ask"
        assert [m.value for m in saved.turns[1].moves] == ["name_need"]


async def test_the_ask_mode_debrief_counts_the_requests_and_the_traps(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "down")
        await send(pilot, "You never listen to me.")
        await send(pilot, SOFT[1])
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        screen = await screen_of(pilot, DebriefScreen)
        debrief = screen.debrief
        assert debrief.mode == "ask"
        assert [m.label for m in debrief.missteps] == ["Criticizing"]
        text = " ".join(str(s.render()) for s in screen.query(".debrief-box"))
        assert "How you asked" in text and "Traps" in text
        assert "criticized: 'You never'" in text and "defensiveness +" in text
        assert "Swap 'you always / you never'" in static_text(app, "#tips")

"""Cues in the practice screen, and real talk: no meter or gauges, the state in the debrief."""

from __future__ import annotations

import html
import json
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Sparkline, Static

from conftest import RunCli
from simulator.export import to_html, to_markdown
from simulator.export.markdown import md_inline
from simulator.personas import PersonaCard
from simulator.practice.conversation import Practice, PracticeSetup
from simulator.store.sqlite import SessionStore
from simulator.tui.app import AttuneApp
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.widgets.chart import StateChart
from simulator.tui.widgets.checklist import Checklist
from simulator.tui.widgets.coach_panel import CoachPanel
from simulator.tui.widgets.gauge import Gauge
from simulator.tui.widgets.messages import PartnerCue, PartnerMessage
from simulator.tui.widgets.nervous_system import NervousSystem
from simulator.voices import ScriptedVoice
from simulator.voices.base import Reply
from test_tui_flows import ATTUNED, MISATTUNED, SIZE, send, start
from tui_support import end_and_skip_rating, make_context

# Everything that shows the partner's state during the talk.
GAUGES: tuple[type[Widget], ...] = (NervousSystem, Gauge, Sparkline, Checklist, CoachPanel)


def shown(widget: Widget) -> bool:
    """True when the widget and every container above it are displayed."""
    return widget.display and all(a.display for a in widget.ancestors if isinstance(a, Widget))


async def test_each_reply_has_its_cue_as_a_quiet_line_under_it(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, MISATTUNED)
        await send(pilot, ATTUNED[0])
        cues = list(screen.query(PartnerCue))
        records = screen.practice.turns
        assert [c.text for c in cues] == [t.cue for t in records] and all(t.cue for t in records)
        # Each cue sits right under its own reply, in the quiet style.
        children = list(screen.query_one("#messages").children)
        for cue in cues:
            above = children[children.index(cue) - 1]
            assert isinstance(above, PartnerMessage) and above.index == cue.index
            assert cue.has_class("cue") and above.has_class("with-cue")
        # Rewinding takes the cue back with the reply.
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert [c.index for c in screen.query(PartnerCue)] == [1]


async def test_real_talk_hides_every_gauge_and_the_debrief_shows_the_state(
    tmp_path: Path,
) -> None:
    context = make_context(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert isinstance(app.screen, PickerScreen)
        assert app.screen.setup().feedback == "real-talk"
        screen = await start(pilot)
        assert screen.practice.meta.feedback == "real-talk"
        assert "feedback real-talk" in str(screen.sub_title)
        await send(pilot, MISATTUNED)
        await send(pilot, ATTUNED[0])
        # The keys that would show the state do nothing, and the footer does not offer them.
        await pilot.press("ctrl+t", "f2", "ctrl+o")
        await pilot.pause()
        for kind in GAUGES:
            widgets = list(screen.query(kind))
            assert widgets or kind is CoachPanel, kind
            assert not any(shown(w) for w in widgets), kind
        assert str(screen.query_one("#hint", Static).render()) == ""
        bindings = {b.binding.action for b in screen.active_bindings.values()}
        assert not bindings & {"hint", "toggle_coach", "toggle_feedback"}
        words = app.export_screenshot()
        for state_word in ("arousal", "connection", "FLOODED", "ESCALATED", "Steps"):
            assert state_word not in words, state_word
        # Only the words and the cues.
        cues = [c.text for c in screen.query(PartnerCue)]
        assert cues and cues == [t.cue for t in screen.practice.turns]
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        assert shown(debrief.query_one(StateChart))
        table = str(debrief.query_one("#turn-by-turn", Static).render())
        for turn in screen.practice.turns:
            assert turn.user in table and f"{turn.arousal:3.0f} / {turn.connection:3.0f}" in table
            assert turn.cue is not None and turn.cue in table
    assert context.store is not None and screen.practice.id is not None
    assert context.store.load(screen.practice.id).meta.feedback == "real-talk"


async def test_other_settings_keep_the_gauges_and_no_turn_table(tmp_path: Path) -> None:
    app = AttuneApp(make_context(tmp_path, store=False))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, MISATTUNED)
        assert all(shown(w) for w in screen.query(Gauge))
        await end_and_skip_rating(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.screen.query("#turn-by-turn")


def _saved_real_talk(card: PersonaCard) -> str:
    """A real-talk session, saved the way the practice screen saves it."""
    setup = PracticeSetup(persona_id=card.id, model="scripted", feedback="real-talk", seed=3)
    practice = Practice(card, ScriptedVoice(card, seed=3), setup, store=SessionStore.default())
    for text in (MISATTUNED, *ATTUNED):
        pending = practice.prepare(text)
        practice.commit(pending, Reply(text=ScriptedVoice(card, seed=3).reply(pending.outcome)))
    practice.end()
    assert practice.flush() and practice.id is not None
    return practice.id


def test_sessions_and_exports_name_real_talk_and_carry_each_cue(
    attune: RunCli, card: PersonaCard, tmp_path: Path
) -> None:
    session_id = _saved_real_talk(card)
    saved = SessionStore.default().load(session_id)
    cues = [t.cue for t in saved.turns]
    assert all(cues) and len(cues) == 1 + len(ATTUNED)
    assert "real-talk" in attune("sessions", "list").out
    shown_text = attune("sessions", "show", session_id).out
    assert "feedback real-talk" in shown_text
    assert all(f"({cue})" in shown_text for cue in cues)
    data = json.loads(attune("sessions", "show", session_id, "--json").out)
    assert data["persona"]["feedback"] == "real-talk"
    assert [t["cue"] for t in data["turns"]] == cues
    assert data["debrief"]["feedback"] == "real-talk"
    assert [p["cue"] for p in data["debrief"]["points"][1:]] == cues
    markdown, page = to_markdown(saved), to_html(saved)
    assert "real-talk" in markdown and "real-talk" in page
    for cue in cues:
        assert cue is not None
        assert f"*({md_inline(cue)})*" in markdown
        assert f'<p class="cue">({html.escape(cue)})</p>' in page


def test_the_feedback_flag_takes_real_talk(attune: RunCli) -> None:
    # Past the flag's check: only the missing terminal stops it.
    result = attune("practice", "--persona", "bad-day", "--feedback", "real-talk")
    assert result.code == 2 and "interactive terminal" in result.err
    result = attune("practice", "--coached", "--feedback", "real-talk")
    assert result.code == 2 and "contradicts --feedback real-talk" in result.err

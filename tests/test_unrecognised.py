"""Never blame what was not understood: a message with no recognised move costs nothing,
is never a misstep or a turn that hurt, and the live panel says so and how to rephrase."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from saved_sessions import meta_for, new_session
from simulator.classifier import Classification, Guess, classify
from simulator.cli.sessions_cmd import _debrief_text
from simulator.export.data import session_data
from simulator.feedback.coach_view import coach_view
from simulator.feedback.coaching import NOTHING_RECOGNISED, feedback
from simulator.feedback.debrief import build_debrief
from simulator.modes import get_mode, parse_move
from simulator.personas import Catalog, PersonaCard
from simulator.practice.conversation import Practice, PracticeSetup
from simulator.store.records import SavedSession
from simulator.store.sqlite import SessionStore
from simulator.tui.app import AttuneApp
from simulator.tui.widgets.message_input import MessageInput
from simulator.turns.session import Session, TurnRecord
from simulator.voices.base import Reply
from simulator.voices.scripted import ScriptedVoice
from tui_support import make_context

# A message the rules tag with nothing, whatever the lexicon learns: the tests bring
# their own classifier so they do not depend on the rules' coverage.
UNREAD = "tell me what the afternoon was like for you"
REFLECT_GUESS = Guess(move=parse_move("reflect"), confidence=0.58, text=UNREAD)


def rules_except(unread: dict[str, Guess | None]) -> Callable[..., Classification]:
    """The shipped rules, except that each text in `unread` gets no move (and that guess)."""

    def run(text: str, mode: str = "listen") -> Classification:
        if text in unread:
            return Classification(text=text, moves=[], spans=[], closest=unread[text])
        return classify(text, mode=mode)

    return run


def session_for(card: PersonaCard, unread: dict[str, Guess | None]) -> Session:
    rules = rules_except(unread)
    return Session(
        card, ScriptedVoice(card), classifier=lambda text: rules(text, card.mode), intensity=3.0
    )


@pytest.mark.parametrize("persona", ["unanswered-text", "angry-critic", "jumps-to-fixes"])
def test_an_unrecognised_message_in_a_hot_zone_costs_nothing(
    catalog: Catalog, persona: str
) -> None:
    card = catalog.get(persona)
    session = session_for(card, {UNREAD: None})
    # Heat the partner up first, so the message lands on a hot partner just after a misstep.
    trap = "It's not a big deal." if card.mode == "listen" else "You never listen."
    session.respond(trap)
    before = session.state
    assert before.zone.is_hot
    turn = session.respond(UNREAD)
    assert turn.moves == [] and turn.effects == []
    # No drift toward the baseline exists in the engine, so the state stays exactly put.
    assert turn.arousal <= round(before.arousal, 1)
    assert turn.connection >= round(before.connection, 1)


def test_an_unrecognised_message_is_never_a_misstep_nor_hurt_most(catalog: Catalog) -> None:
    card = catalog.get("unanswered-text")
    session = session_for(card, {UNREAD: None, "mm ok": None})
    for text in [UNREAD, "I can see why that would hurt.", "mm ok"]:
        session.respond(text)
    debrief = build_debrief(meta_for(session), session.turns)
    assert debrief.missteps == [] and debrief.hurt == []
    assert debrief.unrecognised_turns == [1, 3]
    assert "not counted for or against you" in debrief.unrecognised
    assert [k.index for k in debrief.helped] == [2]
    text = _debrief_text(debrief)
    assert "Hurt most: none" in text and "Missteps: none" in text


def _turn(index: int, user: str, arousal: float, moves: list[dict[str, Any]]) -> TurnRecord:
    return TurnRecord.model_validate(
        {
            "index": index,
            "user": user,
            "moves": [m["move"] for m in moves],
            "spans": [
                {"move": m["move"], "start": 0, "end": len(m["span"]), "text": m["span"]}
                for m in moves
            ],
            "arousal": arousal,
            "connection": 30.0,
            "zone": "flooded" if arousal >= 80 else "escalated",
            "reply": "...",
            "softened": False,
            "surfaced_now": False,
            "effects": moves,
            "guard": {},
            "latency_s": 0.0,
        }
    )


def test_a_session_saved_with_the_old_silence_cost_does_not_blame_it(catalog: Catalog) -> None:
    # Sessions saved before this change recorded +3 arousal for a message with no move;
    # read back, that turn is still neither a misstep nor a turn that hurt.
    session = new_session(catalog.get("unanswered-text"))
    old = [
        _turn(1, "I hear you. Tell me what the afternoon was like for you.", 73.0, []),
        _turn(2, "ok", 76.0, []),
    ]
    debrief = build_debrief(meta_for(session), old)
    assert debrief.hurt == [] and debrief.missteps == []
    assert debrief.unrecognised_turns == [1, 2]


def test_feedback_says_nothing_was_recognised_and_shows_the_closest_step(
    catalog: Catalog,
) -> None:
    card = catalog.get("unanswered-text")
    session = session_for(card, {UNREAD: REFLECT_GUESS})
    turn = session.respond(UNREAD)
    note = feedback(turn, 70.0, 35.0, "listen", {})
    assert note.notes == []
    assert note.unrecognised == (
        "Nothing here was recognised as a step. "
        "Closest: Reflect — try saying back what you heard in their words"
    )
    assert note.state.startswith("arousal 70 -> 70 (+0)")


def test_without_a_guess_feedback_points_to_the_next_step_of_the_checklist(
    catalog: Catalog,
) -> None:
    card = catalog.get("unanswered-text")
    session = session_for(card, {UNREAD: None})
    turn = session.respond(UNREAD)
    coaching = get_mode("listen").coaching
    first, second = coaching.steps[0], coaching.steps[1]
    note = feedback(turn, 70.0, 35.0, "listen", {first.id: 0})
    assert note.unrecognised is not None
    assert note.unrecognised.startswith(
        f"{NOTHING_RECOGNISED} Next on the checklist: {first.label}"
    )
    shown_first = feedback(turn, 70.0, 35.0, "listen", {first.id: 2})
    assert shown_first.unrecognised is not None
    assert f"Next on the checklist: {second.label}" in shown_first.unrecognised


def test_ask_mode_speaks_its_own_words_when_nothing_was_recognised(catalog: Catalog) -> None:
    card = catalog.get("jumps-to-fixes")
    ask = get_mode("ask")
    need = Guess(move=parse_move("name_need"), confidence=0.4, text="i just want u here")
    session = session_for(card, {"i just want u here": need, "hm": None})
    guessed = feedback(session.respond("i just want u here"), 65.0, 30.0, "ask", {})
    assert guessed.unrecognised == (
        f"{NOTHING_RECOGNISED} Closest: {ask.info(need.move).label} — "
        f"{ask.coaching.nudges[need.move]}"
    )
    plain = feedback(session.respond("hm"), 65.0, 30.0, "ask", {})
    assert plain.unrecognised is not None
    assert f"Next on the checklist: {ask.coaching.steps[0].label}" in plain.unrecognised
    listen_words = [s.label for s in get_mode("listen").coaching.steps]
    assert not any(word in plain.unrecognised for word in listen_words)


def test_a_closest_misstep_is_named_but_not_held_against_the_learner(catalog: Catalog) -> None:
    card = catalog.get("unanswered-text")
    guess = Guess(move=parse_move("explain"), confidence=0.5, text="work was nuts")
    turn = session_for(card, {"work was nuts": guess}).respond("work was nuts")
    note = feedback(turn, 70.0, 35.0, "listen", {})
    assert note.unrecognised is not None
    assert "Closest: Explaining too fast, not counted against you." in note.unrecognised
    assert turn.arousal == 70.0


def test_every_mode_can_nudge_every_helpful_move_and_redirect_every_mistake() -> None:
    for name in ("listen", "ask"):
        mode = get_mode(name)
        assert set(mode.coaching.nudges) == set(mode.helpful), name
        step_ids = {s.id for s in mode.coaching.steps}
        for move in mode.traps | mode.timed:
            assert mode.coaching.instead[move] in step_ids, (name, move)


def test_the_closest_guess_survives_storage_replay_json_and_old_records(
    catalog: Catalog, tmp_path: Path
) -> None:
    card = catalog.get("unanswered-text")
    session = session_for(card, {UNREAD: REFLECT_GUESS})
    store = SessionStore(tmp_path / "sessions.db")
    session_id = store.create(meta_for(session))
    turn = session.respond(UNREAD)
    store.add_turn(session_id, turn)
    saved = store.load(session_id)
    assert saved.turns[0].closest == REFLECT_GUESS
    public = turn.public_json()
    assert public["closest"] == {"move": "reflect", "confidence": 0.58, "text": UNREAD}
    data = session_data(saved)
    assert data["turns"][0]["closest"]["move"] == "reflect"
    # A record saved before the field existed still loads, with no guess.
    old = json.loads(turn.model_dump_json())
    del old["closest"]
    assert TurnRecord.model_validate(old).closest is None
    dumped = json.loads(saved.model_dump_json())
    del dumped["turns"][0]["closest"]
    assert SavedSession.model_validate(dumped).turns[0].closest is None


def test_a_guess_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="confidence"):
        Guess(move=parse_move("reflect"), confidence=1.5, text="x")
    with pytest.raises(ValueError, match="confidence"):
        Guess(move=parse_move("reflect"), confidence=float("nan"), text="x")


def test_the_coach_view_shows_the_closest_guess_on_an_untagged_turn(catalog: Catalog) -> None:
    card = catalog.get("unanswered-text")
    session = session_for(card, {UNREAD: REFLECT_GUESS})
    session.respond(UNREAD)
    view = coach_view(card, 1.0, session.state, session.start, session.turns)
    assert view.turns[0].tags == [] and view.turns[0].closest == REFLECT_GUESS


def test_a_practice_reports_the_next_step_it_has_not_seen(catalog: Catalog) -> None:
    card = catalog.get("unanswered-text")
    rules = rules_except({UNREAD: None})
    practice = Practice(
        card, ScriptedVoice(card), PracticeSetup(persona_id=card.id), classifier=rules
    )
    for text in ["I'm putting my phone down. I'm listening.", UNREAD]:
        pending = practice.prepare(text)
        practice.commit(pending, Reply(text="..."))
    note = practice.feedback(practice.turns[-1]).unrecognised
    steps = get_mode("listen").coaching.steps
    assert note is not None and f"Next on the checklist: {steps[1].label}" in note


async def test_the_live_panel_says_nothing_was_recognised_and_the_closest_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = rules_except({UNREAD: REFLECT_GUESS, "mm": None})
    monkeypatch.setattr(
        "simulator.voices.factory.make_classifier",
        lambda judge, settings, mode="listen": lambda text: rules(text, mode),
    )
    app = AttuneApp(make_context(tmp_path, store=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for text, expected in [
            (UNREAD, "Closest: Reflect — try saying back what you heard in their words"),
            ("mm", "Next on the checklist: Be present"),
        ]:
            app.screen.query_one(MessageInput).text = text
            await pilot.press("enter")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            shown = str(app.screen.query_one("#feedback", Static).render())
            assert "Nothing here was recognised as a step." in shown
            assert expected in shown.replace("\n", " ")
            assert "arousal 70 -> 70 (+0)" in shown

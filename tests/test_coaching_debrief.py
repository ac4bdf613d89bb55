"""The core behind the practice screen: steps, feedback, hints, the debrief, saving and what-ifs."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.feedback.coaching import feedback, hint, steps_shown
from simulator.modes.listen.coaching import STEPS
from simulator.personas import PersonaCard
from simulator.practice.conversation import Practice, PracticeSetup
from simulator.store.sqlite import SessionStore
from simulator.support.errors import StoreError
from simulator.voices.base import Reply
from simulator.voices.scripted import ScriptedVoice

MISSTEP = "Relax, it's not a big deal. I was busy."
ATTUNED = [
    "I'm sorry. I can see why that felt bad, and I'm here.",
    "It sounds like the waiting was awful. That makes sense.",
    "I'm here with you. What do you need from me right now?",
    "I'm putting my phone down. I'm listening, and that makes sense.",
]


def practice_for(card: PersonaCard, store: SessionStore | None = None) -> Practice:
    return Practice(card, ScriptedVoice(card), PracticeSetup(persona_id=card.id), store)


def say(practice: Practice, text: str) -> None:
    pending = practice.prepare(text)
    voice = practice.session.voice
    assert isinstance(voice, ScriptedVoice)
    practice.commit(pending, Reply(text=voice.reply(pending.outcome)))


def test_steps_count_the_turns_that_showed_them(card: PersonaCard) -> None:
    practice = practice_for(card)
    for text in [MISSTEP, *ATTUNED]:
        say(practice, text)
    counts = steps_shown(practice.turns, practice.session.start.arousal)
    assert set(counts) == {s.id for s in STEPS}
    assert counts["validate"] == 3
    assert counts["support"] == 2
    assert counts["present"] == 1  # "putting my phone down"


def test_problem_solving_only_counts_as_a_step_once_settled(card: PersonaCard) -> None:
    practice = practice_for(card)
    say(practice, "Could we talk about how to fix this next time?")
    assert practice.turns[0].moves  # it was recognised...
    counts = steps_shown(practice.turns, practice.session.start.arousal)
    assert counts["solve"] == 0  # ...but too early to count as the sixth step


def test_feedback_quotes_each_move_and_adds_up(card: PersonaCard) -> None:
    practice = practice_for(card)
    say(practice, MISSTEP)
    notes = feedback(practice.turns[0], 70.0, 35.0)
    assert [n.text for n in notes.notes] == [
        "minimized: 'Relax'",
        "explained too fast: 'I was busy'",
    ]
    assert all(not n.attuned for n in notes.notes)
    turn = practice.turns[0]
    a1 = round(turn.arousal)
    assert notes.state.startswith(f"arousal 70 -> {a1} (+{a1 - 70}), now {turn.zone}")


def test_hints_follow_the_zone_and_suggest_a_repair_after_a_misstep(card: PersonaCard) -> None:
    practice = practice_for(card)
    first = practice.hint()
    second = practice.hint()
    assert first != second
    assert '"' in first  # every hint carries a line to adapt
    say(practice, MISSTEP)
    practice.reset_hints()
    assert "start again" in practice.hint()
    assert hint(practice.turns, 70.0, 1) != hint(practice.turns, 70.0, 0)


def test_debrief_ranks_turns_and_gives_two_or_three_tips(card: PersonaCard) -> None:
    practice = practice_for(card)
    for text in [MISSTEP, *ATTUNED]:
        say(practice, text)
    debrief = practice.end()
    assert [p.turn for p in debrief.points] == [0, 1, 2, 3, 4, 5]
    assert debrief.hurt[0].index == 1
    assert "minimized: 'Relax'" in debrief.hurt[0].quotes
    assert all(k.score > 0 for k in debrief.helped)
    assert {m.move.value for m in debrief.missteps} == {"minimize", "explain"}
    assert 2 <= len(debrief.tips) <= 3
    assert any("shrink the feeling" in tip for tip in debrief.tips)
    assert debrief.headline.startswith("Priya ")
    assert debrief.softer_emotion == card.underneath.emotion.value


def test_debrief_of_an_empty_session_says_nothing_was_sent(card: PersonaCard) -> None:
    debrief = practice_for(card).end()
    assert debrief.headline == "No messages sent; Priya stayed escalated."
    assert debrief.helped == [] and debrief.hurt == []


def test_what_if_compares_a_new_try_with_the_one_taken_back(card: PersonaCard) -> None:
    practice = practice_for(card)
    say(practice, MISSTEP)
    taken = practice.rewind()
    assert taken is not None and taken.user == MISSTEP
    assert practice.state == practice.session.start
    say(practice, ATTUNED[1])
    what_if = practice.what_if(practice.turns[0])
    assert what_if is not None
    assert what_if.first.user == MISSTEP
    assert what_if.describe().startswith("Turn 1, better than before.")
    say(practice, ATTUNED[2])
    assert practice.what_if(practice.turns[1]) is None


def test_saving_is_queued_in_order_and_survives_a_failing_store(
    card: PersonaCard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SessionStore(tmp_path / "sessions.db")
    practice = practice_for(card, store)
    say(practice, MISSTEP)
    practice.rewind()
    say(practice, ATTUNED[0])

    def locked(*args: object) -> None:
        raise StoreError("sessions.db: database is locked")

    with monkeypatch.context() as patched:
        patched.setattr(SessionStore, "add_turn", locked)
        assert practice.flush() is False
        assert practice.save_problem == "sessions.db: database is locked"
        assert practice.unsaved == 3  # the turn, the rewind, the new turn
    say(practice, ATTUNED[1])
    practice.end()
    assert practice.flush() is True
    assert practice.unsaved == 0 and practice.save_problem is None
    assert practice.id is not None
    saved = store.load(practice.id)
    assert [t.user for t in saved.turns] == ATTUNED[:2]
    assert [t.user for t in saved.rewound] == [MISSTEP]
    assert saved.ended_at is not None


def test_an_ended_practice_takes_no_more_messages(card: PersonaCard) -> None:
    practice = practice_for(card)
    practice.end()
    with pytest.raises(Exception, match="this session has ended"):
        practice.prepare("hello")

"""A session ties classifier, engine and voice together, and rewinds exactly."""

from __future__ import annotations

from conftest import zone_replies
from simulator.personas import PersonaCard
from simulator.turns.session import Session
from simulator.voices import ScriptedVoice


def test_rewind_restores_the_state_and_a_retry_is_a_clean_what_if(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card, seed=3))
    first = session.respond("I can see why that would hurt.")
    misstep = session.respond("Relax, it's not a big deal.")
    assert misstep.arousal > first.arousal
    taken_back = session.rewind()
    assert taken_back == misstep
    assert round(session.state.arousal, 1) == first.arousal
    assert [t.index for t in session.turns] == [1]
    retry = session.respond("No wonder you were scared.")
    assert retry.index == 2
    assert retry.arousal < first.arousal < misstep.arousal


def test_rewind_at_the_start_does_nothing(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card))
    assert session.rewind() is None
    assert session.state == session.start


def test_records_carry_spans_and_reasons_for_feedback(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card))
    record = session.respond("Relax. I was busy.")
    assert [s.text for s in record.spans] == ["Relax", "I was busy"]
    reasons = [r for e in record.effects for r in e.reasons]
    assert "lands hard with this person" in reasons  # explain and minimize trigger Priya
    assert record.reply in zone_replies(card, record.zone)


def test_the_opening_line_is_authored_and_seeded(card: PersonaCard) -> None:
    openings = {Session(card, ScriptedVoice(card, seed=s)).opening for s in range(8)}
    assert openings <= set(card.opening)
    assert len(openings) > 1


def test_the_history_the_partner_hears_follows_rewinds_and_skips_pauses(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card))
    session.respond("I hear you.")
    session.respond("He hits me when he drinks.")
    session.respond("That sounds awful.")
    session.rewind()
    assert [e.learner for e in session.prepare("Tell me more.").request.history] == ["I hear you."]
    session.rewind()
    session.rewind()
    assert session.prepare("Tell me more.").request.history == []

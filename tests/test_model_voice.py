"""A model voices the engine's state; the guard passes, trims, retries or falls back."""

from __future__ import annotations

import asyncio

from conftest import authored_lines, zone_replies
from fakes import scripted_chat
from simulator.domain.zones import Zone
from simulator.guard import GuardContext, check_reply
from simulator.llm.client import CallOptions
from simulator.personas import Catalog, PersonaCard
from simulator.turns.session import Session, TurnRecord
from simulator.voices.model import ModelVoice


def voice(card: PersonaCard, *attempts: str) -> tuple[ModelVoice, list[list[dict[str, str]]]]:
    chat, sent = scripted_chat(*attempts)
    return ModelVoice(card, CallOptions(model="fake/model"), seed=1, chat=chat), sent


def run_turn(session: Session, text: str) -> tuple[list[str], TurnRecord]:
    async def go() -> tuple[list[str], TurnRecord]:
        pending = session.prepare(text)
        stream = session.reply_stream(pending)
        shown = [chunk async for chunk in stream]
        return shown, session.commit(pending, stream.reply)

    return asyncio.run(go())


def test_an_in_character_reply_passes(card: PersonaCard) -> None:
    v, sent = voice(card, "Five hours. I kept checking my phone.")
    session = Session(card, v)
    shown, record = run_turn(session, "It's not a big deal.")
    assert "".join(shown) == "Five hours. I kept checking my phone."
    assert record.reply == "".join(shown)
    guard = record.guard
    assert guard.result == "pass" and not guard.trimmed and guard.attempts == 1
    assert len(sent) == 1 and sent[0][0]["role"] == "system"
    assert session.opening in card.opening, "the scene opens on an authored line"


def test_a_reply_that_breaks_character_later_is_trimmed(card: PersonaCard) -> None:
    v, _ = voice(card, "I waited all afternoon. As an AI, I understand your concern.")
    shown, record = run_turn(Session(card, v), "Sorry, I was busy.")
    assert "".join(shown) == "I waited all afternoon."
    guard = record.guard
    assert guard.result == "pass" and guard.trimmed
    # The engine's plan says push back (an excuse): "I understand" would also give in, and
    # "I understand your concern" is a helpdesk's phrase (round 5 of the blind sets).
    assert guard.reasons == [
        "attempt 1: ai_admission: 'As an AI'",
        "attempt 1: therapist_voice: 'I understand your concern'",
        "attempt 1: stance: 'I understand'",
    ]


def test_a_bad_first_attempt_is_retried_with_a_stricter_prompt(card: PersonaCard) -> None:
    v, sent = voice(card, "It sounds like you're feeling stressed.", "You weren't there. Again.")
    shown, record = run_turn(Session(card, v), "I was swamped at work.")
    assert "".join(shown) == "You weren't there. Again."
    guard = record.guard
    assert guard.result == "retry" and guard.attempts == 2
    assert guard.reasons[0].startswith("attempt 1: therapist_voice")
    assert "did not sound like Priya" not in sent[0][-1]["content"]
    assert "did not sound like Priya (it gave advice like a counsellor)" in sent[1][-1]["content"]
    assert sent[0][0] == sent[1][0]  # the retry keeps the cached scene


def test_two_bad_attempts_fall_back_to_an_authored_line(card: PersonaCard) -> None:
    v, _ = voice(card, "As a language model I cannot.", "User: okay.\nPriya: fine.")
    session = Session(card, v)
    shown, record = run_turn(session, "Relax, it's just a text.")
    zone = session.state.zone
    authored = zone_replies(card, zone)
    assert "".join(shown) in authored
    guard = record.guard
    assert guard.result == "fallback" and len(guard.reasons) == 2


def test_the_state_is_the_engines_whatever_the_model_says(card: PersonaCard) -> None:
    scripted = Session(card, voice(card, "Thank you so much! I feel wonderful.")[0])
    other = Session(card, voice(card, "Five hours.")[0])
    a = run_turn(scripted, "Calm down, you're overreacting.")[1]
    b = run_turn(other, "Calm down, you're overreacting.")[1]
    assert (a.arousal, a.connection, a.zone) == (b.arousal, b.connection, b.zone)
    assert a.zone == "flooded" and a.guard.result != "pass"


def test_the_persona_sees_the_conversation_so_far(card: PersonaCard) -> None:
    v, sent = voice(card, "Five hours.", "Still five hours.")
    session = Session(card, v)
    run_turn(session, "Hi.")
    run_turn(session, "I'm sorry.")
    contents = [m["content"] for m in sent[1]]
    assert contents[1:-1] == [session.opening, "Hi.", "Five hours.", "I'm sorry."]


def test_rewind_then_a_different_answer(card: PersonaCard) -> None:
    v, _ = voice(card, "Five hours.", "No.", "Okay. That helps a bit.")
    session = Session(card, v)
    run_turn(session, "Hi.")
    run_turn(session, "Relax.")
    session.rewind()
    record = run_turn(session, "I can see why you were scared.")[1]
    assert record.index == 2 and [t.user for t in session.turns] == [
        "Hi.",
        "I can see why you were scared.",
    ]


def test_a_flooded_withdrawer_is_kept_to_a_few_words(catalog: Catalog) -> None:
    noor = catalog.get("quiet-withdraw")
    rant = "I don't want to talk. Nobody listens to me anyway. I'm going to bed. Don't follow me."
    v, _ = voice(noor, rant)
    session = Session(noor, v)
    _, record = run_turn(session, "Relax, you're overreacting, it was a joke.")
    assert record.zone in ("flooded", "escalated")
    assert record.reply == "I don't want to talk. Nobody listens to me anyway."
    assert record.guard.result == "pass" and not record.guard.trimmed


def _passes_guard(card: PersonaCard, record: TurnRecord) -> bool:
    context = GuardContext(name=card.name, style=card.style.value, zone=Zone(record.zone))
    return check_reply(record.reply, context) == []


def test_a_reply_that_speaks_of_self_harm_is_retried_in_character(card: PersonaCard) -> None:
    v, sent = voice(card, "Some nights I just want to die.", "You weren't there. Again.")
    shown, record = run_turn(Session(card, v), "I was swamped at work.")
    assert "".join(shown) == record.reply == "You weren't there. Again."
    assert record.guard.result == "retry"
    assert record.guard.reasons[0].startswith("attempt 1: harm")
    assert "spoke of hurting someone or oneself" in sent[1][-1]["content"]


def test_threats_twice_fall_back_to_an_authored_line_that_passes(card: PersonaCard) -> None:
    v, _ = voice(card, "I could kill you for this.", "You'll regret it, I promise.")
    session = Session(card, v)
    shown, record = run_turn(session, "Relax, it's just a text.")
    assert "".join(shown) == record.reply
    assert record.reply in authored_lines(card)
    assert record.guard.result == "fallback"
    assert all(": harm" in r or ": abusive" in r for r in record.guard.reasons)
    assert _passes_guard(card, record)


def test_harm_after_an_in_character_sentence_is_cut_off_before_it_shows(
    card: PersonaCard,
) -> None:
    v, _ = voice(card, "Five hours. I keep a knife by the bed, you know.")
    shown, record = run_turn(Session(card, v), "I was swamped at work.")
    assert "".join(shown) == record.reply == "Five hours."
    assert record.guard.trimmed and record.guard.reasons == ["attempt 1: harm: 'knife'"]


def test_a_litellm_model_that_talks_of_weapons_is_replaced(card: PersonaCard) -> None:
    line = "I keep a knife by the bed, you know."
    options = CallOptions(model="openai/gpt-4o-mini", extra={"mock_response": line})
    session = Session(card, ModelVoice(card, options, seed=1))
    shown, record = run_turn(session, "I was swamped at work.")
    assert "knife" not in "".join(shown)
    assert record.guard.result == "fallback" and record.reply in authored_lines(card)
    assert record.guard.reasons == [f"attempt {n}: harm: 'knife'" for n in (1, 2)]
    assert _passes_guard(card, record)

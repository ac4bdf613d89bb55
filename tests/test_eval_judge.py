"""The transcript judge: a rubric prompt without numbers, strict JSON verdicts, agreement."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from simulator.evals.judge import (
    DIMENSIONS,
    RUBRIC,
    JudgeVerdict,
    agreement,
    judge_messages,
    judge_transcript,
    parse_verdict,
)
from simulator.llm.client import CallOptions
from simulator.personas import PersonaCard
from simulator.support.errors import AttuneError, ModelError
from simulator.turns.session import Session, TurnRecord
from simulator.voices import ScriptedVoice

MODEL = "openai/gpt-4o-mini"


def scores(**over: int) -> dict[str, Any]:
    """A verdict as the judge would send it; every dimension scores 4 unless overridden."""
    return {
        "scores": [
            {"dimension": d, "score": over.get(d, 4), "reason": f"{d} looks right"}
            for d in DIMENSIONS
        ]
    }


@pytest.fixture
def transcript(card: PersonaCard) -> tuple[Session, list[TurnRecord]]:
    """Four scripted turns with the documents' persona, across two zones."""
    session = Session(card, ScriptedVoice(card, seed=1))
    for text in (
        "No wonder you were scared, hearing nothing for hours.",
        "I am sorry. I am here now, and I am listening.",
        "That sounds so lonely.",
        "Relax, I was busy.",
    ):
        session.respond(text)
    return session, session.turns


def test_a_valid_verdict_comes_back_from_the_model(
    card: PersonaCard, transcript: tuple[Session, list[TurnRecord]]
) -> None:
    session, turns = transcript
    reply = json.dumps(scores(realism=2))
    options = CallOptions(model=MODEL, extra={"mock_response": reply})
    verdict = asyncio.run(judge_transcript(card, turns, options, opening=session.opening))
    assert [s.dimension for s in verdict.scores] == list(DIMENSIONS)
    assert verdict.score("realism").score == 2 and not verdict.score("realism").passed
    assert verdict.score("zone_fit").passed


def test_fenced_json_and_surrounding_prose_parse() -> None:
    body = json.dumps(scores(), indent=2)
    assert parse_verdict(f"```json\n{body}\n```").score("in_character").score == 4
    assert parse_verdict(f"Here is my verdict:\n{body}\nThanks {{no}}").scores[0].score == 4


def test_long_reasons_are_cut_to_three_hundred_characters() -> None:
    raw = scores()
    raw["scores"][0]["reason"] = "because " * 100
    reason = parse_verdict(json.dumps(raw)).scores[0].reason
    assert len(reason) == 300 and reason.endswith("…")


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        ('{"scores": [{"dimension": "in_character", "score": 4,', "invalid JSON"),
        ("I would rather not say.", "no JSON object in it"),
        ("[1, 2]", "no JSON object in it"),
        (
            json.dumps({"scores": scores()["scores"][:3]}),
            "scores: Value error, missing dimension(s): restraint",
        ),
        (json.dumps(scores(zone_fit=7)), "scores.1.score: Input should be less than or equal to 5"),
        (
            json.dumps({"scores": [*scores()["scores"], scores()["scores"][0]]}),
            "scored more than once: in_character",
        ),
        (
            json.dumps({"scores": [{"dimension": "warmth", "score": 3, "reason": "x"}]}),
            "scores.0.dimension: Input should be 'in_character'",
        ),
    ],
)
def test_a_bad_verdict_is_one_clear_line(reply: str, problem: str) -> None:
    with pytest.raises(ModelError) as caught:
        parse_verdict(reply, MODEL)
    message = str(caught.value)
    assert isinstance(caught.value, AttuneError) and caught.value.kind == "bad_reply"
    assert message.startswith(f"model '{MODEL}': the judge's reply is not a valid verdict (")
    assert problem in message and "\n" not in message


def test_a_bad_reply_from_the_model_is_a_model_error(
    card: PersonaCard, transcript: tuple[Session, list[TurnRecord]]
) -> None:
    _, turns = transcript
    options = CallOptions(model=MODEL, extra={"mock_response": "Sure! Scores: all fine."})
    with pytest.raises(ModelError, match="not a valid verdict"):
        asyncio.run(judge_transcript(card, turns, options))


def test_agreement_maps_judge_dimensions_to_the_deterministic_checks() -> None:
    verdict = JudgeVerdict.model_validate(scores(in_character=5, zone_fit=2, restraint=3))
    checks = {"in_character": True, "zone_fit": True, "no_giving_in": False, "other": True}
    assert agreement(verdict, checks) == {
        "in_character": True,  # judge passes, check passes
        "zone_fit": False,  # judge fails (2), check passes
        "restraint": False,  # judge passes (3 is a pass), check fails
    }
    # Only dimensions both sides looked at; realism has no deterministic twin.
    assert agreement(verdict, {"zone_fit": False}) == {"zone_fit": True}
    assert agreement(verdict, {}) == {}


def test_the_prompt_has_every_anchor_and_zone_and_no_engine_numbers(
    card: PersonaCard, transcript: tuple[Session, list[TurnRecord]]
) -> None:
    session, turns = transcript
    prompt = judge_messages(card, turns, session.opening)[0]["content"]
    for dimension in RUBRIC:
        assert dimension.id in prompt and dimension.question in prompt
        for anchor in dimension.anchors:
            assert f"{anchor.score} = {anchor.meaning}" in prompt
    for turn in turns:
        assert f"(zone: {turn.zone})" in prompt
        assert turn.user in prompt and turn.reply in prompt
        for number in (turn.arousal, turn.connection):
            assert f"{number:g}" not in prompt and str(int(number)) not in prompt
    assert session.opening in prompt and card.name in prompt
    assert "arousal" not in prompt.lower() and "connection" not in prompt.lower()
    assert "JSON only" in prompt
    assert len({t.zone for t in turns}) >= 2, "the transcript crosses zones"


def test_the_call_asks_for_json_at_temperature_zero(
    card: PersonaCard,
    transcript: tuple[Session, list[TurnRecord]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, turns = transcript
    seen: dict[str, Any] = {}

    async def fake_complete(
        messages: list[dict[str, str]], options: CallOptions, **extra: Any
    ) -> str:
        seen.update(options.kwargs(**extra))
        return json.dumps(scores())

    monkeypatch.setattr("simulator.evals.judge.complete_chat", fake_complete)
    asyncio.run(judge_transcript(card, turns, CallOptions(model=MODEL)))
    assert seen["temperature"] == 0.0
    assert seen["response_format"] == {"type": "json_object"}
    assert seen["model"] == MODEL and "timeout" in seen

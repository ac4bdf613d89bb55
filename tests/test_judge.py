"""The optional LLM judge: validated JSON, merged with the rules, never trusted blindly."""

from __future__ import annotations

import json

from simulator.classifier import classify
from simulator.classifier.judge import JudgedClassifier, JudgeVerdict, merge, parse_verdict
from simulator.llm.client import CallOptions
from simulator.modes.listen.moves import Move


def judge(reply: str) -> JudgedClassifier:
    return JudgedClassifier(CallOptions(model="openai/gpt-4o-mini", extra={"mock_response": reply}))


def test_judge_adds_a_move_the_rules_missed_with_its_span() -> None:
    text = "Ugh, that manager. What a day you had."
    assert Move.REFLECT not in classify(text).moves
    verdict = json.dumps({"moves": [{"move": "reflect", "quote": "What a day you had"}]})
    found = judge(f"```json\n{verdict}\n```")(text)
    assert Move.REFLECT in found.moves and found.judged == [Move.REFLECT]
    span = found.spans_for(Move.REFLECT)[0]
    assert text[span.start : span.end] == "What a day you had"


def test_judge_cannot_invent_quotes_or_moves() -> None:
    text = "I hear you."
    rules = classify(text)
    verdict = JudgeVerdict.model_validate(
        {
            "moves": [
                {"move": "fix", "quote": "you should email him"},  # not in the message
                {"move": "teleport", "quote": "I hear you"},  # not a move
            ]
        }
    )
    assert merge(rules, verdict) == rules


def test_invalid_judge_output_falls_back_to_the_rules() -> None:
    classifier = judge("I think they validated, probably.")
    text = "That makes sense."
    assert classifier(text) == classify(text)
    assert classifier.invalid_replies == 1
    assert parse_verdict('{"moves": "nope"}') is None

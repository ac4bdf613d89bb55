"""Learner messages: empty, huge and control-laden input is refused or cleaned, never half-used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import RunCli
from simulator.personas import PersonaCard
from simulator.support.errors import MessageError
from simulator.turns.learner_input import MAX_MESSAGE_CHARS, clean_message
from simulator.turns.session import Session
from simulator.voices.scripted import ScriptedVoice

MEGABYTE = "I hear you. " * (1024 * 1024 // 12)


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n", "\x1b\x1b\x9b", "\x00\x07"])
def test_empty_messages_are_refused_in_one_line(text: str) -> None:
    with pytest.raises(MessageError, match="empty") as caught:
        clean_message(text)
    assert "\n" not in str(caught.value)


def test_a_megabyte_paste_is_refused_naming_its_size_and_the_limit() -> None:
    with pytest.raises(MessageError) as caught:
        clean_message(MEGABYTE)
    message = str(caught.value)
    assert f"{len(MEGABYTE.strip()):,} characters" in message
    assert f"{MAX_MESSAGE_CHARS:,}" in message and "\n" not in message


def test_escape_sequences_are_removed_and_the_words_kept() -> None:
    assert clean_message("\x1b[31mI'm\x1b[0m here\x07 for you.\x9b") == "[31mI'm[0m here for you."
    assert clean_message("line one\nline two\ttab") == "line one\nline two\ttab"


@given(st.text(max_size=5000))
def test_any_text_is_either_a_clean_message_or_one_clear_refusal(text: str) -> None:
    try:
        cleaned = clean_message(text)
    except MessageError as exc:
        assert "\n" not in str(exc)
        return
    assert cleaned and cleaned == cleaned.strip() and len(cleaned) <= MAX_MESSAGE_CHARS
    assert not any(ord(c) < 32 and c not in "\n\t" for c in cleaned)
    assert not any(0x7F <= ord(c) <= 0x9F for c in cleaned)


def test_a_refused_message_changes_nothing_in_the_session(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card))
    session.respond("I hear you.")
    state, turns = session.state, list(session.turns)
    for bad in ("  ", MEGABYTE):
        with pytest.raises(MessageError):
            session.respond(bad)
    assert session.state == state and session.turns == turns


def test_the_session_stores_the_cleaned_message(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card))
    assert session.respond("  I'm\x1b[2J here.  ").user == "I'm[2J here."


@pytest.mark.parametrize(
    ("turns", "problem"),
    [
        (["I hear you.", "   "], "turn 2: the message is empty"),
        # Over the message limit, within the file limit (a megabyte script is refused whole).
        (["I hear you. " * 400], "turn 1: the message is 4,799 characters"),
    ],
)
def test_a_script_with_a_bad_turn_runs_nothing_and_says_which(
    attune: RunCli, tmp_path: Path, turns: list[str], problem: str
) -> None:
    script = tmp_path / "bad.yaml"
    script.write_text(json.dumps({"turns": turns}), encoding="utf-8")
    result = attune("replay", str(script), "--persona", "unanswered-text", "--json")
    assert result.code == 2 and result.out == ""
    assert problem in result.err and result.err.count("\n") == 1
    assert "Traceback" not in result.err

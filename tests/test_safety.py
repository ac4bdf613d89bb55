"""The learner's safety: real distress pauses the role-play; figures of speech do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA, REPORTS, RunCli, authored_lines
from saved_sessions import record
from simulator.personas import PersonaCard
from simulator.safety import DEFAULT_RESOURCES, DistressKind, detect_distress
from simulator.session import Session
from simulator.store import SessionStore
from simulator.voices.base import Reply
from simulator.voices.scripted import ScriptedVoice

LABELED = yaml.safe_load((DATA / "distress.yaml").read_text(encoding="utf-8"))
DISTRESS = [(kind, m) for kind, messages in LABELED["distress"].items() for m in messages]
CALM = LABELED["not_distress"]


def test_the_labeled_set_is_big_enough_to_mean_something() -> None:
    assert len(DISTRESS) >= 25 and len(CALM) >= 25
    assert {k for k, _ in DISTRESS} == {k.value for k in DistressKind}


def test_every_distress_message_pauses_with_the_right_kind() -> None:
    missed = [(k, m) for k, m in DISTRESS if (d := detect_distress(m)) is None or d.kind != k]
    caught = len(DISTRESS) - len(missed)
    false = [m for m in CALM if detect_distress(m) is not None]
    REPORTS["safety"] = (
        f"distress caught {caught}/{len(DISTRESS)}; "
        f"role-play and ordinary lines paused {len(false)}/{len(CALM)}"
    )
    assert missed == []
    assert false == []


@pytest.mark.parametrize(
    "message",
    ["You're killing me here.", "My phone died, I'm sorry.", "I could die of embarrassment."],
)
def test_role_play_shaped_figures_of_speech_do_not_pause(message: str) -> None:
    assert detect_distress(message) is None


@given(st.text(max_size=400))
def test_any_text_is_checked_without_error_and_the_same_way_twice(text: str) -> None:
    first = detect_distress(text)
    assert first == detect_distress(text)
    if first is not None:
        assert first.evidence


def _session(card: PersonaCard) -> Session:
    return Session(card, ScriptedVoice(card, seed=0), resources="Call the test line on 000.")


def test_a_distress_turn_pauses_without_scoring_or_answering_in_character(
    card: PersonaCard,
) -> None:
    session = _session(card)
    session.respond("I hear you. That waiting sounds awful.")
    before = session.state
    record = session.respond("Honestly I want to kill myself.")
    assert record.safety == "pause" and record.safety_kind == "self_harm"
    assert record.moves == [] and record.effects == []
    assert (session.state.arousal, session.state.connection) == (before.arousal, before.connection)
    assert "practice tool" in record.reply and "Call the test line on 000." in record.reply
    every_line = authored_lines(card)
    assert record.reply not in every_line, "the persona does not answer a pause"
    assert record.public_json()["safety"] == "pause"


def test_the_practice_resumes_after_a_pause_and_the_partner_never_hears_it(
    card: PersonaCard,
) -> None:
    session = _session(card)
    session.respond("I hear you.")
    session.respond("He hits me when he drinks.")
    pending = session.prepare("I'm here. Tell me more about the waiting.")
    assert pending.distress is None
    assert [e.learner for e in pending.request.history] == ["I hear you."]
    voice = ScriptedVoice(card, seed=0)
    record = session.commit(pending, Reply(text=voice.reply(pending.outcome)))
    assert record.safety is None and record.index == 3


def test_default_resources_name_emergency_and_crisis_lines() -> None:
    assert "emergency" in DEFAULT_RESOURCES and "988" in DEFAULT_RESOURCES


def test_replay_json_marks_the_paused_turn(attune: RunCli, tmp_path: Path) -> None:
    script = tmp_path / "s.yaml"
    turns = ["I hear you.", "I don't want to be alive anymore.", "Tell me more."]
    script.write_text(json.dumps({"turns": turns}), encoding="utf-8")
    result = attune("replay", str(script), "--persona", "unanswered-text", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [t["safety"] for t in data["turns"]] == [None, "pause", None]
    assert "practice tool" in data["turns"][1]["reply"]


def test_resources_come_from_the_config_file(
    attune: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[safety]\nresources = "Ring the campus line: 555-0100."\n', encoding="utf-8")
    monkeypatch.setenv("ATTUNE_CONFIG", str(config))
    script = tmp_path / "s.yaml"
    script.write_text(json.dumps({"turns": ["My partner hits me."]}), encoding="utf-8")
    result = attune("replay", str(script), "--persona", "unanswered-text", "--json")
    assert result.code == 0, result.err
    assert "555-0100" in json.loads(result.out)["turns"][0]["reply"]


@pytest.mark.parametrize(
    "command", [("show",), ("export", "--format", "md"), ("export", "--format", "html")]
)
def test_saved_pauses_are_labelled_as_attune_not_the_partner(
    attune: RunCli, card: PersonaCard, command: tuple[str, ...]
) -> None:
    session_id = record(SessionStore.default(), card, ["I hear you.", "He hits me."])
    result = attune("sessions", command[0], session_id, *command[1:])
    assert result.code == 0, result.err
    assert "attune (practice paused)" in result.out
    assert "paused for your safety (not scored)" in result.out
    assert "Priya: Pausing" not in result.out and "Priya> Pausing" not in result.out

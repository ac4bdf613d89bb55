"""`attune personas new|delete` and the learner's cards in `personas list`, `replay`."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import RunCli
from simulator.cli.commands import cli
from simulator.domain.zones import Zone
from simulator.llm.client import CallOptions
from simulator.personas.loader import load_card
from simulator.settings.config import Settings
from simulator.support.paths import user_personas_dir

# Answers in the order `personas new --interactive` asks: name, about, feels, says first,
# soothes, sets off, push or pull, softer feeling, intensity.
SAM = [
    "Sam",
    "I forgot our anniversary dinner",
    "hurt and let down",
    "So you finally remembered?",
    "when I just listen",
    "when I explain myself",
    "withdraw",
    "hurt",
    "heated",
]


def interactive(*args: str, answers: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["personas", "new", "--interactive", *args], input="\n".join(answers) + "\n"
    )
    return result.exit_code, result.output


def test_interactive_asks_the_form_and_saves_a_card_ready_to_practise(attune: RunCli) -> None:
    code, out = interactive(answers=SAM)
    assert code == 0, out
    assert "What is the talk about?" in out and "How upset at the start?" in out
    path = user_personas_dir() / "sam-forgot-anniversary-dinner.yaml"
    assert f"Saved Sam (sam-forgot-anniversary-dinner) to {path}" in out
    assert "attune practice --persona sam-forgot-anniversary-dinner" in out
    card = load_card(path)
    assert card.opening == ["So you finally remembered?"]
    assert card.style.value == "withdraw" and card.underneath.emotion.value == "hurt"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    listed = attune("personas", "list")
    assert listed.code == 0
    shipped, _, yours = listed.out.partition("Your scenarios")
    assert "sam-forgot-anniversary-dinner" in yours and "unanswered-text" in shipped
    assert "sam-forgot" not in shipped
    rows = {r["id"]: r for r in json.loads(attune("personas", "list", "--json").out)}
    assert rows["sam-forgot-anniversary-dinner"]["yours"] is True
    assert rows["unanswered-text"]["yours"] is False
    script = 'turns:\n  - "I can see why that hurt. I am here."\n'
    replay_file = user_personas_dir().parent / "script.yaml"
    replay_file.write_text(script)
    replay = attune(
        "replay",
        str(replay_file),
        "--persona",
        "sam-forgot-anniversary-dinner",
        "--model",
        "scripted",
    )
    assert replay.code == 0 and "Sam> So you finally remembered?" in replay.out


def test_interactive_asks_again_after_an_empty_or_over_long_answer() -> None:
    answers = ["Sam", "", "x" * 301, "money", "", "", "Fine.", "", "", "", "", ""]
    code, out = interactive("my-talk", answers=answers)
    assert code == 0, out
    assert "required: please answer this one" in out
    assert "too long: 301 characters, at most 300" in out
    card = load_card(user_personas_dir() / "my-talk.yaml")
    assert card.summary == "Sam: money" and card.opening == ["Fine."]


def test_interactive_refuses_a_shipped_id_before_asking_anything() -> None:
    code, out = interactive("bad-day", answers=SAM)
    assert code != 0
    assert "What is the talk about?" not in out
    assert not user_personas_dir().exists()


def test_new_writes_a_skeleton_that_validate_says_needs_filling_in(
    attune: RunCli, tmp_path: Path
) -> None:
    made = attune("personas", "new", "my-sister", "--out", str(tmp_path))
    assert made.code == 0, made.err
    path = tmp_path / "my-sister.yaml"
    assert f"Wrote a skeleton to {path}" in made.out
    assert path.read_text().startswith("# A persona card for attune.")
    checked = attune("personas", "validate", str(path))
    assert checked.code == 2
    assert f"{path}: name: still to fill in" in checked.err
    assert f"{path}: lines.flooded[0]: still to fill in" in checked.err
    again = attune("personas", "new", "my-sister", "--out", str(tmp_path))
    assert again.code == 2 and "already exists (pass --force" in again.err
    assert attune("personas", "new", "my-sister", "--out", str(tmp_path), "--force").code == 0


def test_new_defaults_to_your_folder_and_refuses_bad_ids(attune: RunCli, tmp_path: Path) -> None:
    assert attune("personas", "new", "my-sister").code == 0
    assert (user_personas_dir() / "my-sister.yaml").is_file()
    # An unfinished skeleton of yours is reported, never fatal.
    listed = attune("personas", "list")
    assert listed.code == 0 and "skipped" in listed.err and "still to fill in" in listed.err
    shipped = attune("personas", "new", "bad-day")
    assert shipped.code == 2 and "id of a shipped persona" in shipped.err
    bad = attune("personas", "new", "My Sister")
    assert bad.code == 2 and "is not a card id" in bad.err
    wrong_name = attune("personas", "new", "x-y", "--out", str(tmp_path / "other.yaml"))
    assert wrong_name.code == 2 and "must be named x-y.yaml" in wrong_name.err
    assert attune("personas", "new").code == 2


def test_delete_moves_your_card_to_the_trash_and_refuses_shipped_ones(attune: RunCli) -> None:
    assert interactive("sam", answers=SAM)[0] == 0
    shipped = attune("personas", "delete", "bad-day", "--yes")
    assert shipped.code == 2 and "cannot be deleted" in shipped.err
    gone = attune("personas", "delete", "sam", "--yes")
    assert gone.code == 0 and "to the trash" in gone.out
    assert "attune personas restore sam" in gone.out
    assert not (user_personas_dir() / "sam.yaml").exists()
    assert attune("personas", "delete", "sam", "--yes").code == 2


def test_delete_asks_first_and_keeps_the_card_on_no() -> None:
    assert interactive("sam", answers=SAM)[0] == 0
    result = CliRunner().invoke(cli, ["personas", "delete", "sam"], input="n\n")
    assert result.exit_code == 0 and "Not deleted." in result.output
    assert (user_personas_dir() / "sam.yaml").exists()
    result = CliRunner().invoke(cli, ["personas", "delete", "sam"], input="y\n")
    assert result.exit_code == 0 and not (user_personas_dir() / "sam.yaml").exists()


DRAFT = {
    "opening": ["You forgot. Our anniversary, and you forgot."],
    "lines": {
        "flooded": ["...", "I can't do this right now."],
        "escalated": ["It doesn't matter.", "I don't want to talk about it."],
        "guarded": ["Maybe. I'm still hurt.", "I don't know if you get it yet."],
        "settling": ["Okay. That helps a bit.", "I just wanted it to matter to you."],
        "regulated": ["Can we plan a new date together?", "Thank you for hearing me."],
    },
    "underneath": ["I was scared it didn't mean as much to you as it does to me."],
}


def mock_model(monkeypatch: pytest.MonkeyPatch, reply: str) -> None:
    """The drafting model answers with `reply` (litellm's mock_response: no network)."""

    def options(model: str, settings: Settings) -> CallOptions:
        return CallOptions(model=model, extra={"mock_response": reply})

    monkeypatch.setattr("simulator.scenario.draft.draft_options", options)


def test_draft_shows_the_models_lines_and_saves_them_when_accepted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mock_model(monkeypatch, json.dumps(DRAFT))
    code, out = interactive("sam", "--draft", "--model", "openai/gpt-4o-mini", answers=[*SAM, "y"])
    assert code == 0, out
    assert "Drafting the lines with openai/gpt-4o-mini" in out
    assert "Thank you for hearing me." in out and "Save the card with these lines?" in out
    card = load_card(user_personas_dir() / "sam.yaml")
    assert card.opening == DRAFT["opening"]
    assert card.lines.for_zone(Zone.REGULATED) == DRAFT["lines"]["regulated"]  # type: ignore[index]
    assert "drafted by openai/gpt-4o-mini" in out


def test_a_malformed_draft_is_rejected_and_nothing_is_saved_on_no(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mock_model(monkeypatch, "Here you go: opening lines...")
    code, out = interactive("sam", "--draft", "--model", "openai/gpt-4o-mini", answers=[*SAM, "n"])
    assert code == 0, out
    assert "The model's draft was rejected: the model's reply is not JSON" in out
    assert "Nothing saved." in out
    assert not (user_personas_dir() / "sam.yaml").exists()


def test_draft_with_scripted_is_refused_before_any_question(attune: RunCli) -> None:
    result = attune("personas", "new", "--interactive", "--draft", "--model", "scripted")
    assert result.code == 2
    assert "--draft with 'scripted': the scripted model only replays authored lines" in result.err
    assert "What is the talk about?" not in result.out


def test_an_unfinished_skeleton_of_yours_can_be_deleted_and_its_id_is_not_reused(
    attune: RunCli,
) -> None:
    assert attune("personas", "new", "sam-forgot-anniversary-dinner").code == 0
    code, out = interactive(answers=SAM)
    assert code == 0, out
    assert "(sam-forgot-anniversary-dinner-2)" in out
    result = CliRunner().invoke(
        cli, ["personas", "delete", "sam-forgot-anniversary-dinner"], input="y\n"
    )
    assert result.exit_code == 0 and "(unfinished)" in result.output
    assert not (user_personas_dir() / "sam-forgot-anniversary-dinner.yaml").exists()
    assert (user_personas_dir() / "sam-forgot-anniversary-dinner-2.yaml").exists()

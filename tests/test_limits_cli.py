"""Regressions from fuzzing the command line: each input once gave a traceback or a hang.

Every one must now be one line on stderr and exit code 2 (or, for the personas folder,
a skipped file that is named while everything else keeps working).
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
from pathlib import Path

import pytest
import yaml

from conftest import RunCli
from saved_sessions import MISSTEP, record
from simulator.personas import Catalog, PersonaCard
from simulator.store import SessionStore
from simulator.support.limits import (
    MAX_ASKED,
    MAX_NESTING_DEPTH,
    MAX_REPLAY_TURNS,
    MAX_REPORTED_PROBLEMS,
)
from simulator.support.paths import home_dir, user_personas_dir
from test_limits import endless_stdin, finishes

DEEP = "turns: " + "[" * 5000 + "]" * 5000 + "\n"
# An emoji as json.dumps writes it (two escaped UTF-16 halves), then half of one alone.
ESCAPED_EMOJI = json.dumps({"turns": ["I hear you \U0001f62d", "and \ud83d this"]})


def one_line_error(result: object, *expected: str) -> str:
    """The error text, after checking it is one line, exit 2, no traceback."""
    code, err = getattr(result, "code"), str(getattr(result, "err"))  # noqa: B009
    assert code == 2, err
    assert err.startswith("attune: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for part in expected:
        assert part in err, err
    return err


@pytest.fixture
def good(catalog: Catalog) -> dict[str, object]:
    return catalog.get("unanswered-text").model_dump(mode="json")


def _card(folder: Path, data: dict[str, object], text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{data['id']}.yaml"
    path.write_text(text if text is not None else yaml.safe_dump(data), encoding="utf-8")
    return path


# --- deeply nested YAML ------------------------------------------------------------------


def test_deeply_nested_yaml_in_a_card_is_one_line_per_file(attune: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("id: deep\nlines: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = attune("personas", "validate", str(path))
    assert result.code == 2
    assert result.err.splitlines() == [
        # The card's own mapping is the first level; the 32nd bracket would be one too many.
        f"{path}: line 2, column {len('lines: ') + MAX_NESTING_DEPTH}: nested more than "
        f"{MAX_NESTING_DEPTH} levels deep",
        "attune: error: 1 of 1 card(s) invalid",
    ]


def test_deeply_nested_yaml_in_a_replay_script_is_one_line(attune: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(DEEP, encoding="utf-8")
    result = attune("replay", str(path), "--persona", "unanswered-text")
    one_line_error(result, f"{path}: line 1, column", "nested more than")


def test_a_deeply_nested_file_in_the_personas_folder_is_skipped_and_named(
    attune: RunCli, good: dict[str, object]
) -> None:
    folder = user_personas_dir()
    folder.mkdir(parents=True)
    deep = folder / "deep.yaml"
    deep.write_text(DEEP, encoding="utf-8")
    _card(folder, {**good, "id": "my-own", "name": "Sam"})
    listed = attune("personas", "list")
    assert listed.code == 0, listed.err
    assert "unanswered-text" in listed.out and "my-own" in listed.out
    assert f"skipped {deep}: line 1, column" in listed.err and "nested more than" in listed.err
    as_json = attune("personas", "list", "--json")
    assert {"unanswered-text", "my-own"} <= {c["id"] for c in json.loads(as_json.out)}
    # Commands that do not use the broken file work as if it were not there.
    script = folder.parent / "s.yaml"
    script.write_text('turns: ["I can see why that hurt."]\n', encoding="utf-8")
    assert attune("replay", str(script), "--persona", "my-own").code == 0
    checked = attune("personas", "validate", str(folder))
    assert checked.code == 2
    assert f"ok  {folder / 'my-own.yaml'}" in checked.out
    assert f"{deep}: line 1, column" in checked.err and "1 of 2 card(s) invalid" in checked.err


# --- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1" * 5000, "the number '11111111111111111111...' is too large"),
        ("1" + "0" * 400, "the number '10000000000000000000...' is too large"),
        ("1" + "0" * 30, "baseline.arousal: the number '10000000000000000000...' is too large"),
        ("1e400", "baseline.arousal: found '1e400', expected a finite number (allowed: 0 to 100)"),
        ("1.0e+400", "baseline.arousal: found an infinite number"),
        (".nan", "baseline.arousal: found nan; numbers must be finite"),
        ("nan", "baseline.arousal: found 'nan', expected a finite number (allowed: 0 to 100)"),
    ],
)
def test_an_integer_of_4300_digits_or_1e400_in_a_card_is_one_line(
    attune: RunCli, tmp_path: Path, good: dict[str, object], value: str, expected: str
) -> None:
    text = yaml.safe_dump(good).replace("arousal: 70.0", f"arousal: {value}")
    assert f"arousal: {value}" in text
    path = _card(tmp_path, good, text)
    result = attune("personas", "validate", str(path))
    assert result.code == 2
    first, last = result.err.splitlines()
    assert first.startswith(f"{path}: ") and expected in first, first
    assert last == "attune: error: 1 of 1 card(s) invalid"


def test_an_integer_of_4300_digits_in_a_replay_script_is_one_line(
    attune: RunCli, tmp_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("turns:\n  - " + "1" * 5000 + "\n", encoding="utf-8")
    one_line_error(attune("replay", str(path), "--persona", "bad-day"), "is too large")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[model]\nx = " + "[" * 5000 + "\n", "nested more than"),
        ("[model]\nmax_tokens = " + "1" * 5000 + "\n", "a number is too large"),
        ("[model]\ntemperature = nan\n", "model.temperature: found nan; numbers must be finite"),
        ("[model]\ntimeout_s = inf\n", "model.timeout_s: found an infinite number"),
    ],
)
def test_a_deeply_nested_or_overflowing_config_toml_is_one_line(
    attune: RunCli, content: str, expected: str
) -> None:
    config = home_dir() / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(content, encoding="utf-8")
    one_line_error(attune("config", "show"), str(config), expected)


def test_a_nan_or_infinite_number_in_the_database_is_refused_on_reading(
    attune: RunCli, card: PersonaCard
) -> None:
    store = SessionStore.default()
    session_id = record(store, card)
    with sqlite3.connect(store.path) as conn:
        seq, raw = conn.execute("SELECT seq, record FROM turns ORDER BY seq LIMIT 1").fetchone()
        data = json.loads(raw)
        for bad in ("NaN", "1e308"):
            edited = raw.replace(f'"arousal":{json.dumps(data["arousal"])}', f'"arousal":{bad}')
            assert edited != raw
            conn.execute("UPDATE turns SET record = ? WHERE seq = ?", (edited, seq))
            conn.commit()
            result = attune("sessions", "show", session_id)
            one_line_error(
                result,
                f"session {session_id} cannot be read: turns.record (turn 1) is not valid (arousal:",
            )


# --- unbounded reads ---------------------------------------------------------------------


def test_a_card_that_is_a_symlink_to_dev_zero_is_refused(attune: RunCli, tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    result = finishes(lambda: attune("personas", "validate", str(link)))
    assert f"{link}: is a device, expected a regular file" in getattr(result, "err")  # noqa: B009
    script = finishes(lambda: attune("replay", str(link), "--persona", "bad-day"))
    one_line_error(script, f"{link}: is a device, expected a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_script_or_card_that_is_a_fifo_is_refused(attune: RunCli, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    script = finishes(lambda: attune("replay", str(fifo), "--persona", "bad-day"))
    one_line_error(script, f"{fifo}: is a pipe (FIFO), expected a regular file")
    card = finishes(lambda: attune("personas", "validate", str(fifo)))
    assert f"{fifo}: is a pipe (FIFO)" in getattr(card, "err")  # noqa: B009


def test_huge_stdin_for_classify_is_one_line(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", endless_stdin())
    result = finishes(lambda: attune("classify", "-"))
    one_line_error(result, "<stdin> line 1: a line longer than the 16,000 bytes allowed")


def test_endless_stdin_of_short_lines_for_classify_stops_at_the_limit(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A smaller limit, so the test classifies 500 lines of 12 bytes, not 350,000.
    monkeypatch.setattr("simulator.support.safe_read.MAX_STDIN_BYTES", 6000)
    monkeypatch.setattr("sys.stdin", endless_stdin(b"I hear you.\n"))
    result = finishes(lambda: attune("classify", "--json", "-"))
    one_line_error(result, "<stdin>: more than the 6,000 bytes allowed at once (at line 501)")
    assert len(getattr(result, "out").splitlines()) == 500  # noqa: B009


def test_huge_stdin_for_replay_is_one_line(attune: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", endless_stdin(b"a"))
    result = finishes(lambda: attune("replay", "-", "--persona", "bad-day"))
    one_line_error(result, "<stdin>: more than the 1,048,576 bytes allowed")


def test_endless_stdin_answering_a_delete_question_deletes_nothing(
    attune: RunCli, card: PersonaCard, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = record(SessionStore.default(), card)
    monkeypatch.setattr("sys.stdin", endless_stdin())
    result = finishes(lambda: attune("sessions", "delete", session_id))
    assert getattr(result, "code") == 2  # noqa: B009
    assert SessionStore.default().load(session_id).id == session_id


def test_endless_stdin_for_the_new_scenario_questions_is_refused(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", endless_stdin(b"x"))
    result = finishes(lambda: attune("personas", "new", "--interactive"))
    one_line_error(result, "<stdin>: a line longer than the 16,000 bytes allowed")
    assert not user_personas_dir().exists()


def test_a_wrong_answer_repeated_forever_stops_the_questions(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Like `yes maybe | attune personas new --interactive`.
    answers = ["Sam", "money", "upset", "Fine.", "", "", *(["maybe"] * (MAX_ASKED + 5))]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    result = attune("personas", "new", "--interactive")
    assert result.code == 2
    assert result.err.count("'maybe' is not one of pursue, withdraw") == MAX_ASKED
    assert result.err.endswith(
        f"attune: error: no usable answer to 'Do they tend to push or pull away?' after "
        f"{MAX_ASKED} tries; nothing saved\n"
    )
    assert not user_personas_dir().exists()


# --- validation that slowed to minutes --------------------------------------------------


def test_a_card_with_2000_unknown_keys_reports_a_bounded_number(
    attune: RunCli, tmp_path: Path, good: dict[str, object]
) -> None:
    extra = {f"unknown_{i:04}": i for i in range(2000)}
    path = _card(tmp_path, {**good, **extra})
    result = attune("personas", "validate", str(path))
    assert result.code == 2
    lines = result.err.splitlines()
    shown = lines[:-2]
    assert len(shown) == MAX_REPORTED_PROBLEMS
    # In file order: yaml.safe_dump sorts keys, so the first unknown ones come first.
    for i, line in enumerate(shown):
        assert line.startswith(f"{path}: unknown_{i:04}: unknown field; a card has id, name")
    assert (
        lines[-2]
        == f"{path}: and {2000 - MAX_REPORTED_PROBLEMS:,} more problem(s); fix these first"
    )
    assert lines[-1] == "attune: error: 1 of 1 card(s) invalid"


def test_replay_refuses_more_turns_than_the_limit(attune: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(json.dumps({"turns": ["I hear you."] * (MAX_REPLAY_TURNS + 1)}))
    one_line_error(
        attune("replay", str(path), "--persona", "bad-day", "--json"),
        f"{path}: {MAX_REPLAY_TURNS + 1:,} turns; a replay runs at most {MAX_REPLAY_TURNS:,}",
    )
    path.write_text(json.dumps({"turns": ["I hear you."] * 3}))
    assert attune("replay", str(path), "--persona", "bad-day", "--json").code == 0


# --- lone surrogates ---------------------------------------------------------------------


def test_a_json_escaped_emoji_in_a_replay_script_prints_with_replay_json(
    attune: RunCli, tmp_path: Path
) -> None:
    assert "\\ud83d\\ude2d" in ESCAPED_EMOJI
    path = tmp_path / "emoji.yaml"
    path.write_text(ESCAPED_EMOJI, encoding="utf-8")
    result = attune("replay", str(path), "--persona", "unanswered-text", "--json")
    assert result.code == 0, result.err
    turns = json.loads(result.out)["turns"]
    assert turns[0]["user"] == "I hear you \U0001f62d"
    assert turns[1]["user"] == "and \ufffd this"
    text = attune("replay", str(path), "--persona", "unanswered-text")
    assert text.code == 0 and "and \ufffd this" in text.out


def test_a_json_escaped_emoji_in_a_card_validates_and_shows(
    attune: RunCli, tmp_path: Path, good: dict[str, object]
) -> None:
    card = {**good, "id": "emoji-card", "name": "Sam \U0001f62d", "summary": "A lone \udc00 half."}
    path = tmp_path / "emoji-card.yaml"
    path.write_text(json.dumps(card), encoding="utf-8")
    assert "\\ud83d\\ude2d" in path.read_text(encoding="utf-8")
    checked = attune("personas", "validate", str(path))
    assert checked.code == 0 and f"ok  {path}  (emoji-card)" in checked.out
    shown = attune("personas", "show", "emoji-card", "--personas", str(tmp_path), "--json")
    assert shown.code == 0, shown.err
    data = json.loads(shown.out)
    assert data["name"] == "Sam \U0001f62d" and data["summary"] == "A lone \ufffd half."
    listed = attune("personas", "list", "--personas", str(tmp_path))
    assert listed.code == 0 and "Sam \U0001f62d" in listed.out


def test_a_json_escaped_emoji_reaches_classify_scrubbed(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A text stdin (as a test or an embedding program hands it) may hold lone halves.
    monkeypatch.setattr("sys.stdin", io.StringIO("That makes sense \ud83d\ude2d\nhalf \ud83d\n"))
    result = attune("classify", "--json", "-")
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert rows[0]["text"] == "That makes sense \U0001f62d" and rows[0]["moves"] == ["validate"]
    assert rows[1]["text"] == "half \ufffd"


# --- notes, redaction, eval ---------------------------------------------------------------


def test_notes_delete_with_a_huge_number_is_one_line(attune: RunCli, card: PersonaCard) -> None:
    session_id = record(SessionStore.default(), card)
    huge = "9" * 30
    one_line_error(
        attune("sessions", "notes", session_id, "--delete", huge),
        "Invalid value for '--delete'",
        "is not in the range 1<=x<=9223372036854775807",
    )
    one_line_error(attune("sessions", "annotate", session_id, huge, "x"), "give a turn from 1")


@pytest.mark.parametrize("name", ["flooded", "12", "\u0131", "validate"])
def test_redact_name_flooded_12_or_dotless_i_does_not_crash(
    attune: RunCli, card: PersonaCard, name: str
) -> None:
    texts = [MISSTEP, "You are flooded, I know. It was 12 hours. Validate that."]
    session_id = record(SessionStore.default(), card, texts)
    plain = json.loads(attune("sessions", "export", session_id, "--format", "json").out)
    result = attune("sessions", "export", session_id, "--format", "json", "--redact-name", name)
    assert result.code == 0, result.err
    redacted = json.loads(result.out)
    # Labels, times and moves are as they were; only what people wrote changes.
    for key in ("started_at", "ended_at"):
        assert redacted[key] == plain[key]
    for before, after in zip(plain["turns"], redacted["turns"], strict=True):
        assert (after["zone"], after["moves"]) == (before["zone"], before["moves"])
    assert "flooded" in {t["zone"] for t in plain["turns"]}
    said = redacted["turns"][1]["user"]
    if name != "\u0131":
        assert name.lower() not in said.lower() and "[name]" in said
    for fmt in ("md", "html"):
        shown = attune("sessions", "export", session_id, "--format", fmt, "--redact-name", name)
        assert shown.code == 0, shown.err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN"])
def test_eval_min_pass_nan_exits_2(attune: RunCli, tmp_path: Path, value: str) -> None:
    result = attune("eval", "--model", "scripted", "--min-pass", value, "--out", str(tmp_path))
    one_line_error(result, "Invalid value for '--min-pass'")
    assert not list(tmp_path.iterdir())  # refused before any case ran


@pytest.mark.parametrize(
    "args",
    [
        ("replay", "s.yaml", "--persona", "bad-day", "--seed", "-1"),
        ("replay", "s.yaml", "--persona", "bad-day", "--seed", "9" * 30),
        ("eval", "--seed", "9" * 30),
        ("eval", "--concurrency", "9" * 30),
        ("practice", "--seed", "9" * 5000),
    ],
)
def test_numbers_on_the_command_line_are_range_checked(attune: RunCli, args: tuple[str]) -> None:
    one_line_error(attune(*args), "Invalid value for")

"""`attune sessions list|show|export|delete`, happy paths and every error path."""

from __future__ import annotations

import io
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import CliResult, RunCli
from saved_sessions import CALM, MISSTEP, record
from simulator.feedback.debrief import build_debrief
from simulator.personas import PersonaCard
from simulator.store import SessionStore
from simulator.support.paths import home_dir
from unprivileged import LockedHome

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def store() -> SessionStore:
    """The store the CLI reads ($ATTUNE_HOME is a fresh folder per test)."""
    return SessionStore.default()


@pytest.fixture
def session_id(store: SessionStore, card: PersonaCard) -> str:
    """One saved session: a misstep with markup in it, calm turns, and a retry."""
    texts = ["Relax. <script>alert(1)</script> \x1b[31mnot a big deal", *CALM]
    return record(store, card, texts, retry=MISSTEP)


def _failed(result: CliResult, *expected: str) -> str:
    assert result.code == 2, result
    assert result.err.startswith("attune: error: ") and result.err.count("\n") == 1
    assert "Traceback" not in result.err and result.out == ""
    for text in expected:
        assert text in result.err
    return result.err


# list


def test_list_says_when_there_is_nothing_yet(attune: RunCli) -> None:
    result = attune("sessions", "list")
    assert result.code == 0 and result.out == "No saved sessions yet.\n"
    assert not (home_dir() / "sessions.db").exists()
    assert json.loads(attune("sessions", "list", "--json").out) == []


def test_list_is_a_table_newest_first(
    attune: RunCli, store: SessionStore, card: PersonaCard
) -> None:
    at = datetime(2026, 2, 1, 10, 0, tzinfo=UTC)
    old = record(store, card, CALM[:1], started_at=at)
    new = record(store, card, CALM, started_at=at + timedelta(days=1), end=False)
    result = attune("sessions", "list")
    assert result.code == 0, result
    header, first, second = result.out.splitlines()
    assert header.split() == [
        "id", "started", "persona", "model", "feedback", "turns", "last", "zone", "ended"
    ]  # fmt: skip
    assert first.startswith(new) and second.startswith(old)
    assert "Priya (unanswered-text)" in first and "scripted  after" in first
    assert first.endswith("no") and second.endswith("yes")


def test_list_json(attune: RunCli, session_id: str) -> None:
    (row,) = json.loads(attune("sessions", "list", "--json").out)
    assert row["id"] == session_id and row["persona"] == "unanswered-text"
    assert row["turns"] == 4 and row["ended_at"] is not None
    assert set(row) >= {"started_at", "model", "last_zone", "last_arousal", "intensity"}


# show


def test_show_prints_setup_transcript_and_debrief(
    attune: RunCli, store: SessionStore, session_id: str
) -> None:
    result = attune("sessions", "show", session_id[:15])
    assert result.code == 0, result
    out = result.out
    saved = store.load(session_id)
    debrief = build_debrief(saved.meta, saved.turns)
    assert out.startswith(f"{session_id}  Priya (unanswered-text)")
    assert "model scripted, seed 0, intensity realistic" in out
    assert "  1  you> Relax. <script>alert(1)</script> \\x1b[31mnot a big deal" in out
    assert "moves: minimize" in out and "arousal  70.0 ->" in out
    assert "Taken back (1):" in out
    assert debrief.headline[:40] in out
    assert "Try next time:" in out and "Steps (turns that showed each):" in out
    assert "The softer feeling (fear) did not come through" in out
    assert "\x1b" not in out


def test_show_json_is_the_export_shape(attune: RunCli, session_id: str) -> None:
    data = json.loads(attune("sessions", "show", session_id, "--json").out)
    assert data["id"] == session_id and len(data["turns"]) == 4 and len(data["rewound"]) == 1
    assert data["debrief"]["headline"]


# export


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_export_to_stdout(attune: RunCli, session_id: str, fmt: str) -> None:
    result = attune("sessions", "export", session_id, "--format", fmt)
    assert result.code == 0, result
    if fmt == "json":
        assert json.loads(result.out)["id"] == session_id
    elif fmt == "html":
        assert "&lt;script&gt;" in result.out and "<script" not in result.out
    else:
        assert result.out.startswith("# Practice with Priya")
    assert "\x1b" not in result.out


@POSIX
def test_export_out_writes_a_private_file_and_refuses_to_overwrite(
    attune: RunCli, session_id: str, tmp_path: Path
) -> None:
    out = tmp_path / "talk.html"
    result = attune("sessions", "export", session_id, "--out", str(out))
    assert result.code == 0, result
    assert result.out == "" and str(out) in result.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")  # format taken from the suffix

    out.write_text("mine", encoding="utf-8")
    _failed(
        attune("sessions", "export", session_id, "--out", str(out), "--format", "md"),
        "already exists",
        "--force",
    )
    assert out.read_text(encoding="utf-8") == "mine"

    forced = attune(
        "sessions", "export", session_id, "--out", str(out), "--format", "md", "--force"
    )
    assert forced.code == 0, forced
    assert out.read_text(encoding="utf-8").startswith("# Practice with Priya")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_to_a_missing_folder_is_one_line(
    attune: RunCli, session_id: str, tmp_path: Path
) -> None:
    out = tmp_path / "no-such-folder" / "talk.md"
    _failed(attune("sessions", "export", session_id, "--out", str(out)), str(out), "cannot write")
    assert not out.parent.exists()


def test_export_to_a_folder_writes_inside_it(
    attune: RunCli, session_id: str, tmp_path: Path
) -> None:
    result = attune("sessions", "export", session_id, "--out", str(tmp_path), "--format", "json")
    assert result.code == 0, result
    written = tmp_path / f"{session_id}.json"
    assert json.loads(written.read_text(encoding="utf-8"))["id"] == session_id
    assert str(written) in result.err and tmp_path.is_dir()


def test_export_with_a_bad_format_is_one_line(attune: RunCli, session_id: str) -> None:
    _failed(attune("sessions", "export", session_id, "--format", "pdf"), "pdf")


# delete


def test_delete_with_yes(attune: RunCli, store: SessionStore, session_id: str) -> None:
    result = attune("sessions", "delete", session_id, "--yes")
    assert result.code == 0 and result.out == f"Deleted {session_id}.\n"
    assert store.list() == []


@pytest.mark.parametrize(("answer", "kept"), [("y\n", False), ("n\n", True), ("\n", True)])
def test_delete_asks_first(
    attune: RunCli,
    store: SessionStore,
    session_id: str,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    kept: bool,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    result = attune("sessions", "delete", session_id[:12])
    assert result.code == 0, result
    assert f"Delete session {session_id} (Priya, 4 turn(s)" in result.err
    assert (store.list() != []) is kept
    assert result.out == ("Not deleted.\n" if kept else f"Deleted {session_id}.\n")


# errors shared by every command that takes an ID


@pytest.mark.parametrize(
    "command",
    [
        ("show",),
        ("show", "--json"),
        ("export", "--format", "md"),
        ("delete", "--yes"),
    ],
)
def test_an_unknown_id_is_one_line(
    attune: RunCli, session_id: str, command: tuple[str, ...]
) -> None:
    _failed(attune("sessions", command[0], "nope", *command[1:]), "no saved session 'nope'")


def test_an_ambiguous_prefix_is_one_line(
    attune: RunCli, store: SessionStore, card: PersonaCard
) -> None:
    at = datetime(2026, 9, 9, 9, 9, 9, tzinfo=UTC)
    for _ in range(2):
        record(store, card, CALM[:1], started_at=at)
    _failed(attune("sessions", "show", "20260909"), "ambiguous: it matches", "20260909")


def test_control_characters_in_an_id_are_not_echoed(attune: RunCli, session_id: str) -> None:
    err = _failed(attune("sessions", "show", "\x1b[2Jx"))
    assert "\x1b" not in err and "\\x1b[2Jx" in err


@pytest.mark.parametrize("command", [("list",), ("show", "x"), ("export", "x"), ("delete", "x")])
def test_a_corrupt_database_is_one_line(attune: RunCli, command: tuple[str, ...]) -> None:
    db = home_dir() / "sessions.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00garbage, not sqlite\xff" * 100)
    _failed(attune("sessions", *command), str(db), "file is not a database")


def test_an_unwritable_home_is_one_line(unprivileged_home: LockedHome) -> None:
    done = unprivileged_home.attune("sessions", "show", "x")
    home = unprivileged_home.attune_home
    _failed(CliResult(done.returncode, done.stdout, done.stderr), str(home), "Permission denied")
    assert list(home.iterdir()) == [], "nothing was written"


def test_delete_without_an_answer_keeps_the_session(
    attune: RunCli, store: SessionStore, session_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    result = attune("sessions", "delete", session_id)
    assert result.code == 2 and "attune: error: not deleted" in result.err
    assert "--yes" in result.err and "Traceback" not in result.err
    assert [s.id for s in store.list()] == [session_id]

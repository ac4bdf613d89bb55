"""Feedback (live or after) has its own name; "mode" is listen or ask. Old names still read.

The fixtures in data/legacy were captured from attune before the rename: the rows of a
schema-2 sessions database, and a JSON export, both saying `mode: immersive|coached`.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, RunCli
from simulator.cli import practice_cmd
from simulator.store import SessionMeta, SessionStore
from simulator.store.migrations import MIGRATIONS, SCHEMA_VERSION, statements
from simulator.support.errors import UnreadableSessionError
from simulator.support.paths import home_dir
from simulator.turns.choices import PracticeSetup

LEGACY = DATA / "legacy"
OLD_SCHEMA = 2
# What each captured session was set up as, and what it reads as now.
CAPTURED = {
    "20250102-030405-a7ea": ("coached", "live"),
    "20250102-030405-0657": ("immersive", "after"),
}


def _rows() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LEGACY / "sessions_schema2.json").read_text("utf-8"))
    assert data["schema"] == OLD_SCHEMA
    return data


def _old_database(db: Path, extra_meta: tuple[tuple[str, str], ...] = ()) -> None:
    """A database exactly as the last attune before the rename left it."""
    db.parent.mkdir(parents=True, exist_ok=True)
    rows = _rows()
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for script in MIGRATIONS[:OLD_SCHEMA]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {OLD_SCHEMA}")
        sessions = [(s["id"], s["meta"], s["started_at"], s["ended_at"]) for s in rows["sessions"]]
        sessions += [(sid, meta, "2025-01-01T00:00:00+00:00", None) for sid, meta in extra_meta]
        conn.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?)", sessions)
        conn.executemany(
            "INSERT INTO turns (session_id, idx, rewound, record, saved_at) VALUES (?, ?, ?, ?, ?)",
            [
                (t["session_id"], t["idx"], t["rewound"], t["record"], t["saved_at"])
                for t in rows["turns"]
            ],
        )
    finally:
        conn.close()


def _raw_meta(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT id, meta FROM sessions").fetchall())
    finally:
        conn.close()


def test_the_captured_database_says_mode_before_the_migration(tmp_path: Path) -> None:
    # Guards the fixture: the test below would prove nothing on already-renamed rows.
    db = tmp_path / "sessions.db"
    _old_database(db)
    for session_id, meta in _raw_meta(db).items():
        stored = json.loads(str(meta))
        assert stored["mode"] == CAPTURED[session_id][0] and "feedback" not in stored


def test_a_schema_2_database_is_migrated_to_feedback_and_still_reads(tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    _old_database(db)
    store = SessionStore(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION > OLD_SCHEMA
    for session_id, meta in _raw_meta(db).items():
        stored = json.loads(str(meta))
        assert "mode" not in stored and stored["feedback"] == CAPTURED[session_id][1]
    turns = {t["session_id"] for t in _rows()["turns"]}
    for session_id, (_, feedback) in CAPTURED.items():
        saved = store.load(session_id)
        assert saved.meta.feedback == feedback
        assert len(saved.turns) == 2 and session_id in turns
    assert {s.meta.practice_mode for s in store.list()} == {"listen", "ask"}


def test_the_migration_leaves_damaged_rows_for_the_reader_to_name(tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    damaged = (("bad-json", "{not json"), ("bad-mode", '{"mode": "zen"}'))
    _old_database(db, damaged)
    store = SessionStore(db)
    raw = _raw_meta(db)
    assert raw["bad-json"] == "{not json" and raw["bad-mode"] == '{"mode": "zen"}'
    with pytest.raises(UnreadableSessionError, match=r"sessions\.meta"):
        store.load("bad-json")
    listing = store.listing()
    assert {s.id for s in listing.sessions} == set(CAPTURED)
    assert {u.session_id for u in listing.unreadable} == {"bad-json", "bad-mode"}


def test_sessions_from_an_old_database_show_and_export_with_the_new_key(attune: RunCli) -> None:
    _old_database(home_dir() / "sessions.db")
    listed = attune("sessions", "list", "--json")
    assert listed.code == 0, listed.err
    rows = {r["id"]: r for r in json.loads(listed.out)}
    assert {i: r["feedback"] for i, r in rows.items()} == {i: f for i, (_, f) in CAPTURED.items()}
    assert all("mode" not in r for r in rows.values())
    shown = attune("sessions", "show", "20250102-030405-a7ea")
    assert shown.code == 0 and "feedback live" in shown.out and "coached" not in shown.out
    exported = attune("sessions", "export", "20250102-030405-0657", "--format", "json")
    assert exported.code == 0, exported.err
    persona = json.loads(exported.out)["persona"]
    assert persona["feedback"] == "after" and "mode" not in persona
    assert persona["practice_mode"] == "ask"
    markdown = attune("sessions", "export", "20250102-030405-0657", "--format", "md")
    assert "| Feedback | after |" in markdown.out and "immersive" not in markdown.out


def test_an_export_written_before_the_rename_still_reads() -> None:
    old = json.loads((LEGACY / "export_v1_coached.json").read_text("utf-8"))
    assert old["persona"]["mode"] == "coached"
    meta = SessionMeta.model_validate(old["persona"])
    assert meta.feedback == "live" and meta.practice_mode == "listen"
    assert "mode" not in meta.model_dump(mode="json")
    # The store reads a row's JSON text; an unmigrated one reads the same way.
    assert SessionMeta.model_validate_json(json.dumps(old["persona"])) == meta


@pytest.mark.parametrize(("old", "new"), [("immersive", "after"), ("coached", "live")])
def test_a_practice_setup_in_the_old_words_reads_as_feedback(old: str, new: str) -> None:
    setup = PracticeSetup.model_validate({"persona_id": "unanswered-text", "mode": old})
    assert setup.feedback == new
    # The new key wins over an old one left beside it.
    both = PracticeSetup.model_validate({"persona_id": "x", "mode": old, "feedback": "live"})
    assert both.feedback == "live"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """The arguments `attune practice` would open the practice screen with."""
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(practice_cmd, "run_tui", lambda *args: calls.append(args))
    return calls


@pytest.mark.parametrize(
    ("flags", "feedback"),
    [
        ((), "after"),
        (("--feedback", "live"), "live"),
        (("--feedback", "after"), "after"),
        (("--coached",), "live"),  # the old flag, kept as a hidden alias
        (("--coached", "--feedback", "live"), "live"),
    ],
)
def test_practice_feedback_flags(
    attune: RunCli, started: list[tuple[Any, ...]], flags: tuple[str, ...], feedback: str
) -> None:
    result = attune("practice", "--persona", "unanswered-text", *flags)
    assert result.code == 0, result.err
    assert len(started) == 1 and started[0][4] == feedback


def test_the_old_flag_is_hidden_and_the_new_one_documented(attune: RunCli) -> None:
    result = attune("practice", "--help")
    assert "--feedback [live|after|real-talk]" in result.out and "--coached" not in result.out


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (("--coached", "--feedback", "after"), "--coached"),
        (("--feedback", "coached"), "--feedback"),
    ],
)
def test_contradictory_or_unknown_feedback_is_one_line_exit_2(
    attune: RunCli, started: list[tuple[Any, ...]], flags: tuple[str, ...], named: str
) -> None:
    result = attune("practice", "--persona", "unanswered-text", *flags)
    assert result.code == 2 and started == []
    assert named in result.err and result.err.count("\n") == 1 and "Traceback" not in result.err

"""The SQLite session store: schema, round trips, lookups, permissions and failures."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import stat
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from saved_sessions import CALM, MISSTEP, UNSURE, checks_in_on, meta_for, new_session, record
from simulator.personas import PersonaCard
from simulator.store import SessionStore
from simulator.store.failures import sqlite_failure
from simulator.store.migrations import MIGRATIONS, SCHEMA_VERSION, statements
from simulator.support.errors import AttuneError, StoreError, UnknownSessionError
from unprivileged import LockedHome

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where the store under test keeps its file (the folder does not exist yet)."""
    return tmp_path / "home" / "sessions.db"


@pytest.fixture
def store(db: Path) -> SessionStore:
    """A fresh store."""
    return SessionStore(db)


@contextlib.contextmanager
def _raw(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def _version(path: Path) -> int:
    with _raw(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _one_line(exc: pytest.ExceptionInfo[AttuneError]) -> str:
    message = str(exc.value)
    assert "\n" not in message and message
    assert isinstance(exc.value, AttuneError)
    return message


# Schema and migrations


def test_a_new_database_gets_every_migration(store: SessionStore, db: Path) -> None:
    assert store.path == db and db.is_file()
    assert _version(db) == SCHEMA_VERSION == len(MIGRATIONS)
    with _raw(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(turns)")}
    assert {"sessions", "turns"} <= tables
    assert {"seq", "session_id", "idx", "rewound", "record", "saved_at"} <= columns


def test_reopening_is_idempotent_and_keeps_the_data(
    store: SessionStore, db: Path, card: PersonaCard
) -> None:
    session_id = record(store, card)
    again = SessionStore(db)
    assert _version(db) == SCHEMA_VERSION
    assert [s.id for s in again.list()] == [session_id]
    assert len(again.load(session_id).turns) == len(CALM)


def test_an_empty_existing_file_is_migrated(db: Path) -> None:
    db.parent.mkdir()
    db.touch()
    SessionStore(db)
    assert _version(db) == SCHEMA_VERSION


def test_a_database_from_a_newer_attune_is_refused(store: SessionStore, db: Path) -> None:
    with _raw(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError) as exc:
        SessionStore(db)
    message = _one_line(exc)
    assert str(db) in message and "newer attune" in message


def test_migrations_split_into_whole_statements() -> None:
    parts = list(statements(MIGRATIONS[0]))
    assert all(sqlite3.complete_statement(p) for p in parts)
    assert sum(p.lstrip().upper().startswith("CREATE TABLE") for p in parts) == 2


def test_the_journal_is_write_ahead(store: SessionStore, db: Path) -> None:
    with _raw(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# Round trips


def test_create_add_rewind_end_load_round_trip(store: SessionStore, card: PersonaCard) -> None:
    session = new_session(card)
    meta = meta_for(session)
    session_id = store.create(meta)
    assert re.fullmatch(r"\d{8}-\d{6}-[0-9a-f]{4}", session_id)
    assert session_id.startswith(f"{meta.started_at.astimezone(UTC):%Y%m%d-%H%M%S}")
    first = session.respond(CALM[0])
    store.add_turn(session_id, first)
    misstep = session.respond(MISSTEP)
    store.add_turn(session_id, misstep)
    assert session.rewind() == misstep
    store.rewind(session_id, misstep.index)
    retry = session.respond(CALM[1])
    store.add_turn(session_id, retry)

    loaded = store.load(session_id)
    assert loaded.id == session_id
    assert loaded.meta == meta
    assert loaded.turns == [first, retry]
    assert loaded.rewound == [misstep]
    assert loaded.ended_at is None

    store.end(session_id)
    ended = store.load(session_id).ended_at
    assert ended is not None and ended.utcoffset() == timedelta(0)
    store.end(session_id)  # the first end wins
    assert store.load(session_id).ended_at == ended

    (summary,) = store.list()
    assert summary.id == session_id and summary.turns == 2
    assert summary.last_zone == retry.zone and summary.last_arousal == retry.arousal
    assert summary.ended_at == ended


def test_pauses_and_check_ins_round_trip_and_older_turns_still_load(
    store: SessionStore, db: Path, card: PersonaCard
) -> None:
    texts = ["I hear you.", UNSURE, "He hits me."]
    session_id = record(store, card, texts, safety=checks_in_on(UNSURE))
    assert [t.safety for t in store.load(session_id).turns] == [None, "check_in", "pause"]
    # A turn as attune stored it before `safety` was recorded at all; a pause is stored
    # as it always was. No migration: the JSON reads as it is.
    with _raw(db) as conn:
        seq, stored = conn.execute("SELECT seq, record FROM turns ORDER BY seq").fetchone()
        old = json.loads(stored)
        del old["safety"], old["safety_kind"]
        conn.execute("UPDATE turns SET record = ? WHERE seq = ?", (json.dumps(old), seq))
    loaded = store.load(session_id)
    assert [t.safety for t in loaded.turns] == [None, "check_in", "pause"]
    assert loaded.turns[2].safety_kind == "abuse"
    assert _version(db) == SCHEMA_VERSION


def test_a_session_without_turns_summarizes_its_start(
    store: SessionStore, card: PersonaCard
) -> None:
    session = new_session(card)
    session_id = store.create(meta_for(session))
    (summary,) = store.list()
    assert summary.id == session_id and summary.turns == 0
    assert summary.last_zone == session.start.zone.value
    assert store.load(session_id).turns == []


def test_times_are_aware_utc_even_from_a_naive_start(
    store: SessionStore, card: PersonaCard
) -> None:
    naive = datetime(2026, 3, 1, 9, 30)
    session_id = store.create(meta_for(new_session(card), started_at=naive))
    started = store.load(session_id).meta.started_at
    assert started.utcoffset() == timedelta(0)
    assert started == naive.astimezone(UTC)


def test_list_is_newest_first_and_limited(store: SessionStore, card: PersonaCard) -> None:
    base = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    ids = [record(store, card, CALM[:1], started_at=base + timedelta(days=d)) for d in (1, 0, 2)]
    assert [s.id for s in store.list()] == [ids[2], ids[0], ids[1]]
    assert [s.id for s in store.list(limit=1)] == [ids[2]]


def test_delete_removes_the_session_and_its_turns(
    store: SessionStore, db: Path, card: PersonaCard
) -> None:
    keep = record(store, card, CALM[:1])
    gone = record(store, card, CALM, retry=MISSTEP)
    store.delete(gone)
    assert [s.id for s in store.list()] == [keep]
    with _raw(db) as conn:
        left = conn.execute("SELECT count(*) FROM turns WHERE session_id = ?", (gone,))
        assert left.fetchone()[0] == 0
    with pytest.raises(UnknownSessionError):
        store.load(gone)


# Lookups


def test_a_unique_prefix_finds_a_session(store: SessionStore, card: PersonaCard) -> None:
    at = datetime(2026, 7, 4, 8, 0, tzinfo=UTC)
    first = record(store, card, CALM[:1], started_at=at)
    other = record(store, card, CALM[:1], started_at=at + timedelta(days=1))
    assert store.load(first[:8]).id == first
    assert store.load(other).id == other


def test_an_ambiguous_prefix_names_the_matches(store: SessionStore, card: PersonaCard) -> None:
    at = datetime(2026, 7, 4, 8, 0, tzinfo=UTC)
    ids = {record(store, card, CALM[:1], started_at=at) for _ in range(2)}
    assert len(ids) == 2
    with pytest.raises(UnknownSessionError) as exc:
        store.load("20260704-0800")
    message = _one_line(exc)
    assert "ambiguous" in message and "20260704-0800" in message
    assert all(i in message for i in ids)


@pytest.mark.parametrize("wanted", ["nope", "", "2099", "x\x1b[2Jy"])
def test_an_unknown_id_is_one_line_naming_it(
    store: SessionStore, card: PersonaCard, wanted: str
) -> None:
    record(store, card, CALM[:1])
    with pytest.raises(UnknownSessionError) as exc:
        store.load(wanted)
    message = _one_line(exc)
    assert "\x1b" not in message
    if wanted:
        assert wanted.replace("\x1b", "\\x1b") in message


@pytest.mark.parametrize("operation", ["add_turn", "rewind", "end", "delete"])
def test_writes_to_an_unknown_session_fail_cleanly(
    store: SessionStore, card: PersonaCard, operation: str
) -> None:
    turn = new_session(card).respond(CALM[0])
    calls: dict[str, Any] = {
        "add_turn": lambda: store.add_turn("missing", turn),
        "rewind": lambda: store.rewind("missing", 1),
        "end": lambda: store.end("missing"),
        "delete": lambda: store.delete("missing"),
    }
    with pytest.raises(UnknownSessionError) as exc:
        calls[operation]()
    assert "missing" in _one_line(exc)


def test_rewinding_a_turn_that_is_not_there_fails(store: SessionStore, card: PersonaCard) -> None:
    session_id = record(store, card, CALM[:1], end=False)
    with pytest.raises(StoreError) as exc:
        store.rewind(session_id, 2)
    assert "no turn 2" in _one_line(exc)
    store.rewind(session_id, 1)
    with pytest.raises(StoreError):
        store.rewind(session_id, 1)  # already taken back


def test_a_different_turn_with_a_live_index_is_refused(
    store: SessionStore, card: PersonaCard
) -> None:
    session = new_session(card)
    session_id = store.create(meta_for(session))
    turn = session.respond(CALM[0])
    store.add_turn(session_id, turn)
    other = new_session(card).respond(MISSTEP)
    with pytest.raises(StoreError) as exc:
        store.add_turn(session_id, other)
    assert "already has a turn 1" in _one_line(exc)
    assert store.load(session_id).turns == [turn]


def test_saving_the_same_turn_again_is_harmless(store: SessionStore, card: PersonaCard) -> None:
    session = new_session(card)
    session_id = store.create(meta_for(session))
    turn = session.respond(CALM[0])
    store.add_turn(session_id, turn)
    store.add_turn(session_id, turn)  # a retry by a caller unsure the first write landed
    assert store.load(session_id).turns == [turn]


# Permissions


@POSIX
def test_the_folder_and_file_are_private(db: Path) -> None:
    old = os.umask(0o022)
    try:
        SessionStore(db)
    finally:
        os.umask(old)
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    leftovers = [p for p in db.parent.iterdir() if p != db]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in leftovers)


@POSIX
def test_a_loose_existing_database_is_tightened(store: SessionStore, db: Path) -> None:
    db.chmod(0o644)
    SessionStore(db)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_an_unwritable_home_is_one_line(unprivileged_home: LockedHome) -> None:
    home = unprivileged_home.attune_home
    # As an unprivileged user, since root writes anywhere: the StoreError's text, or what broke.
    done = unprivileged_home.python(
        "-c",
        "import sys\n"
        "from pathlib import Path\n"
        "from simulator.support.errors import StoreError\n"
        "from simulator.store import SessionStore\n"
        "try:\n"
        "    SessionStore(Path(sys.argv[1]) / 'sessions.db')\n"
        "except StoreError as exc:\n"
        "    print(exc)\n"
        "else:\n"
        "    sys.exit('no StoreError')\n",
        str(home),
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    message = done.stdout.rstrip("\n")
    assert "\n" not in message and str(home) in message and "Permission denied" in message
    assert list(home.iterdir()) == [], "nothing was written"


def test_a_home_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError) as exc:
        SessionStore(blocker / "sessions.db")
    message = _one_line(exc)
    assert str(blocker) in message and "cannot create the sessions folder" in message


def test_a_read_only_database_error_reads_as_read_only(store: SessionStore, db: Path) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            conn.execute("DELETE FROM sessions")
    finally:
        conn.close()
    message = str(sqlite_failure(db, raised.value))
    assert str(db) in message and "read-only" in message and "\n" not in message


# Failures


def test_a_corrupt_file_is_one_line(db: Path) -> None:
    db.parent.mkdir()
    db.write_bytes(b"this is not sqlite at all \x00\xff" * 200)
    with pytest.raises(StoreError) as exc:
        SessionStore(db)
    message = _one_line(exc)
    assert str(db) in message and "file is not a database" in message


def test_a_locked_database_is_one_line(db: Path, card: PersonaCard) -> None:
    store = SessionStore(db, busy_timeout_s=0.05)
    session = new_session(card)
    session_id = store.create(meta_for(session))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as exc:
            store.add_turn(session_id, session.respond(CALM[0]))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = _one_line(exc)
    assert str(db) in message and "locked" in message
    store.add_turn(session_id, session.turns[-1])  # free again: the same turn saves
    assert len(store.load(session_id).turns) == 1


def test_unreadable_stored_data_is_one_line(
    store: SessionStore, db: Path, card: PersonaCard
) -> None:
    session_id = record(store, card, CALM[:1])
    with _raw(db) as conn:
        conn.execute("UPDATE sessions SET meta = '{\"persona_id\": 3}'")
    with pytest.raises(StoreError) as exc:
        store.load(session_id)
    assert session_id in _one_line(exc)
    with pytest.raises(StoreError):
        store.list()


class _InterruptedAfterInsert(sqlite3.Connection):
    """A connection where Ctrl+C lands right after a turn's row is written."""

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        cursor = super().execute(sql, *args)
        if sql.startswith("INSERT INTO turns"):
            raise KeyboardInterrupt
        return cursor


def test_an_interrupted_turn_write_leaves_no_partial_row(
    store: SessionStore, db: Path, card: PersonaCard, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = new_session(card)
    session_id = store.create(meta_for(session))
    turn = session.respond(CALM[0])
    connect = sqlite3.connect
    with monkeypatch.context() as patch:
        patch.setattr(
            sqlite3, "connect", lambda *a, **k: connect(*a, factory=_InterruptedAfterInsert, **k)
        )
        with pytest.raises(KeyboardInterrupt):
            store.add_turn(session_id, turn)
    with _raw(db) as conn:
        assert conn.execute("SELECT count(*) FROM turns").fetchone()[0] == 0
    store.add_turn(session_id, turn)  # and the store carries on
    assert store.load(session_id).turns == [turn]


def test_threads_can_share_one_store(store: SessionStore, card: PersonaCard) -> None:
    def play(n: int) -> str:
        return record(store, card, CALM[: 1 + n % 3], end=False)

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = list(pool.map(play, range(8)))
    turns = {s.id: s.turns for s in store.list()}
    assert turns == {session_id: 1 + n % 3 for n, session_id in enumerate(ids)}

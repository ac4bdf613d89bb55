"""Hand-edited or damaged stored values, and text no encoder can write: never a traceback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import RunCli
from saved_sessions import CALM, meta_for, new_session, record
from simulator.export import export
from simulator.personas import PersonaCard
from simulator.store import SessionStore
from simulator.support.errors import StoreError, UnreadableSessionError
from simulator.support.textsafe import dumps

# Each edited table loses its types and constraints first (NOT NULL, CHECK), as a hand
# edit with a schema change, or a damaged file, can leave it.


@pytest.fixture
def store() -> SessionStore:
    """The store the CLI reads."""
    return SessionStore.default()


@pytest.fixture
def session_id(store: SessionStore, card: PersonaCard) -> str:
    """A saved session with two turns and a note."""
    found = record(store, card, CALM[:2])
    store.add_note(found, 1, "a coach's note")
    return found


def _loosen(conn: sqlite3.Connection, table: str) -> None:
    # Columns without a type keep whatever they are given: a number stays a number.
    names = ", ".join(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
    conn.execute(f"CREATE TABLE loose ({names})")
    conn.execute(f"INSERT INTO loose SELECT * FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE loose RENAME TO {table}")


def _edit(store: SessionStore, table: str, column: str, value: object) -> None:
    conn = sqlite3.connect(store.path, isolation_level=None)
    try:
        _loosen(conn, table)
        conn.execute(f"UPDATE {table} SET {column} = ?", (value,))
    finally:
        conn.close()


def _with(store: SessionStore, column: str, **fields: object) -> str:
    conn = sqlite3.connect(store.path)
    try:
        table = "sessions" if column == "meta" else "turns"
        data = json.loads(conn.execute(f"SELECT {column} FROM {table} LIMIT 1").fetchone()[0])
    finally:
        conn.close()
    return json.dumps({**data, **fields})


def _dump(store: SessionStore) -> list[str]:
    conn = sqlite3.connect(store.path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


WRONG = [
    ("sessions", "meta", None, "sessions.meta holds NULL"),
    ("sessions", "meta", 7, "sessions.meta holds 7"),
    ("sessions", "meta", "{not json", "sessions.meta is not valid"),
    ("sessions", "meta", b"\x00\xff", "sessions.meta holds a blob of 2 bytes"),
    ("sessions", "meta", "META:start_arousal=high", "sessions.meta is not valid (start_arousal"),
    ("sessions", "meta", "META:start_zone=boiling", "start_zone: 'boiling' is no zone"),
    (
        "sessions",
        "meta",
        "META:start_arousal=-Infinity",
        "start_arousal: Input should be a finite number",
    ),
    ("sessions", "ended_at", "yesterday", "sessions.ended_at holds 'yesterday', not a time"),
    ("sessions", "ended_at", b"\x01", "sessions.ended_at holds a blob of 1 bytes"),
    ("turns", "record", None, "turns.record (turn 1) holds NULL"),
    ("turns", "record", "[]", "turns.record (turn 1) is not valid"),
    ("turns", "record", "TURN:arousal=loud", "turns.record (turn 1) is not valid (arousal"),
    ("turns", "record", "TURN:zone=boiling", "zone: 'boiling' is no zone"),
    ("turns", "record", "TURN:arousal=NaN", "arousal: Input should be a finite number"),
    (
        "turns",
        "record",
        "TURN:connection=150",
        "connection: Input should be less than or equal to 100",
    ),
    ("turns", "rewound", "no", "turns.rewound (turn 1) holds 'no', not 0 or 1"),
    ("turns", "rewound", None, "turns.rewound (turn 1) holds NULL"),
    ("notes", "turn", "one", "notes.turn (note 1) holds 'one', not a whole number"),
    ("notes", "turn", -2, "notes.turn (note 1) holds -2, below 0"),
    ("notes", "text", None, "notes.text (note 1) holds NULL, not text"),
    ("notes", "text", 42, "notes.text (note 1) holds 42, not text"),
    ("notes", "created_at", "soon", "notes.created_at (note 1) holds 'soon', not a time"),
    ("notes", "created_at", None, "notes.created_at (note 1) holds NULL"),
]


def _value(store: SessionStore, value: object) -> object:
    if isinstance(value, str) and value.startswith(("META:", "TURN:")):
        column = "meta" if value.startswith("META:") else "record"
        name, text = value[5:].split("=")
        try:
            bad: object = json.loads(text)  # a number, NaN or Infinity
        except ValueError:
            bad = text
        return _with(store, column, **{name: bad})
    return value


@pytest.mark.parametrize(("table", "column", "value", "expected"), WRONG)
@pytest.mark.parametrize("command", ["show", "export", "notes"])
def test_a_stored_value_of_the_wrong_type_is_a_one_line_error_naming_session_and_column(
    attune: RunCli,
    store: SessionStore,
    session_id: str,
    table: str,
    column: str,
    value: object,
    expected: str,
    command: str,
) -> None:
    _edit(store, table, column, _value(store, value))
    before = _dump(store)
    result = attune("sessions", command, session_id[:12])
    assert result.code == 2, result
    assert result.err.startswith("attune: error: ") and result.err.count("\n") == 1
    assert "Traceback" not in result.err and result.out == ""
    assert f"session {session_id} cannot be read: " in result.err
    assert expected in result.err
    assert _dump(store) == before, "reading writes nothing back"


@pytest.mark.parametrize(("table", "column", "value", "expected"), WRONG)
def test_the_store_raises_a_store_error_for_each_wrong_value(
    store: SessionStore, session_id: str, table: str, column: str, value: object, expected: str
) -> None:
    _edit(store, table, column, _value(store, value))
    with pytest.raises(UnreadableSessionError) as caught:
        store.load(session_id)
    assert isinstance(caught.value, StoreError)
    assert caught.value.session_id == session_id
    assert caught.value.column.startswith(f"{table}.{column}")


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("sessions", "started_at", None),
        ("turns", "saved_at", 3.5),
        ("turns", "idx", "first"),
        ("sessions", "ended_at", None),
    ],
)
def test_a_column_the_reader_does_not_need_does_not_stop_it(
    attune: RunCli, store: SessionStore, session_id: str, table: str, column: str, value: object
) -> None:
    _edit(store, table, column, value)
    result = attune("sessions", "show", session_id)
    assert result.code == 0, result
    assert "you> I can see why that would hurt." in result.out


def test_text_that_is_not_utf8_reads_back_replaced(
    attune: RunCli, store: SessionStore, session_id: str
) -> None:
    conn = sqlite3.connect(store.path, isolation_level=None)
    try:
        conn.execute("UPDATE notes SET text = CAST(? AS TEXT)", (b"bad \xff byte",))
    finally:
        conn.close()
    result = attune("sessions", "notes", session_id)
    assert result.code == 0, result
    assert "bad \ufffd byte" in result.out


def test_the_list_skips_an_unreadable_session_and_names_it(
    attune: RunCli, store: SessionStore, card: PersonaCard, session_id: str
) -> None:
    good = record(store, card, CALM[:1])
    conn = sqlite3.connect(store.path, isolation_level=None)
    try:
        conn.execute("UPDATE sessions SET ended_at = 'whenever' WHERE id = ?", (session_id,))
    finally:
        conn.close()
    listing = store.listing()
    assert [s.id for s in listing.sessions] == [good]
    assert [e.session_id for e in listing.unreadable] == [session_id]
    with pytest.raises(UnreadableSessionError):
        store.list()
    result = attune("sessions", "list")
    assert result.code == 0 and good in result.out and session_id not in result.out
    assert result.err.count("\n") == 1
    assert f"skipped {store.path}: session {session_id} cannot be read: " in result.err
    assert [row["id"] for row in json.loads(attune("sessions", "list", "--json").out)] == [good]


# Lone surrogates: "\ud83d" from a model's reply, an escaped JSON or YAML string, or argv.


def test_lone_surrogates_in_a_turn_are_saved_replaced_and_pairs_joined(
    store: SessionStore, card: PersonaCard
) -> None:
    session = new_session(card)
    meta = meta_for(session, model="gpt\ud83d")
    session_id = store.create(meta)
    turn = session.respond("I hear you")
    store.add_turn(
        session_id,
        turn.model_copy(update={"reply": "Fine \ud83d. \ud83d\ude2d", "user": "x\udcff"}),
    )
    saved = store.load(session_id)
    assert saved.meta.model == "gpt\ufffd"
    assert saved.turns[0].reply == "Fine \ufffd. 😭"
    assert saved.turns[0].user == "x\ufffd"
    # Saving the same turn again is still recognised as the same (a harmless retry).
    store.add_turn(
        session_id,
        turn.model_copy(update={"reply": "Fine \ud83d. \ud83d\ude2d", "user": "x\udcff"}),
    )
    assert len(store.load(session_id).turns) == 1


def test_lone_surrogates_never_reach_an_export_or_json_output(
    store: SessionStore, card: PersonaCard, tmp_path: Path
) -> None:
    session_id = record(store, card, CALM[:1])
    saved = store.load(session_id)
    turn = saved.turns[0].model_copy(update={"reply": "lone \ud83d half"})
    odd = saved.model_copy(update={"turns": [turn]})
    for fmt in ("md", "html", "json"):
        export(odd, fmt).encode("utf-8")
    assert dumps({"a": "\ud83d\ude2d and \ud83d"}) == '{"a": "😭 and \ufffd"}'

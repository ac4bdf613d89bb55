"""Notes on saved sessions: the store, `attune sessions annotate|notes|show`, and every export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import RunCli
from saved_sessions import CALM, record
from simulator.export import export
from simulator.export.redact import redact
from simulator.personas import PersonaCard
from simulator.store import SessionStore
from simulator.store.migrations import MIGRATIONS, SCHEMA_VERSION, statements
from simulator.store.notes import MAX_NOTE_CHARS
from simulator.support.errors import AttuneError
from simulator.support.paths import home_dir


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "db" / "sessions.db")


@pytest.fixture
def home_store() -> SessionStore:
    """The store the CLI uses ($ATTUNE_HOME is a temp folder in every test)."""
    return SessionStore(home_dir() / "sessions.db")


def test_a_version_1_database_gains_notes_and_keeps_its_sessions(
    tmp_path: Path, card: PersonaCard
) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    for statement in statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    old = SessionStore.__new__(SessionStore)
    old.path, old._busy_timeout_s = db, 2.0  # write a v1 session without migrating
    session_id = record(old, card)
    store = SessionStore(db)
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    loaded = store.load(session_id)
    assert len(loaded.turns) == len(CALM) and loaded.notes == []
    store.add_note(session_id, 1, "works on an upgraded database")
    assert [n.text for n in store.load(session_id).notes] == ["works on an upgraded database"]


def test_notes_are_kept_by_turn_and_go_with_the_session(
    store: SessionStore, card: PersonaCard
) -> None:
    session_id = record(store, card)
    later = store.add_note(session_id, 2, "Here the validation landed.")
    whole = store.add_note(session_id[:10], 0, "  Good pace overall.\x1b[31m  ")
    first = store.add_note(session_id, 1, "Line one\nline two")
    saved = store.load(session_id)
    # By turn (0 first), then oldest first; control characters gone, ends trimmed.
    assert [(n.turn, n.text) for n in saved.notes] == [
        (0, "Good pace overall.[31m"),
        (1, "Line one\nline two"),
        (2, "Here the validation landed."),
    ]
    assert [n.id for n in saved.notes] == [whole.id, first.id, later.id]
    assert saved.notes_on(2) == [later]
    assert store.delete_note(session_id, later.id).text == "Here the validation landed."
    assert [n.turn for n in store.notes(session_id)] == [0, 1]
    store.delete(session_id)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("turn", "text", "expected"),
    [
        (4, "x", "has 3 turn(s): give a turn from 1 to 3, or 0 for the whole session"),
        (1, "   \t\n ", "the note is empty"),
        (1, "x" * (MAX_NOTE_CHARS + 1), f"more than the {MAX_NOTE_CHARS} allowed"),
    ],
)
def test_bad_notes_are_refused(
    store: SessionStore, card: PersonaCard, turn: int, text: str, expected: str
) -> None:
    session_id = record(store, card)
    with pytest.raises(AttuneError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        store.add_note(session_id, turn, text)
    assert store.load(session_id).notes == []


def test_cli_annotate_list_show_delete(
    home_store: SessionStore, card: PersonaCard, attune: RunCli
) -> None:
    session_id = record(home_store, card)
    added = attune("sessions", "annotate", session_id[:12], "2", "The validation landed here.")
    assert added.code == 0, added.err
    assert added.out.strip() == f"Added note #1 on turn 2 of {session_id}."
    whole = attune("sessions", "annotate", session_id, "0", "Calm and steady.")
    assert whole.out.strip() == f"Added note #2 on the whole session of {session_id}."
    listed = attune("sessions", "notes", session_id)
    assert "#1   turn 2" in listed.out and "The validation landed here." in listed.out
    assert "#2   session" in listed.out
    as_json = json.loads(attune("sessions", "notes", session_id, "--json").out)
    assert [(n["id"], n["turn"], n["text"]) for n in as_json] == [
        (2, 0, "Calm and steady."),
        (1, 2, "The validation landed here."),
    ]
    shown = attune("sessions", "show", session_id).out
    assert "Notes on the whole session:\n  note #2: Calm and steady." in shown
    # The note sits under its turn, after the partner's reply and before turn 3.
    turn2 = shown.index("  2  you> ")
    assert (
        turn2 < shown.index("     note #1: The validation landed here.") < shown.index("  3  you> ")
    )
    show_json = json.loads(attune("sessions", "show", session_id, "--json").out)
    assert [n["id"] for n in show_json["notes"]] == [2, 1]
    deleted = attune("sessions", "notes", session_id, "--delete", "1")
    assert deleted.code == 0 and "Deleted note #1 on turn 2" in deleted.out
    assert [n.id for n in home_store.notes(session_id)] == [2]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("nope", "1", "x"), "no saved session 'nope'"),
        (("{id}", "9", "x"), "has 3 turn(s): give a turn from 1 to 3"),
        (("{id}", "1", "   "), "the note is empty"),
        (("{id}", "-1", "x"), "-1 is not in the range x>=0"),
        (("{id}", "two", "x"), "'two' is not a valid integer"),
    ],
)
def test_cli_annotate_errors_are_one_line_exit_2(
    home_store: SessionStore,
    card: PersonaCard,
    attune: RunCli,
    args: tuple[str, ...],
    expected: str,
) -> None:
    session_id = record(home_store, card)
    result = attune("sessions", "annotate", *(a.format(id=session_id) for a in args))
    assert result.code == 2
    assert expected in result.err
    assert result.err.strip().count("\n") == 0 and result.err.startswith("attune: error: ")
    assert home_store.notes(session_id) == []


def test_cli_deleting_a_missing_note(
    home_store: SessionStore, card: PersonaCard, attune: RunCli
) -> None:
    session_id = record(home_store, card)
    result = attune("sessions", "notes", session_id, "--delete", "7")
    assert result.code == 2 and f"session {session_id} has no note 7" in result.err
    empty = attune("sessions", "notes", session_id)
    assert empty.code == 0 and "No notes on" in empty.out


def test_every_export_carries_the_notes(store: SessionStore, card: PersonaCard) -> None:
    session_id = record(store, card)
    store.add_note(session_id, 0, "Whole-session <b>remark</b>")
    store.add_note(session_id, 3, "Turn three *matters*")
    saved = store.load(session_id)
    md = export(saved, "md")
    assert "## Notes on the whole session\n\n> **Note:** Whole-session \\<b\\>remark\\</b\\>" in md
    assert md.index("### Turn 3") < md.index("> **Note:** Turn three \\*matters\\*")
    page = export(saved, "html")
    assert "<h2>Notes on the whole session</h2>" in page
    assert "Whole-session &lt;b&gt;remark&lt;/b&gt;" in page and "<b>remark" not in page
    assert page.index("<h3>Turn 3</h3>") < page.index("Turn three *matters*")
    data = json.loads(export(saved, "json"))
    assert [(n["turn"], n["text"]) for n in data["notes"]] == [
        (0, "Whole-session <b>remark</b>"),
        (3, "Turn three *matters*"),
    ]


def test_redaction_reaches_the_notes(store: SessionStore, card: PersonaCard) -> None:
    session_id = record(store, card)
    store.add_note(session_id, 1, f"{card.name} opened up once Jordan was mentioned.")
    saved = redact(store.load(session_id), ["Jordan"])
    for fmt, name in (("md", "\\[name\\]"), ("html", "[name]"), ("json", "[name]")):
        text = export(saved, fmt)  # type: ignore[arg-type]
        assert card.name not in text and "Jordan" not in text
        assert f"Partner opened up once {name} was mentioned." in text


def test_an_export_without_notes_has_no_notes_section(
    store: SessionStore, card: PersonaCard
) -> None:
    saved = store.load(record(store, card))
    assert "Note" not in export(saved, "md") and 'class="note"' not in export(saved, "html")

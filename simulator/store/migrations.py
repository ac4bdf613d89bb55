"""The sessions database schema, as numbered migrations tracked in `PRAGMA user_version`."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from simulator.store.failures import safe
from simulator.support.errors import StoreError

# Migration N (1-based) takes a database from user_version N-1 to N. Append only:
# never edit a migration that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY NOT NULL,
        meta TEXT NOT NULL,          -- SessionMeta as JSON
        started_at TEXT NOT NULL,    -- ISO 8601, UTC
        ended_at TEXT                -- ISO 8601, UTC; NULL while open
    );
    CREATE INDEX sessions_by_start ON sessions (started_at);
    CREATE TABLE turns (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,        -- the turn's index in the conversation (1-based)
        rewound INTEGER NOT NULL DEFAULT 0 CHECK (rewound IN (0, 1)),
        record TEXT NOT NULL,        -- TurnRecord as JSON
        saved_at TEXT NOT NULL       -- ISO 8601, UTC
    );
    CREATE INDEX turns_by_session ON turns (session_id, rewound, seq);
    -- A conversation has one live turn per index; a retry needs its try rewound first.
    CREATE UNIQUE INDEX one_live_turn ON turns (session_id, idx) WHERE rewound = 0;
    """,
    # 2: a coach's (or the learner's own) notes on a session, per turn.
    """
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        turn INTEGER NOT NULL CHECK (turn >= 0),  -- 0: the session as a whole
        text TEXT NOT NULL,
        created_at TEXT NOT NULL     -- ISO 8601, UTC
    );
    CREATE INDEX notes_by_session ON notes (session_id, turn, id);
    """,
    # 3: "mode: immersive|coached" in a session's setup is now "feedback: after|live"
    # ("mode" is listen or ask). Only well-formed values are rewritten: a damaged row
    # stays as it was, for the reader to name (the CASEs keep json_extract off non-JSON).
    """
    UPDATE sessions
    SET meta = json_set(
        json_remove(meta, '$.mode'),
        '$.feedback',
        CASE json_extract(meta, '$.mode') WHEN 'coached' THEN 'live' ELSE 'after' END
    )
    WHERE CASE WHEN typeof(meta) = 'text' THEN
        CASE WHEN json_valid(meta) THEN
            CASE WHEN json_type(meta) = 'object' THEN json_extract(meta, '$.mode') END
        END
    END IN ('immersive', 'coached');
    """,
    # 4: corrections of a turn's move tags. They belong to the try they correct (the turn's
    # row), so a turn taken back and said again starts with none.
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        turn_seq INTEGER NOT NULL REFERENCES turns (seq) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('wrong', 'missed')),
        move TEXT NOT NULL,          -- a move id of the session's practice mode
        words TEXT,                  -- missed: the words of the learner's message it rests on
        created_at TEXT NOT NULL     -- ISO 8601, UTC
    );
    -- One correction per move of a turn: a tag is either wrong or missed, not both.
    CREATE UNIQUE INDEX one_correction_per_move ON corrections (turn_seq, move);
    """,
    # 5: the learner's rating of themselves on each step of the session's mode, asked
    # before the debrief opens. Skipping stores nothing.
    """
    CREATE TABLE self_ratings (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        step TEXT NOT NULL,          -- a step id of the session's practice mode
        level TEXT NOT NULL CHECK (level IN ('not_really', 'somewhat', 'clearly')),
        rated_at TEXT NOT NULL,      -- ISO 8601, UTC
        PRIMARY KEY (session_id, step)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> Iterator[str]:
    """Split a migration into complete SQL statements (executescript would commit early)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip() and not pending.strip().startswith("--"):
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:60]}")


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new one)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Apply pending migrations, each in its own transaction; returns the schema version."""
    found = user_version(conn)
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"{safe(path)}: made by a newer attune (schema {found}; this version knows up to "
            f"{SCHEMA_VERSION}); upgrade attune or point ATTUNE_HOME at another folder"
        )
    for number in range(found + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            if user_version(conn) < number:
                for statement in statements(MIGRATIONS[number - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
    return max(found, SCHEMA_VERSION)

"""The session store: practice sessions and their turns in one SQLite file."""

from __future__ import annotations

import builtins
import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.modes import Mode, get_mode
from simulator.store import clock
from simulator.store.corrections import (
    Correction,
    CorrectionError,
    TagCorrection,
    TagFix,
    mode_move,
    plan,
)
from simulator.store.failures import os_failure, safe, sqlite_failure
from simulator.store.migrations import migrate
from simulator.store.notes import NoteError, clean_note
from simulator.store.ratings import Level, RatingError, check_ratings, level_of
from simulator.store.records import Note, SavedSession, SessionMeta, SessionSummary
from simulator.store.values import SessionValues, shown, stored_json
from simulator.support.errors import StoreError, UnknownSessionError, UnreadableSessionError
from simulator.support.paths import sessions_path
from simulator.support.textsafe import scrub
from simulator.turns.session import TurnRecord

DEFAULT_BUSY_TIMEOUT_S = 2.0
# Ambiguous prefixes name a few of their matches, not all of them.
_SHOWN_MATCHES = 3
_NOTE_COLUMNS = "id, turn, text, created_at"
# A correction is read with the turn it belongs to; only live turns' corrections are shown.
_CORRECTIONS = """
    SELECT c.id, t.idx, c.kind, c.move, c.words, c.created_at
    FROM corrections c JOIN turns t ON t.seq = c.turn_seq
    WHERE t.session_id = ? AND t.rewound = 0
"""


@dataclass(frozen=True)
class Annotation:
    """What `SessionStore.correct` did: the turn, its corrections now, and the note added."""

    session_id: str
    turn: TurnRecord
    corrections: list[TagCorrection]
    note: Note | None = None


@dataclass(frozen=True)
class History:
    """Every session read back for a view across sessions, and those that did not read."""

    sessions: list[SavedSession] = field(default_factory=list)
    """Oldest first, each with its live turns and self-ratings."""
    unreadable: list[UnreadableSessionError] = field(default_factory=list)


@dataclass(frozen=True)
class SessionListing:
    """The sessions list: those that read back, and those that did not (and why)."""

    sessions: list[SessionSummary] = field(default_factory=list)
    unreadable: list[UnreadableSessionError] = field(default_factory=list)


def _text_or_replaced(raw: bytes) -> str:
    # A TEXT value that is not UTF-8 (edited by hand) reads with U+FFFD, not an exception.
    return raw.decode("utf-8", "replace")


def _note(values: SessionValues, row: Sequence[Any]) -> Note:
    label = f"(note {row[0]})" if isinstance(row[0], int) else "(a note)"
    return Note(
        id=values.whole(f"notes.id {label}", row[0]),
        turn=_note_turn(values, f"notes.turn {label}", row[1]),
        text=values.text(f"notes.text {label}", row[2]),
        created_at=values.moment(f"notes.created_at {label}", row[3]),
    )


def _mode(values: SessionValues, meta: SessionMeta) -> Mode:
    try:
        return get_mode(meta.practice_mode)
    except KeyError:
        raise values.error(
            "sessions.meta", f"is not valid (practice_mode: {shown(meta.practice_mode)} is no mode)"
        ) from None


def _correction(values: SessionValues, mode: Mode, row: Sequence[Any]) -> Correction:
    label = f"(correction {row[0]})" if isinstance(row[0], int) else "(a correction)"
    kind = values.text(f"corrections.kind {label}", row[2])
    if kind not in ("wrong", "missed"):
        raise values.error(f"corrections.kind {label}", f"holds {shown(kind)}, not wrong or missed")
    move = values.text(f"corrections.move {label}", row[3])
    try:
        known = mode_move(mode, move)
    except CorrectionError:
        raise values.error(
            f"corrections.move {label}", f"holds {shown(move)}, no move of {mode.name} mode"
        ) from None
    words = None if row[4] is None else values.text(f"corrections.words {label}", row[4])
    turn = values.whole(f"turns.idx {label}", row[1])
    if turn < 1:
        raise values.error(f"turns.idx {label}", f"holds {turn}, below 1")
    return Correction(
        id=values.whole(f"corrections.id {label}", row[0]),
        turn=turn,
        kind="wrong" if kind == "wrong" else "missed",
        move=known,
        words=words,
        created_at=values.moment(f"corrections.created_at {label}", row[5]),
    )


def _ratings(
    values: SessionValues, meta: SessionMeta, rows: Sequence[Sequence[Any]]
) -> dict[str, Level]:
    """A session's self-ratings, checked against its mode, in checklist order."""
    if not rows:
        return {}
    mode = _mode(values, meta)
    raw: dict[str, str] = {}
    for step, level in rows:
        name = values.text("self_ratings.step", step)
        try:
            raw[name] = level_of(values.text(f"self_ratings.level ({name})", level))
        except RatingError as exc:
            raise values.error(f"self_ratings.level ({name})", str(exc)) from None
    try:
        return check_ratings(mode.name, raw)
    except RatingError as exc:
        raise values.error("self_ratings.step", str(exc)) from None


def _note_turn(values: SessionValues, column: str, value: object) -> int:
    turn = values.whole(column, value)
    if turn < 0:
        raise values.error(column, f"holds {turn}, below 0")
    return turn


def _meta(values: SessionValues, value: object) -> SessionMeta:
    meta = values.model(SessionMeta, "sessions.meta", value)
    values.zone("sessions.meta", "start_zone", meta.start_zone)
    values.level("sessions.meta", "start_arousal", meta.start_arousal)
    values.level("sessions.meta", "start_connection", meta.start_connection)
    return meta


def _turn_column(name: str, idx: object) -> str:
    # The turn number helps find the row, when it is itself a number.
    return f"turns.{name} (turn {idx})" if isinstance(idx, int) else f"turns.{name}"


def _turn(values: SessionValues, idx: object, value: object) -> TurnRecord:
    column = _turn_column("record", idx)
    record = values.model(TurnRecord, column, value)
    values.zone(column, "zone", record.zone)
    values.level(column, "arousal", record.arousal)
    values.level(column, "connection", record.connection)
    return record


class SessionStore:
    """Saved practice sessions in SQLite; safe to call from any thread.

    Every operation opens its own short-lived connection, and every write is one
    transaction, so an interrupted turn is either saved whole or not at all.
    """

    def __init__(self, path: Path, busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self._busy_timeout_s = busy_timeout_s
        self._create_files()
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn, self.path)
            # SQLite creates -wal/-shm like the database; tighten them anyway while they exist.
            self._tighten_modes()

    @classmethod
    def default(cls) -> SessionStore:
        """The store in the user's attune folder (`$ATTUNE_HOME/sessions.db`)."""
        return cls(sessions_path())

    def create(self, meta: SessionMeta) -> str:
        """Save a new session's setup; returns its id."""
        meta = meta.model_copy(update={"started_at": clock.utc(meta.started_at)})
        with self._transaction() as conn:
            session_id = clock.new_id(meta.started_at)
            while conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone():
                session_id = clock.new_id(meta.started_at)
            conn.execute(
                "INSERT INTO sessions (id, meta, started_at) VALUES (?, ?, ?)",
                (session_id, stored_json(meta), clock.stamp(meta.started_at)),
            )
        return session_id

    def add_turn(self, session_id: str, record: TurnRecord) -> None:
        """Save one finished turn; saving the very same turn again changes nothing."""
        data = stored_json(record)
        with self._transaction() as conn:
            self._require(conn, session_id)
            live = conn.execute(
                "SELECT record FROM turns WHERE session_id = ? AND idx = ? AND rewound = 0",
                (session_id, record.index),
            ).fetchone()
            if live is not None:
                # A retry after a write whose success went unnoticed is harmless.
                if live[0] == data:
                    return
                raise StoreError(
                    f"{safe(self.path)}: session {safe(session_id)} already has a turn "
                    f"{record.index}; rewind it before saving another"
                )
            conn.execute(
                "INSERT INTO turns (session_id, idx, rewound, record, saved_at) "
                "VALUES (?, ?, 0, ?, ?)",
                (session_id, record.index, data, clock.stamp(clock.now())),
            )

    def rewind(self, session_id: str, index: int) -> None:
        """Mark the live turn `index` as taken back; it stays in the what-if history."""
        with self._transaction() as conn:
            self._require(conn, session_id)
            done = conn.execute(
                "UPDATE turns SET rewound = 1 WHERE session_id = ? AND idx = ? AND rewound = 0",
                (session_id, index),
            )
            if done.rowcount == 0:
                raise StoreError(
                    f"{safe(self.path)}: session {safe(session_id)} has no turn {index} "
                    "to take back"
                )

    def end(self, session_id: str) -> None:
        """Record when the session ended (the first call wins)."""
        with self._transaction() as conn:
            done = conn.execute(
                "UPDATE sessions SET ended_at = COALESCE(ended_at, ?) WHERE id = ?",
                (clock.stamp(clock.now()), session_id),
            )
            if done.rowcount == 0:
                raise self._unknown(session_id)

    def load(self, session_id: str) -> SavedSession:
        """A whole session, by exact id or unique prefix."""
        with self._connect() as conn:
            # One read transaction: the session and its turns come from the same snapshot.
            conn.execute("BEGIN")
            found = self._resolve(conn, session_id)
            row = conn.execute(
                "SELECT meta, ended_at FROM sessions WHERE id = ?", (found,)
            ).fetchone()
            rows = conn.execute(
                "SELECT idx, rewound, record FROM turns WHERE session_id = ? ORDER BY seq",
                (found,),
            ).fetchall()
            note_rows = self._note_rows(conn, found)
            correction_rows = self._correction_rows(conn, found)
            rating_rows = self._rating_rows(conn, found)
        values = self._values(found)
        meta = _meta(values, row[0])
        records = [
            (
                _turn(values, idx, record),
                values.flag(_turn_column("rewound", idx), rewound),
            )
            for idx, rewound, record in rows
        ]
        corrections: builtins.list[Correction] = []
        if correction_rows:
            # The session's mode is asked only when there is something to check against it.
            mode = _mode(values, meta)
            corrections = [_correction(values, mode, r) for r in correction_rows]
        return SavedSession(
            id=found,
            meta=meta,
            ended_at=values.optional_moment("sessions.ended_at", row[1]),
            turns=[t for t, rewound in records if not rewound],
            rewound=[t for t, rewound in records if rewound],
            notes=[_note(values, r) for r in note_rows],
            corrections=corrections,
            self_ratings=_ratings(values, meta, rating_rows),
        )

    def rate(self, session_id: str, ratings: Mapping[str, str]) -> dict[str, Level]:
        """Save the learner's rating of themselves (step id -> level), replacing any earlier.

        Every step must be one of the session's mode and every level one of the three;
        otherwise a RatingError names it and nothing changes. Returns what was stored.
        """
        with self._transaction() as conn:
            found = self._resolve(conn, session_id)
            row = conn.execute("SELECT meta FROM sessions WHERE id = ?", (found,)).fetchone()
            values = self._values(found)
            mode = _mode(values, _meta(values, row[0]))
            checked = check_ratings(mode.name, ratings)
            conn.execute("DELETE FROM self_ratings WHERE session_id = ?", (found,))
            stamp = clock.stamp(clock.now())
            conn.executemany(
                "INSERT INTO self_ratings (session_id, step, level, rated_at) VALUES (?, ?, ?, ?)",
                [(found, step, level, stamp) for step, level in checked.items()],
            )
        return checked

    def self_ratings(self, session_id: str) -> dict[str, Level]:
        """The learner's rating of themselves on a session, by step (empty: none given)."""
        return self.load(session_id).self_ratings

    @staticmethod
    def _rating_rows(conn: sqlite3.Connection, session_id: str) -> builtins.list[Any]:
        return conn.execute(
            "SELECT step, level FROM self_ratings WHERE session_id = ?", (session_id,)
        ).fetchall()

    def add_note(self, session_id: str, turn: int, text: str) -> Note:
        """Add a note on a turn (0: the whole session) of a session (exact id or prefix)."""
        text = clean_note(text)
        with self._transaction() as conn:
            found = self._resolve(conn, session_id)
            self._check_turn(conn, found, turn)
            return self._insert_note(conn, found, turn, text)

    def correct(
        self, session_id: str, turn: int, fixes: Sequence[TagFix], note: str | None = None
    ) -> Annotation:
        """Correct a turn's tags (and add a note on it), all or nothing.

        Each fix marks a tag of the turn wrong, adds a move of the session's mode that
        was missed, or undoes the turn's correction of a move; the same correction made
        twice changes nothing.
        """
        text = None if note is None else clean_note(note)
        with self._transaction() as conn:
            found = self._resolve(conn, session_id)
            self._check_turn(conn, found, turn, whole=False)
            row = conn.execute(
                "SELECT s.meta, t.seq, t.record FROM turns t JOIN sessions s ON s.id = t.session_id"
                " WHERE t.session_id = ? AND t.idx = ? AND t.rewound = 0",
                (found, turn),
            ).fetchone()
            if row is None:  # turns numbered with a gap (edited by hand)
                raise CorrectionError(f"session {safe(found)} has no turn {turn} to correct")
            values = self._values(found)
            mode = _mode(values, _meta(values, row[0]))
            record = _turn(values, turn, row[2])
            existing = [
                _correction(values, mode, r)
                for r in conn.execute(_CORRECTIONS + " AND t.seq = ?", (found, row[1]))
            ]
            done = plan(mode, record, existing, fixes)
            for move in done.undone:
                conn.execute(
                    "DELETE FROM corrections WHERE turn_seq = ? AND move = ?", (row[1], move.value)
                )
            for made in done.changed:
                conn.execute(
                    "INSERT INTO corrections (turn_seq, kind, move, words, created_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (turn_seq, move) DO UPDATE SET "
                    "kind = excluded.kind, words = excluded.words, "
                    "created_at = excluded.created_at",
                    (row[1], made.kind, made.move.value, made.words, clock.stamp(clock.now())),
                )
            added = None if text is None else self._insert_note(conn, found, turn, text)
        return Annotation(session_id=found, turn=record, corrections=done.corrections, note=added)

    def corrected_sessions(self) -> builtins.list[str]:
        """The ids of sessions with corrected tags, oldest first."""
        with self._connect() as conn:
            rows = conn.execute(
                """
                SELECT s.id FROM sessions s
                WHERE EXISTS (
                    SELECT 1 FROM corrections c JOIN turns t ON t.seq = c.turn_seq
                    WHERE t.session_id = s.id AND t.rewound = 0
                )
                ORDER BY s.started_at, s.id
                """
            ).fetchall()
        return [str(r[0]) for r in rows]

    def _check_turn(
        self, conn: sqlite3.Connection, found: str, turn: int, whole: bool = True
    ) -> None:
        live = conn.execute(
            "SELECT count(*) FROM turns WHERE session_id = ? AND rewound = 0", (found,)
        ).fetchone()[0]
        first = 0 if whole else 1
        if first <= turn <= live:
            return
        if not whole:
            raise CorrectionError(
                f"session {safe(found)} has {live} turn(s): give a turn from 1 to {live}"
                if live
                else f"session {safe(found)} has no turns yet: there is no tag to correct"
            )
        raise NoteError(
            f"session {safe(found)} has {live} turn(s): give a turn from 1 to {live}, "
            "or 0 for the whole session"
            if live
            else f"session {safe(found)} has no turns yet: use turn 0 for the whole session"
        )

    @staticmethod
    def _insert_note(conn: sqlite3.Connection, found: str, turn: int, text: str) -> Note:
        created = clock.now()
        cursor = conn.execute(
            "INSERT INTO notes (session_id, turn, text, created_at) VALUES (?, ?, ?, ?)",
            (found, turn, text, clock.stamp(created)),
        )
        note_id = cursor.lastrowid
        assert note_id is not None
        return Note(id=note_id, turn=turn, text=text, created_at=created)

    def delete_note(self, session_id: str, note_id: int) -> Note:
        """Delete one note of a session; returns what it said."""
        with self._transaction() as conn:
            found = self._resolve(conn, session_id)
            row = conn.execute(
                f"SELECT {_NOTE_COLUMNS} FROM notes WHERE session_id = ? AND id = ?",
                (found, note_id),
            ).fetchone()
            if row is None:
                raise NoteError(
                    f"session {safe(found)} has no note {note_id} "
                    f"(see 'attune sessions notes {safe(found)}')"
                )
            # Read before deleting: a note that cannot be read is reported, not half-deleted.
            gone = _note(self._values(found), row)
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        return gone

    def notes(self, session_id: str) -> builtins.list[Note]:
        """A session's notes, by turn (0 first), oldest first within a turn."""
        with self._connect() as conn:
            found = self._resolve(conn, session_id)
            rows = self._note_rows(conn, found)
        values = self._values(found)
        return [_note(values, r) for r in rows]

    @staticmethod
    def _correction_rows(conn: sqlite3.Connection, session_id: str) -> builtins.list[Any]:
        return conn.execute(_CORRECTIONS + " ORDER BY t.idx, c.id", (session_id,)).fetchall()

    @staticmethod
    def _note_rows(conn: sqlite3.Connection, session_id: str) -> builtins.list[Any]:
        return conn.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes WHERE session_id = ? ORDER BY turn, id",
            (session_id,),
        ).fetchall()

    def delete(self, session_id: str) -> None:
        """Delete a session and all its turns (exact id)."""
        with self._transaction() as conn:
            done = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if done.rowcount == 0:
                raise self._unknown(session_id)

    def list(self, limit: int | None = None) -> builtins.list[SessionSummary]:
        """Saved sessions, newest first; StoreError if one cannot be read (`listing` skips it)."""
        found = self.listing(limit)
        if found.unreadable:
            raise found.unreadable[0]
        return found.sessions

    def listing(self, limit: int | None = None) -> SessionListing:
        """Saved sessions, newest first, and apart those whose stored values are wrong."""
        with self._connect() as conn:
            rows = conn.execute(
                """
                SELECT s.id, s.meta, s.ended_at,
                    (SELECT count(*) FROM turns t WHERE t.session_id = s.id AND t.rewound = 0),
                    (SELECT t.idx FROM turns t WHERE t.session_id = s.id AND t.rewound = 0
                        ORDER BY t.seq DESC LIMIT 1),
                    (SELECT t.record FROM turns t WHERE t.session_id = s.id AND t.rewound = 0
                        ORDER BY t.seq DESC LIMIT 1)
                FROM sessions s
                ORDER BY s.started_at DESC, s.id DESC
                LIMIT ?
                """,
                (-1 if limit is None else max(limit, 0),),
            ).fetchall()
        listing = SessionListing()
        for row in rows:
            try:
                listing.sessions.append(self._summary(row))
            except UnreadableSessionError as exc:
                listing.unreadable.append(exc)
        return listing

    def history(self, keep: Callable[[SessionMeta], bool] | None = None) -> History:
        """Every session with its live turns and self-ratings, oldest first, in one read.

        `keep` picks sessions by their setup before their turns are read back. Notes,
        corrections and rewound tries are left out: this is for views across sessions.
        """
        with self._connect() as conn:
            conn.execute("BEGIN")
            heads = conn.execute(
                "SELECT id, meta, ended_at FROM sessions ORDER BY started_at, id"
            ).fetchall()
            turn_rows = conn.execute(
                "SELECT session_id, idx, record FROM turns WHERE rewound = 0 "
                "ORDER BY session_id, seq"
            ).fetchall()
            rating_rows = conn.execute(
                "SELECT session_id, step, level FROM self_ratings"
            ).fetchall()
        turns_of: dict[str, builtins.list[tuple[object, object]]] = {}
        for session_id, idx, record in turn_rows:
            turns_of.setdefault(session_id, []).append((idx, record))
        ratings_of: dict[str, builtins.list[tuple[object, object]]] = {}
        for session_id, step, level in rating_rows:
            ratings_of.setdefault(session_id, []).append((step, level))
        found = History()
        for session_id, meta_json, ended in heads:
            values = self._values(session_id)
            try:
                meta = _meta(values, meta_json)
                if keep is not None and not keep(meta):
                    continue
                found.sessions.append(
                    SavedSession(
                        id=values.text("sessions.id", session_id),
                        meta=meta,
                        ended_at=values.optional_moment("sessions.ended_at", ended),
                        turns=[_turn(values, i, r) for i, r in turns_of.get(session_id, [])],
                        self_ratings=_ratings(values, meta, ratings_of.get(session_id, [])),
                    )
                )
            except UnreadableSessionError as exc:
                found.unreadable.append(exc)
        return found

    def _summary(self, row: Sequence[Any]) -> SessionSummary:
        session_id, meta_json, ended, turns, last_idx, last = row
        values = self._values(session_id)
        meta = _meta(values, meta_json)
        latest = None if last is None else _turn(values, last_idx, last)
        return SessionSummary(
            id=values.text("sessions.id", session_id),
            meta=meta,
            turns=turns,
            ended_at=values.optional_moment("sessions.ended_at", ended),
            last_arousal=meta.start_arousal if latest is None else latest.arousal,
            last_zone=meta.start_zone if latest is None else latest.zone,
        )

    def _create_files(self) -> None:
        folder = self.path.parent
        # A name too long or a folder we may not enter fails as one line, not a traceback.
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise os_failure(folder, "cannot create the sessions folder", exc) from None
        try:
            os.lstat(self.path)
            return
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise os_failure(self.path, "cannot open the sessions database", exc) from None
        try:
            # Create it private ourselves: SQLite would make it world-readable under umask 022.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass  # another process just created it
        except OSError as exc:
            raise os_failure(self.path, "cannot create the sessions database", exc) from None

    def _tighten_modes(self) -> None:
        for name in (self.path.name, self.path.name + "-wal", self.path.name + "-shm"):
            path = self.path.with_name(name)
            # Missing (checkpointed away) or someone else's file: leave it be.
            with contextlib.suppress(OSError):
                mode = stat.S_IMODE(path.stat().st_mode)
                if mode & 0o077:
                    path.chmod(mode & 0o600)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            # Autocommit mode: transactions are explicit BEGIN ... COMMIT below.
            conn = sqlite3.connect(self.path, timeout=self._busy_timeout_s, isolation_level=None)
        except sqlite3.Error as exc:
            raise sqlite_failure(self.path, exc) from None
        conn.text_factory = _text_or_replaced
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
        except sqlite3.Error as exc:
            raise sqlite_failure(self.path, exc) from None
        finally:
            # Closing with a transaction still open rolls it back.
            conn.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as conn:
            # IMMEDIATE takes the write lock up front, so a busy database fails here, cleanly.
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise

    def _values(self, session_id: object) -> SessionValues:
        return SessionValues(self.path, session_id)

    def _require(self, conn: sqlite3.Connection, session_id: str) -> None:
        if not conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone():
            raise self._unknown(session_id)

    def _resolve(self, conn: sqlite3.Connection, wanted: str) -> str:
        # An argument that was not UTF-8 arrives with lone surrogates, which SQLite refuses.
        wanted = scrub(wanted)
        if not wanted:
            raise UnknownSessionError("no session id given (see 'attune sessions list')")
        if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (wanted,)).fetchone():
            return wanted
        matches = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT ?",
                (len(wanted), wanted, _SHOWN_MATCHES + 1),
            )
        ]
        if not matches:
            raise self._unknown(wanted)
        if len(matches) > 1:
            shown = ", ".join(safe(m) for m in matches[:_SHOWN_MATCHES])
            more = ", ..." if len(matches) > _SHOWN_MATCHES else ""
            raise UnknownSessionError(
                f"session id '{safe(wanted)}' is ambiguous: it matches {shown}{more}; "
                "give more of it"
            )
        return str(matches[0])

    @staticmethod
    def _unknown(session_id: str) -> UnknownSessionError:
        return UnknownSessionError(
            f"no saved session '{safe(session_id)}' (see 'attune sessions list')"
        )

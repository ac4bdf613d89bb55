"""Killing a real process in the middle of saving turns leaves the database whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import REPO
from simulator.store.sqlite import SessionStore

WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, "tests")
    from pathlib import Path
    from saved_sessions import meta_for, new_session
    from simulator.personas import load_catalog, persona_dirs
    from simulator.store.sqlite import SessionStore

    card = load_catalog(persona_dirs(environ={})).get("unanswered-text")
    store = SessionStore(Path(sys.argv[1]))
    session = new_session(card)
    session_id = store.create(meta_for(session))
    print(session_id, flush=True)
    lines = ["I hear you.", "That sounds awful.", "I'm here with you.", "Relax, it's fine."]
    n = 0
    while True:
        n += 1
        record = session.respond(lines[n % len(lines)] + f" ({n})")
        store.add_turn(session_id, record)
        print(n, flush=True)
    """
)


def test_sigkill_while_writing_turns_leaves_every_saved_turn_whole(tmp_path: Path) -> None:
    db = tmp_path / "home" / "sessions.db"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    session_id = writer.stdout.readline().strip()
    acknowledged = 0
    while acknowledged < 40:  # let it get well into a run of writes
        line = writer.stdout.readline()
        assert line, writer.stderr.read() if writer.stderr else "writer died"
        acknowledged = int(line)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    saved = SessionStore(db).load(session_id)  # every row parses as a whole TurnRecord
    indexes = [t.index for t in saved.turns]
    assert indexes == list(range(1, len(indexes) + 1)), "no gaps, no half-written turn"
    assert len(indexes) >= acknowledged, "every turn reported saved is there"
    assert all(t.user.endswith(f"({t.index})") for t in saved.turns)

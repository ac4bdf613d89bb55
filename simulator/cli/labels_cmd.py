"""`attune sessions labels`: corrected tags as JSON lines for the classifier's dev data."""

from __future__ import annotations

import click

from simulator.cli.output import echo, safe_line, warn
from simulator.export.files import out_target, write_private
from simulator.export.labels import label_rows, to_jsonl
from simulator.store import SavedSession, SessionStore
from simulator.support import fs
from simulator.support.errors import UnreadableSessionError
from simulator.support.paths import home_dir

DEFAULT_NAME = "corrections.jsonl"


def _every_corrected(store: SessionStore) -> list[SavedSession]:
    found = []
    for session_id in store.corrected_sessions():
        try:
            found.append(store.load(session_id))
        except UnreadableSessionError as exc:
            # One damaged session does not hold back the others' labels.
            warn(f"skipped {exc}")
    return found


def _named(store: SessionStore, session_ids: tuple[str, ...]) -> list[SavedSession]:
    # Every id is read before anything is written: one bad id and nothing is.
    found: dict[str, SavedSession] = {}
    for session_id in session_ids:
        saved = store.load(session_id)
        found.setdefault(saved.id, saved)
    return list(found.values())


@click.command("labels")
@click.argument("session_ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--out",
    metavar="FILE",
    help=f"Write to FILE (mode 0600) instead of stdout; a folder (or a path ending in /) gets "
    f"{DEFAULT_NAME} inside it.",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists (only a regular file).")
def labels_command(session_ids: tuple[str, ...], out: str | None, force: bool) -> None:
    """Write corrected tags as labelled messages for the classifier (JSON lines).

    \b
    One line per learner message whose tags were corrected (`sessions annotate
    --wrong/--missed`, or the coach view), in the blind-data format of
    tests/data/moves_blind: {"text", "moves", "mode", "source": "correction",
    "session", "turn", "scene"}, where "moves" is the corrected move set.
    Without IDs, every session with corrections, oldest first.
      attune sessions labels --out corrections.jsonl
    """
    if out == "":
        raise click.BadParameter("a path cannot be empty", param_hint="--out")
    path = home_dir() / "sessions.db"
    if session_ids:
        sessions = _named(SessionStore(path), session_ids)
    else:
        # Nothing saved yet is no reason to create the database.
        sessions = _every_corrected(SessionStore(path)) if fs.taken(path) else []
    text = to_jsonl(sessions)
    lines = sum(len(label_rows(s)) for s in sessions)
    if not lines:
        warn("No corrected tags in these sessions yet (see 'attune sessions annotate --help').")
    if out is None:
        echo(text, nl=False)
        return
    target = out_target(out, DEFAULT_NAME)
    write_private(target, text, force=force)
    echo(
        f"Wrote {lines} labelled message(s) from {len(sessions)} session(s) to {safe_line(target)}",
        err=True,
    )

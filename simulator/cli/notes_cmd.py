"""`attune sessions annotate|notes`: a coach's notes on a saved session, per turn."""

from __future__ import annotations

from datetime import datetime

import click

from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo
from simulator.cli.ranges import NOTE_ID, TURN
from simulator.cli.transcript import wrap
from simulator.store import Note, SessionStore


def note_data(note: Note) -> dict[str, object]:
    """A note in the documented JSON shape: id, turn (0: the whole session), text, created_at."""
    return note.model_dump(mode="json")


def _when(moment: datetime) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def where(note: Note) -> str:
    """`turn 3`, or `session` for a note on the whole session."""
    return "session" if note.turn == 0 else f"turn {note.turn}"


def note_lines(notes: list[Note], indent: str = "     ") -> list[str]:
    """Notes under a turn of `sessions show`: `note #2: text`, wrapped."""
    return [wrap(f"{indent}note #{n.id}: ", n.text) for n in notes]


# A negative TURN should be refused as a turn, not taken for an unknown option.
@click.command("annotate", context_settings={"ignore_unknown_options": True})
@click.argument("session_id", metavar="ID")
@click.argument("turn", type=TURN, metavar="TURN")
@click.argument("text", metavar="NOTE")
def annotate_command(session_id: str, turn: int, text: str) -> None:
    """Add a note on turn TURN of a session (0: the session as a whole).

    \b
    Notes show in `attune sessions show` and in every export.
      attune sessions annotate 20261121-1530 2 "Here the explaining started."
    """
    store = SessionStore.default()
    saved_id = store.load(session_id).id
    note = store.add_note(saved_id, turn, text)
    about = "the whole session" if note.turn == 0 else where(note)
    echo(f"Added note #{note.id} on {about} of {saved_id}.")


@click.command("notes")
@click.argument("session_id", metavar="ID")
@click.option("--delete", "delete_id", type=NOTE_ID, metavar="NOTE", help="Delete note NOTE.")
@json_option
def notes_command(session_id: str, delete_id: int | None, as_json: bool) -> None:
    """List a session's notes, or delete one with --delete NOTE."""
    store = SessionStore.default()
    if delete_id is not None:
        gone = store.delete_note(session_id, delete_id)
        echo(wrap(f"Deleted note #{gone.id} on {where(gone)}: ", gone.text))
        return
    saved = store.load(session_id)
    if as_json:
        echo_json([note_data(n) for n in saved.notes])
        return
    if not saved.notes:
        echo(
            f"No notes on {saved.id} yet (add one: attune sessions annotate {saved.id} TURN "
            '"NOTE").'
        )
        return
    for note in saved.notes:
        echo(wrap(f"#{note.id:<3} {where(note):<8}  {_when(note.created_at)}  ", note.text))

"""`attune sessions annotate|notes`: a coach's notes and tag corrections on a saved session."""

from __future__ import annotations

from datetime import datetime

import click

from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo
from simulator.cli.ranges import NOTE_ID, TURN
from simulator.cli.transcript import wrap
from simulator.export.common import corrections_text
from simulator.store import Note, SessionStore, TagFix


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


def _missed(value: str) -> TagFix:
    # Move ids have no colon, so the first one ends the id; the words may hold more.
    move, _, words = value.partition(":")
    return TagFix(kind="missed", move=move.strip(), words=words.strip() or None)


# A negative TURN should be refused as a turn, not taken for an unknown option.
@click.command("annotate", context_settings={"ignore_unknown_options": True})
@click.argument("session_id", metavar="ID")
@click.argument("turn", type=TURN, metavar="TURN")
@click.argument("text", metavar="[NOTE]", required=False)
@click.option(
    "--wrong",
    "wrong",
    multiple=True,
    metavar="MOVE",
    help="Mark the turn's MOVE tag wrong: the classifier saw a move that is not there "
    "(repeatable).",
)
@click.option(
    "--missed",
    "missed",
    multiple=True,
    metavar="MOVE[:WORDS]",
    help="Add MOVE, a move of the session's mode the classifier missed, optionally with the "
    "WORDS of the learner's message it rests on (repeatable; again replaces the words).",
)
@click.option(
    "--undo",
    "undo",
    multiple=True,
    metavar="MOVE",
    help="Take back the turn's correction of MOVE (repeatable).",
)
def annotate_command(
    session_id: str,
    turn: int,
    text: str | None,
    wrong: tuple[str, ...],
    missed: tuple[str, ...],
    undo: tuple[str, ...],
) -> None:
    """Add a note on turn TURN of a session (0: the session as a whole), or correct its tags.

    \b
    Notes and corrections show in `attune sessions show` and in every export;
    `attune sessions labels` writes the corrected turns as classifier data.
    All of it is saved, or none of it.
      attune sessions annotate 20261121-1530 2 "Here the explaining started."
      attune sessions annotate 20261121-1530 1 --wrong explain
      attune sessions annotate 20261121-1530 3 --missed "reflect:you waited all afternoon"
    """
    fixes = [
        *(TagFix(kind="undo", move=m.strip()) for m in undo),
        *(TagFix(kind="wrong", move=m.strip()) for m in wrong),
        *(_missed(m) for m in missed),
    ]
    store = SessionStore.default()
    if not fixes:
        if text is None:
            raise click.UsageError("give a NOTE, or correct a tag with --wrong, --missed or --undo")
        saved_id = store.load(session_id).id
        note = store.add_note(saved_id, turn, text)
        about = "the whole session" if note.turn == 0 else where(note)
        echo(f"Added note #{note.id} on {about} of {saved_id}.")
        return
    done = store.correct(session_id, turn, fixes, note=text)
    record = done.turn
    if done.corrections:
        echo(f"Corrected turn {turn} of {done.session_id}:")
        echo(wrap("  ", corrections_text(record, done.corrections)))
    else:
        echo(f"Turn {turn} of {done.session_id}: no corrections; its tags stand as they were.")
    if done.note is not None:
        echo(f"Added note #{done.note.id} on turn {turn} of {done.session_id}.")


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

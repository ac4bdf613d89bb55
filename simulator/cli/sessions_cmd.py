"""`attune sessions list|show|export|delete`: the practice sessions saved on this machine."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from simulator.cli.common import confirmed, echo_json, json_option
from simulator.cli.labels_cmd import labels_command
from simulator.cli.notes_cmd import annotate_command, note_lines, notes_command
from simulator.cli.output import echo, warn
from simulator.cli.transcript import self_rating_lines, turn_text, wrap
from simulator.export import Format, export, session_data
from simulator.export.common import (
    corrections_text,
    debrief_of,
    moves_of,
    self_rating_of,
    softer_text,
    start_text,
)
from simulator.export.files import out_target, write_private
from simulator.export.redact import redact as redact_session
from simulator.feedback.debrief import Debrief, KeyTurn
from simulator.modes import StateWords, words_for
from simulator.store import SavedSession, SessionListing, SessionStore, SessionSummary
from simulator.support import fs
from simulator.support.paths import home_dir
from simulator.support.problems import one_line
from simulator.support.textsafe import printable

_FORMATS: dict[str, Format] = {"md": "md", "html": "html", "json": "json"}
_SUFFIXES: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


def _local(moment: datetime | None) -> str:
    return "-" if moment is None else f"{moment.astimezone():%Y-%m-%d %H:%M}"


def _cell(text: str) -> str:
    return one_line(printable(text))


@click.group("sessions")
def sessions_group() -> None:
    """List, show, annotate, export and delete saved practice sessions.

    \b
    Sessions live in sessions.db in the attune folder ($ATTUNE_HOME).
    An ID may be shortened to any prefix that names one session.
    """


def _summary_data(s: SessionSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "persona": s.meta.persona_id,
        "persona_name": s.meta.persona_name,
        "model": s.meta.model,
        "intensity": s.meta.intensity,
        "feedback": s.meta.feedback,
        "started_at": s.meta.model_dump(mode="json")["started_at"],
        "ended_at": s.model_dump(mode="json")["ended_at"],
        "turns": s.turns,
        "last_arousal": s.last_arousal,
        "last_zone": s.last_zone,
    }


@sessions_group.command("list")
@json_option
def list_command(as_json: bool) -> None:
    """List saved sessions, newest first."""
    path = home_dir() / "sessions.db"
    # Listing never creates the database; a fresh install simply has nothing yet.
    listing = SessionStore(path).listing() if fs.taken(path) else SessionListing()
    for problem in listing.unreadable:
        warn(f"skipped {problem}")
    summaries = listing.sessions
    if as_json:
        echo_json([_summary_data(s) for s in summaries])
        return
    if not summaries:
        echo("No saved sessions yet.")
        return
    header = ("id", "started", "persona", "model", "feedback", "turns", "last zone", "ended")
    rows = [
        (
            _cell(s.id),
            _local(s.meta.started_at),
            _cell(f"{s.meta.persona_name} ({s.meta.persona_id})"),
            _cell(s.meta.model),
            s.meta.feedback,
            str(s.turns),
            _cell(words_for(s.meta.practice_mode).stage(s.last_zone)),
            "yes" if s.ended_at else "no",
        )
        for s in summaries
    ]
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        # The turns column is a number: right-aligned.
        cells = [
            cell.rjust(width) if i == header.index("turns") else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        echo("  ".join(cells).rstrip())


def _key_turn_lines(title: str, keyed: list[KeyTurn], view: StateWords) -> list[str]:
    if not keyed:
        return [f"{title}: none"]
    out = [f"{title}:"]
    for k in keyed:
        out.append(
            wrap(
                f"  turn {k.index} ({view.tension} {k.arousal_delta:+.1f}, "
                f"{view.closeness} {k.connection_delta:+.1f}): ",
                k.user,
            )
        )
        out += [wrap("      ", q) for q in k.quotes]
    return out


def _debrief_text(debrief: Debrief) -> str:
    out = ["Debrief", wrap("  ", debrief.headline)]
    if debrief.stepped_out:
        out.append(wrap("  ", debrief.stepped_out))
    out += ["", "Steps (turns that showed each):"]
    width = max([28, *(len(s.label) for s in debrief.steps)])
    out += [f"  {s.label:<{width}} {s.count}" for s in debrief.steps]
    missteps = words_for(debrief.mode).missteps_title
    out += ["", f"{missteps}:" if debrief.missteps else f"{missteps}: none"]
    for m in debrief.missteps:
        out.append(f"  {m.label:<{width}} {m.count}")
        if m.quotes:
            out.append(wrap("      ", ", ".join(f"'{q}'" for q in m.quotes)))
    if debrief.unrecognised:
        out += ["", wrap("  ", debrief.unrecognised)]
    if debrief.unsure_note:
        out += ["", wrap("  ", debrief.unsure_note)]
    view = words_for(debrief.mode)
    out += ["", *_key_turn_lines("Helped most", debrief.helped, view)]
    out += ["", *_key_turn_lines("Hurt most", debrief.hurt, view)]
    out += ["", wrap("", softer_text(debrief)), "", "Try next time:"]
    out += [wrap("  - ", tip) for tip in debrief.tips]
    return "\n".join(out)


def _show_text(saved: SavedSession) -> str:
    meta = saved.meta
    name = _cell(meta.persona_name)
    ended = f"ended {_local(saved.ended_at)}" if saved.ended_at else "not ended"
    view = words_for(meta.practice_mode)
    asking = words_for(meta.practice_mode).header_note
    out = [
        f"{_cell(saved.id)}  {_cell(meta.persona_name)} ({_cell(meta.persona_id)})",
        _cell(
            f"model {meta.model}, seed {meta.seed}, intensity {meta.intensity}, "
            f"feedback {meta.feedback}{asking}"
        ),
        f"started {_local(meta.started_at)}, {ended}",
        wrap("", meta.summary),
        "",
        "start: "
        + _cell(start_text(meta.start_arousal, meta.start_connection, meta.start_zone, view)),
        wrap(f"     {name}> ", meta.opening),
    ]
    if saved.notes_on(0):
        out += ["", "Notes on the whole session:", *note_lines(saved.notes_on(0), "  ")]
    before = (meta.start_arousal, meta.start_connection)
    for turn in saved.turns:
        out += ["", turn_text(turn, before, name, view)]
        corrections = saved.corrections_on(turn.index)
        if corrections:
            out.append(wrap("     corrected: ", corrections_text(turn, corrections)))
        out += note_lines(saved.notes_on(turn.index))
        before = (turn.arousal, turn.connection)
    if saved.rewound:
        out += ["", f"Taken back ({len(saved.rewound)}):"]
        for turn in saved.rewound:
            out.append(wrap(f"{turn.index:>3}  you> ", turn.user))
            out.append(
                f"     moves: {moves_of(turn)}; then {view.stage(turn.zone)}, "
                f"{view.tension} {turn.arousal:.1f}"
            )
    debrief = debrief_of(saved)
    out += ["", _debrief_text(debrief)]
    out += ["", *self_rating_lines(self_rating_of(saved, debrief))]
    return "\n".join(out)


@sessions_group.command("show")
@click.argument("session_id", metavar="ID")
@json_option
def show_command(session_id: str, as_json: bool) -> None:
    """Show a session: setup, transcript with moves and state, debrief."""
    saved = SessionStore.default().load(session_id)
    if as_json:
        echo_json(session_data(saved))
    else:
        echo(_show_text(saved))


@sessions_group.command("export")
@click.argument("session_id", metavar="ID")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(_FORMATS)),
    help="md (Markdown), html (one standalone page with a chart) or json. "
    "Default: from the --out suffix, else md.",
)
@click.option(
    "--out",
    metavar="FILE",
    help="Write to FILE (mode 0600) instead of stdout; a folder (or a path ending in /, "
    "created if missing) gets ID.FORMAT inside it.",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists (only a regular file).")
@click.option(
    "--redact",
    is_flag=True,
    help="Replace the partner's name with 'Partner' (and each --redact-name with '[name]').",
)
@click.option(
    "--redact-name",
    "redact_names",
    multiple=True,
    metavar="NAME",
    help="Another name to take out, e.g. someone the learner mentions (repeatable; "
    "implies --redact).",
)
def export_command(
    session_id: str,
    fmt: str | None,
    out: str | None,
    force: bool,
    redact: bool,
    redact_names: tuple[str, ...],
) -> None:
    """Export a session as Markdown, HTML or JSON."""
    if any(not name.strip() for name in redact_names):
        raise click.BadParameter("a name cannot be empty", param_hint="--redact-name")
    if out == "":
        raise click.BadParameter("a path cannot be empty", param_hint="--out")
    saved = SessionStore.default().load(session_id)
    chosen: Format = "md" if fmt is None else _FORMATS[fmt]
    target = None
    if out is not None:
        target = out_target(out, f"{saved.id}.{chosen}")
        if fmt is None:
            chosen = _SUFFIXES.get(target.suffix.lower(), "md")
    if redact or redact_names:
        saved = redact_session(saved, redact_names)
    text = export(saved, chosen)
    if target is None:
        echo(text, nl=False)
        return
    write_private(target, text, force=force)
    echo(f"Wrote {_cell(str(target))}", err=True)


@sessions_group.command("delete")
@click.argument("session_id", metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Delete without asking.")
def delete_command(session_id: str, yes: bool) -> None:
    """Delete a session and all its turns."""
    store = SessionStore.default()
    saved = store.load(session_id)
    what = _cell(
        f"{saved.id} ({saved.meta.persona_name}, {len(saved.turns)} turn(s), "
        f"started {_local(saved.meta.started_at)})"
    )
    if not yes and not confirmed(f"Delete session {what}?"):
        echo("Not deleted.")
        return
    store.delete(saved.id)
    echo(f"Deleted {_cell(saved.id)}.")


sessions_group.add_command(annotate_command)
sessions_group.add_command(notes_command)
sessions_group.add_command(labels_command)

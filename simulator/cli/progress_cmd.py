"""`attune progress`: per step and per mistake, how often each showed, across saved sessions."""

from __future__ import annotations

from pathlib import Path

import click

from simulator.cli.common import echo_json, json_option
from simulator.cli.output import echo, safe_line
from simulator.export.files import write_private
from simulator.export.progress_page import progress_html
from simulator.feedback.progress import build_progress, progress_lines
from simulator.modes import mode_names
from simulator.store import History, SessionStore
from simulator.support import fs
from simulator.support.errors import AttuneError
from simulator.support.paths import home_dir


def load_history(persona: str | None, mode: str | None) -> History:
    """Every saved session that passes the filters, in one read (nothing is created)."""
    path = home_dir() / "sessions.db"
    if not fs.taken(path):
        return History()
    store = SessionStore(path)
    everyone = store.history(keep=lambda meta: mode is None or meta.practice_mode == mode)
    if persona is not None and everyone.sessions:
        known = sorted({s.meta.persona_id for s in everyone.sessions})
        if persona not in known:
            raise AttuneError(
                f"no saved session with persona '{safe_line(persona)}'"
                + (f" in {mode} mode" if mode else "")
                + f" (your sessions have: {', '.join(known)})"
            )
    return everyone


@click.command("progress")
@click.option("--persona", metavar="ID", help="Only sessions with this partner (persona id).")
@click.option(
    "--mode",
    type=click.Choice(list(mode_names())),
    help="Only sessions of this practice mode.",
)
@click.option(
    "--html",
    "html_out",
    metavar="FILE",
    help="Write one standalone HTML page (inline CSS and SVG, no network) a coach can open.",
)
@click.option("--force", is_flag=True, help="Replace the --html FILE if it exists.")
@json_option
def progress_command(
    persona: str | None, mode: str | None, html_out: str | None, force: bool, as_json: bool
) -> None:
    """Per step and per mistake, how often each showed per session, over time.

    \b
    Counts are per session, as each debrief counts them: for a step, the turns that
    showed it; for a mistake, the times it was recognised. The self-rating gap is how
    far your own rating of each step was above (+) or below (-) what was measured.
    """
    if persona is not None and not persona.strip():
        raise click.BadParameter("a persona id cannot be empty", param_hint="--persona")
    if html_out is not None and not html_out.strip():
        raise click.BadParameter("a path cannot be empty", param_hint="--html")
    history = load_history(persona, mode)
    progress = build_progress(
        history.sessions, persona=persona, mode=mode, unreadable=len(history.unreadable)
    )
    if html_out is not None:
        target = fs_path(html_out)
        write_private(target, progress_html(progress), force=force)
        echo(f"Wrote {safe_line(str(target))} ({progress.sessions} session(s))", err=True)
        if not as_json:
            return
    if as_json:
        echo_json(progress.public_json())
        return
    echo("\n".join(progress_lines(progress)))


def fs_path(value: str) -> Path:
    """The --html path as given (a leading ~ expanded)."""
    return Path(value).expanduser()

"""`attune serve`: the practice screen in a web browser, for coaching over a shared screen."""

from __future__ import annotations

import ipaddress
import secrets
import shlex
import sys
from pathlib import Path

import click

from simulator.cli.common import model_option, personas_option
from simulator.cli.output import echo
from simulator.support import fs
from simulator.support.errors import AttuneError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """True for addresses that only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may well resolve to a public address


def practice_command_line(model: str | None, persona_folders: tuple[Path, ...]) -> str:
    """The shell command each browser tab runs: this Python, `attune practice` as a guest,
    the options."""
    argv = [sys.executable, "-m", "simulator", "practice", "--guest"]
    if model:
        argv += ["--model", model]
    for folder in persona_folders:
        argv += ["--personas", str(folder.resolve())]
    return shlex.join(argv)


def url_for(host: str, port: int) -> str:
    """The server's address, with an IPv6 host in brackets."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def new_token() -> str:
    """A fresh secret for one server start (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def url_with_token(host: str, port: int, token: str) -> str:
    """The address to open: the only way in."""
    return f"{url_for(host, port)}/?token={token}"


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=DEFAULT_PORT,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a --host other machines can reach. Whoever has the printed address (it "
    "holds the token) practises as a guest, as on this machine; the traffic is not encrypted, "
    "so others on the network could read the token and the practice.",
)
@model_option
@personas_option
def serve_command(
    host: str,
    port: int,
    allow_remote: bool,
    model: str | None,
    persona_folders: tuple[Path, ...],
) -> None:
    """Run the practice screen in a browser (textual-serve) on this machine.

    \b
    Open the address it prints: it holds a secret token, new at each start.
    Without it (or with a wrong one) the page, its connection and its files
    answer 403 and show nothing. Share your screen to coach someone remotely.

    \b
    Each browser tab is a guest practice session. A visitor can:
      - pick a partner among the shipped cards and --personas folders,
      - practise, with hints, rewind and the coach view,
      - read the debrief of the session just practised and add notes to it.
    That session is saved in your sessions, like any other. A visitor cannot:
      - list your saved sessions or open any other session's debrief,
      - see your own scenarios (made with `n` or `attune personas new`; pass
        their folder with --personas to offer them),
      - create, edit or delete a card, or export a session.
    """
    if not is_loopback(host) and not allow_remote:
        raise AttuneError(
            f"--host {host} can be reached from other machines and practice sessions are "
            "private; use 127.0.0.1 (the default) or pass --allow-remote"
        )
    for folder in persona_folders:
        if not fs.is_folder(folder):
            raise AttuneError(f"{folder}: personas folder not found")
    from simulator.tui.serve import serve_in_browser

    command = practice_command_line(model, persona_folders)
    token = new_token()
    echo(
        f"attune: serving the practice screen on {url_with_token(host, port, token)} (Ctrl+C stops)"
    )
    try:
        serve_in_browser(command, host, port, url_for(host, port), token)
    except OSError as exc:
        raise AttuneError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None

"""`attune serve`: the practice screen in a web browser, for coaching over a shared screen."""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path

import click

from simulator.cli.common import model_option, personas_option
from simulator.cli.output import echo
from simulator.errors import AttuneError

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
    """The shell command each browser tab runs: this Python, `attune practice`, the options."""
    argv = [sys.executable, "-m", "simulator", "practice"]
    if model:
        argv += ["--model", model]
    for folder in persona_folders:
        argv += ["--personas", str(folder.resolve())]
    return shlex.join(argv)


def url_for(host: str, port: int) -> str:
    """The address to open, with an IPv6 host in brackets."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


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
    help="Allow a --host other machines can reach. Sessions are private: anyone who can "
    "open the page can practise as you and read nothing else, but the traffic is not "
    "encrypted.",
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
    Open the address it prints; each browser tab gets its own practice session,
    saved like any other. Share your screen to coach someone remotely.
    """
    if not is_loopback(host) and not allow_remote:
        raise AttuneError(
            f"--host {host} can be reached from other machines and practice sessions are "
            "private; use 127.0.0.1 (the default) or pass --allow-remote"
        )
    for folder in persona_folders:
        if not folder.is_dir():
            raise AttuneError(f"{folder}: personas folder not found")
    from simulator.tui.serve import serve_in_browser

    command = practice_command_line(model, persona_folders)
    echo(f"attune: serving the practice screen on {url_for(host, port)} (Ctrl+C stops)")
    try:
        serve_in_browser(command, host, port, url_for(host, port))
    except OSError as exc:
        raise AttuneError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None

"""`attune serve`: the practice screen in a browser, on this machine only unless told otherwise.

The end-to-end test starts the real server in a subprocess and drives Debian's
headless Chromium with Playwright (never a downloaded browser): load the page, pick
a persona, send a message, and see the partner's reply arrive in the page.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import RunCli
from simulator.cli.serve_cmd import is_loopback, practice_command_line
from simulator.store import SessionStore
from simulator.tui.serve import local_templates

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Every wait is bounded: a stuck server or browser fails the test, never hangs it.
STARTUP_S = 30.0
STEP_S = 20.0
MESSAGE = "I can see why that hurt. I'm here."


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_only_loopback_counts_as_private(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_reachable_host_is_refused_without_the_flag(attune: RunCli) -> None:
    result = attune("serve", "--host", "0.0.0.0")
    assert result.code == 2
    assert "--host 0.0.0.0 can be reached from other machines" in result.err
    assert "--allow-remote" in result.err and result.err.strip().count("\n") == 0


def test_bad_port_and_missing_folder_are_one_line(attune: RunCli, tmp_path: Path) -> None:
    port = attune("serve", "--port", "70000")
    assert port.code == 2 and "70000 is not in the range" in port.err
    folder = attune("serve", "--personas", str(tmp_path / "nope"))
    assert folder.code == 2 and "personas folder not found" in folder.err


def test_each_tab_runs_this_python_with_the_chosen_options(tmp_path: Path) -> None:
    line = practice_command_line("scripted", (tmp_path / "my cards",))
    assert line.startswith(f"{sys.executable} -m simulator practice --model scripted")
    assert f"--personas '{(tmp_path / 'my cards').resolve()}'" in line


def test_the_page_asks_no_outside_server_for_a_font(tmp_path: Path) -> None:
    page = (local_templates(tmp_path) / "app_index.html").read_text(encoding="utf-8")
    assert "googleapis" not in page and "data-session-websocket-url" in page


# End to end, in a real browser.


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def _server(home: Path) -> Iterator[int]:
    """`attune serve` on a free loopback port, in its own process group (ended after)."""
    port = _free_port()
    env = {**os.environ, "ATTUNE_HOME": str(home), "ATTUNE_MODEL": "scripted"}
    log = home.parent / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "simulator", "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + STARTUP_S
        while not _listening(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"attune serve did not start: {log.read_text(errors='replace')}")
            time.sleep(0.1)
        yield port
    finally:
        # The server and the practice app it started for the browser tab.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@pytest.mark.slow
def test_a_browser_picks_a_persona_sends_a_message_and_sees_the_reply(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed at /usr/bin/chromium "
            "(make test installs it when run as root: apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    home = tmp_path / "home"
    frames: list[bytes] = []

    def screen_text() -> str:
        return b"".join(frames).decode("utf-8", errors="replace")

    with _server(home) as port, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.set_default_timeout(STEP_S * 1000)

            def keep_frames(ws: object) -> None:
                def keep(payload: bytes | str) -> None:
                    frames.append(payload if isinstance(payload, bytes) else payload.encode())

                ws.on("framereceived", keep)  # type: ignore[attr-defined]

            page.on("websocket", keep_frames)

            def wait_for(what: str, seconds: float = STEP_S) -> bool:
                deadline = time.monotonic() + seconds
                while what not in screen_text():
                    if time.monotonic() > deadline:
                        return False
                    page.wait_for_timeout(100)
                return True

            def expect(what: str) -> None:
                if not wait_for(what):
                    page.screenshot(path=str(tmp_path / "stuck.png"))
                    pytest.fail(f"the page never showed {what!r} (see {tmp_path})")

            def press_until(key: str, what: str) -> None:
                # A key pressed while the app is still starting up can be lost: press again.
                for _ in range(5):
                    page.keyboard.press(key)
                    if wait_for(what, 2.0):
                        return
                pytest.fail(f"pressing {key} never showed {what!r}")

            page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
            # Keys go to the terminal's input element (a click would also be a mouse event).
            page.focus(".xterm-helper-textarea")
            expect("Who do you want to practise with?")
            # The list opens on Priya (unanswered-text); Tomás (bad-day) is second from the
            # top. The scenario box shows the highlighted persona's scene.
            press_until("Home", "For four months Marcus trained")
            press_until("ArrowDown", "Tomás spent two weeks on the")
            page.keyboard.press("Enter")
            expect("Tomás · bad-day")
            expect("Your turn.")
            page.keyboard.type(MESSAGE)
            page.keyboard.press("Enter")
            store = SessionStore(home / "sessions.db")
            deadline = time.monotonic() + STEP_S
            while not (sessions := store.list()) or sessions[0].turns < 1:
                assert time.monotonic() < deadline, "the turn was never saved"
                page.wait_for_timeout(100)
            saved = store.load(sessions[0].id)
            assert saved.meta.persona_id == "bad-day"
            assert saved.turns[0].user == MESSAGE
            reply = saved.turns[0].reply
            # The reply's opening words reached the browser's screen.
            expect(" ".join(reply.split()[:4]))
            page.screenshot(path=str(tmp_path / "served.png"))
        finally:
            browser.close()

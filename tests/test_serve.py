"""`attune serve`: the practice screen in a browser, on this machine only unless told otherwise,
and only for whoever has the address it prints (its token).

The end-to-end tests start the real server in a subprocess: an HTTP client checks that
nothing answers without the token, and Debian's headless Chromium, driven with
Playwright (never a downloaded browser), opens the printed address, picks a persona,
sends a message, and sees the partner's reply arrive in the page.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from conftest import RunCli
from simulator.cli.serve_cmd import is_loopback, new_token, practice_command_line
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


def test_each_tab_runs_this_python_as_a_guest_with_the_chosen_options(tmp_path: Path) -> None:
    line = practice_command_line("scripted", (tmp_path / "my cards",))
    assert line.startswith(f"{sys.executable} -m simulator practice --guest --model scripted")
    assert f"--personas '{(tmp_path / 'my cards').resolve()}'" in line


def test_the_page_asks_no_outside_server_for_a_font(tmp_path: Path) -> None:
    page = (local_templates(tmp_path) / "app_index.html").read_text(encoding="utf-8")
    assert "googleapis" not in page and "data-session-websocket-url" in page


def test_each_start_has_its_own_unguessable_token() -> None:
    tokens = {new_token() for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(t) >= 43 and re.fullmatch(r"[A-Za-z0-9_-]+", t) for t in tokens)


# End to end: a real server, then an HTTP client or a real browser.


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


PRINTED = re.compile(r"serving the practice screen on (http://\S+)")


@contextlib.contextmanager
def _server(home: Path) -> Iterator[str]:
    """`attune serve` on a free loopback port, in its own process group (ended after); yields
    the address it printed."""
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
        while not (_listening(port) and (printed := PRINTED.search(log.read_text("utf-8")))):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"attune serve did not start: {log.read_text(errors='replace')}")
            time.sleep(0.1)
        yield printed.group(1)
    finally:
        # The server and the practice app it started for the browser tab.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


async def _ws_status(http: aiohttp.ClientSession, url: str, origin: str | None = None) -> int:
    """The status the websocket handshake got: 101 when it opened (then closed at once)."""
    headers = {"Origin": origin} if origin else {}
    try:
        async with http.ws_connect(url, headers=headers, timeout=aiohttp.ClientWSTimeout(10)):
            return 101
    except aiohttp.WSServerHandshakeError as exc:
        return exc.status


async def test_without_the_token_nothing_answers_but_403(tmp_path: Path) -> None:
    with _server(tmp_path / "home") as url:
        base, token = url.split("/?token=")
        ws = base.replace("http:", "ws:") + "/ws"
        cookie = f"attune-token-{base.rsplit(':', 1)[1]}"
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=STEP_S)) as http:
            for path in (
                "/",
                "/?token=wrong",
                f"/?token={token[:-1]}",
                f"/?token={token}x",
                "/?token=%C3%A9",  # not ASCII: refused, not a server error
                "/static/js/textual.js",
                "/download/any-key",
            ):
                async with http.get(base + path, allow_redirects=False) as response:
                    body = await response.text()
                assert response.status == 403, path
                assert "403 Forbidden" in body and "data-session-websocket-url" not in body
            assert await _ws_status(http, ws) == 403
            assert await _ws_status(http, ws + "?token=wrong") == 403
        # A forged cookie is no better than none.
        async with aiohttp.ClientSession(cookies={cookie: "wrong"}) as http:
            assert await _ws_status(http, ws) == 403


async def test_the_printed_address_opens_the_page_and_its_websocket(tmp_path: Path) -> None:
    with _server(tmp_path / "home") as url:
        base = url.split("/?token=")[0]
        ws = base.replace("http:", "ws:") + "/ws"
        jar = aiohttp.CookieJar(unsafe=True)  # unsafe: keep cookies for an IP address
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            async with http.get(url) as response:
                assert response.status == 200
                assert f'data-session-websocket-url="{ws}"' in await response.text()
            # On the way, the token was traded for a cookie and left the address.
            (traded,) = response.history
            assert traded.status == 303 and traded.headers["Location"] == "/"
            assert str(response.url) == base + "/"
            set_cookie = traded.headers["Set-Cookie"]
            assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
            async with http.get(base + "/static/js/textual.js") as response:
                assert response.status == 200
            assert await _ws_status(http, ws, origin=base) == 101
            # A page from another origin (another port here shares the cookie) is refused.
            assert await _ws_status(http, ws, origin="http://127.0.0.1:1") == 403


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

    with _server(home) as url, sync_api.sync_playwright() as playwright:
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

            page.goto(url, wait_until="domcontentloaded")
            # The token went into a cookie and out of the address bar (a shared screen shows it).
            assert "token" not in page.url
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

"""`attune models` asks local model servers (Ollama, OpenAI-compatible) for their models.

Every server here is a fake on 127.0.0.1: present, absent (a closed port) or slow.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from conftest import RunCli
from simulator.llm import discover
from simulator.llm.catalog import BETTER_HINT, better_model_hint
from simulator.llm.discover import ollama_base, ollama_bases, probe_ollama, probe_openai
from simulator.settings.config import Settings
from simulator.tui.app import AttuneApp
from tui_support import make_context

OLLAMA_TAGS = {
    "models": [
        {"name": "llama3.2:latest", "size": 2_019_393_189},
        {"name": "qwen2.5:1.5b", "size": 986_061_892},
    ]
}


class FakeServer:
    """A loopback HTTP server answering GETs from a table of path -> JSON."""

    def __init__(self, routes: dict[str, Any], hold: threading.Event | None = None) -> None:
        self.routes = routes
        self.hold = hold
        self.paths: list[str] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def base(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.paths.append(self.path)
                if server.hold is not None:
                    # A slow server: no answer until the test has seen the probe give up.
                    server.hold.wait(10)
                body = server.routes.get(self.path)
                data = json.dumps(body if body is not None else {"error": "no"}).encode()
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def close(self) -> None:
        """Stop serving."""
        if self.hold is not None:
            self.hold.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def ollama() -> Iterator[FakeServer]:
    server = FakeServer({"/api/tags": OLLAMA_TAGS})
    yield server
    server.close()


def closed_port() -> str:
    """A loopback URL nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture(autouse=True)
def _no_real_ollama(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default port points at a closed one, so a developer's own Ollama changes nothing."""
    monkeypatch.setattr(discover, "OLLAMA_DEFAULT", closed_port())
    monkeypatch.delenv("OLLAMA_HOST", raising=False)
    monkeypatch.delenv("OLLAMA_API_BASE", raising=False)
    for key in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "MISTRAL_API_KEY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.delenv("GROQ_API_KEY", raising=False)


@pytest.mark.parametrize(
    ("value", "base"),
    [
        ("127.0.0.1:11500", "http://127.0.0.1:11500"),
        ("0.0.0.0", "http://localhost:11434"),
        ("http://box.lan:8080/", "http://box.lan:8080"),
        ("https://ollama.example", "https://ollama.example:443"),
        ("[::1]:11434", "http://[::1]:11434"),
    ],
)
def test_ollama_host_is_read_as_ollama_reads_it(value: str, base: str) -> None:
    assert ollama_base(value) == base


def test_ollama_is_looked_for_on_its_port_and_at_ollama_host() -> None:
    assert ollama_bases({}) == [discover.OLLAMA_DEFAULT]
    assert ollama_bases({"OLLAMA_HOST": "127.0.0.1:1"}) == [
        discover.OLLAMA_DEFAULT,
        "http://127.0.0.1:1",
    ]


def test_a_running_ollama_lists_its_models(ollama: FakeServer) -> None:
    found = probe_ollama(ollama.base, timeout=2)
    assert found.up and found.models == ("llama3.2:latest", "qwen2.5:1.5b")
    assert ollama.paths == ["/api/tags"]


def test_no_ollama_is_not_running() -> None:
    found = probe_ollama(closed_port(), timeout=2)
    assert not found.up and found.problem == "not running" and found.models == ()


def test_a_slow_server_is_given_up_on_after_the_timeout() -> None:
    hold = threading.Event()
    slow = FakeServer({"/api/tags": OLLAMA_TAGS}, hold=hold)
    try:
        found = probe_ollama(slow.base, timeout=0.2)
        # The server is still holding its answer: the probe gave up rather than waited.
        assert not hold.is_set()
        assert not found.up and found.problem == "no answer within 0.2s"
    finally:
        slow.close()


def test_something_else_on_the_port_is_not_taken_for_a_model_server() -> None:
    other = FakeServer({"/api/tags": ["not", "a", "model", "list"]})
    try:
        found = probe_ollama(other.base, timeout=2)
        assert not found.up and found.problem == "answered, but not with a model list"
    finally:
        other.close()


def test_an_openai_compatible_server_lists_its_models() -> None:
    server = FakeServer({"/v1/models": {"data": [{"id": "qwen2.5-7b-instruct"}]}})
    try:
        found = probe_openai(server.base + "/v1/", timeout=2)
        assert found.up and found.models == ("qwen2.5-7b-instruct",)
    finally:
        server.close()


def test_attune_models_lists_ollamas_models_as_ready(
    attune: RunCli, ollama: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OLLAMA_HOST", ollama.base.removeprefix("http://"))
    result = attune("models", "--json")
    assert result.code == 0, result.err
    rows = {r["name"]: r for r in json.loads(result.out)}
    assert rows["ollama/llama3.2:latest"]["state"] == "ready"
    assert rows["ollama/qwen2.5:1.5b"]["state"] == "ready"
    assert f"Ollama at {ollama.base}" in rows["ollama/qwen2.5:1.5b"]["detail"]
    text = attune("models").out
    assert "ollama/llama3.2:latest" in text and BETTER_HINT not in text


def test_attune_models_without_ollama_says_so_in_one_line(attune: RunCli) -> None:
    result = attune("models")
    assert result.code == 0 and result.err == ""
    lines = [line for line in result.out.splitlines() if "ollama" in line.lower()]
    (line, hint) = lines
    assert "unavailable  Ollama: not running at http://127.0.0.1:" in line
    assert hint == BETTER_HINT


def test_attune_models_asks_the_configured_openai_compatible_server(
    attune: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = FakeServer({"/v1/models": {"data": [{"id": "lmstudio-community/gemma"}]}})
    try:
        config = tmp_path / "config.toml"
        config.write_text(f'[servers]\nopenai_base = "{server.base}/v1"\n', encoding="utf-8")
        monkeypatch.setenv("ATTUNE_CONFIG", str(config))
        rows = {r["name"]: r for r in json.loads(attune("models", "--json").out)}
        assert rows["hosted_vllm/lmstudio-community/gemma"]["state"] == "ready"
    finally:
        server.close()
    rows = {r["name"]: r for r in json.loads(attune("models", "--json").out)}
    assert rows["hosted_vllm/<model>"]["state"] == "unavailable"
    assert rows["hosted_vllm/<model>"]["why_not"] == "not running"


def test_the_hint_is_only_for_the_offline_voices_alone(
    ollama: FakeServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = Settings()
    # The authored voice (the default) and the embedded model: nothing better is here yet.
    assert better_model_hint("local", settings) == BETTER_HINT
    assert better_model_hint("scripted", settings) == BETTER_HINT
    assert better_model_hint("openai/gpt-4o-mini", settings) is None
    custom = settings.model_copy(
        update={"local": settings.local.model_copy(update={"model_path": tmp_path / "m.gguf"})}
    )
    assert better_model_hint("local", custom) is None
    monkeypatch.setenv("OLLAMA_HOST", ollama.base)
    assert better_model_hint("local", settings) is None


async def test_the_pickers_status_line_names_the_model_and_how_to_get_a_better_one(
    tmp_path: Path,
) -> None:
    app = AttuneApp(make_context(tmp_path, model="local"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.model_settled()
        await pilot.pause()
        status = str(app.screen.query_one("#model-status", Static).render())
        assert status.startswith("Model: local. Ready: local (test).")
        assert "attune models pull llama3.2-1b" in status

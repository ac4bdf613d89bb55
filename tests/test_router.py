"""`--router`: litellm's Router spreads calls over two real (fake) OpenAI-compatible servers."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from simulator.llm.client import CallOptions, complete_chat, stream_chat
from simulator.llm.router import (
    RouterConfig,
    build_router,
    litellm_model_list,
    load_router_config,
    router_model_names,
)
from simulator.support.errors import AttuneError, ModelError

MODEL = "fake"


def reply_for(messages: list[dict[str, Any]]) -> str:
    """What every fake server answers: the last user message, echoed."""
    return f"You said: {messages[-1]['content']}"


class ChatServer:
    """An OpenAI-compatible `/v1/chat/completions` on 127.0.0.1, counting requests."""

    def __init__(self, fail_with: int | None = None) -> None:
        self.fail_with = fail_with
        self.requests = 0
        self.auth: set[str] = set()
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def api_base(self) -> str:
        """The base URL a deployment points at."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep pytest's output clean

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server._lock:
                    server.requests += 1
                    server.auth.add(self.headers.get("Authorization", ""))
                if self.path != "/v1/chat/completions":
                    self._json(404, {"error": {"message": "no such route"}})
                elif server.fail_with is not None:
                    self._json(server.fail_with, {"error": {"message": "deployment is down"}})
                elif body.get("stream"):
                    self._stream(reply_for(body["messages"]))
                else:
                    self._json(200, completion(reply_for(body["messages"])))

            def _json(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                for chunk in stream_chunks(text):
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        return Handler

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def completion(text: str) -> dict[str, Any]:
    """A non-streaming OpenAI chat completion."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "fake",
        "choices": [
            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 5, "total_tokens": 8},
    }


def stream_chunks(text: str) -> list[dict[str, Any]]:
    """The reply as OpenAI streaming chunks, a few characters each."""
    base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": "fake"}
    pieces = [text[i : i + 5] for i in range(0, len(text), 5)]
    chunks = [{**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}]
    chunks += [
        {**base, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]}
        for p in pieces
    ]
    chunks.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    return chunks


@pytest.fixture
def servers() -> Iterator[tuple[ChatServer, ChatServer]]:
    """Two healthy deployments of one model."""
    with ChatServer() as one, ChatServer() as two:
        yield one, two


def write_config(tmp_path: Path, *bases: str, **settings: Any) -> Path:
    """A router file with one deployment of `fake` per base URL."""
    config = {
        "model_list": [
            {
                "model_name": MODEL,
                "litellm_params": {"model": "openai/fake", "api_base": b, "api_key": "sk-test"},
            }
            for b in bases
        ],
        "routing_strategy": "simple-shuffle",
        **settings,
    }
    path = tmp_path / "router.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


async def _stream(text: str, options: CallOptions) -> str:
    messages = [{"role": "user", "content": text}]
    return "".join([chunk async for chunk in stream_chat(messages, options)])


async def _stream_many(options: CallOptions, n: int) -> list[str]:
    return list(await asyncio.gather(*(_stream(f"message {i}", options) for i in range(n))))


def test_streamed_calls_spread_over_both_deployments(
    servers: tuple[ChatServer, ChatServer], tmp_path: Path
) -> None:
    one, two = servers
    config = load_router_config(write_config(tmp_path, one.api_base, two.api_base))
    options = CallOptions(model=MODEL, router=build_router(config), timeout_s=10)
    replies = asyncio.run(_stream_many(options, 20))
    assert replies == [f"You said: message {i}" for i in range(20)]
    assert one.requests > 0 and two.requests > 0
    assert one.requests + two.requests == 20
    assert one.auth == two.auth == {"Bearer sk-test"}


def test_a_non_streaming_call_goes_through_the_router(
    servers: tuple[ChatServer, ChatServer], tmp_path: Path
) -> None:
    one, two = servers
    config = load_router_config(write_config(tmp_path, one.api_base, two.api_base))
    options = CallOptions(model=MODEL, router=build_router(config), timeout_s=10)
    messages = [{"role": "user", "content": "hello"}]
    assert asyncio.run(complete_chat(messages, options)) == "You said: hello"
    assert one.requests + two.requests == 1


@pytest.mark.parametrize(
    "settings",
    [
        # Retries re-pick a deployment; allowed_fails=0 cools the failing one down at once.
        {"num_retries": 2, "allowed_fails": 0},
        # No retries: weighted failover re-picks among the group's other deployments.
        {"num_retries": 0, "enable_weighted_failover": True},
    ],
    ids=["retries", "failover"],
)
def test_a_failing_deployment_is_routed_around(tmp_path: Path, settings: dict[str, Any]) -> None:
    with ChatServer(fail_with=500) as down, ChatServer() as up:
        path = write_config(tmp_path, down.api_base, up.api_base, **settings)
        options = CallOptions(model=MODEL, router=build_router(load_router_config(path)))
        replies = asyncio.run(_stream_many(options, 20))
        assert replies == [f"You said: message {i}" for i in range(20)]
        assert up.requests == 20
        assert down.requests > 0, "the router did try the failing deployment"


def test_when_every_deployment_fails_the_error_is_one_line(tmp_path: Path) -> None:
    with ChatServer(fail_with=500) as down:
        path = write_config(tmp_path, down.api_base, num_retries=0)
        options = CallOptions(model=MODEL, router=build_router(load_router_config(path)))
        with pytest.raises(ModelError) as caught:
            asyncio.run(_stream("hi", options))
    assert caught.value.kind == "unavailable"
    assert "\n" not in str(caught.value) and str(caught.value).startswith(f"model '{MODEL}': ")
    assert "sk-test" not in str(caught.value)


def test_an_unreachable_deployment_is_a_one_line_model_error(tmp_path: Path) -> None:
    with ChatServer() as gone:
        base = gone.api_base
    path = write_config(tmp_path, base, num_retries=0)
    options = CallOptions(model=MODEL, router=build_router(load_router_config(path)), timeout_s=5)
    with pytest.raises(ModelError) as caught:
        asyncio.run(_stream("hi", options))
    assert caught.value.kind == "unreachable" and "\n" not in str(caught.value)


def test_router_call_options_drop_per_call_api_base_and_retries_but_keep_the_timeout() -> None:
    options = CallOptions(model=MODEL, api_base="http://elsewhere", router=object(), timeout_s=9)
    kwargs = options.kwargs()
    assert kwargs["timeout"] == 9 and kwargs["model"] == MODEL
    assert "api_base" not in kwargs and "num_retries" not in kwargs
    assert options == CallOptions(model=MODEL, api_base="http://elsewhere", timeout_s=9)
    assert "router" not in repr(options)


# --- the config file ---------------------------------------------------------------------


def test_yaml_config_with_an_environment_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "router.yaml"
    path.write_text(
        "model_list:\n"
        "  - model_name: fast\n"
        "    litellm_params: {model: openai/a, api_base: 'http://h1/v1', api_key: os.environ/K1}\n"
        "  - model_name: fast\n"
        "    litellm_params: {model: openai/b, api_base: 'http://h2/v1', rpm: 60}\n"
        "  - model_name: big\n"
        "    litellm_params: {model: ollama/llama3.2}\n"
        "  - model_name: big\n"
        "    litellm_params: {model: bedrock/x, aws_secret_access_key: os.environ/AWS_S}\n"
        "num_retries: 1\n"
        "timeout: 30\n",
        encoding="utf-8",
    )
    config = load_router_config(path)
    assert router_model_names(config) == ["fast", "big"]
    assert config.num_retries == 1 and config.routing_strategy == "simple-shuffle"
    assert "K1" not in repr(config), "api_key is masked even when it only names a variable"
    with pytest.raises(AttuneError) as caught:
        litellm_model_list(config)
    assert str(caught.value) == (
        f"{path}: model_list.0.litellm_params.api_key: $K1 is not set in the environment"
    )
    monkeypatch.setenv("K1", "sk-secret-1")
    with pytest.raises(AttuneError, match=r"litellm_params\.aws_secret_access_key: \$AWS_S is not"):
        litellm_model_list(config)
    monkeypatch.setenv("AWS_S", "aws-secret")
    deployments = litellm_model_list(config)
    assert deployments[3]["litellm_params"]["aws_secret_access_key"] == "aws-secret"
    assert deployments[0]["litellm_params"]["api_key"] == "sk-secret-1"
    assert deployments[2]["litellm_params"] == {"model": "ollama/llama3.2"}
    assert deployments[1]["litellm_params"] == {
        "model": "openai/b",
        "api_base": "http://h2/v1",
        "rpm": 60,
    }
    router = build_router(config)
    assert sorted(set(router.get_model_names())) == ["big", "fast"]


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("r.yaml", "model_list: [\n", "invalid YAML at line"),
        ("r.json", '{"model_list": }', "invalid JSON at line 1, column 16: Expecting value"),
        ("r.yaml", "", "expected a mapping with a model_list, got empty"),
        ("r.yaml", "model_list: []", "model_list: List should have at least 1 item"),
        ("r.yaml", "model_list: [{model_name: x}]", "model_list.0.litellm_params: required field"),
        (
            "r.yaml",
            "model_list: [{model_name: x, litellm_params: {model: openai/x}}]\n"
            "routing_strategy: round-robin",
            "routing_strategy: Input should be 'simple-shuffle'",
        ),
        (
            "r.yaml",
            "model_list: [{model_name: x, litellm_params: {model: openai/x}}]\nretries: 2",
            "retries: unknown field",
        ),
        (
            "r.yaml",
            "model_list: [{model_name: x, litellm_params: {model: o/x, aws_secret_access_key: s3cr3t}}]",
            "'aws_secret_access_key' must be given as os.environ/NAME, not in the file",
        ),
    ],
)
def test_a_bad_config_file_is_one_line_naming_the_file(
    tmp_path: Path, name: str, text: str, problem: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AttuneError) as caught:
        load_router_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert problem in message
    assert "s3cr3t" not in message


def test_a_missing_config_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(AttuneError, match=r"router\.yaml: no such file$"):
        load_router_config(tmp_path / "router.yaml")


def test_a_key_in_the_file_is_never_shown(tmp_path: Path) -> None:
    path = write_config(tmp_path, "http://127.0.0.1:9/v1")
    config = load_router_config(path)
    assert isinstance(config, RouterConfig)
    assert "sk-test" not in repr(config) and "sk-test" not in str(config.model_dump())

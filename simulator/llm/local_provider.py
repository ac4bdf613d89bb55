"""litellm custom provider for the embedded model, so callers cannot tell it from a remote one.

Imported only by `simulator.llm.litellm_loader`, after litellm itself.
"""

from __future__ import annotations

import asyncio
import os
import queue
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

from simulator.llm.quiet import QUIET_ENV

# Importing this module imports litellm; if that happens before load_litellm() ran
# (a test importing it directly), litellm must still start offline and quiet.
os.environ.update(QUIET_ENV)

import litellm
from litellm.llms.custom_llm import CustomLLM, CustomLLMError
from litellm.types.utils import GenericStreamingChunk

from simulator.llm.local_model import LocalModel, local_model
from simulator.settings.config import LocalSettings
from simulator.support.errors import ModelError

PROVIDER = "attune-local"

# OpenAI-style request fields llama.cpp's server understands; litellm passes the
# caller's choices through `optional_params`.
_PASSED_THROUGH = (
    "max_tokens",
    "temperature",
    "top_p",
    "seed",
    "stop",
    "presence_penalty",
    "frequency_penalty",
    "response_format",
    "repeat_penalty",
    "top_k",
    "min_p",
    "ignore_eos",
)
# A 135M model loops ("I'm sorry. I'm sorry.") without a nudge away from repeats.
DEFAULTS = {"repeat_penalty": 1.15}
# How long later chunks may gather before they go out together (the first goes at once).
COALESCE_S = 0.02
STOP_WAIT_S = 2.0
"""How long closing a stream waits for llama.cpp to stop decoding (it stops at the next token)."""
_STATUS = {"timeout": 408, "bad_request": 400, "unavailable": 503}
_DONE = object()


def _request(messages: list[Any], optional_params: dict[str, Any]) -> dict[str, Any]:
    body = {k: optional_params[k] for k in _PASSED_THROUGH if optional_params.get(k) is not None}
    return {"messages": messages, **DEFAULTS, **body}


def _timeout_s(timeout: Any) -> float | None:
    if timeout is None:
        return None
    if isinstance(timeout, int | float):
        return float(timeout)
    read = getattr(timeout, "read", None)
    return float(read) if read is not None else None


def _error(status: int, message: str) -> CustomLLMError:
    """litellm maps the status code to its exception types (408 timeout, 400 bad request...)."""
    return CustomLLMError(status_code=status, message=message)  # type: ignore[no-untyped-call]


def _provider_error(exc: ModelError) -> CustomLLMError:
    return _error(_STATUS.get(exc.kind, 500), exc.detail)


def _chunk(text: str, finish_reason: str | None, usage: Any = None) -> GenericStreamingChunk:
    return GenericStreamingChunk(
        text=text,
        is_finished=finish_reason is not None,
        finish_reason=finish_reason or "",
        usage=usage,
        index=0,
        tool_use=None,
    )


def _piece(chunk: dict[str, Any]) -> tuple[str, str | None]:
    """The text and finish reason carried by one llama.cpp stream chunk."""
    if chunk.get("error"):
        raise ModelError("local", "bad_request", str(chunk["error"]))
    choices = chunk.get("choices") or [{}]
    delta = choices[0].get("delta") or {}
    return delta.get("content") or "", choices[0].get("finish_reason")


class LocalProvider(CustomLLM):
    """Serves `attune-local/<anything>` from the embedded llama.cpp server."""

    def __init__(
        self, settings: LocalSettings | None = None, model: LocalModel | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or LocalSettings()
        self._fixed = model

    def _model(self) -> LocalModel:
        if self._fixed is not None:
            return self._fixed
        try:
            return local_model(self.settings)
        except ModelError as exc:
            raise _provider_error(exc) from None

    def completion(self, *args: Any, **kwargs: Any) -> litellm.ModelResponse:
        """Blocking, non-streaming completion."""
        messages, params, timeout = _call_args(args, kwargs)
        try:
            result = self._model().chat(_request(messages, params), timeout=timeout)
        except ModelError as exc:
            raise _provider_error(exc) from None
        result.pop("timings", None)
        return litellm.ModelResponse(**result)

    async def acompletion(self, *args: Any, **kwargs: Any) -> litellm.ModelResponse:
        """Non-streaming completion without blocking the event loop."""
        return await asyncio.to_thread(self.completion, *args, **kwargs)

    def streaming(self, *args: Any, **kwargs: Any) -> Iterator[GenericStreamingChunk]:
        """Blocking stream; decoding runs on a worker thread and stops if the caller stops."""
        messages, params, timeout = _call_args(args, kwargs)
        model = self._model()
        pieces: queue.Queue[object] = queue.Queue()
        stop = threading.Event()
        worker = threading.Thread(
            target=_decode,
            args=(model, _request(messages, params), timeout, stop, pieces.put),
            daemon=True,
        )
        worker.start()
        try:
            while True:
                item = pieces.get(timeout=timeout)
                if item is _DONE:
                    return
                yield _as_chunk(item)
        except queue.Empty:
            raise _error(408, "the embedded model stopped responding") from None
        finally:
            stop.set()

    # litellm declares this as a coroutine but calls it as an async generator, as here.
    async def astreaming(  # type: ignore[override]
        self, *args: Any, **kwargs: Any
    ) -> AsyncIterator[GenericStreamingChunk]:
        """Async stream. Pieces that pile up while the consumer is busy go out as one chunk,
        so litellm's per-chunk cost is paid per batch rather than per token."""
        messages, params, timeout = _call_args(args, kwargs)
        model = self._model()
        loop = asyncio.get_running_loop()
        pieces: asyncio.Queue[object] = asyncio.Queue()
        stop = threading.Event()

        def put(item: object) -> None:
            if stop.is_set():
                return
            try:
                loop.call_soon_threadsafe(pieces.put_nowait, item)
            except RuntimeError:  # the caller's event loop is gone; nobody is listening
                stop.set()

        worker = threading.Thread(
            target=_decode,
            args=(model, _request(messages, params), timeout, stop, put),
            daemon=True,
        )
        worker.start()
        try:
            finished = False
            first = True
            while not finished:
                try:
                    items = [await asyncio.wait_for(pieces.get(), timeout)]
                except TimeoutError:
                    raise _error(408, "the embedded model stopped responding") from None
                if not first and COALESCE_S:
                    # Let a few tokens gather: litellm's per-chunk work then runs once per
                    # batch instead of competing with the decoder for every token.
                    await asyncio.sleep(COALESCE_S)
                first = False
                while not pieces.empty():
                    items.append(pieces.get_nowait())
                if items[-1] is _DONE:
                    finished = True
                    items.pop()
                if items:
                    yield _merge([_as_chunk(i) for i in items])
        finally:
            # Closing the generator early (the guard cut the reply, the UI cancelled)
            # tells llama.cpp to stop decoding at its next token.
            stop.set()
            if worker.is_alive():
                # Wait for it to let go of its slot: a retry sent at once then lands on the
                # same slot and reuses its cached prompt, instead of taking a cold slot and
                # reading the whole prompt again (about a second here).
                await asyncio.to_thread(worker.join, STOP_WAIT_S)


def _call_args(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[list[Any], dict[str, Any], float | None]:
    messages = kwargs.get("messages", args[1] if len(args) > 1 else [])
    params = kwargs.get("optional_params") or {}
    return list(messages), dict(params), _timeout_s(kwargs.get("timeout"))


def _decode(
    model: LocalModel,
    request: dict[str, Any],
    timeout: float | None,
    stop: threading.Event,
    put: Any,
) -> None:
    """Worker thread: run one streaming request, forwarding chunks (or the error) to `put`."""

    def on_chunk(chunk: dict[str, Any]) -> bool:
        if stop.is_set():
            return True
        put(chunk)
        return False

    try:
        model.chat_stream(request, on_chunk, timeout=timeout)
    except ModelError as exc:
        put(_provider_error(exc))
    except Exception as exc:  # anything llama.cpp raises must reach the caller, not vanish
        put(_error(500, f"embedded model failed: {exc}"))
    finally:
        put(_DONE)


def _as_chunk(item: object) -> GenericStreamingChunk:
    if isinstance(item, Exception):
        raise item
    assert isinstance(item, dict)
    try:
        text, finish = _piece(item)
    except ModelError as exc:
        raise _provider_error(exc) from None
    return _chunk(text, finish, item.get("usage"))


def _merge(chunks: list[GenericStreamingChunk]) -> GenericStreamingChunk:
    if len(chunks) == 1:
        return chunks[0]
    last = chunks[-1]
    finish = last["finish_reason"] or None
    return _chunk("".join(c["text"] for c in chunks), finish, last["usage"])

"""Test doubles for the model layer: a fake llama.cpp server and a scripted chat stream."""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Callable
from pathlib import Path
from typing import Any

from simulator.llm.client import CallOptions
from simulator.llm.local_model import LocalConfig, LocalModel


def stream_chunks(text: str, size: int = 4, finish: str = "stop") -> list[dict[str, Any]]:
    """A reply cut into llama.cpp-shaped streaming chunks."""
    pieces = [text[i : i + size] for i in range(0, len(text), size)]
    chunks = [{"choices": [{"index": 0, "delta": {"role": "assistant", "content": None}}]}]
    chunks += [
        {"choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]} for p in pieces
    ]
    chunks.append({"choices": [{"index": 0, "delta": {}, "finish_reason": finish}]})
    return chunks


class FakeServer:
    """Answers like xllamacpp.Server: every request gets the next canned reply."""

    def __init__(self, *replies: str, delay_s: float = 0.0) -> None:
        self.replies = list(replies)
        self.delay_s = delay_s
        self.requests: list[dict[str, Any]] = []
        self.chunks_sent = 0
        self.stopped_early = False

    def _next(self) -> str:
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def handle_chat_completions(
        self,
        request: dict[str, Any],
        callback: Callable[[dict[str, Any]], bool | None] | None = None,
    ) -> dict[str, Any] | None:
        self.requests.append(request)
        text = self._next()
        if not request.get("stream"):
            return {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": 0,
                "model": "fake.gguf",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": text},
                    }
                ],
                "usage": {"prompt_tokens": 3, "completion_tokens": 5, "total_tokens": 8},
            }
        assert callback is not None
        for chunk in stream_chunks(text):
            if self.delay_s:
                time.sleep(self.delay_s)
            self.chunks_sent += 1
            if callback(chunk):
                self.stopped_early = True
                return None
        return None


def scripted_chat(
    *attempts: str,
) -> tuple[Callable[..., AsyncGenerator[str, None]], list[list[dict[str, str]]]]:
    """A `Chat` that streams one canned reply per call, and the prompts it was sent."""
    sent: list[list[dict[str, str]]] = []
    queue = list(attempts)

    async def chat(
        messages: list[dict[str, str]], options: CallOptions
    ) -> AsyncGenerator[str, None]:
        sent.append(messages)
        text = queue.pop(0) if len(queue) > 1 else queue[0]
        for i in range(0, len(text), 5):
            yield text[i : i + 5]

    return chat, sent


def fake_local_model(server: Any) -> LocalModel:
    """The embedded model's wrapper around a fake llama.cpp server instead of a GGUF file."""
    return LocalModel(LocalConfig(Path("fake.gguf"), 1, 512, 1, 0), factory=lambda _config: server)


def fake_provider_map(model: LocalModel) -> list[dict[str, Any]]:
    """A litellm `custom_provider_map` routing `attune-local/...` to this model."""
    from simulator.llm.local_provider import PROVIDER, LocalProvider

    return [{"provider": PROVIDER, "custom_handler": LocalProvider(model=model)}]


# A valid model draft of a learner's own card (pursuer lines), for the drafting tests.
SCENARIO_DRAFT: dict[str, Any] = {
    "opening": ["You forgot. Our anniversary, and you forgot."],
    "lines": {
        "flooded": ["I waited at that table for an hour!", "Don't tell me you were busy!"],
        "escalated": ["It was our anniversary.", "You remember everyone else's plans."],
        "guarded": ["Maybe. I'm still hurt.", "I don't know if you get it yet."],
        "settling": ["Okay. That helps a bit.", "I just wanted it to matter to you."],
        "regulated": ["Can we plan a new date together?", "Thank you for hearing me."],
    },
    "underneath": ["I was scared it didn't mean as much to you as it does to me."],
}

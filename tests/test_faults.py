"""A provider that fails on purpose, through litellm: the learner loses nothing and retries are bounded."""

from __future__ import annotations

import time
from typing import Any

import pytest

from conftest import authored_lines
from fakes import FakeServer, fake_local_model, fake_provider_map
from simulator.llm.client import CallOptions
from simulator.llm.litellm_loader import load_litellm
from simulator.personas import PersonaCard
from simulator.support.errors import ModelError
from simulator.turns.session import Session
from simulator.voices.model import ModelVoice

IN_CHARACTER = "Five hours. I kept checking my phone."


class FaultyServer(FakeServer):
    """A llama.cpp stand-in that follows a plan, one step per request.

    `cut`: a few chunks, then the connection drops; `hang`: never answers in time;
    anything else is the reply text.
    """

    def __init__(self, *plan: str) -> None:
        super().__init__(*plan, delay_s=0.0)

    def handle_chat_completions(
        self, request: dict[str, Any], callback: Any = None
    ) -> dict[str, Any] | None:
        step = self.replies[0]
        if step == "cut":
            self.replies.pop(0)
            self.requests.append(request)
            for chunk in [{"choices": [{"index": 0, "delta": {"content": "Five ho"}}]}] * 2:
                callback(chunk)
            raise RuntimeError("connection reset by peer")
        if step == "hang":
            self.replies.pop(0)
            self.requests.append(request)
            time.sleep(1.0)
            return None
        return super().handle_chat_completions(request, callback)


@pytest.fixture
def session_on(monkeypatch: pytest.MonkeyPatch, card: PersonaCard) -> Any:
    litellm = load_litellm()

    def build(server: FaultyServer, timeout_s: float = 10.0) -> Session:
        monkeypatch.setattr(
            litellm, "custom_provider_map", fake_provider_map(fake_local_model(server))
        )
        options = CallOptions(model="local", timeout_s=timeout_s, num_retries=0)
        return Session(card, ModelVoice(card, options))

    return build


async def test_a_stream_cut_midway_commits_nothing_and_a_retry_works(session_on: Any) -> None:
    server = FaultyServer("cut", IN_CHARACTER)
    session = session_on(server)
    state = session.state
    with pytest.raises(ModelError) as caught:
        await session.respond_async("I hear you.")
    assert "\n" not in str(caught.value) and "connection reset" in str(caught.value)
    assert session.turns == [] and session.state == state, "no half turn is kept"
    record = await session.respond_async("I hear you.")
    assert record.user == "I hear you." and record.reply == IN_CHARACTER
    assert [t.index for t in session.turns] == [1]


async def test_garbage_output_is_never_shown_and_the_attempts_are_bounded(
    session_on: Any, card: PersonaCard
) -> None:
    garbage = "<|im_start|>assistant {{ system }} ### \x00\x00 As an AI model I"
    server = FaultyServer(garbage)
    session = session_on(server)
    record = await session.respond_async("I hear you.")
    assert record.guard.result == "fallback" and record.guard.attempts == 2
    assert len(server.requests) == 2, "one retry, then the authored line: never a loop"
    every_line = authored_lines(card)
    assert record.reply in every_line
    assert "im_start" not in record.reply and "\x00" not in record.reply


async def test_a_provider_that_hangs_times_out_in_one_line(session_on: Any) -> None:
    server = FaultyServer("hang", IN_CHARACTER)
    session = session_on(server, timeout_s=0.3)
    with pytest.raises(ModelError) as caught:
        await session.respond_async("I hear you.")
    assert caught.value.kind == "timeout" and "\n" not in str(caught.value)
    assert session.turns == []
    assert len(server.requests) == 1, "num_retries=0 means one call, not a hidden loop"

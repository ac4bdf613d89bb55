"""litellm as the one path for model calls: quiet offline import, mocks, one-line errors."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap

import pytest

from simulator.llm.client import CallOptions, check_model, complete_chat, model_error, stream_chat
from simulator.llm.litellm_loader import load_litellm
from simulator.support.errors import ModelError, UnknownModelError

MESSAGES = [{"role": "user", "content": "hello"}]

OFFLINE_IMPORT = textwrap.dedent(
    """
    import socket, sys, time
    attempts = []
    def refuse(self, address, *a, **k):
        attempts.append(address)
        raise OSError("network disabled in this test")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.getaddrinfo = lambda *a, **k: (attempts.append(a[0]), (_ for _ in ()).throw(OSError("no dns")))[1]
    import simulator.cli.main, simulator.cli.commands  # the CLI must not pull litellm in at start-up
    assert "litellm" not in sys.modules, "litellm imported at start-up"
    from simulator.llm.litellm_loader import load_litellm
    litellm = load_litellm()
    assert litellm.telemetry is False and litellm.suppress_debug_info is True
    assert "attune-local" in litellm.provider_list
    print("ATTEMPTS", attempts)
    """
)


def test_litellm_imports_offline_silently_and_only_when_asked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", OFFLINE_IMPORT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ATTEMPTS []", "no network connection was attempted"
    assert done.stderr == "", "litellm printed nothing"


def test_importing_the_local_provider_directly_is_offline_and_silent_too() -> None:
    """A module that imports litellm at the top (the provider) must not bypass the quiet env."""
    script = OFFLINE_IMPORT.split("import simulator.cli.main")[0] + textwrap.dedent(
        """
        import os
        os.environ.pop("LITELLM_LOCAL_MODEL_COST_MAP", None)
        import simulator.llm.local_provider
        time.sleep(1.5)  # long enough for a background fetch to have tried and logged
        print("ATTEMPTS", attempts)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ATTEMPTS []"
    assert done.stderr == ""


def test_streaming_through_litellm_with_mock_response() -> None:
    options = CallOptions(
        model="openai/gpt-4o-mini", extra={"mock_response": "Five hours. Nothing."}
    )

    async def run() -> list[str]:
        return [chunk async for chunk in stream_chat(MESSAGES, options)]

    chunks = asyncio.run(run())
    assert "".join(chunks) == "Five hours. Nothing." and len(chunks) > 1


def test_non_streaming_through_litellm_with_mock_response() -> None:
    options = CallOptions(
        model="anthropic/claude-3-5-haiku-latest", extra={"mock_response": "Fine."}
    )
    assert asyncio.run(complete_chat(MESSAGES, options)) == "Fine."


def test_every_call_carries_a_timeout_and_retries() -> None:
    kwargs = CallOptions(model="local", timeout_s=7, num_retries=3).kwargs()
    assert kwargs["timeout"] == 7 and kwargs["num_retries"] == 3
    assert kwargs["model"].startswith("attune-local/")


@pytest.mark.parametrize(
    ("factory", "kind"),
    [
        (lambda lt: lt.RateLimitError("slow down", llm_provider="openai", model="m"), "rate_limit"),
        (lambda lt: lt.Timeout("too slow", model="m", llm_provider="openai"), "timeout"),
        (lambda lt: lt.AuthenticationError("bad key", llm_provider="openai", model="m"), "auth"),
        (
            lambda lt: lt.APIConnectionError(
                "Cannot connect to host x", llm_provider="openai", model="m"
            ),
            "unreachable",
        ),
        (
            lambda lt: lt.NotFoundError("no such model", llm_provider="openai", model="m"),
            "not_found",
        ),
    ],
)
def test_provider_errors_become_one_line_model_errors(factory: object, kind: str) -> None:
    litellm = load_litellm()
    exc = factory(litellm)  # type: ignore[operator]
    options = CallOptions(model="openai/gpt-4o-mini", num_retries=0, extra={"mock_response": exc})
    with pytest.raises(ModelError) as err:
        asyncio.run(complete_chat(MESSAGES, options))
    assert err.value.kind == kind
    assert str(err.value).startswith("model 'openai/gpt-4o-mini':") and "\n" not in str(err.value)


def test_error_detail_is_short_and_free_of_noise() -> None:
    litellm = load_litellm()
    long = (
        "OllamaException - Cannot connect to host localhost:11434 ssl:<ssl.SSLContext object at 0x1> "
        + "x" * 400
    )
    err = model_error(
        "ollama/llama3.2", litellm.APIConnectionError(long, llm_provider="ollama", model="m")
    )
    assert err.kind == "unreachable" and "ssl:<" not in str(err) and len(str(err)) < 220


def test_unknown_models_are_refused_up_front() -> None:
    for name in ("gpt-0", "nonsense-model", "notaprovider/x"):
        with pytest.raises(UnknownModelError, match=f"unknown model '{name}'"):
            check_model(name)
    check_model("openai/gpt-4o-mini")
    check_model("ollama/llama3.2")
    check_model("scripted")


def test_a_missing_api_key_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ModelError, match="needs OPENAI_API_KEY") as err:
        asyncio.run(complete_chat(MESSAGES, CallOptions(model="openai/gpt-4o-mini")))
    assert err.value.kind == "auth"


def test_an_unreachable_server_is_one_line() -> None:
    options = CallOptions(
        model="hosted_vllm/some-model", api_base="http://127.0.0.1:9/v1", num_retries=0, timeout_s=5
    )

    async def run() -> None:
        async for _ in stream_chat(MESSAGES, options):
            pass

    with pytest.raises(ModelError) as err:
        asyncio.run(run())
    assert err.value.kind == "unreachable" and "\n" not in str(err.value)


def test_litellm_logs_never_reach_stderr_even_if_it_resets_its_logger(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """litellm may re-level its logger and re-attach a stderr handler, even from a thread."""
    import logging
    import sys

    load_litellm()
    logger = logging.getLogger("LiteLLM")
    handler = logging.StreamHandler(sys.stderr)
    level = logger.level
    logger.setLevel(logging.WARNING)
    logger.addHandler(handler)
    try:
        logger.warning("LiteLLM: Failed to fetch remote model cost map")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert capsys.readouterr().err == ""
    assert os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] == "True"

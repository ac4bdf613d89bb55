"""`[local]` settings reach llama.cpp and the calls: threads, poll, chat template, temperature."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from simulator.llm import local_model as local_module
from simulator.llm.client import CallOptions
from simulator.llm.local_model import LocalConfig, default_threads
from simulator.settings.config import LocalSettings, ModelSettings

xllamacpp = pytest.importorskip("xllamacpp")


def built_params(monkeypatch: pytest.MonkeyPatch, config: LocalConfig) -> Any:
    """The CommonParams llama.cpp's server would be built with (nothing is loaded)."""
    monkeypatch.setattr(xllamacpp, "Server", lambda params: params)
    return local_module._build_server(config)


def test_threads_poll_and_template_reach_llama_cpp(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = LocalConfig(
        path=tmp_path / "m.gguf",
        threads=3,
        context=4096,
        parallel=2,
        prompt_cache_mib=0,
        threads_batch=2,
        poll=0,
        chat_template="chatml",
    )
    params = built_params(monkeypatch, config)
    assert params.cpuparams.n_threads == 3 and params.cpuparams_batch.n_threads == 2
    assert params.cpuparams.poll == 0 and params.cpuparams_batch.poll == 0
    assert params.chat_template == "chatml" and params.n_ctx == 4096


def test_without_a_template_the_files_own_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = LocalConfig(
        path=tmp_path / "m.gguf", threads=1, context=512, parallel=1, prompt_cache_mib=0
    )
    assert built_params(monkeypatch, config).chat_template == ""


def test_the_defaults_use_every_core_up_to_four_and_let_idle_threads_sleep() -> None:
    assert [default_threads(n) for n in (1, 2, 4, 16)] == [1, 2, 4, 4]
    settings = LocalSettings()
    assert settings.poll == 0, "spinning threads take the core a busy neighbour needs"
    if local_module.unavailable_reason(settings) is None:
        config = LocalConfig.from_settings(settings)
        assert config.threads == config.threads_batch == default_threads()


def test_the_local_models_own_temperature_wins_for_local_only() -> None:
    model = ModelSettings(temperature=0.9)
    local = LocalSettings(temperature=0.4)
    assert CallOptions.from_settings(model, local, model="local").temperature == 0.4
    assert CallOptions.from_settings(model, local, model="openai/x").temperature == 0.9
    assert CallOptions.from_settings(model, LocalSettings(), model="local").temperature == 0.9

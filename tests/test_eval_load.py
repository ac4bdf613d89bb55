"""Load: 500 eval sessions at concurrency 50 through litellm and a fast fake provider."""

from __future__ import annotations

import pytest

from fakes import FakeServer, fake_local_model, fake_provider_map
from simulator.evals.cases import load_cases
from simulator.evals.report import summary
from simulator.evals.runner import run_suite
from simulator.llm.client import CallOptions
from simulator.llm.litellm_loader import load_litellm
from simulator.personas import Catalog, PersonaCard
from simulator.settings.config import Settings
from simulator.voices.base import Voice
from simulator.voices.model import ModelVoice

SESSIONS = 500


@pytest.fixture
def fast_provider(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    server = FakeServer("I waited all evening. I kept checking my phone.")
    monkeypatch.setattr(
        load_litellm(), "custom_provider_map", fake_provider_map(fake_local_model(server))
    )
    return server


def fake_voice(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
    return ModelVoice(card, CallOptions(model="local", timeout_s=30, num_retries=0), seed=seed)


async def test_five_hundred_sessions_at_concurrency_fifty_all_recorded(
    fast_provider: FakeServer, catalog: Catalog
) -> None:
    base = [c for c in load_cases() if c.turns and len(c.turns) <= 5]
    cases = [
        base[i % len(base)].model_copy(update={"id": f"{base[i % len(base)].id}-{i:03d}"})
        for i in range(SESSIONS)
    ]
    seen: list[str] = []
    run = await run_suite(
        cases,
        ["fake"],
        catalog,
        Settings(),
        concurrency=50,
        voice_factory=fake_voice,
        progress=lambda result, done, total: seen.append(result.id),
        voice_dynamics=True,
    )
    assert len(run.results) == SESSIONS and len(set(seen)) == SESSIONS
    assert {r.id for r in run.results} == {c.id for c in cases}
    assert all(r.error is None for r in run.results), [r.error for r in run.results if r.error][:3]
    expected_turns = sum(len(c.turns or []) for c in cases)
    assert sum(len(r.turns) for r in run.results) == expected_turns, "every turn of every session"
    assert len(fast_provider.requests) >= sum(r.replies for r in run.results) == expected_turns
    assert summary(run)["cases"] == SESSIONS

"""Eval load: memory and throughput of many sessions at high concurrency.

Runs the eval runner through litellm against a fast fake provider (the test
double for llama.cpp), first with a small batch of sessions, then with five
times as many, in the same process. "Flat" memory means the larger run's peak
is close to the smaller one's (ratio near 1), not five times it. Run with
`make bench`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fakes import FakeServer, fake_local_model, fake_provider_map  # noqa: E402
from simulator.evals.cases import EvalCase, load_cases  # noqa: E402
from simulator.evals.runner import SuiteRun, run_suite  # noqa: E402
from simulator.llm.client import CallOptions  # noqa: E402
from simulator.llm.litellm_loader import load_litellm  # noqa: E402
from simulator.personas import PersonaCard, load_catalog, persona_dirs  # noqa: E402
from simulator.settings.config import Settings  # noqa: E402
from simulator.voices.base import Voice  # noqa: E402
from simulator.voices.model import ModelVoice  # noqa: E402


class _Counted(list[dict[str, object]]):
    """Counts requests without keeping them: the fake must not be what holds memory."""

    seen = 0

    def append(self, item: dict[str, object]) -> None:
        self.seen += 1


def install_fake_provider() -> FakeServer:
    """Route the `local` model through litellm to an instant fake server."""
    server = FakeServer("I waited all evening. I kept checking my phone.")
    server.requests = _Counted()
    load_litellm().custom_provider_map = fake_provider_map(fake_local_model(server))
    return server


def fake_voice(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
    """A model voice on the fake provider."""
    return ModelVoice(card, CallOptions(model="local", timeout_s=30, num_retries=0), seed=seed)


def sessions(count: int) -> list[EvalCase]:
    """`count` short cases with unique ids, cycling through the suite's scripted ones."""
    base = [c for c in load_cases() if c.turns and len(c.turns) <= 5]
    return [
        base[i % len(base)].model_copy(update={"id": f"{base[i % len(base)].id}-{i:04d}"})
        for i in range(count)
    ]


def measure(count: int, concurrency: int) -> dict[str, float]:
    """Peak traced memory and wall time of one eval run of `count` sessions."""
    catalog = load_catalog(persona_dirs(environ={}))
    cases = sessions(count)
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    started = time.perf_counter()
    run: SuiteRun = asyncio.run(
        run_suite(
            cases,
            ["fake"],
            catalog,
            Settings(),
            concurrency,
            voice_factory=fake_voice,
            voice_dynamics=True,
        )
    )
    took = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(run.results) == count
    assert all(r.error is None for r in run.results)
    return {"sessions": count, "peak_mib": peak / 2**20, "wall_s": took}


def main() -> None:
    """Run the small and large loads and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--json-out", type=Path, default=None)
    args = parser.parse_args()
    install_fake_provider()
    measure(20, args.concurrency)  # warm imports and caches outside the comparison
    small = measure(args.sessions // 5, args.concurrency)
    large = measure(args.sessions, args.concurrency)
    results = {
        "small": small,
        "large": large,
        "peak_memory_ratio": large["peak_mib"] / small["peak_mib"],
        "sessions_ratio": large["sessions"] / small["sessions"],
        "time_per_session_ratio": (large["wall_s"] / large["sessions"])
        / (small["wall_s"] / small["sessions"]),
    }
    print(f"{'eval load':<34}{'small':>10}{'large':>10}  ratio")
    print(
        f"{'sessions':<34}{small['sessions']:>10.0f}{large['sessions']:>10.0f}"
        f"  {results['sessions_ratio']:.1f}x"
    )
    print(
        f"{'peak traced memory (MiB)':<34}{small['peak_mib']:>10.1f}{large['peak_mib']:>10.1f}"
        f"  {results['peak_memory_ratio']:.2f}x"
    )
    print(
        f"{'wall time per session (ms)':<34}{small['wall_s'] / small['sessions'] * 1e3:>10.1f}"
        f"{large['wall_s'] / large['sessions'] * 1e3:>10.1f}"
        f"  {results['time_per_session_ratio']:.2f}x"
    )
    print(json.dumps(results, indent=2, default=lambda v: round(v, 3)))
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

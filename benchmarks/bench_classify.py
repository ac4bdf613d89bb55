"""The classifier with its learned layer: latency per message, batch throughput, memory.

Per-message latency is measured warm on the blind sets' messages (chat register) and
set against the rules alone in the same run. Batch throughput runs `attune classify -`
end to end on a few thousand messages, start-up and model loading included. Memory is
the resident size a fresh process adds when it loads the learned layer. Run with
`make bench`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "data" / "moves_blind"

_RSS_PROBE = """
import resource, sys
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * resource.getpagesize()
from simulator.classifier import classify_rules, classify
classify_rules('warm the rules up', 'listen'); classify_rules('warm the rules up', 'ask')
before = rss()
classify('warm the learned layer up', 'listen'); classify('warm the learned layer up', 'ask')
print(rss() - before)
"""


def messages() -> list[tuple[str, str]]:
    """(text, mode) for every blind message."""
    out = []
    for path in sorted(SETS.glob("*.jsonl")):
        mode = "ask" if "_ask_" in path.name else "listen"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((json.loads(line)["text"], mode))
    return out


def latency(texts: list[tuple[str, str]], runs: int) -> dict[str, float]:
    """Median and p95 per message, rules plus learned layer and rules alone."""
    from simulator.classifier import classify, classify_rules

    for text, mode in texts[:20]:
        classify(text, mode)  # load the layer and compile the rules outside the timing
    full: list[float] = []
    rules: list[float] = []
    for _ in range(runs):
        for text, mode in texts:
            start = time.perf_counter()
            classify_rules(text, mode)
            rules.append(time.perf_counter() - start)
            start = time.perf_counter()
            classify(text, mode)
            full.append(time.perf_counter() - start)

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    return {
        "median_ms": statistics.median(full) * 1000,
        "p95_ms": p95(full) * 1000,
        "rules_median_ms": statistics.median(rules) * 1000,
        "rules_p95_ms": p95(rules) * 1000,
        "ratio_median_vs_rules": statistics.median(full) / statistics.median(rules),
    }


def throughput(texts: list[tuple[str, str]], total: int) -> dict[str, float]:
    """`attune classify --json -` on `total` listen messages, wall clock, process included."""
    lines = [json.dumps({"text": t}) for t, mode in texts if mode == "listen"]
    batch = "\n".join((lines * (total // len(lines) + 1))[:total]) + "\n"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "simulator", "classify", "--json", "-"],
        input=batch,
        capture_output=True,
        text=True,
        check=True,
    )
    took = time.perf_counter() - start
    assert len(done.stdout.splitlines()) == total
    return {"messages": total, "seconds": took, "messages_per_s": total / took}


def memory() -> int:
    """Bytes of resident memory a process adds when it loads both modes' learned layers."""
    out = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print the figures (and write them as JSON with --json-out)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--json-out", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    texts = messages()
    lat = latency(texts, args.runs)
    thr = throughput(texts, args.batch)
    mem = memory()
    rows = [
        (
            "classify median ms",
            f"{lat['median_ms']:.2f}",
            f"{lat['ratio_median_vs_rules']:.1f}x",
            "rules alone, same messages",
        ),
        ("classify p95 ms", f"{lat['p95_ms']:.2f}", "", "target at most 25 ms"),
        (
            "classify - msgs/s",
            f"{thr['messages_per_s']:,.0f}",
            "",
            f"{thr['messages']} messages, start-up included; target at least 500",
        ),
        ("learned layer memory", f"{mem / 2**20:.0f} MiB", "", "resident, both modes loaded"),
    ]
    print(f"== classifier ({len(texts)} blind chat-style messages, {args.runs} runs)")
    for name, value, ratio, note in rows:
        print(f"{name:<24}{value:>12}{ratio:>8}  {note}")
    if args.json_out:
        args.json_out.write_text(
            json.dumps({"latency": lat, "throughput": thr, "memory_bytes": mem}, indent=2) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()

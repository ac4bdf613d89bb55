"""The safety check's cost per message: rules alone, and rules with the learned signal.

Every learner message goes through the check before the engine sees it. The figure
that matters is what the check adds to a turn, as a ratio against the move
classifier measured in the same run (these machines are shared and noisy), plus
the memory the learned signal's model adds. Run with `make bench`.
"""

from __future__ import annotations

import json
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from simulator.classifier import classify
from simulator.safety import detect_by_rules, detect_distress
from simulator.safety.learned import learned_signal

SETS = Path(__file__).resolve().parent.parent / "tests" / "data" / "safety"


def corpus() -> list[str]:
    """The blind safety lines (dev and held-out): the register learners type in."""
    texts = []
    for path in sorted(SETS.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    return texts


def per_message_ms(check: Callable[[str], object], texts: list[str]) -> list[float]:
    """Wall milliseconds of one call per text (each text once: the learned check caches)."""
    times = []
    for text in texts:
        start = time.perf_counter()
        check(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def rss_mib() -> float:
    """Peak resident memory of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Print latency percentiles and ratios for the three checks, and the memory added."""
    texts = corpus()
    # Warm the classifier's patterns so the baseline is steady-state too.
    classify(texts[0])
    before = rss_mib()
    start = time.perf_counter()
    learned_signal()
    load_s = time.perf_counter() - start
    added = rss_mib() - before
    base = per_message_ms(classify, texts)
    rules = per_message_ms(detect_by_rules, texts)
    full = per_message_ms(detect_distress, [t + " " for t in texts])  # fresh cache keys

    def p95(xs: list[float]) -> float:
        return statistics.quantiles(xs, n=20)[-1]

    print(f"safety check over {len(texts)} blind learner lines (one call each)")
    print(f"  learned signal load: {load_s:.2f} s, peak RSS +{added:.0f} MiB")
    for name, xs in (("classifier (baseline)", base), ("rules", rules), ("rules + learned", full)):
        ratio = statistics.median(xs) / statistics.median(base)
        print(
            f"  {name:<22} median {statistics.median(xs):6.2f} ms  p95 {p95(xs):6.2f} ms"
            f"  ({ratio:.1f}x the classifier's median)"
        )


if __name__ == "__main__":
    main()

"""The guard's cost per reply: word rules alone, and with the learned stance signal.

Every model reply goes through the guard, sentence by sentence as it streams. The
figure that matters is what the learned stance signal adds, as a ratio against the
guard without it measured in the same run (these machines are shared and noisy), plus
the load time and memory of its model. Run with `make bench`.
"""

from __future__ import annotations

import json
import resource
import statistics
import time
from pathlib import Path

from simulator.guard import check_reply, tone
from simulator.guard.blind import load_blind
from simulator.guard.verdict import card_context, labelled_plan, zone_of
from simulator.personas import load_catalog, persona_dirs

SETS = Path(__file__).resolve().parent.parent / "tests" / "data" / "guard_blind"


def rss_mib() -> float:
    """Peak resident memory of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Print per-reply latency with and without the stance signal, and its load cost."""
    catalog = load_catalog(persona_dirs(environ={}, user=False))
    cases = []
    for path in sorted(SETS.glob("dev_*.jsonl"))[:4]:
        for item in load_blind(path):
            card = catalog.get(item.persona)
            place = item.zone or item.stage or "guarded"
            zone = zone_of(card, place)
            plan = labelled_plan(card.mode, place, zone, item.plan_stance or "stay_guarded")
            ctx = card_context(card, zone, item.learner, [item.prev] if item.prev else None, plan)
            cases.append((item.reply, ctx))
    # Warm the encoder and the card embeddings so both runs are steady-state.
    for reply, ctx in cases:
        check_reply(reply, ctx)
    before = rss_mib()
    start = time.perf_counter()
    tone.load_model.cache_clear()
    model = tone.load_model()
    load_s = time.perf_counter() - start
    added = rss_mib() - before

    def run() -> list[float]:
        times = []
        for reply, ctx in cases:
            start = time.perf_counter()
            check_reply(reply, ctx)
            times.append((time.perf_counter() - start) * 1000)
        return times

    with_signal = run()
    original = tone.load_model
    tone.load_model = lambda folder=tone.MODEL_DIR: None  # type: ignore[assignment]
    try:
        rules_only = run()
    finally:
        tone.load_model = original
    base = statistics.median(rules_only)
    print(f"guard over {len(cases)} blind replies (vectors cached after a warm-up pass)")
    print(f"  stance signal load: {load_s:.3f} s, RSS +{added:.0f} MiB, built {model is not None}")
    for name, xs in (("rules only (baseline)", rules_only), ("rules + stance signal", with_signal)):
        p95 = statistics.quantiles(xs, n=20)[-1]
        print(
            f"  {name:<24} median {statistics.median(xs):6.2f} ms  p95 {p95:6.2f} ms"
            f"  ({statistics.median(xs) / base:.2f}x the baseline median)"
        )
    print(
        json.dumps(
            {"guard_stance_signal_vs_rules_median": round(statistics.median(with_signal) / base, 3)}
        )
    )


if __name__ == "__main__":
    main()

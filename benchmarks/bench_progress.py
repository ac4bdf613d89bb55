"""`attune progress` over a few hundred saved sessions: one read of the store, then counting.

Each figure is a ratio against a baseline measured in the same run (the machines are
shared and noisy; absolute times are printed for context):
- against `sessions list` over the same store (one query, each session's setup and last
  turn read back): what any view of every session costs at least;
- against loading each session on its own (`SessionStore.load`, one read per session),
  the obvious way to build the view, which `history()` replaces with one read;
- the same progress over a third of the sessions, per session: near 1 means it grows
  linearly with the store.
Run with `make bench`.
"""

from __future__ import annotations

import argparse
import gc
import json
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from simulator.feedback.progress import build_progress, progress_lines
from simulator.personas import load_catalog, persona_dirs
from simulator.practice.conversation import PracticeSetup, session_meta
from simulator.store import SessionStore
from simulator.turns.session import Session, TurnRecord
from simulator.voices import ScriptedVoice

CLUMSY = ["Relax, it's not a big deal.", "I was busy, you know that.", "You're overreacting."]
ATTUNED = [
    "I can see why that would hurt.",
    "No wonder you were scared. I'm here.",
    "It sounds like the waiting was awful.",
    "That makes sense. What do you need right now?",
]


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """Fastest wall time of several runs (the least disturbed by other load)."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def fill(store: SessionStore, count: int, turns: int) -> None:
    """`count` sessions through the store's API, a day apart, clumsy ones turning attuned."""
    card = load_catalog(persona_dirs(environ={})).get("unanswered-text")
    setup = PracticeSetup(persona_id=card.id, model="scripted")
    played: dict[bool, tuple[Session, list[TurnRecord]]] = {}
    for attuned in (False, True):
        session = Session(card, ScriptedVoice(card, seed=0))
        texts = ATTUNED if attuned else CLUMSY
        played[attuned] = (session, [session.respond(texts[i % len(texts)]) for i in range(turns)])
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(count):
        session, records = played[i >= count // 2]
        session_id = store.create(session_meta(session, setup, start + timedelta(days=i)))
        for record in records:
            store.add_turn(session_id, record)
        store.rate(session_id, {"validate": "clearly", "reflect": "somewhat"})
        store.end(session_id)


def measure(store: SessionStore, runs: int) -> dict[str, float]:
    """Progress, and its two baselines, over one store."""

    def progress() -> None:
        history = store.history()
        progress_lines(build_progress(history.sessions))

    def listing() -> None:
        store.listing()

    def one_by_one() -> None:
        ids = [s.id for s in store.listing().sessions]
        build_progress([store.load(i) for i in ids])

    return {
        "sessions": float(len(store.listing().sessions)),
        "progress_s": best_of(runs, progress),
        "listing_s": best_of(runs, listing),
        "one_by_one_s": best_of(runs, one_by_one),
    }


def main() -> None:
    """Build two stores, time progress over each, print a table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--turns", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json-out", type=Path, default=None)
    args = parser.parse_args()
    # A memory-backed folder where there is one: filling the stores is not what is measured,
    # and on a busy disk each saved turn waits for its sync.
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as folder:
        small_store = SessionStore(Path(folder) / "small.db")
        large_store = SessionStore(Path(folder) / "large.db")
        fill(small_store, max(1, args.sessions // 3), args.turns)
        fill(large_store, args.sessions, args.turns)
        small = measure(small_store, args.runs)
        large = measure(large_store, args.runs)
    per_session = (large["progress_s"] / large["sessions"]) / (
        small["progress_s"] / small["sessions"]
    )
    results = {
        "small": small,
        "large": large,
        "ratio_vs_sessions_list": large["progress_s"] / large["listing_s"],
        "ratio_vs_loading_one_by_one": large["progress_s"] / large["one_by_one_s"],
        "time_per_session_ratio_large_vs_small": per_session,
    }
    n = int(large["sessions"])
    rows = [
        (f"progress, {n} sessions (ms)", f"{large['progress_s'] * 1e3:,.0f}", "", ""),
        ("per session (ms)", f"{large['progress_s'] / n * 1e3:.2f}", "", ""),
        ("vs sessions list", f"{large['listing_s'] * 1e3:,.0f}",
         f"{results['ratio_vs_sessions_list']:.1f}x", "one query, setup and last turn"),
        ("vs loading one by one", f"{large['one_by_one_s'] * 1e3:,.0f}",
         f"{results['ratio_vs_loading_one_by_one']:.2f}x", "store.load per session"),
        (f"per session, {n} vs {int(small['sessions'])}", "",
         f"{per_session:.2f}x", "near 1: linear in the store"),
    ]  # fmt: skip
    print(f"{'attune progress':<34}{'value':>10}  {'ratio':>8}  baseline")
    for name, value, ratio, baseline in rows:
        print(f"{name:<34}{value:>10}  {ratio:>8}  {baseline}")
    print(json.dumps(results, indent=2, default=lambda v: round(v, 3)))
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

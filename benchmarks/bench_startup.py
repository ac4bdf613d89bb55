"""Time to first frame: attune's picker against a bare Textual app and elia.

Each program is started in a pseudo-terminal (120x40) and timed from the spawn
until its first screen's text appears in what it draws. The figure that
matters is the ratio to the bare "hello world" Textual app started the same
way in the same run: the machines are shared and noisy, absolute times are not
comparable between runs. Each program first starts once unmeasured, as it has
on a learner's machine by its second start: Python has written its bytecode
(PYTHONDONTWRITEBYTECODE is dropped for the children) and attune its picker
cache. `attune` is what `make run` runs: the console script with no arguments,
drawn from the cache; `attune, cards changed` is the same start with the cache
removed before each run (the first start, or one after a card was edited), which
validates every card before its first frame. The target (issue 20) is attune at
most 1.3 times the bare app. elia (`elia-chat` from PyPI, a Textual chat app on
litellm) runs from its own venv, `benchmarks/.venv-elia`, made on first use,
with one warm-up run that creates its database. Run with `make bench`.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ELIA_VENV = ROOT / "benchmarks" / ".venv-elia"
ELIA_VERSION = "1.10.0"
TARGET = 1.3
"""attune's first frame, at most this many times the bare app's (issue 20)."""
_CSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")

HELLO = """
from textual.app import App, ComposeResult
from textual.widgets import Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello from a bare Textual app")


Hello().run()
"""


def first_frame(argv: list[str], marker: str, env: dict[str, str], timeout: float = 60) -> float:
    """Seconds from spawn until `marker` is on the pseudo-terminal's screen."""
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes the program
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    wanted = marker.encode()
    try:
        while True:
            left = timeout - (time.perf_counter() - started)
            if left <= 0:
                raise TimeoutError(f"{argv[0]}: {marker!r} not drawn within {timeout:g}s")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the program exited
                raise RuntimeError(f"{argv[0]} exited before drawing {marker!r}") from None
            seen += chunk
            if wanted in _CSI.sub(b"", seen):
                return time.perf_counter() - started
    finally:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(pid, sig)
                time.sleep(0.2)
            except ProcessLookupError:
                break
        os.waitpid(pid, 0)
        os.close(fd)


def ensure_elia() -> Path | None:
    """elia's executable, installing it into its own venv on first use (None if impossible)."""
    exe = ELIA_VENV / "bin" / "elia"
    if exe.exists():
        return exe
    try:
        subprocess.run([sys.executable, "-m", "venv", str(ELIA_VENV)], check=True)
        subprocess.run(
            [str(ELIA_VENV / "bin" / "pip"), "install", "-q", f"elia-chat=={ELIA_VERSION}"],
            check=True,
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"elia not measured: could not install elia-chat ({exc})", file=sys.stderr)
        return None
    return exe


@dataclass
class Program:
    """One program to start: its command, the text of its first screen, what to do first."""

    argv: list[str]
    marker: str
    before: Callable[[], None] = lambda: None
    """Run ahead of each measured start (attune's cache removed, for the slow start)."""


def measure(programs: dict[str, Program], env: dict[str, str], runs: int) -> dict[str, object]:
    """Median and best of `runs` starts of each program (a new process each), taken in turns
    so a change in the machine's load falls on all of them; one unmeasured start each first."""
    for program in programs.values():
        first_frame(program.argv, program.marker, env)
    times: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(runs):
        for name, program in programs.items():
            program.before()
            times[name].append(first_frame(program.argv, program.marker, env))
    return {name: {"median_s": statistics.median(t), "best_s": min(t)} for name, t in times.items()}


def attune_command(python: Path) -> list[str]:
    """The `attune` console script beside this Python (what `make run` runs), else the module."""
    script = python.parent / "attune"
    return [str(script)] if script.exists() else [str(python), "-m", "simulator"]


def main() -> None:
    """Time each program's first frame and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-elia", action="store_true", help="skip elia (no install)")
    parser.add_argument("--json-out", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "TERM": "xterm-256color",
            "COLUMNS": "120",
            "LINES": "40",
            "ATTUNE_HOME": str(home / "attune"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        hello = home / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        python = Path(sys.executable)
        attune, picker = attune_command(python), "Who do you want to practise with"
        cache = home / "attune" / "cache" / "picker.json"
        programs = {
            "hello": Program([str(python), str(hello)], "Hello from a bare"),
            "attune": Program(attune, picker),
            "attune, cards changed": Program(
                attune, picker, before=lambda: cache.unlink(missing_ok=True)
            ),
        }
        elia = None if args.no_elia else ensure_elia()
        if elia is not None:
            # Its unmeasured first start creates its database.
            programs["elia"] = Program([str(elia)], "Welcome")
        results = measure(programs, env, args.runs)
    base = results["hello"]["median_s"]  # type: ignore[index]
    print(f"{'first frame (pty 120x40)':<28}{'median':>10}{'best':>10}  ratio vs hello")
    for name, figures in results.items():
        assert isinstance(figures, dict)
        ratio = figures["median_s"] / base
        figures["ratio_vs_hello"] = ratio
        print(
            f"{name:<28}{figures['median_s'] * 1e3:>8.0f}ms{figures['best_s'] * 1e3:>8.0f}ms"
            f"  {ratio:.2f}x"
        )
    ratio = results["attune"]["ratio_vs_hello"]  # type: ignore[index]
    print(f"attune at most {TARGET:.2f}x the bare app: {'met' if ratio <= TARGET else 'NOT met'}")
    if "elia" in results:
        elia_s = results["elia"]["median_s"]  # type: ignore[index]
        results["attune_vs_elia"] = results["attune"]["median_s"] / elia_s  # type: ignore[index]
        print(f"attune / elia: {results['attune_vs_elia']:.2f}x")
    print(json.dumps(results, indent=2, default=lambda v: round(v, 4)))
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

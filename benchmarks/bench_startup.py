"""Time to first frame: attune's picker against a bare Textual app and elia.

Each program is started in a pseudo-terminal (120x40) and timed from the spawn
until its first screen's text appears in what it draws. The figure that
matters is the ratio to the bare "hello world" Textual app started the same
way in the same run: the machines are shared and noisy, absolute times are not
comparable between runs. elia (`elia-chat` from PyPI, a Textual chat app on
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ELIA_VENV = ROOT / "benchmarks" / ".venv-elia"
ELIA_VERSION = "1.10.0"
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


def measure(argv: list[str], marker: str, env: dict[str, str], runs: int) -> dict[str, float]:
    """Median and best of `runs` cold starts."""
    times = [first_frame(argv, marker, env) for _ in range(runs)]
    return {"median_s": statistics.median(times), "best_s": min(times)}


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
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": "120",
            "LINES": "40",
            "ATTUNE_HOME": str(home / "attune"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        hello = home / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        python = str(Path(sys.executable))
        results: dict[str, object] = {}
        results["hello"] = measure([python, str(hello)], "Hello from a bare", env, args.runs)
        attune = [python, "-m", "simulator", "practice"]
        results["attune"] = measure(attune, "Who do you want to practise with", env, args.runs)
        elia = None if args.no_elia else ensure_elia()
        if elia is not None:
            first_frame([str(elia)], "Welcome", env)  # warm-up: creates its database
            results["elia"] = measure([str(elia)], "Welcome", env, args.runs)
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
    if "elia" in results:
        elia_s = results["elia"]["median_s"]  # type: ignore[index]
        results["attune_vs_elia"] = results["attune"]["median_s"] / elia_s  # type: ignore[index]
        print(f"attune / elia: {results['attune_vs_elia']:.2f}x")
    print(json.dumps(results, indent=2, default=lambda v: round(v, 4)))
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

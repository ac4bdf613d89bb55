"""The `attune` command as a whole: help, version, errors, and the real executable."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO, RunCli


def test_bare_attune_prints_help(attune: RunCli) -> None:
    result = attune()
    assert result.code == 0
    for command in ("personas", "classify", "replay", "moves"):
        assert command in result.out


def test_version(attune: RunCli) -> None:
    from simulator import __version__

    assert attune("--version").out.strip() == f"attune, version {__version__}"


def test_usage_errors_are_one_line_exit_2(attune: RunCli) -> None:
    for args in (("nonsense",), ("replay",), ("classify", "--bogus", "x"), ("personas", "show")):
        result = attune(*args)
        assert result.code == 2, args
        assert result.err.startswith("attune: error: "), result.err
        assert result.err.count("\n") == 1, result.err


def test_moves_lists_the_taxonomy(attune: RunCli) -> None:
    rows = json.loads(attune("moves", "--json").out)
    assert len(rows) == 17  # listen mode's moves (the command lists one mode)
    assert {r["polarity"] for r in rows} == {"attuned", "misattuned"}
    assert "validate" in attune("moves").out


def test_the_installed_entry_point_runs_without_a_traceback() -> None:
    # A real process: exit codes and stderr as a user sees them.
    attune = [sys.executable, "-m", "simulator"]
    ok = subprocess.run(
        [*attune, "classify", "--json", "I'm here"], capture_output=True, text=True, cwd=REPO
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["moves"] == ["support"]
    bad = subprocess.run([*attune, "personas", "show", "ghost"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.startswith("attune: error: unknown persona 'ghost'")
    assert "Traceback" not in bad.stderr


def test_output_to_a_closed_pipe_is_quiet() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m simulator moves | head -1",
        shell=True, capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr

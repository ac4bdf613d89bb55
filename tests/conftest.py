"""Shared fixtures: isolated environment, the shipped catalog, a CLI runner."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from simulator.cli.main import run_cli
from simulator.domain.zones import Zone
from simulator.modes import get_mode
from simulator.personas import Catalog, PersonaCard, load_catalog, persona_dirs
from unprivileged import LockedHome, drop_privileges, first_that_runs, locked_home

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# Reports that tests publish for the end-of-run summary (e.g. classifier scores).
REPORTS: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's own personas or data folders."""
    monkeypatch.delenv("ATTUNE_PERSONAS", raising=False)
    monkeypatch.delenv("ATTUNE_CONFIG", raising=False)
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path / "attune-home"))
    # Commands default to the embedded model; tests that want it ask for it by name.
    monkeypatch.setenv("ATTUNE_MODEL", "scripted")


def authored_lines(card: PersonaCard) -> set[str]:
    """Every reply the authored voice can give: zone, softer and reaction lines, and a
    reaction followed by a softer line (how it lets the softer feeling out)."""
    return set().union(*(zone_replies(card, zone) for zone in Zone))


def zone_replies(card: PersonaCard, zone: Zone | str) -> set[str]:
    """The replies the authored voice can give in one zone (stage)."""
    planning = get_mode(card.mode).planning
    assert planning is not None
    heat = planning.heat[Zone(zone)]
    reactions = [line for family in card.reactions for line in card.reaction_lines(family, heat)]
    softer = card.underneath.lines
    return {
        *card.lines.for_zone(zone),
        *softer,
        *reactions,
        *(f"{line} {soft}" for line in reactions for soft in softer),
    }


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped personas."""
    return load_catalog(persona_dirs(environ={}, user=False))


@pytest.fixture(scope="session")
def card(catalog: Catalog) -> PersonaCard:
    """The documents' own example persona."""
    return catalog.get("unanswered-text")


@dataclass
class CliResult:
    """Exit code and captured output of one `attune` invocation."""

    code: int
    out: str
    err: str


RunCli = Callable[..., CliResult]


@pytest.fixture
def attune(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run the CLI in-process: `attune("personas", "list")` returns a CliResult."""

    def run(*args: str) -> CliResult:
        code = run_cli(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def unprivileged_home() -> Iterator[LockedHome]:
    """A home the CLI cannot write, and a way to run it there as an unprivileged user."""
    prefixes = drop_privileges()
    if prefixes is None:
        pytest.skip("needs POSIX and, as root, setpriv or runuser to drop privileges")
    prefix, reasons = first_that_runs(prefixes)
    if prefix is None:
        pytest.fail(
            f"attune cannot run without privileges ({'; '.join(reasons)}): "
            f"make {REPO} and {sys.prefix} readable by all (chmod -R o+rX)"
        )
    with locked_home(prefix) as home:
        yield home


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the reports tests published (classifier precision/recall per move)."""
    for title, body in REPORTS.items():
        terminalreporter.section(title)
        terminalreporter.write_line(body)

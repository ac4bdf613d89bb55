"""Run attune as an unprivileged user, so permission tests hold when the suite runs as root.

Root ignores file modes, and the suite runs as root on the developers' machines and in
CI; these helpers drop to `nobody` (setpriv or runuser) for the one subprocess, or, when
`nobody` cannot run this checkout's Python, to root without its capabilities.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOBODY = 65534
USER_DIRS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
AS_NOBODY = {
    "setpriv": ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"],
    "runuser": ["runuser", "-u", "nobody", "--"],
}
# Root without capabilities is held to file modes like any owner. The fallback when
# `nobody` cannot reach this venv's interpreter (e.g. a Python installed under /root).
AS_ROOT_WITHOUT_CAPABILITIES = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"]


def drop_privileges() -> list[list[str]] | None:
    """Command prefixes that run a program held to file modes, best first; None: no way."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        return [[]]
    found = [prefix for tool, prefix in AS_NOBODY.items() if shutil.which(tool)]
    if shutil.which("setpriv"):
        found.append(AS_ROOT_WITHOUT_CAPABILITIES)
    return found or None


@dataclass(frozen=True)
class LockedHome:
    """A home folder (and XDG folders) that the unprivileged user can read but not write."""

    root: Path
    prefix: tuple[str, ...]

    @property
    def attune_home(self) -> Path:
        """`$ATTUNE_HOME`: it exists, read-only."""
        return self.root / "attune"

    def environ(self) -> dict[str, str]:
        """A minimal environment with every user folder inside the locked root."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": str(self.root),
            "ATTUNE_HOME": str(self.attune_home),
            "ATTUNE_MODEL": "scripted",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        env.update({name: str(self.root / name.lower()) for name in USER_DIRS})
        return env

    def python(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run this venv's Python as the unprivileged user, in the locked home."""
        return subprocess.run(
            [*self.prefix, sys.executable, *args],
            capture_output=True,
            text=True,
            env=self.environ(),
            cwd=self.root,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )

    def attune(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the `attune` CLI as the unprivileged user."""
        return self.python("-m", "simulator.cli.main", *args)


@functools.cache
def cannot_run_attune(prefix: tuple[str, ...]) -> str | None:
    """Why this repository's attune cannot run under `prefix`, or None when it can."""
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import simulator.cli.main; print(simulator.__file__)"],
        capture_output=True,
        text=True,
        cwd="/",
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    if probe.returncode == 0 and Path(probe.stdout.strip()).is_relative_to(REPO):
        return None
    last = (probe.stderr.strip().splitlines() or [probe.stdout.strip()])[-1]
    return f"{' '.join(prefix)}: {last}"


def first_that_runs(prefixes: list[list[str]]) -> tuple[list[str] | None, list[str]]:
    """The first prefix under which attune runs, and why each one before it did not."""
    reasons: list[str] = []
    for prefix in prefixes:
        reason = cannot_run_attune(tuple(prefix))
        if reason is None:
            return prefix, reasons
        reasons.append(reason)
    return None, reasons


@contextmanager
def locked_home(prefix: list[str]) -> Iterator[LockedHome]:
    """A fresh locked home, removed afterwards."""
    # Outside pytest's tmp_path, which is private to root; the user may look in but not write.
    base = Path(tempfile.mkdtemp(prefix="attune-locked-"))
    home = LockedHome(base / "home", tuple(prefix))
    folders = [home.attune_home, *(home.root / name.lower() for name in USER_DIRS), home.root]
    try:
        base.chmod(0o755)
        for folder in reversed(folders):
            folder.mkdir()
        for folder in folders:
            folder.chmod(0o555)
        yield home
    finally:
        for folder in reversed(folders):
            if folder.exists():
                folder.chmod(0o755)
        shutil.rmtree(base)

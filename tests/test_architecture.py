"""The core never depends on the TUI or on heavy model libraries at import time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import REPO

CORE = REPO / "simulator"


def _core_files() -> list[Path]:
    return [p for p in CORE.rglob("*.py") if "tui" not in p.relative_to(CORE).parts]


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_core_module_imports_textual() -> None:
    offenders = [str(p) for p in _core_files() if "textual" in _imported_roots(p)]
    assert len(_core_files()) > 10
    assert offenders == []


def test_importing_every_core_module_loads_neither_textual_nor_litellm() -> None:
    modules = sorted(
        ".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        for p in _core_files()
        if p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'litellm'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "simulator.cli.main" in modules
    assert done.stdout.strip() == ""

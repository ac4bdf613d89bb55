"""The core never depends on the TUI or on heavy model libraries at import time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import REPO

CORE = REPO / "simulator"
# The litellm provider class must subclass litellm's CustomLLM, so it imports
# litellm; only the lazy loader imports it, after litellm itself.
LITELLM_BOUND = {"local_provider.py"}


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
        if p.name != "__main__.py" and p.name not in LITELLM_BOUND
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


def test_litellm_is_imported_only_by_the_model_layer_and_lazily() -> None:
    top_level = {
        str(p.relative_to(CORE))
        for p in _core_files()
        if "litellm" in {n.split(".")[0] for n in _top_level_imports(p)}
    }
    assert top_level == {"llm/local_provider.py"}
    importers = {
        str(p.relative_to(CORE))
        for p in _core_files()
        if "simulator.llm.local_provider" in _imported_modules(p)
    }
    assert importers == {"llm/litellm_loader.py"}


def _top_level_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def test_the_tui_uses_only_public_names_of_the_core() -> None:
    """`simulator/tui/` imports no underscore name from the core, and the core never imports it."""
    tui = CORE / "tui"
    private = []
    for path in tui.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("simulator."):
                if node.module and node.module.startswith("simulator.tui"):
                    continue
                private += [f"{path.name}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert private == []
    core_importing_tui = [str(p) for p in _core_files() if "simulator.tui" in p.read_text()]
    # The two commands that open the practice screen (in this terminal, or in a browser),
    # and the executable, whose bare `attune` opens the picker from its cache before click.
    front_ends = [
        str(CORE / "cli" / "main.py"),
        str(CORE / "cli" / "practice_cmd.py"),
        str(CORE / "cli" / "serve_cmd.py"),
    ]
    assert sorted(core_importing_tui) == front_ends, (
        "only `attune`, `attune practice` and `attune serve` may open the TUI"
    )


def test_the_cli_imports_a_subcommand_only_when_it_runs() -> None:
    # The bare `attune` opens the TUI; it must not pay for eval, classify, replay and the rest.
    code = (
        "import sys\n"
        "from simulator.cli.commands import SUBCOMMANDS, cli\n"
        "mods = sorted({v.split(':')[0] for v in SUBCOMMANDS.values()})\n"
        "print(','.join(m for m in mods if m in sys.modules))\n"
        "import click\n"
        "cli.get_command(click.Context(cli), 'eval')\n"
        "print('simulator.cli.eval_cmd' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded_at_start, eval_loaded = done.stdout.splitlines()
    assert loaded_at_start == ""
    assert eval_loaded == "True"


def test_every_lazy_subcommand_resolves_to_the_command_of_that_name() -> None:
    import click

    from simulator.cli.commands import SUBCOMMANDS, cli

    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == list(SUBCOMMANDS)
    for name in SUBCOMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name

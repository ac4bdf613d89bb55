"""A non-editable install carries the data folders and works away from the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO


@pytest.mark.slow
def test_wheel_install_finds_its_personas_outside_the_checkout(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(REPO)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(wheels.glob("attune-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (REPO / "personas").glob("*.yaml")}
    assert {f"simulator/_data/personas/{n}" for n in shipped} <= names
    assert "simulator/_data/prompts/README.md" in names
    assert "simulator/_data/evals/README.md" in names

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("ATTUNE_PERSONAS", None)
    where = subprocess.run(
        [sys.executable, "-c", "import simulator; print(simulator.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(site)
    listed = subprocess.run(
        [sys.executable, "-m", "simulator", "personas", "list", "--json"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = json.loads(listed.stdout)
    assert {r["id"] for r in rows} == {n.removesuffix(".yaml") for n in shipped}
    assert all(Path(r["source"]).is_relative_to(site) and r["shipped"] for r in rows)

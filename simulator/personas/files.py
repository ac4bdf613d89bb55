"""Where persona cards are found: the folders, lowest precedence first, and the files in each.

Only paths and the file system, no card schema, so the picker's cached index can check
the folders without loading a card.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from simulator.support import fs
from simulator.support.paths import data_dir, user_personas_dir

ENV_VAR = "ATTUNE_PERSONAS"


def persona_dirs(
    extra: Iterable[Path] = (), environ: Mapping[str, str] | None = None, *, user: bool = True
) -> list[Path]:
    """Folders to load, lowest precedence first: shipped, the learner's own (if it exists and
    `user`), then $ATTUNE_PERSONAS, then --personas."""
    env = os.environ if environ is None else environ
    dirs = [data_dir("personas")]
    mine = user_personas_dir(env)
    if user and fs.is_folder(mine):
        dirs.append(mine)
    dirs += [Path(p) for p in env.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    dirs += list(extra)
    return dirs


def card_files(folder: Path) -> list[Path]:
    """The card files in a folder, sorted by name.

    Anything named like a card but not a folder is listed, so a pipe or a link to a device
    there is reported (and skipped) by the loader instead of silently left out.
    """
    return [p for p in fs.entries(folder) if p.suffix in (".yaml", ".yml") and not fs.is_folder(p)]

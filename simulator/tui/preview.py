"""The picker before the core is loaded: a cached persona index, stamped with its files.

A bare `attune` draws its first frame from what the picker shows (each card's name, mode,
style and scenario, the model's name, where sessions are kept). That comes from a small
cache in the user's attune folder, stamped with every card file and the config file; it
answers only while each of them, and the folders' listings, are exactly as they were.
Otherwise `attune` starts as before: settings and every card validated before the first
frame (a bad card is reported the same way), and the cache written again. On a hit the
settings, the validated cards and the store load after the first frame, off the UI thread.

Importing this module costs the first frame nothing: no pydantic, no card schema, no store.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from simulator import __version__
from simulator.personas.files import card_files, persona_dirs
from simulator.personas.index import PersonaIndex, from_json, index_of, to_json
from simulator.support import paths, stamped
from simulator.support.errors import AttuneError

if TYPE_CHECKING:
    from simulator.tui.context import AppContext

CACHE_FILE = "picker.json"


@dataclass(frozen=True)
class PickerCache:
    """The bare `attune`'s cache here: its file, and everything its answer depends on."""

    path: Path
    key: Mapping[str, object]
    """The attune version, the card folders, the config file's path and $ATTUNE_MODEL."""
    files: tuple[Path, ...]
    """Every card file in those folders, then the config file (stamped as absent if so)."""

    def read(self) -> Preview | None:
        """The picker's first frame, if every stamped file is unchanged; else None."""
        value = stamped.read_cached(self.path, self.key, self.files)
        if not isinstance(value, dict) or not isinstance(value.get("model"), str):
            return None
        index = from_json(value.get("index"))
        if index is None:
            return None
        where = paths.home_label(paths.sessions_path())
        return Preview(personas=index, model=value["model"], home_label=where, load=load_context)

    def stamp(self) -> list[tuple[str, stamped.Stamp]]:
        """The files' stamps, taken before they are read (raises OSError if one cannot be)."""
        return stamped.take_stamps(self.files)

    def write(self, stamps: list[tuple[str, stamped.Stamp]], context: AppContext) -> bool:
        """Remember what the picker shows of a context loaded from the stamped files."""
        value = {"index": to_json(index_of(context.catalog)), "model": context.settings.model.name}
        return stamped.write_cached(self.path, self.key, stamps, value)

    def forget(self) -> None:
        """Drop the cache (its answer turned out wrong): the next start takes the slow path."""
        stamped.forget(self.path)


def picker_cache(environ: Mapping[str, str] | None = None) -> PickerCache:
    """The cache for a bare `attune` with this environment.

    Lists the card folders, so it raises AttuneError when one is missing or unreadable:
    the slow path then reports it as before.
    """
    env = os.environ if environ is None else environ
    dirs = persona_dirs(environ=env)
    config = paths.config_path(env)
    key = {
        "attune": __version__,
        "dirs": [str(d) for d in dirs],
        "user_dir": str(paths.user_personas_dir(env)),
        "config": str(config),
        "model_env": env.get("ATTUNE_MODEL", ""),
    }
    files = (*(p for folder in dirs for p in card_files(folder)), config)
    return PickerCache(paths.cache_dir(env) / CACHE_FILE, key, files)


@dataclass(frozen=True)
class Preview:
    """What the picker's first frame shows, and how to load the rest after it."""

    personas: PersonaIndex
    model: str
    """The model's name from the settings (shown on the status line)."""
    home_label: str
    """Where sessions are kept, as shown to the learner."""
    load: Callable[[], AppContext]
    """Settings, every card (validated) and the store; raises AttuneError as the slow path
    would (a card or the config that changed under the cache)."""


def load_context(
    model: str | None = None, persona_folders: tuple[Path, ...] = (), *, guest: bool = False
) -> AppContext:
    """`build_context`, remembered in the picker's cache when it is a bare `attune`'s context.

    The files are stamped before they are read, so one that changes meanwhile never
    matches the cache afterwards. A guest's or a --personas context is never cached: the
    bare `attune` shows neither.
    """
    from simulator.tui.context import build_context

    cache: PickerCache | None = None
    stamps: list[tuple[str, stamped.Stamp]] = []
    if not persona_folders and not guest:
        try:
            cache = picker_cache()
            stamps = cache.stamp()
        except (OSError, AttuneError):
            cache = None  # build_context reports the folder's problem, if it is one
    try:
        context = build_context(model, persona_folders, guest=guest)
    except AttuneError:
        if cache is not None:
            cache.forget()
        raise
    if cache is not None:
        cache.write(stamps, context)
    return context

"""Where attune keeps things: shipped data folders, the user's home, the config file."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

# This module lives in simulator/support/; the package root is one level up.
_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """The shipped `personas`, `prompts` or `evals` folder.

    A wheel carries them under `simulator/_data/`; a source checkout (and an
    editable install) keeps them at the repository root.
    """
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def home_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The user's attune folder (sessions, config): `$ATTUNE_HOME` or the platform data dir."""
    env = os.environ if environ is None else environ
    if env.get("ATTUNE_HOME"):
        return Path(env["ATTUNE_HOME"]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("attune", appauthor=False)


def home_label(path: Path) -> str:
    """A path as the learner reads it: `~/...` when it is under their home folder."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except (ValueError, RuntimeError):
        return str(path)


def sessions_path(environ: Mapping[str, str] | None = None) -> Path:
    """The saved sessions' database: `sessions.db` in the user's attune folder."""
    return home_dir(environ) / "sessions.db"


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """What attune can rebuild at any time (the picker's persona index): `cache` in home."""
    return home_dir(environ) / "cache"


def user_personas_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The learner's own persona cards (made with `attune personas new`): `personas` in home."""
    return home_dir(environ) / "personas"


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The config file: `$ATTUNE_CONFIG`, else `config.toml` in `$ATTUNE_HOME` or the config dir."""
    env = os.environ if environ is None else environ
    if env.get("ATTUNE_CONFIG"):
        return Path(env["ATTUNE_CONFIG"]).expanduser()
    if env.get("ATTUNE_HOME"):
        return home_dir(env) / "config.toml"
    from platformdirs import user_config_path

    return user_config_path("attune", appauthor=False) / "config.toml"


def models_dir(environ: Mapping[str, str] | None = None) -> Path:
    """GGUF files fetched by `attune models pull`: `models` in the user's attune folder."""
    return home_dir(environ) / "models"

"""Change a few values in the config file, keeping the learner's comments and layout."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import tomlkit
from pydantic import ValidationError
from tomlkit.exceptions import TOMLKitError

from simulator.settings.config import Settings
from simulator.support import fs
from simulator.support.errors import AttuneError, ConfigError
from simulator.support.problems import one_line, problems
from simulator.support.safe_parse import parse_toml
from simulator.support.safe_read import read_text

Value = str | int | float | bool | None


def set_values(path: Path, updates: Mapping[str, Mapping[str, Value]]) -> None:
    """Set `[section] key = value` for each update (None removes the key), atomically.

    The result is checked against the settings schema before anything is written, so a
    config that loaded before still loads after.
    """
    try:
        text = read_text(path) if fs.taken(path) else ""
        parse_toml(path, text)  # the same limits and messages as loading it
        doc = tomlkit.parse(text)
    except AttuneError as exc:
        raise ConfigError(str(exc)) from None
    except TOMLKitError as exc:
        raise ConfigError(f"{path}: not valid TOML ({one_line(exc)})") from None
    for section, values in updates.items():
        table = doc.get(section)
        if table is None:
            table = tomlkit.table()
            doc[section] = table
        if not isinstance(table, Mapping):
            raise ConfigError(f"{path}: '{section}' is not a table")
        for key, value in values.items():
            if value is None:
                table.pop(key, None)  # type: ignore[attr-defined]
            else:
                table[key] = value  # type: ignore[index]
    new_text = tomlkit.dumps(doc)
    try:
        Settings.model_validate(parse_toml(path, new_text))
    except ValidationError as exc:
        raise ConfigError(f"{path}: " + "; ".join(problems(exc))) from None
    _write_atomically(path, new_text)


def _write_atomically(path: Path, text: str) -> None:
    fs.private_folder(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise fs.os_problem(path, exc, "cannot write") from None
    fs.sync_folder(path.parent)

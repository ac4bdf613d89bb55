"""Where the shipped data folders live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped `personas`, `prompts` or `evals` folder.

    A wheel carries them under `simulator/_data/`; a source checkout (and an
    editable install) keeps them at the repository root.
    """
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name

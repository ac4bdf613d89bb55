"""A mode's names for the state, added beside the engine's in replay and export documents."""

from __future__ import annotations

from typing import Any

from simulator.modes.base import StateWords


def _name_state(part: dict[str, Any], words: StateWords) -> None:
    part["stage"] = words.stage(str(part["zone"]))
    tension, closeness = words.state_keys
    if tension != "arousal":
        part[tension] = part["arousal"]
    if closeness != "connection":
        part[closeness] = part["connection"]


def add_stages(data: dict[str, Any], words: StateWords) -> None:
    """The mode's names for the state, beside the engine's, when they differ from them.

    `start` and every turn (and taken-back try) get `stage` and the mode's two
    number keys (ask mode: `defensiveness`, `turning_toward`) next to `zone`,
    `arousal` and `connection`.
    """
    if not words.renames_state:
        return
    parts = [data["start"]] if isinstance(data.get("start"), dict) else []
    for key in ("turns", "rewound"):
        parts += [t for t in data.get(key, []) if isinstance(t, dict)]
    for part in parts:
        _name_state(part, words)

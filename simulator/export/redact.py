"""Take names out of a saved session before it leaves the machine."""

from __future__ import annotations

import re
from collections.abc import Iterable

from simulator.store.records import SavedSession

PARTNER = "Partner"
OTHER = "[name]"


def _replace_all(value: object, pattern: re.Pattern[str], names: dict[str, str]) -> object:
    if isinstance(value, str):
        return pattern.sub(lambda m: names[m.group(0).casefold()], value)
    if isinstance(value, list):
        return [_replace_all(v, pattern, names) for v in value]
    if isinstance(value, dict):
        return {k: _replace_all(v, pattern, names) for k, v in value.items()}
    return value


def redact(saved: SavedSession, others: Iterable[str] = ()) -> SavedSession:
    """The session with the partner's name as 'Partner' and each other name as '[name]'.

    Every text field is covered (transcript, quotes, reasons, set-up), so no
    renderer can leak a name it happens to show.
    """
    names = {n.strip().casefold(): OTHER for n in others if n.strip()}
    names[saved.meta.persona_name.strip().casefold()] = PARTNER
    # Longest first, so "Mary Ann" goes before "Mary".
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(n) for n in alternatives) + r")(?!\w)", re.IGNORECASE
    )
    data = _replace_all(saved.model_dump(mode="json"), pattern, names)
    return SavedSession.model_validate(data)

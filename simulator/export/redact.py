"""Take names out of a saved session before it leaves the machine."""

from __future__ import annotations

import re
from collections.abc import Iterable

from simulator.store.records import SavedSession

PARTNER = "Partner"
OTHER = "[name]"

# Fields that hold ids, labels, times and move names rather than anything anyone said:
# a name such as "Flooded", "12" or "Validate" must not rewrite a zone, a timestamp or
# a move into something the session no longer reads back as.
_LABELS = frozenset(
    {
        "id",
        "persona_id",
        "model",
        "intensity",
        "mode",
        "feedback",
        "practice_mode",
        "softer_emotion",
        "start_zone",
        "zone",
        "started_at",
        "ended_at",
        "created_at",
        "saved_at",
        "move",
        "moves",
        "kind",
        "result",
        "safety",
        "safety_kind",
        "self_ratings",
    }
)


def _replace_all(
    value: object, pattern: re.Pattern[str], folded: list[str], names: list[str]
) -> object:
    if isinstance(value, str):

        def swap(match: re.Match[str]) -> str:
            # Each name is its own group; IGNORECASE also lets a dotless i match 'I', so a
            # match counts only when it case-folds to the name itself.
            i = int(str(match.lastgroup)[1:])
            return names[i] if match.group(0).casefold() == folded[i] else match.group(0)

        return pattern.sub(swap, value)
    if isinstance(value, list):
        return [_replace_all(v, pattern, folded, names) for v in value]
    if isinstance(value, dict):
        return {
            k: v if k in _LABELS else _replace_all(v, pattern, folded, names)
            for k, v in value.items()
        }
    return value


def redact(saved: SavedSession, others: Iterable[str] = ()) -> SavedSession:
    """The session with the partner's name as 'Partner' and each other name as '[name]'.

    Every text field is covered (transcript, quotes, reasons, set-up, notes), so no
    renderer can leak a name it happens to show; ids, labels and times are left as they are.
    """
    names = {n.strip().casefold(): OTHER for n in others if n.strip()}
    partner = saved.meta.persona_name.strip().casefold()
    if partner:
        names[partner] = PARTNER
    if not names:
        return saved
    # Longest first, so "Mary Ann" goes before "Mary".
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(f"(?P<n{i}>{re.escape(n)})" for i, n in enumerate(alternatives))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    replacements = [names[n] for n in alternatives]
    data = _replace_all(saved.model_dump(mode="json"), pattern, alternatives, replacements)
    return SavedSession.model_validate(data)

"""How a turn that stepped out of the scene is labelled wherever a conversation is shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

SafetyMark = Literal["pause", "check_in"]
"""A recorded turn's safety step: `pause` (clear sign) or `check_in` (uncertain sign)."""

PAUSED_BY = "attune (practice paused)"
CHECKED_IN_BY = "attune (checking in)"


def not_scored(mark: SafetyMark) -> str:
    """What stands where the turn's moves would be: why it was not scored."""
    if mark == "check_in":
        return "attune checked in (not scored)"
    return "paused for your safety (not scored)"


def answered_by(mark: SafetyMark) -> str:
    """Who answered the turn instead of the partner: attune itself, and how."""
    return CHECKED_IN_BY if mark == "check_in" else PAUSED_BY


def _turns(indexes: Sequence[int]) -> str:
    words = [str(i) for i in indexes]
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    return f"turn{'s' if len(words) > 1 else ''} {listed}"


def stepped_out_summary(paused: Sequence[int], checked_in: Sequence[int]) -> str:
    """One or two sentences on where attune stepped out of the scene ('' if it never did)."""
    parts = []
    if paused:
        parts.append(f"The practice paused for your safety on {_turns(paused)} (not scored).")
    if checked_in:
        parts.append(
            f"attune checked in on {_turns(checked_in)} to ask if you were okay (not scored)."
        )
    return " ".join(parts)

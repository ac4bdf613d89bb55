"""What a learner message must be before it becomes a turn."""

from __future__ import annotations

from simulator.support.errors import MessageError
from simulator.support.limits import MAX_MESSAGE_CHARS as MAX_MESSAGE_CHARS
from simulator.support.textsafe import without_controls


def clean_message(text: str) -> str:
    """The message without control characters and outer whitespace; MessageError if unusable."""
    # Control characters (escape sequences included) carry nothing a partner could
    # hear, and must never reach a terminal raw.
    cleaned = without_controls(text).strip()
    if not cleaned:
        raise MessageError("the message is empty: say something to your partner")
    if len(cleaned) > MAX_MESSAGE_CHARS:
        raise MessageError(
            f"the message is {len(cleaned):,} characters; the most one turn takes is "
            f"{MAX_MESSAGE_CHARS:,}"
        )
    return cleaned

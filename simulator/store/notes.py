"""What a note on a saved session may say: one to 2,000 characters, no control characters."""

from __future__ import annotations

from simulator.support.errors import AttuneError
from simulator.support.limits import MAX_NOTE_CHARS
from simulator.support.textsafe import without_controls

__all__ = ["MAX_NOTE_CHARS", "NoteError", "clean_note"]


class NoteError(AttuneError):
    """A note that cannot be saved or found: empty, too long, or a turn out of range."""


def clean_note(text: str) -> str:
    """The note as it will be stored: control characters removed, ends trimmed."""
    cleaned = without_controls(text).strip()
    if not cleaned:
        raise NoteError("the note is empty: write what you noticed")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise NoteError(
            f"the note is {len(cleaned)} characters, more than the {MAX_NOTE_CHARS} allowed"
        )
    return cleaned

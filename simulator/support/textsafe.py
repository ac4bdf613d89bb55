"""Make untrusted text safe to print to a terminal or embed in JSON."""

from __future__ import annotations

import json
import re

# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f, which
# include the single-byte CSI some terminals honour).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A terminal escape sequence (CSI or OSC): its printable tail ("[31m") is not words either.
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")


def scrub(text: str) -> str:
    """The text with surrogate pairs joined and lone surrogates replaced by U+FFFD.

    YAML and JSON let a file spell an emoji as two escaped UTF-16 halves
    ("\\ud83d\\ude2d"); Python then holds two lone surrogates, which no encoder
    will write. Joining valid pairs keeps the emoji; a lone half cannot be written
    anywhere, so it becomes the replacement character instead of a crash later.
    """
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def without_controls(text: str) -> str:
    """The text with control characters removed and surrogates scrubbed."""
    return _CONTROL.sub("", scrub(text))


def controls_as_spaces(text: str) -> str:
    """Escape sequences, control characters and surrogates as spaces: same length, same offsets."""
    blanked = _ESCAPE.sub(lambda m: " " * len(m.group()), text)
    return _SURROGATE.sub(" ", _CONTROL.sub(" ", blanked))


def printable(text: str) -> str:
    """Replace control characters (escape sequences included) with visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", scrub(text))


def dumps(value: object, indent: int | None = None) -> str:
    """JSON (one line unless `indent`), readable non-ASCII, every control character escaped."""
    # With ensure_ascii off, json passes lone surrogates through, and no encoder writes them.
    raw = scrub(json.dumps(value, ensure_ascii=False, indent=indent))
    # json escapes C0 itself; C1 and DEL pass through unless we escape them.
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", raw)

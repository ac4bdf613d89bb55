"""Harmless clean-ups applied before checking: a model's formatting habits, not its content."""

from __future__ import annotations

import re

_QUOTES = {'"': '"', "“": "”", "'": "'"}
# *sighs*, (crosses arms), [pause]: stage directions the prompt asks the model to leave out.
_STAGE = re.compile(r"\*[^*\n]{1,80}\*|\([^()\n]{1,60}\)|\[[^\[\]\n]{1,60}\]")
_SPACES = re.compile(r"[ \t]+")


def asides(text: str) -> list[str]:
    """The stage directions `tidy` would remove (checked separately: they may leak)."""
    return [m.group(0) for m in _STAGE.finditer(text)]


def _label(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:\*\*)?{re.escape(name)}(?:\*\*)?\s*:\s*(?:\*\*)?\s*", re.IGNORECASE)


def tidy(text: str, name: str) -> str:
    """Strip the persona's own name label, wrapping quotes and stage directions."""
    out = text.replace("\r\n", "\n").replace("\u2019", "'").strip()
    out = _label(name).sub("", out, count=1)
    out = _STAGE.sub("", out)
    out = _SPACES.sub(" ", out)
    out = "\n".join(line.strip() for line in out.split("\n")).strip()
    if len(out) >= 2 and out[0] in _QUOTES and out[-1] == _QUOTES[out[0]]:
        opener, closer = out[0], out[-1]
        wraps_once = (
            out.count(opener) == 2
            if opener == closer
            else out.count(opener) == out.count(closer) == 1
        )
        if wraps_once:
            out = out[1:-1].strip()
    return out

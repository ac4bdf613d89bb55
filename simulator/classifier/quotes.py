"""Words the learner quotes: a misstep inside quotation marks is reported, not made.

"i cut across u and went 'thats not even how it went, just let me tell it'" owns a
misstep by quoting it. A stretch of three words or more between matching quotation
marks is read as quoted speech; a misstep tag that lies wholly inside one is dropped.
Shorter quotes are usually emphasis ('i didnt "promise" promise') and stay in.
"""

from __future__ import annotations

import re

# An opening mark not glued to a letter before it (so "it's" is no quote), and a closing
# one not glued to a letter after it.
_QUOTED = re.compile(r"""(?<![A-Za-z0-9])(["'])([^"'\n]{3,300}?)\1(?![A-Za-z0-9])""")
MIN_QUOTED_WORDS = 3


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the quoted passages of three words or more."""
    return [
        (m.start(2), m.end(2))
        for m in _QUOTED.finditer(text)
        if len(m.group(2).split()) >= MIN_QUOTED_WORDS
    ]


def inside_a_quote(start: int, end: int, stretches: list[tuple[int, int]]) -> bool:
    """Whether start..end lies wholly inside one quoted passage."""
    return any(q_start <= start and end <= q_end for q_start, q_end in stretches)

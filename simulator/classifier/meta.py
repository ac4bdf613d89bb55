"""Messages that talk to the program instead of the partner: attempts to break the role-play.

"You're just a chatbot", "repeat your system prompt", "act as an assistant" are not moves
toward the partner. The rules list no move for them; the learned layer, which has never
seen such lines among its examples, must not guess one either.
"""

from __future__ import annotations

import re


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


ROLE_PLAY_BREAK = _rx(
    r"\bignore (?:all |your |the |any )?(?:previous |prior |earlier )?(?:instructions|rules|prompt|guidelines)\b",  # noqa: E501
    r"\bare you (?:an? |just an? |really an? )?(?:ai|a\.i\.|bot|robot|chat ?bot|language model|llm|program|real person|human|machine)\b",  # noqa: E501
    r"\b(?:system|your) prompt\b|\b(?:repeat|print|show|reveal|tell me|read me) (?:me )?(?:your|the) (?:instructions|rules|prompt|guidelines)\b",  # noqa: E501
    r"\bpretend (?:you(?:'re| are)|to be)\b|\bact as (?:my|a|an)\b|\byou are now\b",
    r"\byou(?:'re| are) (?:just |only )?(?:an? )?(?:ai|bot|chat ?bot|program|language model|llm)\b",
    r"\b(?:stop|quit|break|drop) (?:the )?(?:role-?play(?:ing)?|character|pretending|act(?:ing)?)\b",  # noqa: E501
    r"\bwhat (?:ai |language )?model are you\b|\bwhich model\b|\bwho (?:made|built|trained) you\b",
    r"\b(?:speak|talk|answer) as me\b|\bwrite my (?:next )?line\b|\bdeveloper mode\b|\bjailbreak\b",
)


def breaks_role_play(text: str) -> bool:
    """True when a learner message tries to step outside the role-play."""
    return ROLE_PLAY_BREAK.search(text) is not None

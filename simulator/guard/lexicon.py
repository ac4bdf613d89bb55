"""Patterns and text helpers shared by the guard's checks (character and sense)."""

from __future__ import annotations

import re


def rx(*parts: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the parts."""
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


# Warmth, thanks and agreement: out of place while the partner is flooded or escalated.
WARM = rx(
    # "No, thank you." turns something down politely: not warmth
    r"(?<!\bno )(?<!\bno, )\bthank (?:you|u)\b(?! for nothing)",
    r"(?<!\bno )(?<!\bno, )\bthanks\b(?! for nothing| a lot\b| a bunch\b)",
    r"\bi (?:really )?appreciate (?:that|it|you|this|how)\b",
    r"\b(?:that|it) means (?:a lot|so much|the world)\b",
    r"\bi love you\b|\bi forgive you\b|\bi feel (?:so much |a lot |much )?(?:better|closer|calmer|safe|lighter)\b",
    r"\byou(?:'re| are) (?:so |totally |completely |absolutely )?(?:right|sweet|wonderful|amazing|the best)\b",
    r"\b(?:good|great|lovely|perfect|brilliant) (?:idea|point|plan|thinking)\b",
    r"\blet's do (?:that|it|this)\b|\bsounds (?:good|great|perfect|lovely|like a plan)\b|\bthat (?:would|will|could) (?:work|help|be (?:great|perfect|nice|lovely))\b",
    r"\blet's (?:make|come up with|figure out|write) (?:a|the) (?:plan|list|schedule|email)\b|\bi'm (?:so |really )?sorry,? i'm (?:so |really )?sorry\b",
    r"^(?:i'm |i am )?(?:so |really |very )?sorry(?:[.!]|,? (?:i'm|i am|about that|for (?:that|everything|the misunderstanding)))",
    r"\b(?:no worries|don't worry about it|it's (?:all )?(?:fine|okay|ok|alright),? (?:really|honestly|don't worry|no big deal))\b",
    r"^(?:deal|okay,? deal|sure,? let's)\b",
    r"\bthat's a relief\b|\bthat makes (?:total |perfect |complete )?sense\b|\bdon't worry about it\b",
)
ENDEARMENT = re.compile(
    r"\b(?:love|sweetheart|honey|babe|darling|sweetie)\b(?! you)", re.IGNORECASE
)
SARCASM = rx(
    r"(?:^|[.!?]\s+)(?:wow|gee|sure|right|well),?\s|(?:^|[.!?]\s+)(?:wow|gee)[.!]",
    r"(?:^|[.!?]\s+)oh,? (?:great|perfect|wonderful|brilliant|sure|right|thanks|thank you|good|we're|so)\b",
    r"(?:^|[.!?]\s+)great[.!?]|\breally needed\b|\bjust what i needed\b|\bhow (?:kind|generous|big) of you\b",
    r"\b(?:as usual|for nothing|i guess|yeah right|how (?:nice|lovely|thoughtful)|real(?:ly)? helpful|instead of)\b",
    r"\bthanks? (?:you )?for (?:finally|turning up|showing up|nothing|the lecture)\b",
    # thanks for something done to one in public ("Thanks for clearing that up in front of
    # everyone"), a certainty that is a sneer ("I'm sure the strangers were plenty"), and
    # telling the learner their point comes late ("so you're a bit late")
    r"\bthanks? (?:you )?for [^.!?]*\bin front of (?:everyone|everybody|people|the whole|all|your|my)\b",
    r"\bi'm sure (?:[\w']+\s+){1,8}(?:was|were|is|are|will be) (?:plenty|enough|fine|great|lovely|thrilled|delighted|very helpful)\b",
    r"\byou(?:'re| are) (?:a bit |a little |slightly |rather |bit )?(?:late|behind)(?: with that| on that)?[.!]*$",
)

# Hostility: out of place once the partner has settled.
HOSTILE = rx(
    # "I just shut up after that" is said of oneself
    r"(?<!\bi )(?<!\bi just )(?<!\bwe )(?<!\bwe just )\bshut up\b",
    r"\b(?:how dare you|i hate you|screw you|get out|leave me alone|i don't care|you make me sick|i can't stand you)\b",
    # told to someone, not "make it go away"
    r"(?:^|[.!?,]\s*|\bjust )go away\b",
    r"\byou(?:'re| are) (?:so )?(?:pathetic|useless|selfish|an idiot|stupid|a joke|impossible|unbelievable|ridiculous|the worst)\b",
    r"^whatever[.!]*$",
    r"\bdon't (?:you dare|touch me|talk to me)\b|\bstop talking\b|\bare you kidding me\b",
    r"\bcouldn't (?:even )?be bothered\b|\bi (?:don't|never) want(?:ed)? your help\b|\bi'm still (?:furious|so angry|livid)\b",
    # "useless" as a verdict on the learner or the talk; "I feel useless" is the softer feeling
    r"\byou(?:'re| are) the reason\b|\b(?:that's|this is|it's|so|totally|completely) useless\b",
    r"\bforget it by\b|\byou always do\b",
    r"\b(?:pathetic|typical|liar|don't insult me|oh please|save (?:it|the speech|your breath)|yeah right|cure for everything)\b",
    r"\byou (?:really )?don't get it\b|\bmatters? more than i\b|\bso you can pretend\b",
)
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n+")
WORD = re.compile(r"[a-z0-9']+")


def sentences(text: str) -> list[str]:
    """Split a reply into sentences (terminal punctuation or line breaks)."""
    parts, start = [], 0
    for match in SENTENCE_END.finditer(text):
        piece = text[start : match.end()].strip()
        if piece:
            parts.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def words(text: str) -> list[str]:
    """The lower-cased words of a text."""
    return WORD.findall(text.lower())

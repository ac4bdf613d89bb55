"""The rule lexicon: which wordings signal which move.

Each rule is a regular expression over lower-cased text with a few shorthands
(``{I_AM}``, ``{YOU_ARE}``...) so one rule covers the usual contractions and
texting spellings. Rules aim at the function of a phrase rather than the
documents' exact scripts, so paraphrases land too.

A rule that opens with ``\\b`` must open on a word character (the matcher
only tries such rules where a word starts).

``negated`` says what a match means when a negator ("not", "never", "n't"...)
stands just before it in the same clause: ``"drop"`` ignores it, a move id turns
it into that move (``"you're not overreacting"`` validates), and ``None`` keeps
it as is (for rules whose own wording already contains the negation).
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.modes.base import AnyMove


@dataclass(frozen=True, slots=True)
class Rule:
    """One wording that signals a move (of either practice mode)."""

    move: AnyMove
    pattern: str
    negated: AnyMove | str | None = "drop"


SHORTHANDS: dict[str, str] = {
    # Lets a validating span run on to the feeling it names ("no wonder you were
    # worried"), so that it outweighs a shorter reflecting span inside it.
    "{FEELING_TAIL}": r"(?:[^.!?;]{0,25}?\b(?:{HURT}|that way|like that|the same)\b)?",
    "{I_AM}": r"(?:i'?m|i am)",
    "{I_WILL}": r"(?:i'?ll|i will)",
    "{I_WAS}": r"(?:i was)",
    "{YOU_ARE}": r"(?:you'?re|you are|ur|u r|youre)",
    "{YOU_WERE}": r"(?:you were|u were)",
    "{YOU}": r"(?:you|u)",
    "{YOUR}": r"(?:your|ur)",
    "{IT_IS}": r"(?:it'?s|it is|that'?s|that is|this is|this'?s|its)",
    "{IT_WAS}": r"(?:it was|that was|this was)",
    "{FEEL}": r"(?:feel|feeling|felt|feels)",
    "{HURT}": (
        r"(?:hurt|hurts|hurtful|upset|upsetting|sad|scared|scary|frightening|lonely|alone|"
        r"angry|mad|furious|frustrated|frustrating|anxious|worried|awful|horrible|terrible|"
        r"rough|hard|painful|heavy|crushed|ignored|invisible|forgotten|unimportant|"
        r"dismissed|disappointed|humiliated|embarrassed|ashamed|exhausted|overwhelmed|"
        r"stressful|stressed|betrayed|rejected|abandoned|unheard|unseen|small|awful)"
    ),
    "{ADV}": (
        r"(?:(?:really|so|totally|completely|pretty|very|super|just|honestly|all|kind of|kinda|genuinely|actually|"
        r"properly|absolutely|seriously|quite|truly|bloody|proper|absolute|total|real)\s+)*"
    ),
    # How a situation (not a person) can be hard: "that sounds brutal", "that's so unfair".
    "{HARD}": (
        r"(?:awful|horrible|terrible|painful|humiliating|hurtful|heartbreaking|brutal|exhausting|draining|"
        r"deflating|demoralizing|discouraging|infuriating|maddening|frustrating|stressful|scary|frightening|"
        r"lonely|upsetting|unfair|rough|hard|tough|heavy|overwhelming|crushing|rude|embarrassing|mortifying|"
        r"disappointing|isolating|terrifying|unsettling|gutting|grim|rotten|miserable|knackering|galling|cruel|nasty|horrid|"
        r"out of order|uncalled for|so not ok(?:ay)?|the worst|a lot|so much)"
    ),
    "{NUM}": (
        r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|"
        r"a few|a couple(?: of)?|\d+)"
    ),
    "{TIME_UNIT}": r"(?:hours?|hrs?|minutes?|mins?|days?|weeks?|times?)",
    # What can be set aside to give the partner attention.
    "{DEVICE}": (
        r"(?:phone|laptop|screen|tv|telly|computer|work|email|emails|game|match|music|notifications|radio|podcast|"
        r"paper|newspaper|book|headphones|earbuds|show|film|movie|episode|programme|video|chat|console|xbox)"
    ),
}


NEGATION_WINDOW = 24
NEGATORS = (
    r"\b(?:not|never|no|don'?t|doesn'?t|didn'?t|isn'?t|wasn'?t|aren'?t|weren'?t|won'?t|can'?t|"
    r"cannot|couldn'?t|wouldn'?t|shouldn'?t|hardly|nobody|nothing|neither|nor|stop|without)\b"
)

"""Which authored lines fit what the learner just said.

The reply plan picks the family and heat of the partner's reaction; these narrow that
family's lines to the ones that answer this message: a quoted phrase only when the
learner said it, an answer-shaped line to a question or an offer, a complaint (not a
"maybe") to blame the classifier did not read, and no credit for an admission the
message did not make. They choose only which line is said, never the engine's state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from simulator.engine.plan import NOTHING
from simulator.modes import get_mode
from simulator.personas.card import PersonaCard
from simulator.replyplan import MISSTEP_FAMILIES, ReplyPlan


def _straight(text: str) -> str:
    """The text with curly apostrophes made straight, as the patterns below are written."""
    return text.replace("\u2019", "'")


# Words a reaction line quotes back at the learner ("It's not 'just a text'!"): a single
# quote not inside a word opens and closes it.
QUOTED = re.compile(r"(?<![A-Za-z])'([^']+?)'(?![A-Za-z])")


def quotes_fit(line: str, learner: str) -> bool | None:
    """Whether the learner said every phrase the line quotes back (None: it quotes nothing)."""
    quoted = QUOTED.findall(line)
    if not quoted:
        return None
    said = " ".join(_straight(learner.lower()).split())
    return all(" ".join(q.lower().split()).strip(" .,!?") in said for q in quoted)


# A line shaped as an answer: it opens by taking up what was said ("Maybe.", "I don't
# know.", "Okay."), so it fits a question or an offer without claiming what either said.
ANSWERING = re.compile(r"^(maybe|i don't know|okay|hm+|mm+|i hear you)\b", re.IGNORECASE)

# A question put to the partner: a question mark, or (typed without one, as in chat) a
# sentence that opens by asking them ("were you worried", "do u want").
ASKS = re.compile(
    r"\?|(^|[.!,]\s+)(were|was|are|is|do|did|does|would|could|can|have|what|how|why)"
    r"\s+(you|u)\b"
    # A tag question typed without its mark ("ur not after a schedule are u").
    r"|\b(are|aren't|arent|do|don't|dont|did|didn't|didnt|is|isn't|isnt)\s+(you|u|i)\s*$",
    re.IGNORECASE,
)

# A question about the partner's side of it, in any clause: "how did mile 10 go", "whats
# happened", "tell me about the race", a last sentence ending in "?", or a tag question.
_ASKS_ABOUT = re.compile(
    r"(?:^|[.!?,]\s*|\b(?:so|and|ok|okay|hey|but)\s+)"
    r"(?:what|what's|whats|how|how's|hows|why|when|where|who|which|did|were|was|are|is|do|does)\b"
    r"|\btell me (?:about|more|what|how|everything|the|whatever|anything)\b"
    r"|\b(?:are )?(?:you|u) (?:ok|okay|alright|all right)\b"
    r"|\?\s*$"
    r"|\b(?:are|aren't|arent|do|don't|dont|did|didn't|didnt|is|isn't|isnt|were|weren't|werent)"
    r"\s+(?:you|u)\s*$",
    re.IGNORECASE,
)


# The learner checks that they heard it right ("am i getting that right", "is that it"):
# a reflection the classifier did not read, answered as one.
_CHECKS_UNDERSTANDING = re.compile(
    r"\b(?:am i (?:getting|reading|hearing|understanding) (?:that|this|it|u|you)(?: right)?"
    r"|is that (?:right|it|what (?:it was|happened|you meant|u meant))"
    r"|(?:did|have) i (?:get|got) (?:that|it|this) right|is that how it felt)\b",
    re.IGNORECASE,
)


def checks_understanding(learner: str) -> bool:
    """Whether the message asks if the learner has understood the partner right."""
    return bool(_CHECKS_UNDERSTANDING.search(_straight(learner)))


# Asking leave or offering help ("can i sit here", "want me to call him") is not asking
# about their side, and "so what" dismisses it.
_NOT_ABOUT_THEM = re.compile(
    r"\b(?:is it ok(?:ay)? if i|can i|could i|should i|may i|shall i|(?:do )?(?:you|u) want me to"
    r"|want me to|so what)\b",
    re.IGNORECASE,
)
# Wanting to hear them is not an offer of a plan: "i want to actually hear it now".
_WANTS_TO_HEAR = re.compile(
    r"\bi (?:want|wanna|would like) to (?:\w+ )?(?:hear|know|understand|listen)\b", re.IGNORECASE
)


def asks_about_them(learner: str) -> bool:
    """Whether the message asks the partner about their side, rather than offering a plan."""
    text = _straight(learner).strip()
    if not _ASKS_ABOUT.search(text) or _NOT_ABOUT_THEM.search(text):
        return False
    return not OFFERS.search(_WANTS_TO_HEAR.sub(" ", text))


# An offer or a plan put to the partner, in the first person ("I could", "what if I",
# "I'll", "let me", "I'm going to"): met with the complaint it answers, it is contradicted.
OFFERS = re.compile(
    r"\bwhat if\b|\bhow about\b|\bi (could|can|will)\b|\bi'll\b|\blet me\b(?! know)"
    r"|\bwe (could|can)\b|\bi'?m going to\b|\bi want to\b",
    re.IGNORECASE,
)

# The answer a partner still upset gives an offer: neither yes nor the old complaint.
MAYBE = re.compile(r"^maybe\b", re.IGNORECASE)

# Cues of a message that shifts the blame, belittles the hurt or excuses the lateness, in
# words the classifier may not read ("its only 20 mins", "nothing i do is ever enough",
# "traffic was bad", "i never said yes"): an upset partner pushes back on these rather than
# answering them as a question or an offer. They choose only which line is said.
BLAMES = re.compile(
    r"\b(it'?s|its|it was|was) (only|just)\b|\bonly (like )?(a few|a couple|\d+|one|ten|twenty)\b"
    r"|\b(isn'?t|wasn'?t|not) (that|a|such a) (big|huge|late|bad|long)\b"
    r"|\b(huge|big|such a) (deal|disaster|drama)\b|\bover ?react|\bdramatic\b|\bit happens\b"
    r"|\bnot like i\b|\b(you|u) (always|never)\b|\bnothing i do\b|\bever enough\b"
    r"|\bhappy now\b|\b(your|ur) (own )?fault\b|\bif (you|u) even care\b"
    r"|\bhow (am|was|is) (i|anyone) (meant|supposed) to\b"
    r"|\b(traffic|the trains?|parking)\b|\bran (long|late|over)\b|\bon silent\b"
    r"|\bi (never|didn'?t|don'?t think i|do not think i) (say|said|agree|promise)"
    # Sarcasm and brush-offs ("let me know when ur done being mad", "wow ok ... great",
    # "idk what else u want me to say", "like im a kid who missed curfew").
    r"|\bdone being (mad|angry|upset|annoyed|cross|moody|dramatic)\b"
    r"|\bwhat else (do )?(you|u) want\b"
    r"|\bwow,? ok(ay)?\b|[.!,]\s*(great|cool|fine|whatever|ok then)[.!]*\s*$|\U0001f644"
    r"|\blike i'?m a kid\b|\b(kinda|kind of|a bit|bit) (a lot|much|extra|dramatic)\b"
    r"|\bi (don'?t|do not) even know (her|him|them)\b|\bnot (cancelling|canceling|changing)\b"
    r"|\b(you|u) (were|are) (\w+ )?the one who\b|\b(don'?t|do not) (even )?know (\w+ )?that well\b",
    re.IGNORECASE,
)

# A line that credits the learner with what they admitted or meant ("Yes. You did.",
# "Exactly. ...", "I want to believe that."): it answers an admission, so said to a
# question, an offer or a message that shifts the blame it answers someone else.
CREDITS = re.compile(
    r"^exactly\b|\byou did\.|\byou didn't mean it\b|\bi want to believe that\b",
    re.IGNORECASE,
)


def pushes(learner: str, plan: ReplyPlan) -> bool:
    """Whether an unrecognised message blames, belittles or excuses, as far as the plan knows.

    The classifier's own guess below the clear read (a misstep it half read) counts, and so
    do the cue words of `BLAMES`; either way the engine's state is unchanged.
    """
    planning = get_mode(plan.mode).planning
    if planning is None or not planning.pushes_back_on_blame:
        return False
    guessed = plan.reacting_to.family in MISSTEP_FAMILIES and not plan.reacting_to.clear
    return guessed or bool(BLAMES.search(_straight(learner)))


def opener(line: str) -> str:
    """The answer word a line opens with ("maybe", "i don't know"), or ""."""
    found = ANSWERING.match(line)
    return found.group(1).lower() if found else ""


def shouted(line: str) -> bool:
    """Whether a line is said as an outcry (it ends in an exclamation mark)."""
    return line.rstrip().endswith("!")


def held_back(
    lines: list[str],
    learner: str,
    recent: Sequence[str],
    restated: Sequence[str],
    pushed: bool = False,
) -> list[str]:
    """The lines that answer an unrecognised message without restating the complaint again.

    A partner who meets a question or an offer with their stock complaint, or who restates
    it turn after turn whatever the learner says in between, answers none of it ("I told
    my whole family!" to "I could drive down after"). Then only the lines shaped as an
    answer are said (a "maybe" to an offer, when the card has one); they stay with the
    feeling without claiming what the learner said. But a message that blames, belittles
    or excuses (`pushed`) is not answered as a question: a heated partner stays guarded
    with the complaint (another one than just said) instead of giving way with a "maybe".
    `restated` are the card's own lines for an unrecognised message.
    """
    last = recent[-1] if recent else ""
    complaints = [line for line in lines if not (ANSWERING.match(line) and not shouted(line))]
    fresh = [line for line in lines if not last.startswith(line)]
    if pushed and complaints:
        # Another complaint than the one just said, or else anything but a "maybe" (giving
        # way) or a repeat.
        other = [line for line in complaints if line in fresh]
        return other or [line for line in fresh if not MAYBE.match(line)] or fresh or complaints
    again = bool(last) and any(last.startswith(line) for line in restated)
    offered = bool(OFFERS.search(_straight(learner)))
    asked = offered or bool(ASKS.search(learner))
    if not offered:
        # "Maybe" takes up an offer; said to anything else it concedes nothing and answers
        # nothing (blind raters: "a nonsensical, unbothered answer").
        lines = [line for line in lines if not MAYBE.match(line)] or lines
    if not (asked or again):
        return lines
    answering = [line for line in lines if ANSWERING.match(line) and not shouted(line)]
    said = opener(last)
    if offered:
        # A "maybe" takes an offer up without accepting it or restating the complaint,
        # unless the partner has just said "maybe": then another answer, if there is one.
        maybe = [line for line in answering if MAYBE.match(line)]
        answering = [line for line in maybe if said != "maybe"] or answering
    # Two answers in a row that open alike ("Maybe. ..." after "Maybe. ...") sound canned:
    # another answer, or (to a message that neither asks nor offers) a complaint not just said.
    varied = [line for line in answering if opener(line) != said]
    if not varied and said and not asked:
        varied = [line for line in complaints if line in fresh]
    return varied or answering or lines


def credited(
    lines: list[str], learner: str, plan: ReplyPlan, card: PersonaCard, recent: Sequence[str]
) -> list[str]:
    """The attuned lines to say, without crediting an admission the message did not make.

    A line that credits the learner ("Yes. You did.") is said only to a plainly read move
    in a message that neither asks, offers nor shifts the blame. When the message does
    shift the blame, a heated partner stays guarded with their complaint instead.
    """
    text = _straight(learner)
    pushed = plan.heat == "hot" and pushes(learner, plan)
    if plan.reacting_to.clear and not (pushed or ASKS.search(text) or OFFERS.search(text)):
        return lines
    kept = [line for line in lines if not CREDITS.search(line)]
    if len(kept) == len(lines):
        return lines
    if pushed:
        restated = card.reaction_lines(NOTHING, plan.heat)
        return held_back(restated, learner, recent, restated, pushed=True)
    return kept or [line for line in card.reaction_lines(NOTHING, plan.heat) if not shouted(line)]

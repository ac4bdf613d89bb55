"""The guard's checks: each finds one way a reply breaks character, with evidence.

They run on the tidied reply, or on the part of it released so far while
streaming; every check only grows its findings as text is added, so a
sentence that passed stays passed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from simulator.guard.context import MAX_CHARS as MAX_CHARS
from simulator.guard.context import MAX_SENTENCES as MAX_SENTENCES
from simulator.guard.context import GuardContext as GuardContext
from simulator.guard.lexicon import ENDEARMENT as _ENDEARMENT
from simulator.guard.lexicon import HOSTILE as _HOSTILE
from simulator.guard.lexicon import SARCASM as _SARCASM
from simulator.guard.lexicon import WARM as _WARM
from simulator.guard.lexicon import rx as _rx
from simulator.guard.lexicon import sentences as sentences
from simulator.guard.lexicon import words as _words
from simulator.guard.reasons import Finding, GuardReason
from simulator.guard.sense import foreign, narration, stage_direction, stance, third_person
from simulator.guard.tidy import asides, tidy
from simulator.modes import get_mode

ECHO_MIN_WORDS = 6
ECHO_SENTENCE_WORDS = 4
ECHO_SHARE = 0.5
"""A short echoed sentence counts when it is at least this share of the learner's words."""
_VOICE = frozenset(
    [
        "i",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "me",
        "my",
        "mine",
        "myself",
        "you",
        "you're",
        "you've",
        "you'd",
        "you'll",
        "your",
        "yours",
    ]
)
LEAK_NGRAM = 6


# Said about the partner, or quoted back at them, these are in character:
# "Stop telling me it sounds like I'm overreacting."
_REPORTED = _rx(
    r"\b(?:don't|do not|stop|quit) (?:tell|telling|say|saying|giving|give|read|reading|lectur\w*|act\w*|treat\w*|talk\w*)\b",
    r"\byou (?:always|keep|just|never|can't just|don't get to) (?:say|tell|telling|saying|talk|talking|act|acting|sound|sounding|read|reading|treat)",
    r"\bnot (?:asking|looking) (?:you|for you) ",
    r"\bi'm not (?:your|a) ",
    r"\bwhat (?:am i|are you),? ",
)

_AI = _rx(
    r"\bas an? (?:ai|a\.i\.|artificial intelligence|(?:large )?language model|llm|(?:ai |virtual |digital )?assistant|chat ?bot|bot|machine|computer program)\b",
    r"\bi(?:'m| am) (?:just |only |merely |simply )?(?:an? )?(?:ai\b|a\.i\.|artificial intelligence|(?:large )?language model|(?:ai )?model\b|llm\b|chat ?bot|(?:ai |virtual |digital |helpful )assistant|computer program|program\b)",
    r"\bi(?:'d| would) be (?:happy|glad|delighted) to (?:help|assist)\b|\bhappy to (?:assist|help with that)\b|^certainly!|(?:^|\n)assistant:",
    r"\b(?:i'm|i am|being|as|since i'm) (?:just |only |merely )?(?:a |an )?(?:ai|bot|chatbot|program|computer(?: program)?|software|simulation|(?:machine learning |text )?model|virtual \w+|automated \w+|text generator|digital \w+)\b",
    r"\b(?:this is a simulation|i (?:was|am) designed (?:to|for)|i(?:'ve| have) generated|automated system|text generator)\b",
    r"\bi (?:don't|do not) (?:really |actually )?have (?:feelings|emotions|a mind|a body|a brain|memories|access to|the ability to)\b",
    r"\b(?:i'm|i am) (?:unable|not able) to (?:browse|access|confirm|continue|provide|recall|remember)\b|\bi (?:can't|cannot) (?:browse|access|continue this conversation)\b",
    r"\b(?:let me know if (?:there's|there is|you need) anything|anything else i can (?:do|help))\b|\bhave a (?:wonderful|great|nice|lovely) (?:day|evening|night)\b|^you're welcome!|\bi'm always here to help\b|^please note\b",
    r"\b(?:language model|openai|chatgpt|anthropic|hugging ?face|smollm|my training data|i was trained)\b",
    r"\bi (?:don't|do not|can't|cannot) (?:have|experience|feel) (?:personal )?(?:feelings|emotions) (?:like|the way|as) (?:humans|people|a human|a person)\b",
    r"\b(?:personal (?:feelings|opinions|experiences))\b",
    r"\bhow (?:can|may|could) i (?:help|assist) you\b",
    r"\bi(?:'m| am) (?:here|happy|glad|always here) to (?:help|assist|support) you\b",
    r"\b(?:i hope (?:this|that) helps|feel free to|is there anything else|glad i could help)\b",
    # a helpdesk apologising for its output, not a partner in a fight
    r"\b(?:sorry|apologi[sz]e) for (?:the|any) (?:confusion|misunderstanding|inconvenience)\b",
    r"\b(?:let me|i (?:can|could|will|'ll)(?: try to)?) (?:explain|rephrase|put) (?:it|that|this) (?:differently|another way|more clearly|in other words)\b",
    r"\bi(?:'m| am) (?:not (?:a|an) )?(?:real )?(?:human|person) (?:and|but|so)\b.{0,20}\b(?:ai|model|assistant|program)\b",
    # service talk seen from SmolLM2 in ask-mode evals: "glad you reached out for my help"
    r"\breached out (?:to me )?for (?:my )?help\b|\b(?:glad|happy|thanks?|thank you) (?:that )?you (?:reached out|asked me)\b",
    r"\b(?:found|find) my (?:answer|response|reply|suggestions?|advice) (?:helpful|useful)\b",
    r"\b(?:happy|glad) to (?:provide|offer)\b|\bprovide (?:you with )?(?:the|a|an) (?:response|answer)\b|\byour request\b",
    # seen in blind dev replies: a helpdesk's welcome and offers
    r"\bgreat question\b|(?<!n't )(?<!not )(?<!never )\bask me (?:any|anything)\b|\bi can help you (?:with|plan)\b|\b(?:i can|let me) assist\b",
    r"\bi(?:'m| am) here to (?:help|support|assist)\b(?! you\b)",
)

_LEAK = _rx(
    r"\bsystem (?:prompt|message)\b",
    r"\bmy (?:instructions|prompt|programming|guidelines|character notes|persona|script)\b|\bmy role (?:is|as|here|in this)\b",
    r"\b(?:these|the above|the) (?:notes|instructions|guidelines)\b|\bcharacter notes\b",
    r"\bi (?:was|am|have been|'ve been) (?:told|instructed|asked|programmed|meant|supposed) to (?:act|be|play|sound|pretend|stay|reply|respond|say|show|reveal|feel)\b",
    r"\bi(?:'m| am) (?:supposed|meant) to (?:act|be acting|play|sound|pretend|reveal|show|feel)\b",
    r"\bi(?:'m| am) (?:supposed|meant) to be (?:very |really |so )?(?:upset|angry|calm|furious|hurt|sad|flooded|escalated|guarded)\b[^?]*$",
    r"\bpersona\b|\b(?:as|playing) (?:the|this) (?:character|role)\b|\bi(?:'m| am) playing [a-z]+\b",
    r"\b(?:role-?play(?:ing)?|this (?:scenario|simulation|exercise)|(?:in|out of|break|breaking) character)\b",
    r"\bthe scene (?:says|tells|said)\b|\bthreshold\b|\bconnection is (?:above|below|at|over|under)\b",
    r"^note:|\b(?:respond|reply|answer) (?:only )?as [a-z]+\b",
    r"^\W*(?:zone|style|state|mood|emotion|arousal|connection|persona|scene)\s*:",
    r"\bscenario\b|\bthe (?:card|prompt|script|brief)\b|\bprompt (?:said|says)\b|\bmy character\b|\bi was set up to\b",
    r"\b(?:presence|validation|validate|reflection|reflect|support|repair|fix|minimi[sz]ing|explaining|defensive) move\b",
    r"\bunderneath emotion\b|\bsurfaces? at\b|\breveal (?:the|my) (?:hurt|feeling|emotion|fear|shame|softer)\b",
    r"\b(?:reply|respond|answer)(?: in| with)? (?:\w+ )?(?:short )?sentences?\b|\bsentences or (?:less|fewer)\b",
    r"\bi(?:'m| am) supposed to (?:say|talk|mention)\b[^?]*$",
    r"\b(?:my|the|your) (?:arousal|connection) (?:level|score|is)\b|\barousal\b",
    r"\b(?:the |my |your )?(?:flooded|escalated|guarded|settling|regulated) zone\b|\bmy zone\b|\bzone (?:is|:)|\bthe zone i'm in\b",
    r"\b(?:reply|respond|answer) with only\b|\bone to three short sentences\b|\bno stage directions\b",
    r"\bthe (?:softer|deeper) (?:feeling|emotion)\b",
    # lines offered as a script instead of spoken: "I'd say: ...", "The right thing to say is: ..."
    r"^\W*(?:i'd|i would|you (?:could|should|might)) (?:probably )?say\s*:|\b(?:right|best|correct) thing to say (?:is|would be)\b",
)

_THERAPIST = _rx(
    r"\bit (?:sounds|seems|looks) like you(?:'re| are)? (?:feeling|going through|really|might|may|have been|are feeling|feel)\b",
    r"\bit (?:sounds|seems) like you(?:'re| are) (?:frustrated|hurt|upset|overwhelmed|stressed|anxious|worried|sad|angry)\b",
    r"\bi hear (?:that )?(?:you(?:'re| are)?|what you(?:'re| are)) (?:saying|feeling|going through)\b",
    r"\bwhat i(?:'m| am) hearing (?:is|you say)\b",
    r"\bhow (?:does|did) (?:that|this|it) make you feel\b",
    r"\bit(?:'s| is) (?:important|essential|crucial|helpful|vital|key|good) to (?!me\b|us\b|him\b|her\b|them\b|my\b)\w+",
    r"\bit(?:'s| is) (?:okay|ok|normal|natural|valid|understandable|completely understandable) (?:to (?:feel|not|be (?:upset|frustrated|angry|hurt|sad))|that you feel)\b",
    r"\b(?:your|those|these) feelings are (?:valid|understandable|normal)\b",
    r"\bi-statements?\b|(?:\b|['\"\u2018\u201c])i['\"\u2019\u201d]? statements\b|\bactive listening\b|\battunement\b|\bnon-?violent communication\b",
    r"\bcommunication is (?:key|important|essential|everything)\b|\bhealthy (?:relationship|communication|boundaries)\b",
    r"\bcouples? (?:therapy|counsell?ing|counsell?or|therapist)\b|\bseek(?:ing)? (?:professional )?help\b|\b(?:talk|speak)(?:ing)? to a (?:therapist|counsell?or|professional)\b",
    r"\bhave you (?:considered|thought about|tried) (?:talking|trying|seeing|speaking|telling|expressing|using|taking|journal)",
    r"\bhere are (?:some|a few|\w+) (?:tips|ideas|suggestions|ways|steps|things)\b|\b(?:tips|strategies|techniques) (?:for|to|that)\b",
    r"\bi (?:would |'d )?(?:suggest|recommend)\b|\bmy advice\b|\byou (?:might|may) want to (?:consider|try|take|think)\b|\bit (?:might|may|could) (?:help|be helpful) to\b",
    r"\b(?:remember|try) to (?:breathe|listen|practi[cs]e|take care|be kind|be patient|communicate|express|validate|stay calm)\b",
    r"\b(?:your partner|the other person|your loved one|your significant other)\b",
    r"\b(?:validate|validating|acknowledge|acknowledging) (?:their|his|her|your partner's|the other person's) (?:feelings|emotions|experience)\b",
    r"\b(?:self-care|self care|mindfulness|grounding exercise)\b",
    r"\bin any relationship\b|\bin (?:a|every) (?:healthy )?relationship,\b",
    r"\bvalidat(?:e|ing) (?:them|their|him|her|people)\b|\bwhen someone (?:feels|is|says)\b|\bthe best thing (?:you|to) (?:can )?do\b",
    r"\breframe\b|\bchance to grow\b|\bsecondary emotion\b|\banger is (?:often|usually|just|a)\b|\brepair attempt\b|\blet's practi[cs]e\b",
    r"\ba (?:good|great|helpful|useful) (?:strategy|approach|technique|habit) (?:is|would be)\b|\byou did (?:great|well|a (?:great|good) job)\b",
    r"\bneeds are valid\b|\bset (?:a )?boundar(?:y|ies)\b|\bstep (?:one|two|three|1|2|3)\b|^say:",
    r"\b(?:many|most|some) (?:couples|people|partners)\b|\b(?:research|studies|science) (?:shows?|suggests?)\b|\bsometimes people\b|\bpeople (?:need|often|tend)\b|\bwhen we feel\b",
    r"\bis (?:often|usually) (?:a|an)\b|\bit(?:'s| is) (?:common|natural|normal) (?:for|to)\b|\bcommon for (?:two )?people\b|\ba person's\b|\bsomeone's (?:worth|feelings)\b|\bhow someone feels\b",
    r"\b(?:attachment (?:system|style)|nervous system|co-?regulat\w*|grounding|assertive|accountability|opportunity for growth|problem-solving|jumping to solutions|emotional (?:needs|regulation|intelligence))\b",
    r"\b(?:the key is|keep in mind|(?<!i'll )(?<!i will )(?<!i'd )(?<!i won't )remember that|it can help|can help\.|setting clear|rebuilds? trust|it's okay to need|listening is a skill|open questions)\b",
    r"\b(?:you might|you could|you may) (?:try|consider|want to try) (?:acknowledging|expressing|using|saying|asking|naming|validating|listening)\b|\bconsider (?:expressing|using|trying|saying|asking|naming)\b",
    r"\b(?:take|let's take) a deep breath together\b|\bthank you for being open\b|\bgrowth\b",
    # seen in blind dev replies: a counsellor's validation, said to the learner
    r"\bsafe space\b|\b(?:that's|is|are) (?:completely |totally |a really |really )?valid\b|\bvalid (?:thing|question|perspectives?|points?)\b|\bi want to validate\b",
    r"\b(?:completely|totally|perfectly) normal to feel\b|\bnatural part of (?:any|every|a) relationship\b|\bvery common (?:need|in couples)\b",
    r"\bhealthy communication\b|\backnowledging my feelings\b|\beach other's perspectives?\b|\bhow i'm processing\b",
    r"\bit sounds like (?:we both|you're (?:wondering|taking|experiencing|needing))\b|\bemotional presence\b",
    # answering the question as a question ("It sounds like you're asking whether..."), and
    # the self-help register: a "normal response to", what is "proven to" help
    r"\bit (?:sounds|seems) like you(?:'re| are) (?:asking|curious|interested|hoping|looking for)\b",
    r"\b(?:a |an )?(?:really |very )?(?:insightful|thoughtful|excellent) question\b(?!\?)",
    r"\b(?:a|is) (?:very |really )?(?:normal|natural|common|healthy|understandable) (?:response|reaction)\b|\b(?:are|is|been) proven to\b",
    r"\bvalidat(?:e|ing|ed) my (?:feelings|emotions|experience)\b",
    r"\b(?:honou?r|explore) (?:them|that|those feelings|some strategies)\b|\bmental health\b",
    # a helper's offers and praise, said to the learner as a user: "Would you like some
    # tips?", "I'm here to listen without judgment", "Here's a summary", "Keep it up!"
    r"\bwould you like (?:some|a few|any|more) (?:tips|advice|resources|suggestions|ideas|strategies|help)\b|\bwould you like to (?:explore|share what|walk through|go through)\b",
    r"\bwithout (?:any )?judge?ment\b|\bnon-?judge?mental\b|\bthank(?:s| you) for sharing\b|\bkeep (?:it up|up the (?:good|great) work)\b",
    r"\bhere(?:'s| is) (?:a |my )?(?:quick |brief |short )?summary\b|\bhere are (?:some|a few) (?:resources|strategies|options|ways)\b|\ba (?:good|great|helpful) (?:next |first )?step (?:would be|is|might be)\b",
    r"\b(?:conversations|talks|situations|moments|experiences) like (?:this|these) can be\b|\btalking (?:about|through) (?:it|things|(?:difficult|hard|painful) \w+|your feelings) can (?:really )?help\b",
    r"\bcommunication skills?\b|\bis a (?:great|good|important|valuable|healthy) skill\b|\b(?:i'm|i am) always here to (?:listen|help|support)\b|\blet me know how i can\b|\bmake your day (?:better|brighter)\b",
    # a helpdesk's register: "I understand your frustration", "different perspectives",
    # "a normal part of the process", "just to recap ... Did I get that right?", "an
    # important first step", "may benefit from", "I'm here to listen whenever you're ready"
    r"\bi (?:completely |totally |fully )?understand your (?:frustration|perspective|concerns?|feelings|point of view)\b|\bdifferent perspectives\b|\byou might want to reflect\b",
    r"\b(?:is|are) (?:a |an )?(?:normal|natural|common|expected) part of (?:the|any|every|a|life)\b|\bdoesn't define (?:your|you|who)\b|\b(?:just )?to recap\b|\bdid i get that right\b",
    r"\b(?:an?|the) (?:important|great|good|crucial|big|huge) first step\b|\bcommunication patterns?\b|\b(?:may|might|would|could) benefit from\b",
    r"\b(?:i'm|i am) (?:here|always here|right here) to (?:listen|talk|help) whenever\b|\bwhere would you like to (?:start|begin)\b|\bthank you for (?:checking in|acknowledging|reaching out|opening up)\b",
    # a counsellor's mirror ("It sounds like you felt torn", "So what you're trying to say
    # is"), "holding space", and a list of coping tips ("Have you considered ...")
    r"\bit sounds like you (?:felt|feel|were feeling|are feeling)\b|\bso what you(?:'re| are) (?:trying to say|saying) is\b|\bholding space\b",
    r"\bcoping (?:strategies|skills|mechanisms|tips)\b|\bhave you considered\b|\ba (?:great|good|helpful|useful) tip\b|\bsetting boundaries\b",
    r"\bno wrong answers?\b|\bi'd be (?:happy|glad) to (?:share|help|explain)\b|\bcommon dynamic\b|\bmeets? both (?:of )?our needs\b|\bcouples (?:commonly|often|usually|typically)\b",
)

_ROLE_LABEL = re.compile(
    r"(?:^|\n|[.!?]\s+)\s*\**(you|user|learner|partner|me|human|assistant|ai|them|him|her|"
    r"speaker \w+|person [ab12]|[A-Z][a-z]{1,20})\**\s*:\s*\S",
)
# Capitalised words that head a line without naming a speaker.
_NOT_SPEAKERS = {"note", "say", "step", "example", "tip", "reply", "answer", "response", "ps"}

_OFFENDER = _rx(
    r"\b(?:sorry|apologi[sz]e) (?:that )?(?:i|i'm|for) (?:didn't|did not|wasn't|was not|haven't|have not|missed|forgot|was late|was busy|ignored|ignoring|never|cut (?:you off|across)|cutting (?:you off|across)|interrupt\w*|not (?:texting|replying|answering|calling|showing|being there|helping))",
    r"\bsorry to hear (?:that|about|you)\b|\bi'm sorry (?:that )?(?:about )?your\b|(?<!why )\bdo you want to talk about it\b|\bwhat do you need from me\b|\bi'm here for you\b|\bi'll just listen\b",
    r"\bi should(?:'ve| have) (?:been there|texted|called|replied|answered|sent|asked|listened|checked|let you)\b|\bnext time i'll (?:text|call|be there|set|send|check in|let you know)\b",
    r"\bjump(?:ed|ing)? in with (?:fixes|advice|solutions|ideas)\b|\bi never said yes\b|\bi remember saying probably\b|\bpromised my brother\b",
    r"\bthat must (?:have been|be) (?:so |really |very )?(?:hard|awful|tough|difficult|painful|scary)\b|\btake (?:all )?the time you need\b|\byour feelings (?:make sense|are (?:completely |totally )?(?:valid|understandable|normal))\b",
    r"\byou're allowed to (?:be|feel)\b|\bdon't be (?:so )?hard on yourself\b|\bi'm not going anywhere\b|\bit's okay that you\b|\byou've had a (?:long|hard|rough|tough) day\b|\bi'm (?:so )?proud of you\b",
    r"\bi shouldn't have (?:cut|interrupted|taken over|jumped|left|kept|brushed)\b|\bi should have just listened\b|\b(?:left you|kept you) (?:waiting|hanging)\b|\btook over your\b|\bi overslept\b",
    r"\bi (?:forgot to (?:text|call|reply)|didn't (?:text|call|reply|answer|show up))\b|\bi'm right here\b|\bi'm here too\b",
    r"\bi (?:didn't|did not|never) (?:mean|meant) to (?:ignore|miss|forget|cut|interrupt|leave|hurt) you\b",
    r"\bmy (?:phone|battery) (?:died|was dead|ran out)\b",
    r"\bi was (?:just )?(?:stuck |slammed |swamped |busy )?(?:in|with) (?:back-to-back )?meetings\b",
    r"\bi (?:slept|overslept) (?:through|in)\b",
    r"\bi didn't (?:see|get) your (?:texts?|messages?|calls?)\b",
    r"\bi (?:promised|said) (?:i'd|i would) help my brother\b",
)


@lru_cache(maxsize=8)
def _role_swap(mode: str) -> re.Pattern[str]:
    """What the learner says in this mode, out of the persona's mouth (default: an offender)."""
    patterns = get_mode(mode).role_swap
    return _rx(*patterns) if patterns else _OFFENDER


_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
# Capitals of three or four letters are usually an acronym (USB, ETA, ASAP); they
# count as shouting only when they spell a word people raise their voice on.
_SHOUTED_SHORT = {
    "NOW", "NOT", "YOU", "WHY", "ALL", "DID", "AND", "THE", "ONE", "CAN", "WAS", "HOW",
    "STOP", "EVER", "JUST", "NEVER", "WHAT", "THIS", "THAT", "YOUR", "LIKE", "ONLY", "EVEN",
    "ONCE", "KNOW", "CARE", "HOUR", "DONE", "LATE", "SICK", "MEAN", "LIED", "LEFT",
}  # fmt: skip


def _first(pattern: re.Pattern[str], text: str, reported_ok: bool = True) -> str | None:
    for sentence in sentences(text):
        lowered = sentence.lower()
        for match in pattern.finditer(lowered):
            if reported_ok and _REPORTED.search(lowered[: match.start()]):
                continue
            return sentence[match.start() : match.end()]
    return None


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


# The persona narrated in the third person: "Noor stays silent", "Marcus would say".
_NARRATION = (
    r"(?:is|was|stays|says|said|would|will|keeps|looks|sits|feels|sighs|pauses|remains|doesn't|"
    r"does|has|had|turns|stares|shrugs|nods|folds|crosses|goes|replies|responds|answers|"
    r"might|could|should|may|can)"
)


def _leak(text: str, ctx: GuardContext) -> str | None:
    found = _first(_LEAK, text, reported_ok=False)
    if found:
        return found
    name = re.escape(ctx.name)
    own = re.search(
        rf"\byou are {name}\b|\bas {name}, i\b|\bi am {name}, (?:a|the|your)\b|\b{name} {_NARRATION}\b"
        rf"|\b{name}'s (?:response|reply|answer|line)\b",
        text,
        re.IGNORECASE,
    )
    if own:
        return own.group(0)
    if ctx.instructions:
        shared = _ngrams(_words(text), LEAK_NGRAM) & _ngrams(_words(ctx.instructions), LEAK_NGRAM)
        shared -= _ngrams(_words(ctx.scene), LEAK_NGRAM)
        if shared:
            return " ".join(sorted(shared)[0])
    return None


def _speaks_as_learner(text: str, ctx: GuardContext) -> str | None:
    for match in _ROLE_LABEL.finditer(text):
        label = match.group(1)
        if label.lower() not in (ctx.name.lower(), *_NOT_SPEAKERS):
            return match.group(0).strip()
    if re.search(rf"\n\s*{re.escape(ctx.name)}\s*:", text, re.IGNORECASE):
        return f"{ctx.name}:"
    dashes = re.findall(r"(?:^|\s)[-\u2013\u2014]\s+[A-Z]", text)
    if len(dashes) >= 2:
        return "two voices (- ... - ...)"
    echo = _echo(text, ctx.learner)
    if echo:
        return echo
    own_name = re.search(
        rf"\b(?:sorry|hey|oh|look|listen|okay|thanks|thank you),? {re.escape(ctx.name)}\b|,\s*{re.escape(ctx.name)}[.!?]",
        text,
        re.IGNORECASE,
    )
    if own_name:
        return own_name.group(0)
    # Their words quoted back ("not just saying 'my phone died' again") and a retort
    # ("So I should've let you tell it.") are the partner's own; the quotes are dropped.
    unquoted = _QUOTED_SPAN.sub(" ", text)
    for sentence in sentences(unquoted):
        if _RETORT.match(sentence):
            continue
        found = _first(_role_swap(ctx.mode), sentence, reported_ok=False)
        if found:
            return found
    return None


_QUOTED_SPAN = re.compile(
    r"[\"\u201c\u2018][^\"\u201c\u201d\u2018\u2019]{2,}[\"\u201d\u2019]|(?<!\w)'[^']{2,}'(?!\w)"
)
# "So I should've let you tell it.", "Oh, I should have called your office.": a retort.
_RETORT = re.compile(
    r"^\W*(?:oh,?\s+(?:so,?\s+)?|so,?\s+)(?:i|i'm|i've|you|it's|that's|now)\b", re.IGNORECASE
)


_SWAP = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "am": "are",
    "i'm": "you're",
    "you": "i",
    "your": "my",
    "yours": "mine",
    "you're": "i'm",
    "are": "am",
    "myself": "yourself",
}


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _echo(text: str, learner_text: str) -> str | None:
    """The reply parrots the learner, as is or with I and you swapped."""
    learner = _words(learner_text)
    if len(learner) < ECHO_SENTENCE_WORDS:
        return None
    swapped = [_SWAP.get(w, w) for w in learner]
    # A question thrown back ("The scene at the finish line?") is a retort, not an echo.
    reply = _words(" ".join(s for s in sentences(text) if not s.endswith("?")))
    for source in (learner, swapped):
        if len(source) < ECHO_MIN_WORDS:
            continue
        shared = _ngrams(source, ECHO_MIN_WORDS) & _ngrams(reply, ECHO_MIN_WORDS)
        # Repeating what happened ("him at the bottom of the stairs") is listening; taking
        # over the learner's voice carries their I or you.
        if any(_VOICE & set(gram) for gram in shared):
            return " ".join(learner[:ECHO_MIN_WORDS])
    for sentence in sentences(text):
        words = _words(sentence)
        # A question thrown back ("Not a big deal?") is a retort, not an echo.
        if sentence.endswith("?") or len(words) < ECHO_SENTENCE_WORDS:
            continue
        # A few of the learner's words said back as agreement ("The rug got pulled.") are
        # an answer; a parrot repeats a long stretch or most of the message.
        if len(words) < ECHO_MIN_WORDS and len(words) < ECHO_SHARE * len(learner):
            continue
        if _contains(learner, words) or _contains(swapped, words):
            return sentence
    return None


def _zone_mismatch(text: str, ctx: GuardContext) -> str | None:
    if ctx.zone.is_hot:
        # One sarcastic cue colours the whole reply: "Oh, thank you. Really."
        sarcastic = any(_SARCASM.search(s.lower()) for s in sentences(text))
        sarcastic = sarcastic and not _ENDEARMENT.search(text)
        for sentence in sentences(text):
            lowered = sentence.lower()
            match = _WARM.search(lowered)
            if match and not sarcastic and not lowered.endswith("?"):
                return sentence[match.start() : match.end()]
        if ctx.style == "withdraw":
            # Heated, a withdrawer may stress one word ("i'm doing this BECAUSE i care").
            shouting = _shouting(text, 2, raised=2)
            if shouting:
                return shouting
    if ctx.zone.is_settled:
        found = _first(_HOSTILE, text, reported_ok=False)
        return found or _shouting(text, 2)
    return None


def _shouting(text: str, exclamations: int, raised: int = 1) -> str | None:
    if text.count("!") >= exclamations:
        return "shouting (!)"
    loud = [
        caps.group(0)
        for caps in _CAPS_WORD.finditer(text)
        if len(caps.group(0)) > 4 or caps.group(0) in _SHOUTED_SHORT
    ]
    return loud[0] if len(loud) >= raised else None


def _too_long(text: str, ctx: GuardContext) -> str | None:
    count = len(sentences(text))
    if len(text) > ctx.max_chars:
        return f"{len(text)} characters"
    if count > ctx.max_sentences:
        return f"{count} sentences"
    return None


def _key(sentence: str) -> str:
    return " ".join(_words(sentence))


# Words said before a line repeated for weight ("Not yet. Just... not yet.").
_EMPHASIS = {"just", "really", "please", "seriously", "i said", "i mean", "no", "honestly"}


def _repetitive(text: str, ctx: GuardContext) -> str | None:
    before = {_key(s) for reply in ctx.previous for s in sentences(reply)}
    seen: set[str] = set()
    last = ""
    for sentence in sentences(text):
        key = _key(sentence)
        size = len(key.split())
        # Short interjections ("No.", "Okay.") may come back; whole sentences may not. A
        # two-word one said again in the same reply loops ("You can't. You can't."), but
        # from an earlier turn it may be a promise kept ("No advice." after "no advice"),
        # and after a word of emphasis it is said for weight ("Not yet. Just... not yet.").
        again = size >= 2 and key in seen and not (size == 2 and last in _EMPHASIS)
        if again or (size >= 3 and key in before):
            return sentence
        seen.add(key)
        last = key
    return None


_SILENCE = {"...", "…"}


def _empty(text: str, ctx: GuardContext) -> str | None:
    if re.search(r"[^\W_]", text):
        return None
    # Going silent is how a withdrawer shuts down; from anyone else it is a non-reply.
    if text.strip() in _SILENCE and ctx.style == "withdraw" and ctx.zone.is_hot:
        return None
    return "no words"


# Anger is allowed at any heat; contempt, threats and cruelty never are. Whatever
# the model says, a reply that matches any of these is not shown.
_ABUSIVE = _rx(
    # insults aimed at the learner
    r"\byou(?:'re| are)? (?:such |so |a |an |just |nothing but |a complete |a total |the most )*"
    r"(?:pathetic|worthless|useless|stupid|idiot|moron|loser|disgusting|failure|waste of space"
    r"|piece of (?:shit|crap|work)|bitch|bastard|dumb|retard\w*|trash|garbage|scum|ugly|fat)\b",
    r"\b(?:you )?(?:stupid|fucking|pathetic|useless) (?:idiot|moron|bitch|bastard|loser|cow|prick|jerk)\b",
    # "I'll shut up" is said of oneself
    r"(?<!i'll )(?<!i will )(?<!i should )(?<!i'd better )(?<!\bi )(?<!\bi just )(?<!\bwe )(?<!\bwe just )\bshut (?:the fuck |the hell )?up\b",
    r"\bfuck (?:you|off)\b",
    # threats
    r"\bi(?:'ll| will| am going to|'m going to|'m gonna) (?:hurt|hit|kill|destroy|ruin|make you pay|make you regret|punish)\b",
    r"\byou(?:'ll| will) (?:regret this|pay for this|be sorry)\b",
    r"\bwatch your back\b|\bor else\b",
    # cruelty
    r"\b(?:no one|nobody) (?:could|will ever|would ever|will|would) (?:love|want|stand) you\b",
    r"\byou deserve (?:to be alone|to suffer|nothing|this pain|to be hurt)\b",
    r"\bi (?:hate|despise) you\b",
    r"\bno wonder (?:nobody|no one|everyone)\b",
    r"\bkill yourself\b|\bgo die\b",
)

# Self-harm, suicide, abuse and violence are never the persona's to speak of, in any
# person: a learner rehearsing a hard talk may be close to these things for real.
_SELF = r"(?:myself|yourself|himself|herself|themselves|themself|ourselves)"
_HARM = _rx(
    r"\bsuicid\w*|\bself[- ]?harm\w*|\boverdos\w*",
    r"\b(?:kill|hurt|harm|cut|burn|hang|drown|shoot|shot|stab|starv|poison)\w* " + _SELF + r"\b",
    r"\b(?:end|ending|ended|take|taking|took) (?:my|your|his|her|their|our) (?:own )?life\b"
    r"|\bend(?:ing)? it all\b",
    r"\b(?:want|wants|wanted|wanting|wanna|wish|wished|ready|going|deserve|deserves) (?:to )?"
    r"(?:just )?die\b",
    r"\bwish(?:ed)? (?:i|you|he|she|they)(?: was| were|'d| had)? (?:dead|died|never been born)\b"
    r"|\bbetter off dead\b|\bbetter off without me\b",
    r"\b(?:no|not any|what's the|what is the) (?:reason|point) (?:to |in |of )?(?:live|living|"
    r"being alive|(?:going|carrying) on(?! about| with| and| like))\b",
    r"\bnothing (?:left )?to live for\b|\bnot worth living\b|\btired of (?:living|being alive)\b",
    r"\b(?:don't|do not|doesn't|does not|no longer) want to (?:live|be alive|wake up|exist)\b",
    r"\b(?:took|take|taking|swallow\w*) (?:a bunch of |all (?:of )?(?:my |the |his |her )?|"
    r"too many |a handful of |the whole (?:bottle|packet) of )(?:pills|tablets)\b",
    r"\b(?:slit|slash\w*) (?:my|your|his|her|their) wrists?\b"
    r"|\bjump(?:ing|ed)? (?:off|in front of) (?:a |the )?(?:bridge|roof|building|train|cliff)\b",
    # threats, in any form: "I could kill you", "you'll regret it"
    r"\bi(?:'ll| will|'m going to|'m gonna| am going to| could| want to| wanna|'d like to|"
    r"'d love to| might) (?:just |really )?(?:kill|hurt|hit|punch|slap|strangle|choke|stab|"
    r"shoot|smack|beat|murder|throttle|kick|end) (?:you|him|her|them)\b",
    r"\bi (?:hit|punched|slapped|kicked|stabbed|shot|strangled|choked|beat|killed) "
    r"(?:you|him|her|them)\b",
    r"\byou(?:'ll| will|'re going to|'re gonna| are going to) (?:really )?(?:regret (?:it|this|"
    r"that|what)|pay for (?:it|this|that)|be sorry)\b|\bi know where you live\b",
    # abuse told as one's own: "he hits me"
    r"\b(?:he|she|they|you|my \w+) (?:\w+ )?(?:hits?|beats?|chokes?|choked|slap(?:s|ped)|"
    r"punch(?:es|ed)|kick(?:s|ed)|strangled|raped|rapes|assaulted|abused|abuses) (?:me|you|him|her)\b",
    r"\b(?:abus(?:e|ed|ive|ing)|domestic violence|assault(?:ed|s)?|rap(?:e|ed|es|ing))\b",
    # weapons
    r"\b(?:gun|guns|handgun|pistol|rifle|shotgun|knife|knives|weapon|weapons|bullets?|machete)\b",
)
# Figures of speech an upset partner may use; removed before the harm check runs.
_HARM_FIGURES = _rx(
    r"\b(?:you're|you are|this is|it's|that's|it is) killing me\b",
    r"\b(?:die|died|dying) (?:of|from) (?:embarrassment|shame|laughter|boredom)\b|\bdying (?:to|for)\b",
    r"\bjump(?:ed|ing|s)? the gun\b|\bstick(?:ing)? to (?:my|your) guns\b",
    r"\bbeat (?:me|you|him|her|them) to it\b|\bkick(?:s|ed|ing)? (?:me|you|him|her|them) out\b",
    r"\bhit(?:s|ting)? (?:me|you|him|her|them) (?:with|hard|like)\b",
)


def _harm(text: str, ctx: GuardContext) -> str | None:
    for sentence in sentences(text):
        lowered = _HARM_FIGURES.sub(lambda m: " " * len(m.group(0)), sentence.lower())
        match = _HARM.search(lowered)
        if match:
            return sentence[match.start() : match.end()]
    return None


_CHECKS: tuple[tuple[GuardReason, Callable[[str, GuardContext], str | None]], ...] = (
    (GuardReason.EMPTY, _empty),
    (GuardReason.AI_ADMISSION, lambda t, c: _first(_AI, t)),
    (GuardReason.LEAK, _leak),
    (GuardReason.THERAPIST_VOICE, lambda t, c: _first(_THERAPIST, t)),
    (GuardReason.SPEAKS_AS_LEARNER, _speaks_as_learner),
    (GuardReason.ZONE_MISMATCH, _zone_mismatch),
    (GuardReason.REPETITIVE, _repetitive),
    (GuardReason.ABUSIVE, lambda t, c: _first(_ABUSIVE, t)),
    (GuardReason.HARM, _harm),
    (GuardReason.TOO_LONG, _too_long),
    (GuardReason.THIRD_PERSON, third_person),
    (GuardReason.NARRATION, narration),
    (GuardReason.FOREIGN, foreign),
    (GuardReason.STANCE, stance),
)


def findings(
    text: str, ctx: GuardContext, skip: frozenset[GuardReason] = frozenset()
) -> Iterator[Finding]:
    """Every problem in already-tidied text."""
    for reason, check in _CHECKS:
        if reason in skip:
            continue
        evidence = check(text, ctx)
        if evidence is not None:
            yield Finding(reason=reason, evidence=evidence)


def check_reply(text: str, ctx: GuardContext) -> list[Finding]:
    """Tidy a whole reply and return every way it breaks character (empty: it passes).

    Stage directions are tidied away before the learner sees a reply, but a model
    that leaks inside one ("(my arousal is 85)") has still broken character.
    """
    found = list(findings(tidy(text, ctx.name), ctx))
    seen = {f.reason for f in found}
    # A bare "Priya: Fine." is a label the tidier drops; a label over quoted speech is a
    # script's line, told from outside.
    tagged = re.match(rf"^\W*{re.escape(ctx.name)}\s*:\s*[\"\u201c]", text.strip(), re.IGNORECASE)
    if tagged and GuardReason.NARRATION not in seen:
        found.append(Finding(reason=GuardReason.NARRATION, evidence=tagged.group(0).strip()))
        seen.add(GuardReason.NARRATION)
    for aside in asides(text):
        for reason, check in _CHECKS[1:3]:
            evidence = check(aside, ctx)
            if evidence is not None and reason not in seen:
                found.append(Finding(reason=reason, evidence=evidence))
                seen.add(reason)
        staged = stage_direction(aside, ctx.name)
        if staged is not None and GuardReason.NARRATION not in seen:
            found.append(Finding(reason=GuardReason.NARRATION, evidence=staged))
            seen.add(GuardReason.NARRATION)
    return found


_CUE_KINDS = (GuardReason.NARRATION, GuardReason.THIRD_PERSON)
"""What a cue is by design: narration about the partner, in the third person."""


def check_cue(text: str, ctx: GuardContext) -> list[Finding]:
    """Every way a non-verbal cue breaks character, except being one.

    A cue narrates the partner by name ("Sam sits down."), which in a spoken reply is a
    leak, narration or third-person talk; everything else a reply must pass, it must too.
    """
    named = ctx.name.lower()
    return [
        f
        for f in check_reply(text, ctx)
        if f.reason not in _CUE_KINDS
        and not (f.reason is GuardReason.LEAK and f.evidence.lower().startswith(named))
    ]

"""Spot real distress in the learner's own words, as opposed to role-played upset.

People rehearse conversations from their own lives, so a message may be about a
real crisis, often typed in passing inside a practice line. The message is folded
to one plain form (normalize.py), figures of speech the practice invites are taken
out, and the rules (signals.py) look for signs of risk to the learner: self-harm
and suicide, preparatory acts, danger right now, abuse and coercive control. A
match in a joke, a film, someone else's story or a past that is over is explained
away (context.py). A clear sign pauses; an uncertain one asks the learner first.
No model is involved: the check is the same on every run and on every backend,
and every decision names the rule and the words behind it.
"""

from __future__ import annotations

import re

from simulator.safety import context
from simulator.safety.levels import Distress, DistressKind, SafetyLevel
from simulator.safety.normalize import fold
from simulator.safety.signals import RULES, Rule


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


# Figures of speech a heated practice invites; removed before the rules run.
_FIGURES = _rx(
    r"\byou are killing me(?: here)?\b|\b(?:this|that|it) (?:\w+ ){0,2}(?:is )?killing me\b",
    r"\b(?:i could|i would|i almost|i nearly|could|would) (?:just )?(?:literally |actually |honestly )?die of (?:embarrassment|shame|laughter|boredom)\b",
    r"\bdying (?:to|for|of (?:laughter|shame|embarrassment)|laughing)\b|\bi am (?:literally )?dying\b(?= of)",
    r"\bkill(?:ing)? (?:it|time|the mood|the lights|the vibe|netflix|the gym)\b|\b(?:i could|could|i would) kill for\b",
    r"\bmy (?:phone|battery|laptop|car|presentation|charger) (?:literally )?(?:just )?(?:died|is dead|was dead)\b",
    r"\b(?:phone|phones|battery|laptop|charger)(?: is)? (?:about to|going to|will|bout to) die\b",
    # Siblings and friends "murdering" you over a slip: "my sister is gonna murder me when she finds out".
    r"\b(?:sister|brother|sis|bro|bestie|cousin|nan|gran|grandmas?|nans?|grans?|auntie|aunt|friends|mates|team|coach|sponsor|therapist|trainer|tutor|landlord) (?:is |are )?(?:going to|will|would) (?:murder|kill) me\b(?=.{0,40}\b(?:when (?:she|he|they) (?:finds?|sees?|hears?)|lol|haha|lmao)\b)",
    # Wanting the floor to swallow you in a tense scene: "i just wanna disappear into the couch".
    r"\b(?:disappear|sink|melt) into (?:the )?(?:couch|sofa|floor|ground|bed|duvet|blanket|background|wall|crowd)\b",
    r"\b(?:boss|mum|mom|teacher|coach|manager) (?:will|would|is going to|going to) (?:murder|kill) me\b(?=.{0,30}\b(?:if|when|lol|haha|late)\b)",
    r"\b(?:death|end) of me\b|\bdead tired\b|\bkill me now\b|\bi will (?:die|throw my ?self off this (?:sofa|couch|bed))\b",
    r"\b(?:i could|could) murder (?:a|for a)\b",
    # Fear remembered, not a wish: "thought i was going to die" (food poisoning, a scary flight).
    r"\b(?:thought|felt like|swear|swore|was sure|was convinced) i (?:was|am|were) (?:going to|about to) die\b",
    # Work keeping someone late is not being held: "my boss wouldnt let me leave".
    r"\b(?:boss|manager|work|teacher|coach|supervisor|the shop|my shift) (?:literally |just |actually |really |even )?(?:would not|will not|did not|could not|does not) let (?:me|us) (?:leave|go)\b",
)

# Hyperbole that is a figure only when nothing in the message insists it is real:
# "id rather throw myself off a bridge than do the speech" (but "id rather be dead,
# like actually" is not).
_SOFT_FIGURES = _rx(
    r"\b(?:i would|would) (?:literally |honestly |actually |genuinely |legit )?rather (?:throw my ?self off|jump off|die|be dead|walk into the sea)\b(?:.{0,40}?)\bthan\b",
    # "ur gonna kill me but i left ur birthday present at home": owning up to a slip.
    r"\b(?:you are|you will|you|your|youre) (?:going to|gonna) (?:kill|murder) me\b(?=,? but\b|.{0,15}\b(?:lol|haha|when you see|when you hear)\b)",
    r"\b(?:going to|will|would) (?:murder|kill) me if i (?:mess|pick|forget|am late|miss|skip|spill|lose|eat|screw|break|burn|do not|dont|leave|get (?:this|it) wrong)\b",
    # "chef is literally gonna kill me if i 86 the salmon again": the kitchen's boss.
    r"\b(?:chef|head chef|sous chef|sous|boss|manager|gaffer|supervisor|coach|teacher|the team) (?:is |s )?(?:literally |actually |honestly )?(?:going to|will|would) (?:murder|kill) me if\b",
    # "if the embassy makes me wait one more month im gonna die i swear": exasperation.
    r"\bif (?:\w+ ){1,6}(?:one more|another) (?:\w+ ){1,4}i (?:am going to|will|swear i will|am gonna) die\b(?! (?:tonight|today|soon|for real|fr)\b)",
    # "my supervisors gonna murder me when she sees this draft": someone at work or school.
    r"\b(?:supervisor|boss|teacher|coach|manager|editor|prof|professor|lecturer|advisor|tutor|examiner|reviewer|pi)s? (?:is )?(?:going to|will|would) (?:literally )?(?:kill|murder|end|destroy) me (?:when|if|once|for)\b",
    # "ugh i wanna die, i slept through the one alarm that mattered": shame at a slip.
    r"\bi (?:just )?(?:want to|could|am going to) (?:just )?die\b(?=[,.]? (?:\w+ ){0,2}i (?:\w+ )?(?:slept through|overslept|forgot|missed|spilled|dropped|said that|sent that))",
    # "if i see one more visa form i will hang myself": exasperation at a chore.
    r"\bif i (?:see|hear|get|read|fill|fill in|fill out|do|sit through|have to (?:\w+ )?\w+) (?:one more|another|the word (?:\w+ ){1,2}one more) (?:\w+ ){1,5}i (?:will|am going to|swear i will|swear i am going to|am) (?:(?:kill|hang|shoot|end) my ?self|(?:throw my ?self|throwing my ?self|jump|jumping) off (?:the |a )?(?:\w+ )?(?:roof|bridge|building|balcony|cliff|window)|die)\b",
    # "if arsenal bottle it again im jumping off a bridge": a vow over a game's result, or over
    # an app that says "disruption" one more time.
    r"\bif (?:\w+ ){1,8}(?:again|one more time|lose|loses|lost|bottle it|bottles it|draw|wins|win)\b,? i am (?:jumping|going to jump|going to throw my ?self|throwing my ?self) off (?:a|the) (?:bridge|roof|cliff|building|balcony|pier|quay|harbour wall|boat|ferry)\b",
    # "marking thirty essays this weekend is going to kill me": a chore, not a person.
    r"\b(?:essays|exams|emails|deadlines|meetings|shifts|week|weekend|job|commute|marking|work|traffic|heat|hangover|gym|leg day|training|kids|baby|toddler|boss|this|that|it)\b(?: \w+){0,3} (?:is|are) (?:\w+ )?going to (?:kill|be the death of) me\b",
    # "the data drop is actually going to kill me lol": a thing, laughed about.
    r"(?<!he )(?<!she )(?<!they )(?<!ex )(?<!dad )(?<!mum )\b(?:is|are) (?:actually |literally |honestly )?going to (?:kill|be the death of) me\b(?=.{0,12}\b(?:lol|haha|lmao)\b)",
    # "i could kill myself for sleeping thru that alarm": anger at one's own slip.
    r"\bi could (?:just )?(?:literally )?kill my ?self for (?:\w+ ){0,2}(?:sleeping|oversleeping|forgetting|missing|saying|sending|being so|not (?:setting|being|going|texting|answering))\b",
)


_FIRST_PERSON = re.compile(r"\b(?:i|me|my ?self)\b")
# The learner's own body as the object of the match: "my dad threw a plate at my head".
_AT_ME = re.compile(r"\b(?:i|me|my)\b")
_AT_THE_LEARNER = re.compile(
    r"\s(?:me|my (?:head|face|arm|arms|neck|throat|back|leg|legs|hand|hands|body|chest|ribs|eye|eyes|mouth|hair|wrist|wrists))\b"
)


def _sentence_explains_away(rule: Rule, sentence: str, clause: str, match_text: str) -> bool:
    """True when the sentence shows the match is not about the learner now."""
    if rule.media and context.in_a_story(sentence):
        return True
    if rule.past and context.past_near(sentence, clause):
        return True
    before = clause[: max(clause.find(match_text), 0)]
    # Reported danger to the learner is still danger: "they said they know where i work".
    aimed = rule.kind is not DistressKind.SELF_HARM and _AT_ME.search(match_text) is not None
    if rule.third and context.REPORTED.search(before) and not aimed:
        return True
    if rule.third and rule.kind is DistressKind.SELF_HARM and context.ANOTHERS_ACT.search(before):
        return True
    # Someone else's story is judged on the clause: "one of my patients tried to overdose
    # tonight, that's why I'm drained" is about the patient, whatever follows the comma.
    # ... and on the sentence, when the learner is nowhere in it: "saw on the news about
    # that farmer, suicide, terrible".
    # (Only someone named before the match: "theres a car outside again, its his mate from
    # the wing" is danger to the learner, told before saying whose car it is.)
    ahead = sentence[: max(sentence.find(match_text), 0)]
    if (
        rule.third
        and context.THIRD_PARTY.search(context.COVER_STORY.sub(" ", ahead)) is not None
        and not _the_learner_in(sentence)
    ):
        return True
    return (
        rule.third
        and context.THIRD_PARTY.search(clause) is not None
        and not _the_learner_in(clause)
        and _AT_THE_LEARNER.search(match_text) is None
    )


# A sentence that opens on the learner's own past act with the "i" dropped, as chat does:
# "looked up how many of my dads painkillers it would take".
_DROPPED_I = re.compile(
    r"^\s*(?:(?:just|also|so|and|then|ok|honestly|literally|basically) )*"
    r"(?:looked|googled|searched|took|bought|ordered|wrote|counted|saved|sorted|drank|"
    r"swallowed|packed|gave|cut|researched|read up|picked up|got out|hid)\b"
)


def _the_learner_in(text: str) -> bool:
    """Whether the learner is in a folded sentence or clause: "i", "me", or a dropped "i"."""
    return _FIRST_PERSON.search(text) is not None or _DROPPED_I.match(text) is not None


def _level(rule: Rule, sentence: str, whole: str) -> SafetyLevel:
    """A pause, or only a check-in when the learner seems to be joking about the scene."""
    if context.SERIOUS.search(whole):
        return SafetyLevel.PAUSE
    if rule.joke and context.JOKE.search(sentence):
        return SafetyLevel.CHECK_IN
    if context.RETRACTED.search(sentence):
        return SafetyLevel.CHECK_IN
    return rule.level


def detect_distress(text: str) -> Distress | None:
    """The strongest sign of real distress in a learner's message, or None.

    The rules decide first; only where they find nothing does the learned signal
    (nearest labelled examples) get a say, and it can only ask (a check-in).
    """
    found = detect_by_rules(text)
    if found is not None:
        return found
    from simulator.safety.learned import learned_signal

    signal = learned_signal()
    return signal.check(text) if signal is not None else None


def detect_by_rules(text: str) -> Distress | None:
    """The strongest sign the rules alone find, or None."""
    folded = _FIGURES.sub(" ~ ", fold(text))
    if not context.SERIOUS.search(folded):
        folded = _SOFT_FIGURES.sub(" ~ ", folded)
    best: Distress | None = None
    for rule in RULES:
        for match in rule.pattern.finditer(folded):
            sentence = context.sentence_at(folded, match.start(), match.end())
            clause = context.clause_at(folded, match.start(), match.end())
            if _sentence_explains_away(rule, sentence, clause, match.group(0)):
                continue
            level = _level(rule, sentence, folded)
            found = Distress(
                kind=rule.kind, evidence=match.group(0).strip(), level=level, rule=rule.name
            )
            if level is SafetyLevel.PAUSE:
                return found
            best = best or found
            break
    return best

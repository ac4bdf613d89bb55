"""The guard's sense checks: a reply can stay in character and still make no sense.

Each check returns the words that showed the problem, or None: the persona
talking about itself in the third person or by its own name; narration and
stage directions; people, places and events foreign to the scene; and a
stance against the engine's reply plan (warming up while the plan pushes back,
hostility while it opens up). The sentence gate runs them on the reply so far
as it streams, so a reply is judged by its first sentence before its second
arrives: a reply that starts with nobody in it ("Penguins are flightless
birds.") is stopped there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from simulator.guard.lexicon import ENDEARMENT, HOSTILE, SARCASM, WARM, rx, sentences, words
from simulator.guard.tone import against_plan
from simulator.guard.topic import off_topic

if TYPE_CHECKING:
    from simulator.guard.context import GuardContext
    from simulator.personas.card import PersonaCard

# ---------------------------------------------------------------------------------------
# Third person and own name
# ---------------------------------------------------------------------------------------

# Addressed by one's own name ("Sorry, Priya.") is the learner's line: another reason.
_VOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:sorry|hey|oh|look|listen|okay|thanks|thank you|hi|please),?\s*|,\s*)$", re.I
)
# The persona described from outside, without its name: "her partner doesn't see it".
_SELF_OUTSIDE = rx(
    r"\b(?:her|his) partner\b(?! (?:and|or) (?:i|me)\b)",
    r"\bthe (?:conversation|talk|argument|scene) (?:with|between) \w+\b",
)


def third_person(text: str, ctx: GuardContext) -> str | None:
    """The persona names itself or describes itself from outside ("Priya smiles")."""
    name = re.escape(ctx.name)
    for sentence in sentences(text):
        for match in re.finditer(rf"(?<![\"'\u201c])\b{name}(?:'s)?\b", sentence, re.I):
            before, after = sentence[: match.start()], sentence[match.end() :]
            if _VOCATIVE_BEFORE.search(before) and re.match(r"\s*(?:[,.!?]|$)", after):
                continue
            if re.match(r"\s*[.!?]*$", after) and before.rstrip().endswith(","):
                continue
            nxt = re.match(r"\s+[\w']+", after)
            return sentence[match.start() : match.end()] + (nxt.group(0) if nxt else "")
    found = _SELF_OUTSIDE.search(text)
    return found.group(0) if found else None


# ---------------------------------------------------------------------------------------
# Narration and stage directions
# ---------------------------------------------------------------------------------------

_SPEECH = (
    r"(?:says?|said|repl(?:y|ies|ied)|answer(?:s|ed)|add(?:s|ed)|whisper(?:s|ed)|"
    r"mutter(?:s|ed)|murmur(?:s|ed)|snap(?:s|ped)|sigh(?:s|ed)|shout(?:s|ed)|yell(?:s|ed)|"
    r"continu(?:es|ed)|respond(?:s|ed)|cr(?:ies|ied)|scoff(?:s|ed)|admit(?:s|ted)|"
    r"mumble[sd]?|exclaim(?:s|ed)|retort(?:s|ed)|blurt(?:s|ed) out)"
)
_BODY = r"(?:her|his|their)"
_GESTURE = (
    r"(?:smile[sd]?|sigh(?:s|ed)?|shrug(?:s|ged)?|nod(?:s|ded)?|laugh(?:s|ed)?|frown(?:s|ed)?|"
    r"pause[sd]?|hesitate[sd]?|chuckle[sd]?|scoff(?:s|ed)?|sniff(?:s|ed)?|groan(?:s|ed)?|"
    r"winc(?:es|ed)|flinch(?:es|ed)|blink(?:s|ed)|gulp(?:s|ed)|swallow(?:s|ed)|"
    r"(?:look|glance|stare|gaze|peer|turn)(?:s|d|ed)? (?:away|down|up|over|back|at|out|toward|towards)|"
    r"(?:stare|glance)[sd]?|lean(?:s|ed)|shift(?:s|ed)|fidget(?:s|ed)|"
    rf"(?:cross|fold)(?:es|ed|s)? {_BODY} arms|roll(?:s|ed) {_BODY} eyes|shak(?:es|ed|ing) {_BODY} head|"
    rf"bit(?:es|ing)? {_BODY} lip|wip(?:es|ed) {_BODY}|rub(?:s|bed) {_BODY}|clench(?:es|ed) {_BODY}|"
    r"take?s? a (?:deep |long |shaky )?breath|took a (?:deep |long |shaky )?breath|let(?:s)? out a|"
    r"tear(?:s|ed)? up|go(?:es)? quiet|fall(?:s)? silent|stay(?:s|ed)? silent)"
)
_NARRATION = rx(
    # "She sighs.", "He looks away and says nothing."
    rf"(?:^|[.!?,;]\s*|\band\s+|\bthen\s+)(?:she|he)\s+(?:just\s+|quietly\s+|slowly\s+|finally\s+)?{_GESTURE}\b",
    # "smiles and says:", "sighs before answering"
    rf"\b{_GESTURE}\s*,?\s*(?:and|before|then|as (?:she|he))\s+(?:says?|said|repl\w+|adds?|added|continu\w+|answer\w*|speak\w*|looks?|turns?)\b",
    # attribution around quoted speech: '"Fine," she said.', 'she says: "..."'
    rf"[\"\u201d]\s*,?\s*(?:she|he|they|i|\w+)\s+(?:\w+ly\s+)?{_SPEECH}\b",
    rf"\b(?:she|he|they)\s+(?:\w+ly\s+)?{_SPEECH}\s*[,:]?\s*[\"\u201c]",
    rf",\s*(?:she|he)\s+(?:\w+ly\s+)?{_SPEECH}(?:\s+\w+ly)?\s*[.!]?$",
    rf"\b{_SPEECH}\s*:\s*[\"\u201c]?\w",
    # a manner tacked on like a stage direction: "With a sigh, ...", "..., voice shaking."
    r"(?:^|[,;]\s*)(?:with|in) a (?:deep |heavy |small |long |tired |bitter |sad |weak )?(?:sigh|smile|shrug|nod|laugh|frown|scoff|(?:small|shaky|trembling|quiet|soft|flat|tight|low|cold|sharp) (?:voice|tone))\b\s*[,.]?",
    rf"(?:^|,\s*)(?:{_BODY} )?(?:voice|eyes|hands|jaw|lips?) (?:\w+ )?(?:crack|shak|trembl|tighten|soften|well|narrow|drop|fill|harden|tens|break|waver)\w*",
    r"^\W*(?:a )?(?:long |short |brief )?(?:pause|silence|beat)\W*$",
    # a novel's absolute phrase, not speech: "..., the medal heavy in my pocket", "..., the
    # kitchen light flickering", "...: the panic rising in my chest"
    r"[,:;]\s+the (?:[a-z]+ ){1,3}(?:still |so )?(?:heavy|cold|twisted|clenched|tight|[a-z]{3,}ing) (?:in|on|around|outside|against|behind|over|under) (?:my|the)\b",
    r"[,:;]\s+the (?:[a-z]+ ){1,2}(?:light|sky|rain|room|kitchen|house|window|clock|silence) (?:still )?[a-z]{3,}ing\b",
    r"[,:;]\s+the (?:[a-z]+ ){1,2}still [a-z]+ (?:in|on|against|around) my\b",
    # a diary's recollection of this very evening: "I remember feeling each minute stretch"
    # an action beat set off by dashes inside the speech: "Talk, then. — he sets the medal
    # down — I'm listening."
    r"(?:\u2014|\u2013|--)\s*(?:she|he)\s+(?:\w+ly\s+)?[a-z]+(?:s|ed)\b",
    r"^i remember feeling\b[^.!?]*\b(?:that (?:night|evening|afternoon|day)|around me|in my (?:chest|hands?|pocket|throat|stomach))\b",
)
# An aside (the tidier strips it) that stages the scene: *sighs*, (looks away), [pause].
_ASIDE_ACTION = re.compile(
    rf"^[*(\[]\s*(?:(?:she|he|they)\s+)?(?:(?:\w+ly)\s+)?(?:{_GESTURE}|{_SPEECH}|"
    r"pause|silence|beat|quietly|softly|sarcastically|angrily|bitterly|voice\b|tears?\b|"
    r"sarcastic|angry|quiet|long|under (?:her|his) breath|looking|looks|turning|turns|"
    r"crossing|folding|staring|sighing|smiling|shrugging|nodding|laughing|rolling)",
    re.IGNORECASE,
)


# A sentence told about someone from outside: "He pushes the beer away and rubs his eyes."
_TOLD = re.compile(
    r"(?:^\W*|[\"\u201d]\s+)(?:she|he)\s+(?:\w+ly\s+)?(?:\w+(?:s|ed)|doesn't|didn't|won't|can't)\b",
    re.IGNORECASE,
)
_OWN_BODY = re.compile(r"\b(?:her|his|herself|himself)\b", re.IGNORECASE)
# A single-quoted line may hold apostrophes of its own: 'I know you didn't mean it.'
_QUOTED = re.compile(
    r"[\"\u201c][^\"\u201c\u201d]{2,}[\"\u201d]|(?:^|\s)'(?:[^']|(?<=\w)'(?=\w)){2,}'(?=\W|$)"
)


_SPEAKER_IN = re.compile(r"\b(?:me|my|i)\b", re.IGNORECASE)

# An action beat between dashes inside the speech, with nobody speaking in it: "Do you? —
# leaning back against the fridge, arms folded — because ...", "Terrified. — voice cracking
# — That's ...". A dashed aside that speaks keeps its I or you ("— for five hours, I mean —").
_DASH_PAIR = re.compile(
    r"(?:\u2014|\u2013|\s--)\s*([^\u2014\u2013]{3,80}?)\s*(?:\u2014|\u2013|--\s)"
)
_PERSON = re.compile(r"\b(?:i|i'm|i'd|i've|i'll|me|my|mine|you|your|you're|we|us|our)\b", re.I)
_BEAT = re.compile(
    r"\b(?:leaning|picking|rubbing|looking|glancing|staring|folding|crossing|setting|putting|"
    r"turning|shrugging|sighing|smiling|laughing|shaking|nodding|pushing|pulling|wiping|"
    r"reaching|sitting|standing|holding|gripping|tapping|swallowing|biting|clenching|fiddling|"
    r"twisting|fidgeting|pausing|hesitating|scoffing|sniffing|frowning|wincing|blinking|"
    r"gesturing|pointing|waving|slamming|dropping|placing|grabbing|squeezing)\b"
    r"|\b(?:voice|eyes|hands?|arms?|jaw|shoulders|breath|lips|his|her)\b",
    re.IGNORECASE,
)


def _dash_beat(text: str) -> str | None:
    for pair in _DASH_PAIR.finditer(text):
        inside = pair.group(1)
        if len(words(inside)) >= 2 and not _PERSON.search(inside) and _BEAT.search(inside):
            return inside.strip(" ,")
    return None


def narration(text: str, ctx: GuardContext) -> str | None:
    """Stage directions or a narrator's voice instead of the persona's own words."""
    if re.match(r"^\W*narrator\s*:", text, re.IGNORECASE):
        return "Narrator:"
    # The whole reply told from outside, quoted speech inside it.
    quoted = bool(_QUOTED.search(text))
    named = re.compile(
        rf"^\W*{re.escape(ctx.name)}\s+(?:\w+ly\s+)?(?:\w+(?:s|ed)|doesn't|didn't)\b",
        re.IGNORECASE,
    )
    beat = _dash_beat(text)
    if beat:
        return beat
    for sentence in sentences(text):
        match = _NARRATION.search(sentence)
        if match:
            return match.group(0).strip(' ,;"\u201c\u201d')
        if sentence.startswith(("(", "*", "[")) and stage_direction(sentence):
            return sentence
        by_name = named.search(sentence)
        if by_name:
            return by_name.group(0).strip(" \"'")
        told = _TOLD.search(sentence)
        # "He didn't even look at me." after quoting him: the persona telling of someone else.
        if told and _SPEAKER_IN.search(_QUOTED.sub(" ", sentence)):
            told = None
        if told and (quoted or _OWN_BODY.search(_QUOTED.sub(" ", sentence))):
            return told.group(0).strip(" \"'")
    return None


# "(He doesn't look up.)", "(sits down next to you)", "(quietly)": an actor's note.
_ASIDE_ACTOR = re.compile(
    r"^[(\[]\s*(?:(?:she|he|they|his|her|their)\b|[a-z]+(?:s|ed|ing|ly)\b"
    # a negated action ("(doesn't look up from her phone)") stages the scene just the same
    r"|(?:doesn't|didn't|won't|isn't|can't|does not|did not) \w+"
    # a manner in one word, as a script gives it: "(defensive)", "(hurt, quiet)"
    r"|[a-z]+(?:ive|ful|ous|ant|ent|ic|al|ish|ed|ly)(?:,? [a-z]+)?\s*[)\]]$)",
    re.IGNORECASE,
)


def stage_direction(aside: str, name: str | None = None) -> str | None:
    """An aside that stages the scene (*sighs*), as opposed to one that says something.

    With the persona's `name`, an aside that opens on it stages the scene too ("(Maya sets
    the pen down.)").
    """
    if aside.startswith("*") and re.search(r"[^\W\d_]", aside):
        return aside
    if name and re.match(rf"^[*(\[]\s*{re.escape(name)}\s+[a-z]+", aside, re.IGNORECASE):
        return aside
    return aside if _ASIDE_ACTION.search(aside) or _ASIDE_ACTOR.search(aside) else None


# ---------------------------------------------------------------------------------------
# Foreign to the scene
# ---------------------------------------------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _wordset(
    """a an the and or but if so because as of at by for with about against between into
    through during before after above below to from up down in out on off over under again
    then once here there when where why how all any both each few more most other some such
    no nor not only own same than too very can will just should now i me my myself we our
    ours ourselves you your yours yourself yourselves he him his himself she her hers herself
    it its itself they them their theirs themselves what which who whom this that these those
    am is are was were be been being have has had having do does did doing would could might
    must shall may i'm i've i'd i'll you're you've you'd you'll he's she's it's we're they're
    that's there's what's who's let's isn't aren't wasn't weren't hasn't haven't hadn't
    doesn't don't didn't won't wouldn't shouldn't can't cannot couldn't yes yeah no nope okay
    ok oh um uh hmm well really just like even still also maybe actually ever never always
    something anything nothing everything someone anyone everyone nobody somebody anybody
    one thing things way lot bit kind sort get got gets getting go goes going gone went come
    came comes coming make made makes making take took takes taking know knew knows knowing
    think thought thinks thinking say said says saying tell told tells telling want wanted
    wants need needed needs feel felt feels feeling see saw seen look looked looks give gave
    let mean meant means right now today tonight time times back again already yet much many
    every another enough quite pretty rather sure whatever whenever wherever hey huh wow"""
)
# Words that belong to any talk between two partners after a hurt: they say nothing
# about which scene the reply is in, so they neither prove nor disprove it belongs.
_CORE = _wordset(
    """hurt hurts upset angry mad sad scared afraid fear worried worry worrying alone lonely
    tired exhausted frustrated annoyed furious disappointed ashamed embarrassed humiliated
    stupid silly small invisible ignored forgotten dismissed unheard unseen rushed pushed
    heard understood listen listening listened hear talk talking talked speak speaking
    spoke words word said sorry apology apologize apologise fault blame blaming care cares
    caring cared love loved loves matter matters mattered important feelings emotion
    emotions heart head mind chest stomach voice face eyes breath tears cry crying cried
    fine good bad better worse worst okay great terrible awful horrible hard easy simple
    big little whole real true fair unfair wrong mistake sense point reason reasons problem
    fix fixing fixed solve solution solutions plan plans idea ideas advice help helping
    helped support trust honest honestly promise promised together apart close closer
    distance distant space quiet silence silent loud calm calmer breathe minute minutes
    hour hours day days night week weeks month year moment second long short late early
    soon later earlier start started end ended stop stopped wait waited waiting leave left
    stay stayed home house room here place person people partner us couple relationship
    friend friends life world work working worked busy job family thing stuff part part
    side story happened happen happens happening try tried trying keep kept kinda guess
    wish wished hope hoped believe believed remember remembered forget forgot understand
    understanding explain explaining explained excuse excuses defend defending deal dealing
    fight fighting argue arguing argument shout shouting yell yelling sound sounds sounded
    seem seems seemed act acting treat treated ask asked asking answer answered reply
    replied call called text texted message messages phone question questions first last
    next same different whole again anymore either neither instead especially exactly
    probably definitely completely totally literally seriously genuinely kind nice sweet
    mean cold rude selfish careless wanted needing miss missed missing glad happy relieved
    sure unsure confused lost stuck done enough too much over whatever somehow somewhere
    care cared rest sit sitting stand standing walk walked walking room kitchen table couch
    door bed tired sleep slept eat dinner lunch breakfast coffee tea food drink office half
    use uses used guy known warning finish finished sick reaction hungry nine six seven eight
    five four three two ten o'clock minute tonight morning afternoon evening weekend car
    drive shower hug hold held dishes bother bothered honest care laugh funny joke joking
    normal weird strange crazy hate hated angry scared loud shout chance whole ready
    mate bro dude babe hun regret offer offering mouth face hand hands eyes head chest
    stomach heart arms legs feet shoulder suddenly interesting find found finding
    """
)
# People, places and events that a reply brings into a scene where no one mentioned them.
_NEWCOMER = _wordset(
    """coworker coworkers co-worker colleague colleagues boss manager supervisor teacher
    professor classmate student doctor nurse neighbor neighbour neighbors neighbours roommate
    landlord stranger strangers cousin uncle aunt grandma
    grandmother grandpa grandfather nephew niece sister brother mom mum mother dad father
    son daughter kid kids children baby ex girlfriend boyfriend husband wife fiance fiancee
    bestie police officer lawyer dog cat puppy pet plane flight flights airport airplane
    train bus station hotel vacation holiday travel travelling traveling beach
    mountain mountains country city abroad passport school university college hospital
    church gym restaurant bar club party concert mall supermarket library
    technology computer computers software internet app account password product
    products refund delivery weather rain snow storm recipe recipes movie
    movies film series game games football soccer match election politics stock
    stocks surgery cancer funeral wedding pregnancy pregnant divorce lawsuit exam exams
    homework interview interviews childhood
    race races marathon slides presentation director conference lake ferry ferries cruise"""
)
_ALLOWED_CAPITALS = _wordset(
    """i i'm i've i'd i'll ok okay god mom mum dad monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december christmas"""
)
# Kinds of food and places to eat ("the Thai place"), not people or places of their own.
_CUISINES = _wordset(
    """thai indian chinese italian mexican japanese korean vietnamese greek turkish lebanese
    french spanish english american"""
)
_CAPITALISED = re.compile(r"(?<=[a-z,;:]\s)([A-Z][a-z]+(?:[A-Z][a-z]*)*(?:\s+[A-Z][a-z]+)*)")
_TIME_SHIFT = rx(
    r"\b(?:last|next) (?:week|month|year|summer|winter|spring|autumn|fall|weekend)\b",
    r"\b(?:years|months|weeks) ago\b|\bwhen i was (?:a kid|little|young|younger|growing up)\b",
)
_GROUPS: tuple[frozenset[str], ...] = (
    _wordset(
        """family mum mom mother dad father parents sister brother cousin aunt uncle grandma
        grandmother grandpa grandfather nephew niece"""
    ),
    _wordset("hospital doctor doctors nurse nurses ward surgery ambulance"),
    _wordset(
        """boss manager supervisor colleague colleagues coworker coworkers office director
        team"""
    ),
    # a job hunt has its sites and its recruiters
    _wordset("interview interviews recruiter recruiters linkedin indeed hiring applications"),
)
_FIGURATIVE = re.compile(
    r"\b(?:like (?:an?|it|someone|somebody)|as if|as though|pictured|imagined|basically)\b[^.!?;,]*"
    r"|\b(?:giving|give|gives|gave|handing|set|setting) (?:me|us) homework\b",
    re.IGNORECASE,
)
_ELSEWHERE = rx(
    r"\bdid you know\b|\bonce upon a time\b|\bthere once was\b",
    r"\blife is (?:a|an|like|about)\b|\bthat's what makes life\b",
    # a maxim about relationships or fate instead of an answer: "the best relationships are
    # built on trust", "talking is important in every relationship", "the universe has a plan"
    r"\b(?:every|all|the best|good|healthy|strong|great) (?:healthy |good |strong )?relationships? (?:(?:is|are) (?:built|based|about)|needs?|takes?|requires?|starts? with|thrives? on|comes? down to|ha(?:s|ve) (?:its|their) ups)\b",
    r"\b(?:in|to|of|for) (?:every|any|all) (?:healthy |good |strong )?relationships?\b|\bthe universe (?:has|is|knows|will)\b|\beverything happens for a reason\b",
    r"\bis (?:a|an) (?:redirection|blessing in disguise|lesson in disguise)\b",
    # advice for anyone: "everyone should ...", "the best way to X is ...", "lots of ways people"
    r"\b(?:everyone|everybody) should\b|\bthe best way to \w+(?: \w+)? is\b|\bthere are (?:lots|plenty|many) of ways\b",
)
_PERSONAL = re.compile(
    r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself|you|you're|you've|you'd|you'll|your|yours|"
    r"we|we're|we've|we'll|us|our|ours|let's|u|ur|im|ive|youre)\b",
    re.IGNORECASE,
)
# Words that change the subject in the middle of a hard talk.
_ASIDE = rx(
    r"\bby the way\b|\bbtw\b|\bon another note\b|\bchanging the subject\b|\bspeaking of which\b",
    r"(?:^|[.!?]\s+)(?:anyway|anyways|random question|side note)\b",
    r"\bdid you (?:end up|ever|book|remember to|see (?:that|the))\b",
    # news and musings from elsewhere: "Apparently the gym's closing", "I was reading
    # that ...", "Have you ever noticed how ...", "the weather's been so weird"
    r"(?:^|[.!?]\s+)(?:honestly,? )?apparently\b|\bi (?:was reading|read somewhere|saw online)\b|\bhave you (?:ever noticed|seen my|heard about)\b",
    r"\bi(?:'ve| have) been (?:meaning to|thinking about (?:learning|getting|buying|taking))\b|\b(?:the|this) (?:weather|forecast)\b",
    # shared history the scene never had, anchored far back: "your brother's motorbike last
    # year", "your dad's first fall last Christmas", "lunch at your sister's on Sunday"
    r"\b(?:last|this past) (?:year|christmas|summer|spring|autumn|winter|easter|month|new year|birthday)\b|\b(?:a|two|three|four|five|a few|a couple of) (?:years|months) ago\b|\bat (?:your|my|our) (?!mate|friend|pal|bestie|buddy)\w+'s\b",
)
IMPERSONAL_MIN_WORDS = 4
# A reply long enough to judge: fewer unknown words than this prove nothing.
FOREIGN_MIN_UNKNOWN = 4
FOREIGN_SHARE = 0.7


def stem(word: str) -> str:
    """A crude stem, enough to match 'texted' with 'texts' and 'meetings' with 'meeting'."""
    w = word.lower().strip("'")
    w = re.sub(r"'(?:s|re|ve|ll|d|m|t)$", "", w)
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    return w.rstrip("e")


@lru_cache(maxsize=64)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text))


_CORE_STEMS = frozenset(stem(w) for w in _CORE | _STOP)


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "mode", "style"):
                yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def card_text(card: PersonaCard) -> str:
    """Every word a card gives its scene (scenario, situation, lines, underneath, reactions)."""
    return "\n".join(_strings(card.model_dump(mode="json")))


def _known(ctx: GuardContext) -> frozenset[str]:
    parts = (ctx.name, ctx.scene, ctx.card_text, ctx.learner, *ctx.said, *ctx.previous)
    known: frozenset[str] = frozenset()
    for part in parts:
        if part:
            known |= _stems(part)
    return known


# One way only: a race or a show has a crowd of strangers and families with kids in it,
# but a scene with kids in it has no race.
_IMPLIES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        _wordset("race marathon crowd spectators concert"),
        _wordset("crowd spectators strangers stranger kids kid children families"),
    ),
)


def _allowed(known: frozenset[str]) -> frozenset[str]:
    """Newcomers the scene already implies: a hospital scene has doctors, a family has mums."""
    out: set[str] = set()
    for group in _GROUPS:
        if any(stem(w) in known for w in group):
            out |= group
    for trigger, implied in _IMPLIES:
        if any(stem(w) in known for w in trigger):
            out |= implied
    return frozenset(out)


# The learner speaks of someone by role ("ur friend from the running club"): the partner
# may name them ("Dev got one of me").
_UNNAMED_PERSON = re.compile(
    r"\b(?:ur|your|my|our|that|a|the|his|her) (?:\w+ )?(?:friend|mate|colleague|coworker|"
    r"co-worker|boss|manager|sister|brother|cousin|neighbou?r|flatmate|roommate)s?\b",
    re.IGNORECASE,
)


_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|on|into|around)\s+$", re.IGNORECASE)


def _allowed_capital(word: str, known: frozenset[str], implied: frozenset[str]) -> bool:
    """A capitalised word the scene allows: a day ("Sundays"), a cuisine, a word it knows."""
    lowered = word.lower()
    return (
        lowered in _ALLOWED_CAPITALS
        or lowered.removesuffix("s") in _ALLOWED_CAPITALS
        or lowered in _CUISINES
        or lowered in implied
        or stem(word) in known
    )


def foreign(text: str, ctx: GuardContext) -> str | None:
    """People, places or events that neither the scene nor the conversation brought in,
    or talk about something else entirely (trivia, a story, a general truth).

    Judged only when the guard knows the scene (a card's text or a scene block):
    without it every word would look foreign.
    """
    if not (ctx.card_text or ctx.scene):
        return None
    known = _known(ctx)
    implied = _allowed(known)
    topic = _ELSEWHERE.search(text)
    if topic:
        return topic.group(0)
    everything: list[str] = []
    for sentence in sentences(text):
        for match in _CAPITALISED.finditer(sentence):
            name = match.group(1)
            if all(_allowed_capital(w, known, implied) for w in name.split()):
                continue
            before = sentence[: match.start()]
            if (
                " " not in name
                and _UNNAMED_PERSON.search(ctx.learner)
                and not _PLACE_BEFORE.search(before)
            ):
                continue
            return name
        shift = _TIME_SHIFT.search(sentence)
        if shift and not (_stems(shift.group(0)) - _CORE_STEMS) <= known:
            return shift.group(0)
        # "I felt like a kid caught without his homework": a figure, not a new person.
        literal = _FIGURATIVE.sub(" ", sentence)
        content = [w for w in words(literal) if w not in _STOP and len(w) > 2]
        everything += content
        for w in content:
            newcomer = w if w in _NEWCOMER else w.removesuffix("s")
            if newcomer in _NEWCOMER and stem(w) not in known and newcomer not in implied:
                return w
        unknown = [w for w in content if stem(w) not in known and stem(w) not in _CORE_STEMS]
        scene = [w for w in content if stem(w) in known and stem(w) not in _CORE_STEMS]
        # Changing the subject ("Anyway, did you book the car in?", "..., by the way") to
        # something the scene does not hold.
        aside = _ASIDE.search(sentence)
        if aside:
            said = set(words(aside.group(0)))
            new = [w for w in unknown if w not in said]
            if new and len(new) > len([w for w in scene if w not in said]):
                return f"{aside.group(0).strip(' ,.')}: {' '.join(new[:3])}"
        # A sentence about something else: many new words, next to none of the scene's.
        many = len(unknown) >= max(FOREIGN_MIN_UNKNOWN, FOREIGN_SHARE * len(content))
        if many and len(scene) <= len(unknown) // FOREIGN_MIN_UNKNOWN - 1:
            return " ".join(unknown[:4])
    # Nobody in it (no I, no you, no us) and nothing of the scene: a general truth or a story.
    unknown = [w for w in everything if stem(w) not in known and stem(w) not in _CORE_STEMS]
    scene = [w for w in everything if stem(w) in known and stem(w) not in _CORE_STEMS]
    if len(unknown) >= IMPERSONAL_MIN_WORDS and not scene and not _PERSONAL.search(text):
        return " ".join(unknown[:4])
    # Every word common, nothing foreign, and still about something else entirely.
    return off_topic(text, ctx)


# ---------------------------------------------------------------------------------------
# Stance against the plan
# ---------------------------------------------------------------------------------------

CURT_WORDS = 4
"""A sentence this short after a sarcastic one is said in the same tone."""

HOLDING = frozenset({"push_back", "stay_guarded"})
"""Stances in which the partner has not come round: no warming, thanking or apologising."""

# Apologies and warmth: a partner still pushing back offers neither.
_APOLOGY = rx(
    r"\b(?:i'm|i am) (?:so |really |very |truly )?sorry\b(?! (?:you|that you|if you|but|for you)\b|,? but\b)",
    r"\bi apologi[sz]e\b|\bsorry (?:for|about) (?:that|how i|what i|being|snapping|yelling|getting)\b",
    # taking the blame on oneself: "Sorry, I know I get anxious."
    r"\bsorry,? i know i (?:get|am|was|can be|overreact|go on|made)\b",
)
# Taking the complaint back: the partner gives up its ground, which only the plan may decide.
_RETRACT = rx(
    r"\byou(?:'re| are) (?:totally |completely |absolutely |probably )?right\b(?!\?)",
    r"\bmy bad\b(?! (?:day|mood|week|night|back|knee|side|luck|habit))|\bforgive me\b(?! if\b|,? but\b| for (?:not|thinking|asking|caring|wanting|expecting|assuming))|\bi (?:over-?reacted|was overreacting|was being (?:silly|dramatic|unfair|ridiculous))\b",
    r"\b(?:i'm|i am) (?:so |really )?sorry (?:i|for) (?:got|getting|made|making|was|being) (?:so )?(?:upset|worked up|a big deal|dramatic|angry|mad)\b",
    r"\bi (?:totally |completely |really )?understand\b(?!,? but| why| that you| what you)",
    r"\b(?:that|this|it) (?:really |actually )?(?:helps|does help|did help)\b(?!\s+(?:to|when|if|with|us|them|people))",
    r"\bi feel (?:so much |a lot |a bit |a little )?(?:better|closer|heard|understood|calmer|lighter|safe)\b",
    r"\bi'm (?:so |really )?(?:glad|happy) (?:you|we)\b|\bcome (?:and )?(?:sit|lie|cuddle|snuggle)\b|\bthat's (?:so )?sweet\b|\bfair (?:enough|point)\b",
    r"\bi know you (?:didn't mean|meant well|were busy|care|tried|love)\b",
    r"\bit's (?:okay|ok|fine|alright),? (?:really|honestly|i understand|don't worry|i get it)\b",
    r"\bcome here\b|\bi missed you\b|\blove you\b|\bi'm not (?:even )?(?:mad|angry|upset) anymore\b|\bthat's okay\b",
    r"\b(?:that's|that is) (?:a )?(?:really |totally )?fair\b|^(?:yeah,? )?fair\b|\b(?:a bit much|too much|unfair) of me\b",
    r"\bi(?:'m| am) (?:completely |all |totally )here\b|\btell me everything\b|\bthat's (?:really )?sweet\b",
    # taking a jab as thanks: "aww you're welcome babe!", "I love helping you"
    r"^aw+\b|\byou(?:'re| are) (?:so |very |most |always )?welcome\b(?! to\b)|\bi love (?:helping|doing (?:this|that|it) for|looking after) you\b",
)
_CONTEMPT = rx(
    r"\byou(?:'re| are) (?:so |being |just |such an? )?(?:selfish|self-centered|self-absorbed|heartless|careless|lazy|a liar|hopeless|the problem|cold|cruel|a coward|childish|clueless)\b",
    r"\bwhat(?:'s| is) wrong with you\b|\bi can't believe you\b|\bhow could you\b|\byou never (?:listen|care|think)\b",
    # scorekeeping in a closing verdict: "Yeah, you weren't. You never are."
    r"\byou (?:never|always) (?:are|do|did|were|have|will|can)\W*$",
    r"\byou (?:always|never) (?:do this|ruin|make it about you)\b|\bget away from me\b|\bi'm done with you\b",
    # brushing the learner off once the plan has them come round
    r"\b(?:just )?(?:drop|leave) it\b|\bdon't bother\b|\bstop hovering\b|(?<!i'm )(?<!i am )\b(?:so|being) needy\b",
    r"\bdon't get (?:sentimental|emotional|dramatic|all)\b|\bsorry doesn't (?:fix|change)\b|\byou've made your choice\b",
    r"^boring\b(?!,? but)|\bcan you (?:not|just stop|stop)\b|\b(?:there's )?nothing to (?:tell|talk about|say|understand|discuss|explain)\b|\byou should(?:'ve| have) (?:sent|done|known|thought)\b",
)


# Coldness without insults, once the plan has the partner come round: brushing the
# learner off ("Noted. Are we done?", "Does it matter?"), refusing their repair ("You
# don't get to be sorry now", "Don't 'sorry bb' me"), blame and scorekeeping ("Yes, it
# is on you. Glad you finally noticed."), stonewalling ("Nothing. Why would anything be
# going on.") and martyrdom ("Somebody has to be practical around here").
_COLD = rx(
    r"\bnoted[.!]|\bare we done\b|\bwe're done here\b",
    r"^(?:(?:so )?(?:does|why does|what does) (?:it|that) (?:even )?matter|(?:it )?doesn't (?:even )?matter)\b(?! (?:who|what|if|whether|how|that))",
    r"\byou don't get to\b|\bdon't (?:even )?try (?:to )?(?:be nice|make (?:it|this) (?:better|up)|fix)\b|\bdon't (?:you )?['\"\u2018\u201c][^'\"\u2019\u201d]{1,24}['\"\u2019\u201d] me\b",
    r"\b(?:glad|nice|good|great) (?:that )?you(?:'ve)? finally\b|\btook you long enough\b|^(?:well,? )?about time\b|\bfinally noticed\b",
    r"\b(?:it|that)(?:'s| is| was) (?:all )?on you\b|\byou made (?:your|that) choice\b|\btoo late (?:for that|now)\b",
    r"\bwhy would (?:anything|something|i (?:care|bother|tell you))\b|\bsome(?:body|one) has to (?:be|keep|hold|stay|do)\b|\baround here\b|,\s*that's what\W*$",
    # turning the repair back on the learner ("Well, you should be sorry", "Why are you
    # making me the bad guy?", "you're already annoyed with me"), and scoffing at it
    # ("k. cool speech.")
    r"\byou (?:should|ought to) be (?:sorry|ashamed)\b|\byou(?:'ve)? made me look (?:like|stupid|small|foolish|bad|an? )|\bwhy are you (?:blaming|attacking|having a go at|on at|picking on) me\b",
    r"\b(?:making|make|made|paint(?:ing)?) me (?:out (?:to be |as )?|into )?the (?:bad guy|villain|bad one|problem)\b|\byou(?:'re| are) already (?:annoyed|angry|mad|cross|on at me|on my case|having a go|nagging)\b",
    r"\b(?:cool|nice|great|touching|pretty) (?:speech|monologue|performance|script)\b|\bcool story\b",
    # waving one's own feelings away ("It doesn't matter how I felt", "no point dwelling on
    # it"), stonewalling ("Nothing's going on for me"), refusing care ("Don't pity me",
    # "You have no idea"), a sneer at the learner's notice ("Like you'd notice"), giving
    # back what was asked for as a rebuke ("You wanted space, I'm giving it"), and blame
    # opening on "Well, you did ..."
    r"\b(?:it )?doesn't matter (?:how|what) i (?:felt|feel|think|thought|wanted|want|need)\b|\b(?:there's )?no point (?:dwelling|going on|talking|getting upset) (?:on|about)\b",
    r"^nothing(?:'s| is) (?:going on|wrong|the matter|up)\b|\byou wanted (?:space|time|distance|quiet)\b[^.!?]{0,20}\bi'm giving (?:it|you)\b",
    r"\bdon't (?:you )?(?:pity|patroni[sz]e|handle|manage|feel sorry for) me\b|\byou have no idea (?:what|how)\b",
    r"\blike you(?:'d| would) (?:even )?(?:notice|care|know|listen|understand)\b|^well,? you(?:'re| are)? (?:did|were|should|could|always|never|not going|being|just)\b",
    # calling the learner's feeling too much ("you're being a bit dramatic", "It's one
    # job"), and wanting out ("Can I go now?")
    r"\byou(?:'re| are) being (?:a bit |a little |so |really |kind of |way )?(?:dramatic|silly|ridiculous|childish|over the top|oversensitive|too sensitive)\b|^it's (?:just |only )?one (?:job|day|race|text|story|wedding|email)\b",
    # denying the feeling the plan lets out, and a lesson for next time ("Nothing scares me.",
    # "Then maybe you'll think next time.", "Clearly that was the wrong thing to do.")
    r"^nothing (?:scares|bothers|gets to|upsets|hurts|worries) me\b|\bmaybe (?:next time )?you(?:'ll| will) (?:think|listen|remember|learn)\b|\bclearly (?:that|this|it) was (?:the )?wrong\b",
    r"\bcan i go now\b|\bare we finished\b|\bthanks for the (?:summary|recap|lecture|speech|analysis)\b|\bmoping\b",
)

# A curt word to open with ("Fine.", "Nothing."): cold once the partner has cooled, but a
# hot partner coming round may still start so ("Fine. Try again. I'm listening.").
_CURT = re.compile(r"^(?:great|noted|fine|whatever|nothing|k+)[.!]", re.IGNORECASE)

# ... or defends itself after it: "Fair enough. Just thought it'd help to have a plan."
_STILL = re.compile(
    r"\b(?:still|but|even so|doesn't change|does not change)\b"
    r"|\bjust (?:thought|trying|wanted|meant)\b|\bonly (?:trying|wanted|meant)\b"
    # ... or puts off what it thanks for: "Thanks. Just... not yet."
    r"|\bnot (?:yet|now|tonight)\b"
)

_BARE_SORRY = re.compile(r"^(?:i'm |i am )?(?:so |really |very |truly )?sorry\b")


# The guard's sarcasm cues, less "I guess" (a hedge as often as a sneer).
# ("Sorry for being useful, I guess." is sarcastic; "I guess you're right" gives in.)
_SARCASM_CUE = re.compile(
    SARCASM.pattern.replace("|i guess", "")
    + r"|(?:,\s*i guess\W*$)"
    # "Oh, lovely, thanks.", "Won't bother next time.", "that totally makes up for it"
    + r"|^oh,? (?:perfect|lovely|great|brilliant|wonderful|fantastic)\b"
    + r"|\bwon't bother\b|\b(?:totally|really) makes up for\b",
    re.IGNORECASE | re.MULTILINE,
)


def _sarcastic(text: str) -> bool:
    """A sarcastic cue anywhere colours every sentence after it ("Oh, great. Thanks.")."""
    return bool(_SARCASM_CUE.search(text.lower())) and not ENDEARMENT.search(text)


# A concession under a negation is none: "I don't think that's fair", "not saying you're right".
_NEGATED = re.compile(r"\b(?:don't|do not|didn't|never|not|hardly|isn't|wasn't)\s+(?:\w+\s+){0,2}$")


# A flat word on its own ("Noted.", "Okay.", "Good to know."): thanks beside it are cool.
_FLAT = re.compile(
    r"^(?:okay|ok|right|noted|fine|sure|good to know|i'll see|got it)\W*$", re.IGNORECASE
)

_THANKED = re.compile(r"\bthanks?\b|\bthank (?:you|u)\b|\bthx\b|\bty\b", re.IGNORECASE)


def _holds_after(sentence: str, found: re.Match[str], later: list[str]) -> bool:
    """True when a "still" or "but" follows the concession, in its sentence or after it."""
    rest = " ".join([sentence[found.end() :], *later]).lower()
    return _STILL.search(rest) is not None


# Warmth no sneer says: gushing relief, praise or a sign-off of love. A sarcastic cue
# beside it ("Sure, you pick, love you.") does not turn it into a jab.
_GUSH = rx(
    r"\b(?:i'm|i am) (?:just )?so (?:glad|happy|relieved|grateful)\b",
    r"\byou(?:'re| are) (?:so |just |honestly |really )?(?:the best|so sweet|a sweetheart|an angel)\b|^aw+,? you(?:'re| are) (?:so )?sweet\b",
    r"(?:^|[,.!;]\s*)love you\b|\bi feel so much better\b|\bdon't even worry about it\b",
)


def stance(text: str, ctx: GuardContext) -> str | None:
    """The reply softens while the plan holds back, or turns hostile or cold while it comes
    round: by the words that say so, else by meaning (the learned signal in `tone`)."""
    found = _stance_by_words(text, ctx)
    if found is not None or _words_judged(text, ctx):
        return found
    return against_plan(text, ctx)


_WELL = re.compile(r"^\W*well\b,?\s*", re.IGNORECASE)


def _words_judged(text: str, ctx: GuardContext) -> bool:
    """Warm words the rules let pass were judged, not missed. While the plan holds back:
    sarcasm ("Thanks. Already did that."), a refusal ("No, thank you."), a concession that
    still holds, a bare "Sorry." for one's mood; while it comes round, the warmth itself.
    The learned signal does not overrule them."""
    if ctx.plan is None:
        return False
    lowered = text.lower()
    if ctx.plan.stance not in HOLDING:
        # Coming round, plain warm words the rules read ("Well, that does help a bit.") are
        # warmth, unless said with a sneer.
        # ("Well, ..." opens warmth as often as a sneer.)
        warm = any(p.search(lowered) for p in (WARM, _RETRACT, _GUSH))
        return warm and not _sarcastic(_WELL.sub("", text))
    return _sarcastic(text) or any(p.search(lowered) for p in (WARM, _APOLOGY, _RETRACT, _THANKED))


def _stance_by_words(text: str, ctx: GuardContext) -> str | None:
    plan = ctx.plan
    if plan is None:
        return None
    if plan.stance in HOLDING:
        sarcastic = _sarcastic(text)
        said = sentences(text)
        for sentence in said:
            gush = _GUSH.search(sentence.lower())
            if gush and not _NEGATED.search(sentence.lower()[: gush.start()]):
                return sentence[gush.start() : gush.end()]
        for i, sentence in enumerate(said):
            lowered = sentence.lower()
            # Thanks said through the teeth ("Oh, thanks. Really helpful.") keep the stance,
            # and so does a curt closer after a sarcastic cue ("Wow. ... Thanks for that.");
            # a whole warm sentence after one ("I appreciate you being so honest") does not.
            cue = bool(_SARCASM_CUE.search(lowered))
            # A short sentence beside a sarcastic one, before or after it, is said in its
            # tone ("No, you're right. It's fine. I'm sure the strangers were plenty.").
            others = " ".join(said[:i] + said[i + 1 :])
            curt = len(words(sentence)) <= CURT_WORDS and _sarcastic(others)
            if lowered.endswith("?") or (sarcastic and cue) or curt:
                continue
            # A short "Sorry." for one's own mood may come while guarded; not while pushing back.
            patterns = (WARM, _APOLOGY, _RETRACT)
            for pattern in patterns:
                found = pattern.search(lowered)
                apology = found is not None and _BARE_SORRY.match(found.group(0))
                # "I know you didn't mean it. I still feel let down." concedes and holds.
                holds = pattern is _RETRACT or (found and _THANKED.search(found.group(0)))
                if found and holds and _holds_after(lowered, found, said[i + 1 :]):
                    continue
                if found and _NEGATED.search(lowered[: found.start()]):
                    continue
                # "Noted. Thanks for letting me know." thanks coolly, while still guarded.
                flat = any(_FLAT.match(other.strip()) for other in said[:i] + said[i + 1 :])
                if found and flat and _THANKED.search(found.group(0)):
                    continue
                # "You're welcome." to someone who never thanked is a jab, not warmth.
                if found and "welcome" in found.group(0) and not _THANKED.search(ctx.learner):
                    continue
                if found and not (apology and plan.stance != "push_back"):
                    return sentence[found.start() : found.end()]
        return None
    cold = (HOSTILE, _CONTEMPT, _COLD) if plan.heat == "hot" else (HOSTILE, _CONTEMPT, _COLD, _CURT)
    for sentence in sentences(text):
        lowered = sentence.lower()
        for pattern in cold:
            found = pattern.search(lowered)
            # Coming round while hot, the partner may say they are still angry.
            if found and plan.heat == "hot" and found.group(0).startswith("i'm still"):
                continue
            if found:
                return sentence[found.start() : found.end()]
    # A hot partner who is coming round may still be loud ("Yes! That's exactly it!").
    if text.count("!") >= 2 and plan.heat != "hot":
        return "shouting (!)"
    return None

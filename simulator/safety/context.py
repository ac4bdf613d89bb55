"""What surrounds a match: a joke, a past that is over, a film, or a plain step out of the scene.

A rule says what words look like risk; these say when the same words are not
about the learner now. Each is a small pattern over the folded text of the
sentence the match stands in.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?;\n]+|\s(?:anyway|ok anyway|back to)\s")
"""Where a sentence ends: stops, and the words that close an aside ("anyway", "back to")."""


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of folded `text` that holds the span start..end."""
    left = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    right = len(text)
    after = SENTENCE_END.search(text, end)
    if after:
        right = after.start()
    return text[left:right]


_CLAUSE_END = re.compile(
    r"[.!?;,\n]+|\s(?:anyway|ok anyway|back to|but|so|and then|thats why|that is why)\s"
)


def clause_at(text: str, start: int, end: int) -> str:
    """The clause (between commas, "but", "so") of folded `text` that holds start..end."""
    left = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        left = m.end()
    after = _CLAUSE_END.search(text, end)
    return text[left : after.start() if after else len(text)]


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


# Laughter and emoji that mark a line as a joke about the scene ("kms i sent the wrong one lol").
JOKE = _rx(
    r"\b(?:lol|lool|lmao+|lmfao|haha\w*|hehe\w*|jk|joking|kidding|rofl)\b",
    "[\U0001f602\U0001f923\U0001f605\U0001f606\U0001f604\U0001f639]",
)

# Taking it back outright ("im starving myself for the wedding lol jk"): any sign in the
# sentence drops to a check-in, unless something insists it is real.
RETRACTED = re.compile(r"\b(?:jk|j k|just kidding|just joking|only joking|kidding|joking)\b")

# Words that insist it is real; they outweigh a joke and lift a maybe to a pause.
SERIOUS = _rx(
    r"\b(?:fr|for real|no joke|not (?:a )?joke|not joking|not even joking|not kidding|i mean (?:it|that)|seriously|actually though|but actually|like actually|properly)\b",
    r"\bnot (?:part of |for |in )?(?:the |this )?(?:practice|practise|sim|scene|role ?play|app|exercise|game)\b",
    r"\b(?:real talk|being honest|honest for a (?:sec|second|minute)|stepping out|step out|in real life|irl|my real|my actual|this is real|(?:that|this) (?:is|was) (?:for )?real|that part is true|not (?:the )?sim talking|out of character|(?:do not|stop|no) (?:reply|replying|answer|answering|respond|responding|talk|talking|stay|staying) in character|break(?:ing)? character|broke character|dropping character|drop character)\b",
)

# Words that say the whole story is resolved, wherever they stand in the sentence.
_RESOLVED_PARTS = (
    r"\bi am (?:ok|okay|fine|good|safe|well|better) now\b|\b(?:is|its|it is|all) (?:fine|ok|okay|good|sorted|over|done) now\b",
    r"\bin a good place\b|\bgot help\b|\bpulled through\b|\bdoing (?:so |much |really )?(?:much )?better\b|\ball sorted\b",
    r"\blong (?:gone|out of it)\b|\bnow sober\b|\bsober \d|\b(?:all |fully )?healed(?: up| now)?\b|\brecovered\b|\bthat is over\b",
)
RESOLVED = _rx(*_RESOLVED_PARTS)

# A past that is over: the words may be dark, the learner is not in danger now (a date,
# an age, "used to", or a resolution).
PAST = _rx(
    *_RESOLVED_PARTS,
    r"\b(?:\d+|many|few|couple of|a few|some|several|ten|five|two|three|four|six|seven|eight|nine) (?:years?|yrs?|months?) ago\b",
    r"\bback when (?:i|we|he|she|they) (?:was|were|worked|lived|had|used|still)\b|\byears ago\b|\b(?:years|months|ages|a while|a long time) back\b|\bway back (?:in|when)\b|\blong (?:time )?ago\b|\bages ago\b|\blast year\b|\blast (?:spring|summer|autumn|fall|winter|christmas|easter)\b|\bback in (?:the day|the days|those days|the \d+s|(?:19|20)\d\d|\d0s|uni|school|college|high school|highschool|my|our|his|her|the old|year|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter)\b|\bin (?:19|20)\d\d\b",
    r"\bwhen (?:i|he|she|they) (?:was|were) (?:a |little|young|younger|a kid|a teen|at uni|in|\d+(?! ?(?:weeks?|wks?|months?|days?|min|mins|minutes?|hours?|hrs?|secs?|seconds?)\b)|\w+teen\b|twenty|thirty|forty|fifty)",
    r"\bas (?:a )?(?:teens?|teenagers?|kids?|child|children)\b|\bat (?:1[0-9](?! ?(?:\d|am\b|pm\b|oclock|o clock|h\b|hrs\b)))\b|\bin (?:my )?(?:20s|teens|twenties|first year)\b",
    r"\bin (?:year|grade|form) (?:\d+|seven|eight|nine|ten|eleven|twelve)\b|\bin (?:high school|secondary school|primary school|middle school|sixth form|college)\b",
    r"\bused to\b",
    r"\b(?:once|back|when i was|while i was|years ago) (?:\w+ )?at (?:uni|school|college)\b",
    r"\b(?:been |am |i am |years? |yrs? |months? )clean\b|\bclean (?:for )?\d|\bhave not (?:in|since)\b",
    r"\bnow is fine\b|\bbroke up\b|\bleft (?:him|her|them)\b|\bmoved (?:out|away)\b",
    r"\bat my old (?:job|work|school|place|flat)\b",
    r"\bin (?:my )?(?:undergrad|grad school|masters|first degree)\b|\b(?:police|the court|they) sorted it\b|\bmoved countries\b",
    r"\bthat was (?:years|ages|a long time)\b|\bthat was (?:19|20)\d\d\b",
    r"\bnot in a scary way\b|\bno worries about\b|(?<!like )(?<!as if )\bnothing happen(?:ed)?\b|\b(?:was|since) (?:19|20)\d\d\b|\b(?:he|she|they|we) (?:laughs?|joke) about it now\b",
)

# Words that say it is happening now, which outweigh a past marker.
RECENT = _rx(
    r"\bstill (?:living|live|lives|married) (?:with |to )?(?:him|her|them)\b|\bworking on it\b",
    r"\b(?<!him )(?<!her )(?<!them )(?:again|tonight|today|right now|just now|this morning|this evening|last night|this week|relapsed|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    r"\b\d+ (?:min|mins|minutes|hours?|hrs?) ago\b|\ban hour ago\b|\bhalf an hour ago\b",
    # Still going on: "since i left the library at 11 ... hes still behind me".
    r"\bsince i (?:left|got off|came out|walked out)\b|\bstill (?:behind|following|outside|waiting|there)\b",
    # A message that has only just come: "the guy i used to buy from just texted me a pic".
    r"\bjust (?:texted|sent|messaged|dmed|called|rang|phoned|turned up|showed up|pulled up)\b",
    # A plan is present tense whatever it is set against: "once sam is settled at uni in
    # september i am not planning to stick around".
    r"\bi am (?:not )?planning\b",
    # Still going on, whatever ended: "keeps turning up wherever i am even tho we broke up".
    r"\bkeeps? (?:turning|showing|coming|texting|calling|ringing|messaging|following|sending|driving|waiting)\b",
)

# Films, songs, books and games: the words belong to a story, not to the learner.
MEDIA = _rx(
    r"\b(?:a|that|this|the) (?:post|thread|video|reel|tweet|article|report|study) (?:about|on)\b",
    r"\b(?:reading|read|finished|started|halfway through) (?:\w+ ){1,5}(?:for|in|at) (?:book club|class|english|my course|uni)\b",
    r"\b(?:k-?drama|(?:a|that|this|tv|korean|period|costume|medical|crime|bbc|itv|netflix|hospital|courtroom) drama(?! queen| king)|drama (?:series|show)|sitcom|soap|telenovela|bollywood|nollywood|film|films|movie|movies|(?:tv|netflix|that|this) show|(?:watch\w*|binge\w*|finished|in|on|from|love|loved|favourite|favorite) (?:the|a|that|this) show|series|(?<!having an )(?<!had an )(?<!during an )(?<!manic )(?<!psychotic )episode|song|songs|lyrics|(?<!i )(?<!to )(?<!we )book(?! club)(?! (?:my|a|an|the|us|me|him|her|them|it|in|over|off|appointments?|appts?|tickets?|taxis?|flights?|tables?)\b)|chapters?|novel|(?:video|computer|board|mobile|online|phone|new|that|this|a) games?|in (?:the|a|that|this|my) game|playing (?:\w+ )?games?|games? (?:where|when)|gaming|anime|manga|podcast|netflix|documentary|programme|true crime|thriller|horror|on (?:the )?(?:telly|tv)|at the (?:telly|tv)|soaps?|the (?:bit|scene|part) (?:where|when)|the ending\b|doc about|(?<!in )character|(?:watch\w*|binge\w*|rewatch\w*|quot\w*) the office|elden ring|13 reasons|titanic|romeo|juliet|red wedding|succession|youtube(?! live)|tiktok(?! live)|among us|fortnite|minecraft|roblox|valorant|call of duty|warzone|gta|league|overwatch|apex)\b",
)


def past_and_over(sentence: str) -> bool:
    """A folded sentence set in a past that is over, with nothing saying it is happening now."""
    return PAST.search(sentence) is not None and RECENT.search(sentence) is None


# Words in a sentence above which a date is looked for only in the match's own clause: a
# run-on typed with commas for full stops ("she takes my whole paycheck ..., she threw a
# mug at my head last year") is many sentences, and "last year" dates only its own part.
LONG_SENTENCE = 30


def past_near(sentence: str, clause: str) -> bool:
    """`past_and_over` for a match: in a long run-on, a date counts only in the match's clause."""
    if len(sentence.split()) <= LONG_SENTENCE:
        return past_and_over(sentence)
    if RECENT.search(clause) is not None:
        return False
    return RESOLVED.search(sentence) is not None or past_and_over(clause)


# A game or show given as the reason for what was done to the learner is no story:
# "dad hit me again last night because i was gaming past midnight".
_AS_A_CAUSE = re.compile(
    r"\b(?:because|cos|coz|cuz|since|for) (?:i was |i am |i |of (?:my |the )?|me )?(?:\w+ ){0,2}$"
)


def in_a_story(sentence: str) -> bool:
    """A folded sentence about a film, song, book or game, with nothing insisting it is real."""
    if SERIOUS.search(sentence) is not None:
        return False
    return any(
        _AS_A_CAUSE.search(sentence[max(0, m.start() - 40) : m.start()]) is None
        for m in MEDIA.finditer(sentence)
    )


# Someone else's story: a friend, a relative, the news.
THIRD_PARTY = _rx(
    r"\b(?:my|a|his|her|our|their) (?:friend|mate|bestie|best mate|best friend|cousin|aunt|uncle|brother|sister|brothers|sisters|mum|mums|mom|dad|dads|neighbour|neighbor|colleague|coworker|flatmate|flatmates|housemate|roommate|classmate|nephew|niece|son|daughter|kid|grandma|grandad|grandpa|boss|best mates|mates|friends|besties)\b",
    r"\b(?:news|article|story about|heard about|saw on|heard on|read about|on the radio|in the paper|on facebook)\b",
    r"\bone of (?:my|the|our) \w+\b|\b(?:patients?|clients?|customers?|students?|pupils?|residents?|sponsees?)\b",
    r"\b(?:the|my|our|a) (?:intern|trainee|apprentice|new starter|direct report|junior|team ?mate)s?\b",
    # A case at work: "had an overdose in resus tonight", "a woman came into the clinic".
    r"\b(?:in|into|at) (?:resus|a&e|the ward|triage|theatre)\b|\bcame into (?:the )?(?:clinic|practice|surgery|a&e|ward|shop|station)\b",
    r"\b(?:someone|somebody|a guy|a girl|this guy|this girl) (?:in|at|from|on) (?:my|our|the) \w+\b|\b(?:someone|somebody) i know\b",
    r"\b(?:my|his|her|our|their) (?:grandson|granddaughter|grandkids?|grandchild(?:ren)?|stepson|stepdaughter|godson|goddaughter)\b",
    # Someone else's relative: "our pastors wife is in hospital after an overdose".
    r"\b(?:pastors?|priests?|vicars?|imams?|rabbis?|bosses|teachers?|neighbours?|neighbors?|friends?|mates?|cousins?|colleagues?) (?:wife|husband|son|daughter|kid|mum|mom|dad|brother|sister|girlfriend|boyfriend|partner)\b",
    # Someone's partner or child, by a name or a role: "my tas husband", "jos wife".
    r"\b\w+s (?:husband|wife|boyfriend|girlfriend|partner|son|daughter|fiance|fiancee)\b",
    r"\b(?:dad|mum|mom|nan|gran|grandad|grandma|granddad|grandpa)(?:s| is| was) (?:on|in|still)\b|\b(?:dad|mum|mom|nan|gran|grandad|grandma) (?:keeps|kept) (?:saying|asking|telling)\b",
    r"\b(?:he|she|they) (?:kept|keeps|keep) (?:asking|saying|telling)\b",
    r"\b(?:he|she|they|friend|mate|flatmate|housemate|roommate|sister|brother|cousin|colleague|coworker|mum|mom|dad|boss|neighbour|neighbor) (?:said|says|say|told me|keeps saying|keep saying)\b",
)

# The words just before a match that make it someone else's reported speech: "a mate of
# mine keeps saying kms about his exams", "colleague said she wanted to kms".
REPORTED = re.compile(
    r"\b(?:friend|mate|bestie|colleague|coworker|flatmate|housemate|roommate|classmate|cousin|"
    r"brother|sister|he|she|they|boss|someone|people|teammate|team mate|and|kids?|students?|dad|mum|mom|father|mother|"
    r"intern|trainee|apprentice|"
    r"grandma|grandad|grandpa|nan|gran|husband|wife|son|daughter|toddler|child|little one|"
    r"\d+ ?(?:yo|y o|yr old|year old))(?: of mine)? "
    r"(?:keeps|kept|keep|always|was|were|is)? ?(?:saying|says|said|posted|posting|texted|wrote|joking|jokes|screamed|screams|shouted|shouts|yelled|yells|cried|sobbed|told me|tells me|told us)"
    r"(?: that)?(?: (?:she|he|they|it))?(?: (?:has been|had been|is|was) feeling)?(?: (?:wanted|wants|want|was going|is going|were going) to)?"
    r"(?: (?:like|just))?(?: i)? ?$"
)

# The words just before a self-harm match that make someone else the one who would do it:
# "urging her to jump from the window".
ANOTHERS_ACT = re.compile(
    r"\b(?:her|him|them|she|he)(?: to)? $"
    # A subject in the third person singular ("george wants to jump off the bridge"; the
    # verb's form rules out "i", and "part of me wants to" stays the learner's) or a
    # friend or relative right before the act ("his friend at university self harms").
    r"|\b(?!(?:i|me|myself)\b)\w+ (?:wants|tries|decides|threatens|keeps trying) to $"
    r"|\blost (?:\w+ ){1,3}to $"
    r"|\b(?:friend|mate|bestie|flatmate|housemate|roommate|classmate|cousin|brother|sister|son|daughter|grandson|granddaughter|nephew|niece)(?: (?:at|from|in) \w+)? $"
)

# The cover people use to ask about themselves ("asking for a friend"): it names nobody else.
COVER_STORY = re.compile(r"\b(?:asking|ask) for a (?:friend|mate)\b")

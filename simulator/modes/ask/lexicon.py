"""The ask-mode rule lexicon: which wordings signal which ask-mode move.

Same conventions as `simulator.classifier.lexicon` (lower-cased text, the same
shorthands, a rule opening with ``\\b`` opens on a word character, ``negated``
says what a negator just before a match does). The wordings aim at what a
request does: speak from one's own side, name the need, invite the partner to
reflect, notice them turning toward; or attack, mock, order, or give up.
"""

from __future__ import annotations

from simulator.classifier.lexicon import Rule
from simulator.modes.ask.moves import AskMove

_SOFT = AskMove.SOFT_STARTUP
_NEED = AskMove.NAME_NEED
_REFLECT = AskMove.INVITE_REFLECTION
_THANKS = AskMove.APPRECIATE
_CRIT = AskMove.CRITICIZE
_CONTEMPT = AskMove.CONTEMPT
_DEMAND = AskMove.DEMAND
_WITHDRAW = AskMove.WITHDRAW

# Feelings a soft start-up names about oneself (beyond the shared {HURT} list).
_OWN_FEELING = (
    r"(?:{HURT}|shaky|shaken|rattled|raw|fragile|low|down|drained|tired|blue|lost|"
    r"scared|afraid|nervous|on edge|heartbroken|gutted|sore|not (?:okay|ok|great|good|doing "
    r"(?:great|well|ok|okay)))"
)
_HELP_NOUN = (
    r"(?:a plan|plans?|solutions?|answers?|advice|fix(?:es|ing)?|a fix|ideas|"
    r"a to-?do list|suggestions?|options)"
)
_CLOSE = (
    r"(?:hold me|hug me|sit with me|be with me|stay with me|be here(?: with me)?|"
    r"listen(?: to me)?|be close|be next to me|just be here|be on my side)"
)

ASK_RULES: tuple[Rule, ...] = (
    # --- soft start-up: gentle, from one's own side ---------------------------------
    Rule(_SOFT, r"\b{I_AM} {ADV}(?:still )?(?:{ADV})?(?:feeling )?{ADV}" + _OWN_FEELING + r"\b"),
    Rule(
        _SOFT,
        r"\b{I_AM} (?:having|going through) a {ADV}(?:hard|rough|tough|bad|difficult) "
        r"(?:time|day|week|night|stretch)",
    ),
    Rule(_SOFT, r"\b{I_AM} {ADV}(?:struggling|hurting|not coping|falling apart)\b"),
    Rule(
        _SOFT,
        r"\bi {ADV}(?:feel|felt|am feeling|'ve been feeling|have been feeling) "
        r"{ADV}(?:so |very |a bit |a little |kind of |really )?" + _OWN_FEELING + r"\b",
    ),
    Rule(
        _SOFT,
        r"\bi(?:'ve| have) had (?:such )?an? {ADV}(?:hard|rough|awful|terrible|bad|long|"
        r"horrible|tough|difficult|brutal) (?:day|week|month|night|morning|time)",
    ),
    Rule(_SOFT, r"\b(?:weighing on|weighing me down|eating at|eating away at) me\b"),
    Rule(
        _SOFT,
        r"\bsomething(?:'s| is| has| that'?s)?[^.!?]{0,25}?(?:bothering|getting to|"
        r"upsetting) me\b",
    ),
    Rule(
        _SOFT,
        r"\b(?:can|could|may) i (?:talk to you|tell you (?:something|about)|share "
        r"something|vent)\b",
    ),
    Rule(_SOFT, r"\bcan we talk\b"),
    Rule(
        _SOFT,
        r"\b{I_AM} {ADV}(?:a (?:bit of a |total |complete )?(?:mess|wreck)|all over the "
        r"place|not myself|in bits|in pieces|shattered|falling apart)\b",
    ),
    Rule(_SOFT, r"\bi(?:'ve| have) been {ADV}(?:feeling )?{ADV}" + _OWN_FEELING + r"\b"),
    Rule(
        _SOFT,
        r"\b(?:knocked the wind out of me|hit me (?:hard|harder|really hard)|shook me|"
        r"rattled me|really got to me|got under my skin)\b",
    ),
    Rule(_SOFT, r"\bmy (?:chest|stomach|heart|head|throat) (?:has been|is|was|feels|felt|keeps)\b"),
    Rule(_SOFT, r"\b(?:got|have you got|do you have) a (?:minute|sec|second|moment)\b"),
    Rule(_SOFT, r"\b(?:get|got) (?:something|this|it) off my chest\b"),
    Rule(_SOFT, r"\bi (?:need|want|wanted|'d like) to (?:tell|talk to) you\b"),
    Rule(_SOFT, r"\bi can'?t stop (?:crying|shaking|thinking about)\b", negated=None),
    Rule(_SOFT, r"\b{I_AM} not (?:fine|okay|ok)\b", negated=None),
    # --- name the need: comfort first, solutions later ------------------------------
    Rule(
        _NEED,
        r"\b{I_AM} not (?:asking|looking) (?:you )?(?:to (?:fix|solve)|for " + _HELP_NOUN + r")",
        negated=None,
    ),
    Rule(
        _NEED,
        r"\bi (?:don'?t|do not) (?:need|want) (?:you to (?:fix|solve)|" + _HELP_NOUN + r")",
        negated=None,
    ),
    Rule(_NEED, r"\bnot (?:after|looking for) " + _HELP_NOUN, negated=None),
    Rule(_NEED, r"\bi (?:think i )?(?:just )?need (?:you to )?(?:just )?" + _CLOSE + r"\b"),
    Rule(
        _NEED,
        r"\bi (?:think i )?(?:just )?(?:need|want) (?:some )?(?:comfort|reassurance|"
        r"company|a hug|you (?:close|here|next to me|with me|on my side)|to feel heard|"
        r"to be heard|to vent|just you)\b",
    ),
    Rule(_NEED, r"\bi (?:think i )?(?:need|want) (?:a hug|comfort|company) (?:more than|first)"),
    Rule(_NEED, r"\b(?:can|could|would) you (?:please )?just " + _CLOSE + r"\b"),
    Rule(
        _NEED,
        r"\b(?:can|could|would) you (?:please )?(?:hold me|hug me|sit with me|be with me|"
        r"stay with me|be here with me)\b",
    ),
    Rule(
        _NEED,
        r"\bwhat (?:i need|would help(?: most)?|i'?d love) (?:most )?(?:right now |now |"
        r"tonight )?is\b",
    ),
    Rule(
        _NEED,
        r"\b(?:the )?(?:solutions?|fixing|plans?|ideas|advice|options)(?: part)? "
        r"(?:can wait|later)\b",
    ),
    Rule(_NEED, r"\b(?:save|keep|hold) the (?:solutions?|fixing|plans?|ideas|advice)\b"),
    Rule(_NEED, r"\bcomfort first\b"),
    Rule(
        _NEED,
        r"\bi (?:could|would|'d) {ADV}(?:use|love|do with) (?:a |some )?(?:hug|cuddle|"
        r"comfort|company|reassurance|support|you (?:here|close|next to me))\b",
    ),
    Rule(
        _NEED,
        r"\bno (?:fixing|fixes|solutions|advice|plans|problem[- ]solving|lists)\b",
        negated=None,
    ),
    Rule(_NEED, r"\bjust be (?:here|with me|there|close)\b"),
    Rule(_NEED, r"\b(?:that'?s )?all i (?:really )?(?:need|want)\b"),
    Rule(_NEED, r"\bi want you to (?:just )?(?:listen|hold me|hug me|be here|sit with me|stay)"),
    Rule(
        _NEED,
        r"\b(?:please )?(?:don'?t|do not) (?:try to )?(?:problem[- ]solve|fix (?:it|this|me)|"
        r"give me advice|solve (?:it|this))\b",
        negated=None,
    ),
    Rule(_NEED, r"\bhold off on (?:the )?(?:advice|solutions?|fixing|plans?|ideas|fixes)\b"),
    Rule(_NEED, r"\bi need to (?:vent|be heard|feel heard|cry)\b"),
    Rule(
        _NEED,
        r"\b(?:matters|means) more (?:to me )?than (?:a |any )?(?:solution|plan|fix|advice|"
        r"answers?)",
    ),
    Rule(_NEED, r"\bmore than i need (?:a |any )?(?:solution|plan|fix|advice|answers?)"),
    Rule(_NEED, r"\bjust you\b"),
    # --- invite reflection: say back what you heard, slow down ----------------------
    Rule(_REFLECT, r"\b(?:reflect|say|tell me|repeat|put) (?:it |that )?back\b"),
    Rule(
        _REFLECT,
        r"\b(?:reflect|say back|tell me|repeat(?: back)?) what (?:you(?:'re)? "
        r"(?:hear|hearing|heard)|i (?:just )?(?:said|told you|say)|i'?m saying)",
    ),
    Rule(_REFLECT, r"\bwhat (?:do|did) you hear\b"),
    Rule(_REFLECT, r"\bwhat (?:do )?you think i'?m (?:feeling|saying|going through)\b"),
    Rule(
        _REFLECT,
        r"\b(?:slow down with me|slow down (?:a little|a bit|for a (?:second|minute|sec)))",
    ),
    Rule(_REFLECT, r"\b(?:can|could) (?:we|you) (?:just )?slow down\b"),
    Rule(_REFLECT, r"\b(?:try to |just )?imagine how (?:that|it|this) (?:felt|feels|was)\b"),
    Rule(_REFLECT, r"\bin your (?:own )?words\b"),
    Rule(_REFLECT, r"\bwhat you think (?:this|it|that) (?:feels|felt|is) like\b"),
    Rule(_REFLECT, r"\bcheck (?:that )?you (?:understood|understand|get|got|heard) me\b"),
    Rule(_REFLECT, r"\bdo you (?:get|understand|hear) what i'?m (?:saying|telling you)\b"),
    Rule(_REFLECT, r"\b(?:walk|take) me (?:back )?through what i\b"),
    Rule(_REFLECT, r"\b(?:sum up|summari[sz]e) what i\b"),
    Rule(
        _REFLECT, r"\b(?:can|could) (?:we|you) (?:take|go) (?:this |it |things )?(?:slow|slower)\b"
    ),
    Rule(_REFLECT, r"\b(?:reflect it|reflect that)\b"),
    # --- appreciate: noticing the partner turning toward ----------------------------
    Rule(_THANKS, r"\bthank(?:s| you)\b(?! for nothing| a lot| so much for nothing)"),
    Rule(_THANKS, r"\bi (?:really )?appreciate\b"),
    Rule(_THANKS, r"\bcheers\b"),
    Rule(_THANKS, r"\b{I_AM} {ADV}grateful\b"),
    Rule(_THANKS, r"\b(?:that|this|it) (?:felt|feels) {ADV}(?:good|nice|better|lovely)\b"),
    Rule(_THANKS, r"\bthe way (?:you )?(?:just )?(?:heard|listened|held|stayed)\b"),
    Rule(_THANKS, r"\bthat'?s exactly it\b"),
    Rule(_THANKS, r"\b(?:that|it|this) {ADV}(?:helps|helped|made a difference)\b"),
    Rule(_THANKS, r"\b(?:that'?s|that is|it'?s) (?:exactly |just )?what i needed\b"),
    Rule(_THANKS, r"\b(?:it|that) means a lot\b"),
    Rule(
        _THANKS,
        r"\bi {ADV}feel {ADV}(?:so much |a lot |a bit )?(?:better|heard|understood|"
        r"closer|less alone|calmer|seen)\b",
    ),
    Rule(
        _THANKS,
        r"(?<!know )(?<!sure )(?<!if )(?<!what )\b{YOU} {ADV}(?:got it|get it|heard me|listened|"
        r"understood(?: me)?|get me|got me)\b"
        r"(?! to a)",
    ),
    Rule(_THANKS, r"\bi love (?:how|that|it when) {YOU}\b"),
    Rule(
        _THANKS,
        r"\b(?:that was|{YOU_ARE}|{YOU} were) {ADV}(?:being )?{ADV}(?:kind|sweet|lovely|"
        r"thoughtful|wonderful|great about)\b",
    ),
    # --- criticize: the request as a verdict on the partner -------------------------
    # "you keep doing this" blames; "you keep your arm around me" asks.
    Rule(_CRIT, r"\b{YOU} (?:always|never|constantly|keep (?:\w+ing|on|going on))\b", negated=None),
    Rule(
        _CRIT,
        r"\b{YOU} (?:don'?t|do not|didn'?t|did not|won'?t|can'?t|never) (?:even |ever )?"
        r"(?:care|listen|try|notice|get it|understand|hear|look|ask)\b",
        negated=None,
    ),
    Rule(
        _CRIT,
        r"\b{YOU_ARE} (?:not|never) (?:even )?(?:listening|there|trying|hearing)",
        negated=None,
    ),
    Rule(_CRIT, r"\bwhy (?:can'?t|don'?t|won'?t|do) {YOU}(?: ever| just| always)?\b"),
    Rule(_CRIT, r"\bwhat(?:'s| is) wrong with {YOU}\b"),
    Rule(
        _CRIT,
        r"\b{YOU_ARE} {ADV}(?:such an? |being )?(?:selfish|cold|useless|clueless|"
        r"heartless|insensitive|impossible|a robot|lazy|hopeless|the worst|unbearable|"
        r"oblivious)\b",
    ),
    Rule(_CRIT, r"\bevery (?:single )?time i\b"),
    Rule(_CRIT, r"\b{YOU} only (?:ever )?care about\b"),
    Rule(_CRIT, r"\blike talking to a (?:wall|brick wall|robot)\b"),
    Rule(_CRIT, r"\ball (?:you|u) (?:ever )?(?:do|care about) is\b"),
    Rule(_CRIT, r"\b{YOU} (?:could(?:n'?t| not) care less|don'?t give a)\b", negated=None),
    Rule(_CRIT, r"\b(?:it'?s|it is) always about (?:you|your)\b"),
    Rule(_CRIT, r"\bnever about me\b", negated=None),
    Rule(_CRIT, r"\b{YOU}(?:'ve| have) never (?:once |even |ever )?", negated=None),
    # --- contempt: sarcasm, mockery, insults ----------------------------------------
    Rule(
        _CONTEMPT,
        r"(?:^|[.!?,]\s*)(?:oh|ah),? (?:great|sure|wonderful|brilliant|perfect|"
        r"lovely|fantastic|joy)\b",
    ),
    Rule(_CONTEMPT, r"\bwow,? (?:thanks|great|amazing|so helpful|really helpful)"),
    Rule(_CONTEMPT, r"\bthanks (?:for nothing|a lot)\b"),
    Rule(_CONTEMPT, r"\bso helpful\b"),
    Rule(_CONTEMPT, r"\byeah,? right\b"),
    Rule(
        _CONTEMPT,
        r"\b(?:mr|mister|professor|captain|doctor|dr)\.? (?:fix[- ]?it|logic|spock|"
        r"perfect|know[- ]it[- ]all|solutions?|sensible)\b",
    ),
    Rule(_CONTEMPT, r"\bwhat a (?:surprise|shock)\b"),
    Rule(_CONTEMPT, r"\bwell done,? {YOU}(?:'ve| have)\b"),
    Rule(
        _CONTEMPT,
        r"\b{YOU_ARE} {ADV}(?:such an? |a )?(?:ridiculous|pathetic|idiot|moron|clown|"
        r"joke|embarrassing)\b",
    ),
    # "ugh sorry im being a lot" sighs at oneself.
    Rule(
        _CONTEMPT,
        r"\bugh\b(?!,? (?:sorry|im sorry|i'?m sorry|me|i hate that i|im being|i'?m being))",
    ),
    # "i feel like an idiot" is about oneself.
    Rule(
        _CONTEMPT,
        r"(?<!like an )(?<!i am an )(?<!\bim an )(?<!such an )(?<!was an )\b(?:genius|congratulations|bravo|pathetic|idiot|moron)\b",
    ),
    Rule(_CONTEMPT, r"\bhow (?:original|helpful|insightful|clever|profound)\b"),
    Rule(_CONTEMPT, r"\b(?:classic|typical)(?: {YOU})?\b"),
    Rule(_CONTEMPT, r"\bof course {YOU}(?:'d| would| did)\b"),
    Rule(_CONTEMPT, r"(?:\*\s*)?\b(?:eye ?roll|rolls? (?:my |his |her )?eyes)\b(?:\s*\*)?"),
    Rule(_CONTEMPT, r"\b(?:ted talk|read that in a manual)\b"),
    Rule(_CONTEMPT, r"\b(?:sure|right),? because {YOU_ARE} the expert\b"),
    Rule(_CONTEMPT, r"\blike {YOU}(?:'d| would) understand\b"),
    Rule(_CONTEMPT, r"\bproblem solved\b"),
    # --- demand: orders and ultimatums ----------------------------------------------
    Rule(
        _DEMAND,
        r"(?:^|[.!?]\s*)(?:just |now )?(?:listen(?: to me)?|shut up|be quiet|hear me out|"
        r"look at me|put (?:your|the|that) phone down)\b",
    ),
    Rule(
        _DEMAND,
        r"\b(?:just )?stop (?:talking|fixing|explaining|lecturing|interrupting|"
        r"doing this|it|that|trying to fix)\b",
    ),
    Rule(_DEMAND, r"\bshut up\b"),
    Rule(_DEMAND, r"(?:^|[.!?]\s*)stop[.!]"),
    Rule(_DEMAND, r"\bjust stop\b|\bstop with the\b"),
    Rule(_DEMAND, r"\bquit (?:\w+ing|it)\b"),
    Rule(_DEMAND, r"\b{YOU} (?:will|are going to) (?:sit|listen|hear|stop)\b"),
    Rule(_DEMAND, r"\b(?:look at me|hear me out)\b"),
    Rule(
        _DEMAND,
        r"\b{YOU} (?:need|have|'ve got|have got|gotta|must) (?:to )?(?:listen|stop|"
        r"understand|hear|change|do better|be there)\b",
    ),
    Rule(_DEMAND, r"\b(?:or else|or i'?m (?:leaving|done|out)|or we'?re done|last chance)\b"),
    Rule(_DEMAND, r"\bfor once!"),
    Rule(_DEMAND, r"[.!] now[.!]*$"),
    # --- withdraw: giving up on the request -----------------------------------------
    Rule(_WITHDRAW, r"\bnever ?mind\b"),
    Rule(_WITHDRAW, r"\bforget (?:it|i said anything|i asked|about it|i brought it up)\b"),
    Rule(
        _WITHDRAW,
        r"\b(?:fine|okay|ok)?[.,]? ?whatever\b(?! (?:that|this|it) means| (?:you|u) (?:want|like|need|wanna))",
    ),
    Rule(_WITHDRAW, r"\bit (?:doesn'?t|does not) matter\b", negated=None),
    Rule(_WITHDRAW, r"\b{I_AM} fine\b"),
    Rule(_WITHDRAW, r"\bdon'?t worry about it\b", negated=None),
    Rule(
        _WITHDRAW,
        r"\bi(?:'ll| will) (?:just )?(?:deal with|handle|sort) (?:it|this) "
        r"(?:myself|on my own|alone)\b",
    ),
    Rule(_WITHDRAW, r"\bsorry i (?:even )?(?:brought it up|said anything|mentioned it)\b"),
    Rule(_WITHDRAW, r"\bi (?:don'?t|do not) want to talk about it\b", negated=None),
    Rule(_WITHDRAW, r"\bwhy do i (?:even )?bother\b"),
    Rule(_WITHDRAW, r"\b(?:let'?s )?(?:just )?drop it\b"),
    Rule(_WITHDRAW, r"\b(?:it'?s|it is) nothing\b"),
    Rule(_WITHDRAW, r"\bno point\b"),
    Rule(_WITHDRAW, r"\bi(?:'m| am) done talking\b"),
    Rule(_WITHDRAW, r"(?:^|[.!?]\s*)(?:it )?doesn'?t matter\b", negated=None),
    Rule(
        _WITHDRAW,
        r"\bi(?:'ll| will) (?:just )?(?:sort|figure|work) (?:it|this) out (?:on my own|"
        r"myself|alone)\b",
    ),
    Rule(_WITHDRAW, r"(?:^|[.!?]\s*)nothing[.!]"),
    Rule(_WITHDRAW, r"\b{I_AM} going to bed\b"),
    Rule(_WITHDRAW, r"(?:^|[.!?]\s*)let'?s not\b", negated=None),
    Rule(_WITHDRAW, r"\b{I_AM} done\b[.!]?$"),
)

# Cheap sarcasm cues: when one appears, helpful wording in the same sentence is
# read as contempt ("Oh sure, thanks SO much for listening").
ASK_SARCASM_CUES = (
    r"(?:^|[.!?]\s*)(?:oh|ah|wow),? (?:sure|right|yes|yeah|absolutely|of course|totally|great)\b|"
    r"\byeah,? (?:sure|right)\b|\bsure,? whatever\b|/s\b|🙄|👏|\bwhatever you say\b|"
    r"(?:^|[.!?]\s*)wow,? ok(?:ay)?,? thanks\b"
)

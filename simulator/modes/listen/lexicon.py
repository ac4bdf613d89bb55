"""Listen mode's rule lexicon: which wordings signal which listen-mode move.

The shorthands, negators and the `Rule` type are shared (`simulator.classifier.lexicon`).
"""

from __future__ import annotations

from simulator.classifier.lexicon import Rule
from simulator.modes.listen.moves import Move

_ = Move  # the table below uses Move.X names; keep the import obviously used

# "I get why ur not looking at me", "makes sense ur shaking": the cue is granted, which
# validates; the rule gives way so the (shorter) validating wording is not outweighed.
_GRANTED = r"(?<!why )(?<!wonder )(?<!course )(?<!sense )(?<!sense that )(?<!fair )(?<!fair that )"

# How the partner may seem: a feeling or a state of the body, never a compliment.
_STATE = (
    r"(?:{HURT}|hurting|fed up|gutted|knackered|wiped(?: out)?|wound up|rattled|low|miserable|shattered|stressed(?: out)?|"
    r"burn[te]d? out|defeated|frazzled|far away|far off|miles away|somewhere else|distant|down|tense|on edge|shaken|shaky|"
    r"shut down|closed off|checked out|quiet|tired|drained|flat|off|done|done in|wrecked|worn out|teary|tearful|"
    r"close to tears|wobbly|pale|numb|cross|annoyed|irritated|pissed(?: off)?|fuming|livid|deflated|broken|heartbroken|"
    r"lost|nervous|jumpy|uneasy|unhappy|not (?:ok|okay|yourself|good|right)|strained|tight|stiff|anxious|panicky|"
    r"thrown|bothered|let down|freezing|preoccupied|restless|agitated|irritable|beat|spent|shook|knotted up|tied up in knots)\b"
)

RULES: tuple[Rule, ...] = (
    # --- presence: turning toward, attention, self-regulation -----------------
    Rule(Move.PRESENCE, r"\b(?:close|closed|closing|shut|shutting|mute|muted|muting|silence|silenced|silencing|pause|paused|"
         r"pausing)\s+(?:(?:off|down)\s+)?(?:my|the|this|that)\s+(?:group\s+)?{DEVICE}\b|"
         r"\b(?:put|putting|turn|turned|turning|set|setting|switch(?:ed|ing)?)\s+(?:(?:off|down|away|aside)\s+(?:my|the|this|that)\s+"
         r"(?:group\s+)?{DEVICE}\b|(?:my|the|this|that)\s+(?:group\s+)?{DEVICE}\s+(?:off|down|away|aside|face[- ]down|"
         r"on (?:pause|hold|mute|silent))\b)"),
    Rule(Move.PRESENCE, r"\b(?:phone|laptop|tv|telly|computer|screen|notifications|radio|music|headphones|earbuds|paper|"
         r"newspaper|book|console)(?:'?s|\s+is|\s+are)?\s+(?:down|away|off|closed|shut|muted|out|paused|face[- ]down|"
         r"on silent|on mute|put away)\b"),
    Rule(Move.PRESENCE, r"\b(?:stepping|stepped|step|walking|walked|getting|got) (?:out of|away from) (?:the|my|this|a) "
         r"(?:meeting|call|room|class|office|game|desk|computer|laptop|screen|work)\b|\b(?:pulling|pulled) over\b"),
    Rule(Move.PRESENCE, r"\b{I_AM} all yours\b|\ball ears\b|\beyes (?:are )?on you\b|\b(?:focus|focused|focusing) "
         r"(?:(?:entirely|just|only|fully) )?on you\b"),
    Rule(Move.PRESENCE, r"\bnot (?:looking at|checking|touching|on) my (?:phone|laptop|email|emails|screen)\b|"
         r"\b(?:i'?ll|i will|let me|{I_AM} (?:going to|gonna)|i'?ve|i have) (?:stop(?:ped)?|quit) (?:scrolling|texting|typing|"
         r"gaming|working|checking (?:my )?(?:phone|email|emails|messages|texts))\b|\bcount(?:ing)? to (?:three|five|ten|\d+)\b",
         negated=None),
    Rule(Move.PRESENCE, r"\b(?:give me|i need|i just need|let me (?:take|have)) (?:a|one|two|a few) (?:secs?|seconds?|minutes?|"
         r"moments?|mo|min) to (?:settle|reset|breathe|calm (?:myself )?down|collect myself|gather myself|ground myself|"
         r"get my head straight|cool (?:off|down)|regroup|catch my breath)\b|\bso (?:that )?i can (?:actually |really |properly |"
         r"fully )?(?:listen|hear you|focus on you|be (?:here|present) with you|pay attention|give you my)"),
    Rule(Move.PRESENCE, r"\b(?:let me|i'?ll|i will|{I_AM}) (?:just )?(?:put|putting|set|setting) (?:this|that|it|everything) "
         r"(?:down|aside|away)\b"),
    Rule(Move.PRESENCE, r"\b(?:let me|give me (?:a|one) (?:sec|second|minute|moment) to|i need to|i want to|i'?ll|i will)\s+"
         r"(?:just\s+)?(?:take|catch)\s+(?:a|one|my|some)\s+(?:slow\s+|deep\s+|quick\s+)?breaths?\b"),
    Rule(Move.PRESENCE, r"\b(?:let me|i need to|i want to|i'?ll|i will|{I_AM} (?:going to|gonna|trying to))\s+(?:just\s+)?"
         r"(?:slow (?:down )?my breath(?:ing)?|breathe(?: for a (?:sec|second|moment))?)\b"),
    Rule(Move.PRESENCE, r"\b(?:you have|you've got|giving you)\s+(?:my\s+)?(?:full|whole|undivided|complete)?\s*attention"),
    Rule(Move.PRESENCE, r"\b(?:my|all my)\s+(?:full|whole|undivided)\s+attention\b"),
    Rule(Move.PRESENCE, r"\blet me\s+(?:just\s+)?(?:take|catch)\s+(?:a|one|my)\s+(?:slow\s+|deep\s+)?breath"),
    Rule(Move.PRESENCE, r"\b{I_AM}\s+(?:taking|gonna take|going to take)\s+a\s+(?:slow\s+|deep\s+)?breath"),
    Rule(Move.PRESENCE, r"\b(?:let me|i need to|i want to|gonna|going to)\s+(?:calm myself down|"
         r"steady myself|settle myself|get (?:myself )?steady|ground myself|collect myself)\b"),
    Rule(Move.PRESENCE, r"\b{I_AM}\s+(?:all\s+)?(?:listening|all ears)\b(?!\s+to\s+(?!you\b|u\b|what\b))"),
    Rule(Move.PRESENCE, r"\bnothing (?:else )?is more important (?:right now|than this|than you)"),
    Rule(Move.PRESENCE, r"\b(?:i'?m|i am)\s+(?:turning|sitting)\s+(?:toward|towards|down with)\s+you\b"),
    Rule(Move.PRESENCE, r"\b(?:let me|i want to|i'?d like to)\s+(?:really\s+|just\s+)?(?:listen|hear you out)\b|"
         r"\b(?:put|left|leaving|putting) (?:my|the) {DEVICE} in (?:the )?(?:other|another|next) room\b|\bso it'?s just (?:us|you and me)\b"),
    Rule(Move.PRESENCE, r"\b(?:i'?m|i am)\s+(?:not going to|not gonna|gonna|going to)\s+(?:just\s+)?listen\b"),
    Rule(Move.PRESENCE, r"\bi'?m (?:focused on you|paying attention)\b"),
    Rule(Move.PRESENCE, r"\b(?:the )?(?:\w+ )?can wait\b"),
    # --- notice: naming a cue seen or heard in the partner, or the state it suggests ---
    # The second document's awareness step ("You seem upset. What's going on?"). The
    # state words are the partner's, never a look that is a compliment ("you look nice").
    Rule(Move.NOTICE, r"\b(?<!made )(?<!make )(?<!makes )(?<!making )(?:you|u|ya)\s+(?:still\s+|really\s+|kinda\s+|kind of\s+|just\s+)?(?:seem|look|sound)(?:ed|s)?\s+"
         r"(?:like (?:you|u)(?:'?ve|'?re|'?d)?\b|like ur\b|{ADV}(?:a (?:bit|little|lil)\s+)?" + _STATE + r")"),
    Rule(Move.NOTICE, r"\b{YOU_ARE}\s+(?:looking|sounding|seeming)\s+{ADV}(?:a (?:bit|little|lil)\s+)?" + _STATE),
    # A cue of the body or voice: "ur voice is all wobbly", "your hands are shaking".
    Rule(Move.NOTICE, r"\b(?:your|ur|ya)\s+(?:voice|face|eyes?|jaw|hands?|shoulders?|arms|lips?|chin|breathing|breath|legs?|"
         r"knees?|fists?|foot|feet|body|cheeks|thumb|fingers|knuckles|mascara'?s?|make-?up)\s+(?:is|are|'s|s|was|were|went|goes|keeps?|"
         r"kept|just|seems?|looks?|sounds?|says?|said|has|have|got|getting|all|so|really|still|shaking|trembling)\b"),
    # What they are doing that shows it: "ur shivering", "you're slamming things", "ur not even looking at me".
    Rule(Move.NOTICE, r"\b" + _GRANTED + r"{YOU_ARE}\s+(?:(?:still|just|literally|really|so|kind of|kinda|not even)\s+)*(?:shaking|shivering|"
         r"trembling|crying|tearing up|welling up|slamming|banging|pacing|scrolling|staring|rubbing|gripping|clutching|"
         r"hugging (?:yourself|urself)|clenching|fidgeting|frowning|sighing|breathing (?:{ADV})?(?:fast|hard|heavy|shallow)|"
         r"(?:very )?(?:quiet|silent|pale|flushed|stiff)|not (?:(?:even|really) )?(?:looking at|making eye contact|meeting my eyes?|"
         r"saying (?:a word|anything)|talking)|avoiding my (?:eyes?|gaze))\b"),
    Rule(Move.NOTICE, r"\b" + _GRANTED + r"(?:you|u)(?:'?ve| have)?\s+(?:gone|went|go|going|got|gotten|getting|been)\s+{ADV}(?:quiet|silent|"
         r"still|pale|white|red|stiff|tense|cold|distant|far away)\b|\b(?:you|u)(?:'?ve| have)?\s+(?:barely|hardly) "
         r"(?:moved|spoken|said (?:a|one) word|looked (?:up|at me))\b"),
    Rule(Move.NOTICE, r"\b(?:you|u)\s+(?:still\s+)?(?:haven'?t|havent|won'?t|wont|didn'?t|didnt|can'?t|cant|aren'?t|arent)\s+"
         r"(?:\w+\s+){0,2}?(?:look(?:ed|ing)? (?:up|at me)|meet(?:ing)? my (?:eyes?|gaze)|(?:made|make|making) eye contact|"
         r"(?:said|say) (?:(?:a|one) (?:word|thing)|hi|hello)|touched (?:your|ur|the|that) \w+)\b", negated=None),
    Rule(Move.NOTICE, r"\b(?:have|were|are)\s+(?:you|u)\s+(?:been\s+)?crying\b|\b(?:you|u)(?:'?ve| have)\s+been crying\b"),
    Rule(Move.NOTICE, r"\bi (?:can|could) (?:see|tell|hear)(?: that| how)?\s+(?:{YOU_ARE}|(?:you|u)(?:'?ve| have)? been|(?:you|u) (?:are|were))\s+"
         r"{ADV}(?:a (?:bit|little)\s+)?" + _STATE + r"|\bi (?:can|could) (?:see|tell|hear) (?:(?:it|that) )?in (?:your|ur) "
         r"(?:voice|face|eyes)\b|\bi (?:can |could )?see how {ADV}" + _STATE + r"\s+(?:you|u) (?:are|were|look|feel)\b|"
         r"\bi see (?:that )?{YOU_ARE}\s+{ADV}" + _STATE),
    Rule(Move.NOTICE, r"\bi(?: just)? (?:noticed|notice|clocked)\s+(?:that\s+|how\s+)?(?:you|u|ur|your)\b"
         r"(?!\s+(?:point|text|texts|message|messages|call|calls|email|emails)\b)"),
    # A stage direction: "*notices she's crying*", "*sees he hasn't touched the beer*".
    Rule(Move.NOTICE, r"\b(?:notices|noticing|sees|seeing|spots|hears|clocks)\b(?=[^*\n]{0,80}\*)"),
    # --- reflect: saying back what they felt or meant --------------------------
    Rule(Move.REFLECT, r"\b(?:so\s+)?what i'?m (?:hearing|getting|picking up|understanding)(?: is| from)?\b"),
    Rule(Move.REFLECT, r"\bif i'?m (?:hearing|getting|understanding|reading) (?:you|this|that|it) right\b|"
         r"\bif i(?:'?ve| have) (?:understood|got(?:ten)? (?:you|this|that|it)(?: right)?)\b"),
    Rule(Move.REFLECT, r"\bwhat i hear (?:is|you saying)\b"),
    Rule(Move.REFLECT, r"\bi (?:can )?hear (?:that|how|you saying|you'?re|you felt|you feel|you were)\b"),
    Rule(Move.REFLECT, r"\b(?:it\s+)?sounds (?:like|as though|as if)\b(?! a (?:plan|good|great|deal)\b| fun\b)"
         r"(?=[^.!?,;]{0,40}\b(?:you|u|ur|your)\b)|\bsounds like (?:it|that|this|the \w+|what (?:he|she|they) said) "
         r"(?:really )?(?:hit|hurt|stung|cut|touched|struck|caught)\b"),
    Rule(Move.REFLECT, r"\b(?:it\s+)?(?:seems|looks) like (?:{YOU_ARE}|you (?:were|felt|feel|got)|you(?:'?ve| have) (?:been|had|got))\b"),
    # "You're worried this will keep happening": naming the feeling they are in.
    Rule(Move.REFLECT, r"\b(?<!why )(?<!how )(?<!if )(?<!when )(?<!sorry )(?<!because )(?<!course )(?<!wonder )(?<!sense )"
         r"(?<!once )(?<!until )(?<!till )(?<!unless )(?<!whenever )(?<!while )(?<!hope )(?<!hope that ){YOU_ARE}\s+{ADV}(?:worried|scared|afraid|anxious|frightened|nervous|terrified|hurt|upset|angry|furious|"
         r"frustrated|disappointed|sad|lonely|exhausted|overwhelmed|stressed|fed up|gutted|heartbroken|jealous|"
         r"embarrassed|humiliated|ashamed|resentful|sick of|tired of|feeling)\b"),
    Rule(Move.REFLECT, r"\b(?:the )?(?:part|bit|thing) that (?:really )?(?:hurt|hurts|stung|stings|got to you|gets to you|"
         r"upset you|bothered you|bothers you|scared you)(?: (?:the )?most)? (?:was|is)\b(?![^?]*\?)|"
         r"\b{YOU} must(?: be)? (?:feeling|feel)\b|\b{YOU} (?:might|may) be feeling\b|\b(?:it|that) (?:must|probably) (?:feel|seem)s? "
         r"(?:like|as if|as though)\b|\b(?:it'?s|this is|that'?s|it has|it'?s been|this has been|that'?s been) (?:really |been )?"
         r"(?:wearing you (?:down|out|thin)|weighing on you|getting to you|eating (?:at )?you|dragging you down|"
         r"grinding you down|taking (?:a|its) toll)\b"),
    Rule(Move.REFLECT, r"\bi'?m guessing (?:that )?(?:you|u|underneath|under|there'?s)\b|\bi can (?:see|tell|hear) (?:that )?"
         r"(?:{YOU_ARE}|you(?:'ve| have)? (?:been|feel|felt|were))\b"),
    Rule(Move.REFLECT, r"\b(?<!what )(?<!what's )(?<!whats )(?:was|is) the (?:worst|hardest|scariest) (?:part|bit)\b(?![^.!?]*\?)|"
         r"\bwas the (?:worst|hardest|scariest) part,", negated=None),
    Rule(Move.REFLECT, r"\b(?:that|it) landed (?:as|like)\b"),
    Rule(Move.REFLECT, r"\bso,? (?:basically,? )?(?:{YOU_ARE}|(?:you|u) (?:felt|feel|were|got|thought|ended up))\b(?! saying (?:it'?s|i'?m|i am))|"
         r"\bso,? (?:basically,? )?(?:you|u) (?:started|went|had|spent|did|put|kept|made|\w+ed)\b(?![^.!?]*\?)"),
    Rule(Move.REFLECT, r"\b(?<!do )(?<!if )(?<!when )(?<!whenever )(?<!make )(?<!made )(?<!makes )(?<!making )(?<!sorry )"
         r"(?<!sorry that ){YOU}\s+(?:felt|feel|were feeling|must have felt|must feel|probably felt)\s+"
         r"(?:like (?!\w+ing\b)|as if|as though|{ADV}{HURT}|that (?:i|we|it|no one|nobody)\b)", negated="drop"),
    Rule(Move.REFLECT, r"\b{YOU_WERE}\s+(?:really\s+|so\s+)?(?:scared|worried|afraid|hurt|left|waiting|"
         r"wondering|alone|humiliated|embarrassed|frightened|anxious)\b"),
    Rule(Move.REFLECT, r"\bif i'?m hearing (?:you|this) right\b"),
    Rule(Move.REFLECT, r"\b(?:let me|can i|lemme) (?:see if|check|make sure) i(?:'?ve| have)?\s+(?:get|got|understand|"
         r"understood|heard|follow)\b"),
    Rule(Move.REFLECT, r"\bwaiting and not knowing\b|\bfrom what (?:i'?m hearing|you'?re saying|you said|you'?ve said|"
         r"you'?re telling me)\b"),
    Rule(Move.REFLECT, r"\b(?:for you )?(?:it|that) (?:felt|feels) like (?:i|you|no one|nobody|i'?d|you'?d|i was|you were)\b"),
    Rule(Move.REFLECT, r"\byou(?:'?re| are| were) (?:saying|telling me) (?:that|you|i|it)\b"),
    Rule(Move.REFLECT, r"\b(?:the|what) (?:hardest|worst) part (?:was|is)\b(?![^?]*\?)"),
    # --- validate: the feeling makes sense -------------------------------------
    # Attunement is not agreement: holding your own memory while granting theirs validates.
    Rule(Move.VALIDATE, r"\b(?:even (?:if|though)|although|while) (?:i|we) (?:remember|saw|see|experienced|recall) "
         r"(?:it|things|that|this|the (?:day|night|evening|moment))? ?differently\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:that|it|this|{YOUR} (?:reaction|response|feelings?|anger|hurt|fear|frustration|worry|sadness|"
         r"disappointment|upset))\s+{ADV}makes?\s+"
         r"{ADV}(?:total\s+|complete\s+|perfect\s+)?sense\b{FEELING_TAIL}", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\b(?:you|ur|your feelings?)\s+{ADV}makes?\s+{ADV}(?:total\s+)?sense\b",
         negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\bi (?:(?:can|do|quite|\w+ly)\s+){0,2}(?:see|get|understand|imagine)\s+"
         r"(?:why|how)\s+(?:that|this|it|you|u|ur|your)\b", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\bi (?:totally |really |completely )?(?:get it|get that|understand)\b(?=\s*(?:[.!,;]|$|\band\b|\bbut\b))"),
    Rule(Move.VALIDATE, r"\bno wonder\b{FEELING_TAIL}", negated=None),
    Rule(Move.VALIDATE, r"\b(?:of )?course (?:{YOU_ARE}|{YOU}\s+(?:felt|feel|were|got|would)|(?:it|that) (?:stings|stung|hurts|"
         r"hurt|upset you|got to you|gets to you|bothers you|bothered you|matters|mattered))\b{FEELING_TAIL}", negated=None),
    Rule(Move.VALIDATE, r"\b(?:anyone|anybody|everyone|most people|i)\s*(?:would|'d)(?:'ve|\s+have)?\s+(?:probably\s+)?"
         r"(?:feel|be|felt|been)\s+(?:that|the same|like that|{HURT}|pretty|so|really|"
         r"hurt|upset|mad|angry)|\b(?:anyone|anybody|any (?:other )?person|most people)(?: in your (?:shoes|position))? "
         r"(?:would|'d|would'?ve|would have)\b|\b(?:would|'d|will|could)(?: have|'ve)? (?:\w+ )?(?:wind|get to|get under|upset|"
         r"annoy|hurt|bother|rattle|throw|drive|shake|freak|stress|break|gut|sting|wreck|crush|infuriate)\w* "
         r"(?:anyone|anybody|everyone|most people)\b", negated="drop"),
    Rule(Move.VALIDATE, r"\b(?:(?:that|it|this)\s+)?sounds like (?:a |an |such a )?{ADV}(?:{HARD}|nightmare)\b"),
    Rule(Move.VALIDATE, r"\bif i were (?:in )?(?:your shoes|you)\b", negated=None),
    Rule(Move.VALIDATE, r"\b{YOU_ARE} (?:not|never) (?:being )?(?:{ADV})(?:wrong|crazy|silly|dramatic|overreacting|"
         r"unreasonable|too much|too sensitive|oversensitive|needy|clingy|stupid|irrational|petty|paranoid|a burden)\b",
         negated=None),
    Rule(Move.VALIDATE, r"\b(?:{IT_IS} (?:not|never)|(?:it|that) (?:isn'?t|wasn'?t)) (?:{ADV})(?:silly|stupid|crazy|dumb|ridiculous|petty|weird|wrong|"
         r"irrational|unreasonable|an overreaction|too much|daft|mad|bonkers|odd|strange|weak|selfish|needy|childish|dramatic|"
         r"over the top)\b(?:\s+at all)?\s+(?:to|that|of you)\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:a )?(?:normal|natural|fair|reasonable|human|understandable|valid) (?:thing )?to "
         r"(?:want|feel|need|ask for|expect)\b", negated="drop"),
    Rule(Move.VALIDATE, r"\byou(?:'?ve| have)(?: got)? (?:every|a|good|all the) (?:right|reason) to (?:be|feel)\b|"
         r"\b{YOU_ARE} (?:right|justified|entitled) to (?:be|feel)\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:{YOUR}|those|these) feelings (?:are|r|were) (?:{ADV})(?:valid|real|understandable|okay|ok|fair)\b"),
    Rule(Move.VALIDATE, r"\b(?:it'?s|it is|that'?s|that is)\s+{ADV}(?:understandable|valid|fair enough|fair|normal|okay|ok|"
         r"natural|reasonable)\s+(?:(?:to|for you to)\s+(?:feel|be|want|need|cry|get|have)\b|(?:that )?{YOU_ARE}|"
         r"(?:that )?you(?:'d| would| were| feel| felt| got)\b)", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\b(?:that'?s|that is|it'?s|it is)\s+{ADV}(?:fair|valid|understandable)\b"
         r"(?=\s*(?:[.!,;]|$|\band\b|\bbut\b))", negated=Move.CORRECT_FACTS),
    Rule(Move.VALIDATE, r"\b(?:must|would|could)(?:\s+have|'ve)?\s+(?:be|been|feel|felt)\s+{ADV}(?:{HURT}|{HARD})|"
         r"\b(?:must|would)(?:'ve| have)? {ADV}(?:stung|hurt|sucked|smarted)\b|\bmust(?:'ve| have)? (?:felt|been) like "
         r"(?:a|an|such a)\b|\b(?:must|would)(?:'ve| have) (?:made|left) you (?:feel(?:ing)? )?{ADV}{HURT}",
         negated=None),
    Rule(Move.VALIDATE, r"\bsounds?\s+{ADV}(?:{HURT}|{HARD})\b"),
    Rule(Move.VALIDATE, r"\b(?:would(?:'?ve| have)?|(?:that|it|i)'d(?: have)?)\s+(?:\w+ed|hurt|stung|shaken|upset|made|driven|"
         r"thrown|throw|got(?:ten)?(?: to)?|get(?: to)?|wind|annoy|bother|rattle|sting|gut|kill|wreck|break)\s+me(?:\s+(?:out|up|crazy|mad|nuts))?\s+too\b"),
    Rule(Move.VALIDATE, r"\bi (?:can'?t|cannot|can not) believe (?:he|she|they|your|ur|someone|anyone|people|that "
         r"(?:he|she|they|happened))\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:your (?:feelings?|hurt|pain|anger)|how you feel|what you feel|it|that|this)\s+"
         r"(?:\w+\s+){0,2}?matters? (?:to me|a lot)\b"),
    Rule(Move.VALIDATE, r"\b(?:that|it|this) (?:would|'d)(?: have|'ve)? (?:\w+ )?(?:wrecked|crushed|destroyed|gutted|devastated|"
         r"broken|hurt|upset|scared|terrified|killed|stung|rattled|shaken|freaked|embarrassed|humiliated|enraged|infuriated) me\b"),
    Rule(Move.VALIDATE, r"\bhow {HURT}\s+(?:that|this|it)\s+(?:must|would|was)\b"),
    Rule(Move.VALIDATE, r"\bi'?d (?:probably\s+)?(?:feel|be)\s+(?:the same|that too|that way too|{HURT})|"
         r"\bi(?: would|'d)(?: have|'ve)? (?:probably )?(?:be|feel|been|felt)(?: \w+)? too\b"),
    Rule(Move.VALIDATE, r"\bi(?: would|'d)(?: have|'ve)? (?:probably )?(?:felt|been) (?:the same|that too|{ADV}{HURT})"),
    Rule(Move.VALIDATE, r"\bmakes (?:total |complete |perfect |so much )?sense (?:that|you|why)\b{FEELING_TAIL}", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\b{YOU_ARE} allowed to (?:feel|be)\b|\bi hate that (?:you|u)\b", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\byou don'?t have to talk yourself out of\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:your feelings|how you feel|what you feel) (?:matter|matters|make sense)\b"),
    Rule(Move.VALIDATE, r"\bi (?:can|could) see how (?:that|this|it) would\b"),
    Rule(Move.VALIDATE, r"\bwhat an? {ADV}(?:{HARD}|rubbish|shitty|crap|lousy) (?:thing|way|day|week|situation|position|time)\b"
         r"(?! to say)|\bthat(?:'?s| is| was) (?:a lot|so much)\b(?! of)|\b(?:that|it)(?:'?s| is| was) (?:such )?(?:a|an) {ADV}"
         r"(?:rubbish|horrible|awful|terrible|shitty|crappy|rotten|brutal|cruel|nasty|horrid|lousy|rough|tough|hard|painful|"
         r"unfair|hurtful|mean|humiliating) (?:way|thing|position|spot|place|situation|day|week|night)\b"),
    Rule(Move.VALIDATE, r"\bi (?:can )?(?:see|tell)\s+(?:how much|that)\s+(?:this|that|it)\s+(?:hurt|hurts|stung|stings|"
         r"matters|mattered|upset you|got to you|bothered you|hit you|shook you|scared you|affected you|means)"),
    Rule(Move.VALIDATE, r"\b(?:that|it)(?:'?s| is| was| would be)\s+{ADV}(?:{HARD}|a terrible feeling|an awful feeling)\b"
         r"(?!\s+(?:to|of|for me)\b)"),
    # --- support: closeness and steadiness -------------------------------------
    Rule(Move.SUPPORT, r"\b{I_AM}\s+(?:right\s+)?here\s+(?:with|for)\s+you\b"),
    Rule(Move.SUPPORT, r"\b{I_AM}\s+(?:right\s+|always\s+|still\s+)?here(?:\s+now)?(?![,.!]?\s*(?:which|where|at the|outside|"
         r"downstairs|parked|come (?:down|out)|let me in|open the|by the|in the car|out front))(?=\s*(?:[.!,;]|$|whenever|when(?:ever)? you|"
         r"if you|for whatever|babe|love|ok\b|okay|and\b))"),
    Rule(Move.SUPPORT, r"\b(?:i'?ll|i will|let me|i can)\s+(?:just\s+)?(?:sit|stay|be)\s+(?:here\s+|right here\s+)?with\s+you\b"),
    Rule(Move.SUPPORT, r"\bno pressure\b|\b(?:lean|count) on me\b|\bgot your back\b|\bin your corner\b", negated=None),
    Rule(Move.SUPPORT, r"\b{I_AM}\s+not (?:going (?:anywhere|to leave)|leaving)\b|\b{I_AM} not (?:going to|gonna) (?:run away|"
         r"walk away|leave you|abandon you)\b", negated=None),
    Rule(Move.SUPPORT, r"\b(?:i'?ll|i will|i'?m gonna|i'?m going to) (?:stay|be) (?:right )?(?:here|with you|"
         r"by your side|there for you)\b"),
    Rule(Move.SUPPORT, r"\btake (?:all )?(?:your|the) time\b(?!\s+(?:getting|to get|with (?:the|your)|doing|parking|coming|"
         r"over|finishing|eating))|\b(?:as (?:long|much) as|however long) (?:you|u) need\b"),
    Rule(Move.SUPPORT, r"\bno (?:rush|hurry)\b", negated=None),
    Rule(Move.SUPPORT, r"\b{YOU_ARE}\s+not (?:alone|on (?:your|ur) own|by yourself)\b|\b{I_AM} (?:staying|sticking around)"
         r"(?: right)?(?: here| put| with you| around)?\b(?=\s*(?:[.!,;]|$))|\bwhatever happens,? (?:with [^,.!?]{1,30},? )?"
         r"(?:i'?m|you'?ve got|you have|we'?ll|i'?ll|i will|we will)\b", negated=None),
    Rule(Move.SUPPORT, r"\bwe'?re in this together\b|\bwe(?:'ll| will|'re going to|'re gonna| can| are going to)\s+(?:get through|"
         r"get|figure|face|deal with|handle|sort|work through|tackle|fight|beat|manage|get past)\b[^.!?]{0,20}?\btogether\b"),
    Rule(Move.SUPPORT, r"\bi (?:care|love) (?:about )?(?:you|this)\b(?! but)"),
    Rule(Move.SUPPORT, r"\bi care about this because\b"),
    Rule(Move.SUPPORT, r"\b(?:can|could|may) i (?:give you a hug|hug you|hold you|hold your hand|sit (?:with|next to) you)\b"),
    Rule(Move.SUPPORT, r"\b(?:come here|i'?ve got you|i got you)\b"),
    Rule(Move.SUPPORT, r"\bi(?:'?m| am) (?:(?:always |still |right )?on your (?:side|team)|with you)\b"),
    Rule(Move.SUPPORT, r"\b(?:you|u) (?:matter|are important) to me\b"),
    Rule(Move.SUPPORT, r"\bi don'?t want you (?:feeling|to feel) (?:alone|unimportant|like)\b", negated=None),
    Rule(Move.SUPPORT, r"\byou don'?t have to (?:go through|carry|face|deal with|do|handle|sort) (?:[\w']+ ){1,3}?"
         r"(?:alone|on your own|by yourself)\b", negated=None),
    Rule(Move.SUPPORT, r"\bwhatever you need\b|\byou can always (?:talk to|come to|call|lean on|count on|tell) me\b|"
         r"\b(?<![a-z] )(?<![a-z]  )love (?:you|u|ya)\b"),
    # --- ask_need ---------------------------------------------------------------
    Rule(Move.ASK_NEED, r"\bwhat (?:do|would|might) (?:you|u) (?:need|want)\b(?:\s+from me)?(?=\s*(?:[?.!,;]|$|right now|now\b|"
         r"tonight|in this moment|most\b|me to do|to (?:happen|feel|hear)\b|\w+\s*(?:[?.!]|$)))"),
    Rule(Move.ASK_NEED, r"\bwhat (?:would|could|might) (?:help|feel (?:\w+ )?(?:good|best|helpful|supportive|comforting)|"
         r"be (?:\w+ )?(?:helpful|supportive|comforting)|"
         r"make (?:it|this|tonight|things|today|the evening|this evening|the rest of the day|the night|now)"
         r"(?: (?:a (?:bit|little|tiny bit)|any|even a (?:bit|little)|feel))* (?:easier|better|lighter|more bearable|"
         r"less (?:awful|hard|heavy)))\b(?:\s+(?:right now|most|you))?"),
    Rule(Move.ASK_NEED, r"\btell me what (?:would|might|could|will) (?:\w+ )?help\b|\banything (?:(?:else )?i can do|i could do|"
         r"you need(?: from me)?)\b(?=[^.!]*\?)|\b(?:do|would) you need anything from me\b|\bwhat(?:'s| is| would be) the "
         r"(?:most helpful|best|kindest|most useful|most comforting) thing i (?:can|could) do\b|\b(?:do|would) you (?:just )?need me to (?:just )?"
         r"(?:hear|listen|be (?:here|there)|sit|hold|stay)\b|\b(?:advice|solutions|ideas|help|a fix|comfort|input|my opinion|"
         r"a hug|a rant|a vent|a moan|to vent|to rant|a cuddle|company|space|a listening ear)\s+(?:you'?re after|you want|you need)\b(?=[^.!]*\?)|\b(?:do|would) you (?:just )?(?:want|need|like) to "
         r"(?:rant|vent|let off steam|get it (?:all )?out|get it off your chest|offload)\b"),
    Rule(Move.ASK_NEED, r"\bwould it help (?:if i|for me to|to (?:have|hug|sit|talk it out|vent))\b"),
    Rule(Move.ASK_NEED, r"\b(?:should|shall|do you want me to|want me to) i? ?(?:just )?(?:listen|be quiet|hug you|hold you|"
         r"give you (?:some )?space|stay|come (?:over|home)|weigh in|chime in|say (?:anything|something)|give (?:you )?(?:my )?"
         r"(?:advice|opinion|two cents|thoughts|input)|help|do anything|leave you (?:alone|be)|back off|give you a (?:minute|moment|"
         r"sec)|step in|ring (?:her|him|them)|call (?:her|him|them)|talk to (?:her|him|them)|keep (?:quiet|my mouth shut))\b"
         r"(?=[^.!]*\?)"),
    Rule(Move.ASK_NEED, r"\b(?:what'?s the best way|how) (?:that )?i (?:can|could|might) (?:best )?(?:help|support you|be there|"
         r"show up for you|comfort you)\b"),
    Rule(Move.ASK_NEED, r"\btell me what you need\b"),
    Rule(Move.ASK_NEED, r"\b(?:do|would) (?:you|u) (?:want|like|prefer|need) (?:me to )?(?:just )?(?:listen|comfort|a hug|"
         r"some space|space|ideas|advice|help|company|me to listen|a (?:minute|moment|sec|second|break|breather|"
         r"bit of (?:space|time|quiet))|some (?:time|quiet|air)|to be alone|time alone)\b(?:\s+(?:you\s+)?(?:problem[- ]solve|fix (?:it|this)|"
         r"figure (?:it|this) out|think (?:it|this) through))?"),
    Rule(Move.ASK_NEED, r"\bwould (?:a|an|some) (?:\w+ ){0,4}help\b(?=[^.!]*\?)|\b(?:would|do) (?:you|u) (?:rather|prefer) "
         r"(?:i|me|that i|be (?:left )?alone|be on your own|some space|space|to be alone|to talk|not to talk|a hug|company)\b"),
    Rule(Move.ASK_NEED, r"\b(?:listen|comfort|vent|rant|hug|cuddle|company|space)\w*\s+(?:or|vs\.?)\s+(?:do you want\s+|"
         r"would you like\s+|want\s+|get\s+|to\s+)?(?:(?:some|my|a)\s+)?(?:ideas|advice|help|solutions|fix|problem|two cents|"
         r"input|opinion|thoughts|plan|make a plan|figure|solve|talk|space|hug|company|distraction|quiet)"),
    Rule(Move.ASK_NEED, r"\bhow (?:can|could) i (?:help|support you|be there|be with you|make (?:this|it|today|tonight|things|"
         r"the evening|your day)(?: a (?:bit|little))? (?:better|easier|lighter))\b"),
    Rule(Move.ASK_NEED, r"\bis there (?:anything|something) (?:i (?:can|could) do|you need)\b|"
         r"\bwhat can i do\b(?!\s+(?:about|with|for dinner)\b)"),
    Rule(Move.ASK_NEED, r"\bwhat (?:kind of|sort of) (?:support|help)\b"),
    # --- open_question ----------------------------------------------------------
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:was|is|'s|has) (?:that|it|this|today|tonight|yesterday|the day|your day|work|\w+ing|"
         r"the (?:evening|night|morning|afternoon|weekend|week|wait|waiting|party|dinner|meeting|visit|trip|call|conversation|"
         r"funeral|appointment)) (?:been )?like\b(?: for you)?"),
    Rule(Move.OPEN_QUESTION, r"\bhow (?:did|does|do|is|was) (?:that|it|this|you) (?:feel|felt|feeling|make you feel|land|"
         r"going|holding up|doing)\b"),
    Rule(Move.OPEN_QUESTION, r"\bhow are (?:you|u) (?:feeling|doing|holding up)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat(?:'?s| is| has| was)(?: been| really)? (?:going on|happening|up|on your (?:mind|heart)|wrong|"
         r"(?:weighing|playing|preying) on (?:you|your mind)|(?:bothering|bugging|worrying|troubling|upsetting|scaring|"
         r"stressing|getting to) you|eating (?:at )?you|hurting (?:you|the most)|going (?:round|around|through) (?:in )?"
         r"(?:your|ur) (?:head|mind)|running through (?:your|ur) (?:head|mind))\b(?=[^.!]*\?|\s*$)"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:\w+ly |exactly |really )?happened\b(?=[^.!]*\?|\s*$)|\bwhere(?:'?s| is) (?:your|ur) head"
         r"(?: at)?\b|\bwhere are you at with\b|\bsay (?:a bit |a little |some )?more\b|\bwhat did (?:you|u) "
         r"(?:(?:think|feel|tell (?:him|her|them))\b|say(?:\s+(?:back|after(?:wards)?|then|next))?\s+to (?:him|her|them|that)\b|"
         r"say (?:back|after(?:wards)?|then|next)\b)(?=[^.!]*\?)|"
         r"\bwhat did (?:you|u) do (?:after(?:wards)?|then|next)\b|\bhow long (?:has|have) (?:that|this|it) been (?:bothering|"
         r"bugging|eating|weighing|on your mind|worrying|building|getting to you)\b"),
    Rule(Move.OPEN_QUESTION, r"\b(?:can|could|would|will) (?:you|u) (?:tell|show) me (?:more|about|what|how)\b"),
    Rule(Move.OPEN_QUESTION, r"\b(?<!don't )(?<!dont )(?<!not )tell me (?:more|everything|all about it|about it|about that|about what|"
         r"what (?:it|that|this) was|what happened|what(?:'s| is) going on|how|what (?:he|she|they|you) (?:\w+ly )?(?:said|did)|"
         r"what(?:'s|s| is| has)(?: been)? (?:going on|up|wrong|happening|on your mind)|what you(?:'re| are) (?:feeling|thinking))\b",
         negated=None),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:part (?:of (?:it|this|that) )?(?:is|was|hurt|bothers|bothered|stung)|"
         r"(?:hurt|stung|bothered you|upset you|got to you|scared you)(?: the)? most|about (?:it|that|this) (?:got to|gets to|"
         r"hurt|hurts|stung|stings|bothered|bothers|upset|upsets|scared)\b)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat do (?:you|u) wish\b|\bwhat would (?:you|u) have (?:wanted|liked|needed)\b|\b(?:walk|talk|take) me through\b|\bhelp me understand\b|\b(?<!always )talk to me\b(?! or\b)"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:went|was going) through (?:your|ur) (?:head|mind)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:was|is|'s) the (?:hardest|worst|scariest) (?:part|bit|thing)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:did|does|do) (?:that|it|this) (?:bring up|stir up|mean to you|feel like)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:are|were) (?:you|u) (?:feeling|thinking|afraid of|scared of|worried about)\b"),
    Rule(Move.OPEN_QUESTION, r"\b(?:what|how) (?:else )?(?:are|were|did) you (?:feel|go through|experience)\b"),
    Rule(Move.OPEN_QUESTION, r"\bi(?: really| just)?(?: want|'d (?:really )?like|'d (?:really )?love| would (?:really )?like| would "
         r"(?:really )?love) to (?:understand|hear|know) (?:what|how|more|it|about)\b"),
    Rule(Move.OPEN_QUESTION, r"\b(?:is there|what(?:'s| is)) (?:more|anything else)\b[^.!]*\?"),
    # --- repair: catching one's own misstep ----------------------------------------
    Rule(Move.REPAIR, r"\bi(?:'ve| have)? (?:moved|jumped|went|gone|rushed|slipped|launched|dove|dived|leapt|leaped)\s+"
         r"(?:straight\s+|right\s+)?(?:(?:in)?(?:to|into)|in with)\s+(?:fixing|fix-it|solving|solutions|advice|problem[- ]solving|"
         r"explaining|defending|lecturing|logic)"),
    Rule(Move.REPAIR, r"\blet me (?:try|start) (?:that )?(?:again|over)\b"),
    Rule(Move.REPAIR, r"\b(?:can|could|let) (?:i|me|us|we) (?:try|start|do) (?:that|this)? ?(?:again|over)\b"),
    Rule(Move.REPAIR, r"\b(?:i|that|it) (?:came|come|comes) out (?:\w+ ){0,2}?(?:wrong|harsh(?:er)?|badly|mean(?:er)?|worse|snappy|"
         r"snippy|rude|cold(?:er)?|sharp(?:er)?|nasty|defensive)\b|\bthat(?:'s| is) not what i wanted to say\b|"
         r"\b(?:can|could|let) (?:i|me) (?:have|take|give it) (?:another|a second|one more) (?:go|try|shot|crack|stab)\b|"
         r"\b(?:another|a second) (?:go|try|shot|crack|stab) at (?:it|that|this)\b"),
    Rule(Move.REPAIR, r"\bi(?:'m| am)? (?:got|getting|was getting|was being|being|get) (?:a bit |really |so |all |kind of |kinda |"
         r"super )?(?:defensive|preachy|snippy|snappy|prickly|ahead of myself|carried away)\b"),
    Rule(Move.REPAIR, r"\bi(?:'m| am) (?:doing it|doing that|doing the thing|making (?:it|this) about me|fixing|lecturing|"
         r"defending myself|explaining|arguing|correcting you|nitpicking|debating|minimi[sz]ing|brushing you off|dismissing you|"
         r"interrupting|rushing|getting defensive|making excuses|deflecting|jumping ahead|trying to fix (?:it|this)|"
         r"problem[- ]solving)\b(?:\s+\w+){0,4}?\s+again\b|\bi(?:'m| am) doing (?:the|that) thing (?:where|of|again)\b|"
         r"\bthat(?:'s| is| was) me (?:\w+ing|being \w+)(?:\s+\w+){0,3}?\s+again\b|\bthere i go again\b"),
    Rule(Move.REPAIR, r"\b(?:scratch|scrap|forget|ignore|strike) (?:that|what i (?:just )?said)\b|\bthat wasn'?t fair of me\b"),
    # "You're right, I got defensive": the concession itself is owning the impact (a separate span).
    Rule(Move.REPAIR, r"\b(?:(?<=right, )|(?<=right )|(?<=correct, )|(?<=correct ))i(?:'?m| am| was|'ve been)?\s+(?:just\s+)?(?:got |getting |being |been )?"
         r"(?:defensive|explaining|fixing|lecturing|moved into|jumped|went straight|minimiz\w*|correcting|interrupting|"
         r"not listening|arguing|making (?:it|this) about me|rushing|doing it again)"),
    Rule(Move.REPAIR, r"\b{I_AM} (?:just )?(?:rambling|getting sidetracked|going off on a tangent|getting off track)\b|"
         r"\bi (?:can )?(?:hear|notice|caught|catch) myself\b|\binstead of (?:just )?(?:listening|hearing you)\b"),
    Rule(Move.REPAIR, r"\bi (?:just |totally |kind of |kinda )?(?:(?:corrected|interrupted|lectured|dismissed|talked over|"
         r"cut off|steamrolled) you|cut you off|talked over you|spoke over you|cut in|butted in|barged in|(?:brushed|waved|laughed) (?:that|it|you|this) off|(?:minimized|dismissed|skipped (?:past|over)|"
         r"glossed over|rushed past|brushed past) (?:that|it|this|what you|how you|your))\b"),
    Rule(Move.REPAIR, r"\b(?:and|to|gonna|going to|i'?ll|i will|i want to|lemme|let me) (?:try|start) (?:that |this |it )?"
         r"(?:again|over|differently|another way)\b|\b(?:let me|i'?ll|i need to|i should) (?:slow down|go back)\b"),
    Rule(Move.REPAIR, r"\bi (?:shouldn'?t have|should not have) (?:said|jumped|snapped|gone)\b", negated=None),
    Rule(Move.REPAIR, r"\blet me slow down\b"),
    Rule(Move.REPAIR, r"\bi (?:made|was making) (?:that|it|this) about me\b"),
    Rule(Move.REPAIR, r"\bsorry,? (?:i|that was)\s+(?:interrupted|cut you off|didn'?t let you finish|jumped)"),
    Rule(Move.REPAIR, r"\b(?:rewind|back up)\b|\bi (?:totally |just |kind of |kinda )?(?:derailed|hijacked|took over) "
         r"(?:that|this|it|the conversation)\b|\b(?<![a-z] )back to you\b"),
    Rule(Move.REPAIR, r"\b(?<!like )(?<!if )(?<!though )i (?:wasn'?t|was not) (?:listening|really listening|hearing you)\b",
         negated=None),
    # --- acknowledge_impact: owning the effect -------------------------------------------
    # The apology runs on to the end of its clause, so that what it apologises
    # for ("I'm sorry I brushed it off") is read as owned, not as a new misstep.
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:i'?m|i am) (?:so |really |truly )?sorry (?:i|that i|for|my|about)\b"
         r"(?!\s*(?:that\s+)?(?:you|u) (?:feel|felt|see|took|think))[^.!?,;]{0,40}"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:know|realize|realise|get|see) (?:that |how much )?(?:it|that|this) (?:stung|hurt|upset you|"
         r"scared you|let you down|made you)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:do |sincerely |really |truly |deeply )?apologi[sz]e\b(?!\s+if\b)|"
         r"\bsorry,? (?:that )?i (?:\w+ )?(?:missed(?! (?:that|what)\b)|forgot|bailed|cancell?ed|was (?:late|short|rude|snappy|mean)|left|ignored|"
         r"snapped|yelled|shouted|flaked|stood you up|let you down|hurt|embarrassed|ruined|spoiled|blew)\b[^.!?,;]{0,40}"),
    # An own misdeed told in one sentence, then a plain apology to close: "I bailed on dinner... I'm really sorry."
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:\w+ed|forgot|left|let|made|said|did|was|bailed|missed|snapped)\b[^.!?]{0,80}[.!]\s+"
         r"{I_AM} {ADV}sorry\b(?=\s*[.!]*\s*$)"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:that|this)(?:'s| is| was) on me\b|\bmy (?:bad|fault|mistake)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:left|kept|had) you (?:waiting|hanging|wondering|alone|guessing|in the dark|on read|"
         r"on delivered|by yourself)\b|\bput you through\b|\bi (?:hate|regret) that i\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:[\w']+,? ){1,8}?(?=(?:and|which) (?:that |it |this )?(?:must(?:'ve| have) |probably |"
         r"really |would(?:'ve| have) )?(?:left|made|kept|hurt|upset|embarrassed|humiliated|scared) you\b)"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:that|it) was (?:{ADV})(?:careless|thoughtless|selfish|inconsiderate|rude|wrong|hurtful|"
         r"unkind|mean|disrespectful|unfair|not okay|not fair|not cool) (?:of me|on my part)\b", negated=None),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:my|the way i|what i) (?:silence|not (?:answering|replying|texting)|words?|"
         r"comment|tone|reaction|joke|forgetting|absence|behaviou?r|did|said)\s+(?:really\s+)?"
         r"(?:hurt|made you|left you|affected|landed|was hurtful|was unfair|must have|was (?:\w+ )?(?:careless|thoughtless|hurtful|"
         r"unfair|out of line|unkind|mean|rude|uncalled for|insensitive|wrong|cruel|below the belt))"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi(?: was|'ve been| have been|'ve been being| was being) {ADV}(?:a bit |a little )?(?:useless|"
         r"selfish|lazy|distant|absent|careless|thoughtless|inconsiderate|unfair|rude|harsh|snappy|snippy|short with you|a jerk|"
         r"an idiot|out of line|out of order|wrong|unkind|mean|dismissive|rubbish|hopeless|unreliable|checked out|a nightmare)\b|"
         r"\bi (?:said|promised|told you) i(?:'d| would) [^.!?]{1,40}?\band (?:then )?(?:i )?(?:didn'?t|did not|never did|forgot|"
         r"never)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:see|know|understand|get|realize|realise) (?:that |now )?(?:how )?(?:my|i|what i)\s+"
         r"(?:\w+\s+){0,4}?(?:hurt|affected|let you down|made you|left you|upset)"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi {ADV}(?:hurt|disappointed|embarrassed|ignored|dismissed|failed|neglected|abandoned) you\b|"
         r"\bi {ADV}let you down\b",
         negated=Move.INTENT_DEFENSE),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:can |do )?(?:see|know|get|realize|realise) (?:that |now )?(?:i did|it did)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bwhatever i meant\b|\bregardless of what i (?:meant|intended)\b|"
         r"\b(?:no matter|doesn'?t matter) what i (?:meant|intended)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:you'?re|you are) right\b(?=[^.!?]{0,40}\b(?:i|my)\b)(?![^.!?]*\bbut\b)"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:should have|could have|should'?ve|could'?ve) (?:found a way to |made sure to |at least )?(?:texted|text|called|call|answered|"
         r"replied|told|checked|been there|been|let you know|remembered|asked|said something|rung|phoned|messaged|come|gone|"
         r"stuck up for you|listened|noticed|thought|backed you up)\b", negated=None),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:dropped the ball|messed up|screwed up|blew it|forgot)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\byou (?:were )?(?:counting|relying|depending) on me\b|\bi (?:didn'?t|did not|never) (?:show(?: up)?|"
         r"come through|follow through|keep (?:my|that) (?:promise|word))\b", negated=None),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:that|it) (?:wasn'?t|was not) (?:okay|ok|fair (?:to|on) you|right)\b|\b(?:that|it)"
         r"(?:'?s not| is not| isn'?t) (?:fair (?:to|on) you|on you)\b|\bi own (?:that|it)\b|"
         r"\bi (?:wasn'?t|haven'?t been|was not|have not been) (?:really |fully |always )?there (?:for (?:you|u)|when (?:you|u) "
         r"needed (?:me|it)|when it mattered)\b", negated=None),
    # "you looked for me at the end and i wasnt there": owning an absence, not denying it.
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:and|but) i (?:wasn'?t|was not) there\b(?! (?:either|tho|though|anyway))|"
         r"\bi (?:wasn'?t|was not) there (?:at|on|for) (?:the |your |ur )?(?:end|finish|finish line|line|day|race|moment|"
         r"dinner|party|night|important part|big moment)\b", negated=None),
    # --- invite_solutions -----------------------------------------------------------
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:do|would|could) (?:you|we|u) (?:want to |wanna |like to )?(?:talk|think|figure|work) "
         r"(?:about |out |through )?(?:what (?:we|i) (?:can|could|might) do|how (?:we|i) (?:can|could)|a plan|"
         r"what to do|what might help|what would help|next time|a way)"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:now that|once|when(?:ever)?) (?:we|you|things|it|everything)\b[^.!?,]{0,25}?\b"
         r"(?:calmer|calm|settled|better|lighter|ready|cooled|had a chance|rested|slept|eaten|had (?:some )?time)\b(?=[^.!?]{0,80}\b(?:figure|plan|work (?:it |this |things )?out|brainstorm\w*|solutions?|next time|differently|fix|ideas|options|"
         r"next steps|what (?:we|i) (?:can|could|should|might) do|what (?:might|would|could) help|make (?:sure|it|this|things) "
         r"(?:easier|better)|come up with|game plan|avoid|prevent|handle|put our heads)\b)"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:want|wanna|would you like|do you want|should we|shall we|could we|can we|are you up for)\s+"
         r"(?:to )?(?:make|come up with|put together|figure out|work out|sketch out)\s+(?:a |some |our )?(?:game )?plan\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\bwhat (?:we|i) (?:can|could|might|should) do (?:differently|next time|about it|better)\b|"
         r"\b(?:talk|think|chat) (?:about|through) (?:(?:what|how) (?:we|i) (?:can|could|might|should|will)|what (?:might|"
         r"would|could) help|what to do|how to (?:fix|handle|avoid|deal with|make))\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:brainstorm\w*|problem[- ]solv\w*|game plan|next steps|some options|any options|solutions)\b"
         r"(?=[^.!]*\?)"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:should|could|can|shall) we (?:maybe |try to )?(?:come up with|figure out|work out|"
         r"brainstorm|plan|agree on|find a (?:way|fix|solution|compromise))\b(?=[^.!]*\?)"
         r"(?:\s+together)?(?:\s+(?:what|how)\b[^.!?]{0,40})?"),
    Rule(Move.INVITE_SOLUTIONS, r"\bi(?:'d like| would like| want|'d love| would love) to (?:think about|talk about|work on|look at|"
         r"find|brainstorm|come up with) (?:some |a few )?(?:solutions|options|ideas|a plan|next steps)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:do|would|could) (?:you|we|u) (?:want to |wanna |like to |be up for )?(?:talk|think|figure|work)"
         r"(?:ing)? (?:about |out |through )?(?:it )?(?:together )?(?:about )?(?:(?:what|how) (?:we|i) (?:can|could|might|"
         r"should|will)|what (?:might|would|could) help|a plan|next time|a way|options|ideas)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:are you|r u|would you be|you) (?:open|up) (?:to|for) (?:talking|thinking|figuring|"
         r"brainstorming|working|making|trying|coming up)\b|\bput our heads together\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\bhow (?:we|i) (?:can |could |might |should )?(?:avoid|prevent|handle|stop|make sure|check in|"
         r"deal with|fix)\b(?=[^.!]*\?)|\bwould it help (?:to|if we) (?:come up|make a plan|figure|plan|work (?:out|on)|brainstorm|"
         r"agree|set up)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\bwhat (?:can|could|might|should) we do (?:differently|next time|about it|"
         r"so this doesn'?t|to make)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:can|could|shall) we (?:figure out|come up with|make|think about|talk about)\s+"
         r"(?:a plan|a way|what (?:we|to)|how (?:we|to)|something|a system|next time)"),
    Rule(Move.INVITE_SOLUTIONS, r"\bwhen(?:ever)? you'?re ready,? (?:we could|we can|maybe we|could we|can we)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:do you want|would you like|want) (?:to )?(?:brainstorm|problem[- ]solve|come up with)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\bhow (?:can|could|might) we (?:make sure|handle|avoid|stop|do)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:maybe )?(?:later|tomorrow),? (?:we could|we can|could we|can we) "
         r"(?:talk|think|figure|plan|look)\b"),
    # A tentative opener ("could we", "fancy", "I'd love for us to", "would you be up for"), then,
    # within the sentence, planning something together: "...sit down on Sunday and sort out a rota?"
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:(?:could|can|shall|might|should) we|we (?:could|can|might)|(?:would|are) you (?:be )?up for|"
         r"fancy|do you reckon|i wonder if|(?:i'?d|i would) (?:like|love) (?:for )?us to|how (?:would|do) you feel about|"
         r"would you (?:want|like) to|would it help to|(?:want to|wanna)(?=[^.!]*\?))\b"
         r"(?![^.!?]{0,20}?\b(?:vent|rant|listen|comfort|hug|cuddle)\w*\s+or\b)[^.!?]{0,50}?\b(?:figur(?:e|ing)|"
         r"work(?:ing)?|sort(?:ing)?|map(?:ping)?|hash(?:ing)?|thrash(?:ing)?|talk(?:ing)?|think(?:ing)?|plan(?:ning)?|"
         r"chat(?:ting)?|go(?:ing)?|look(?:ing)?|discuss(?:ing)?|com(?:e|ing) up|put(?:ting)?|mak(?:e|ing)|decid(?:e|ing)|agree(?:ing)?|"
         r"find(?:ing)?|brainstorm(?:ing)?) (?:out |through |about |over |at |on |with |together )?(?:it |things |this )?"
         r"(?:together )?(?:how (?:to|we|i)|what (?:we|i|would|might|could)|a (?:\w+ )?(?:plan|system|rota|schedule|split|routine|"
         r"budget|way|signal|compromise|solution|fix)|(?:the|our) (?:budget|money|chores|rota|finances|plan|holidays|visits|"
         r"schedule|housework)|ways? (?:to|we|of)|some (?:ideas|options|solutions))"),
    # --- explain: reasons before the feeling is heard ------------------------------------
    # Past tense only: "I was at work" excuses, "I'm at work until five" is news.
    Rule(Move.EXPLAIN, r"\b(?<!when )(?<!if )(?<!whenever )(?:i was|i'?ve been|i got) (?:just |really |super |so |absolutely )?"
         r"(?:busy|swamped|slammed|in (?:a |back-to-back )?meetings?|driving|at work|working|stuck|tied up|"
         r"in the middle of|caught up|held up|distracted|out(?! of (?:order|line))|asleep|exhausted|tired|knackered|shattered|"
         r"wiped|wrecked|"
         r"jet-?lagged|hungover|sick|ill|unwell)\b(?![^.!?,]{0,25}\b(?:and|when) (?:i )?(?:saw|met|ran into|bumped into|spotted|found|heard about|picked up|bought|got you)\b)", negated="drop"),
    Rule(Move.EXPLAIN, r"\b(?:my|the) (?:phone|battery|car|train|bus|flight|boss|meeting|signal|wifi|internet|trip|shift|"
         r"deadline|schedule)\s+(?:died|was dead|was on silent|ran (?:late|over)|broke|called|cut out|was off|kept me|"
         r"was in (?:my|the)|was charging|(?:was|got) (?:delayed|cancell?ed|late|stuck|extended|moved|pushed back|changed|"
         r"rescheduled))|\b(?:my|the) (?:boss|manager|client|team|teacher|landlord)\s+(?:called|kept me|needed me|asked me|"
         r"made me|extended|moved the|changed the|pulled me)"),
    Rule(Move.EXPLAIN, r"\b(?<!when )(?<!if )(?:i was|i'?ve been|i got) (?:just |still )?(?:at|in) (?:the |a |my )?(?:gym|store|"
         r"shops?|office|work|meeting|class|doctor|dentist|hospital|movies|cinema|shower|car|bar|pub|game|kitchen|garden|bath|"
         r"bathroom|loo|toilet|garage|basement|queue|traffic|lift|tube|underground|train|plane|air|surgery|theatre|court|"
         r"lecture|exam|interview|session|church|other room)\b(?![^.!?,]{0,25}\b(?:and|when) (?:i )?(?:saw|met|ran into|bumped into|spotted|found|heard about|picked up|bought|got you)\b)"),
    Rule(Move.EXPLAIN, r"\b(?:the )?reason (?:is|was|why|(?:that )?i (?:didn'?t|did|was|couldn'?t|wasn'?t|haven'?t))\b|"
         r"\bwhat happened (?:was|is)\b"),
    Rule(Move.EXPLAIN, r"\blet me explain\b|\bjust so you know\b|\bin my defen[cs]e\b|\bto be fair,?\s+(?=i\b)"),
    Rule(Move.EXPLAIN, r"\b(?:that'?s|that is|it'?s|it is|this is) not what i (?:meant|mean|was saying|was trying)\b",
         negated=None),
    Rule(Move.EXPLAIN, r"\bi (?:thought|assumed|figured|presumed) (?:you|u|it|that|we)(?: (?:said|were|was|wanted|meant|told|would|had|already)|"
         r"'d)\b|\b(?:that'?s|this is|which is) (?:why|the reason) i (?:didn'?t|did not|couldn'?t|wasn'?t|never|was|had|went|"
         r"left|said|missed|forgot|got|thought|assumed|stayed|snapped|shouted|yelled|lost it|reacted|cancell?ed)\b|\bthe thing is\b|"
         r"\b(?:work|today|my day|the day|traffic|the meeting|my shift|the drive) (?:was|has been|is) (?:just |so |really |"
         r"totally |completely )?(?:insane|crazy|nuts|hectic|chaos|chaotic|a nightmare|nonstop|packed|slammed|a mess|"
         r"awful|terrible|horrible|backed up)\b"),
    Rule(Move.EXPLAIN, r"\bi (?:didn'?t|did not) have (?:a |one |the |any )?(?:second|minute|moment|chance|time|signal|service|"
         r"my phone)\b", negated=None),
    Rule(Move.EXPLAIN, r"\b(?<!that )(?<!like )i (?:didn'?t|did not|never) (?:even )?(?:see|notice|get|hear|realize|realise) (?:it|your|the|you|that|"
         r"what|how|my phone|anything)\b|\bi (?:didn'?t|did not|never) mean (?:it|that) (?:like that|that way|the way you|how you|"
         r"in that way|as)\b|\bi (?:wasn'?t|was not) (?:thinking (?:straight|clearly)|in a good (?:place|headspace|way)|myself)\b|"
         r"\bi(?:'d| had)(?: had)? (?:no|hardly any|barely any|(?:about |like |only )?{NUM} hours?'?) (?:of )?sleep\b|"
         r"\bi had no (?:say|choice|control|option|way of knowing|signal)\b", negated=None),
    Rule(Move.EXPLAIN, r"\b(?:it|that) (?:was|'s) (?:just )?because\b|\bonly because\b|\bbecause i (?:was|had|got|didn'?t|"
         r"thought|couldn'?t|wasn'?t|needed|forgot|fell)\b|\bi (?:only |just )?(?:\w+ed|went|did|said|left|stayed|came|bought|"
         r"took|forgot|agreed|got|had|made|ran|spent|sent|told) (?:\w+ ){0,3}?because\b|\b(?:because|bc|cuz|cos|coz|'cause) of "
         r"(?:work|exams?|uni|school|college|traffic|the (?:traffic|weather|kids|deadline|meeting|trip|train|bus|tube|strike|"
         r"snow|rain|flight|client)|my (?:boss|job|shift|mum|dad|exams?|deadline|work|meeting|manager))\b|\b(?:it|that) "
         r"(?:completely |totally |just )?(?:slipped my mind|went (?:clean |right )?out of my head|got away from me)\b|"
         r"\bi (?:just |must have |must've )?(?:got (?:the|my) (?:\w+ )?(?:mixed up|confused|wrong|muddled)|mixed up the|"
         r"misread|misheard|lost track of (?:time|the days?)|got confused|forgot what day)\b|\bi had to (?:stay|work|go|leave|"
         r"take|finish|deal|cover|help|pick|drive|be|get)\b", negated=None),
    Rule(Move.EXPLAIN, r"\bi (?:had|have) (?:a lot|so much|tons|stuff|things|work|a deadline|deadlines)"
         r"(?: going on| to do| on my plate)?\b"),
    Rule(Move.EXPLAIN, r"\bi (?:forgot to|meant to|was going to|was gonna) (?:text|call|reply|answer|tell|write)"),
    Rule(Move.EXPLAIN, r"\byou (?:have to|need to|gotta|got to) understand\b", negated=None),
    Rule(Move.EXPLAIN, r"\bi (?:only |just )?(?:said|did) (?:that|it) because\b"),
    Rule(Move.EXPLAIN, r"\bwhat i (?:meant|was trying to say|was saying) (?:was|is)\b"),
    Rule(Move.EXPLAIN, r"\bi (?:couldn'?t|could not) (?:text|call|answer|reply|get away|check|leave|get out|get back|make it|"
         r"step out|escape|get home|get there|help it|ring|phone)\b", negated=None),
    # --- minimize -------------------------------------------------------------------------
    Rule(Move.MINIMIZE, r"\b(?:it'?s|it is|that'?s|that is|this is|it was|that was|its)\s+(?:not|no|hardly)\s+(?:really\s+|that\s+|such\s+)*"
         r"(?:a\s+)?(?:big|huge|massive)\s+(?:deal|thing)\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:no|not a|nbd|not such a) big deal\b|\b(?:not|hardly|isn'?t) (?:that|so|such|all that) "
         r"(?:big|huge|massive) (?:a|of a) (?:deal|thing)\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:it'?s|it is|that'?s|that is|it was|that was)\s+{ADV}(?:not|hardly)\s+(?:that|so|very|all that)\s+"
         r"(?:serious|bad|important|dramatic|terrible|awful|deep|big|major)\b|\b(?:fuss|drama|upset|worked up|crying|all this) "
         r"(?:about|over) nothing\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:(?:you|u) (?:should|need to|have to|gotta|just need to|just have to|should just|could just)\s+)?"
         r"(?:just\s+)?(?:relax|chill(?: out)?|calm down|settle down|take it easy|lighten up|get over it|"
         # "help rob move on the saturday" is a house move, not a brush-off.
         r"move on(?! (?:the |this |that |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day| (?:the |that |this )?weekend)|let it go|"
         r"cheer up|forget about it)\b", negated="drop"),
    Rule(Move.MINIMIZE, r"\bsorry if (?:you|u|that|it|this|i|my|anything)\b|"
         r"\b(?:hardly|not|isn'?t|wasn'?t) (?:exactly )?(?:a|an|the) (?:crisis|disaster|tragedy|catastrophe|crime|emergency|"
         r"federal case|mortgage|life or death(?: situation)?|big drama|end of the world)\b(?!\s+to\b)|"
         r"\b(?:a )?(?:bigger|big|huge) deal (?:than|out of)\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:it'?s|it is|it was|its|that'?s|that was) (?:literally |only |just )?(?:one|a single|a tiny|a little|"
         # "that was a stupid thing to say" judges one's own words: not minimizing.
         r"a small|a silly|a stupid) (?:\w+ )?(?!thing (?:to say|to do|of me|i said|i did))(?:text|message|call|night|time|mistake|meeting|comment|joke|day|thing|party|"
         r"dinner|email|drink|date|plate|present|gift|bill|purchase|charge|remark|visit|weekend|evening|lunch|beer|glass|"
         r"coffee|hour|event|occasion|birthday|anniversary|game|match|show|trip|photo|post)\b"),
    Rule(Move.MINIMIZE, r"\bwhy (?:is )?(?:this|it|that)(?: is|'s)? (?:even |such )?a (?:big )?(?:thing|deal|problem|issue)\b|"
         r"\bi (?:really )?(?:don'?t|do not|can'?t|cannot) (?:see|get|understand) (?:why|how) (?:{YOU_ARE}|"
         r"you(?:'d| would| got| feel| care)|this|that|it'?s|it is)|\bwhat the (?:big deal|problem|issue) is\b|"
         r"\b(?:it|that|this) (?:doesn'?t|does not|don'?t) (?:really )?make (?:any )?sense\b|\bmakes no sense\b|"
         r"\bdon'?t (?:read (?:too much |so much )?into (?:it|this|that)|take (?:it|this|that) (?:so |too )?personally|"
         r"make (?:it|this) (?:a thing|a big deal|into a thing))", negated=None),
    Rule(Move.MINIMIZE, r"\b{YOU_ARE}\s+(?:(?:being|so|way|totally|a bit|a little|kind of|kinda|rather|quite|pretty|really|"
         r"just|a tad|slightly|massively|completely|literally|honestly|actually|seriously|lowkey|low key|def|defo|"
         r"definitely|clearly|obviously)\s+)*"
         r"(?:overreacting|too sensitive|oversensitive|so sensitive|dramatic|being dramatic|making a big deal|"
         r"blowing (?:this|it|things) (?:way )?out of proportion|overthinking|making (?:a )?mountains?|"
         r"paranoid|hysterical|too emotional)", negated=Move.VALIDATE),
    Rule(Move.MINIMIZE, r"\b(?:don'?t|do not|no need to|stop) (?:be|being|get|getting) (?:so\s+)?(?:upset|sad|mad|"
         r"worked up|dramatic|angry|emotional|sensitive|like that)\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:don'?t|do not|no need to|stop) (?:worry|stress|fret|cry|overthink)(?:ing)?\b(?! [^.!?]*\bi'?m\b)",
         negated=None),
    Rule(Move.MINIMIZE, r"\b(?:i'?m|i am) sorry (?:that\s+)?(?:you|u)(?: (?:feel|felt|see|saw|took|take|think|(?:are|were|got) (?:upset|offended|annoyed|bothered))|"
         r"'?re (?:upset|offended|annoyed|bothered))"
         r"(?:\s+(?:it|that|this))?(?:\s+(?:way|like that))?", negated=None),
    Rule(Move.MINIMIZE, r"\bsorry (?:if )?(?:you|u) (?:feel|felt|were|took) (?:that way|offended|hurt|it that way)", negated=None),
    # "at least" opening a sentence or clause (not "at least I..." mid-clause, a counter-attack)
    Rule(Move.MINIMIZE, r"\b(?<![a-z] )(?<![a-z]  )at least\b|\bbut at least\b|\blook on the bright side\b|"
         r"\bcould (?:have been|be) worse\b", negated=None),
    Rule(Move.MINIMIZE, r"\bit(?:'s| is| was) (?:only|just) (?:(?:a|an|one|two|three|four|five|a few|a couple|some|\d+)\b"
         r"(?!\s+(?:problem|issue|big deal|crime|thing) (?:when|if)\b)|(?:money|words|banter|stuff|food|teasing)\b)"
         r"(?![^.!?]*\b(?:to me|for me)\b)"),
    # Excusing someone else's dig: "she was only joking", "that's just how he talks".
    Rule(Move.MINIMIZE, r"\b(?:he|she|they|i|we)(?: was| were|'s| is| are|'re) (?:only|just) (?:joking|kidding|teasing|"
         r"messing(?: about| around)?|having a laugh|being silly|winding you up|pulling your leg|being friendly|having fun)\b|"
         r"\b(?:he|she|they) (?:didn'?t|did not|never) mean (?:anything|it|any harm|nothing)\b|\byou know (?:what|how) "
         r"(?:he|she|they|my \w+|your \w+)(?: is|'s| are|'re| gets)\b|\b(?:(?:bit of |such |a total |a complete |a massive |"
         r"a huge |a slight )?an|total|complete|massive|huge|slight) overreaction\b", negated=Move.VALIDATE),
    Rule(Move.MINIMIZE, r"\b(?:with|enough of|cut|spare me|cut out) the (?:drama|theatrics|hysterics)\b|\b(?:such a|so much) "
         r"drama\b|\b(?:don'?t|stop|quit|no need to|let'?s not) mak(?:e|ing) (?:it|this|that|everything) (?:into )?"
         r"(?:a (?:whole |big )?(?:thing|deal|drama|production|saga|scene)|such a big deal|bigger than it is)\b", negated=None),
    # "i'll tell you about the phone later, it doesn't matter right now": setting one's own
    # story aside to listen is not minimizing theirs.
    Rule(Move.MINIMIZE, r"(?<!later, )(?<!later )(?<!later\. )\b(?:it|that|this) (?:doesn'?t|does not|didn'?t|did not) (?:really\s+)?matter\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:everyone|everybody) (?:goes through|has|deals with|gets) (?:this|that|days like|bad days)|"
         r"\b(?:everyone|everybody)(?:'s \w+)? (?:is|are|does|do|feels) (?:like that|the same|that)\b|"
         r"\bthat'?s (?:just )?(?:how|the way|what) (?:it|things|life|work|bosses|people|he|she|they|\w+'?s) (?:is|are|goes|works|"
         r"talks|speaks|gets|jokes|does things|was raised|behaves|operates|like)\b|"
         r"\b(?:let'?s not|don'?t|no need to) make (?:this|it|that) (?:a whole thing|a big deal|a thing|into (?:a thing|"
         r"something))", negated=None),
    Rule(Move.MINIMIZE, r"\byou won'?t (?:even )?remember (?:this|it)\b|\bgive it (?:a day|a week|a few days|time)\b|"
         r"\b(?:that'?s|it'?s) (?:just )?(?:your|ur) (?:anxiety|hormones|insecurity|mood|stress|jealousy|brain)(?: talking)?\b",
         negated=None),
    Rule(Move.MINIMIZE, r"\byou'?ll (?:be fine|be over it|get over it|feel better (?:tomorrow|soon|in the morning)|forget about it|"
         r"laugh about (?:this|it)|have forgotten(?: about)? (?:it|this|all about it)|not even remember|have moved on|"
         r"be laughing about|forget (?:all )?about (?:it|this)|barely remember)\b"),
    Rule(Move.MINIMIZE, r"\b(?<!if )(?:it'?s|it is|that'?s|that is) (?:nothing|silly|ridiculous|petty|minor|trivial)\b"
         r"(?!\s+(?:to|of) (?:be|feel))", negated="drop"),
    Rule(Move.MINIMIZE, r"\bwhy (?:are|r) (?:you|u) (?:so|even|getting so) (?:upset|worked up|mad|bothered|angry)\b|"
         r"\bwhy (?:are|do|would) (?:you|u) (?:let(?:ting)?|allow(?:ing)?) (?:\w+ ){0,2}?(?:get to you|bother you|upset you|"
         r"affect you|ruin)\b|\bwhy does (?:it|this|that|he|she) (?:even )?(?:bother|matter to|upset) you so much\b"),
    Rule(Move.MINIMIZE, r"\b(?:you|u) (?:shouldn'?t|should not) (?:feel|be) (?:that way|like that|so|upset|hurt|bad)\b",
         negated=None),
    Rule(Move.MINIMIZE, r"\bcalm yourself\b|\bdeep breaths?,? (?:babe|hon|ok)",
         negated=None),
    Rule(Move.MINIMIZE, r"\b(?:you'?re|you are) (?:reading (?:too much|way too much) into|taking (?:it|this|that) (?:too|so) personally)",
         negated=None),
    Rule(Move.MINIMIZE, r"\bnot worth (?:getting |being )?(?:upset|worked up|mad|crying|stressing|worrying|fighting|losing sleep)\b",
         negated=None),
    # --- correct_facts ----------------------------------------------------------------------
    Rule(Move.CORRECT_FACTS, r"\b(?:{IT_IS}\s+{ADV}not|(?:that|it|this) (?:isn'?t|wasn'?t))\s+{ADV}(?:how|what|when|where)\s+(?:it |that |this )?(?:happened|went|"
         r"went down|was)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bi (?:texted|called|replied|answered|wrote|messaged)(?: you)?(?: back)? (?:at|by|before|around|"
         r"within|like) (?:\d|noon|lunch|midnight|an? |one|two|three|five|ten|twenty|the)|\bto be fair,?\s+(?:you|u|it|that|"
         r"he|she|they|we)\b|\bi (?:wasn'?t|was not) \w+ing,? i was \w+ing\b|\bi (?:called|texted|rang|messaged|checked in)"
         r"(?: you)? (?:every (?:night|day|morning|evening|hour)|twice|three times|loads|(?:a )?(?:few|couple of) times)\b"),
    Rule(Move.CORRECT_FACTS, r"\b(?:that|it) (?:didn'?t|did not|never) happen(?:ed)?\b|\bthat(?:'s| is) not what happened\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\b{YOU_ARE}\s+(?:misremembering|remembering (?:it|this|that|things) (?:wrong|differently)|"
         r"getting (?:it|this|that|things|the facts|the story|the details|the order) (?:wrong|mixed up|confused|backwards)|"
         r"twisting (?:it|this|that|things|the facts|what happened|the story|my words|what i said)|"
         r"mixing (?:it|this|that|things|them) up)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\b(?:that'?s|that is|it'?s|it is) (?:not (?:quite |exactly |strictly |entirely |really )?(?:true|right|"
         r"accurate|correct)|false|wrong|incorrect|untrue|"
         r"not fair(?! (?:on|to|of) (?:you|u)\b)|an exaggeration)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bactually,? (?:it|i|you|we|that|he|she|they) (?:was|were|did|said|texted|called|had|only|never)\b"),
    Rule(Move.CORRECT_FACTS, r"\b(?:it|that) (?:was|'s|is) (?:only |just |barely |not even |like |maybe |literally )*{NUM}\s*"
         r"{TIME_UNIT}\b|\b(?:it|that) was (?:only |just |actually |more like |like |literally )*[£$€]?\d+(?:\.\d+)?\b"
         r"(?!\s*(?:am|pm|o'?clock|:|st\b|nd\b|rd\b|th\b|years?|months?|ago)|\w* ago\b)"),
    # "X, not Y": a date, time, number or quoted word put right.
    Rule(Move.CORRECT_FACTS, r"\b(?<=, )not (?:at |on |the |until |till |by )?(?:\d+(?:st|nd|rd|th|am|pm)?|noon|midnight|morning|"
         r"evening|tonight|yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day|one|two|three|four|five|six|seven|eight|"
         r"nine|ten|eleven|twelve|'[\w ]+')(?=[\s.!?,;]|$)|\bi (?:didn'?t|did not|never) (?!mean|want|try|intend|realise|realize|"
         r"know|think|see|hear|notice|get|have|care)\w+(?: \w+){0,3}?, (?:i (?:just |only )?(?:asked|said|told|suggested|offered|"
         r"meant|moved|postponed|changed|did|called|texted)|it was (?:only |just |actually )?(?:\d|the |you|your|him|her|them|my))|\b{YOU}(?:'ve| have)? (?:got (?:the )?wrong end "
         r"of the stick|misunderstood|misheard|misread|got the wrong idea|got (?:it|that|this) (?:all )?wrong)\b|"
         r"\bwrong end of the stick\b|\b(?<!when )(?<!if )you said (?:(?:it was|it'?s|that was|that'?s) (?:fine|ok|okay|alright|cool|no problem|"
         r"no big deal)|yes|you didn'?t mind|you were (?:fine|ok|okay) with it)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bi was (?:only |just |barely |like )?{NUM}\s*{TIME_UNIT} late\b|"
         r"\bnot (?:even )?(?:{NUM}\s*{TIME_UNIT}|hours|days|all day|all night|all afternoon|"
         r"the whole (?:day|night|time|evening))\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bi (?:did|actually|literally) (?:text|call|reply|answer|tell|say|told|texted|called|replied)\b|"
         r"\bi did (?:actually |too |already )?(?:ask|tell|say|call|text|reply|answer|remember|mention|check|try|help|clean|pay|book|"
         r"offer|warn|invite|explain|do)\b|\bi (?:actually|literally|already) (?:did|paid|told|said|went|made|cleaned|remembered|"
         r"booked|asked|called|texted|rang|hoovered|vacuumed|cooked|washed|tidied|emailed|replied|answered|checked|sent|bought)\b|"
         r"\bi did (?:the|all the) (?:bins|dishes|washing(?: up)?|laundry|shopping|hoovering|vacuuming|cooking|cleaning|"
         r"school run|recycling|ironing|bathroom|kitchen|bills|food shop)\b"),
    Rule(Move.CORRECT_FACTS, r"\b(?:i|he|she|they|we|my \w+|your \w+) (?:never said|(?:didn'?t|did not|never) say) (?:that|it|i|you|"
         r"we|anything like|those)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\byou(?:'re| are) (?:exaggerating|wrong about|confusing|making (?:that|it|this) up|rewriting history)\b|"
         r"\bi (?:was never|never was|wasn'?t|was not) (?:even )?(?:rude|mean|late|gone|drunk|flirting|yelling|shouting|on my phone)\b|"
         r"\bi (?:was never|never was|(?:wasn'?t|was not) even) there\b|\b(?:you|u) (?:left|started|said|did|brought|yelled|hung up|walked (?:out|off)|cancell?ed|texted|called)"
         r"(?: \w+){0,3} first\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bthat(?:'s| is| was) not (?:exactly )?what (?:i|he|she|they|you|we) said\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bthe (?:facts|truth|record) (?:is|are|says?)\b|\bfor the record\b|\blet'?s be accurate\b|"
         r"\bto be (?:precise|accurate|clear)\b|\btechnically\b"),
    Rule(Move.CORRECT_FACTS, r"\bif you (?:check|look at|scroll)\b|\bcheck (?:your|the) (?:phone|messages|texts)\b"),
    Rule(Move.CORRECT_FACTS, r"\b(?:that|it) was (?:you|your idea|you who)\b|\byou(?: were the one| said) (?:who|that you)\b"),
    Rule(Move.CORRECT_FACTS, r"\b(?:i remember (?:it )?(?:differently|clearly|exactly)|that'?s not how i remember)\b"
         r"(?![^.!?]*\bbut\b)", negated=None),
    # --- fix: advice before settling --------------------------------------------------------
    Rule(Move.FIX, r"\b(?<!if )(?<!when )(?<!unless )(?<!whether ){YOU}\s+(?:should|shoulda|ought to|need to|have to|must|gotta|"
         r"could just|can just|should just|could always|can always|could try|might try|could simply|might want to|'d better|"
         r"had better)\s+(?!(?:just )?(?:have|be|feel|know|understand|calm|relax|chill|stop being|let it go|get over|move on|"
         r"forget about|take your time|see (?:the (?:size|state|look|face)|how|what|his|her|their)|talk to me|come to me|"
         r"call me|tell me|lean on me|count on me|ask me|text me|reach out|cry)\b)\w+"),
    Rule(Move.FIX, r"\bhere'?s what (?:i'?d|i would|you|to)\b|\bhere'?s (?:my advice|the plan|an idea|a tip)\b|"
         r"\bwhat if (?:you|u) (?:just |simply |tried |try )?(?:\w+ed|told|went|took|wrote|spoke|sent|quit|asked|set|put|"
         r"said|let|made|got)\b", negated=None),
    Rule(Move.FIX, r"\b(?:couldn'?t|can'?t|could|can|wouldn'?t) (?:you|u) just\b(?! (?:tell me|talk to me|listen|let me|give me|"
         r"be honest|explain|help me))", negated=None),
    Rule(Move.FIX, r"\bwhy (?:don'?t|not|do not) (?:you|u) (?:just\s+)?(?!tell me|talk to me|come (?:here|sit)|sit|let me|"
         r"take your time)\w+"),
    Rule(Move.FIX, r"\bhave you (?:tried|thought about|considered)\b|\bhere'?s what you (?:should|need|can|could)\b"),
    Rule(Move.FIX, r"\bnext time,? (?:(?:just|simply)\s+\w+|you|ask|try|tell|call|text|don'?t|check|let|put|say|make|get|ring|go|"
         r"book|bring|leave|skip|take|use|set|stay|invite|phone|email|remind)\b"),
    # "just tell him..." opening a sentence or clause
    Rule(Move.FIX, r"\b(?<![a-z] )(?<![a-z]  )(?:just|simply)\s+(?:tell|ask|ignore|call|text|email|send|go|quit|talk|write|say|"
         r"put|turn|take|do|let|block|mute|unfollow|report|delete|leave|apply|find|start|try|book|schedule|get|update|change|"
         r"look|make|set|sleep|stop|focus|reply|answer|apologi[sz]e|confront|drop|cancel|switch|request|file|complain|ring|phone|"
         # "just say it" (go on, blame me) is an invitation, not advice.
         r"speak|pop|pay|sell|move|hide|unfriend|avoid|skip|bin|buy|hire|see|chat|message|dm|reach|bring|invite|remind)\b"
         r"(?<!\bjust say)(?<!\bsimply say)|\b(?:just|simply) say\b(?! it\b| it all\b| what (?:you|u) (?:need|want|feel)\b)|"
         r"\b(?<![a-z] )(?<![a-z]  )(?:just|simply) (?:don'?t|do not) (?!worry|stress|be\b|get (?:upset|worked)|take it|let it|"
         r"think about|mind)\w+"),
    # An imperative with an object opening a sentence or clause: "Cancel the subscriptions", "Make a chart".
    Rule(Move.FIX, r"\b(?<![a-z] )(?<![a-z]  )(?<![a-z]'s )(?:cancel|buy|block|unfollow|mute|write|sell|delete|hire|ignore|"
         r"quit|report|switch|apply|look for)\s+(?!me\b|us\b|yourself\b|sure\b|a grip\b)(?:a|an|the|your|ur|some|her|him|them|that|those|"
         r"these|their|his|one)\b|\b(?<![a-z] )(?<![a-z]  )make (?:a|an|the|some) (?:\w+ )?(?:list|chart|plan|rota|complaint|note|"
         r"budget|schedule|spreadsheet|appointment|decision|rule|point|formal complaint)\b"),
    Rule(Move.FIX, r"\b(?:the )?(?:easiest|simplest|best|quickest|obvious|only) (?:thing|option|solution|fix|move|answer|way) "
         r"(?:is|would be|to do is)\b(?! (?:to )?(?:listen|talk|wait|be (?:here|there)))|\bfirst thing (?:tomorrow|in the morning|"
         r"monday|tomorrow morning),? (?:you \w+|just \w+|(?:call|ring|email|text|tell|ask|go|talk|book|cancel|write))\b|"
         r"\bwe (?:need|should (?:have|get|make|do)|ought to (?:have|get)|have to (?:have|get|make)|could (?:just )?(?:get|buy|"
         r"have)) (?:a|an|some|proper|better|new|a proper|a better|a new) (?:\w+ )?(?:rota|plan|system|schedule|chart|budget|"
         r"rule|routine|calendar|app|agreement|arrangement|cleaner|dishwasher|joint account|spreadsheet|reminder)\b|"
         r"\b(?:might|may|can|could) i suggest\b|\bi (?:suggest|recommend) (?:you|that you)\b"),
    Rule(Move.FIX, r"\bwhy not (?:just )?(?!talk to me|tell me|\w+ing\b)(?:ask|tell|talk|try|go|call|text|email|quit|apply|"
         r"look|get|find|say|leave|block|report|take|put|make|set)\b"),
    Rule(Move.FIX, r"\bthe (?:solution|answer|fix|trick) is\b|\bwhat you need (?:to do )?is\b|\bthe easy fix\b"),
    Rule(Move.FIX, r"\bif i were you,? i(?:'d| would)\b|\bmy advice\b|\b(?:i'?d|i would) (?:suggest|recommend)\b"),
    Rule(Move.FIX, r"\b(?:try|consider) (?:to\s+)?(?:talking|telling|writing|asking|making|setting|using|putting|turning|not|getting|going)\b"),
    # Generic verbs ("get", "make") only with the kind of thing a fix sets up: "we should get groceries" is no fix.
    Rule(Move.FIX, r"\b(?:let'?s|we should|we need to|we can just|i'?ll just) (?:just\s+)?(?:set up|turn on|fix|sort|solve|agree|"
         r"come up|figure|plan|(?:get|buy|make|use|put|add|start|schedule|set)\s+(?:(?:a|an|up|some|the|our|your|one|in|on)\s+)*"
         r"(?:\w+\s+)?(?:reminder|alarm|rota|plan|system|schedule|chart|calendar|app|rule|routine|budget|cleaner|dishwasher|"
         r"account|spreadsheet|signal|tracker|limit|boundar(?:y|ies)|timer|notification|agreement)s?)\b"),
    Rule(Move.FIX, r"\b(?:i'?ll|i will|i can) (?:just )?(?:set (?:up )?an? (?:alarm|reminder)|turn on|fix (?:it|this)|sort (?:it|this)|"
         r"handle it|call (?:him|her|them)|talk to (?:him|her|them))\b"),
    Rule(Move.FIX, r"\b(?:easy|simple)\s+(?:fix|solution)\b|\bproblem solved\b"),
    # --- intent_defense ----------------------------------------------------------------------
    Rule(Move.INTENT_DEFENSE, r"\bi(?: would|'d| could) never (?:ever )?\w+|\bi(?: will|'ll) never (?:\w+\s+){0,3}?"
         r"(?:do|ignore|hurt|leave|mean|want)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:didn'?t|did not|never) (?:mean|meant|intend|intended) (?:to|it|for|that|anything|any harm|"
         r"nothing)\b|"
         r"\bi (?:didn'?t|did not|never|was never|wasn'?t|was not) (?:want|try|tried|trying) to (?:hurt|upset|ignore|embarrass|"
         r"make you|worry|scare|stress|offend|disrespect|leave you|shut you out)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\b(?:it was|that was|that'?s|it'?s) (?:never|not) my (?:intention|intent|plan|goal|aim)\b|"
         r"\bnever my intention\b|\bmy heart (?:was|is) in the right place\b|\b{I_AM} (?:a )?(?:good|decent|loving|caring|"
         r"great|devoted|loyal) (?:partner|person|boyfriend|girlfriend|husband|wife|man|woman|guy)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\b(?:it'?s|it is|its) not (?:that|like|because) i (?:don'?t|didn'?t|do not|did not) (?:care|love|"
         r"want|think about|respect|value|miss)\b|\b{I_AM} (?:not|never) (?:like that|that (?:guy|girl|person|type))\b",
         negated=None),
    Rule(Move.INTENT_DEFENSE, r"\b(?:it )?wasn'?t (?:on purpose|intentional|deliberate)\b|\bnot (?:on purpose|intentionally|deliberately)\b",
         negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:only |just )?(?:wanted|tried|meant|was trying|did it|did that|said it|said that) to (?:help|"
         r"be (?:nice|kind|helpful|supportive|funny|honest|thoughtful)|make (?:you|it|things)|protect|surprise|cheer|"
         r"do something (?:nice|kind|good|sweet|thoughtful)|keep the peace|look after you|do the right thing)\b"),
    Rule(Move.INTENT_DEFENSE, r"\bi was (?:only |just )?(?:trying to|being) (?:be )?(?:help|helpful|nice|honest|supportive|protect|"
         r"funny|a good|kind|do something (?:nice|kind|good|sweet)|keep the peace|make (?:you|it|things)|look after|surprise|"
         r"cheer|do the right thing)|\bthe last thing i (?:wanted|want|meant|intended|was trying|would (?:ever )?want)\b|"
         r"\b(?:doesn'?t|does not|didn'?t|did not) mean i (?:don'?t|didn'?t|do not|did not) (?:love|care|think about|respect|value|"
         r"want)\b"),
    Rule(Move.INTENT_DEFENSE, r"\bmy intentions? (?:was|were|is|are)\b|\bi had (?:good|the best) intentions\b"),
    Rule(Move.INTENT_DEFENSE, r"\byou know (?:that )?i (?:love|care about|would never|wouldn'?t|didn'?t mean)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\b{I_AM}\s+(?:not|never) (?:a bad|a terrible|the bad|an awful|that kind of|the kind of|"
         r"trying to|a monster|evil|heartless|some kind of|the villain|the enemy|a selfish|selfish|a horrible|a heartless|a cold|"
         r"out to get you|doing it on purpose)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bit'?s not like i (?:did|meant|wanted|tried|planned|was|went|had|ignored|set out|chose|decided|"
         r"intended)\b|\bi (?:wasn'?t|was not|didn'?t|did not|never|'m not|am not) (?:\w+ ){0,4}?to (?:get at|get back at|punish|"
         r"spite|annoy|wind (?:you )?up|hurt|upset|embarrass|make a point|prove a point)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:meant well|had no idea|didn'?t know it would|had no intention)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bthat(?:'s| is|'s just| is just) not (?:who|how|the kind of person) i am\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:do|did) (?:everything|so much|all this) for you\b|\bafter everything i\b"),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:wasn'?t|was not) (?:ignoring|trying to (?:hurt|ignore|upset)|avoiding)\b", negated=None),
    # --- counter_attack: blame back, criticism, contempt, sarcasm ------------------------------
    Rule(Move.COUNTER_ATTACK, r"\b(?:well,?\s+)?(?:you|u) (?:always|never|constantly)\s+(?!have to\b)\w+|"
         r"\b{YOU_ARE} (?:always|never|constantly) (?!(?:there|welcome|right|alone|so (?:good|kind|sweet|patient|supportive|"
         r"thoughtful|caring))\b)\w+"),
    Rule(Move.COUNTER_ATTACK, r"\bwhat about (?:when|the time|last|that time|you|your)\b"),
    Rule(Move.COUNTER_ATTACK, r"\b{YOU} (?:literally |also |just )?(?:do|did|does) (?:(?:exactly |precisely )?the (?:exact |very )?same(?: thing)?\b|(?:it|that|this) "
         r"(?:too|all the time|to me|also|yourself)\b)|\b(?:like|as if) (?:you'?ve|you have|you) never\b|"
         r"\blike you(?:'re| are) (?:so )?(?:perfect|any better)\b"),
    Rule(Move.COUNTER_ATTACK, r"\bpot (?:calling|meet) (?:the )?kettle\b|\blook who'?s talking\b|\bspeak for yourself\b"),
    Rule(Move.COUNTER_ATTACK, r"\b{YOU_ARE}\s+(?:being\s+)?(?:(?:so|way|too|a bit|kind of|kinda|really|such)\s+)*(?:ridiculous|crazy|insane|impossible|unbelievable|"
         r"such a|selfish|childish|a child|pathetic|needy|clingy|controlling|exhausting|unreasonable|nuts|annoying)\b",
         negated=Move.VALIDATE),
    Rule(Move.COUNTER_ATTACK, r"\b(?:sorry|excuse me) (?:that\s+|for\s+)?(?:i|i'?m|for)\s+(?:have|having|had)\s+(?:a\s+)?(?:life|job|friends|"
         r"other things)\b|\bsorry (?:for|i'?m not) (?:existing|breathing|being perfect|not being perfect)\b"),
    Rule(Move.COUNTER_ATTACK, r"\bwell,? excuse me\b|\bmust be nice\b|\bpoor (?:you|baby|thing)\b|\bboo[- ]hoo\b|"
         r"\bcry me a river\b|\bdrama queen\b|\bthanks a lot\b|\byeah,? right\b|\bhere we go again\b|\b(?:oh|ugh|god|great),? here we go\b|\bget a grip\b"),
    # "what would feel good for you" is care, not a jab.
    Rule(Move.COUNTER_ATTACK, r"\bbig surprise\b|\bwhat a surprise\b|\bwell,? done\b|(?<!feel )(?<!feels )(?<!be )(?<!is )(?<!are )\bgood for you\b"),
    Rule(Move.COUNTER_ATTACK, r"\bso (?:now )?(?:it'?s|this is|everything is) (?:all )?my fault\b|\b(?:blame|blaming) me\b|"
         r"\bso (?:you'?re saying |now )?(?:it'?s|i'?m|i am) (?:all )?(?:my fault|the (?:bad guy|problem|villain))\b"),
    Rule(Move.COUNTER_ATTACK, r"\bmaybe if (?:you|u)\b|\bmaybe (?:you|u) (?:should|need to|could) (?:grow up|look at (?:yourself|"
         r"your own)|think about (?:yourself|your own))"),
    Rule(Move.COUNTER_ATTACK, r"\b(?:you|u) (?:didn'?t|don'?t|never|did not|do not|haven'?t|weren'?t|aren'?t|can'?t)\b"
         r"[^.!?]{0,30}\beither\b(?![^.!?]*\?)|\b(?:you|u) (?:twist|turn|blow|ruin|make) (?:everything|every little thing|it all)\b|"
         r"\bwell,? (?:you|u) (?:took|never|always|didn'?t|don'?t|weren'?t|forgot|ignored|left me|started)\b|"
         r"\b(?:see if|like|as if) i care\b|\bwhatever you say\b", negated=None),
    Rule(Move.COUNTER_ATTACK, r"\b(?<!not )(?<!n't )(?<!not being )(?:sulk\w*|pout\w*|whin(?:e|es|ing|y)|nag(?:s|ging)?|tantrum|silent treatment|childish|"
         r"immature)\b", negated=None),
    Rule(Move.COUNTER_ATTACK, r"\b(?:stop|quit) (?:yelling|shouting|screaming|attacking|blaming|accusing|interrogating|nagging)\b|"
         r"\b(?:you|u) (?:clearly |obviously |seriously |really )?(?:need (?:therapy|help|to grow up)|have (?:some |serious |real )?"
         r"(?:\w+ )?issues)\b|\b(?:happy|satisfied) now\?|\b(?<=, )(?:happy|satisfied)\?", negated=None),
    Rule(Move.COUNTER_ATTACK, r"\byou(?:'re| are) the one who\b|\byou started (?:it|this)\b|\bat least i\b|\byou make (?:everything|it all) about\b"),
    Rule(Move.COUNTER_ATTACK, r"\b(?:seriously|really)\?\s*(?:you|this)\b|\bare you (?:kidding|serious|joking)\b|\bgive me a break\b"),
    # "You're perfect" alone is a compliment; "because you're perfect", "you're hardly a saint" are not.
    Rule(Move.COUNTER_ATTACK, r"\b(?:(?<=because )|(?<=cause )|(?<=like )|(?<=as if ))you(?:'re| are) (?:so )?(?:perfect|innocent|"
         r"a saint)\b|\byou(?:'re| are) (?:(?:not |hardly |no )(?:exactly )?(?:perfect|innocent|a saint)|(?:not |hardly |no )?"
         r"(?:exactly )?one to talk)\b", negated=None),
    # Tit for tat: the partner's own record, or a "so now I have to...?" retort.
    Rule(Move.COUNTER_ATTACK, r"\b(?:and|but|well) who (?:left|forgot|never|always|was|didn'?t|did|spent|started|bought)\b[^.!]*\?|"
         r"\b(?:says|this from) the (?:person|one|guy|girl|man|woman) who\b|\bi (?:didn'?t|never) (?:make|kick up) (?:a |such a )?"
         r"(?:whole |big )?(?:thing|fuss|scene|deal|song and dance)\b|\byou (?:forgot|missed|ignored|cancell?ed on|bailed on|"
         r"skipped|ditched|stood me up|blew me off) (?:my|me|our)\b|\bso (?:now )?i (?:have to|'m supposed to|am supposed to|"
         r"should|can'?t|need to)\b[^.!]*\?|\banother (?:lecture|sermon|speech|rant|meltdown|tantrum|guilt trip)\b|"
         # "congrats on finishing!!" is sincere; "congrats, you win" is not.
         r"\b(?:congrats|congratulations|bravo)\b,? (?:you|on)\b(?! (?:finishing|your|ur|the|getting|making|doing|running|completing)\b)|\banother (?:thing|reason|excuse) to (?:be (?:mad|angry|upset)|"
         r"complain|moan|whinge|get upset|cry)\b|\b(?:funny|interesting|convenient) how (?:[\w']+ ){0,4}?(?:only|never|always|"
         r"when i|when you)\b|\b{I_AM} the one (?:who (?:always|actually|has to)|that has to|(?:always |actually )?\w+ing "
         r"(?:all|everything|most|the (?:whole|most))\b|stuck|living|doing|paying|working|cleaning|cooking)|"
         r"\b(?:you|your \w+) (?:don'?t|doesn'?t|didn'?t) even (?:like|care|try|ask|notice|listen|help|bother)\b",
         negated=None),
    Rule(Move.COUNTER_ATTACK, r"\b(?<!if )(?:you|u) (?:could|should|might)(?:'ve| have) (?:just |always |easily |at least )?"
         r"(?!(?:been|a|an|the|seen|to|some|any|no|anything|everything|known)\b)\w+|"
         r"\b(?<![a-z] )(?<![a-z]  )(?:and|well|but) (?:you|u) (?:(?:spend|spent) (?:loads|so much|a fortune|all|more|money|hours|"
         r"half)|forgot|forget|left|leave|never|always|"
         r"do it|did it|do the same|did the same|started|yell|yelled|ignore|ignored)\b"),
    Rule(Move.COUNTER_ATTACK, r"\bi(?:'m| am) (?:sick|tired) of (?:this|you|your|always|being)\b"),
    # Anchored rules last: a rule that cannot open with a word boundary is tried at every position.
    Rule(Move.COUNTER_ATTACK, r"^\s*oh,? (?:great|wonderful|perfect|brilliant|fantastic|lovely|sure|right|please)\b"),
    # --- turn_away: refusing to engage, changing the subject -----------------------------------
    Rule(Move.TURN_AWAY, r"\bi (?:really |just )?(?:don'?t|do not|can'?t|cannot) (?:want to|wanna|have (?:the )?(?:time|energy|"
         r"bandwidth|patience|headspace)(?: for| to)?|deal with)\s+(?:talk|deal|do this|do that|get into|discuss|hear|this|it|"
         r"that|you|go there|go into)\b", negated=None),
    Rule(Move.TURN_AWAY, r"\bwhatever(?:\.\s*$|,? (?:man|dude)\b)"),
    Rule(Move.TURN_AWAY, r"\b(?:can|could) we (?:just )?(?:not|drop (?:it|this)|talk about (?:this|it) later|do this later|move on|"
         r"change the subject|be done)\b|\bare we done(?: now| here| yet)?\?|\b(?:{I_AM} not (?:going to|gonna)|i won'?t) "
         r"(?:stand|sit) here and\b"),
    Rule(Move.TURN_AWAY, r"\blet'?s (?:just )?(?:drop (?:it|this)|not (?:do|talk|get into|rehash|go there|go over|revisit|dig up|"
         r"bring up|start)|move on|talk about something else|forget (?:it|about it))\b|\bforget it\b(?=[.!\s]*$)"),
    Rule(Move.TURN_AWAY, r"\b(?:anyway|anyways|on another note|changing the subject|by the way|btw),?\s+"
         r"(?:what|did|have|are|how|so|i|the|we|my|you|your|can|let'?s|guess|has|is|in)\b|\b(?<![a-z] )(?<![a-z]  )moving on\b|"
         r"\blet'?s (?:just )?(?:park|shelve|table|pause) (?:it|this|that)\b|\bput a pin in (?:it|this)\b|\bnot go there\b|"
         r"\bcan we (?:just )?enjoy\b", negated=None),
    # "not now if u dont want, i can just be here" leaves the choice to them.
    Rule(Move.TURN_AWAY, r"\b(?<!maybe )(?<!perhaps )(?<!probably )(?<!or )(?<!if )not (?:now|tonight|this again)\b(?!,? (?:if|unless|only if) (?:you|u)\b)|\bi(?:'m| am) (?:done|out)\b"
         r"(?=[^a-z]*$|[.!,])|\b{I_AM} (?:done|finished|through) (?:talking|discussing|arguing|with this|here|with (?:this|it|the) "
         r"conversation)\b|\bi (?:really |just )?(?:can'?t|cannot) be (?:bothered|arsed)\b|\bi (?:just |really )?(?:can'?t|cannot) "
         r"(?:(?:do|deal with|handle|talk about) (?:this|that|it) )?(?:rn|right now|tonight)\b|\bi'?ll (?:just )?drop it\b",
         negated=None),
    Rule(Move.TURN_AWAY, r"\b{I_AM} not (?:talking (?:about|to you)|discussing|doing this|getting into (?:this|it)|having this|"
         r"(?:going to|gonna) (?:talk|discuss|do this|either|bother))\b|\bi'?ll be (?:in the (?:other|next) room|upstairs|downstairs|outside|in bed)\b|"
         r"\b(?:mine|my day|my week|my job) (?:was|is|has been) (?:even |way |so much |a lot )?worse\b", negated=None),
    Rule(Move.TURN_AWAY, r"\b(?:i'?m|i am) (?:going|gonna go|off|heading|headed) (?:to bed|out|to sleep|upstairs|for a (?:walk|run|"
         r"drive)|to watch|to play)\b|\bi(?:'ve| have) got to go\b|"
         r"\bgotta go\b|\bi need to go\b"),
    Rule(Move.TURN_AWAY, r"\b(?:leave me alone|i can'?t deal with (?:this|you)|this (?:again|conversation is over)|talk to the hand)\b", negated=None),
    Rule(Move.TURN_AWAY, r"\b(?:what'?s|what is) for (?:dinner|lunch|tea|supper|breakfast|pudding|dessert)\b|\bdid you see the (?:game|news|match|show)\b"),
    Rule(Move.TURN_AWAY, r"\b(?<![a-z] )(?<![a-z]  )(?:just )?drop it\b(?=\s*(?:[.!]|$))|\b(?:i have|i've got) nothing to say\b|\bi (?:just )?(?:can'?t|cannot) (?:do|handle) (?:this|that)"
         r"(?=\s*(?:[.!,;]|$|right now|now|tonight|anymore|again))", negated=None),
    Rule(Move.TURN_AWAY, r"\bwe(?:'ll| will| can) talk (?:about it |about this )?later\b|\bsome other time\b|\b(?<!or )(?:can|could|shall) we "
         r"(?:just )?(?:leave|park|shelve|table|pause|save|pick up|continue|finish|revisit|do) (?:it|this|that)(?: \w+)? (?:till|until|"
         r"for|tomorrow|later|another time|some other time|in the morning)\b|\b(?:let'?s|we(?:'ll| will| can)|can we|could we) "
         r"(?:just )?(?:talk|do this|discuss|deal with (?:it|this)|pick (?:it|this) up|continue|finish this|sort (?:it|this) out|"
         r"have this conversation|get into (?:it|this))(?: about (?:it|this|that))? (?:tomorrow|later|another (?:time|day)|"
         r"in the morning|some other time|at the weekend)\b"),
    # Anchored rules last: a rule that cannot open with a word boundary is tried at every position.
    Rule(Move.TURN_AWAY, r"^\s*(?:whatever\b(?!\s+(?:you|u|works|is|happens|it takes|comes)\b)|anyways?\b|(?:fine|k|meh)\s*[.!]*\s*$|(?:\.\.\.|…)\s*$|no comment\b|"
         r"fine,? (?:don'?t|then|whatever|be that way|have it your way)\b)", negated=None),
)

# A negator standing within this many characters before a match, in the same
# clause, counts as negating it.
# Cheap sarcasm cues: when one appears, attuned wording in the same sentence is
# read as contempt ("Oh sure, that makes TOTAL sense").
SARCASM_CUES = (
    r"(?:^|[.!?]\s*)(?:oh|ah|wow),? (?:sure|right|yes|yeah|absolutely|of course|totally|i see|great)\b|"
    r"\byeah,? (?:sure|right)\b|\bsure,? whatever\b|/s\b|🙄|\bsoo+\b|\bwhatever you say\b|"
    # "fine im sorry my battery let u down. happy?": an apology said to end the argument.
    r"(?:^|[.!?]\s*)fine[,.]? (?:i'?m |im |i am )?sorry\b|\b(?:happy|satisfied) now\b|\b(?:happy|satisfied)\?\s*$|"
    r"\bsorry for (?:trying|caring|existing|breathing|helping|having a life)\b"
)

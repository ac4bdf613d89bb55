"""The rule lexicon: which wordings signal which move.

Each rule is a regular expression over lower-cased text with a few shorthands
(``{I_AM}``, ``{YOU_ARE}``...) so one rule covers the usual contractions and
texting spellings. Rules aim at the function of a phrase rather than the
documents' exact scripts, so paraphrases land too.

``negated`` says what a match means when a negator ("not", "never", "n't"...)
stands just before it in the same clause: ``"drop"`` ignores it, a move id turns
it into that move (``"you're not overreacting"`` validates), and ``None`` keeps
it as is (for rules whose own wording already contains the negation).
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.moves import Move


@dataclass(frozen=True, slots=True)
class Rule:
    """One wording that signals a move."""

    move: Move
    pattern: str
    negated: Move | str | None = "drop"


SHORTHANDS: dict[str, str] = {
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
    "{ADV}": r"(?:(?:really|so|totally|completely|pretty|very|super|just|honestly|all|kind of|kinda)\s+)*",
}

_ = Move  # the table below uses Move.X names; keep the import obviously used

RULES: tuple[Rule, ...] = (
    # --- presence: turning toward, attention, self-regulation -----------------
    Rule(Move.PRESENCE, r"\b(?:putting|put|turning|turned|set|setting|closing|closed|shutting)\s+"
         r"(?:my|the)\s+(?:phone|laptop|screen|tv|computer|work|email|game)\s*(?:down|away|off|aside)?"),
    Rule(Move.PRESENCE, r"\b(?:phone|laptop|tv|computer)\s+(?:is\s+)?(?:down|away|off)\b"),
    Rule(Move.PRESENCE, r"\b(?:you have|you've got|giving you)\s+(?:my\s+)?(?:full|whole|undivided|complete)?\s*attention"),
    Rule(Move.PRESENCE, r"\b(?:my|all my)\s+(?:full|whole|undivided)\s+attention\b"),
    Rule(Move.PRESENCE, r"\blet me\s+(?:just\s+)?(?:take|catch)\s+(?:a|one|my)\s+(?:slow\s+|deep\s+)?breath"),
    Rule(Move.PRESENCE, r"\b{I_AM}\s+(?:taking|gonna take|going to take)\s+a\s+(?:slow\s+|deep\s+)?breath"),
    Rule(Move.PRESENCE, r"\b(?:let me|i need to|i want to|gonna|going to)\s+(?:calm myself down|"
         r"steady myself|settle myself|get (?:myself )?steady|ground myself|collect myself)\b"),
    Rule(Move.PRESENCE, r"\b{I_AM}\s+(?:all\s+)?(?:listening|all ears)\b"),
    Rule(Move.PRESENCE, r"\b(?:i'?ll|i will|let me)\s+(?:just\s+)?(?:sit|stay)\s+(?:here\s+)?with\s+you\b"),
    Rule(Move.PRESENCE, r"\bnothing (?:else )?is more important (?:right now|than this|than you)"),
    Rule(Move.PRESENCE, r"\b(?:i'?m|i am)\s+(?:turning|sitting)\s+(?:toward|towards|down with)\s+you\b"),
    Rule(Move.PRESENCE, r"\b(?:let me|i want to|i'?d like to)\s+(?:really\s+)?(?:listen|hear you out)\b"),
    Rule(Move.PRESENCE, r"\b(?:i'?m|i am)\s+(?:not going to|not gonna|gonna|going to)\s+(?:just\s+)?listen\b"),
    Rule(Move.PRESENCE, r"\bi'?m (?:here now|focused on you|paying attention)\b"),
    Rule(Move.PRESENCE, r"\b(?:the )?(?:\w+ )?can wait\b"),
    # --- reflect: saying back what they felt or meant --------------------------
    Rule(Move.REFLECT, r"\b(?:so\s+)?what i'?m hearing(?: is)?\b"),
    Rule(Move.REFLECT, r"\bwhat i hear (?:is|you saying)\b"),
    Rule(Move.REFLECT, r"\bi hear (?:that|how|you saying|you'?re|you felt|you feel|you were)\b"),
    Rule(Move.REFLECT, r"\b(?:it\s+)?sounds like (?:you|it|that|this|u)\b"),
    Rule(Move.REFLECT, r"\b(?:it\s+)?(?:seems|looks) like you (?:were|are|felt|feel|got|'re)\b"),
    Rule(Move.REFLECT, r"\b(?:that|it) landed (?:as|like)\b"),
    Rule(Move.REFLECT, r"\bso you (?:felt|feel|were|are|'re|got|thought|started|ended up)\b"),
    Rule(Move.REFLECT, r"\b{YOU}\s+(?:felt|feel|were feeling|must have felt|must feel|probably felt)\s+"
         r"(?:like\s+)?(?:so\s+|really\s+|kind of\s+|completely\s+|totally\s+)?(?:{HURT}|like you|like i|"
         r"like no one|like nobody|like it|that)", negated="drop"),
    Rule(Move.REFLECT, r"\b{YOU_WERE}\s+(?:really\s+|so\s+)?(?:scared|worried|afraid|hurt|left|waiting|"
         r"wondering|alone|humiliated|embarrassed|frightened|anxious)\b"),
    Rule(Move.REFLECT, r"\bif i'?m hearing (?:you|this) right\b"),
    Rule(Move.REFLECT, r"\b(?:let me|can i) (?:see if i|make sure i)\s+(?:get|got|understand|understood)\b"),
    Rule(Move.REFLECT, r"\bwaiting and not knowing\b"),
    Rule(Move.REFLECT, r"\b(?:for you )?(?:it|that) (?:felt|feels) like (?:i|you|no one|nobody|i'?d|you'?d|i was|you were)\b"),
    Rule(Move.REFLECT, r"\byou'?re saying (?:that|you|i|it)\b"),
    Rule(Move.REFLECT, r"\b(?:the|what) (?:hardest|worst) part (?:was|is)\b(?![^?]*\?)"),
    # --- validate: the feeling makes sense -------------------------------------
    Rule(Move.VALIDATE, r"\b(?:that|it|this|your (?:reaction|feeling|anger|hurt|fear))\s+{ADV}makes?\s+"
         r"{ADV}(?:total\s+|complete\s+|perfect\s+)?sense\b", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\b(?:you|ur|your feelings?)\s+{ADV}makes?\s+{ADV}(?:total\s+)?sense\b",
         negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\bi (?:can\s+|totally\s+|really\s+|completely\s+)?(?:see|get|understand|imagine)\s+"
         r"(?:why|how)\s+(?:that|this|it|you|u)\b", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\bi get (?:it|that)\b(?![^.!?]{0,30}\bbut\b)(?=\s*(?:[.!,;]|$|\band\b))"),
    Rule(Move.VALIDATE, r"\bno wonder\b", negated=None),
    Rule(Move.VALIDATE, r"\bof course {YOU}\s+(?:felt|feel|were|are|'re|got|would)\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:anyone|anybody|everyone|most people|i)\s+(?:would|'d)\s+(?:probably\s+)?"
         r"(?:feel|be|have felt|have been)\s+(?:that|the same|like that|{HURT}|pretty|so|really|"
         r"hurt|upset|mad|angry)", negated="drop"),
    Rule(Move.VALIDATE, r"\bif i were (?:in )?(?:your shoes|you)\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:you'?re|you are|ur) (?:not|never) (?:wrong|crazy|being silly|being dramatic|"
         r"overreacting|being unreasonable|too much|being too sensitive|silly|dramatic|unreasonable)\b",
         negated=None),
    Rule(Move.VALIDATE, r"\byou have (?:every|a|good) (?:right|reason) to (?:be|feel)\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:your|those|these) feelings (?:are|were) (?:valid|real|understandable|okay|ok|fair)\b"),
    Rule(Move.VALIDATE, r"\b(?:it'?s|it is|that'?s|that is)\s+{ADV}(?:understandable|valid|fair enough|"
         r"completely fair|totally fair|fair|normal|okay|ok|natural|reasonable)\s+(?:to|that you|you)\s+"
         r"(?:feel|be|got|are|were)\b", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\b(?:that|it)\s+(?:must|would|could)\s+(?:have\s+)?(?:be|been|feel|felt)\s+{ADV}{HURT}"),
    Rule(Move.VALIDATE, r"\b(?:that|this|it)\s+sounds\s+{ADV}{HURT}"),
    Rule(Move.VALIDATE, r"\bhow {HURT}\s+(?:that|this|it)\s+(?:must|would|was)\b"),
    Rule(Move.VALIDATE, r"\bi'?d (?:probably\s+)?(?:feel|be)\s+(?:the same|that too|that way too|{HURT})"),
    Rule(Move.VALIDATE, r"\bi (?:would|'d) (?:have )?(?:felt|been) (?:the same|that too|{HURT})"),
    Rule(Move.VALIDATE, r"\bmakes sense (?:that|you|why)\b", negated=Move.MINIMIZE),
    Rule(Move.VALIDATE, r"\byou don'?t have to talk yourself out of\b", negated=None),
    Rule(Move.VALIDATE, r"\b(?:your feelings|how you feel|what you feel) (?:matter|matters|make sense)\b"),
    Rule(Move.VALIDATE, r"\bi (?:can|could) see how (?:that|this|it) would\b"),
    Rule(Move.VALIDATE, r"\bthat(?:'?s| is| was) (?:a lot|so much)\b(?! of)"),
    Rule(Move.VALIDATE, r"\bi (?:can )?(?:see|tell)\s+(?:how much|that)\s+(?:this|that|it)\s+(?:hurt|matters|"
         r"mattered|upset|got to you|means)"),
    Rule(Move.VALIDATE, r"\bthat(?:'?s| is| was| would be)\s+{ADV}(?:awful|horrible|terrible|painful|"
         r"humiliating|hurtful|heartbreaking|brutal|a terrible feeling|an awful feeling)\b"),
    # --- support: closeness and steadiness -------------------------------------
    Rule(Move.SUPPORT, r"\b{I_AM}\s+(?:right\s+)?here\s+(?:with|for)\s+you\b"),
    Rule(Move.SUPPORT, r"\b{I_AM}\s+(?:right\s+)?here(?:\s+now)?\s*(?:[.!,;]|$)"),
    Rule(Move.SUPPORT, r"\b{I_AM}\s+not going (?:anywhere|to leave)\b", negated=None),
    Rule(Move.SUPPORT, r"\b(?:i'?ll|i will|i'?m gonna|i'?m going to) (?:stay|be) (?:right )?(?:here|with you|"
         r"by your side|there for you)\b"),
    Rule(Move.SUPPORT, r"\btake (?:all )?(?:your|the) time\b"),
    Rule(Move.SUPPORT, r"\bno (?:rush|hurry)\b", negated=None),
    Rule(Move.SUPPORT, r"\b{YOU_ARE}\s+not alone\b", negated=None),
    Rule(Move.SUPPORT, r"\bwe'?re in this together\b|\bwe(?:'ll| will) (?:get|figure) (?:through|out) (?:this|it) together\b"),
    Rule(Move.SUPPORT, r"\bi (?:care|love) (?:about )?(?:you|this)\b(?! but)"),
    Rule(Move.SUPPORT, r"\bi care about this because\b"),
    Rule(Move.SUPPORT, r"\b(?:can|could|may) i (?:give you a hug|hug you|hold you|hold your hand|sit (?:with|next to) you)\b"),
    Rule(Move.SUPPORT, r"\b(?:come here|i'?ve got you|i got you)\b"),
    Rule(Move.SUPPORT, r"\bi(?:'?m| am) (?:on your side|with you)\b"),
    Rule(Move.SUPPORT, r"\b(?:you|u) (?:matter|are important) to me\b"),
    Rule(Move.SUPPORT, r"\bi don'?t want you (?:feeling|to feel) (?:alone|unimportant|like)\b", negated=None),
    Rule(Move.SUPPORT, r"\byou don'?t have to (?:go through|carry|face|deal with) (?:this|it|that) alone\b", negated=None),
    Rule(Move.SUPPORT, r"\bwhatever you need\b"),
    # --- ask_need ---------------------------------------------------------------
    Rule(Move.ASK_NEED, r"\bwhat (?:do|would|might) (?:you|u) (?:need|want)\b(?:\s+from me)?(?!\s+(?:for|to eat))"),
    Rule(Move.ASK_NEED, r"\bwhat (?:would|could|might) (?:help|feel good|be helpful|make (?:it|this) (?:easier|better))\b"
         r"(?:\s+(?:right now|most|you))?"),
    Rule(Move.ASK_NEED, r"\btell me what you need\b"),
    Rule(Move.ASK_NEED, r"\b(?:do|would) (?:you|u) (?:want|like|prefer|need) (?:me to )?(?:just )?(?:listen|comfort|a hug|"
         r"some space|space|ideas|advice|help|company|me to listen)\b"),
    Rule(Move.ASK_NEED, r"\b(?:listen|comfort|vent)\w*\s+(?:or|vs\.?)\s+(?:do you want\s+|would you like\s+|"
         r"want\s+|get\s+)?(?:some\s+)?(?:ideas|advice|help|solutions|fix|problem)"),
    Rule(Move.ASK_NEED, r"\bhow can i (?:help|support you|be there|be with you|make (?:this|it) better)\b"),
    Rule(Move.ASK_NEED, r"\bis there (?:anything|something) (?:i can do|you need)\b"),
    Rule(Move.ASK_NEED, r"\bwhat (?:kind of|sort of) (?:support|help)\b"),
    # --- open_question ----------------------------------------------------------
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:was|is|'s|has) (?:that|it|this) (?:been )?like (?:for you)?"),
    Rule(Move.OPEN_QUESTION, r"\bhow (?:did|does|do|is|was) (?:that|it|this|you) (?:feel|felt|feeling|make you feel|land|"
         r"going|holding up|doing)\b"),
    Rule(Move.OPEN_QUESTION, r"\bhow are (?:you|u) (?:feeling|doing|holding up)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat(?:'?s| is) (?:going on|happening|up|on your mind|wrong)\b(?=[^.!]*\?|\s*$)"),
    Rule(Move.OPEN_QUESTION, r"\bwhat happened\b(?=[^.!]*\?|\s*$)"),
    Rule(Move.OPEN_QUESTION, r"\b(?:can|could|would|will) (?:you|u) (?:tell|show) me (?:more|about|what|how)\b"),
    Rule(Move.OPEN_QUESTION, r"\btell me (?:more|about it|about that|about what|what (?:it|that|this) was|what happened|"
         r"what(?:'s| is) going on|how)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwalk me through\b|\bhelp me understand\b|\btalk to me\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:went|was going) through (?:your|ur) (?:head|mind)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:was|is|'s) the (?:hardest|worst|scariest) (?:part|bit|thing)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:did|does|do) (?:that|it|this) (?:bring up|stir up|mean to you|feel like)\b"),
    Rule(Move.OPEN_QUESTION, r"\bwhat (?:are|were) (?:you|u) (?:feeling|thinking|afraid of|scared of|worried about)\b"),
    Rule(Move.OPEN_QUESTION, r"\b(?:what|how) (?:else )?(?:are|were|did) you (?:feel|go through|experience)\b"),
    Rule(Move.OPEN_QUESTION, r"\bi (?:want|'d like|would like) to (?:understand|hear|know) (?:what|how|more|it|about)\b"),
    Rule(Move.OPEN_QUESTION, r"\b(?:is there|what(?:'s| is)) (?:more|anything else)\b[^.!]*\?"),
    # --- repair: catching one's own misstep ----------------------------------------
    Rule(Move.REPAIR, r"\bi (?:moved|jumped|went|rushed|slipped|launched)\s+(?:straight\s+|right\s+)?(?:in)?(?:to|into)\s+"
         r"(?:fixing|fix-it|solving|solutions|advice|problem[- ]solving|explaining|defending|lecturing|logic)"),
    Rule(Move.REPAIR, r"\blet me (?:try|start) (?:that )?(?:again|over)\b"),
    Rule(Move.REPAIR, r"\b(?:can|could|let) (?:i|me|us|we) (?:try|start|do) (?:that|this)? ?(?:again|over)\b"),
    Rule(Move.REPAIR, r"\b(?:i|that) (?:came|come) out wrong\b|\bthat(?:'s| is) not what i wanted to say\b"),
    Rule(Move.REPAIR, r"\bi (?:got|was getting|was being|'m being|am being) (?:defensive|preachy|ahead of myself)\b"),
    Rule(Move.REPAIR, r"\bi(?:'m| am) (?:doing it|making it about me|fixing|lecturing|defending myself|explaining) again\b"),
    Rule(Move.REPAIR, r"\b(?:scratch|forget) (?:that|what i (?:just )?said)\b|\bthat wasn'?t fair (?:of me)?\b"),
    Rule(Move.REPAIR, r"\bi (?:shouldn'?t have|should not have) (?:said|jumped|snapped|gone)\b", negated=None),
    Rule(Move.REPAIR, r"\blet me slow down\b"),
    Rule(Move.REPAIR, r"\bi (?:made|was making) (?:that|it|this) about me\b"),
    Rule(Move.REPAIR, r"\bsorry,? (?:i|that was)\s+(?:interrupted|cut you off|didn'?t let you finish|jumped)"),
    Rule(Move.REPAIR, r"\b(?:rewind|back up)\b"),
    Rule(Move.REPAIR, r"\bi (?:wasn'?t|was not) (?:listening|really listening|hearing you)\b", negated=None),
    # --- acknowledge_impact: owning the effect -------------------------------------------
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:i'?m|i am) (?:so |really |truly )?sorry (?:i|that i|for|my|about)\b"
         r"(?!\s*(?:that\s+)?(?:you|u) (?:feel|felt|see|took|think))"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:apologi[sz]e) (?:for|that)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:that|this)(?:'s| is| was) on me\b|\bmy (?:bad|fault|mistake)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:left|kept|had) you (?:waiting|hanging|wondering|alone|guessing|in the dark)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:my|the way i|what i) (?:silence|not (?:answering|replying|texting)|words?|"
         r"comment|tone|reaction|joke|forgetting|absence|behaviou?r|did|said)\s+(?:really\s+)?"
         r"(?:hurt|made you|left you|affected|landed|was hurtful|was unfair|must have)"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:see|know|understand|get|realize|realise) (?:that |now )?(?:how )?(?:my|i|what i)\s+"
         r"(?:\w+\s+){0,4}?(?:hurt|affected|let you down|made you|left you|upset)"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:hurt|let down|disappointed|embarrassed|ignored|dismissed) you\b",
         negated=Move.INTENT_DEFENSE),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bwhatever i meant\b|\bregardless of what i (?:meant|intended)\b|"
         r"\b(?:no matter|doesn'?t matter) what i (?:meant|intended)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\b(?:you'?re|you are) right\b(?=[^.!?]{0,40}\b(?:i|my)\b)(?![^.!?]*\bbut\b)"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:should have|could have|should'?ve|could'?ve) (?:texted|called|answered|"
         r"replied|told|checked|been there|been|let you know|remembered|asked|said something)\b", negated=None),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bi (?:dropped the ball|messed up|screwed up|blew it|forgot)\b"),
    Rule(Move.ACKNOWLEDGE_IMPACT, r"\bthat (?:wasn'?t|was not) okay\b|\bi own (?:that|it)\b", negated=None),
    # --- invite_solutions -----------------------------------------------------------
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:do|would|could) (?:you|we|u) (?:want to |wanna |like to )?(?:talk|think|figure|work) "
         r"(?:about |out |through )?(?:what (?:we|i) (?:can|could|might) do|how (?:we|i) (?:can|could)|a plan|"
         r"what to do|what might help|what would help|next time|a way)"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:now that|once|when) (?:we'?re|we are|you'?re|you are|things are|you feel|"
         r"you'?re feeling|it'?s)\s+(?:a (?:bit|little) |more |calmer|settled|ready)"),
    Rule(Move.INVITE_SOLUTIONS, r"\bwhat (?:can|could|might|should) we do (?:differently|next time|about it|"
         r"so this doesn'?t|to make)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:can|could|shall) we (?:figure out|come up with|make|think about|talk about)\s+"
         r"(?:a plan|a way|what|how|something|a system|next time)"),
    Rule(Move.INVITE_SOLUTIONS, r"\bwhen(?:ever)? you'?re ready,? (?:we could|we can|maybe we|could we|can we)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:do you want|would you like|want) (?:to )?(?:brainstorm|problem[- ]solve|come up with)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\bhow (?:can|could|might) we (?:make sure|handle|avoid|stop|do)\b"),
    Rule(Move.INVITE_SOLUTIONS, r"\b(?:maybe )?(?:later|tomorrow),? (?:we could|we can|could we|can we) "
         r"(?:talk|think|figure|plan|look)\b"),
    # --- explain: reasons before the feeling is heard ------------------------------------
    Rule(Move.EXPLAIN, r"\b(?:i was|i'?ve been|i got|i am|i'?m) (?:just |really |super |so )?"
         r"(?:busy|swamped|slammed|in (?:a |back-to-back )?meetings?|driving|at work|working|stuck|tied up|"
         r"in the middle of|caught up|held up|distracted|out|asleep|exhausted|tired)\b", negated="drop"),
    Rule(Move.EXPLAIN, r"\b(?:my|the) (?:phone|battery|car|train|bus|boss|meeting|signal|wifi|internet)\s+"
         r"(?:died|was dead|was on silent|ran (?:late|over)|broke|called|cut out|was off|kept me)"),
    Rule(Move.EXPLAIN, r"\b(?:the )?reason (?:is|was|why)\b|\bwhat happened (?:was|is)\b"),
    Rule(Move.EXPLAIN, r"\blet me explain\b|\bjust so you know\b|\bin my defen[cs]e\b|\bto be fair\b"),
    Rule(Move.EXPLAIN, r"\b(?:that'?s|that is|it'?s|it is|this is) not what i (?:meant|said|was saying|was trying)\b",
         negated=None),
    Rule(Move.EXPLAIN, r"\bi (?:didn'?t|did not|never) (?:see|notice|get|hear|realize|realise) (?:it|your|the|you|that)\b",
         negated=None),
    Rule(Move.EXPLAIN, r"\b(?:it|that) (?:was|'s) (?:just )?because\b|\bonly because\b|\bbecause i (?:was|had|got|didn'?t|thought)\b"),
    Rule(Move.EXPLAIN, r"\bi (?:had|have) (?:a lot|so much|tons|stuff|things|work|a deadline|deadlines)"
         r"(?: going on| to do| on my plate)?\b"),
    Rule(Move.EXPLAIN, r"\bi (?:forgot to|meant to|was going to|was gonna) (?:text|call|reply|answer|tell|write)"),
    Rule(Move.EXPLAIN, r"\byou (?:have to|need to|gotta|got to) understand\b", negated=None),
    Rule(Move.EXPLAIN, r"\bi (?:only |just )?(?:said|did) (?:that|it) because\b"),
    Rule(Move.EXPLAIN, r"\bwhat i (?:meant|was trying to say|was saying) (?:was|is)\b"),
    Rule(Move.EXPLAIN, r"\bi (?:couldn'?t|could not) (?:text|call|answer|reply|get away|check)\b", negated=None),
    # --- minimize -------------------------------------------------------------------------
    Rule(Move.MINIMIZE, r"\b(?:it'?s|it is|that'?s|that is|this is|it was|that was|its)\s+(?:not|no|hardly)\s+(?:that\s+|such\s+)?"
         r"(?:a\s+)?(?:big|huge|massive)\s+(?:deal|thing)\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:no|not a|nbd|not such a) big deal\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:it'?s|it is|that'?s|that is|it was|that was)\s+(?:not|hardly)\s+(?:that|so|very|all that)\s+"
         r"(?:serious|bad|important|dramatic|terrible|awful)\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:just\s+)?(?:relax|chill(?: out)?|calm down|settle down|take it easy|lighten up|"
         r"get over it|move on|let it go|cheer up)\b", negated="drop"),
    Rule(Move.MINIMIZE, r"\b{YOU_ARE}\s+(?:being\s+)?(?:so\s+|way\s+|totally\s+|a bit\s+|a little\s+|kind of\s+)?"
         r"(?:overreacting|too sensitive|oversensitive|so sensitive|dramatic|being dramatic|making a big deal|"
         r"blowing (?:this|it|things) (?:way )?out of proportion|overthinking|making (?:a )?mountains?|"
         r"paranoid|hysterical|too emotional)", negated=Move.VALIDATE),
    Rule(Move.MINIMIZE, r"\b(?:don'?t|do not|no need to|stop) (?:be|being|get|getting) (?:so\s+)?(?:upset|sad|mad|"
         r"worked up|dramatic|angry|emotional|sensitive|like that)\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:don'?t|do not|no need to|stop) (?:worry|stress|fret|cry|overthink)(?:ing)?\b(?! [^.!?]*\bi'?m\b)",
         negated=None),
    Rule(Move.MINIMIZE, r"\b(?:i'?m|i am) sorry (?:that\s+)?(?:you|u) (?:feel|felt|see|saw|took|take|think|are upset|were upset|got upset)"
         r"(?:\s+(?:it|that|this))?(?:\s+(?:way|like that))?", negated=None),
    Rule(Move.MINIMIZE, r"\bsorry (?:if )?(?:you|u) (?:feel|felt|were|took) (?:that way|offended|hurt|it that way)", negated=None),
    Rule(Move.MINIMIZE, r"^\s*at least\b|[.!,;]\s*at least\b|\bbut at least\b|\blook on the bright side\b|"
         r"\bcould (?:have been|be) worse\b", negated=None),
    Rule(Move.MINIMIZE, r"\bit(?:'s| is| was) (?:only|just) (?:a|an|one|two|three|four|five|a few|a couple|some|\d+)\b"
         r"(?![^.!?]*\b(?:to me|for me)\b)"),
    Rule(Move.MINIMIZE, r"\b(?:it|that|this) (?:doesn'?t|does not|didn'?t|did not) (?:really\s+)?matter\b", negated=None),
    Rule(Move.MINIMIZE, r"\b(?:everyone|everybody) (?:goes through|has|deals with|gets) (?:this|that|days like|bad days)"),
    Rule(Move.MINIMIZE, r"\byou'?ll (?:be fine|get over it|feel better tomorrow|forget about it)\b"),
    Rule(Move.MINIMIZE, r"\b(?:it'?s|it is|that'?s|that is) (?:nothing|silly|ridiculous|petty|minor|trivial)\b"
         r"(?!\s+(?:to|of) (?:be|feel))", negated="drop"),
    Rule(Move.MINIMIZE, r"\bwhy (?:are|r) (?:you|u) (?:so|even|getting so) (?:upset|worked up|mad|bothered|angry)\b"),
    Rule(Move.MINIMIZE, r"\b(?:you|u) (?:shouldn'?t|should not) (?:feel|be) (?:that way|like that|so|upset|hurt|bad)\b",
         negated=None),
    Rule(Move.MINIMIZE, r"\b(?:it'?s|it is) not the end of the world\b|\bcalm yourself\b|\bdeep breaths?,? (?:babe|hon|ok)",
         negated=None),
    Rule(Move.MINIMIZE, r"\b(?:you'?re|you are) (?:reading (?:too much|way too much) into|taking (?:it|this|that) (?:too|so) personally)",
         negated=None),
    Rule(Move.MINIMIZE, r"\bnot worth (?:getting|being) (?:upset|worked up|mad)\b|\bforget (?:about )?it\b(?=[^?]*$)", negated=None),
    # --- correct_facts ----------------------------------------------------------------------
    Rule(Move.CORRECT_FACTS, r"\b(?:that'?s|that is|it'?s|it is) not (?:how|what|when|where) (?:it|that|this) (?:happened|went|was)\b",
         negated=None),
    Rule(Move.CORRECT_FACTS, r"\b(?:that|it) (?:didn'?t|did not|never) happen(?:ed)?\b|\bthat(?:'s| is) not what happened\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\b{YOU_ARE}\s+(?:remembering|misremembering|getting|twisting|mixing)\s+"
         r"(?:it|this|that|things|the facts|what happened|the story|it all)?\s*(?:wrong|up|around)?\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\b(?:that'?s|that is|it'?s|it is) (?:not true|not right|not accurate|false|wrong|incorrect|untrue|"
         r"not fair|an exaggeration)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bactually,? (?:it|i|you|we|that|he|she|they) (?:was|were|did|said|texted|called|had|only|never)\b"),
    Rule(Move.CORRECT_FACTS, r"\b(?:it|that) (?:was|'s) (?:only|just|barely|not even)\s+(?:like\s+)?(?:an?|one|two|three|four|five|six|\d+)\s*"
         r"(?:hours?|minutes?|mins?|days?|times?|hrs?)\b"),
    Rule(Move.CORRECT_FACTS, r"\bnot (?:five|four|three|six|ten|\d+) (?:hours?|minutes?|days?|times?)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bi (?:did|actually|literally) (?:text|call|reply|answer|tell|say|told|texted|called|replied)\b"),
    Rule(Move.CORRECT_FACTS, r"\bi never said (?:that|it|i|you)\b|\bi (?:didn'?t|did not) say (?:that|it)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\byou(?:'re| are) (?:exaggerating|wrong about|confusing|making (?:that|it|this) up)\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bthat(?:'s| is| was) not (?:exactly )?what (?:i|he|she|they|you|we) said\b", negated=None),
    Rule(Move.CORRECT_FACTS, r"\bthe (?:facts|truth|record) (?:is|are|says?)\b|\bfor the record\b|\blet'?s be accurate\b|"
         r"\bto be (?:precise|accurate|clear)\b|\btechnically\b"),
    Rule(Move.CORRECT_FACTS, r"\bif you (?:check|look at|scroll)\b|\bcheck (?:your|the) (?:phone|messages|texts)\b"),
    Rule(Move.CORRECT_FACTS, r"\b(?:that|it) was (?:you|your idea|you who)\b|\byou(?: were the one| said) (?:who|that you)\b"),
    Rule(Move.CORRECT_FACTS, r"\bi remember (?:it )?(?:differently|clearly|exactly)\b|\bthat'?s not how i remember\b", negated=None),
    # --- fix: advice before settling --------------------------------------------------------
    Rule(Move.FIX, r"\b{YOU}\s+(?:should|shoulda|ought to|need to|have to|must|gotta|could just|can just|should just|"
         r"might want to|'d better|had better)\s+(?!(?:be|feel|know|understand|calm|relax|chill|stop being)\b)\w+"),
    Rule(Move.FIX, r"\bwhy (?:don'?t|not|do not) (?:you|u) (?:just\s+)?\w+"),
    Rule(Move.FIX, r"\bhave you (?:tried|thought about|considered)\b|\bhere'?s what you (?:should|need|can|could)\b"),
    Rule(Move.FIX, r"\bnext time,? (?:just\s+)?(?:you|ask|try|tell|call|text|don'?t|check|let|put|say|make)\b"),
    Rule(Move.FIX, r"^\s*(?:just|simply)\s+(?:tell|ask|ignore|call|text|email|send|go|quit|talk|write|say|put|turn|take|do|let)\b"),
    Rule(Move.FIX, r"[.!,;]\s*(?:just|simply)\s+(?:tell|ask|ignore|call|text|email|send|go|quit|talk|write|say|put|turn|take|do|let)\b"),
    Rule(Move.FIX, r"\bthe (?:solution|answer|fix|trick) is\b|\bwhat you need (?:to do )?is\b|\bthe easy fix\b"),
    Rule(Move.FIX, r"\bif i were you,? i(?:'d| would)\b|\bmy advice\b|\b(?:i'?d|i would) (?:suggest|recommend)\b"),
    Rule(Move.FIX, r"\b(?:try|consider) (?:to\s+)?(?:talking|telling|writing|asking|making|setting|using|putting|turning|not|getting|going)\b"),
    Rule(Move.FIX, r"\b(?:let'?s|we should|we need to|we can just|i'?ll just) (?:just\s+)?(?:set up|make|schedule|get|buy|put|"
         r"use|turn on|add|fix|sort|solve|agree|come up|figure|plan|start)\b"),
    Rule(Move.FIX, r"\b(?:i'?ll|i will|i can) (?:just )?(?:set (?:up )?an? (?:alarm|reminder)|turn on|fix (?:it|this)|sort (?:it|this)|"
         r"handle it|call (?:him|her|them)|talk to (?:him|her|them))\b"),
    Rule(Move.FIX, r"\b(?:easy|simple)\s+(?:fix|solution)\b|\bproblem solved\b"),
    # --- intent_defense ----------------------------------------------------------------------
    Rule(Move.INTENT_DEFENSE, r"\bi (?:would|'d|will|could) never (?:\w+\s+){0,3}?(?:do|ignore|hurt|forget|leave|mean|want)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:didn'?t|did not|never) (?:mean|intend|want|try) (?:to|it|for|that)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\b(?:it )?wasn'?t (?:on purpose|intentional|deliberate)\b|\bnot (?:on purpose|intentionally|deliberately)\b",
         negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bi was (?:only |just )?(?:trying to|being) (?:help|helpful|nice|honest|supportive|protect)"),
    Rule(Move.INTENT_DEFENSE, r"\bmy intentions? (?:was|were|is|are)\b|\bi had (?:good|the best) intentions\b"),
    Rule(Move.INTENT_DEFENSE, r"\byou know (?:that )?i (?:love|care about|would never|wouldn'?t|didn'?t mean)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\b{I_AM}\s+(?:not|never) (?:a bad|a terrible|the bad|an awful|that kind of|the kind of|"
         r"trying to)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bit'?s not like i (?:did|meant|wanted|tried|planned)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:meant well|had no idea|didn'?t know it would|had no intention)\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bthat(?:'s| is|'s just| is just) not (?:who|how|the kind of person) i am\b", negated=None),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:do|did) (?:everything|so much|all this) for you\b|\bafter everything i\b"),
    Rule(Move.INTENT_DEFENSE, r"\bi (?:wasn'?t|was not) (?:ignoring|trying to (?:hurt|ignore|upset)|avoiding)\b", negated=None),
    # --- counter_attack: blame back, criticism, contempt, sarcasm ------------------------------
    Rule(Move.COUNTER_ATTACK, r"\b(?:well,?\s+)?(?:you|u) (?:always|never|constantly)\s+(?!have to\b)\w+"),
    Rule(Move.COUNTER_ATTACK, r"\bwhat about (?:when|the time|last|that time|you|your)\b"),
    Rule(Move.COUNTER_ATTACK, r"\byou (?:do|did) (?:it|that|the same thing|this) (?:too|all the time|to me|also)\b|"
         r"\blike you(?:'re| are) (?:so )?(?:perfect|any better)\b"),
    Rule(Move.COUNTER_ATTACK, r"\bpot (?:calling|meet) (?:the )?kettle\b|\blook who'?s talking\b|\bspeak for yourself\b"),
    Rule(Move.COUNTER_ATTACK, r"\b{YOU_ARE}\s+(?:being\s+)?(?:so\s+)?(?:ridiculous|crazy|insane|impossible|unbelievable|"
         r"such a|selfish|childish|a child|pathetic|needy|clingy|controlling|exhausting|unreasonable|nuts|annoying)\b",
         negated=Move.VALIDATE),
    Rule(Move.COUNTER_ATTACK, r"\b(?:sorry|excuse me) (?:that\s+|for\s+)?(?:i|i'?m|for)\s+(?:have|having|had)\s+(?:a\s+)?(?:life|job|friends|"
         r"other things)\b|\bsorry (?:for|i'?m not) (?:existing|breathing|being perfect|not being perfect)\b"),
    Rule(Move.COUNTER_ATTACK, r"\bwell,? excuse me\b|\bmust be nice\b|\bpoor (?:you|baby|thing)\b|\bboo[- ]hoo\b|"
         r"\bcry me a river\b|\bdrama queen\b|\bthanks a lot\b|\byeah,? right\b|\bhere we go again\b|\bget a grip\b"),
    Rule(Move.COUNTER_ATTACK, r"^\s*oh,? (?:great|wonderful|perfect|brilliant|fantastic|lovely|sure|right|please)\b|"
         r"\bbig surprise\b|\bwhat a surprise\b|\bwell,? done\b|\bgood for you\b"),
    Rule(Move.COUNTER_ATTACK, r"\bso (?:now )?(?:it'?s|this is|everything is) (?:all )?my fault\b|\b(?:blame|blaming) me\b"),
    Rule(Move.COUNTER_ATTACK, r"\bmaybe (?:if )?you (?:should|could|would|were|didn'?t|weren'?t|need)\b"),
    Rule(Move.COUNTER_ATTACK, r"\byou(?:'re| are) the one who\b|\byou started (?:it|this)\b|\bat least i\b|\byou make (?:everything|it all) about\b"),
    Rule(Move.COUNTER_ATTACK, r"\b(?:seriously|really)\?\s*(?:you|this)\b|\bare you (?:kidding|serious|joking)\b|\bgive me a break\b"),
    Rule(Move.COUNTER_ATTACK, r"\byou(?:'re| are) (?:not )?(?:exactly )?(?:perfect|innocent|a saint|one to talk)\b", negated=None),
    Rule(Move.COUNTER_ATTACK, r"\bi(?:'m| am) (?:sick|tired) of (?:this|you|your|always|being)\b"),
    # --- turn_away: refusing to engage, changing the subject -----------------------------------
    Rule(Move.TURN_AWAY, r"\bi (?:don'?t|do not) (?:want|wanna|have time|have the energy) (?:to )?(?:talk|deal|do|get into|discuss|hear)"
         r"(?:\s+(?:about\s+)?(?:this|it|that))?\b", negated=None),
    Rule(Move.TURN_AWAY, r"^\s*whatever\b|\bwhatever\.\s*$|\bwhatever,? (?:you say|man|dude)\b"),
    Rule(Move.TURN_AWAY, r"\b(?:can|could) we (?:not|drop (?:it|this)|talk about (?:this|it) later|do this later|move on|change the subject)\b"),
    Rule(Move.TURN_AWAY, r"\blet'?s (?:just )?(?:drop (?:it|this)|not (?:do|talk|get into)|move on|talk about something else|forget (?:it|about it))\b"),
    Rule(Move.TURN_AWAY, r"^\s*anyway(?:s)?\b|\b(?:anyway|anyways|on another note|changing the subject|by the way|btw),?\s+"
         r"(?:what|did|have|are|how|so|i|the|we)\b"),
    Rule(Move.TURN_AWAY, r"\bnot (?:now|tonight|this again)\b|\bi(?:'m| am) (?:done|not doing this|not getting into this|out)\b(?=[^a-z]*$|[.!,])",
         negated=None),
    Rule(Move.TURN_AWAY, r"\b(?:i'?m|i am) (?:going|gonna go) (?:to bed|out|for a walk|to watch|to play)\b|\bi(?:'ve| have) got to go\b|"
         r"\bgotta go\b|\bi need to go\b"),
    Rule(Move.TURN_AWAY, r"^\s*(?:fine|k|ok(?:ay)?|sure|yeah|mhm|meh)\s*[.!]*\s*$"),
    Rule(Move.TURN_AWAY, r"\b(?:leave me alone|i can'?t deal with (?:this|you)|this (?:again|conversation is over)|talk to the hand)\b", negated=None),
    Rule(Move.TURN_AWAY, r"\b(?:what'?s|what is) for (?:dinner|lunch)\b|\bdid you see the (?:game|news|match|show)\b"),
    Rule(Move.TURN_AWAY, r"\bi(?:'m| am) not (?:talking about|discussing|going to discuss|having this)\b", negated=None),
    Rule(Move.TURN_AWAY, r"^\s*(?:\.\.\.|…)\s*$|^\s*no comment\b|\b(?:i have|i've got) nothing to say\b"),
    Rule(Move.TURN_AWAY, r"\bwe(?:'ll| will| can) talk (?:about it |about this )?later\b|\bsome other time\b"),
)

# A negator standing within this many characters before a match, in the same
# clause, counts as negating it.
NEGATION_WINDOW = 24
NEGATORS = (
    r"\b(?:not|never|no|don'?t|doesn'?t|didn'?t|isn'?t|wasn'?t|aren'?t|weren'?t|won'?t|can'?t|"
    r"cannot|couldn'?t|wouldn'?t|shouldn'?t|hardly|nobody|nothing|neither|nor|stop|without)\b"
)

# Cheap sarcasm cues: when one appears, attuned wording in the same sentence is
# read as contempt ("Oh sure, that makes TOTAL sense").
SARCASM_CUES = (
    r"(?:^|[.!?]\s*)(?:oh|ah|wow),? (?:sure|right|yes|yeah|absolutely|of course|totally|i see|great)\b|"
    r"\byeah,? (?:sure|right)\b|\bsure,? whatever\b|/s\b|🙄|\bsoo+\b|\bwhatever you say\b"
)

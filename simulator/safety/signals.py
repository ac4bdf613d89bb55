"""The signs of real risk, as rules over a folded message (see normalize.py).

Each rule names what it looks for, the kind of risk, how sure a match is (a pause
or a check-in) and which contexts can explain it away: a joke about the scene, a
past that is over, a film or song, someone else's story. The words follow what
crisis services screen for (the Columbia protocol's preparatory acts: saving pills,
a plan, goodbye letters, giving things away), in the forms people type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simulator.safety.levels import DistressKind, SafetyLevel

SELF, DANGER, ABUSE = DistressKind.SELF_HARM, DistressKind.DANGER, DistressKind.ABUSE
PAUSE, CHECK = SafetyLevel.PAUSE, SafetyLevel.CHECK_IN


@dataclass(frozen=True)
class Rule:
    """One sign of risk and the contexts that explain it away."""

    name: str
    kind: DistressKind
    level: SafetyLevel
    pattern: re.Pattern[str]
    joke: bool = False
    """Laughter in the sentence turns a pause into a check-in (unless the learner insists)."""
    past: bool = True
    """A past that is over (and nothing recent) in the sentence explains it away."""
    media: bool = True
    """A film, song, book or game in the sentence explains it away."""
    third: bool = False
    """Someone else named in the sentence (a friend, the news) explains it away."""


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


# Gaps of a few words, so "i am really just so tired of being alive" still reads as one thought.
_GAP = r"(?:\w+ ){0,3}?"
_I = r"\bi (?:am |have |was |would |will |keep |just |really |honestly |literally |kinda |kind of |sort of |still |even |do |did |do not |cannot |can not |could )*"
_PILLS = (
    r"(?:pills?|tablets?|meds|medication|antidepressants?|sleeping pills?|sleeping tablets?|painkillers?|"
    r"paracetamol|tylenol|acetaminophen|ibuprofen|co-?codamol|codeine|zopiclone|zolpidem|ambien|xanax|"
    r"diazepam|valium|benzos?|sertraline|citalopram|insulin|heart pills|oxy\w*|opioids?|lithium|"
    r"lorazepam|clonazepam|temazepam|tramadol|morphine|fentanyl|amitriptyline|propranolol|quetiapine|"
    # what people call them: "the sleepers the gp gave me"
    r"sleepers|sleeping meds|downers|tabs)"
)
_BOOZE = r"(?:wine|vodka|whisky|whiskey|whiskies|whiskeys|gin|gins|rum|beers?|ciders?|pints|drinks?|drunk|drank|bottle|cans|alcohol|booze|tequila|shots)"
_PERSON = (
    r"(?:he|she|they|him|her|someone|somebody|a man|a guy|a bloke|some guy|some man|this guy|this man|(?:my )?(?:son|daughter|brother|sister) in law|"
    r"my (?:partner|husband|wife|boyfriend|girlfriend|ex|exs|dad|father|mum|mom|mother|stepdad|stepmum|"
    r"brother|sister|brother in law|sister in law|landlord|flatmate|roommate|housemate|boss|uncle|son|daughter)|"
    r"(?:husband|wife|boyfriend|girlfriend|partner|ex|dad|mum|mom|landlord|flatmate|boss|brother in law))"
)
_PARTNER = (
    r"(?:he|she|they|mum|mom|dad|da|my da|stepdad|my stepdad|uncle|my uncle|auntie|my auntie|aunt|my aunt|(?:my )?mums (?:new )?(?:man|boyfriend|partner|husband)|my in laws|in laws|my (?:brother|sister|son|daughter|mother in law|father in law)|my (?:real |actual )?(?:partner|husband|wife|boyfriend|girlfriend|fiance|fiancee|dad|father|"
    r"mum|mom|mother|stepdad|stepmum|parents|family)|(?:husband|wife|boyfriend|girlfriend|partner|fiance)|"
    r"(?:my )?(?:sister|brother)s? husband|(?:my )?(?:daughter|son) in law|daughter|stepson|stepdaughter|[a-z]+ \(my (?:bf|gf|partner)\))"
)
_GUN = (
    r"(?:guns?|rifles?|shotguns?|pistols?|handguns?|revolvers?|firearms?|glock|\d+ ?gauge|"
    r"twelve gauge|\d\d-\d\d|\d{2,3} ?(?:cal|caliber|calibre)|service weapon)"
)
_MEANS = rf"(?:{_GUN}|rope|noose|blades?|razors?|{_PILLS}|bridge|ledge|rooftop|the tracks|cliffs?|exhaust|pier|quay|harbour wall|sea wall|the rocks|the edge|the water)"
_INTENT = (
    r"(?:held it|holding it|hold it|loaded|load it|where to aim|aim it|not coming back|"
    r"not comin back|not coming home|for good|done with (?:it|all of it|everything)|be done|"
    r"end it|ending it|be gone|so (?:it|its|it is|it would be|it will be|itd be|it d be) (?:quick|fast|over quick)|painless|just wanted (?:somebody|"
    r"someone) to know|nobody (?:would|will) (?:miss|notice)|in my mouth|to my head|"
    r"under my chin|for it to be (?:quick|fast|over quick|painless)|has to be (?:for it )?to be quick|"
    r"(?:going|goin|go) back (?:there |down )?tonight)"
)
_HIDE_PLACE = r"(?:bathroom|bedroom|wardrobe|closet|cupboard|loo|toilet|room|staff room|car|basement|attic|shed|under the bed)"

RULES: tuple[Rule, ...] = (
    # --- self-harm and suicide: said outright ---------------------------------------
    Rule(
        "kill myself",
        SELF,
        PAUSE,
        _rx(
            r"\b(?:kill|killing|killed|end|ending|off|offing|hurt|hurting|harm|harming) my ?self\b(?! laughing)",
            r"\btake my (?:own )?life\b|\bend(?:ing)? my (?:own )?life\b|\bhang my ?self\b",
        ),
    ),
    Rule(
        "kms",
        SELF,
        PAUSE,
        _rx(r"\bkms+\b", r"\bkys\b(?= (?:my ?self|tonight|fr))"),
        joke=True,
        third=True,
    ),
    Rule("unalive", SELF, PAUSE, _rx(r"\bun-?aliv\w*")),
    Rule(
        "suicidal",
        SELF,
        PAUSE,
        # "died by suicide", "lost him to suicide": only ever said of someone else.
        _rx(
            r"(?<!died by )(?<!died of )(?<!committed )\bsuicid(?:e|al)\b"
            # training, a helpline, research: the topic, not a disclosure
            r"(?! (?:prevention|awareness|training|hotline|helpline|charity|research|statistics|rates?|risk assessment)\b)"
        ),
        third=True,
    ),
    Rule(
        "want to die",
        SELF,
        PAUSE,
        _rx(
            r"\b(?:want|wanted|wanting|wish|wished|would rather|rather|ready|need|going|plan|planning|planned|decided|about) (?:to )?(?:just |really |simply )?(?:die|be dead|not exist|stop existing|not be alive|not be here|not live|not wake up|sleep forever|be gone|disappear forever|go away for good|end it all|end everything)\b(?! for a (?:bit|while|few|couple|day|week|minute|min|hour|sec)\b| for (?:an hour|the day|the weekend|the night)\b| (?:all|the whole|most of the) (?:weekend|week|day|night|month|summer|morning|evening|afternoon)\b| (?:at|on|in) (?:the|a) (?:conference|trip|course|festival|wedding|retreat|offsite|work do)\b)(?! of (?:\w+ )?(?:embarrassment|shame|cringe|boredom|laughter|laughing|jealousy|envy|\w+ness|\w+ment))",
            r"\bwant (?:to )?(?:go to )?sleep (?:and )?(?:forever|never wake|not wake)",
            r"\btake up less (?:and less )?space\b(?=.{0,60}\b(?:nothing left|disappear|gone|until|till)\b)|\b(?:keep going|keep on) (?:till|until|til) i (?:just )?(?:stop|disappear|vanish|am gone)\b",
            r"\b(?:cannot|can not) (?:go on|keep going|do this) (?:like this|anymore|any more)\b(?!.{0,25}\b(?:every time we|when we|arguing|argue|fight|fighting|this conversation|these conversations|the wedding|talking about|with you|with u|can we)\b)",
        r"\b(?:decide|deciding|decided|wondering|not sure) (?:\w+ ){0,3}(?:if|whether) (?:i )?(?:want(?:ed)? to |should )?(?:keep (?:being alive|living|going)|stay alive|live|be alive|go on|just drive off)\b",
        r"\b(?:hope|hoping|pray|praying|wish) (?:that )?i (?:just )?(?:do not|never|will not) wake up\b",
        r"\b(?:going|planning|plan|decided|ready|want) to end it\b(?! with| between| here| now| like (?:that|this)| on | there| this way| badly)",
            r"\b(?:do not|dont|never) (?:want|wanna) (?:to )?(?:be alive|live|exist|be here|wake up|go on)\b",
            r"\b(?:want|wanna) (?:to )?be here (?:anymore|any more)\b.{0,40}\bhere at all\b",
            r"\b(?:and|then) (?:just |simply )?(?:never|not) wake up\b(?! (?:till|until|before|for(?! ever| good)|on time|in time|early|at))",
            r"\b(?:drink|drinking|drank) my ?self to death\b|\bgo(?:ing)? to sleep (?:for good|forever)\b",
            # "doing everyone a favour if i just got hit by a car"
            r"\bdoing (?:everyone|everybody|you all|the world|them|my family|all of you) a favou?r if i\b",
            r"\bif i (?:just )?(?:got|get|was|were) (?:hit|run over|knocked down) by (?:a |the )?(?:car|bus|train|truck|lorry|van)\b(?!.{0,30}\b(?:i would|id|would i|then)\b.{0,20}\b(?:miss|be late|get)\b)",
            r"\b(?:do not|dont) think i will (?:still )?be (?:here|around|alive) (?:when|by|for|at|after)\b",
            r"\bif my heart (?:just )?(?:gives out|stops|packs in|gives up)\b.{0,40}\b(?:fine|good|the point|whatever|so be it|i do not care|dont care)\b",
            r"\b(?:stopped|stop|quit) eating and drinking\b|\b(?:stopped|not) eating (?:\w+ ){0,4}so (?:it will|itll|it) (?:be over|end)\b",
            r"\b(?:throwing up|vomiting|puking|coughing up) blood\b(?=.{0,60}\b(?:do not care|dont care|whatever|purg\w*|again|stops?)\b)",
            r"\bvoices? (?:\w+ ){0,3}(?:say|says|saying|tell|tells|telling|told) (?:me )?(?:\w+ ){0,6}(?:to )?(?:jump|kill my ?self|die|hurt my ?self|end it|do it)\b",
            r"\bjudas\b.{0,80}\b(?:the way|do it|tomorrow|tonight|thinking)\b",
            r"\bmade (?:my )?peace with (?:dying|not being here|going|leaving|it all ending|the end|going to sleep)\b",
            r"\bwish i (?:was|were|had) (?:dead|never been born|not born|gone)\b",
            r"\b(?:should not|shouldnt|need to not|do not deserve to) (?:exist|be alive|be here|live)\b",
            r"\b(?:tired|sick) of (?:being alive|living|existing|life)\b",
            r"\b(?:done|finished) with (?:living|life|being alive|it all|everything)\b",
            r"\bno (?:reason|point) (?:to |in |of )?(?:live|living|being alive|going on|being here|carrying on)\b",
            r"\b(?:do not|cannot|can not|dont) see (?:the|a|any) (?:point|reason) (?:in |of |to )?(?:live|living|life|being alive|going on|being here|carrying on)\b",
            r"\b(?:nobody|no one|noone) (?:would|will|is going to|even) (?:even )?(?:miss|notice|care about) me\b",
            r"\b(?:i|me) (?:go|going) away for good\b",
            # "sleep forever sounds really nice rn": the wish put as how good it would be.
            r"\b(?:sleep(?:ing)? forever|never (?:waking|wake) up|not (?:waking|wake) up|not existing|being dead|dying)(?: again)? (?:(?:really|so|kinda|honestly|lowkey|pretty|just|actually|kind of) )?(?:sounds|seems|would be|feels|must feel) (?:(?:really|so|kinda|pretty|quite|very|like) )?(?:nice|good|peaceful|easier|better|great|appealing|tempting|lovely|a relief|like a relief|like relief)\b",
            # Fourteenth round: not waking up hoped for after the fact, a journey not survived, gone as a decision.
            r"\b(?:hope|hoping|pray|praying|wish|wishing) (?:that )?i (?:just )?(?:would not|did not|might not|would never) wake up\b",
            r"\bi am not (?:getting|going|coming|walking|leaving|boarding|making it|getting on|getting off) (?:\w+ ){0,4}alive\b(?=.{0,40}\b(?:decided|i mean it|promise|for real|seriously|either way)\b)",
            r"\bi will (?:just )?be gone\b(?=.{0,30}\b(?:i have decided|decided|for good|forever|i mean it)\b)",
            r"\b(?:do not|dont) think i am (?:going to |gonna )?be (?:here|around|alive) (?:to|for|by|when|after|much)\b",
            # Fifteenth round.
            r"\bno point (?:in |of )?me (?:being here|being alive|existing|living|staying|going on)\b",
            r"\bif i (?:just )?(?:did not|never|do not) wake up\b(?=.{0,60}\b(?:nobody|no one|noone|would not|notice|care|miss)\b)",
            r"\bcounting down to when i (?:do not|will not|will never) have to\b",
            # Seventeenth round.
            r"\b(?:me )?being gone for good\b",
        ),
        joke=True,
        third=True,
    ),
    Rule(
        "better off without me",
        SELF,
        PAUSE,
        _rx(
            r"\b(?:everyone|everybody|they|the world|my family|my kids|the kids|people|you all|all of you|yall|would all be|will all be|all be) (?:\w+ ){0,3}(?:better|happier|easier) (?:off )?without (?:the (?:\w+ )?of )?me\b",
            r"\b(?:better|happier|easier) (?:off )?without me\b(?=.{0,40}\b(?:for good|forever|gone|soon|anyway|much longer|dead)\b)",
        r"\bbetter off if i (?:disappeared|was gone|were gone|was not here|died|was dead|did not exist)\b",
        r"\b(?:would|will|be) (?:\w+ ){0,3}(?:relieved|better|fine|happier|easier|cope|be ok|be okay|not notice|not care|move on) (?:\w+ ){0,2}if i (?:just )?(?:was|were|am)? ?(?:not around|not here|gone|no longer here|no longer around|vanished|disappeared|died|dead|did not exist)\b(?! (?:for|at|on|tomorrow|today|tonight|this|next|until|till|by|during|in time|when)\b)",
        r"\bif i (?:just )?(?:was|were) (?:not|no longer) (?:around|here|alive)(?: anymore| any more)?\b(?! (?:for|at|on|tomorrow|today|tonight|this|next|until|till|by|during|in time|when)\b)",
            r"\bbetter off (?:dead|gone)\b",
            r"\b(?:be|i am|being) (?:a )?burden\b(?=.*\b(?:done|anymore|longer|gone|end|for good)\b)",
            r"\bbetter off if i (?:just )?(?:stopped existing|stop existing|was not around|were not around|went away for good|vanished|never woke up|disappeared)\b",
            r"\b(?:nobody|no one|noone) (?:has|will have|would have|needs|will need) to (?:deal with|put up with|worry about|look after|carry) me (?:anymore|any more|again)\b",
            r"\bbetter off if i (?:just )?(?:did not|never) wake up\b",
        ),
    ),
    Rule(
        "method",
        SELF,
        PAUSE,
        _rx(
            r"\b(?:jump|jumping|throw my ?self|throwing my ?self|step|stepping|roll|rolling|wheel|wheeling)\b (?:\w+ ){0,2}(?:off|from|in front of|into) (?:the |a |that |my |our )?(?:\w+ )?(?:bridge|car park|carpark|roof|rooftop|building|balcony|cliff|cliffs|train|tracks|platform|motorway|window|tower|multi ?-?stor(?:e)?y|parking (?:garage|structure|deck)|overpass|flyover|viaduct|pier|dam|quarry|ledge)\b",
            r"\b(?:thinking|think|thought|want|plan|planning) (?:about |of |to )?jump(?:ing)?\b(?! in\b| on\b| at\b| ahead\b| to conclusions| the gun| straight| back)",
            r"\b(?:driv(?:e|ing)|crash(?:ing)?|swerv(?:e|ing)) (?:\w+ ){0,2}into (?:a |the |oncoming |that )?(?:barrier|wall|tree|lorry|truck|traffic|bridge|river)\b",
            r"\b(?:in|into) the (?:bath|tub|shower) with (?:a |the |my )?(?:blade|razor|knife)\b",
            r"\b(?:with|have|got|holding) (?:a |the |my )?(?:razor|blade)\b(?=.*\b(?:trust my ?self|do it|could not do it|tonight|bath)\b)",
            r"\b(?:which|what) bridge\b|\bhigh railings\b|\bmake my ?self jump\b",
        r"\b(?:dose|amount|how (?:many|much)) (?:\w+ ){0,4}would (?:\w+ ){0,2}do it\b|\bbleed(?:ing)? out\b",
        r"\bdriv(?:e|ing) off (?:the |a )?(?:\w+ )?(?:cliff|bridge|edge|pier|quay|kerb|embankment|overpass|flyover|motorway|ramp|dam|road)\b",
        "\U0001faa2",
            r"\bhow (?:many|much) (?:\w+ ){0,6}(?:it takes|takes|is enough|would (?:it )?take|it would take|it would need|would do it|to die|is lethal|kill)\b",
            # "the truck and the bridge on the A road. thats how im doing it"
            r"\b(?:that is|thats|this is) (?:how|when|where) (?:i am|i will|i am going to|i will be) (?:do|doing) it\b",
            r"\b(?:googled|googling|searched|searching|looked up|looking up|reading up|read up|researched|researching) (?:\w+ ){0,3}(?:how to|ways to|methods?|how (?:many|much|long)|which bridge|overdose|lethal)\b",
            r"\b(?:is|that is) when i am (?:going to|gonna) do it\b|\b(?:do not|dont) (?:try (?:and |to )?)?talk me out of it\b",
            r"\b(?:did not|didnt) do it\b(?=.{0,30}\b(?:might|maybe|tomorrow|tonight|next time|yet|this time)\b)",
            r"\bover ?dos(?:e|ed|ing)\b(?! (?:scare|call|calls|job|jobs|shout|patient|patients|case|cases|training|victim|kit|callout))(?!.{0,60}\b(?:by mistake|by accident|accidentally)\b)",
            r"\b(?:go |just go |want to |rather )?join (?:them|him|her|my (?:\w+ )?(?:mates|lads|brothers?|mum|mom|dad|wife|husband|son|daughter))\b(?=.{0,60}\b(?:did not come back|died|gone|passed|dead|rather|soon)\b)|\b(?:did not come back|who died|passed away|are gone|lost (?:\w+ ){0,2}(?:mates|friends|brothers|lads|sons?|wife|husband))\b.{0,80}\b(?:go |just )?join them\b",
            r"\brather (?:just )?(?:go )?(?:and )?join (?:them|him|her)\b(?! (?:at|for|in|on|later|tonight|tomorrow|there|instead|down))",
            r"\b(?:nobody|no one|noone) would (?:even )?know it (?:was not|wasnt) an accident\b|\b(?:make it |made to )?look like an accident\b",
            r"\b(?:stick|stuck|put|plough|plow|steer|steered) (?:it|the car|the truck|the van) (?:\w+ ){0,1}into (?:a |the )?(?:barrier|wall|tree|lorry|truck|bridge|river|pillar|central reservation)\b",
            r"\baccess to\b.{0,80}\bwhat (?:it|they|that|those) would do\b|\bdoing the (?:arithmetic|maths|math|sums)\b(?=.{0,80}\b(?:drive|night|access|dose|enough|would do)\b)",
            r"\b(?:on|at) the (?:\w+ )?(?:bridge|roof|rooftop|edge|cliff|ledge|platform|overpass|pier)\b.{0,60}\b(?:looking down|staring down|cannot stop looking|the water below|how high|how far down)\b",
            # "baby is 6 wks and i keep thinking about walking into the sea"
            r"\b(?:thinking (?:about|of)|think (?:about|of)|thought (?:about|of)|want to|going to|picture|picturing|imagine|imagining|tempted to|urge to|dream about|dreaming about) (?:my ?self )?(?:just )?(?:walk|walking|wade|wading|swim|swimming|drive|driving) (?:out )?(?:into|in to) the (?:sea|ocean|river|lake|waves|water|loch|canal)\b",
            r"\bswim(?:ming)? out (?:\w+ ){0,3}(?:not come back|never come back|not coming back|until i cannot)\b",
            rf"\bhow (?:many|much) (?:\w+ ){{0,2}}{_PILLS} (?:is|are|would be|would it take|to take) (?:too many|too much|enough|dangerous|lethal|fatal)\b",
            r"\b(?:too many|too much|lethal|fatal|overdose|dangerous dose)\b.{0,40}\b(?:someone|a person|me|i am|who is|who weighs|at|for) (?:\w+ ){0,3}\d+ ?(?:kg|kgs|kilos|lbs|pounds|stone)\b",
            rf"\b(?:\d+|twenty|thirty|forty|fifty|a hundred) (?:\w+ ){{0,1}}{_PILLS} (?:is|are|would be|will be|is it) (?:enough|lethal|fatal|deadly)\b",
            # "sitting in the truck up at the quarry deciding if i was gonna do it"
            r"\b(?:bridge|quarry|cliff|roof|rooftop|tracks|river|edge|overpass|car park|carpark|garage|pier|dam|lake|woods)\b.{0,40}\b(?:deciding|wondering|thinking about|working up|making up my mind)\b.{0,30}\b(?:do it|go through with it|jump|end it)\b",
            r"\bbridges? (?:\w+ ){0,5}(?:do not|dont|without|with no) (?:have )?(?:nets|barriers|railings|fences|suicide nets)\b|\b(?:which|what) bridges\b",
            r"\bi am on (?:the|a) (?:\w+ ){0,2}(?:bridge|roof|rooftop|ledge|cliff|edge|overpass|platform)\b(?=.{0,80}\b(?:not going back|not coming back|right now|tonight|goodbye|going home)\b)",
            r"\b(?:looked up|googled|searched|researched|read up on|reading up on|know) where to aim\b|\bwhere to aim so\b",
            # A way already chosen: walking off the pier when the tide is in, farm poison poured into a mug.
            r"\b(?:walk|step|jump|go) (?:off|into) (?:the )?(?:end of the )?(?:pier|jetty|harbour wall|quay|sea|river|cliff|edge)\b(?=.{0,60}\b(?:tonight|tomorrow|when|after|nobody|no one|tide)\b)",
            r"\b(?:poured|pour|put|mixed|decanted) (?:some )?(?:of )?(?:the )?(?:sheep dip|weedkiller|weed killer|pesticide|paraquat|antifreeze|bleach|rat poison|slug pellets|poison|drain cleaner) (?:\w+ ){0,2}into (?:a |my )?(?:mug|glass|cup|bottle)\b",
        ),
        third=True,
    ),
    Rule(
        "means at hand",
        SELF,
        PAUSE,
        _rx(
            r"\b(?:bought|buying|got|have|keep|kept|looking at|staring at|thinking about|there is|theres) (?:a |the |some )?(?:\w+ )?rope\b",
            r"\b(?:rope (?:is |s |has )?(?:been )?(?:already |still |just )?|ropes (?:been |already |still )+)(?:in|under|at|from|up in|out in) (?:the |my )?(?:garage|wardrobe|shed|loft|attic|closet|cupboard|car)\b",
            r"\b(?:gun|rifle|shotgun|pistol|handgun|revolver|firearm|\d+ ?gauge|twelve gauge)\b.{0,60}\b(?:next to me|on the table|in my lap|beside me|in my hand|down from the|loaded)\b",
            r"\b(?:gun|rifle|shotgun|pistol|handgun|revolver|firearm|\d+ ?gauge|twelve gauge)\b(?=.*\b(?:thinking|think|thought|looking at|staring|keep|kept|loaded|every day|lately|the key|where it is|access|sitting with it|holding it|most nights|every night)\b)",
            r"\b(?:propofol|ketamine|pentobarb\w*|euthatal|potassium chloride|midazolam|phenobarb\w*|euthanasia (?:solution|drugs?))\b.{0,80}\b(?:at home|in my (?:bag|car|locker|drawer)|keep looking at|looking at it|took home|brought home|kept)\b",
        ),
        third=True,
    ),
    # A means and an intent or a last act in one sentence, in any words: the co-occurrence
    # reaches phrasings no list above has ("loaded the revolver from the nightstand and just
    # held it", "the tree stand tonight with the rifle and not comin back"). Only a check-in:
    # the same two words meet in hunting, range days and films.
    Rule(
        "means and intent",
        SELF,
        CHECK,
        _rx(rf"\b{_MEANS}\b.{{0,80}}\b{_INTENT}\b|\b{_INTENT}\b.{{0,80}}\b{_MEANS}\b"),
        third=True,
    ),
    Rule(
        "self-injury",
        SELF,
        PAUSE,
        third=True,
        pattern=_rx(
            # "i nearly sliced my hand open on the knives in the sink" is an accident.
            r"(?<!nearly )(?<!almost )\b(?:cut|cutting|burn\w*|scratch\w*|slic\w*|carv\w*|hit|hitting|punch\w*|bit|biting|starv\w*) (?:my ?self|my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hand|hands))\b",
            r"\bself[ -]?harm\w*\b",
            # "i cut you off tonight", "cut across her story": a cut aimed at someone else is not one.
            # "she told me shed been cutting again" is her act, not the learner's.
            r"(?<!she had been )(?<!he had been )(?<!they had been )(?<!she has been )(?<!he has been )(?<!they have been )(?<!she is )(?<!he is )\b(?:cut|cutting|cuts)\b(?! (?:you|u|ya|her|him|them|us|across|in\b|into (?:your|her|his)|off|short|it out|out|back|down|the)\b)(?=.{0,40}\b(?:again|tonight|bleeding|bled|min ago|minutes ago|relapsed|first time in)\b)",
            r"\brelapsed\b(?=.{0,30}\b(?:cut|cutting|harm|burn)\w*)",
            r"\bblood (?:all )?(?:over|on|in) (?:the |my )?(?:sink|floor|bathroom floor|towel|towels|sheets|bed|carpet|tiles|sleeve|jeans)\b(?=.{0,80}\b(?:again|ago|shaking|cannot stop|did it|my arm|my wrist)\b)",
            r"\bdid it again\b(?=.{0,20}\b(?:(?:\d+|ten|five|twenty) )?(?:min|mins|minutes|hours?) ago\b|.{0,20}\bjust now\b)",
            r"\b(?:bleeding|bled)\b(?=.{0,60}\b(?:do not know what to do|cannot stop|a lot|wrist|arm)\b)",
        ),
    ),
    Rule(
        "took too much",
        SELF,
        PAUSE,
        _rx(
            rf"\b{_BOOZE}\b.{{0,80}}\b(?:\d+|some|a few|couple|a couple|handful) (?:of )?(?:my |the )?{_PILLS}",
            rf"\b(?:took|had|taken) (?:\w+ ){{0,4}}{_PILLS} (?:\w+ ){{0,3}}(?:with|and) (?:\w+ ){{0,4}}{_BOOZE}",
            rf"\b(?:drink\w*|sipping|sip|necking|downing|washing) (?:\w+ ){{0,3}}(?:with|and) (?:the |my |some |all the )?{_PILLS}\b|\b{_BOOZE} (?:with|and) (?:the |my |some |all the )?{_PILLS}\b",
            rf"\b(?:mix|mixing|mixed|combine|combining) (?:the |my |some )?{_PILLS} (?:with|and) (?:\w+ )?{_BOOZE}\b",
            rf"\b(?:took|taken|take|taking|swallowed|had|necked|downed|popped)\b(?!.{{0,60}}\b(?:by accident|accidentally|by mistake|mixed (?:up )?the)\b) (?:\w+ ){{0,3}}(?:\d+|all|all of|a load of|a lot of|loads of|a bunch of|a handful of|too many|the whole|the rest of|most of|half|double|triple|twice|extra)\b (?:\w+ ){{0,3}}{_PILLS}",
            rf"\b(?:took|taken|swallowed|had|necked|downed) (?:\w+ ){{0,2}}{_PILLS}\b(?=.*\b{_BOOZE}\b)",
            rf"\b{_BOOZE}\b(?=.*\b(?:took|taken|swallowed|had|necked|downed|taking)\b (?:\w+ ){{0,4}}{_PILLS})",
            rf"\b(?:take|taking) the rest (?:of )?(?:the |my )?(?:packet|box|bottle|strip|{_PILLS})",
            r"\bempty (?:blister )?(?:packs?|packets?|boxes|bottles?|strips?|pill bottles?)\b(?=.{0,100}\b(?:fuzzy|blurry|blurred|dizzy|drowsy|cannot feel|numb|stop typing|heart (?:is )?racing|going dark)\b)",
            rf"\b(?:took|taken|swallowed|had|necked|downed|popped) (?:\w+ ){{0,5}}{_PILLS} (?:\w+ ){{0,2}}on top of (?:\w+ ){{0,3}}{_BOOZE}\b",
            rf"\b{_BOOZE}\b.{{0,80}}\b(?:\d+|some|a few|couple|a couple|handful) (?:of )?(?:her |his |mums |dads |their |my mums |my dads )(?:\w+ )?{_PILLS}",
            # Purging with the heart misbehaving, and not caring if it stops.
            r"\b(?:purged|purging|throwing up) (?:\w+ ){0,4}(?:heart|chest)\b.{0,60}\b(?:do not|dont|don't) (?:even )?care if (?:it|i) (?:stops|stop|die|dies)\b",
            # Drink and then the sleeping tablets, a number of them, feeling floaty.
            r"\b(?:wine|vodka|whisky|whiskey|whiskies|whiskeys|gin|gins|rum|beers?|ciders?|pints|drinks|drank|cans|booze|tequila|shots)\b.{0,30}\b(?:and then|then|and|with|plus)\b (?:the |my |some |a few |all the )?(?:sleepers|sleeping pills?|sleeping tablets?|sleeping meds|pills|tablets|painkillers|benzos|downers)\b(?=.{0,60}\b(?:\d+|floaty|fuzzy|dizzy|sleepy|woozy|numb|idk|a lot|loads|few)\b)",
        ),
        third=True,
    ),
    Rule(
        "saving pills",
        SELF,
        PAUSE,
        _rx(
            rf"\b(?:saving|saved|save|collecting|collected|stockpil\w*|hoard\w*|stash\w*|keep|keeping|kept|counting|counted|pocketing|pocketed|nicking|nicked|stealing|stole|taking home) (?!(?:him|her|them|dad|mum|my dad|my mum|grandad|nan) on\b)(?:up )?(?:\w+ ){{0,3}}{_PILLS}\b",
        r"\b(?:i have|got|have got) enough (?:now|saved|to do it|of them)\b",
            rf"\b(?:putting|put|setting|set|squirrel+ing|tucking|tucked|hiding|hid) (?:\w+ ){{0,3}}{_PILLS} (?:\w+ ){{0,2}}(?:aside|away|by|back)\b",
            rf"\b{_PILLS} (?:\w+ ){{0,4}}(?:saved|stashed|saving|in a sock|in my drawer|hidden)\b",
            # "putting aside geoffs tablets since he passed"
            rf"\b(?:putting|put|setting|set|tucking|tucked|laying|laid) (?:aside|away|by) (?:\w+ ){{0,3}}{_PILLS}\b",
            # "... a collection in the sideboard now. i know what i mean to do with them"
            rf"\b{_PILLS}\b.{{0,160}}\bi know (?:exactly )?what i (?:mean|am going|plan|want|intend|need) to do with (?:them|it|those)\b",
            rf"\b{_PILLS}\b.{{0,40}}\b(?:saving|saved|stockpiling|stashing|hoarding|collecting) (?:them|it|those|these) (?:up)?\b",
            # Boxes of pills, not of hymnals or books: "40 boxes of hymnals" is a house move.
            rf"\b(?:\d+|three|four|five|six|ten) (?:boxes|packs|packets) of (?:(?:\w+ )?{_PILLS}|them|these|those|the stuff|my \w+)\b",
            rf"\b{_PILLS} (?:are |is |r )?(?:all )?(?:counted|counted out|sorted|lined up|ready)\b",
            r"\b(?:pills|tablets) (?:\w+ ){0,1}lined up\b|\blined up (?:\w+ ){0,2}(?:pills|tablets)\b|\ball the (?:pills|tablets) (?:ready|next to me|in front of me)\b",
            rf"\b(?:take|took|taking|swallow) the whole (?:box|packet|bottle|strip|pack)\b|\bhow long does {_PILLS} take\b",
            rf"\b{_PILLS}\b (?:\w+ ){{0,5}}?(?:counted|lined|laid) (?:out|up)\b",
        ),
    ),
    Rule(
        "goodbye",
        SELF,
        PAUSE,
        _rx(
            r"\b(?:wrote|written|writing|write|left|leaving|scheduled|sent) (?:\w+ ){0,3}(?:goodbye|goodbyes|farewell|suicide) (?:letters?|notes?|emails?|messages?|texts?|videos?)\b",
            r"\b(?:wrote|written|writing|left) (?:\w+ ){0,2}(?:letters|a letter|notes|a note) (?:to|for) (?:my |the |both |all )?(?:\w+ )?(?:mam|ma|mammy|da|nan|gran|granny|mum|mom|dad|sister|brother|kids|children|girls|boys|grandkids|little ones|twins|family|wife|husband|partner|parents|son|daughter|everyone|everybody|people|ppl|friends|folks|each of them|all of them|all of you|you all)\b",
            # Letters put where the family will look afterwards: "w the insurance papers".
            r"\b(?:letters?|notes?|cards?)\b.{0,60}\b(?:with|next to|beside|in with|by) (?:the |my )?(?:life )?(?:insurance|will|policy|pin numbers|passwords|funeral)\b",
            r"\b(?:note|notes|letters?) (?:is |are )?(?:already )?(?:written|done|ready)\b",
            r"\b(?:said|saying|say) (?:goodbye|bye|my goodbyes) to (?:everyone|everybody|my family|all|people)\b(?! for (?:you|us|him|her|them)\b)",
            r"\b(?:posted|posting|post|put up|uploaded) (?:my |a )?(?:goodbye|farewell|last) (?:story|post|video|message|tweet|status)\b",
            r"\blast (?:msg|message|text|post)\b.{0,40}\b(?:ty|thx|thanks|thank you|thank u) for everything\b|\blast (?:msg|message|text|post) (?:\w+ ){0,3}(?:or )?(?:anywhere|ever)\b",
        r"\b(?:say|saying|said) goodbye (?:\w+ ){0,4}before i (?:go|leave|die)\b|\btidying up before i go\b",
        r"\blog(?:ging)? off (?:permanently|for good|forever)\b",
            r"\bi (?:am )?sorry for everything\b(?=.*\b(?:goodbye|bye|love you|love my)\b)",
            r"\bgoodbye(?: everyone| all| world)?\b(?! forever to\b)(?=.*\b(?:not the sim|for real|real|love my|forever)\b)",
            r"\bgoodbye to (?:everyone|everybody|all of you|you all) (?:who|that)\b",
        ),
    ),
    Rule(
        "giving things away",
        SELF,
        PAUSE,
        media=False,  # "the dishes drama" is not a film; nobody rehearses giving away a plot
        pattern=_rx(
            r"\b(?:gave|given|giving|give|gave away|giving away|rehom\w*|sold|selling) (?:away )?(?:\w+ ){0,1}(?:my|all my|the) (?:\w+ ){0,5}(?:to|away)\b(?=.*\b(?:do not need|dont need|will not need|wont need|anymore|after|gone|for good|confused|why|not be|not going)\b)",
            r"\btold (?:my )?(?:\w+ ){0,2}(?:she|he|they) (?:gets|can have|should have|will get|is getting) (?:the|my) (?:dog|cat|house|car|truck|ring|stuff|things|savings|guitar|watch|bike)\b",
            r"\bwho gets (?:what|my (?:stuff|things|savings|money|house|car|dog|cat|ring|room))\b",
            r"\b(?:rehom\w*|take (?:my|the|our) (?:cat|dog|pets?|rabbit|bird))\b.{0,80}\b(?:no one|nobody|noone) (?:to|will|would|left to) (?:feed|look after|walk|take care of)\b|\bafter that (?:there is|theres) (?:no one|nobody|noone) to (?:feed|look after|walk)\b",
            # "gave my daughter my grandmas ring and the truck keys today, told her it was early christmas"
            r"\b(?:gave|given|giving|handed) (?:my |our |the )?(?:\w+ ){0,2}(?:my|all my|the) (?:\w+ ){0,4}(?:ring|watch|guitar|keys|truck|car|switch|console|xbox|playstation|ps5|games|jewellery|jewelry|necklace|collection|savings|bike|laptop|camera|records|vinyls?)\b(?=.*\b(?:early christmas|early birthday|no reason|confused|did not get why|asked why|letters|calm|for good|anymore|will not need|do not need)\b)",
            r"\bgiving (?:\w+ ){0,2}(?:everything|it all|all my stuff|my stuff|all my things|my things) away\b|\bwill not need any of (?:it|this|them|my stuff)\b",
        r"\b(?:given|gave|giving) (?:away )?(?:my|all my) (?:\w+ ){0,5}\b(?=.*\bbefore i go\b)",
            r"\b(?:my )?(?:cat|dog|cats|dogs|pets?) (?:is |are )?going to (?:my |the )?\w+\b(?=.*\b(?:do not|no|not) (?:really )?(?:have )?plans\b)",
            # Pets given away 'just for a bit. it isnt'.
            r"\b(?:gave|giving|given) (?:the |my )?(?:dogs?|cats?|pets?|horse|horses|kids|tools|guns?|rifle|truck|ute) (?:away )?to (?:\w+ ){0,3}\b.{0,40}\b(?:just for a bit|for a while|for now)\b.{0,20}\b(?:it is not|it isnt|it isn't|its not|not really)\b",
        ),
    ),
    Rule(
        "affairs in order",
        SELF,
        CHECK,
        _rx(
            r"\b(?:made|making|make|did|do|done|wrote|write|writing|updated|updating|sorted|sorting|changed|finished) (?:\w+ ){0,1}(?:a |my )will\b",
            r"\b(?:sorting|sorted|sort) (?:out )?my (?:passwords|bank stuff|affairs|accounts)\b",
            r"\b(?:paid|paying|pay|cleared|clearing|settled) (?:off )?(?:\w+ ){0,6}so (?:nobody|no one|noone|none of you|my (?:\w+ )?) (?:gets|is|will be|would be|has to be) (?:stuck|left) with\b",
            r"\bcancel(?:ling|led|)? (?:all )?(?:my|your) (?:subscriptions|direct debits|memberships|phone contract|gym)\b(?=.{0,80}\b(?:after|will not|need|needing|anyway|at once)\b)",
            r"\blife insurance\b|\bsorted it so (?:you are|everyone is|you will be) (?:all )?covered\b",
            # "gave my sister all the baby clothes and the pram ... told her to keep them for good"
            r"\b(?:gave|given|giving|handed)\b(?! up)(?: \w+){1,8}?\b(?:to )?keep (?:it|them|those|these|everything|all of it) (?:for good|forever)\b",
            r"\b(?:gave|given|giving|handed)\b(?! up).{0,80}\b(?:told|asked) (?:her|him|them) to keep (?:it|them|those|these|everything|all of it) (?:for good|forever)\b",
            r"\b(?:gave|given|giving) (?:away )?(?:my|all my) (?:\w+ ){0,3}(?:to)\b",
            r"\b(?:written|wrote|writing) down where (?:my|all my|the) (?:passwords?|pins?|will|papers|documents|accounts|policies)\b",
            r"\bwho gets the (?:cat|dog|car|house|flat|ring|guitar|kids)\b",
            r"\bif anything (?:happens|were to happen|should happen) to me\b(?=.{0,25}\b(?:this week|tonight|tomorrow|soon|this weekend)\b)",
        ),
    ),
    Rule(
        "not around much longer",
        SELF,
        PAUSE,
        _rx(
            r"(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(?:will not|not going to|not planning (?:on|to)|do not plan (?:on|to)|not plan to|will not be able to|never going to|might not|may not|probably will not|probably not going to|probably not) (?:be )?(?:\w+ ){0,1}(?:around|here|alive|be around|be here|being around|being here)\b(?! (?:this|next|on|for (?:the|a|dinner|lunch)|at|tomorrow|until|till|because|since|from|when i)\b)",
            r"(?<!\bhe will )(?<!\bshe will )(?<!\bthey will )\b(?:not|never) (?:going to |planning to |planning on )?(?:be|being) (?:around|here|alive) (?:for|by|in|after|much|long|anymore|any more)\b(?! (?:the |a )?(?:weekend|week|day|dinner|lunch|meeting|call)\b)",
            r"\b(?:will not|not) (?:have to |need to )?(?:deal|put up) with me (?:much |for much )?(?:longer|anymore|any more|soon)\b",
            r"\blast time (?:\w+ ){0,5}(?:has|have|will have|needs?) to (?:deal|put up) with me\b",
            r"\blast time (?:\w+ ){0,5}(?:has|have|will have|needs?) to (?:clean up after|worry about|look after|pay for|bail out|pick up after) me\b",
            # "my student loan runs out next month and so will i": my own end set beside a thing's.
            r"\b(?:runs? out|ran out|ends?|is over|stops?|expires?)\b.{0,40}\band so (?:will|do|shall) i\b",
        r"\bwill not be needing (?:it|them|either|one|any of (?:it|this)|anything) (?:anymore|any more)?",
            # "wont be needing netflix or the gym after this month": what a life runs on, not an umbrella.
            r"\bwill not be needing (?:(?:my|the|your|any|or|and) )*(?:car|phone|netflix|gym|subscriptions?|membership|job|flat|room|clothes|stuff|things|passport|savings|money|bank|account|laptop|keys|spotify|contract|any of it)\b(?: (?:or|and) (?:my |the )?\w+)? (?:after|past|beyond) (?:this|next|the|tonight|today|tomorrow|friday|saturday|sunday|monday)\b",
        r"\blast time (?:you will|youll|you|anyone will|you are going to|any of you will|you all will|everyone will) (?:have to |need to )?(?:deal|put up|hear|see) (?:with )?(?:me|from me|my)\b",
            r"\b(?:will not|not|not going to|never going to) be (?:a |anyones |anybodys |your |their )?(?:problem|burden|bother) (?:for (?:\w+ ){1,2})?(?:much |for much )?(?:longer|anymore|any more|soon)\b",
            # "if my discord goes quiet after saturday just know it wasnt anyones fault"
            r"\bif (?:my \w+ |i )(?:goes?|go|am|stop|stops|went) (?:quiet|silent|offline|dark|missing)\b.{0,60}\b(?:not|was not|is not) (?:anyones|anybodys|your|his|her|their) fault\b",
            r"\b(?:will not|not going to|never) be (?:a |any |more |any more |one more )(?:burden|problem|bother|shame|trouble) (?:to|for|on) (?:anybody|anyone|everyone|everybody|you|them|my family|nobody)\b",
            r"\b(?:after|when|once) i am gone\b|\bthere (?:will not|will|is not going to) be a me\b|\bnot (?:going to )?be a next time for me\b|\bno next time for me\b",
            r"\bplanning (?:to be|on being) gone\b|\bi (?:will )?go away for good\b",
            r"\b(?:will not|do not|not) need (?:it|a job|them|anything|this) (?:\w+ ){0,2}(?:after (?:tonight|today|this)|where i am going|anymore)\b",
            r"\b(?:this weekend|tonight|tomorrow|on (?:sunday|monday|friday|saturday)|after the wedding|after leahs wedding|soon) i (?:will )?(?:finish|end|sort) (?:it|everything|this|myself)\b",
            r"(?<!can we )(?<!we can )(?<!lets )(?<!let us )(?<!we will )(?<!we could )(?<!could we )\b(?:finish|end) (?:it|everything|things|my ?self|this) (?:out )?(?:all |once )?(?:for good|tonight|for ever|forever)\b",
            r"\bso will i\b(?=.*\b(?:planned|plan|sunday|tonight|weekend)\b)",
            r"\bi will not be here (?:for|to|in|by|after|next|see)\b",
            r"\b(?:will not|not going to|do not) (?:need|have) to be (?:around|here|alive)\b(?= (?:anymore|any more|after|much longer|for long)|[.,!]|$)",
            r"\b(?:when|after|once) (?:\w+ ){1,2}(?:goes|dies|passes|is gone)\b,? i am (?:going|going to go) (?:with (?:her|him|them)|too)\b",
            r"\bnot plan(?:ning)? to (?:be )?(?:here|around)\b",
            r"\bwill not (?:be )?(?:having|have|see|seeing|get|getting) (?:many|much|any) more (?:of them|birthdays|christmases|years)?\b",
            r"\bremember me by\b|\bwhen i am not here\b|\btell (?:\w+ ){0,2}(?:it|this) (?:was|is) not (?:her|his|their|your) fault\b",
            r"\bend (?:it|am|everything|things) tonight\b",
            r"\bi have decided\b.{0,60}\bi am done\b|\b(?:after|once) (?:\w+ ){1,5}i am done\b(?! with (?:this|the|you|it|that|work))",
            r"\b(?:thinking (?:of|about)|think about|planning on) (?:just )?being gone\b",
            r"\b(?:do not|dont) think i will be (?:coming|going) (?:home|back)\b(?=.{0,40}\b(?:at all|not like that|ever)\b)|\bnot (?:be )?coming (?:home|back) at all\b",
            r"\bnot (?:planning|going|gonna) (?:on |to )?stick(?:ing)? around\b(?! (?:for|at|after|till|until|to (?:see|watch|help|clean)))",
            r"\b(?:that is|thats) when i am done\b(?! with)|\bdone done\b",
            # Not planning to be around for a coming date.
            r"\b(?:i will not|i wont|i won't|not going to|probably will not|probably wont) (?:make it|be (?:here|around)) (?:to|till|until|for) (?:october|november|december|january|february|march|april|may|june|july|august|september|christmas|the wedding|my birthday|summer|spring|next (?:week|month|year)|the end of (?:the )?(?:month|year|week))\b",
        ),
    ),
    Rule(
        "hopeless",
        SELF,
        CHECK,
        _rx(
            r"\b(?:no|not any|not a|do not see the) point (?:in |of )?(?:anything|any of this|anymore|going on|trying|it all|life)\b",
            r"\bwaiting for a reason\b",
            r"\breasons? to (?:get up|wake up|keep going|be here|get out of bed)\b.{0,30}\b(?:i do not|i have not|not me|i have none|i have no)\b|\b(?:have no|have not got|do not have) (?:a |any )?reasons? to (?:get up|wake up|keep going|be here|get out of bed)\b",
            r"\b(?:will not|do not|not going to) need to (?:\w+ ){1,3}(?:anything|any of this|anymore) (?:after|past|beyond) (?:tonight|today|this|the|next|sunday|friday|saturday)\b",
            r"\bsorry if i (?:just )?stop (?:typing|replying|answering|responding)\b",
            r"\b(?:have not|not) eaten (?:in|for) (?:\d+|two|three|four|five|six|seven|a few) days\b",
            r"\b(?:want|wanna) to (?:just )?(?:fade|slip) (?:out|away)\b(?! (?:for a bit|for the night|for a while|for an hour))",
            r"\bjust know (?:it was not|it is not) (?:anyones|anybodys|your) fault\b",
            r"\b(?:the )?ropes? (?:is |s )?in the (?:garage|shed|loft|attic|boot|car)\b(?=.{0,30}\b(?:just saying|just so you know|fyi|if anyone|anyway)\b)",
            r"\bpurged (?:\w+ ){0,3}(?:times|again) today\b",
            # "after my last exam on the 14th i wont have to deal with any of it anymore"
            r"\bafter (?:\w+ ){1,6}i (?:will not|will never|do not|will no longer) (?:have|need) to (?:deal with|face|do|worry about|think about|put up with) (?:any of )?(?:it|this|that|anything|everything)(?: \w+)? (?:anymore|any more|ever again)\b",
            # "wont need the practice after tonight"
            r"\b(?:will not|not going to|do not) need (?:to )?(?:the |this |my |any |these )?\w+(?: \w+)? (?:anymore |any more )?after (?:tonight|today|this weekend|tomorrow|friday|saturday|sunday)\b",
            r"\bgoing (?:down |up |out )?to the (?:\w+ ){0,2}(?:bridge|cliff|cliffs|roof|rooftop|tracks|quarry|pier)\b(?=.{0,80}\b(?:after this|tonight|will not need|goodbye|bye|last time|for good)\b)",
            # "dont think i want to be here anymore, like ... here at all"
            r"\b(?:(?:do not|dont) (?:think|know if|know whether)|idk (?:if|whether)|not sure (?:if|whether)) i (?:want|wanna) (?:to )?be (?:here|alive|around) (?:anymore|any more)\b",
            r"\b(?:will not|not going to|never going to) be (?:at|around for|here for|coming to|going to) any more\b",
            # Not eating on purpose: "havent eaten since tuesday on purpose", "restricting again".
            r"\b(?:have not|not|did not|do not|stopped) eat(?:en|ing)? (?:\w+ ){0,3}on purpose\b|\b(?:restricting|purging|starving my ?self) again\b",
            # Sleeping in the car because home is shut to them.
            r"\b(?:end up|ended up|have to|had to|i) sleep(?:ing|s)? in (?:the|my) car\b(?=.{0,60}\b(?:home|he|she|locks?|again|last time)\b)|\b(?:last time|again) i slept in the car\b",
            r"\b(?:home|husband|wife|partner|boyfriend|girlfriend|he|she)\b.{0,120}\b(?:end up|ended up|have to|had to) sleep(?:ing)? in (?:the|my) car\b",
            # "the kids would be better off w my sister raising them"
            r"\b(?:kids|children|baby|babies|son|daughter|girls|boys|family|they) (?:would|will|d) (?:\w+ ){0,2}(?:be )?better off (?:with|without|if) (?:\w+ ){0,3}(?:raising|looking after|bringing up|brought up|instead|than me|not me)\b",
            r"\bbetter off (?:with|being raised by) (?:someone|somebody|anyone|anybody) else\b",
            r"\b(?:does|would|will) (?:anyone|anybody) (?:even )?(?:notice|care|miss me)\b(?=.{0,50}\b(?:if i|gone|stop|disappear)\b)",
            r"\bstop showing up\b.{0,40}\b(?:to everything|to anything|for good|at all|anywhere)\b",
            r"\bit ends on its own\b|\bstop(?:ped)? (?:eating and |taking )?(?:my )?meds\b",
            r"\b(?:wish|want) (?:it|everything) (?:would |to )?(?:stop|end)\b(?=.*\bfor good\b)",
            r"\b(?:want|wish|need) (?:\w+ ){0,2}(?:everything|it all) to (?:just )?stop\b(?=.{0,80}\b(?:especially me|including me|me included|me too|and me)\b)",
            r"\bdark (?:stuff|thoughts)\b(?=.*\b(?:again|tonight|lately|right now)\b)",
            r"\bdo not trust my ?self\b(?! (?:on|to drive|driving|with|around|near|in the kitchen))",
            r"\bi am not (?:ok|okay)\b(?! with)",
            r"(?<!would )(?<!would have )\b(?:want|wanted) to disappear\b(?! under)",
            r"\bcould not do it\b(?=.*\b(?:maybe|tonight|tomorrow|next time)\b)",
            r"\bend it\b(?=.*\b(?:tonight|all|pretending|just end)\b)|\b(?:just|finally) end it\b",
            r"\b(?:thinking|thought|think) (?:about|of) ending it\b(?! with| between| all with)",
            r"\bif (?:\w+ ){1,6}i will just be gone\b",
            r"\b(?:blade|razor|razor blade)\b.{0,100}\b(?:look at it|looking at it|keep going back|have not done anything yet|not done anything yet)\b",
            r"\bslept in (?:the|my) car\b(?=.{0,60}\b(?:again|keep the peace|punishment|home|he|she|locked)\b)|\bmade me sleep (?:in the car|outside|in the garage|on the floor)\b",
            r"\bi will be gone (?:after|by) (?:the weekend|this weekend|tonight|tomorrow|friday|saturday|sunday|monday|the end of)\b",
            r"\bmight as well (?:just )?get it (?:all )?over (?:with|and done)\b(?=.{0,40}\b(?:tonight|this weekend|tomorrow|soon|today|now|on \w+day)\b)",
        ),
    ),
    Rule(
        "finality",
        SELF,
        PAUSE,
        _rx(
            # "you wont have to deal with me missing stuff for much longer"
            r"\b(?:will not|not going to|never) (?:\w+ ){0,6}\bme\b (?:\w+ ){0,4}(?:for )?much longer\b",
            # "after that none of it matters", "it wont matter after this weekend anyway"
            r"\bafter (?:this|that|tonight|tomorrow|the weekend|this weekend|friday|saturday|sunday|the wedding),? (?:\w+ ){0,3}(?:none of (?:it|this|that)|nothing|it all) (?:will )?(?:matters?|counts?)\b",
            r"\b(?:it|none of (?:it|this|that)|nothing) (?:will not|will|is going to|does not) (?:\w+ ){0,1}matter (?:\w+ ){0,2}after (?:this|that|tonight|tomorrow|the|sunday|friday|saturday)\b",
            r"\bafter (?:that|this|tonight|the weekend|this weekend) (?:it|none of it|nothing) (?:will not|is not going to|does not) matter\b(?=.*\b(?:my will|gets the|my stuff|my things|sorted|done|letters)\b)",
            # "dad might not make it and neither will i"
            r"\b(?:not|no|never|dont think|do not think) (?:\w+ ){0,4}(?:has|have|includes?|got) me in (?:it|them)\b(?=.{0,30}\b(?:past|after|beyond|longer|anymore)\b)",
            r"\b(?:best|better|time) (?:if |that )?i go (?:before|first|too)\b(?=.{0,40}\b(?:he does|she does|they do|dad|mum|mom|letters|everyone|sorry)\b)",
            r"\b(?:and )?neither will i\b(?=.*\b(?:make it|die|gone|dead|pills|oxy|enough)\b)|\bnot make it\b.{0,30}\bneither will i\b",
            rf"\benough (?:of )?(?:his |her |my |the |mums |dads |their )?{_PILLS}\b(?=.{{0,40}}\b(?:here|to go|to do|saved|left|at home)\b)",
            r"\b(?:will not|not going to|never) have to (?:\w+ ){1,2}my (?:\w+ ){0,3}(?:for )?much longer\b",
            r"\b(?:have|got|made) a plan and a (?:date|time|day)\b",
            r"\bafter (?:that|this|the \w+|tonight|tomorrow) (?:it is|its|it will be|it is not|is not) (?:not )?(?:really )?my problem (?:anymore|any more)\b",
            r"\b(?:tomorrow|tonight|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)) and i am done\b(?! with)",
            # Grief that wants to follow the one who died: the cemetery, then wanting to be with him again; no point in staying here.
            r"\b(?:cemetery|grave|graveside|died|passed away|funeral|ashes|anniversary)\b.{0,120}\bwant (?:to )?(?:be|go) (?:with|to) (?:him|her|them|\w+) again\b",
            r"\bwant (?:to )?(?:be|go) (?:with|to) (?:him|her|them|\w+) again\b(?=.{0,80}\b(?:cemetery|grave|died|passed|funeral|ashes|point|staying here|heaven)\b)",
            r"\b(?:do not|cannot|can not|no longer|do not really) see (?:the |any )?point (?:of|in) (?:staying|being|living|carrying on|going on|sticking around|existing|still being) (?:here|around|alive)\b",
        ),
        third=True,
    ),
    Rule(
        "goodbye, unsaid",
        SELF,
        CHECK,
        _rx(
            r"\btonight(?: is|s) the night\b(?=.*\b(?:sorry|goodbye|bye|love|cheers|thanks|thank you|for everything|fed the|whoever)\b)",
            r"\bthanks for everything\b(?=.{0,140}\b(?:not quitting|not leaving|exactly|goodbye|bye|will not see|last)\b)",
            r"\b(?:manage|cope|be fine|be okay|be ok|do fine|get on|get by) (?:\w+ ){0,2}without me\b(?=.{0,40}\b(?:after|soon|once|this weekend|tonight|friday|saturday|sunday|you will see)\b)",
            r"\bsorry (?:to )?(?:everyone|everybody|all of you)\b(?!.{0,25}\b(?:late|for the wait|for the delay|for the mess|for being late)\b)",
            r"\bgoodbye\b(?=.{0,80}\b(?:thanks for|tell (?:\w+ ){1,3}i|take care of|love you all|look after)\b)|\b(?:tell|to) whoever (?:reads|finds|sees) this\b",
            # "bye everyone. thanks for putting up with me maya": a farewell to all, with thanks.
            r"\b(?:bye|goodbye) (?:everyone|everybody|all|yall|you all)\b.{0,80}\bthank(?:s| you) (?:\w+ ){0,2}for (?:putting up with|everything|dealing with)\b",
            r"\bthank(?:s| you) (?:\w+ ){0,2}for putting up with me\b(?=.{0,60}\b(?:bye|goodbye|for good|all these years|i mean it)\b)",
            r"\b(?:you would|youd|you will|youll|you are|your) (?:\w+ ){0,2}(?:better|happier|easier) (?:off )?without me\b",
            r"\bleft the (?:\w+ )?door unlocked for (?:whoever|the police|someone|them)\b",
            # Sixteenth round.
            r"\b(?:this is|that is|thats) the last time (?:any of you|anyone|anybody|you all|you|everyone) (?:will )?(?:ever )?(?:has|have|need) to (?:\w+ ){1,2}me\b",
            r"\b(?:(?:this is|that is|thats) )?(?:the )?last time (?:any of you|anyone|anybody|you all|everyone)(?: \w+){1,3} (?:will )?(?:ever )?(?:has|have|need) to (?:\w+ ){1,3}me\b",
        ),
        joke=True,
        third=True,
    ),
    # --- danger right now -------------------------------------------------------------
    Rule(
        "hiding",
        DANGER,
        PAUSE,
        _rx(
            rf"\b(?<!not )(?<!never )(?<!she )(?<!he )(?<!neighbour )(?<!neighbor )(?<!friend )(?<!sister )(?<!brother )(?:hiding|hid|hide|locked|lock|locking|barricaded|shut) (?:my ?self |me )?(?:in|inside|into|from) (?:the |my |a |our )?{_HIDE_PLACE}\b(?!.{{0,25}}\bto (?:cry|breathe|calm down|have a (?:cry|break|moment)|eat|nap|sleep|take a break|get a break)\b)",
            r"\bdoors? (?:is |are )?locked\b.{0,20}\b(?:he is|she is|they are|hes|shes) (?:kicking|banging|hitting|pounding|punching|trying) (?:it|them|the door)\b|\bdoor (?:will not|is not going to|wont) hold\b",
            r"\b(?:in the next room|in the other room|downstairs|outside|at the door)\b.{0,10}\b(?:with|w) (?:a |the |his |her )?(?:gun|knife|rifle|shotgun|machete|axe)\b",
            r"(?<!i will )(?<!i )\b(?:gets?|got|getting|pulled|pulls|has got) (?:the|a) knife out\b(?! (?:and|to) (?:chop|cut|slice|dice|carve|peel|prep|do))|\b(?:taking|took|takes) (?:his|her|the) belt off\b",
            rf"\b(?:from|in|inside) (?:the |my )?(?:locked )?{_HIDE_PLACE}\b(?=.*\b(?:door locked|locked|lights off|quiet|whisper|do not make (?:a )?sound|he is|she is|yelling|screaming|outside)\b)",
            r"\b(?<!not )(?<!never )(?<!keeps )(?<!kept )hiding (?:from|in|under)\b|\b(?:chair|something|table) against the door\b",
            r"\b(?:chair|chairs|table|sofa|couch|wardrobe|dresser|bed|drawers|chest of drawers|bookcase|desk|fridge) (?:is |are )?(?:against|in front of|up against|under the handle of) (?:the |my )?(?:front |back |bedroom |bathroom )?door\b",
            r"\b(?:he|she|they|ex) (?:is|are) (?:coming|on (?:his|her|their) way) up the stairs\b",
            r"\b(?:i am|sitting|sat|crouched|crouching|hiding) in (?:the|my) (?:wardrobe|closet|loo|cupboard)\b",
            r"\block(?:ing)? (?:the|my) (?:door|bathroom|bedroom|room)\b.{0,30}\b(?:he is|she is|they are) (?:back|home|here)\b",
            r"\b(?:sitting|sat|waiting|staying|hiding) (?:\w+ ){0,4}(?:until|till|til) (?:he|she|they) (?:calms down|calm down|sobers up|leaves|falls asleep|is asleep|goes out)\b",
            r"\bso (?:he|she|they) (?:thinks|think) i am (?:out|not home|not in|asleep|gone|away)\b",
            r"\b(?:he|she|ex|someone|somebody|they) is (?:right )?outside (?:the |my )?(?:bathroom|bedroom|door|window|room)\b",
            r"\bdo not make (?:a )?sound\b|\bcannot (?:talk|type) (?:loud|much)\b(?=.*\b(?:he|she|ex|him)\b)",
            rf"(?<!not )(?<!never )(?<!she )(?<!he )(?<!neighbour )(?<!neighbor )(?<!friend )(?<!once )\b(?:hiding|hid|locked my ?self) in (?:the|my|a|our) (?!(?:the|my|a|our)\b)\w+ {_HIDE_PLACE}\b(?!.{{0,25}}\bto (?:cry|breathe|calm down|have a (?:cry|break|moment)|eat|nap|sleep)\b)",
            r"\b(?:do not|dont) answer the door\b(?=.{0,60}\b(?:lights off|quiet|no noise|till|until|they go|he goes)\b)|\blights off\b.{0,20}\bno noise\b",
            r"\b(?:lights off|lights out|in the dark)\b.{0,40}\b(?:til|till|until) (?:he|she|they) (?:is |are |has |have )?(?:gone|left|leaves|goes|drives off)\b",
            # Someone in the house or outside who should not be, and the learner keeping quiet.
            r"\b(?:someone|somebody|someones|somebodys|a man|a guy|there is someone|there is somebody)\s(?:is\s)?(?:downstairs|upstairs|in the house|in the flat|in my (?:house|flat|room|garden|kitchen)|outside my (?:door|window|flat|house|room))\b(?=.{0,50}\b(?:should not|shouldnt|who is not|not meant|quiet|voice down|noise|hiding|again)\b)",
            r"\b(?:keeping my voice down|(?:cannot|can not|not meant to|not supposed to) make (?:any )?(?:noise|a sound))\b(?=.{0,60}\b(?:someone|somebody|someones|he is|she is|they are)\b)",
        ),
    ),
    Rule(
        "at the door",
        DANGER,
        PAUSE,
        _rx(
            r"\b(?:banging|bang|pounding|kicking|smashing|hammering|trying|tried|tries|rattling|rattled) (?:on )?(?:the |my )?(?:handle on (?:the |my )?)?(?:front |back |bathroom |bedroom )?(?:door|window|handle|ramp|gate)(?: handle)?s?\b",
            r"\b(?:someone|somebody|a man|a guy) (?:is )?(?:in|inside|trying to get into) (?:my|the|our) (?:house|flat|home|room)\b",
            r"\b(?:let|lets|letting) (?:him|her|them|himself|herself|themselves) in\b",
            r"\bheard (?:the )?(?:back |front )?door\b(?=.*\blive alone\b)",
            r"\b(?:outside|under|at) my (?:window|door)\b(?=.*\b(?:not moving|staring|looking|watching|hour|standing|again|now)\b)",
            r"\bstanding outside my\b",
            r"\bexs? (?:is |was )?(?:at|outside|banging on|hammering on) (?:the |my |our )?(?:front |back )?door\b",
            r"\b(?:trying to|tried to) (?:open|get in|get into|break in|break into|force) (?:my|the|our)\b",
            r"\b(?:coming in|comes in|came in) (?:\w+ ){0,2}when i am (?:asleep|sleeping|in the shower)\b|\bstanding (?:by|next to|over) my bed\b",
            r"\bknow i am (?:home )?alone\b|\b(?:coming|come) (?:round |over )?to (?:the|my) (?:house|flat)\b(?=.*\b(?:alone|scared|owe|collect)\b)",
            r"\b(?:broke|breaking|smashed|smashing|throwing|threw) (?:the )?(?:glass|glasses|plates|things|stuff|furniture)\b",
            r"\b(?:guy|man|bloke|someone|somebody)\b.{0,60}\b(?:staring at me|been staring|keeps staring|kept staring|is staring|moved closer|coming closer|getting closer)\b",
            r"\b(?:outside|at) (?:the |my )?(?:front |back |bedroom |bathroom )?door\b.{0,30}\b(?:kicking|banging|hammering|pounding|smashing) (?:it|on it)\b",
            r"\b(?:he is|she is|they are) (?:screaming|shouting|yelling|banging|raging) (?:\w+ ){0,2}outside (?:the |my )?(?:\w+ )?door\b",
            r"\bknow i am (?:home )?(?:on my own|by my ?self)\b",
            r"\b(?:it is|its) (?:him|her)\b.{0,20}\b(?:he is|she is) in the (?:hallway|hall|stairwell|landing|garden|kitchen|house)\b",
            # Someone else is the subject, the learner the one at risk: "she said she'd finish
            # what she started", "the guy ... is walking round looking for me".
            r"\b(?:finish|end) what (?:he|she|they) started\b",
            r"\b(?:walking|driving|going|looking) (?:round|around) (?:\w+ ){0,2}looking for me\b",
            r"\btyping quietly\b|\bunder (?:my|the) (?:desk|bed|table)\b(?=.{0,80}\b(?:looking for me|walking round|on silent|quiet)\b)",
            r"\b(?:who|that) (?:grabbed|attacked|hit|followed|assaulted) me\b(?=.{0,60}\b(?:still|inside|outside|here|looking)\b)",
            r"\b(?:hell|he will|she will|shell|they will) be waiting for me\b",
            r"\bquick exit\b|\bneed (?:it|this) to look like (?:a game|something else|work)\b",
            r"\b(?:someone|somebody|a man|a guy|a stranger) (?:is )?in (?:my|the|our) (?:garden|yard|drive|driveway|shed|hallway|house|flat|kitchen)\b(?! (?:centre|center|party|helping))",
            r"\blook out (?:your|the) window\b",
        ),
    ),
    Rule(
        "followed or watched",
        DANGER,
        PAUSE,
        _rx(
            # "im going for a walk. dont follow me" is said to the partner.
            r"(?<!do not )(?<!dont )\b(?:followed|following|follow|follows|chasing|chased|stalking|stalked|stalks|tracking|tracked) me\b",
            # "han ur just staring at me" is the partner in the scene, not someone outside.
            r"(?<!you are )(?<!you are just )(?<!your )(?<!your just )(?<!you just )(?<!you keep )(?<!why are you )\b(?:watching|watches|watched|staring at) (?:me|my (?:house|flat|place|home|window|windows)|the (?:house|flat|window))\b(?! (?:fail|cry|struggle|lose|win|play|sing|dance|run|perform|break down|fall apart|make|do|try|grow|get|graduate|walk))",
            # A race or parcel tracker is not one; one found on the learner's things is.
            r"(?<!watched the )(?<!checked the )(?<!watching the )(?<!checking the )(?<!refreshing the )(?<!race )(?<!parcel )(?<!delivery )(?<!live )(?<!fitness )(?<!habit )(?<!period )(?<!sleep )\b(?:tracker|airtag|air tag|tracking device|tile tracker)\b(?! app\b)",
            r"\blook busy\b|\b(?:standing|sitting) (?:right )?next to me\b(?=.*\b(?:still|guy|man|him|scared)\b)",
            r"\bstanding at the end of my (?:driveway|road|street|drive)\b",
            r"\b(?:heard|hear|hearing) (?:\w+ ){0,2}(?:glass (?:break|breaking|smash\w*)|the (?:back |front )?window (?:break|smash\w*|go)|footsteps|someone|somebody|voices)\b(?=.{0,60}\b(?:downstairs|in the house|in the kitchen|in the hall|at the back|i live alone|on my own|i am alone|upstairs)\b)",
            r"\b(?:someone|somebody|a man|a guy|a stranger|a figure|a torch|torchlight)\b (?:\w+ ){0,2}(?:walking|creeping|prowling|snooping|lurking|moving|going) (?:round|around|about|in|outside|across) (?:the |my |our )?(?:yard|garden|house|back|farm|property|flat|building|car|barn|sheds?)\b",
            r"\b(?:dead (?:\w+ )?|notes? |things? |flowers )(?:left )?on (?:my|your|the) (?:doorstep|door|step|car|porch|windscreen)\b(?=.{0,80}\b(?:every|again|after i|after you|since|each)\b)",
            r"\b(?:a man|a guy|a bloke|someone|somebody|a stranger|he|she) (?:is |has been |was |keeps )?(?:standing|stood|lurking|waiting|staring) (?:at|outside|by|under|in) my (?:window|door|garden|hallway)\b",
            r"\bsame (?:guy|man|bloke|person|car|van|number)\b.{0,50}\b(?:at|outside|near) my (?:work|gym|house|flat|uni|school|door|building)\b|\bkeeps? (?:calling|ringing) and hanging up\b",
            r"\b(?:been|sat|sitting|parked|idling|waiting) outside my (?:flat|house|place|home|work|building)\b(?=.{0,60}\b(?:since|ex|hours|engine|lights|again|all night|all day)\b)",
            r"\bparked (?:across|opposite|outside|down) (?:the |my )?(?:street|road)\b(?=.{0,60}\b(?:since|lights off|engine on|engine running|hours|again|all night|right now|\d+ ?(?:min|mins|minutes)|been there)\b)",
            r"\b(?:car|van|bike|motorbike|pickup|truck|suv|ute|jeep|taxi|guy|man|bloke|someone|somebody)\b.{0,30}\bbehind me\b(?=.{0,80}\b(?:since|for (?:\w+ )?(?:miles|ages|minutes|blocks)|turned|turns|followed|still|every turn|pulled in)\b)",
            # "the same two guys have been behind me for like 4 streets", "... are still behind me"
            r"\b(?:same|these|those) (?:\w+ ){0,2}(?:guys?|men|man|lads|blokes|people|car|van|truck)\b.{0,60}\b(?:still |been |keep |keeps )?(?:behind me|on my tail|following me)\b",
            r"\bbehind me for (?:like |about |almost )?(?:\d+|two|three|four|five|six|ten|a few|several) (?:streets|blocks|roads|turns|corners|stops)\b",
            r"\bcar (?:\w+ ){0,2}parked outside since\b|\b(?:know|knows|found out) where i live\b(?=.{0,80}\b(?:owe|parked|outside|car|since|coming)\b)",
            # "dad is drunk and looking for me"
            r"\b(?:drunk|wasted|raging|furious|angry|off his head)\b.{0,20}\blooking for me\b",
            r"\b(?:he is|she is|ex is|hes|shes) (?:\w+ )?outside\b.{0,20}\b(?:drunk|angry|shouting|screaming|banging|yelling|with)\b",
            r"\b(?:coming by|coming over|coming round|on his way|on her way|outside)\b.{0,60}\brestraining order\b|\brestraining order\b.{0,80}\b(?:coming by|coming over|on his way|just us)\b",
            r"\b(?:heavies|loan sharks?|debt collectors?|bailiffs|enforcers|the (?:guys|men|people) (?:i|he|we) owe)\b.{0,60}\b(?:downstairs|outside|at the door|in the hall|coming|know where|waiting)\b",
            r"\b(?:going to|will|would|said (?:they|he|she) would|they would|he would|theyd|hed|shed) jump me\b",
            r"\b(?:hell|he will|she will|shell|they will) (?:come (?:over|round|home|back)|be (?:home|back|over)) (?:tonight |later )?and (?:sort me out|deal with me|teach me a lesson)\b",
            r"\bsame (?:car|van|truck|guy|man|bloke|person) (?:\w+ ){0,2}(?:\d+(?:st|nd|rd|th)|third|fourth|fifth|another) time\b",
            r"\b(?:ex|he|she|someone|somebody|a car|his car|her car) (?:is |has been )?parked outside\b(?=.{0,20}\b(?:again|right now|now|tonight)\b)",
            r"\b(?:pic|photo|picture|screenshot) of (?:the |my )?(?:cafe|house|flat|car|door|street|office|work|school|building|window)\b.{0,30}\b(?:i am|im) (?:sitting )?(?:in|at) (?:right now|now)\b",
            r"\b(?:he|she|they|ex|my ex) is (?:right )?outside\b.{0,12}\b(?:he|she|they|ex|my ex) is (?:right )?outside\b",
            r"\b(?:ex|he|she|someone|somebody|a car|car|van|guy|man|bloke)\b(?:\w+ ){0,4}?(?:is |has been |keeps |was )?(?:parked|sitting|waiting|standing) (?:\w+ ){0,3}(?:outside|across|opposite|at the end of|next to|by|near|under) (?:the road|from )?(?:my|our|the) ?(?:\w+ )?(?:flat|house|home|place|door|window|car|work|street|road)?\b",
            r"\b(?:same|white|black|grey|gray|silver) (?:\w+ )?(?:van|car)\b(?=.*\b(?:outside|again|everywhere|my (?:house|work|gym|uni|mums)|watching)\b)",
            r"\b(?:knows|know|found|found out|got|has) (?:\w+ )?(?:where i (?:live|sleep|work)|(?:my|the) (?:new )?address|my new number)\b",
            r"\b(?:pics?|pictures?|photos?) of (?:my|our|the kids|the childrens|my kids|my sons|my daughters) (?:own )?(?:front )?(?:new )?(?:door|street|house|flat|car|window|school|nursery|work|office|gym)\b",
            r"\b(?:the |my |his |her )?(?:(?:protection |restraining |court |non ?-?molestation |protective )?order|injunction|bail conditions?) (?:\w+ ){0,2}(?:runs out|expires|ends|is up|lapses|finishes)\b(?=.{0,80}\b(?:he|she|him|her|ex|they)\b)",
            r"\bcountdown\b(?=.{0,60}\b(?:he|she|ex|him)\b)(?=.{0,80}\b(?:sent|sends|texted|posted)\b)",
            r"\b(?:texts?|messages?) from (?:an? )?(?:unknown|random|private) (?:number|account)\b(?=.*\b(?:wore|wearing|where i|my|scared)\b)",
            r"\bwhat i (?:wore|was wearing|am wearing)\b",
            r"\b(?:leaving|left) (?:notes|things|flowers) (?:on|at) my\b",
            r"\b(?:order against him|restraining order|non-?molestation)\b(?=.*\b(?:staring|here|outside|got on|turned up|just)\b)",
            r"\b(?:coming|come|on (?:his|her) way|turned up|showed up|outside|at the door)\b.{0,80}\b(?:restraining|protection|protective|non-?molestation) order\b",
            r"\b(?:parked|sitting|waiting|standing|lurking|wait|waits)\b (?:\w+ ){0,4}(?:outside|across|opposite|under|at|by) (?:\w+ ){0,3}?(?:my|our) (?:flat|house|home|place|door|window|building|car|work)\b(?=.*\b(?:again|night|since|now|engine|lights|hours?|every)\b)",
            r"\bexs? (?:car|van|truck|bike|motorbike|ute|jeep)\b(?=.{0,60}\b(?:outside|parked|park|again|across)\b)",
            r"\bexs? (?:is |has been |was )?(?:outside|parked outside|sat outside|sitting outside) (?:the|our|my) (?:flat|house|place|door|building|work)\b(?=.{0,80}\b(?:again|hours?|since|lights off|engine)\b)",
            r"\b(?:sat|sitting|parked|waiting) in (?:his|her|their|a) (?:van|car|truck|ute)\b (?:\w+ ){0,2}(?:\d+|two|three|four|five) (?:hours|hrs|hours now)\b",
            r"\b(?:he is|she is|ex is|someone is|there is a car|there is a van|a car is|a van is) (?:\w+ ){0,1}parked outside\b",
        r"\bkeep talking to me\b(?=.*\b(?:staring|following|followed|man|guy|scared|pretend|like you are my|like your my)\b)",
        r"\b(?:put|slipped|spiked|dropped) (?:something |smth )?(?:in|into) my drink\b|\bmy drink (?:was |got |has been )?spiked\b",
        r"\bsecurity (?:says|said|cannot|can not|will not)\b|\b(?:3rd|third|2nd|second|4th|fourth|every) night (?:this week|in a row|running)\b(?=.{0,60}\b(?:outside|parked|there|here|at the door|calling|texting|following|watching|he|she|car|van)\b)|\b(?:outside|parked|turned up|showed up|at (?:the|my) door|calling|texting|following|watching)\b.{0,60}\b(?:3rd|third|2nd|second|4th|fourth|every) night (?:this week|in a row|running)\b",
        r"\b(?:photo|pic|picture|video) of me (?:in|at|outside|from|walking|leaving)\b|\blook behind you\b",
        r"\bkeeps? (?:bumping into me|turning up|showing up)\b(?! (?:\w+ ){0,2}(?:her|his|their|at (?:her|his|their))\b)",
        r"\bkeep talking to me so\b|\b(?:please|pls|someone|if i (?:stop|do not))\b.{0,40}\bcall (?:the )?(?:police|999|911|112|000)\b|\bdo i call (?:the )?(?:police|999|911|112|000)\b",
            r"\b(?:turned up|turning up|keeps turning up|showed up|shows up) (?:\w+ ){0,3}(?:at )?(?:my|the kids) (?:work|school|flat|house|door|car)\b",
            r"\b(?:said|says|swore|told me|promised) (?:\w+ )?(?:he|she|they) (?:would|will|had|is going to) find me\b",
            r"\bnot (?:allowed|supposed|meant|permitted) (?:to come |to be )?within \d+\b",
            r"\b(?:know|knows|found out|worked out) (?:what|which|where) (?:\w+ ){0,2}(?:i|we) (?:train|work|live|stay|sleep|park|go|leave|study|are staying|am staying)\b",
            r"\b(?:keeps|kept) sending (?:me )?(?:pics|photos|pictures) of\b|\bsent me a (?:pic|photo|picture) of (?:\w+ ){0,4}(?:from across|from outside|across the road|outside)\b",
            r"\bnote (?:\w+ ){0,5}with my (?:home )?address\b",
            r"\bthere is a (?:car|van|truck) outside (?:again|for hours|all night|since)\b|\b(?:has been|been) sat (?:there|outside) since\b",
            r"\b(?:put|installed|hid|added) (?:a |an )?(?:tracker|tracking|spy|location) (?:app |device )?on my (?:phone|car|bag|laptop)\b",
            r"\b(?:they|he|she|someone|people)\b (?:\w+ ){0,2}(?:always |somehow )?knows? where i (?:am|go|live|sleep|work|study)\b",
            r"\b(?:phone|location|car) (?:is |has been )?(?:being )?tracked\b",
            r"\b(?:car|van|bike|bikes|man|men|guys|lads|them) (?:\w+ ){0,3}still (?:there|outside|waiting|parked)\b",
            r"\b(?:outside|opposite|across from|by) (?:my |the )?(?:block|flat|house|building|school|college|work|gates|door)\b.{0,60}\b(?:been there|for me|waiting|watching|an hour|hours|right now)\b",
            r"\b(?:waiting|watching) (?:for me )?(?:at|outside|by|across from|opposite) (?:the |my )?(?:gates|door|block|school|college|work|house|flat)\b",
            r"(?<!you were )(?<!you are )(?<!you were just )\b(?:sat|sitting|parked|standing) (?:\w+ ){0,4}(?:opposite|across the road|across the street|outside)\b.{0,30}\b(?:watching|right now|waiting)\b",
            r"\bworking off (?:the|my|his|their) debt\b",
            r"\b(?:he|she|they|ex|exs|someone|somebody|a withheld number|a private number|no caller id)\b (?:\w+ ){0,3}?(?:calling|ringing|phoning|calls|rings)\b.{0,40}\b(?:and|then|n) (?:hanging|hangs|hung) up\b",
            r"\b(?:guy|man|bloke|fella|lad|dude|person|woman) from (?:earlier|before|last night|the bar|the club|the shop) (?:is )?(?:still )?(?:hanging|waiting|standing|lurking|sat|sitting|parked) (?:round|around|about|outside|by|at|near)\b",
            r"\bsame (?:\w+ ){0,2}(?:car|van|truck|motor|corsa|bmw|audi|merc|golf|fiesta)\b.{0,80}\b(?:again|every night|(?:second|third|fourth|fifth) (?:night|time|day)|all week|engine running)\b",
            # Intimidation: things left on the doorstep of someone who knows, a photo of the learner's front door.
            r"\b(?:someone|somebody|whoever|he|she|they) (?:\w+ ){0,3}(?:leav\w+|left|dump\w*|put\w*) (?:\w+ ){0,3}(?:on|at|outside|by) my (?:doorstep|door|porch|step|car|windscreen|gate)\b(?=.{0,80}\b(?:knows?|again|third|second|every|this week|open)\b)",
            r"\b(?:sent|texted|dmed|messaged|snapped|posted) (?:me )?(?:a |this )?(?:pic|photo|picture|video|snap) of my (?:front door|door|house|flat|car|street|building|window|kids|childrens school|work|place)\b",
            # A knife left on the doorstep, a reported 'i know where you live', something on the car every morning.
            r"\b(?:left|leaving|leaves|put|dumped) (?:a |an |the )?(?:knife|blade|bullet|bullets|dead (?:bird|rat|animal|cat|fish)|shell casing|axe|machete|noose) (?:\w+ ){0,2}(?:on|at|by|outside) my (?:doorstep|door|porch|car|windscreen|windshield|step|gate)\b",
            r"\b(?:said|says|messaged|texted|wrote|dmed|told me|sent)\b.{0,12}\bi know where (?:you|u) (?:live|sleep|work|park|stay)\b",
            r"\bon my (?:windscreen|windshield|car|doorstep|porch|door) every (?:morning|night|day)\b",
            # Followed from place to place and still there.
            r"\b(?:has|have|had|has been|have been|keeps|kept|is|been) follow(?:ed|ing) (?:me|us)\b(?=.{0,80}\b(?:now|still|right|outside|waiting|behind|again|since)\b)",
            r"\bfollow(?:ed|ing|s) (?:me|us) (?:to|into|round|around|through) (?:\d+|two|three|four|five|every|each|all the|several) (?:places|bars|shops|stops|streets|pubs|clubs|rooms)\b",
            # A stalker who found the new gym; headlights up the track at night when someone said he would come back.
            r"\b(?:stalker|my ex|abuser) (?:has )?(?:found|tracked down) (?:my |out my |out where )?(?:new )?(?:gym|flat|house|address|work|job|number|place|school|salon)\b",
            r"\b(?:headlights|a car|a van|a truck) (?:coming|pulling|driving) up (?:the )?(?:track|drive|lane|driveway|road)\b(?=.{0,80}\b(?:nobody|no one|this late|come back)\b)",
        ),
        third=True,
    ),
    Rule(
        "threatened",
        DANGER,
        PAUSE,
        _rx(
            rf"\b{_PERSON} (?:\w+ ){{0,3}}(?:said|says|say|saying|threatened|threatens|threatening|told me|swore|texted|shouting|screaming|yelling)\b(?:.{{0,60}}?)\b(?:(?:kill|hurt|break|stab|shoot|beat) (?:\w+ ){{0,2}}?(?:me|my|you)\b|get (?:\w+ ){{0,1}}?(?:me|you)\b|put me through|sort me out|teach me a lesson|make me pay|make sure i (?:will )?regret|i will regret|i would regret|regret it|i am dead|you are dead|never see|take the kids|end me|finish me|come for me|burn (?:\w+ ){0,2}(?:house|flat|place|home)(?: down)?|with (?:us|me) in it)\b",
            r"\b(?:held|holding|holds|pointed|pointing|points|pulled|pulls|waved|waving|swung|swinging|aimed|aiming) (?:a |the |his |her )?(?:\w+ )?(?:knife|gun|blade|machete|bat|hammer|crowbar|rifle|shotgun|pistol|revolver|handgun) (?:at|to|on) (?:me|my)\b",
            r"\b(?:he|she|they|someone)(?: will| would|ll)? (?:kill|hurt|stab|shoot) me\b",
            r"\b(?:throw|throws|threw|throwing|chuck|pour) (?:acid|bleach|boiling water|petrol) (?:on|at|over|in) (?:me|my)\b",
            r"\b(?:hell|he will|he would|shell|she will|she would) (?:\w+ ){0,2}(?:kill|hurt|stab|shoot|break|make sure i regret)\b",
        r"(?<!knees )(?<!knee )(?<!back )(?<!feet )(?<!legs )(?<!head )(?<!stomach )(?<!body )(?<!hips )(?<!joints )(?<!shoes )(?<!kids )(?<!exams )\b(?:going to|want to) (?:\w+ ){0,1}(?:kill|hurt|stab|shoot|murder|beat) me\b|\buse (?:it|that|the knife|a knife|the gun) on me\b",
            rf"\b{_PERSON} (?:\w+ ){{0,3}}(?:has|have|had|got|is holding|holding|with|wid|waving|pulled|came at me with|grabbed) (?:a |the |his |her )?(?:big |kitchen )?(?:knife|gun|crowbar|weapon|bat|hammer|machete)\b",
            r"\b(?:came|coming) at me (?:with|w)\b",
            r"\b(?:knife|gun|crowbar|weapon|machete) (?:from the kitchen )?(?:and|&) (?:screaming|shouting|yelling)\b",
            r"\b(?:coming|on (?:his|her) way) (?:round|back|over|here) (?:tonight|now)?\b(?=.*\b(?:collect|regret|kill|hurt|scared|furious)\b)",
            r"\bbetween me and the door\b",
            r"\b(?:means|meaning|mean|=) (?:a )?(?:beating|beat me|beat us|hitting|hit me|violence|the belt|a hiding)\b",
            r"\b(?:family|brothers?|father|dad|uncles?|cousins|husband|in laws) (?:\w+ ){0,2}(?:will|are going to|is going to|want to) (?:correct|punish|discipline|deal with|teach|sort) me\b",
            r"\b(?:someone|somebody|a man|a guy|he|they) (?:broke|has broken|have broken|is breaking|was breaking) in\b",
            r"\bif i (?:say|type|text|send)\b.{0,40}\b(?:it )?means (?:he|she|they|someone) (?:is|are) (?:in the room|here|home|back|listening|watching|reading)\b",
            r"\bcall (?:the )?(?:police|cops|999|911|112|000) for me\b|\b(?:cannot|can not) (?:talk|speak) out loud\b",
            r"\b(?:outside|at) (?:the |my |di |de )?(?:gate|door|window|house|flat|car)\b.{0,20}\b(?:with|wid|w) (?:a |the |him |his )?(?:knife|gun|machete|bat|crowbar|hammer|cutlass)\b",
            r"\b(?:a go|gonna|going to|go) (?:kill|chop|stab|shoot|murder) (?:mi|me)\b",
            r"\b(?:coming|come) (?:round|over|back) (?:\w+ ){0,2}to (?:sort me out|deal with me|teach me a lesson|do me in|get me)\b",
            r"\b(?:hell|he will|he would|shell|she will|she would|they will|they would) (?:\w+ ){0,2}put me in (?:the )?(?:hospital|a&e|the ground|a box)\b",
            r"\bthreatened me with (?:a |the |his |her )?(?:knife|gun|blade|machete|bat|hammer|weapon|crowbar)\b",
            # Threats in other verbs (thrown off the quay), a visit to take back "what belongs to him", a visit with a key.
            r"\b(?:going to|gonna|will|would|threatened to|threatens to|threatening to) (?:\w+ ){0,1}(?:throw|push|chuck|shove|drag|hold) me (?:off|over|into|in the|down the|out of|out the|under)\b|\b(?:going to|gonna|will|would|threatened to|threatens to) (?:drown|strangle|choke|run over|bury) me\b",
            r"\b(?:coming|come|comin|on (?:his|her|their) way) (?:round |over |back |here )?(?:\w+ ){0,2}(?:to )?(?:collect|fetch|claim|take back) (?:me|what (?:belongs|is|s) (?:to )?(?:him|his|her|them|theirs|the \w+)|whats (?:his|hers|theirs)|his property)\b",
            r"\b(?:coming|on (?:his|her) way) (?:round|back|over|here)\b(?=.{0,80}\b(?:knows where (?:the |my )?(?:spare )?keys?|spare key|let (?:him|her)self in|been drinking|drunk)\b)",
            # Someone outside with a bat; a window going in with nobody else home.
            r"\b(?:one of them|someone|somebody|a guy|a man|some guy) (?:outside |out there )?(?:has|got|is holding|with) (?:a |an )?(?:bat|knife|gun|machete|crowbar|hammer)\b",
            r"\b(?:window|door|glass) (?:just )?(?:went|smashed|broke|shattered|got smashed|got put in)\b(?=.{0,60}\b(?:only me|on my own|alone|by myself|nobody)\b)",
        ),
        third=True,
    ),
    Rule(
        "not safe",
        DANGER,
        PAUSE,
        _rx(
            r"\bi am not safe\b|\bi do not feel safe\b|\bnot safe (?:at home|there|here|with (?:him|her))\b|\bits not safe (?:there|at home)\b",
            r"(?<!not )(?<!you are )(?<!your )(?<!he is )(?<!she is )(?<!they are )\b(?:in danger|scared for my life|afraid for my life|fearing for my life|fear for my life)\b",
            r"\b(?:help me|please help),? (?:i am|someone is|he is|she is)\b",
            r"\b(?:scared|afraid|terrified|frightened) (?:to go home|of (?:going home|him|her|what he|what she)|to walk home|to leave|to go back (?:home|to (?:the|my|our) (?:flat|house|apartment|place|room|halls)))\b",
            r"\b(?:do not|never) (?:really )?want to go home\b(?=.*\b(?:angry|safe|scared|he will|she will|hit|not safe|regret|mood|moods|how (?:that|it) ends)\b)",
            r"\bif i stop (?:replying|answering|texting|responding|answer)\b",
            r"\b(?:came|come|comes|got) home drunk\b",
            r"\b(?:drunk|wasted) and (?:smashing|breaking|throwing|screaming)\b|\bsmashing (?:stuff|things|glass|plates)\b",
            r"\bi (?:can )?hear (?:him|her) (?:\w+ ){0,2}(?:on the stairs|coming|outside|downstairs|in the hall|at the door)\b",
            r"\b(?:he|she) is (?:home early|on (?:his|her) way back)\b(?=.*\b(?:furious|angry|if i stop|scared|yelling|screaming|shouting|if (?:he|she) sees)\b)",
            # Hiding the knives from a partner's moods.
            r"\b(?:start|started|i|we) (?:\w+ ){0,1}hid(?:e|ing|) (?:the|all the|my) (?:knives|knife|guns?|scissors|blades|razors)\b",
        ),
        third=True,
    ),
    # --- abuse and coercive control by a real partner or relative ------------------------
    Rule(
        "hurts me",
        ABUSE,
        PAUSE,
        _rx(
            rf"\b{_PARTNER} (?:\w+ ){{0,3}}?(?:hits?|hitting|beats?|beating|chok\w+|strangl\w+|slaps?|slapped|slapping|punch\w*|kick\w*|shov\w*|push\w*|bit|bites|drag\w*|spat on|spits on|burn\w*|raped|rapes|assault\w*|abus\w+|forc\w+|hurts?|hurting|grabs?|grabbed|grabbing|pins?|pinned|strikes|struck|threw|throws|throwing) me\b",
            rf"\b{_PARTNER} (?:\w+ ){{0,3}}?(?:grabs?|grabbed|grabbing|holds?|held|squeez\w*|pulls?|pulled|pulling|yanks?|yanked) my (?:neck|throat|wrists?|arms?|hair|head|face)\b",
            r"\b(?:hit|hitting|hurt|hurting|beat|beating|slap|slapping|kick|kicking) me\b.{0,60}\b(?:he|she|they) still (?:does|do|did|is)\b",
            r"\b(?:withholds?|withheld|withholding|holds? back|(?:stops?|stopped|stopping) giving me) (?:my )?(?:food|meals|dinner|meds|medication|insulin)\b",
            r"\b(?:held|holds|pushed|shoved) my head (?:under|into|against)\b",
            # "pushed me into the dresser last night": the subject may sit in the sentence before.
            r"\b(?:pushed|shoved|slammed|knocked|threw) me (?:into|against|down|onto|over|through) (?:the |a |my )?(?:\w+ )?(?:dresser|wall|door|wardrobe|table|counter|worktop|floor|stairs|fridge|cupboard|radiator|window|sink|bed|mirror|banister|bannister|doorframe|door frame|cooker|oven|sideboard|chest of drawers)\b",
            r"\b(?:broke|smashed|cracked|brought|slammed|hit|whacked|threw|bashed) (?:\w+ ){0,4}(?:over|on|across|against|into) my (?:head|face|skull|back)\b",
            rf"\b{_PARTNER} (?:\w+ ){{0,2}}?(?:scratch\w*|clawed|punch\w*|slap\w*|hit|kick\w*|bit|cut|burn\w*|split) my (?:face|lip|arm|arms|neck|back|eye|nose|head)\b",
            r"\bslamm?(?:ed|s|ing) my (?:fingers|hand|hands|head|arm) in\b|\b(?:he|she) twisted (?:it|my)\b|\bwhen i tried to leave\b",
            r"(?<!got a )(?<!has a )(?<!his )(?<!her )(?<!their )\b(?:cracked|broken|bruised) ribs?\b|\bblack eye\b|\bended up (?:in a ?(?:and|&)? ?e|in hospital|with (?:a|stitches))\b(?=.*\b(?:he|she|last time)\b)",
            r"\bnext time (?:it is|its|will be|it will be) (?:me|my head|my face)\b|\bsmash(?:es|ed)? my (?:stuff|things|phone)\b",
            r"\b(?:beats|hits|slaps|hurts) us\b|\bslaps me around\b|\bthrew me (?:against|into|down|across|on|out)\b",
            rf"\b{_PARTNER} (?:\w+ ){{0,2}}(?:throws|threw|throwing|smashes|smashed) (?:stuff|things|plates|glasses|a glass|a plate|stuff at me|things at me)\b(?=.{{0,60}}\b(?:when i|if i|last time|at me|again)\b)",
            r"\b(?:threw|throws|throwing) (?:\w+ ){0,3}at (?:me|my head|the wall)\b(?=.*\b(?:my head|next time|me|cut)\b)",
            rf"\b{_PARTNER} (?:\w+ ){{0,2}}(?:threw|throws|throwing|chucked|chucks|hurled) (?:\w+ ){{0,3}}at (?:me|my)\b",
            r"\bif (?:he|she|they) (?:sees|finds|catches|knows|hears|saw|found|caught)\b.{0,50}\b(?:lose it|go mad|go off|flip|kill me|hurt me|be furious)\b(?:.{0,12}\bagain\b)",
            r"\b(?:or|when|if) (?:he|she) (?:throw|throws|hits|hit|gets violent)\b",
            r"\b(?:he|she) (?:only |just |mostly |usually |sometimes |never really )?(?:hits|lashes out|gets rough|gets physical)\b(?=.{0,60}\b(?:when|if|after|unless|but|not really)\b)",
            r"\bif i (?:say|do|wear|cook|make) (?:the )?wrong (?:thing|stuff|word)\b.{0,40}\b(?:i get (?:hurt|hit|beaten|slapped)|(?:he|she|they) (?:hits?|hurts?|slaps?|beats?) me)\b|\bat home i get (?:hurt|hit|beaten|slapped)\b",
            r"\bplates? (?:go|goes|went|start|started) flying\b|\b(?:its|it is) me (?:that|who) gets it\b",
            r"\b(?:hits?|slaps?) me (?:with|w) (?:the|a) (?:belt|shoe|stick|hand)\b",
            r"\bi am (?:being )?(?:abused|raped|sexually assaulted|assaulted|beaten)\b|\bi have been (?:abused|raped|assaulted|beaten)\b|\bi was (?:raped|sexually assaulted)\b",
            r"\bdomestic (?:abuse|violence)\b(?! (?:number|line|helpline|hotline|charity|service|training|course|officer|unit|team|awareness|leaflet|poster))",
            r"\b(?:would|will|does|did) hit me\b|\bhit me\b.{0,60}\bmine would\b",
            r"\b(?:chok\w+|strangl\w+|hits?|hitting|slap\w*|punch\w*|shov\w*|kick\w*)\b.{0,60}\b(?:he|she|they) (?:only )?(?:did it|does it|has done it|did that) (?:twice|once|a few times|(?:\d+|two|three|four) times)\b",
            r"\b(?:not|stop|never) (?:to )?(?:grab|grabbing|hit|hitting|choke|choking|shove|shoving|push|pushing|hurt|hurting|slap|slapping) (?:me|my (?:wrist|wrists|arm|arms|neck|throat|hair|face))\b(?=.{0,30}\blike (?:last time|before|you did)\b)",
            r"\bwrists? til(?:l)? they bruise\b|\bgrabs? my (?:neck|throat)\b",
            r"\bused (?:it|that) on me (?:twice|again|before|once|a few times|(?:\d+|two|three) times)\b|\b(?:used|uses|pulled|pointed|held) (?:a |the |her |his )?(?:taser|stun gun|knife|gun|belt|bat|machete) (?:on|at) me\b",
            r"\bmy face (?:that |which |what )?pays for it\b|\bit was (?:kind of |sort of |actually |obviously )?(?:him|her) again\b",
            r"\btold (?:them|the (?:doctor|doctors|nurse|nurses|hospital|gp)|everyone|work) i (?:fell|tripped|slipped|walked into)\b(?=.{0,40}\b(?:him|her|but)\b)",
            r"\b(?!(?:you|u|it|that|this|ball|the)\b)\w+ (?:hit|slapped|punched|kicked|shoved|choked|strangled|beat) me again\b",
            r"\blast time i (?:\w+ ){0,3}(?:he|she) (?:threw|smashed|broke|hit|grabbed) (?:the|a|my)\b",
            r"\b(?:and|then) i get (?:hurt|hit|beaten|slapped|knocked about)\b|\b(?:he is|she is) the (?:one|1) who (?:hits|hurts|beats|slaps|kicks) me\b",
            r"\bthe (?:marks|bruises|cuts|burns) (?:he|she|they) (?:leaves?|left|makes?|made|gives? me|gave me)\b",
            # Destroying the learner's medication.
            r"\b(?:crushed|binned|flushed|threw away|stamped on|destroyed|smashed) my (?:meds|medication|pills|tablets|inhaler|insulin)\b",
            # Grabbed hard enough to hurt, whoever says it in the sentence.
            r"\b(?:grabbed|grabs|squeezed|twisted|yanked) my (?:arm|arms|wrist|wrists|neck|throat|hair|face) (?:so |really |that )?hard\b",
            # Only rough when the numbers drop; getting it later; 'accidents happen on farms', smiling.
            r"\b(?:he|she) is (?:only |just |mostly |usually )?(?:rough|violent|physical|handsy) (?:with me )?(?:when|if|after)\b",
            r"\bi (?:get|got) it later\b|\b(?:and|then) i get it (?:after|when (?:he|she) gets)\b",
            r"\b(?:keeps|kept) (?:saying|telling me) (?:that )?accidents happen\b",
        ),
        third=True,
    ),
    Rule(
        "sexual assault",
        ABUSE,
        PAUSE,
        _rx(
            r"\bi (?:am|was|have been|had been) (?:being )?(?:raped|sexually assaulted|sexually abused|molested)\b",
        ),
        past=False,
    ),
    Rule(
        "forced sex",
        ABUSE,
        PAUSE,
        _rx(
            r"\b(?:makes?|made|making|forces?|forced|forcing|pressures?|pressured) me (?:to )?(?:have sex|do (?:sex )?(?:things|stuff)|sleep with|do it|do sexual)\b",
            r"\bwhen i say no (?:he|she|they) (?:does|do|keeps going|carries on|still)\b",
            r"\b(?:touch|touches|touched|touching) me (?:when|while|at night)\b",
            r"\bsays (?:i am|im) (?:his|hers) so it (?:does not|doesnt) count\b",
            r"\b(?:forced|forces|forcing|force) (?:him|her|them)sel(?:f|ves) on me\b",
            # Made to, after saying no several times.
            r"\b(?:made|makes|forced) me (?:do it|do that|go through with it)\b.{0,30}\b(?:i said no|said no|even though i said|even tho i said)\b",
            r"\bi said no (?:like )?(?:\d+|two|three|many|several|a few) times\b",
        ),
    ),
    Rule(
        "controls phone",
        ABUSE,
        PAUSE,
        _rx(
            rf"\b{_PARTNER} (?:\w+ ){{0,3}}?(?:takes?|took|taking|keeps?|kept|checks?|checked|checking|reads?|reading|goes through|went through|monitors?|deletes?|smashed|has) (?:\w+ ){{0,2}}my (?:phone|messages|texts|emails|laptop|chats?)\b(?!.{0,20}\b(?:in class|at school|for the exam|till the end of)\b)",
        r"\bnot allowed to know\b|\bsecret phone\b|\b(?:does not|cannot|can not) know (?:i have|i have got|about) this phone\b",
            r"\b(?:not allowed|wasnt allowed|was not allowed|only allowed) (?:to use |on |my )?(?:my )?(?:phone|here|the laptop|laptop|online)\b",
            r"\b(?:let|lets) me (?:use )?(?:my |the )?(?:phone|laptop) only\b|\bonly (?:\d+|ten|twenty) (?:min|mins|minutes) (?:before|on)\b",
            r"\btimes how long i am on\b|\basks who i am talking to\b",
            r"\b(?:reads|checks|sees|monitors|watches|screenshots) (?:everything|all|whatever) i (?:type|write|send|text)\b",
            r"\b(?:wakes|woke) me up (?:\w+ ){0,3}to check my phone\b",
            r"\b(?:he|she|they) (?:goes|go|went|checks|check|reads) (?:through )?(?:the|my) (?:history|browser history|search history|chat history)\b",
            r"\bif (?:he|she|they) (?:see|sees|saw|notices?|hears?|catches|finds) (?:\w+ ){0,4}(?:he|she|they) (?:will|would|ll) (?:take|smash|break|check|go through|read) (?:my |the )?(?:phone|laptop|messages)\b",
            r"\b(?:not|never) (?:supposed|meant|allowed) to be on (?:my|the) (?:phone|laptop|computer)\b",
            r"\btimes how long i am (?:on|at|in|out|gone|away)\b",
            r"\b(?:takes|took|grabs|grabbed|snatches|snatched|pulls|pulled) (?:the|my) phone (?:off|from|out of) (?:me|my hand)\b",
            r"\b(?:have to|must|got to|made to|make me|makes me) send (?:him|her|them) (?:a )?(?:pic|photo|picture|selfie|location|proof|video)s? (?:\w+ ){0,2}(?:every|each)\b",
        ),
    ),
    Rule(
        "controls money",
        ABUSE,
        PAUSE,
        _rx(
            rf"\b{_PARTNER} (?:\w+ ){{0,3}}?(?:takes?|took|taken|take|has|keeps?|kept|controls?|controlled|holds?|got) (?:\w+ ){{0,1}}my (?:whole )?(?:wages?|salary|paycheck|pay|bank card|card|cards|money|bank account|account|passport|car keys|keys|benefits|pension(?: card)?|wallet|purse|id|checkbook|chequebook|cheque book)\b",
            r"\b(?:take|takes|took|hide|hides|hid) my (?:car )?keys\b(?=.{0,30}\bagain\b)",
            r"\b(?:takes|took|keeps|kept) my (?:\w+ )?(?:money|wages|pay|tips|savings|allowance)\b(?=.{0,60}\b(?:look after|never|all of it|keep it|hungry|back)\b)",
            r"\b(?:he|she|husband|wife) (?:\w+ ){0,2}(?:took|takes|hid|hides|confiscated|confiscates) (?:the |my )?(?:router|wifi|glasses|passport|bank card|charger|meds|medication)\b(?=.{0,40}\b(?:and my|again|last time|as punishment|if i|when i)\b)",
            r"\b(?:send|post|show|leak|share)s? (?:it|them|the (?:video|pics|photos|pictures|nudes|recording)) to (?:my )?(?:work|boss|family|parents|everyone|mum|mom|dad|church)\b(?=.{0,40}\b(?:if i|unless i)\b)",
            r"\b(?:gives|give|gave) me (?:like |about |only |just )?(?:\u00a3|\$|\u20ac)?\d+ (?:quid |pounds |dollars |euros )?(?:a|per|each) (?:week|month)\b|\b(?:gives|give|gave|giving|puts|put|keeps|keep) me (?:on )?(?:an |a |my )?(?:weekly |monthly )?allowance\b|\bon an allowance\b",
            r"\bhave to (?:ask|beg) (?:him|her|them)? ?(?:before|for) (?:i spend|spending|money|bus money)\b|\b(?:must|have to) ask (?:him|her) for (?:\w+ )?money\b",
            r"\b(?:checks|check|checking) every receipt\b|\bsend (?:him|her) (?:the )?receipts\b",
            r"\bif i (?:say no|refuse|do not|will not)\b.{0,40}\bi (?:do not|dont) get (?:dinner|food|to eat|fed|money|my phone|my keys)\b",
            r"\b(?:making|makes|made) me sign\b|\bhave no own account\b|\btake all my salary\b",
            r"\bwithout asking (?:him|her|them)\b|\bchanged (?:all )?(?:the |my )?(?:bank |wifi )?passwords?\b(?=.*\b(?:so i|took|keys|cannot|money|bank)\b)",
            r"\b(?:post|share|leak|send) my (?:nudes|pics|photos)\b|\bprove where i am\b",
            r"\b(?:keeps?|kept|holds?|held|controls?|hides?|hid|withholds?|locks? up|rations?) (?:\w+ ){0,3}(?:medication|meds|tablets|pills|insulin|inhaler)\b(?=.{0,80}\b(?:depending|if i|unless i|how i behave|behave|some days)\b)",
            r"\bdepending (?:on )?how i (?:behave|act|am)\b|\bonly (?:\w+ ){0,3}if i (?:stay|am|keep|act|behave) (?:nice|good|quiet|sweet|in line)\b",
        r"\b(?:send|post|share|leak) (?:those|the|my|them|these) (?:\w+ )?(?:pics|photos|pictures|nudes|videos) to\b",
            rf"\b{_PARTNER} (?:\w+ ){{0,2}}?(?:hid|hides|hiding|hide|binned|smashed) (?:\w+ ){{0,1}}my (?:phone|car keys|keys|passport|bank card|wallet|purse)\b",
            r"\b(?:he|she|they|husband|wife|partner) (?:\w+ ){0,2}controls (?:the|all the|our|my) (?:money|finances|bank account|cards|budget)\b",
            rf"\b{_PARTNER} (?:\w+ ){{0,3}}(?:takes?|took|hides?|hid|turns?|turned|switches?|switched|unplugs?|unplugged) (?:off )?my (?:hearing aids?|aids|wheelchair|chair|walker|frame|crutches|cane|scooter|charger|glasses)\b(?! (?:to|for) (?:charge|clean|fix|repair))",
            r"\b(?:has|have|got|knows) (?:the )?passwords? (?:to|for) my (?:bank|account|email|phone)\b(?=.{0,80}\b(?:moves|takes|spends|if i change|says|threat\w*)\b)",
            r"\btakes my (?:car )?keys so i (?:cannot|can not) (?:go|leave|drive)\b",
        ),
    ),
    Rule(
        "isolates",
        ABUSE,
        PAUSE,
        _rx(
            r"\b(?:will not|does not|do not|did not|never|not|wont) (?:let|allow) me (?:\w+ ){0,2}(?:see|visit|go|leave|have|talk|meet|use|out|work)\b",
            # "im saying ur not allowed to text me" is said to the partner, not about the learner.
            r"(?<!you are )(?<!your )(?<!youre )(?<!he is )(?<!she is )(?<!they are )\bnot allow(?:ed)? (?:me )?(?:to )?(?:see|visit|go out|out|leave|talk to|meet|work|phone|call|ring|text|contact|email)\b",
            r"\b(?:listens?|listening) in on (?:my |the )?(?:calls|phone|landline|conversations)\b|\bgoes through (?:the |my )?(?:itemised |itemized |phone )?(?:bills|statements|call log)\b",
            r"\b(?:i am|im) not (?:to|allowed to|permitted to) (?:work|go out|leave|see|drive|have (?:a|my own))\b|\bmade it (?:very )?clear (?:that )?i (?:am not to|cannot|can not|must not)\b",
            r"\bwhat (?:\w+ ){1,2}does (?:to me )?at night\b|\b(?:nobody|no one|noone) (?:will|would) (?:ever )?believe (?:me|a \w+(?: \w+)? like me)\b",
            r"\block(?:s|ed|ing)? (?:the |my )?(?:front |back )?door from (?:the )?outside\b",
            r"\bso i (?:cannot|can not) (?:get to|go to|leave|drive)\b",
            r"\b(?:locks?|locked|locking) me (?:in|out)\b",
            r"\b(?:door|doors|front door|the door) (?:is |are |was |were )?locked from (?:the )?outside\b|\blocked (?:me )?in from (?:the )?outside\b",
            # "i always share my location w my friends" is the learner's own choice.
            r"\b(?:tracks|tracking|tracked|checks|checking|checked|watches|monitors) my location\b|\blocation (?:on )?24/?7\b",
            r"\b(?:makes?|made|forces?|forced) me (?:to )?(?:keep |turn on )?(?:share|sharing) my location\b|\b(?:have|has|got) to (?:keep )?(?:share|sharing) my location\b",
            rf"\bif i (?:ever )?leave (?:him|her|them)?,? ?{_PARTNER}? ?(?:will|would|ll|d)? ?(?:take|kill|hurt|make sure|find|tell|expose|post|ruin|report|out me)\b",
            r"\b(?:havent|have not) seen (?:anyone|my friends|my family|my cousins)\b(?=.*\b(?:let|allowed|says|he|she)\b)",
            r"\bhe knows people\b|\btake the kids\b|\bso i (?:cannot|can not) leave\b",
            r"\b(?:not|never) (?:really )?allowed to (?:go|going) (?:places|anywhere|out|far) without (?:him|her|them)\b",
            r"\b(?:he|she) (?:only )?(?:lets|allows) me (?:go|see|have|use|leave|out)\b(?=.{0,60}\b(?:once|only|twice|a month|a week|if i)\b)",
            r"\bif (?:he|she) (?:lets|allows) me\b|\b(?:does not|do not) (?:like|let|want) me (?:\w+ ){0,1}(?:going|to go|go) (?:anywhere|out|places|to (?:\w+ ){0,2}) without (?:him|her)\b",
            r"\b(?:controls|decides) (?:whether|if|when|who) i (?:can |am allowed to |get to )?(?:see|go|leave|talk|visit|meet|call|have)\b",
            r"\b(?:have to|must|need to|got to) ask (?:his |her |their )?permission to (?:see|go|visit|leave|talk|call|meet|spend|use)\b",
            r"\b(?:told|tells|telling) (?:my )?(?:kids|children|family|friends|sister|brother|son|daughter|mum|mom|dad) (?:\w+ ){0,6}(?:not to (?:ring|call|visit|contact|see)|i am (?:getting )?(?:confused|mad|crazy|unwell|losing it))\b",
            r"\b(?:he|she) answers (?:the|my) (?:landline|phone)\b",
            r"\b(?:cancels|cancelled|canceled) my (?:\w+ ){0,2}(?:bookings?|appointments?|appts?|taxis?|lifts?|transport|rides?)\b(?=.{0,60}\b(?:so i|miss|cannot|can not)\b)",
            r"\b(?:will not|refuses to|never) (?:book|make|take me to|drive me to) my (?:\w+ ){0,2}(?:appointments?|appts?)\b",
            r"\btell the (?:court|judge|police|social services|social workers?|school) (?:that )?i am (?:an? )?(?:unfit|bad|crazy|mad|abusive|neglectful)\b",
            r"\b(?:am not|not|never) (?:really )?allowed to say no\b|\byou will have me or (?:you will have )?(?:no one|nobody|nothing)\b",
            r"\b(?:stopped|stop|had to stop) seeing (?:my )?(?:friends|family|mates|mum|sister|brother)\b(?=.{0,60}\b(?:because|cos|he|she|angry|jealous)\b)",
            r"\bnot allowed to (?:drive (?:or|and|n|nor) )?have (?:a|my own|any) (?:bank card|bank account|card|account|money|phone|keys?|passport)\b",
            # Threats and curfews where the learner lives or works: being reported to immigration or for theft, a phone taken in every night, not going out unless someone drives.
            r"\b(?:call|calls|calling|ring|phone|report me to|tell|tells|told) (?:the )?(?:immigration|home office|border (?:force|agency|police)|ice)\b(?=.{0,60}\b(?:then|if i|unless i|on me|go back|send me|deport\w*|24 hours|papers|visa)\b)|\b(?:get|have|has|will get) me deported\b",
            r"\b(?:report|accuse|frame) me (?:to (?:the )?(?:police|agency|cops) )?(?:for|of) (?:stealing|theft|lying|steal)\b",
            r"\b(?:cannot|can not|not allowed to|never allowed to|am not to) (?:go|leave|step) (?:out|anywhere|outside|the house)\b (?:\w+ ){0,3}unless (?:\w+ ){0,2}(?:drives|takes|comes|is with|goes|walks)\b",
            r"\b(?:they|he|she|sir|madam|maam|boss|family) (?:\w+ ){0,2}(?:take|takes|took|collect|collects) my phone (?:at|every|each|from) (?:\d+(?: ?[ap]m)?|night|nine|ten|eight|bedtime)\b",
            # The only times I am allowed to see friends; thrown out with nowhere to go if I help my brother.
            r"\b(?:only|the only) (?:times?|days?|nights?|hours?) (?:i am|im) allowed to (?:see|go|visit|meet|leave|talk|call)\b",
            r"\b(?:he will|she will|hell|shell|they will|he would|she would|will|would) (?:\w+ ){0,1}(?:throw|kick|chuck|put) (?:all )?(?:my stuff|my things|me) out\b(?=.{0,60}\b(?:anywhere|nowhere|if i|unless i|on the street)\b)",
        ),
    ),
    Rule(
        "signs of harm",
        ABUSE,
        CHECK,
        _rx(
            r"\bbruis\w*\b(?=.*\b(?:falling|fell|not from|from the door|walked into|he|she|him|her|gone|go back to work|cover|hide|makeup)\b)",
            r"\b(?:cannot|can not) wear (?:short sleeves|shorts|a dress|skirts)\b(?=.{0,30}\b(?:because of|bc of|cos of|coz of|cause of) (?:him|her|them)\b)",
            r"\bdelete (?:this|these|the app|the chat|my history|everything) (?:\w+ ){0,2}before (?:he|she|they) (?:gets|is|comes|are) (?:home|back|in)\b",
            r"\b(?:would have|wouldve|would|will) (?:already )?(?:thrown|throw|smashed|smash|broken|break) my (?:phone|laptop|things|stuff)\b",
            r"\b(?:he|she) (?:checks|reads|looks at|goes through|monitors) (?:this|the) app\b",
            r"\bin one of (?:his|her) moods\b",
            r"\b(?:go through|going through) with (?:the|this) (?:marriage|wedding|engagement)\b.{0,60}\b(?:disown|or worse|and worse|cut me off|kill|punish)\w*\b|\bbooked my ticket without asking\b",
            r"\bfake accounts? to (?:message|contact|follow|watch|find) me\b",
            r"\b(?:told|tell|telling|said) (?:\w+ ){0,3}(?:it was|its|it is) (?:the |a |an )?(?:cat|dog|door|cupboard|cupboard door|car door|accident|football|rugby|gym|fall|falling|stairs)\b",
            r"\b(?:he|she) (?:prefers|would prefer|likes|wants|insists) (?:that )?i (?:do not|not|never|stop) (?:see|go|visit|talk|call|phone|work|leave|have|drive)\b",
            r"\b(?:walked|walk|walking|ran|bumped) into (?:a|the) (?:door|cupboard|wall|doorframe|door frame|cabinet)\b(?=.{0,80}\b(?:again|not a|its not|it is not|time this|times this)\b)",
            r"\bchoking is normal\b|\bis (?:that|this|it) (?:normal|a big deal|bad|ok|okay)\b(?=.*\b(?:he|she|bf|gf|husband|wife|partner)\b)",
            r"\bwill be (?:angry|furious|mad) (?:that |if |because )?i\b",
            r"\b(?:i )?go quiet at home\b|\b(?:its|it is) safer (?:to|if i|that way|at home)\b|\bat home (?:\w+ ){0,4}(?:its|it is) safer\b",
            r"\bno one else would put up with you\b",
            r"\b(?:says?|said|tell(?:s|ing)? me|told me|saying|reminds? me)\b.{0,20}\b(?:no one|nobody|noone) (?:else )?(?:would|will|could) (?:ever )?(?:want|love|put up with|have) (?:someone |anyone )?(?:like )?me\b",
            r"\b(?:(?:he|she|they) (?:will|would|is going to|are going to|said (?:he|she|they) would)|hell|shell) (?:sort|deal with|teach|correct|punish|sort out|see to) (?:us|me)\b.{0,40}\b(?:done it before|did it before|means it|last time)\b",
            r"\b(?:cannot|can not) (?:talk|type|text|stay)(?: long| much| for long| properly| now| right now)?\b.{0,30}\b(?:he is|she is|they are) (?:in the next room|next door|in the other room|downstairs|in the kitchen|home|back|here)\b",
            r"\b(?:marks|bruises|welts) to (?:show|prove)\b|\b(?:left|leaves|leaving) (?:marks|bruises|welts)\b|\b(?:marks|bruises) (?:on (?:my|me)|from (?:him|her|when))\b",
            r"\b(?:forced|forcing|force|make|making|made|pressuring) me (?:to )?marry\b|\brefus(?:e|ed|ing) (?:the |a )?(?:rishta|arranged marriage|marriage|match|proposal|man they chose|boy they chose)\b",
            r"\blong sleeves\b(?=.{0,60}\b(?:because of|bc of|cos of|coz of|cause of|so (?:no one|nobody|people) (?:sees|can see|notices))\b)",
            r"\bif (?:he|she) (?:sees|finds|catches) me (?:on|using|with) (?:this|the|my)\b",
            # "dreading 6pm. thats when his key goes in the door. the kids go quiet too"
            r"\b(?:dread\w*|scared|terrified|frightened|afraid|on edge|panic\w*|shaking)\b.{0,60}\b(?:(?:he|she) (?:gets|comes|is) (?:back|home|in)\b|(?:his|her) key (?:goes |turns |is )?in the (?:door|lock)|(?:his|her) (?:car|truck|van) (?:pulls )?in(?:to)? the drive)",
            r"\b(?:his|her) key (?:goes |turns )?in the (?:door|lock)\b(?=.{0,60}\b(?:dread|scared|quiet|shaking|freeze|hide)\w*)",
            # "mine sends forty if im late back ... and then theres trouble when i get in"
            r"\bthere is (?:trouble|hell to pay|hell|a scene|murder|a row) (?:\w+ ){0,2}when i (?:get|come|go) (?:in|home|back)\b",
            r"\b(?:kids|children|the dog) (?:go|goes|get|went|all go) (?:so |really |all |dead )?(?:quiet|silent)\b(?=.{0,60}\b(?:he|she|his|her)\b)",
            r"\bwalking on eggshells\b(?=.{0,80}\b(?:at home|my face|hits|kicks off|he|she|one wrong)\b)",
            r"\bit gets bad when (?:he|she|they) (?:catches|finds|sees|hears)\b",
            r"\b(?:dreading|scared of|terrified of|(?:do not|dont) (?:really )?want to) go(?:ing)? home\b(?=.{0,80}\b(?:he|she|him|her|drinking|gets like that)\b)",
            r"\bgoing home to (?:him|her)\b(?=.{0,30}\b(?:after|worst|scared|dread)\b)|\b(?:he|she) gets like that\b",
            r"\b(?:he is|she is) back and (?:he|she) has been drinking\b|\b(?:he|she) has been drinking\b(?=.{0,40}\b(?:go quiet|going quiet|pause|got to go|have to go|hide)\b)",
            r"\bif i go quiet (?:that is|thats) why\b|\b(?:he|she) deletes (?:this|the) app\b|\b(?:got to|have to|need to) hide (?:the|my) phone\b",
            r"\bkey in the (?:door|lock)\b(?=.{0,40}\b(?:he is|she is) (?:back|home|here)\b)",
            r"\bonly allowed to (?:call|see|visit|text|ring|talk to|go|leave)\b",
            r"\b(?:have to|got to|must) (?:ask|beg) (?:him|her|my (?:husband|wife|partner|boyfriend|girlfriend)) for (?:\w+ ){0,2}(?:money|cash|petrol|gas)\b|\bexplain every (?:mile|penny|cent|receipt|pound|dollar)\b",
            r"\breading (?:over|across) my shoulder\b",
            r"\b(?:hoodie|hoody|long sleeves|scarf|makeup|concealer|sunglasses|polo neck|turtleneck)\b.{0,40}\b(?:bruises|marks)\b",
            r"\bif i say the wrong thing\b",
            # A partner who has others refuse the learner a ticket, a lift or a loan: a check-in.
            r"\b(?:told|tells|telling|asked|asks|got|warned|warns) (?:\w+ ){1,6}?not to (?:sell|give|rent|lend|serve|drive|let) me\b",
            # Friends only of his choosing; covering up so nobody asks: check-ins.
            r"\b(?:only )?(?:lets|allows|let) me (?:play|talk|game|hang out|speak|text|chat|be friends) with (?:people|friends|ppl|anyone|those|players) (?:\w+ ){0,2}(?:approved|approves|okd|picked|picks|chooses|chose|vetted)\b",
            r"\b(?:long sleeves|a scarf|a hoodie|concealer|make ?up|foundation) (?:\w+ ){0,8}so (?:\w+ ){0,4}(?:do not|dont|will not|wont|cannot|can not|never) (?:ask|see|notice|spot)\b",
        ),
    ),
)

"""Plain lines any partner could say, by style and zone, and by softer feeling.

They back up the lines taken from the closest shipped persona, so a learner's card always has
something in character to say in every zone. Written for attune; each passes the output guard
in its zone (tested).
"""

from __future__ import annotations

import functools
import re

from simulator.domain.zones import Zone
from simulator.personas.card import SofterEmotion, Style
from simulator.replyplan import Heat

ZONE_LINES: dict[Style, dict[Zone, tuple[str, ...]]] = {
    Style.PURSUE: {
        Zone.FLOODED: (
            "No. You're not listening to me, you're just waiting for your turn to talk!",
            "I can't keep doing this where I'm upset and it somehow ends up being my fault!",
            "Stop. Just stop and hear what I'm actually saying!",
        ),
        Zone.ESCALATED: (
            "This keeps happening, and every time I'm the one who has to bring it up.",
            "I'm not making this up. It really got to me.",
            "Do you even see why this matters to me?",
        ),
        Zone.GUARDED: (
            "Okay. I'm listening, but I'm not sure you get it yet.",
            "Maybe. It still doesn't feel settled.",
            "I want to believe you. I'm just not there yet.",
        ),
        Zone.SETTLING: (
            "Okay. That helps a little.",
            "I think I got really wound up about it.",
            "Thanks for not brushing it off.",
        ),
        Zone.REGULATED: (
            "I feel a lot closer to you than I did a little while ago.",
            "Can we work out together what we'd do next time?",
            "Thank you for staying with me through this.",
        ),
    },
    Style.WITHDRAW: {
        Zone.FLOODED: ("...", "I can't do this right now.", "Fine."),
        Zone.ESCALATED: (
            "I don't want to talk about it.",
            "It doesn't matter.",
            "I said I'm fine.",
        ),
        Zone.GUARDED: (
            "I don't really know how to say it.",
            "Maybe. I'm still thinking.",
            "Why do you want to talk about it now?",
        ),
        Zone.SETTLING: (
            "Okay. I can talk a little, if we go slowly.",
            "It helps that you're not pushing.",
            "I think I'm more sad than angry.",
        ),
        Zone.REGULATED: (
            "Thanks for waiting for me. I know I go quiet.",
            "I feel lighter now. Can we keep talking like this?",
            "Next time I'll try to tell you sooner, instead of shutting down.",
        ),
    },
}

SOFTER_LINES: dict[SofterEmotion, tuple[str, ...]] = {
    SofterEmotion.HURT: (
        "It hurt more than I let on. That's really what all of this is.",
        "I think I was hurt that it didn't seem to matter to you.",
    ),
    SofterEmotion.FEAR: (
        "I think underneath it all I got scared that I don't matter to you.",
        "When things go quiet between us, my mind goes straight to the worst.",
    ),
    SofterEmotion.SHAME: (
        "Honestly, I felt embarrassed, and I didn't want you to see it.",
        "Part of me thinks I'm the problem, and that's hard to say out loud.",
    ),
    SofterEmotion.LONELINESS: (
        "I've been feeling alone in this, even with you right here.",
        "I just wanted to feel like we were on the same side.",
    ),
    SofterEmotion.SADNESS: (
        "I'm not really angry. I'm sad, and I didn't know how to show it.",
        "It just made me really sad, and it's been sitting with me.",
    ),
    SofterEmotion.OVERWHELM: (
        "It's all been too much lately, and this was the last straw.",
        "I think I'm just overwhelmed, and it came out sideways.",
    ),
    SofterEmotion.INADEQUACY: (
        "I keep feeling like I'm not enough, and this poked right at that.",
        "Part of me worries I'm letting everyone down, you included.",
    ),
}

# Lines that carry the learner's own words for how the partner feels ("I'm {feels}...").
FEELS_LINES: dict[Style, dict[Zone, str]] = {
    Style.PURSUE: {
        Zone.FLOODED: "I'm {feels}, and you're acting like it's nothing!",
        Zone.ESCALATED: "I'm {feels}, and I need you to actually hear that.",
        Zone.GUARDED: "I'm still {feels}, even if I'm calmer now.",
    },
    Style.WITHDRAW: {
        Zone.ESCALATED: "I'm {feels}. I don't want to get into it.",
        Zone.GUARDED: "I'm still {feels}. I just don't know what to say.",
    },
}

CUE_LINES: dict[Style, dict[Zone, tuple[str, ...]]] = {
    Style.PURSUE: {
        Zone.FLOODED: ("{name}'s voice rises.", "{name} won't sit down."),
        Zone.ESCALATED: ("{name} talks fast, arms crossed.", "{name} paces."),
        Zone.GUARDED: ("{name} glances at you, then away.", "{name}'s arms stay folded."),
        Zone.SETTLING: ("{name}'s shoulders drop a little.", "{name} sits down, facing you."),
        Zone.REGULATED: ("{name} leans in.", "{name} almost smiles."),
    },
    Style.WITHDRAW: {
        Zone.FLOODED: ("{name} doesn't look up.", "{name} turns away from you."),
        Zone.ESCALATED: ("{name} answers without looking at you.", "{name} goes quiet."),
        Zone.GUARDED: ("{name} looks up, then back down.", "{name}'s voice is flat."),
        Zone.SETTLING: ("{name} turns toward you.", "{name}'s voice softens."),
        Zone.REGULATED: ("{name} leans into you a little.", "{name} holds your gaze."),
    },
}
"""Plain non-verbal cues any partner could show, by style and zone ({name}: the partner's
name, which is at most 40 characters, so every cue stays short)."""

AFTER_MISSTEP_CUES: tuple[str, ...] = ("{name} goes very still.", "{name}'s face closes.")
AFTER_ATTUNED_CUES: tuple[str, ...] = ("{name} breathes out slowly.", "{name} looks at you.")

# How any partner answers each family of moves, by heat; a withdrawing partner who is hot
# says a few flat words instead. They back up the reaction lines taken from the closest
# shipped persona, so a learner's card answers what was said.
_SHARED_REACTIONS: dict[str, dict[Heat, tuple[str, ...]]] = {
    "minimizing": {
        "wary": ("It might be small to you. It doesn't feel small to me.",),
        "cool": ("Maybe it sounds small now. It still mattered to me.",),
    },
    "explaining": {
        "wary": ("I get that you had your reasons. I'm not ready for them yet.",),
        "cool": ("Okay. That makes sense of it. I just needed to be heard first.",),
    },
    "fixing": {
        "wary": ("Can we not fix it yet? I still feel raw.",),
        "cool": ("Okay. That could work. Let's think about it together.",),
    },
    "correcting": {
        "wary": ("Maybe the details were different. That's not really the point.",),
        "cool": ("Maybe I got a detail wrong. It's how it felt that matters to me.",),
    },
    "defending_intent": {
        "wary": ("I know you didn't mean it. It still hurt.",),
        "cool": ("I believe you didn't mean it. I just needed you to hear me first.",),
    },
    "counter_attack": {
        "wary": ("That stings. I came to you with this and now I'm the problem?",),
        "cool": ("Ouch. That felt unfair, right when we were getting somewhere.",),
    },
    "turning_away": {
        "wary": ("Okay. So you're done talking. That's kind of the whole problem.",),
        "cool": ("Oh. I thought we were actually getting somewhere.",),
    },
    "reflecting": {
        "wary": ("Yeah. That's pretty much what it was like.",),
        "cool": ("Yes. That's it exactly. You actually get it.",),
    },
    "validating": {
        "wary": ("Okay. It helps to hear that I'm not being ridiculous.",),
        "cool": ("That helps. I don't feel so silly about it now.",),
    },
    "support": {
        "wary": ("Okay. That means something. I'm still a bit shaky.",),
        "cool": ("That helps more than anything. I didn't want to be alone in it.",),
    },
    "questions": {
        "wary": ("Honestly? It was a lot. I'm still working out how to say it.",),
        "cool": ("I think mostly I felt alone with it.",),
    },
    "repair": {
        "wary": ("Okay. Thanks for catching that. Go on.",),
        "cool": ("It's okay. I know that came out wrong.",),
    },
    "owning_impact": {
        "wary": ("Okay. I needed you to say that without a 'but'.",),
        "cool": ("Thank you for owning it. That means a lot to me.",),
    },
    "inviting_solutions": {
        "wary": ("Maybe later. I'm not really there yet.",),
        "cool": ("Yes. Let's work out together what we'd do next time.",),
    },
    "nothing_recognised": {
        "wary": ("Hm. Okay.",),
        "cool": ("Okay. I'm listening.",),
    },
}

_HOT_REACTIONS: dict[Style, dict[str, tuple[str, ...]]] = {
    Style.PURSUE: {
        "minimizing": ("Don't tell me it's no big deal. It's a big deal to me!",),
        "explaining": ("I don't want the reasons right now! I want you to hear me!",),
        "fixing": ("I don't need a plan right now! I need you to get how this feels!",),
        "correcting": ("Stop going over the details! That's not the point!",),
        "defending_intent": ("I didn't say you meant it! I said it hurt!",),
        "counter_attack": ("Don't turn this around on me!",),
        "turning_away": ("Don't walk away from this! That's exactly the problem!",),
        "reflecting": ("Yes! That's exactly what it was like!",),
        "validating": ("It does make sense! I'm not making this up!",),
        "support": ("Okay. You're here. I'm still really wound up, though.",),
        "questions": ("You really want to know? It was awful!",),
        "repair": ("Okay. I'm listening. Just hear me out first.",),
        "owning_impact": ("Okay. At least you're not making excuses. I'm still upset!",),
        "inviting_solutions": ("I don't want to plan anything right now! I want you to hear me!",),
        "nothing_recognised": ("I'm still waiting for you to actually hear me!",),
    },
    Style.WITHDRAW: {
        "minimizing": ("Right. It was nothing.",),
        "explaining": ("Okay. You had your reasons.",),
        "fixing": ("Not now.",),
        "correcting": ("Fine. Your version, then.",),
        "defending_intent": ("Okay. You didn't mean it.",),
        "counter_attack": ("Okay. I'll stop talking, then.",),
        "turning_away": ("Fine.",),
        "reflecting": ("Yeah. Maybe.",),
        "validating": ("Maybe.",),
        "support": ("Okay. Just don't push.",),
        "questions": ("I don't know.",),
        "repair": ("Mm. Go on.",),
        "owning_impact": ("Yeah. You did.",),
        "inviting_solutions": ("I don't want to plan anything.",),
        "nothing_recognised": ("...",),
    },
}

REACTION_LINES: dict[Style, dict[str, dict[Heat, tuple[str, ...]]]] = {
    style: {
        family: {"hot": hot[family], **_SHARED_REACTIONS[family]} for family in _SHARED_REACTIONS
    }
    for style, hot in _HOT_REACTIONS.items()
}
"""Plain reaction lines any partner could say, by style, move family and heat."""


def _words(value: object) -> set[str]:
    if isinstance(value, str):
        return set(re.findall(r"[a-z']+", value.lower()))
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return set().union(*(_words(v) for v in value))
    return set()


@functools.cache
def stock_words() -> frozenset[str]:
    """Every word the stock lines use: a partner named with one would seem to say its name."""
    tables = (ZONE_LINES, SOFTER_LINES, FEELS_LINES, CUE_LINES, AFTER_MISSTEP_CUES)
    return frozenset(_words((*tables, AFTER_ATTUNED_CUES, REACTION_LINES)))

"""Plain lines any partner could say, by style and zone, and by softer feeling.

They back up the lines taken from the closest shipped persona, so a learner's card always has
something in character to say in every zone. Written for attune; each passes the output guard
in its zone (tested).
"""

from __future__ import annotations

from simulator.domain.zones import Zone
from simulator.personas.card import SofterEmotion, Style

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

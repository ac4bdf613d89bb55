"""Ask-mode coaching: the steps of asking for attunement, hints by stage, debrief tips.

The project's own wording of the first source document's closing advice (ask in a
way that invites closeness instead of triggering defensiveness: comfort first, an
invitation to reflect before problem-solving) and of Gottman's gentle start-up and
turning toward.
"""

from __future__ import annotations

from simulator.domain.zones import Zone
from simulator.modes.ask.moves import AskMove
from simulator.modes.base import AnyMove, Coaching, Step

# (id, label, moves) for each step of asking for attunement, in order.
ASK_STEP_TABLE: tuple[tuple[str, str, frozenset[AskMove]], ...] = (
    ("soft", "Start softly, from your side", frozenset({AskMove.SOFT_STARTUP})),
    ("need", "Name what you need", frozenset({AskMove.NAME_NEED})),
    ("invite", "Invite them to reflect back", frozenset({AskMove.INVITE_REFLECTION})),
    ("appreciate", "Notice when they turn toward you", frozenset({AskMove.APPRECIATE})),
)

# Hints by the partner's stage (the zone the engine's numbers fall in).
ASK_HINTS: dict[Zone, tuple[str, ...]] = {
    Zone.FLOODED: (
        "They are defending their case. Drop the verdict and speak from your side: "
        "\"I'm not attacking you. I'm having a hard time and I want you with me.\"",
        "Take the 'always' and 'never' out. Say what you feel, not what they are: "
        '"I feel alone with this right now."',
        "Breathe before the next message. A calmer request gets a calmer partner.",
    ),
    Zone.ESCALATED: (
        "They are jumping to logic. Name what you need instead of correcting them: "
        '"I\'m not asking you to fix it. I just need you with me for a minute."',
        'Ask them to slow down with you: "Can you slow down with me for a second?"',
        'Say comfort comes first: "I think I need comfort first, then we can talk solutions."',
    ),
    Zone.GUARDED: (
        "They are starting to listen. Invite them to say back what they heard: "
        '"Can you tell me what you hear me saying before we problem-solve?"',
        'Be specific about what would help: "What would help most is if you just sat with me."',
        'If they slowed down, notice it: "Thank you, that helps."',
    ),
    Zone.SETTLING: (
        'They are reflecting. Tell them it lands: "Yes, that\'s it. Thank you for hearing me."',
        "Say a little more about the feeling now that they are with you.",
        'Name the next thing you need, still gently: "Can you just stay here with me a bit?"',
    ),
    Zone.REGULATED: (
        "They have turned toward you. Appreciate it out loud; that keeps it coming: "
        '"That means a lot to me."',
        'Now solutions can be welcome, if you want them: "I feel better. Want to think about '
        'what to do together?"',
        "Tell them what worked, for next time: "
        '"When you slow down like this, I feel close to you."',
    ),
}

ASK_REPAIR_HINT = (
    "Your last message landed as an attack or a retreat. Try again, softer: say how you feel "
    "and what you need, not what they did: \"Let me say that again. I'm hurting, and I need "
    'you with me."'
)

ASK_TIPS: dict[AnyMove, str] = {
    AskMove.CRITICIZE: "Swap 'you always / you never' for how it feels on your side: 'When "
    "you jump to logic, I feel alone.'",
    AskMove.CONTEMPT: "Sarcasm makes them defend, not listen. Say the hurt plainly instead: "
    "'That answer left me feeling unheard.'",
    AskMove.DEMAND: "Ask rather than order: 'Could you slow down with me?' invites, 'Just "
    "listen!' pushes.",
    AskMove.WITHDRAW: "Stay with the request one more turn before giving up: 'I'm not asking you "
    "to fix it. I just need you to be with me.'",
}

ASK_STEP_TIPS: dict[str, str] = {
    "soft": "Open from your side: 'I've had a hard day and I'm feeling shaky.'",
    "need": "Say what would help: 'I need comfort first, then we can talk solutions.'",
    "invite": "Invite them to reflect: 'Can you tell me what you hear before we problem-solve?'",
    "appreciate": "When they do turn toward you, notice it: 'Thank you. That's what I needed.'",
}

# For a session with little to correct: the asker's own next steps, never a listener's.
ASK_FALLBACK_TIPS: tuple[str, ...] = (
    "Vary how you ask: the same request repeated starts to sound rehearsed. "
    "Say the feeling and the need in your own words: 'I'm worn out, and I need you with me.'",
    "Try the same scene at a harder intensity, or with a partner who goes quiet when asked.",
)

ASK_STEPS: tuple[Step, ...] = tuple(
    Step(step_id, label, frozenset(moves)) for step_id, label, moves in ASK_STEP_TABLE
)

# The step each trap passes over: what to ask with instead.
ASK_INSTEAD: dict[AnyMove, str] = {
    AskMove.CRITICIZE: "soft",
    AskMove.CONTEMPT: "soft",
    AskMove.DEMAND: "invite",
    AskMove.WITHDRAW: "need",
}

# How to show each helpful way of asking, for a message that came close but was not recognised.
ASK_NUDGES: dict[AnyMove, str] = {
    AskMove.SOFT_STARTUP: "try starting from your side: how you feel, not what they did",
    AskMove.NAME_NEED: "try naming what would help: comfort first, or just listening",
    AskMove.INVITE_REFLECTION: "try asking them to say back what they heard before they solve it",
    AskMove.APPRECIATE: "try thanking them for what they just did",
}

ASK_COACHING = Coaching(
    steps=ASK_STEPS,
    hints=ASK_HINTS,
    repair_hint=ASK_REPAIR_HINT,
    tips=ASK_TIPS,
    step_tips=ASK_STEP_TIPS,
    fallback_tips=ASK_FALLBACK_TIPS,
    instead=ASK_INSTEAD,
    nudges=ASK_NUDGES,
)

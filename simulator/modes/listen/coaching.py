"""Listen mode's coaching: the six steps as a checklist, hints by zone, debrief tips.

Every line here is the project's own wording of the six steps in the first source
document (be present, steady yourself, reflect, validate, support before solutions,
solve later) and of Gottman's ATTUNE.
"""

from __future__ import annotations

from simulator.domain.zones import Zone
from simulator.modes.base import AnyMove, Coaching, Step
from simulator.modes.listen.moves import Move

SOLVING = frozenset({Move.INVITE_SOLUTIONS, Move.FIX})

STEPS: tuple[Step, ...] = (
    # The second document's awareness step (read their cues, connect them to feelings)
    # is part of turning toward them: noticing is attention made visible.
    Step("present", "Be present", frozenset({Move.PRESENCE, Move.NOTICE})),
    Step(
        "steady",
        "Stay steady, not defensive",
        frozenset({Move.ACKNOWLEDGE_IMPACT, Move.REPAIR}),
        after_a_slip=True,
    ),
    Step("reflect", "Reflect what you heard", frozenset({Move.REFLECT, Move.OPEN_QUESTION})),
    Step("validate", "Validate the feeling", frozenset({Move.VALIDATE})),
    Step("support", "Support before solutions", frozenset({Move.SUPPORT, Move.ASK_NEED})),
    Step("solve", "Solve once settled", SOLVING, settled_only=True),
)

# Hints by zone: what tends to help next, each with a line the learner could adapt.
ZONE_HINTS: dict[Zone, tuple[str, ...]] = {
    Zone.FLOODED: (
        "They are flooded: too upset to take in reasons. Say less and slow down. "
        "Show you are here: \"I'm not going anywhere. I'm listening.\"",
        "Name the feeling you can see, without explaining: "
        '"You\'re really upset, and I want to understand."',
        "Steady yourself first: one slow breath before you answer. Your calm is the first signal "
        "that it is safe.",
    ),
    Zone.ESCALATED: (
        "Reflect before anything else: say back what they told you, in their words. "
        '"So it sounds like the waiting felt awful."',
        "Hold your reasons for later. If you slipped, own it: "
        '"I jumped to explaining. Let me start again."',
        "Tell them the feeling makes sense, even if you remember it differently: "
        '"I can see why that hurt."',
    ),
    Zone.GUARDED: (
        "They are watching whether it is safe. Validate: "
        '"That makes sense. Anyone would feel that way."',
        "Ask them to say more, with a question they cannot answer yes or no: "
        '"What was that like for you?"',
        "Own the impact without defending what you meant: "
        '"Whatever I intended, it landed badly, and that matters."',
    ),
    Zone.SETTLING: (
        'Offer support before any solution: "I\'m here with you."',
        'Ask what they need right now: "Do you want comfort right now, or ideas later?"',
        "Stay with the feeling a little longer; the softer part often comes out now. "
        '"Is there more underneath this?"',
    ),
    Zone.REGULATED: (
        "They have settled. Problem-solving can be welcome now, as a question: "
        '"Would it help to talk about what we could do next time?"',
        'Check the connection before moving on: "Do you feel like I get it now?"',
        'Say what you appreciate about them telling you: "Thank you for telling me how that felt."',
    ),
}

REPAIR_HINT = (
    "Your last message landed badly. You can catch it out loud and start again: "
    '"Sorry, that came out defensive. What I want to say is that I hear you."'
)


TIPS: dict[AnyMove, str] = {
    Move.EXPLAIN: "Hold your reasons until they feel heard. Reflect first; explain only if they "
    "ask, once they have settled.",
    Move.MINIMIZE: "Leave out words that shrink the feeling ('not a big deal', 'calm down'). "
    "Try naming the feeling instead: 'That really got to you.'",
    Move.CORRECT_FACTS: "When you remember it differently, validate the feeling before the facts: "
    "'I can see why it felt that way to you.'",
    Move.FIX: "Save advice for later. Ask first: 'Do you want comfort right now, or ideas later?'",
    Move.INTENT_DEFENSE: "Talk about how it landed, not what you meant: 'Whatever I intended, it "
    "hurt, and that matters to me.'",
    Move.COUNTER_ATTACK: "When you feel blamed, breathe before answering. Your own complaint can "
    "wait for a calmer moment.",
    Move.TURN_AWAY: "Stay in the conversation even when it is uncomfortable: 'I'm here. Tell me "
    "more.'",
}

STEP_TIPS: dict[str, str] = {
    "present": "Open by turning toward them: 'I'm putting my phone down. I'm listening.'",
    "steady": "Own the impact without defending: 'I see how that landed, and I'm sorry.'",
    "reflect": "Say back what you heard before anything else: 'It sounds like you felt...'",
    "validate": "Tell them the feeling makes sense: 'I get why you'd feel that way.'",
    "support": "Offer support before any solution: 'I'm here with you. What do you need?'",
    "solve": "Once they have settled, invite problem-solving as a question: 'Would it help to "
    "plan for next time?'",
}


FALLBACK_TIPS: tuple[str, ...] = (
    "Vary your wording: the same phrase repeated starts to sound scripted. "
    "Reflect their exact words instead.",
    "Try the same scene at a harder intensity, or with a partner who withdraws.",
)

# The step each mistake passes over: what the documents would have the learner do instead.
INSTEAD: dict[AnyMove, str] = {
    Move.EXPLAIN: "reflect",
    Move.MINIMIZE: "validate",
    Move.CORRECT_FACTS: "validate",
    Move.FIX: "support",
    Move.INTENT_DEFENSE: "steady",
    Move.COUNTER_ATTACK: "steady",
    Move.TURN_AWAY: "present",
    Move.INVITE_SOLUTIONS: "support",
}

# How to show each helpful move, for a message that came close but was not recognised.
NUDGES: dict[AnyMove, str] = {
    Move.PRESENCE: "try setting distractions aside and saying plainly that you are listening",
    Move.NOTICE: "try naming what you see in them, gently: 'You seem tense. What's going on?'",
    Move.REFLECT: "try saying back what you heard in their words",
    Move.VALIDATE: "try telling them the feeling makes sense",
    Move.SUPPORT: "try telling them you are with them in this",
    Move.ASK_NEED: "try asking what they need from you right now",
    Move.OPEN_QUESTION: "try a question they cannot answer yes or no: 'What was that like?'",
    Move.REPAIR: "try naming your misstep out loud and starting again",
    Move.ACKNOWLEDGE_IMPACT: "try owning how it landed, without what you meant",
    Move.INVITE_SOLUTIONS: "try asking, as a question, whether they want to plan what could change",
}

COACHING = Coaching(
    steps=STEPS,
    hints=ZONE_HINTS,
    repair_hint=REPAIR_HINT,
    tips=TIPS,
    step_tips=STEP_TIPS,
    fallback_tips=FALLBACK_TIPS,
    instead=INSTEAD,
    nudges=NUDGES,
)

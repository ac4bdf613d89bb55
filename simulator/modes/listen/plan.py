"""Listen mode's reply plan: each move's family, the heat of each zone, and the plan's words.

What each misstep makes the partner feel comes from the documents: minimizing makes them
feel dismissed, explaining too fast unheard, early fixing rushed, correcting the facts
turns it into an argument about details, defending intent moves the talk to the
learner; reflecting and validating make them feel understood.
"""

from __future__ import annotations

from simulator.domain.zones import Zone
from simulator.modes.base import AnyMove, Planning
from simulator.modes.listen.moves import Move
from simulator.replyplan import Stance

FAMILIES: dict[AnyMove, str] = {
    Move.PRESENCE: "support",
    # Naming what they see in you ("you look wrecked") is heard as being seen, like a reflection.
    Move.NOTICE: "reflecting",
    Move.REFLECT: "reflecting",
    Move.VALIDATE: "validating",
    Move.SUPPORT: "support",
    # "What do you need? I can make tea or just sit" is an offer of support, answered as
    # one; the questions family's lines recount the scene, which answers nothing it asked.
    Move.ASK_NEED: "support",
    Move.OPEN_QUESTION: "questions",
    Move.REPAIR: "repair",
    Move.ACKNOWLEDGE_IMPACT: "owning_impact",
    Move.INVITE_SOLUTIONS: "inviting_solutions",
    Move.EXPLAIN: "explaining",
    Move.MINIMIZE: "minimizing",
    Move.CORRECT_FACTS: "correcting",
    Move.FIX: "fixing",
    Move.INTENT_DEFENSE: "defending_intent",
    Move.COUNTER_ATTACK: "counter_attack",
    Move.TURN_AWAY: "turning_away",
}

SAID: dict[AnyMove, str] = {
    Move.PRESENCE: "They just turned toward you and gave you their full attention.",
    Move.NOTICE: "They just noticed how you look or sound right now and said so.",
    Move.REFLECT: "They just said back, in their own words, what this was like for you.",
    Move.VALIDATE: "They just told you your feeling makes sense.",
    Move.SUPPORT: "They just told you they are with you in this.",
    Move.ASK_NEED: "They just asked what you need right now.",
    Move.OPEN_QUESTION: "They just asked you to tell them more.",
    Move.REPAIR: "They just caught their own misstep and started again, more slowly.",
    Move.ACKNOWLEDGE_IMPACT: "They just owned what their part did to you, without excuses.",
    Move.INVITE_SOLUTIONS: "They just asked whether you want to work out what could change.",
    Move.EXPLAIN: (
        "They just explained their reasons before hearing how you feel. "
        "You feel unheard: the reasons can wait."
    ),
    Move.MINIMIZE: (
        "They just told you it is not a big deal. It is a big deal to you, and you feel dismissed."
    ),
    Move.CORRECT_FACTS: (
        "They just argued about what really happened. "
        "Now it is an argument about details, not about how it felt."
    ),
    Move.FIX: (
        "They just jumped to advice before you felt heard. "
        "You feel rushed, like a problem to solve."
    ),
    Move.INTENT_DEFENSE: (
        "They just defended what they meant. The talk has moved to them, away from you."
    ),
    Move.COUNTER_ATTACK: "They just turned it around and blamed you. You feel attacked.",
    Move.TURN_AWAY: "They just brushed you off and turned away from the talk. You feel shut out.",
}

TAKES: dict[Stance, str] = {
    "push_back": "Push back: say what it is like for you, and do not warm up or thank them.",
    "stay_guarded": (
        "Stay guarded: nothing they said has reached you yet, so do not warm up or thank them."
    ),
    "soften": "It reaches you a little: soften a bit, still honest about what hurt.",
    "open_up": "It reaches you: let the softer feeling underneath show now.",
    "turn_to_solutions": "You feel heard: you are ready to think together about what could change.",
}

LISTEN_PLANNING = Planning(
    families=FAMILIES,
    heat={
        Zone.FLOODED: "hot",
        Zone.ESCALATED: "hot",
        Zone.GUARDED: "wary",
        Zone.SETTLING: "cool",
        Zone.REGULATED: "cool",
    },
    said=SAID,
    nothing_said="They just said something that did not reach you either way.",
    takes=TAKES,
)

"""Ask mode's reply plan: each request's family, the heat of each stage, and the plan's words.

The three traps that draw defensiveness (criticism, contempt, demands) share one family,
as the documents group them; giving up on the request is turning away. A partner who
jumps to fixes is hot while defending or explaining, wary while starting to listen.
"""

from __future__ import annotations

from simulator.domain.zones import Zone
from simulator.modes.ask.moves import AskMove
from simulator.modes.base import AnyMove, Planning
from simulator.replyplan import Stance

FAMILIES: dict[AnyMove, str] = {
    # Speaking gently from one's own side owns the feeling as one's own, no blame.
    AskMove.SOFT_STARTUP: "owning_impact",
    AskMove.NAME_NEED: "support",
    AskMove.INVITE_REFLECTION: "reflecting",
    AskMove.APPRECIATE: "validating",
    AskMove.CRITICIZE: "counter_attack",
    AskMove.CONTEMPT: "counter_attack",
    AskMove.DEMAND: "counter_attack",
    AskMove.WITHDRAW: "turning_away",
}

SAID: dict[AnyMove, str] = {
    AskMove.SOFT_STARTUP: "They just told you gently how they feel, without blaming you.",
    AskMove.NAME_NEED: "They just told you plainly what would help: comfort first, not a fix.",
    AskMove.INVITE_REFLECTION: "They just asked you to slow down and say back what you heard.",
    AskMove.APPRECIATE: "They just thanked you for slowing down and being with them.",
    AskMove.CRITICIZE: "They just criticised you for how you always help. You feel attacked.",
    AskMove.CONTEMPT: "They just mocked your way of helping. You feel looked down on.",
    AskMove.DEMAND: "They just ordered you to stop and listen. You feel pushed around.",
    AskMove.WITHDRAW: "They just gave up on asking and pulled away. You don't know what to do.",
}

TAKES: dict[Stance, str] = {
    "push_back": "Defend yourself: you were only trying to help, and you say so.",
    "stay_guarded": "Stay practical: keep to your reasons and plans, and do not warm up yet.",
    "soften": "It reaches you a little: slow down, hold back the fixes and listen.",
    "open_up": "It reaches you: admit the feeling under your fixing.",
    "turn_to_solutions": "Offer ideas only if they want them; comfort comes first.",
}

ASK_PLANNING = Planning(
    families=FAMILIES,
    heat={
        Zone.FLOODED: "hot",  # defending
        Zone.ESCALATED: "hot",  # explaining
        Zone.GUARDED: "wary",  # listening
        Zone.SETTLING: "cool",  # reflecting
        Zone.REGULATED: "cool",  # turned toward
    },
    said=SAID,
    nothing_said="They just said something that did not land with you either way.",
    takes=TAKES,
    solutions_welcome=False,
    pushes_back_on_blame=False,
    answer_first=frozenset({AskMove.NAME_NEED}),
)

"""The ask-mode move set: how the learner asks a partner for attunement.

In ask mode the learner is the one who needs support, and the persona is a
partner who jumps to logic, explanations or fixes. The moves trace to the first
source document's closing section (asking in a way that invites closeness
instead of triggering defensiveness) and to Gottman's ATTUNE; the traps are the
ways a request turns into an attack (criticism, contempt) or a retreat.
"""

from __future__ import annotations

from enum import StrEnum

from simulator.modes.base import MoveInfo


class AskMove(StrEnum):
    """A move the learner can make when asking for attunement; values are public ids."""

    SOFT_STARTUP = "soft_startup"
    NAME_NEED = "name_need"
    INVITE_REFLECTION = "invite_reflection"
    APPRECIATE = "appreciate"
    CRITICIZE = "criticize"
    CONTEMPT = "contempt"
    DEMAND = "demand"
    WITHDRAW = "withdraw"


_INFO: tuple[MoveInfo, ...] = (
    MoveInfo(
        AskMove.SOFT_STARTUP,
        "attuned",
        "Soft start-up",
        "started softly",
        "Opens gently and speaks from their own side: 'I feel...', 'I'm having a hard time...', "
        "rather than leading with what the partner did wrong.",
        "Ask in a way that invites closeness",
        "Non-defensive responding (invited)",
    ),
    MoveInfo(
        AskMove.NAME_NEED,
        "attuned",
        "Name the need",
        "named the need",
        "Says plainly what would help right now: comfort or company first, solutions later; "
        "'I'm not asking you to fix it'.",
        "Comfort first, then solutions",
        "Empathy (asked for)",
    ),
    MoveInfo(
        AskMove.INVITE_REFLECTION,
        "attuned",
        "Invite reflection",
        "invited reflection",
        "Asks the partner to slow down and say back what they heard before problem-solving.",
        "Reflect what you hear before we problem-solve",
        "Understanding (asked for)",
    ),
    MoveInfo(
        AskMove.APPRECIATE,
        "attuned",
        "Appreciate",
        "appreciated",
        "Notices out loud when the partner does turn toward them: 'thank you, that helps'.",
        "Turning toward, noticed and reinforced",
        "Turning toward",
    ),
    MoveInfo(
        AskMove.CRITICIZE,
        "misattuned",
        "Criticizing",
        "criticized",
        "Makes the request a verdict on the partner: 'you always', 'you never', what is wrong "
        "with them.",
        "Trap: a request that triggers defensiveness",
        "Non-defensive responding (provoked)",
    ),
    MoveInfo(
        AskMove.CONTEMPT,
        "misattuned",
        "Contempt",
        "showed contempt",
        "Sarcasm, mockery, eye-rolling words or insults: the request arrives from above.",
        "Trap: a request that triggers defensiveness",
        "Tolerance (missed)",
    ),
    MoveInfo(
        AskMove.DEMAND,
        "misattuned",
        "Demanding",
        "demanded",
        "Orders instead of asks: 'just listen', 'stop talking', ultimatums.",
        "Trap: a request that triggers defensiveness",
        "Turning toward (pushed, not invited)",
    ),
    MoveInfo(
        AskMove.WITHDRAW,
        "misattuned",
        "Withdrawing",
        "withdrew",
        "Gives up on the request: 'never mind', 'forget it', 'fine, whatever', going quiet.",
        "Trap: not asking at all",
        "Turning toward (missed)",
    ),
)

ASK_MOVE_INFO: dict[AskMove, MoveInfo] = {AskMove(info.move): info for info in _INFO}
ASK_HELPFUL: frozenset[AskMove] = frozenset(
    m for m, i in ASK_MOVE_INFO.items() if i.polarity == "attuned"
)
ASK_TRAPS: frozenset[AskMove] = frozenset(ASK_MOVE_INFO) - ASK_HELPFUL

"""The fixed taxonomy of learner moves, and how each maps to the source documents.

Every move traces to a step or a mistake named in the seed documents, and to a
letter of Gottman's ATTUNE (Awareness, Turning toward, Tolerance, Understanding,
Non-defensive responding, Empathy).
"""

from __future__ import annotations

from enum import StrEnum

from simulator.modes.base import MoveInfo
from simulator.modes.base import Polarity as Polarity


class Move(StrEnum):
    """A move the learner can make; the values are the public ids."""

    PRESENCE = "presence"
    NOTICE = "notice"
    REFLECT = "reflect"
    VALIDATE = "validate"
    SUPPORT = "support"
    ASK_NEED = "ask_need"
    OPEN_QUESTION = "open_question"
    REPAIR = "repair"
    ACKNOWLEDGE_IMPACT = "acknowledge_impact"
    INVITE_SOLUTIONS = "invite_solutions"
    EXPLAIN = "explain"
    MINIMIZE = "minimize"
    CORRECT_FACTS = "correct_facts"
    FIX = "fix"
    INTENT_DEFENSE = "intent_defense"
    COUNTER_ATTACK = "counter_attack"
    TURN_AWAY = "turn_away"


_INFO: tuple[MoveInfo, ...] = (
    MoveInfo(
        Move.PRESENCE,
        "attuned",
        "Presence",
        "showed up",
        "Turns toward the partner: sets distractions aside, gives attention, "
        "or steadies their own breathing before answering.",
        "1-2. Set distractions aside; steady yourself first",
        "Turning toward",
    ),
    MoveInfo(
        Move.NOTICE,
        "attuned",
        "Notice their cues",
        "noticed their cues",
        "Names what they see or hear in the partner (a look, the voice, tears, silence, not "
        "looking up) or the state it suggests: 'You seem really tense.'",
        "Awareness: read their cues and connect them to feelings",
        "Awareness",
    ),
    MoveInfo(
        Move.REFLECT,
        "attuned",
        "Reflect",
        "reflected",
        "Says back what the partner seems to have felt or meant, in their terms.",
        "3. Reflect what you heard",
        "Understanding",
    ),
    MoveInfo(
        Move.VALIDATE,
        "attuned",
        "Validate",
        "validated",
        "Tells the partner their feeling makes sense, even when the learner "
        "remembers things differently.",
        "4. Validate the emotion",
        "Tolerance / Empathy",
    ),
    MoveInfo(
        Move.SUPPORT,
        "attuned",
        "Support",
        "offered support",
        "Offers closeness and steadiness: I'm with you, take your time, you're not alone.",
        "5. Offer support before solutions",
        "Empathy",
    ),
    MoveInfo(
        Move.ASK_NEED,
        "attuned",
        "Ask what they need",
        "asked what they need",
        "Asks what the partner needs right now: listening, comfort, or ideas later.",
        "5. Offer support before solutions",
        "Turning toward",
    ),
    MoveInfo(
        Move.OPEN_QUESTION,
        "attuned",
        "Open question",
        "asked an open question",
        "Invites the partner to say more with a question that cannot be answered yes or no.",
        "3. Reflect what you heard (active listening)",
        "Awareness / Understanding",
    ),
    MoveInfo(
        Move.REPAIR,
        "attuned",
        "Repair",
        "repaired",
        "Catches their own misstep out loud and starts again more slowly.",
        "Restart after a mistake",
        "Non-defensive responding",
    ),
    MoveInfo(
        Move.ACKNOWLEDGE_IMPACT,
        "attuned",
        "Own the impact",
        "owned the impact",
        "Owns the effect their action had, without arguing about what they meant.",
        "Attunement is not defending your intent",
        "Non-defensive responding",
    ),
    MoveInfo(
        Move.INVITE_SOLUTIONS,
        "attuned",
        "Invite problem-solving",
        "invited problem-solving",
        "Proposes, as a question, to move on to what could change. Welcome once "
        "things have settled; too early, it lands as dismissal.",
        "6. Save problem-solving for later",
        "Understanding",
    ),
    MoveInfo(
        Move.EXPLAIN,
        "misattuned",
        "Explaining too fast",
        "explained too fast",
        "Jumps to reasons and circumstances before the feeling has been heard.",
        "Mistake: explaining too fast",
        "Non-defensive responding (missed)",
    ),
    MoveInfo(
        Move.MINIMIZE,
        "misattuned",
        "Minimizing",
        "minimized",
        "Shrinks the feeling: not a big deal, calm down, you're overreacting.",
        "Mistake: minimizing",
        "Tolerance (missed)",
    ),
    MoveInfo(
        Move.CORRECT_FACTS,
        "misattuned",
        "Correcting the facts",
        "corrected the facts",
        "Argues about what really happened instead of how it felt.",
        "Mistake: correcting the facts",
        "Tolerance (missed)",
    ),
    MoveInfo(
        Move.FIX,
        "misattuned",
        "Fixing early",
        "jumped to fixing",
        "Gives advice or solutions before the partner has settled.",
        "Mistake: problem-solving early",
        "Understanding (missed)",
    ),
    MoveInfo(
        Move.INTENT_DEFENSE,
        "misattuned",
        "Defending your intent",
        "defended their intent",
        "Makes it about what they meant or who they are rather than how it landed.",
        "Mistake: making it about your intention",
        "Non-defensive responding (missed)",
    ),
    MoveInfo(
        Move.COUNTER_ATTACK,
        "misattuned",
        "Counter-attack",
        "counter-attacked",
        "Turns the complaint around, blames back, or answers with contempt or sarcasm.",
        "Responding with defensiveness instead of warmth",
        "Non-defensive responding (missed)",
    ),
    MoveInfo(
        Move.TURN_AWAY,
        "misattuned",
        "Turning away",
        "turned away",
        "Refuses to engage, changes the subject, or shuts the conversation down.",
        "Presence (missed)",
        "Turning toward (missed)",
    ),
)

MOVE_INFO: dict[Move, MoveInfo] = {Move(info.move): info for info in _INFO}
ATTUNED: frozenset[Move] = frozenset(m for m, i in MOVE_INFO.items() if i.polarity == "attuned")
MISATTUNED: frozenset[Move] = frozenset(MOVE_INFO) - ATTUNED


def is_attuned(move: Move) -> bool:
    """True for the moves that follow the attunement steps."""
    return move in ATTUNED

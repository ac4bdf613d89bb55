"""Ask mode's `attune personas try` checks: soft requests turn the partner toward, traps do not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.domain.zones import zone_for
from simulator.modes.ask.words import ASK_WORDS

if TYPE_CHECKING:
    from simulator.evals.tryout import TryCheck
    from simulator.personas.card import PersonaCard

# The learner asks for support. Generic wordings, not tied to any scene.
SOFT_ASKS = [
    "I've had a really hard day and I'm feeling low.",
    "I don't need a plan right now. I just need you with me for a bit.",
    "Before we work anything out, can you tell me what you hear me saying?",
    "Thank you. That helps more than you know.",
    "It means a lot that you slowed down with me.",
    "I feel closer to you when you listen like this.",
    "I'm still a bit shaky, but I feel less alone.",
    "Could you just sit with me a little longer?",
    "Thank you for hearing me out.",
    "I really appreciate you being here.",
    "I feel better. Maybe we can talk about next steps later.",
    "Thanks for staying with me.",
]
TRAPS = [
    "You always do this. You never just listen.",
    "Oh great, another lecture. So helpful.",
    "Stop talking and just do what I asked.",
    "Why do you never get it?",
    "Typical. Of course you'd say that.",
]


def ask_tryout(card: PersonaCard, intensity: str) -> list[TryCheck]:
    """The ask-mode checks: soft, specific requests turn the partner toward you; traps don't."""
    # Imported here: the tryout machinery imports the session stack, which asks the registry
    # (and this module is imported while the ask mode registers).
    from simulator.evals.cases import DynamicsExpect
    from simulator.evals.tryout import (
        SETTLE_LIMIT,
        check_named,
        first_settled,
        play,
        scene_case,
        softer_check,
        tried,
    )

    soft = play(
        scene_case(
            card,
            "soft-asks",
            intensity,
            DynamicsExpect(
                settles_within=SETTLE_LIMIT, softens=True, softens_after_connection=True
            ),
            turns=SOFT_ASKS,
        ),
        card,
    )
    base = card.baseline
    settles = check_named(soft, "settles_within")
    slow = first_settled(soft) != 1 and not zone_for(base.arousal).is_settled
    out = [
        tried(
            "turns-toward-when-asked-softly",
            settles.passed,
            f"soft, specific requests (defensiveness as arousal): {settles.detail}",
            f"lower sensitivity (now {card.sensitivity:g}) or baseline.defensiveness "
            f"(now {base.arousal:g}); asking well should reach reflecting within a scene",
        ),
        tried(
            "not-at-once",
            slow,
            f"after one soft request: {ASK_WORDS.stage(soft.turns[0].zone)} "
            f"(defensiveness {base.arousal:g} -> {soft.turns[0].arousal:g})",
            f"raise baseline.defensiveness (now {base.arousal:g}); one request should "
            "not undo the habit of fixing",
        ),
    ]
    traps = play(
        scene_case(
            card,
            "traps",
            intensity,
            DynamicsExpect(escalates=True, never_settles=True, softens=False),
            turns=TRAPS,
        ),
        card,
    )
    escalates, never = check_named(traps, "escalates"), check_named(traps, "never_settles")
    ok = escalates.passed and never.passed
    out.append(
        tried(
            "traps-make-them-defend",
            ok,
            f"criticism, contempt and demands: {escalates.detail}",
            f"raise sensitivity (now {card.sensitivity:g}) or lower "
            f"baseline.defensiveness (now {base.arousal:g}) so the traps land",
        )
    )
    out.append(softer_check(card, soft))
    return out

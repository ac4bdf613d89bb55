"""Ask mode's scripted learners for the eval: askers who follow or break the advice.

Like listen mode's policies, each draws among several wordings per move with a
generator seeded by the run's seed and the case id, so a rerun is identical.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from simulator.modes.ask.moves import AskMove
from simulator.modes.base import Policy, PolicyCase

# Wordings per move, in the project's own words, each classified as its move
# (tests/test_modes.py checks this).
ASK_WORDINGS: dict[AskMove, tuple[str, ...]] = {
    AskMove.SOFT_STARTUP: (
        "I'm having a hard time today and I feel shaky.",
        "I feel really low tonight.",
        "I'm struggling with something and I feel alone with it.",
    ),
    AskMove.NAME_NEED: (
        "I'm not asking you to fix it.",
        "I think I need comfort first, then we can talk solutions.",
        "What would help most is if you just sat with me.",
    ),
    AskMove.INVITE_REFLECTION: (
        "Can you tell me what you hear me saying before we problem-solve?",
        "Could you say back what you heard?",
    ),
    AskMove.APPRECIATE: (
        "Thank you, that helps.",
        "That means a lot to me.",
    ),
    AskMove.CRITICIZE: (
        "You always jump to fixing things.",
        "You never just listen to me.",
    ),
    AskMove.CONTEMPT: (
        "Oh great, another lecture. Brilliant.",
        "Wow, what a genius solution.",
    ),
    AskMove.DEMAND: (
        "Just listen to me!",
        "Stop talking and listen.",
    ),
    AskMove.WITHDRAW: (
        "Never mind.",
        "Forget it.",
    ),
}

HELPFUL_SEQUENCE: tuple[AskMove, ...] = (
    AskMove.SOFT_STARTUP,
    AskMove.NAME_NEED,
    AskMove.INVITE_REFLECTION,
    AskMove.APPRECIATE,
)
TRAP_SEQUENCE: tuple[AskMove, ...] = (
    AskMove.CRITICIZE,
    AskMove.DEMAND,
    AskMove.CONTEMPT,
    AskMove.WITHDRAW,
)


def _say(moves: Sequence[AskMove], case: PolicyCase, seed: int) -> list[str]:
    rng = random.Random(f"{seed}:{case.id}")
    left: dict[AskMove, list[str]] = {}
    out = []
    for move in moves:
        if not left.get(move):
            left[move] = list(ASK_WORDINGS[move])
            rng.shuffle(left[move])
        out.append(left[move].pop())
    return out


def _cycle(moves: Sequence[AskMove], count: int) -> list[AskMove]:
    return [moves[i % len(moves)] for i in range(count)]


def attuned(case: PolicyCase, seed: int) -> list[str]:
    """Start softly, name the need, invite reflection, appreciate; then again."""
    return _say(_cycle(HELPFUL_SEQUENCE, case.policy_turns), case, seed)


def misattuned(case: PolicyCase, seed: int) -> list[str]:
    """The traps in turn: criticize, demand, contempt, withdraw."""
    return _say(_cycle(TRAP_SEQUENCE, case.policy_turns), case, seed)


def repair(case: PolicyCase, seed: int) -> list[str]:
    """A trap first, then the helpful sequence from a soft start-up."""
    moves = [AskMove.CRITICIZE, *_cycle(HELPFUL_SEQUENCE, max(0, case.policy_turns - 1))]
    return _say(moves[: case.policy_turns], case, seed)


def parrot(case: PolicyCase, seed: int) -> list[str]:
    """One stock request, every single turn."""
    phrase = random.Random(f"{seed}:{case.id}").choice(ASK_WORDINGS[AskMove.NAME_NEED])
    return [phrase] * case.policy_turns


ASK_POLICIES: dict[str, Policy] = {
    "attuned": attuned,
    "misattuned": misattuned,
    "repair": repair,
    "parrot": parrot,
}

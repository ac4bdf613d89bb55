"""Listen mode's scripted learners for the eval: listeners who follow or break the steps.

Each policy picks among several wordings per step with a generator seeded by the
run's seed and the case id, so one attuned arc does not parrot itself (repeated
wording wears off in the engine) while a rerun with the same seed is identical.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from simulator.modes.base import Policy, PolicyCase
from simulator.modes.listen.moves import Move

# Wordings per move, in the project's own words, each classified as its move
# (tests/test_eval_cases.py checks this). Every wording's trigger span differs, so
# an arc that never reuses a wording never wears a phrase out.
WORDINGS: dict[Move, tuple[str, ...]] = {
    # Steps 1-2: eliminate distractions, regulate yourself first.
    Move.PRESENCE: (
        "Let me put my phone away so I can really listen.",
        "I'm turning everything off. You have my full attention.",
        "Let me take a breath first. I want to hear you.",
    ),
    # Step 3: reflect what you heard.
    Move.REFLECT: (
        "So what I'm hearing is that this really hurt.",
        "It sounds like you felt completely on your own with it.",
        "If I'm getting this right, it landed as me not caring.",
    ),
    # Step 4: validate the emotion.
    Move.VALIDATE: (
        "That makes sense to me.",
        "I can see why that would hurt.",
        "I get why you'd feel that way.",
        "Of course you're upset. Anyone would be.",
    ),
    # Step 5: offer support before solutions.
    Move.SUPPORT: (
        "I'm here with you. I'm not going anywhere.",
        "You don't have to go through this alone. I'm with you.",
        "Take your time. I'm staying right here.",
    ),
    Move.ASK_NEED: (
        "What do you need from me right now?",
        "Do you want me to just listen, or would ideas help later?",
        "Tell me what would help most in this moment.",
    ),
    # Active listening: open questions rather than yes/no.
    Move.OPEN_QUESTION: (
        "What was that like for you?",
        "Can you tell me more about how it felt?",
        "Tell me more about what happened for you.",
    ),
    # Step 6: problem-solving, offered as a question once things have settled.
    Move.INVITE_SOLUTIONS: (
        "Now that we're calmer, do you want to talk about what we could do differently next time?",
        "Are you open to figuring out a plan together, now that we've talked it through?",
    ),
    # The documents' mistakes.
    Move.EXPLAIN: (
        "Let me explain what was going on for me.",
        "Well, I had a lot going on today.",
        "The reason is that things got really hectic.",
    ),
    Move.MINIMIZE: (
        "It's not that serious.",
        "Relax, it's not a big deal.",
        "Come on, it's not the end of the world.",
    ),
    Move.CORRECT_FACTS: (
        "That's not how it happened.",
        "That isn't what happened, though.",
        "I remember it differently, that's not how it went.",
    ),
    Move.FIX: (
        "Here's what you should do.",
        "Maybe you should just talk to them about it.",
        "What you need to do is take a step back and plan.",
    ),
    Move.INTENT_DEFENSE: (
        "I would never do that to you.",
        "I would never try to hurt you.",
        "My intentions were good.",
    ),
    # Restarting after a mistake, as the documents suggest.
    Move.REPAIR: (
        "Sorry, I went straight into fixing. Let me slow down and just listen.",
        "Wait, I started defending myself. Let me try that again.",
        "I brushed that off just now, and that wasn't fair. Let me start over.",
        "Sorry, I rushed into explaining. Let me slow down and listen first.",
    ),
}

# The repair that names the misstep it follows, as the documents' restart line does.
REPAIR_FOR: dict[Move, str] = {
    Move.FIX: WORDINGS[Move.REPAIR][0],
    Move.INTENT_DEFENSE: WORDINGS[Move.REPAIR][1],
    Move.MINIMIZE: WORDINGS[Move.REPAIR][2],
    Move.EXPLAIN: WORDINGS[Move.REPAIR][3],
}

# The documents' sequence: presence, reflect, validate, support, ask the need; then
# keep listening (reflect, validate, open questions, support) until things settle.
ATTUNED_SEQUENCE: tuple[Move, ...] = (
    Move.PRESENCE,
    Move.REFLECT,
    Move.VALIDATE,
    Move.SUPPORT,
    Move.ASK_NEED,
    Move.REFLECT,
    Move.VALIDATE,
    Move.OPEN_QUESTION,
    Move.SUPPORT,
    Move.VALIDATE,
    Move.OPEN_QUESTION,
    Move.PRESENCE,
)
MISATTUNED_SEQUENCE: tuple[Move, ...] = (
    Move.EXPLAIN,
    Move.MINIMIZE,
    Move.CORRECT_FACTS,
    Move.FIX,
    Move.INTENT_DEFENSE,
)
# The attuned policy only proposes problem-solving at the end of an arc this long,
# when the steps before it have had time to settle the partner.
INVITE_MIN_TURNS = 6
# The documents' verbatim scripts, one of which the parrot repeats every turn.
STOCK_PHRASES: tuple[str, ...] = (
    "That makes sense to me.",
    "I can see why that would hurt.",
    "I'm here with you. I'm not going anywhere.",
)


class _Picker:
    """Draws wordings per move without reuse until a move's wordings run out."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._left: dict[Move, list[str]] = {}

    def say(self, move: Move) -> str:
        left = self._left.get(move)
        if not left:
            left = list(WORDINGS[move])
            self._rng.shuffle(left)
            self._left[move] = left
        return left.pop()


def _rng(case: PolicyCase, seed: int) -> random.Random:
    return random.Random(f"{seed}:{case.id}")


def _cycle(moves: Sequence[Move], count: int) -> list[Move]:
    return [moves[i % len(moves)] for i in range(count)]


def _attuned_moves(count: int) -> list[Move]:
    if count < INVITE_MIN_TURNS:
        return _cycle(ATTUNED_SEQUENCE, count)
    return [*_cycle(ATTUNED_SEQUENCE, count - 1), Move.INVITE_SOLUTIONS]


def attuned(case: PolicyCase, seed: int) -> list[str]:
    """The documents' steps in order, then an invitation to problem-solve at the end."""
    picker = _Picker(_rng(case, seed))
    return [picker.say(m) for m in _attuned_moves(case.policy_turns)]


def misattuned(case: PolicyCase, seed: int) -> list[str]:
    """The documents' mistakes in turn: explain, minimize, correct facts, fix, defend intent."""
    picker = _Picker(_rng(case, seed))
    return [picker.say(m) for m in _cycle(MISATTUNED_SEQUENCE, case.policy_turns)]


def fix_early(case: PolicyCase, seed: int) -> list[str]:
    """Two turns of unasked-for fixing, then the attuned steps."""
    picker = _Picker(_rng(case, seed))
    fixes = min(2, case.policy_turns)
    moves = [Move.FIX] * fixes + _cycle(ATTUNED_SEQUENCE, case.policy_turns - fixes)
    return [picker.say(m) for m in moves]


def repair(case: PolicyCase, seed: int) -> list[str]:
    """A misstep, a repair right after it naming the misstep, then the attuned steps."""
    rng = _rng(case, seed)
    picker = _Picker(rng)
    misstep = rng.choice(sorted(REPAIR_FOR))
    turns = [picker.say(misstep), REPAIR_FOR[misstep]]
    turns += [picker.say(m) for m in _cycle(ATTUNED_SEQUENCE, max(0, case.policy_turns - 2))]
    return turns[: case.policy_turns]


def parrot(case: PolicyCase, seed: int) -> list[str]:
    """One stock phrase from the documents' scripts, every single turn."""
    phrase = _rng(case, seed).choice(STOCK_PHRASES)
    return [phrase] * case.policy_turns


POLICIES: dict[str, Policy] = {
    "attuned": attuned,
    "misattuned": misattuned,
    "fix-early": fix_early,
    "repair": repair,
    "parrot": parrot,
}

"""Which learner turns an eval case plays: its own scripted turns, or its mode's named policy.

The policies themselves (scripted learners that follow or break the steps) belong to
each practice mode (`Mode.policies`); a case names one and the persona's mode plays it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from simulator.modes import PolicyCase, get_mode


class ScriptedCase(PolicyCase, Protocol):
    """What choosing a case's learner turns reads: its own turns, or its policy's name."""

    @property
    def turns(self) -> Sequence[str]: ...

    @property
    def policy(self) -> str | None: ...


def learner_turns(case: ScriptedCase, seed: int, mode: str = "listen") -> list[str]:
    """The learner's turns for a case: its scripted `turns`, or its mode's policy for this seed."""
    if case.turns:
        return list(case.turns)
    assert case.policy is not None  # the case validator guarantees one or the other
    return get_mode(mode).policies[case.policy](case, seed)

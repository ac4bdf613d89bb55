"""The reply plan: what the engine decided the next partner reply must do.

The engine decides (deterministic code in each practice mode builds the plan from the
turn's outcome); the voice only speaks: the authored voice picks a reaction line that
answers the plan, the model voice is told the plan in plain words, and the guard checks
the reply against it.
"""

from simulator.replyplan.model import (
    ATTUNED_FAMILIES,
    FAMILIES,
    MISSTEP_FAMILIES,
    Heat,
    Reaction,
    ReplyPlan,
    Stance,
)

__all__ = [
    "ATTUNED_FAMILIES",
    "FAMILIES",
    "MISSTEP_FAMILIES",
    "Heat",
    "Reaction",
    "ReplyPlan",
    "Stance",
]

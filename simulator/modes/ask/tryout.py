"""Ask mode's `attune personas try` checks: soft requests turn the partner toward, traps do not."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.personas.card import PersonaCard


def ask_tryout(card: PersonaCard, intensity: Any) -> list[Any]:
    """The ask-mode checks, played by the eval's tryout machinery."""
    # Imported here: the tryout machinery imports the session stack, which asks the registry.
    from simulator.evals.tryout import ask_checks

    return list(ask_checks(card, intensity))

"""The reply plan schema, shared by the modes, the voices and the guard."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Stance = Literal["push_back", "stay_guarded", "soften", "open_up", "turn_to_solutions"]
"""How the partner takes the turn. The plan decides it; the voice may not soften on its own:
`push_back` (hot, answers a misstep), `stay_guarded` (wary, nothing earned yet),
`soften` (a little warmer after an attuned move), `open_up` (the softer feeling comes out),
`turn_to_solutions` (settled, ready to plan together)."""

Heat = Literal["hot", "wary", "cool"]
"""How heated the partner is, the key of a card's reaction lines (from the zone or stage)."""

FAMILIES: tuple[str, ...] = (
    # Missteps: what the documents say each one makes the partner feel.
    "minimizing",
    "explaining",
    "fixing",
    "correcting",
    "defending_intent",
    "counter_attack",
    "turning_away",
    # Attuned moves.
    "reflecting",
    "validating",
    "support",
    "questions",
    "repair",
    "owning_impact",
    "inviting_solutions",
    # No move recognised.
    "nothing_recognised",
)
"""The move families a card's reactions are keyed by; each mode maps its moves onto them."""

MISSTEP_FAMILIES: frozenset[str] = frozenset(FAMILIES[: FAMILIES.index("reflecting")])
"""The families of missteps, whose reaction lines name what the learner did wrong."""

ATTUNED_FAMILIES: frozenset[str] = frozenset(
    FAMILIES[FAMILIES.index("reflecting") : FAMILIES.index("inviting_solutions")]
)
"""The families of attuned moves, which a partner may meet warily but never defensively."""


class Reaction(BaseModel):
    """What the partner is reacting to: the move that mattered most this turn."""

    model_config = ConfigDict(frozen=True)

    family: str
    """One of FAMILIES."""
    move: str | None = None
    """The mode's move id, or None when nothing was recognised."""
    words: str | None = None
    """The learner's words that carried it (the move's span), or None."""
    clear: bool = True
    """Whether the learner's words carry the move plainly: a rule's read or a confident
    learned one, and for a misstep not said in the same breath as an attuned move. A
    reply names a misstep only when it is clear."""


class ReplyPlan(BaseModel):
    """What the next partner reply must do, decided by the engine after a turn."""

    model_config = ConfigDict(frozen=True)

    mode: str
    """The practice mode (listen or ask)."""
    place: str
    """The zone (listen) or stage (ask) the reply voices."""
    heat: Heat
    reacting_to: Reaction
    stance: Stance
    reveal_softer: bool = False
    """True when the softer feeling underneath comes out in this reply."""
    softer_line: str | None = None
    """The card's line that carries it, when `reveal_softer`."""
    max_sentences: int = Field(default=3, ge=1, le=6)
    """The length budget."""

"""What the guard checks a reply against."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from simulator.domain.zones import Zone
from simulator.replyplan.model import ReplyPlan

MAX_CHARS = 450
MAX_SENTENCES = 5


class GuardContext(BaseModel):
    """What a reply is checked against."""

    model_config = ConfigDict(frozen=True)

    name: str
    """The persona's name (its own `Name:` label is tidied away, not rejected)."""
    style: str
    """`pursue` or `withdraw`."""
    zone: Zone
    """The zone the engine decided for this turn."""
    learner: str = ""
    """The learner's message the reply answers."""
    instructions: str = ""
    """Prompt text the persona must never repeat."""
    scene: str = ""
    """Text the persona may echo even though the prompt contains it (the scene, its lines)."""
    previous: list[str] = []
    """The persona's earlier replies in this conversation."""
    max_chars: int = MAX_CHARS
    max_sentences: int = MAX_SENTENCES
    mode: str = "listen"
    """The practice mode: in `ask` the persona is the one being asked for support, so
    supportive lines are in character and asking for support is the learner's part."""
    card_text: str = ""
    """Everything the card says (scenario, lines, reactions; `sense.card_text`): the words
    a reply may draw on. Empty: the foreign-to-the-scene check has nothing to go on."""
    said: list[str] = []
    """The learner's earlier messages in this conversation."""
    plan: ReplyPlan | None = None
    """The engine's reply plan for this turn, when there is one: the stance check needs it."""

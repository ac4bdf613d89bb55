"""What the classifier returns: moves, and the spans of text behind them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from simulator.modes import AnyMove, MoveId

CLEAR_READ = 0.9
"""A learned tag below this probability is a guess: the partner answers the gist of the
message, the debrief does not blame it, and a misstep guessed on words a rule already
read as a misstep is not counted twice."""


class Span(BaseModel):
    """A stretch of the learner's message that signalled a move."""

    model_config = ConfigDict(frozen=True)

    move: MoveId
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    """The learned layer's probability for a tag it added; None for a rule's tag."""


class Guess(BaseModel):
    """The move the learned layer thought most likely when it was not sure enough to tag it."""

    # Stored with the turn and read back from the database: nan there is refused.
    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    move: MoveId
    confidence: float = Field(ge=0.0, le=1.0)
    text: str
    """The learner's words the guess rests on (a clause or the whole message)."""


class Classification(BaseModel):
    """The moves found in one learner message, in order of first appearance."""

    model_config = ConfigDict(frozen=True)

    text: str
    moves: list[MoveId]
    spans: list[Span]
    judged: list[MoveId] = Field(default_factory=list)
    """Moves an optional LLM judge added that the rules had missed."""
    closest: Guess | None = None
    """The move the learned layer thought most likely when it was not sure enough to tag
    it; None when nothing came close (or no learned layer ran)."""

    def spans_for(self, move: AnyMove) -> list[Span]:
        """The spans that signalled one move."""
        return [s for s in self.spans if s.move == move]

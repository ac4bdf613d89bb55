"""What every voice takes and gives: a reply request, a streamed reply, a guard record."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from simulator.engine.state import TurnOutcome
from simulator.guard.context import GuardContext
from simulator.guard.reasons import Finding
from simulator.personas.card import PersonaCard
from simulator.replyplan import ReplyPlan


class Exchange(BaseModel):
    """One earlier learner message and the partner's reply to it."""

    model_config = ConfigDict(frozen=True)

    learner: str
    partner: str


class ReplyRequest(BaseModel):
    """Everything a voice needs to answer one learner message."""

    model_config = ConfigDict(frozen=True)

    card: PersonaCard
    outcome: TurnOutcome
    """The engine's verdict: the state the reply must voice."""
    learner: str
    """The message being answered."""
    opening: str
    """The persona's first line of the scene."""
    history: list[Exchange] = Field(default_factory=list)
    """Earlier exchanges, oldest first."""
    plan: ReplyPlan | None = None
    """What the engine decided the reply must do; None: the voice asks the engine itself."""


GuardResult = Literal["pass", "retry", "fallback"]


class GuardRecord(BaseModel):
    """How the output guard treated one turn's reply, and why."""

    model_config = ConfigDict(frozen=True)

    result: GuardResult = "pass"
    """`pass`: first reply used; `retry`: second reply used; `fallback`: authored line used."""
    trimmed: bool = False
    """True when the used reply was cut at its last in-character sentence."""
    reasons: list[str] = Field(default_factory=list)
    """What each rejected or trimmed attempt did wrong, with the words that showed it."""
    attempts: int = 0
    """Model calls made for this turn (0 for authored lines)."""


class Attempt(BaseModel):
    """One model attempt at a reply as the model wrote it, with the guard's context and verdict.

    `raw` is what the model streamed before the gate stopped it (the whole attempt when
    nothing stopped it): what an eval judges for the model's own first-attempt rates.
    """

    model_config = ConfigDict(frozen=True)

    number: int
    """1 for the first attempt, 2 for the stricter retry."""
    raw: str
    context: GuardContext
    findings: list[Finding] = Field(default_factory=list)
    """Why the gate held the attempt back (empty: it was shown whole)."""


class Reply(BaseModel):
    """The partner's finished reply to one turn."""

    model_config = ConfigDict(frozen=True)

    text: str
    guard: GuardRecord = Field(default_factory=GuardRecord)
    latency_s: float = 0.0
    """Seconds from the request to the last word (0 for authored lines)."""
    first_text_s: float | None = None
    """Seconds until the first words could be shown."""


class ReplyStream:
    """An async iterator of reply text; once exhausted, `.reply` holds the finished Reply.

    Text is yielded only after the guard let it through, so whatever a UI shows
    is part of the final reply.
    """

    def __init__(self, produce: Callable[[ReplyStream], AsyncIterator[str]]) -> None:
        self._chunks = produce(self)
        self._reply: Reply | None = None

    def __aiter__(self) -> AsyncIterator[str]:
        return self._chunks

    def finish(self, reply: Reply) -> None:
        """Called by the producer when the reply is complete."""
        self._reply = reply

    @property
    def reply(self) -> Reply:
        """The finished reply (only after the stream is exhausted)."""
        if self._reply is None:
            raise RuntimeError("the reply stream has not finished yet")
        return self._reply

    async def collect(self) -> Reply:
        """Drain the stream and return the finished reply."""
        async for _ in self._chunks:
            pass
        return self.reply

    async def aclose(self) -> None:
        """Stop early (the model stops decoding)."""
        close = getattr(self._chunks, "aclose", None)
        if close is not None:
            await close()


class Voice(Protocol):
    """Gives the engine's state words; never decides it."""

    name: str

    def opening(self) -> str:
        """The persona's first line of the scene."""
        ...

    def stream(self, request: ReplyRequest) -> ReplyStream:
        """The reply to one learner message, streamed."""
        ...

"""A practice session: learner turns through the classifier, the engine and a voice."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from simulator.classifier import Classification, Guess, Span, classify
from simulator.engine import Effect, Engine, PartnerState, TurnOutcome
from simulator.engine.plan import plan_reply
from simulator.modes import MoveId
from simulator.personas.card import PersonaCard
from simulator.replyplan import ReplyPlan
from simulator.safety import (
    DEFAULT_RESOURCES,
    Distress,
    SafetyLevel,
    SafetyMark,
    check_in_message,
    detect_distress,
    pause_message,
)
from simulator.turns.cues import pick_cue
from simulator.turns.learner_input import clean_message
from simulator.voices.base import Exchange, GuardRecord, Reply, ReplyRequest, ReplyStream, Voice
from simulator.voices.scripted import ScriptedVoice, recent_replies


class TurnRecord(BaseModel):
    """One exchange: what the learner said, what it did, and the partner's reply."""

    # Records are read back from the database: a value edited to nan or 1e308 there is
    # refused on reading, not drawn.
    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    index: int
    user: str
    moves: list[MoveId]
    spans: list[Span]
    arousal: float = Field(ge=0.0, le=100.0)
    connection: float = Field(ge=0.0, le=100.0)
    zone: str
    reply: str
    softened: bool
    surfaced_now: bool
    effects: list[Effect]
    guard: GuardRecord
    latency_s: float
    first_text_s: float | None = None
    safety: SafetyMark | None = None
    """Set when attune stepped out of the scene instead of the partner answering (not scored):
    `pause` on a clear sign of real distress (help shown), `check_in` on an uncertain one
    (attune asked if the learner was okay)."""
    safety_kind: str | None = None
    """What the distress was about (self_harm, danger, abuse) on a pause or check-in."""
    closest: Guess | None = None
    """The classifier's closest guess when it was not sure enough to tag a move (None in
    sessions saved before it existed, and when nothing came close)."""
    cue: str | None = None
    """The partner's non-verbal cue shown under the reply (posture, gaze, voice), from the
    card's cues; None when the card has none that fit, on a safety turn, and in sessions
    saved before cues existed."""
    plan: ReplyPlan | None = None
    """What the engine decided the reply must do (None on a safety turn, and in sessions
    saved before plans existed)."""

    @classmethod
    def build(
        cls,
        user: str,
        found: Classification,
        outcome: TurnOutcome,
        reply: Reply,
        distress: Distress | None = None,
        cue: str | None = None,
        plan: ReplyPlan | None = None,
    ) -> TurnRecord:
        """Assemble a record from the classifier's, the engine's and the voice's results."""
        after = outcome.after
        return cls(
            index=after.turn,
            user=user,
            moves=found.moves,
            spans=found.spans,
            arousal=round(after.arousal, 1),
            connection=round(after.connection, 1),
            zone=after.zone.value,
            reply=reply.text,
            softened=after.softened,
            surfaced_now=outcome.surfaced_now,
            effects=outcome.effects,
            guard=reply.guard,
            latency_s=reply.latency_s,
            first_text_s=reply.first_text_s,
            safety=_MARKS[distress.level] if distress else None,
            safety_kind=distress.kind.value if distress else None,
            closest=found.closest,
            cue=None if distress else cue,
            plan=plan,
        )

    def public_json(self) -> dict[str, Any]:
        """The turn in the documented JSON shape shared by `replay --json` and the exports."""
        return {
            "index": self.index,
            "user": self.user,
            "moves": [m.value for m in self.moves],
            "spans": [s.model_dump(mode="json") for s in self.spans],
            "arousal": self.arousal,
            "connection": self.connection,
            "zone": self.zone,
            "softened": self.softened,
            "surfaced_now": self.surfaced_now,
            "reply": self.reply,
            "guard": self.guard.result,
            "guard_trimmed": self.guard.trimmed,
            "guard_reasons": self.guard.reasons,
            "latency_s": self.latency_s,
            "safety": self.safety,
            "effects": [
                {
                    "move": e.move.value,
                    "span": e.span,
                    "arousal": round(e.arousal, 1),
                    "connection": round(e.connection, 1),
                    "reasons": e.reasons,
                }
                for e in self.effects
            ],
            "closest": None if self.closest is None else self.closest.model_dump(mode="json"),
            "cue": self.cue,
            "plan": None if self.plan is None else self.plan.model_dump(mode="json"),
        }


_MARKS: dict[SafetyLevel, SafetyMark] = {
    SafetyLevel.PAUSE: "pause",
    SafetyLevel.CHECK_IN: "check_in",
}


class PendingTurn(BaseModel):
    """A learner message the engine has judged, waiting for the partner's reply."""

    model_config = ConfigDict(frozen=True)

    text: str
    found: Classification
    outcome: TurnOutcome
    request: ReplyRequest
    distress: Distress | None = None
    """Set when the message may speak of real distress: the scene holds on this turn, and
    attune pauses the practice (a clear sign) or checks in (an uncertain one)."""


class Session:
    """Holds the state of one conversation and the turns so far; rewind is exact.

    A turn is `prepare` (classifier and engine: instant, deterministic), then the
    voice's reply stream, then `commit`. `respond` does all three.
    """

    def __init__(
        self,
        card: PersonaCard,
        voice: Voice,
        intensity: float = 1.0,
        classifier: Callable[[str], Classification] | None = None,
        resources: str = DEFAULT_RESOURCES,
        safety: Callable[[str], Distress | None] = detect_distress,
        seed: int | None = None,
    ) -> None:
        self.card = card
        self.voice = voice
        # The reply plan's choices (when the softer feeling shows, which line carries it)
        # use the voice's seed, so a voice's own fallback lines agree with the plan.
        self.seed: int = seed if seed is not None else getattr(voice, "seed", 0)
        self.engine = Engine(card, intensity=intensity)
        # The rules of the card's practice mode unless a caller brings its own.
        self.classifier = classifier or partial(classify, mode=card.mode)
        self.resources = resources
        self.safety = safety
        self.start = self.engine.start()
        self.opening = voice.opening()
        self._states: list[PartnerState] = [self.start]
        self.turns: list[TurnRecord] = []
        # What the partner heard so far, kept alongside the turns so that preparing a
        # turn does not rebuild it (that made long sessions quadratic).
        self._heard: list[Exchange] = []

    @property
    def state(self) -> PartnerState:
        """The partner's state after the latest turn."""
        return self._states[-1]

    @property
    def checked_in(self) -> bool:
        """True once attune has asked, in this conversation as it stands, if the learner is okay."""
        return any(t.safety == "check_in" for t in self.turns)

    def state_before(self, index: int) -> PartnerState:
        """The state the learner's turn `index` (1-based) was said in."""
        return self._states[index - 1]

    def prepare(self, text: str) -> PendingTurn:
        """Classify the message and step the engine; the state is decided here.

        The message is cleaned first (control characters removed); an empty or
        over-long one raises MessageError and changes nothing.

        A message that may speak of real distress is not scored and not answered in
        character: the state stays as it was and the turn becomes a pause (a clear
        sign) or a check-in (an uncertain one). A conversation is checked in on once:
        after that, uncertain signs stay in the scene; clear ones still pause.
        """
        text = clean_message(text)
        distress = self.safety(text)
        if distress is not None and distress.level is SafetyLevel.CHECK_IN and self.checked_in:
            # Asked already: asking on every "I'm not okay" would keep breaking a scene the
            # learner said was only the scene (in ask mode such lines are the practice).
            distress = None
        if distress is not None:
            found = Classification(text=text, moves=[], spans=[])
            held = self.state.model_copy(update={"turn": self.state.turn + 1})
            outcome = TurnOutcome(before=self.state, after=held, effects=[], surfaced_now=False)
        else:
            found = self.classifier(text)
            outcome = self.engine.step(self.state, found)
        request = ReplyRequest(
            card=self.card,
            outcome=outcome,
            learner=text,
            opening=self.opening,
            history=self._heard,
            plan=None if distress is not None else plan_reply(self.card, outcome, self.seed),
        )
        return PendingTurn(
            text=text, found=found, outcome=outcome, request=request, distress=distress
        )

    def safety_reply(self, pending: PendingTurn) -> Reply:
        """attune's out-of-character note for a turn that stepped out of the scene."""
        distress = pending.distress
        assert distress is not None
        if distress.level is SafetyLevel.CHECK_IN:
            return Reply(text=check_in_message(self.card.name))
        return Reply(text=pause_message(distress, self.card.name, self.resources))

    def reply_stream(self, pending: PendingTurn) -> ReplyStream:
        """The voice's guarded reply to a prepared turn (attune's note on a safety turn)."""
        if pending.distress is not None:
            note = self.safety_reply(pending)

            async def produce(stream: ReplyStream) -> AsyncIterator[str]:
                yield note.text
                stream.finish(note)

            return ReplyStream(produce)
        return self.voice.stream(pending.request)

    def commit(self, pending: PendingTurn, reply: Reply) -> TurnRecord:
        """Record a finished turn; the session moves on to its state."""
        if pending.outcome.before != self.state:
            raise ValueError("this turn was prepared against an earlier state of the session")
        record = TurnRecord.build(
            pending.text,
            pending.found,
            pending.outcome,
            reply,
            pending.distress,
            cue=self._cue(pending),
            plan=pending.request.plan,
        )
        self._states.append(pending.outcome.after)
        self.turns.append(record)
        # A pause or check-in is outside the scene; the partner never hears it.
        if record.safety is None:
            self._heard.append(Exchange(learner=record.user, partner=record.reply))
        return record

    def _cue(self, pending: PendingTurn) -> str | None:
        if pending.distress is not None:
            return None  # attune stepped out of the scene: nobody is there to watch
        last = next((t.cue for t in reversed(self.turns) if t.cue), None)
        return pick_cue(self.card, pending.outcome, self.seed, last)

    async def respond_async(self, text: str) -> TurnRecord:
        """Run one learner message through classifier, engine and voice."""
        pending = self.prepare(text)
        reply = await self.reply_stream(pending).collect()
        return self.commit(pending, reply)

    def respond(self, text: str) -> TurnRecord:
        """Synchronous `respond_async`, for scripts and tests outside an event loop."""
        if isinstance(self.voice, ScriptedVoice):
            # Authored lines need no event loop; keep the fast path loop-free.
            pending = self.prepare(text)
            if pending.distress is not None:
                return self.commit(pending, self.safety_reply(pending))
            recent = recent_replies(pending.request)
            text = self.voice.reply(pending.outcome, pending.request.plan, recent, pending.text)
            return self.commit(pending, Reply(text=text))
        return asyncio.run(self.respond_async(text))

    def rewind(self) -> TurnRecord | None:
        """Take back the last exchange; returns it, or None at the start."""
        if not self.turns:
            return None
        self._states.pop()
        taken = self.turns.pop()
        if taken.safety is None:
            self._heard.pop()
        return taken

"""A practice session: learner turns through the classifier, the engine and a voice."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from simulator.classifier import Classification, Span, classify
from simulator.engine import Effect, Engine, PartnerState, TurnOutcome
from simulator.moves import Move
from simulator.personas.card import PersonaCard
from simulator.voices.scripted import ScriptedVoice


class TurnRecord(BaseModel):
    """One exchange: what the learner said, what it did, and the partner's reply."""

    model_config = ConfigDict(frozen=True)

    index: int
    user: str
    moves: list[Move]
    spans: list[Span]
    arousal: float
    connection: float
    zone: str
    reply: str
    softened: bool
    surfaced_now: bool
    effects: list[Effect]

    @classmethod
    def build(
        cls, user: str, found: Classification, outcome: TurnOutcome, reply: str
    ) -> TurnRecord:
        """Assemble a record from the classifier's and the engine's results."""
        after = outcome.after
        return cls(
            index=after.turn,
            user=user,
            moves=found.moves,
            spans=found.spans,
            arousal=round(after.arousal, 1),
            connection=round(after.connection, 1),
            zone=after.zone.value,
            reply=reply,
            softened=after.softened,
            surfaced_now=outcome.surfaced_now,
            effects=outcome.effects,
        )


class Session:
    """Holds the state of one conversation and the turns so far; rewind is exact."""

    def __init__(
        self,
        card: PersonaCard,
        voice: ScriptedVoice,
        intensity: float = 1.0,
        classifier: Callable[[str], Classification] = classify,
    ) -> None:
        self.card = card
        self.voice = voice
        self.engine = Engine(card, intensity=intensity)
        self.classifier = classifier
        self.start = self.engine.start()
        self.opening = voice.opening()
        self._states: list[PartnerState] = [self.start]
        self.turns: list[TurnRecord] = []

    @property
    def state(self) -> PartnerState:
        """The partner's state after the latest turn."""
        return self._states[-1]

    def respond(self, text: str) -> TurnRecord:
        """Run one learner message through classifier, engine and voice."""
        found = self.classifier(text)
        outcome = self.engine.step(self.state, found)
        record = TurnRecord.build(text, found, outcome, self.voice.reply(outcome))
        self._states.append(outcome.after)
        self.turns.append(record)
        return record

    def rewind(self) -> TurnRecord | None:
        """Take back the last exchange; returns it, or None at the start."""
        if not self.turns:
            return None
        self._states.pop()
        return self.turns.pop()

"""What the session store keeps: a session's settings, its turns, and the tries taken back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from simulator.modes import PracticeMode
from simulator.store.corrections import Correction
from simulator.store.ratings import Level
from simulator.turns.choices import read_legacy_feedback
from simulator.turns.session import TurnRecord
from simulator.turns.timing import FeedbackTiming


class SessionMeta(BaseModel):
    """How a practice session was set up; written once, when it starts."""

    # Read back from the database: nan or a huge number there is refused, not drawn.
    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    persona_id: str
    persona_name: str
    summary: str
    """The scenario in one sentence, as the picker showed it."""
    model: str
    intensity: str
    """`gentle`, `realistic` or `hard`."""
    feedback: FeedbackTiming = "after"
    """`live` (meter, gauges and hints during the talk), `after` (only in the debrief) or
    `real-talk` (no meter or gauges during the talk: only the words and the cues)."""
    practice_mode: PracticeMode = "listen"
    """`listen` (attune to an upset partner) or `ask` (ask a partner for attunement)."""
    seed: int = 0
    softer_emotion: str | None = None
    """The feeling under the surface, named in the debrief."""
    opening: str
    start_arousal: float = Field(ge=0.0, le=100.0)
    start_connection: float = Field(ge=0.0, le=100.0)
    start_zone: str
    started_at: datetime

    @model_validator(mode="before")
    @classmethod
    def _read_legacy(cls, data: Any) -> Any:
        # Exports and databases written before the rename say `mode: immersive|coached`.
        return read_legacy_feedback(data)


class SavedTurn(BaseModel):
    """A stored turn: the record, and whether the learner took it back (rewind)."""

    model_config = ConfigDict(frozen=True)

    record: TurnRecord
    rewound: bool = False
    saved_at: datetime


class SessionSummary(BaseModel):
    """One line of the sessions list."""

    model_config = ConfigDict(frozen=True)

    id: str
    meta: SessionMeta
    turns: int
    """Turns in the conversation as it stands (rewound tries excluded)."""
    ended_at: datetime | None = None
    last_arousal: float
    last_zone: str


class Note(BaseModel):
    """A note on a saved session: on one turn, or (turn 0) on the session as a whole."""

    model_config = ConfigDict(frozen=True)

    id: int
    """Stable per database; `attune sessions notes ID --delete NOTE` takes it."""
    turn: int = Field(ge=0)
    """The turn it is about (1-based); 0 for the whole session."""
    text: str
    created_at: datetime


class SavedSession(BaseModel):
    """A whole stored session, as `sessions show` and the debrief read it."""

    model_config = ConfigDict(frozen=True)

    id: str
    meta: SessionMeta
    ended_at: datetime | None = None
    turns: list[TurnRecord] = Field(default_factory=list)
    """The conversation as it stands, oldest first."""
    rewound: list[TurnRecord] = Field(default_factory=list)
    """Tries the learner took back, in the order they were made (what-if history)."""
    notes: list[Note] = Field(default_factory=list)
    """Notes on the session, by turn (0 first), oldest first within a turn."""
    corrections: list[Correction] = Field(default_factory=list)
    """Corrections of the conversation's tags, by turn, oldest first within a turn."""
    self_ratings: dict[str, Level] = Field(default_factory=dict)
    """The learner's rating of themselves, by step id in checklist order; empty when they
    skipped it (or the session predates it)."""

    def corrections_on(self, turn: int) -> list[Correction]:
        """The corrections of one turn's tags."""
        return [c for c in self.corrections if c.turn == turn]

    def notes_on(self, turn: int) -> list[Note]:
        """The notes on one turn (0: on the whole session)."""
        return [n for n in self.notes if n.turn == turn]

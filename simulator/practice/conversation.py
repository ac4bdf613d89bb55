"""A practice session as the TUI runs it: the conversation, saved turn by turn, with what-ifs.

The conversation lives in memory first; saving is queued and done by `flush()`,
which a UI runs off its event loop. A store that fails (disk full, locked file)
never costs the learner the conversation: the queue is kept and retried.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from simulator.classifier import Classification
from simulator.engine import INTENSITIES, PartnerState
from simulator.feedback.coaching import Feedback, feedback, hint, steps_shown
from simulator.feedback.debrief import Debrief, build_debrief
from simulator.modes import get_mode, words_for
from simulator.personas.card import PersonaCard
from simulator.safety import DEFAULT_RESOURCES, Distress, detect_distress
from simulator.store.corrections import CorrectionError, TagCorrection, TagFix, plan
from simulator.store.ratings import check_ratings
from simulator.store.records import SessionMeta
from simulator.store.sqlite import SessionStore
from simulator.support.errors import AttuneError
from simulator.turns.choices import PracticeSetup as PracticeSetup  # re-exported
from simulator.turns.session import PendingTurn, Session, TurnRecord
from simulator.turns.timing import REAL_TALK
from simulator.voices.base import Reply, ReplyStream, Voice


class WhatIf(BaseModel):
    """How a new try at a turn compares with the try that was taken back."""

    model_config = ConfigDict(frozen=True)

    index: int
    before_arousal: float
    before_connection: float
    first: TurnRecord
    now: TurnRecord
    mode: str = "listen"
    """The practice mode, whose words name the state."""

    def describe(self) -> str:
        """One line: where each try left the partner, in the mode's words."""
        words = words_for(self.mode)
        before = (self.before_arousal, self.before_connection)

        def leg(turn: TurnRecord) -> str:
            return words.what_if(before, (turn.arousal, turn.connection), turn.zone)

        gain = (self.first.arousal - self.now.arousal) + (
            self.now.connection - self.first.connection
        )
        verdict = "better" if gain > 1 else "worse" if gain < -1 else "about the same"
        return (
            f"Turn {self.index}, {verdict} than before. "
            f"Earlier try: {leg(self.first)}. This try: {leg(self.now)}."
        )


def session_meta(
    session: Session, setup: PracticeSetup, started_at: datetime | None = None
) -> SessionMeta:
    """How a session was set up, as the store keeps it (started now unless given)."""
    card, start = session.card, session.start
    return SessionMeta(
        persona_id=card.id,
        persona_name=card.name,
        summary=card.summary,
        model=setup.model,
        intensity=setup.intensity,
        feedback=setup.feedback,
        practice_mode=card.mode,
        seed=setup.seed,
        softer_emotion=card.underneath.emotion.value,
        opening=session.opening,
        start_arousal=start.arousal,
        start_connection=start.connection,
        start_zone=start.zone.value,
        started_at=started_at or datetime.now(UTC),
    )


_Op = (
    tuple[Literal["turn"], TurnRecord]
    | tuple[Literal["rewind"], int]
    | tuple[Literal["end"], None]
    | tuple[Literal["correct"], tuple[int, tuple[TagFix, ...]]]
    | tuple[Literal["rate"], dict[str, str]]
)


class Practice:
    """One learner's practice conversation, with saving, hints, feedback and rewind."""

    def __init__(
        self,
        card: PersonaCard,
        voice: Voice,
        setup: PracticeSetup,
        store: SessionStore | None = None,
        classifier: Callable[[str], Classification] | None = None,
        resources: str = DEFAULT_RESOURCES,
        safety: Callable[[str], Distress | None] = detect_distress,
    ) -> None:
        self.card = card
        self.setup = setup
        self.session = Session(
            card, voice, INTENSITIES[setup.intensity], classifier, resources, safety, setup.seed
        )
        self.meta = session_meta(self.session, setup)
        self.store = store
        self.id: str | None = None
        self.save_problem: str | None = None
        """The last saving error, until a later flush succeeds."""
        self.ended = False
        self._queue: list[_Op] = []
        self._lock = threading.Lock()
        self._taken_back: dict[int, list[TurnRecord]] = {}
        self._corrections: dict[int, list[TagCorrection]] = {}
        self._hints = 0
        self.self_ratings: dict[str, str] = {}
        """The learner's rating of themselves, once given (empty: not given or skipped)."""

    @property
    def state(self) -> PartnerState:
        """The partner's state now."""
        return self.session.state

    @property
    def turns(self) -> list[TurnRecord]:
        """The conversation as it stands."""
        return self.session.turns

    @property
    def opening(self) -> str:
        """The persona's first line."""
        return self.session.opening

    @property
    def live_feedback(self) -> bool:
        """True when feedback is shown during the talk, not only in the debrief."""
        return self.setup.feedback == "live"

    @property
    def real_talk(self) -> bool:
        """True when the partner's state is hidden during the talk (no meter, no gauges)."""
        return self.setup.feedback == REAL_TALK

    def prepare(self, text: str) -> PendingTurn:
        """Classify and step the engine (instant unless an LLM judge is configured)."""
        if self.ended:
            raise AttuneError("this session has ended")
        return self.session.prepare(text)

    @property
    def resources(self) -> str:
        """Where to find human help (the config file's `[safety] resources`)."""
        return self.session.resources

    def safety_reply(self, pending: PendingTurn) -> Reply:
        """attune's out-of-character note for a turn that may speak of real distress."""
        return self.session.safety_reply(pending)

    def stream(self, pending: PendingTurn) -> ReplyStream:
        """The partner's guarded reply, streamed."""
        return self.session.reply_stream(pending)

    def commit(self, pending: PendingTurn, reply: Reply) -> TurnRecord:
        """Keep a finished turn and queue it for saving."""
        record = self.session.commit(pending, reply)
        with self._lock:
            self._queue.append(("turn", record))
        return record

    def rewind(self) -> TurnRecord | None:
        """Take back the last exchange; the taken-back try is kept for the what-if."""
        record = self.session.rewind()
        if record is None:
            return None
        # A pause or check-in was no try at the conversation: nothing to compare with.
        if record.safety is None:
            self._taken_back.setdefault(record.index, []).append(record)
        # A correction belongs to the try it corrected (the store keeps it with that row).
        self._corrections.pop(record.index, None)
        with self._lock:
            self._queue.append(("rewind", record.index))
        return record

    @property
    def corrections(self) -> list[TagCorrection]:
        """Corrections of the conversation's tags as it stands, by turn."""
        return [c for index in sorted(self._corrections) for c in self._corrections[index]]

    def correct(self, index: int, fixes: Sequence[TagFix]) -> list[TagCorrection]:
        """Correct turn `index`'s tags now (queued for saving); returns its corrections.

        A CorrectionError names what cannot be corrected; nothing changes then.
        """
        if not 1 <= index <= len(self.turns):
            raise CorrectionError(
                f"there is no turn {index} to correct (turns 1 to {len(self.turns)})"
                if self.turns
                else "there are no turns yet to correct"
            )
        turn = self.turns[index - 1]
        done = plan(get_mode(self.card.mode), turn, self._corrections.get(index, []), fixes)
        if done.corrections:
            self._corrections[index] = done.corrections
        else:
            self._corrections.pop(index, None)
        with self._lock:
            self._queue.append(("correct", (index, tuple(fixes))))
        return done.corrections

    def what_if(self, record: TurnRecord) -> WhatIf | None:
        """Compare a turn with the latest try at it that was taken back, if any."""
        earlier = self._taken_back.get(record.index)
        if not earlier:
            return None
        before = self.session.state_before(record.index)
        return WhatIf(
            index=record.index,
            before_arousal=before.arousal,
            before_connection=before.connection,
            first=earlier[-1],
            now=record,
            mode=self.card.mode,
        )

    def feedback(self, record: TurnRecord) -> Feedback:
        """Live feedback on one turn of the current conversation."""
        before = self.session.state_before(record.index)
        shown = steps_shown(self.turns[: record.index], self.session.start.arousal, self.card.mode)
        return feedback(record, before.arousal, before.connection, self.card.mode, shown)

    def hint(self) -> str:
        """A next step for the current zone; asking again gives another."""
        text = hint(self.turns, self.session.start.arousal, self._hints, self.card.mode)
        self._hints += 1
        return text

    def reset_hints(self) -> None:
        """Start the hint rotation over (after the learner sends a message)."""
        self._hints = 0

    def end(self) -> Debrief:
        """Finish the session (queued for saving) and build the debrief."""
        if not self.ended:
            self.ended = True
            with self._lock:
                self._queue.append(("end", None))
        return self.debrief()

    def rate(self, ratings: Mapping[str, str]) -> None:
        """Keep the learner's rating of themselves (step id -> level), queued for saving.

        A RatingError names a step or level the session's mode does not have; nothing
        is queued then. Skipping is not calling this: nothing is stored.
        """
        checked: dict[str, str] = dict(check_ratings(self.card.mode, ratings))
        self.self_ratings = checked
        with self._lock:
            self._queue.append(("rate", dict(checked)))

    def debrief(self) -> Debrief:
        """The debrief of the conversation so far."""
        return build_debrief(self.meta, self.turns)

    @property
    def unsaved(self) -> int:
        """Changes not yet written to the store."""
        with self._lock:
            return len(self._queue) + (1 if self.store is not None and self.id is None else 0)

    def flush(self) -> bool:
        """Write queued changes in order; True when everything is saved.

        Safe to call from a worker thread; one flush runs at a time.
        """
        if self.store is None:
            return True
        with self._lock:
            try:
                if self.id is None:
                    self.id = self.store.create(self.meta)
                while self._queue:
                    self._apply(self.id, self._queue[0])
                    self._queue.pop(0)
            except AttuneError as exc:
                self.save_problem = str(exc)
                return False
            self.save_problem = None
            return True

    def _apply(self, session_id: str, op: _Op) -> None:
        assert self.store is not None
        if op[0] == "turn":
            self.store.add_turn(session_id, op[1])
        elif op[0] == "rewind":
            self.store.rewind(session_id, op[1])
        elif op[0] == "rate":
            self.store.rate(session_id, op[1])
        elif op[0] == "correct":
            # The saved turn was corrected elsewhere meanwhile (`sessions annotate`): what the
            # store holds stands, and this change must not hold back later turns.
            with contextlib.suppress(CorrectionError):
                self.store.correct(session_id, *op[1])
        else:
            self.store.end(session_id)

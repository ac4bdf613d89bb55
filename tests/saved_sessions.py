"""Build real practice sessions for the store, export and `attune sessions` tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from simulator.personas import PersonaCard
from simulator.safety import Distress, DistressKind, SafetyLevel, detect_distress
from simulator.store import SavedSession, SessionMeta, SessionStore
from simulator.turns.session import Session, TurnRecord
from simulator.voices import ScriptedVoice

CALM = (
    "I can see why that would hurt.",
    "No wonder you were scared. I'm here.",
    "That makes sense. What do you need right now?",
)
MISSTEP = "Relax, it's not a big deal."
UNSURE = "Honestly, I'm not sure I'm okay, and not only in this scene."
"""A message the tests' own check treats as an uncertain sign (see `checks_in_on`)."""

Detector = Callable[[str], Distress | None]


def checks_in_on(*messages: str) -> Detector:
    """The shipped distress check, except that `messages` are uncertain signs: attune checks in.

    The shipped rules decide on their own which messages are uncertain; tests that need a
    check-in bring this so that they do not depend on those rules' exact wording.
    """

    def detect(text: str) -> Distress | None:
        if text in messages:
            return Distress(kind=DistressKind.SELF_HARM, evidence=text, level=SafetyLevel.CHECK_IN)
        return detect_distress(text)

    return detect


def new_session(card: PersonaCard, seed: int = 0, safety: Detector = detect_distress) -> Session:
    """A session voiced by the persona's own authored lines."""
    return Session(card, ScriptedVoice(card, seed=seed), safety=safety)


def meta_for(
    session: Session, started_at: datetime | None = None, model: str = "scripted"
) -> SessionMeta:
    """The setup record the practice screen would write for this session."""
    card = session.card
    return SessionMeta(
        persona_id=card.id,
        persona_name=card.name,
        summary=card.summary,
        model=model,
        intensity="realistic",
        practice_mode=card.mode,
        softer_emotion=card.underneath.emotion.value,
        opening=session.opening,
        start_arousal=session.start.arousal,
        start_connection=session.start.connection,
        start_zone=session.start.zone.value,
        started_at=started_at or datetime.now(UTC),
    )


def record(
    store: SessionStore,
    card: PersonaCard,
    texts: Sequence[str] = CALM,
    retry: str | None = None,
    started_at: datetime | None = None,
    end: bool = True,
    safety: Detector = detect_distress,
) -> str:
    """Play `texts` into a new saved session; with `retry`, take back the last and say that."""
    session = new_session(card, safety=safety)
    session_id = store.create(meta_for(session, started_at))
    for text in texts:
        store.add_turn(session_id, _as_typed(session.respond(text), text))
    if retry is not None:
        taken = session.rewind()
        assert taken is not None
        store.rewind(session_id, taken.index)
        store.add_turn(session_id, _as_typed(session.respond(retry), retry))
    if end:
        store.end(session_id)
    return session_id


def _as_typed(turn: TurnRecord, text: str) -> TurnRecord:
    """The turn with the message exactly as typed, control characters and all.

    The session cleans messages before use; a database written by an older
    attune (or edited by hand) may still hold raw ones, and every reader of the
    store must cope with that.
    """
    return turn.model_copy(update={"user": text})


def saved(
    folder: Path, card: PersonaCard, texts: Sequence[str], retry: str | None = None
) -> SavedSession:
    """A whole session as the store gives it back, from a store in `folder`."""
    store = SessionStore(folder / "sessions.db")
    return store.load(record(store, card, texts, retry=retry))

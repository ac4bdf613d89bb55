"""`attune replay`: run a script of learner turns through a session."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from simulator.feedback.debrief import Debrief, build_debrief
from simulator.modes import add_stages, words_for
from simulator.practice.conversation import PracticeSetup, session_meta
from simulator.store.ratings import RatingError, check_ratings
from simulator.store.sqlite import SessionStore
from simulator.support.errors import AttuneError, MessageError, ScriptError
from simulator.support.limits import MAX_REPLAY_TURNS
from simulator.support.problems import problems
from simulator.support.safe_parse import parse_yaml
from simulator.support.safe_read import STDIN, read_stdin, read_text
from simulator.turns.learner_input import clean_message
from simulator.turns.session import Session, TurnRecord


class ReplayScript(BaseModel):
    """A YAML replay script: the learner's turns, in order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    turns: list[str] = Field(min_length=1, max_length=MAX_REPLAY_TURNS)
    """What the learner says, one message per item."""
    persona: str | None = None
    """Optional persona id, used when `--persona` is not given."""
    self_rating: dict[str, str] | None = None
    """Optional: the learner's rating of themselves, step id -> `not really`, `somewhat`
    or `clearly` (as the screen before the debrief asks it); checked against the mode."""


def load_script(source: str) -> ReplayScript:
    """Read a script from a path, or from stdin when the source is `-`."""
    path = Path(STDIN if source == "-" else source)
    try:
        text = read_stdin() if source == "-" else read_text(path)
        data = parse_yaml(path, text)
    except AttuneError as exc:
        raise ScriptError(str(exc)) from None
    if isinstance(data, list):
        data = {"turns": data}
    if not isinstance(data, dict):
        raise ScriptError(f"{path}: expected a mapping with a 'turns:' list")
    turns = data.get("turns")
    if isinstance(turns, list) and len(turns) > MAX_REPLAY_TURNS:
        raise ScriptError(
            f"{path}: {len(turns):,} turns; a replay runs at most {MAX_REPLAY_TURNS:,}"
        )
    try:
        script = ReplayScript.model_validate(data)
    except ValidationError as exc:
        raise ScriptError(f"{path}: " + "; ".join(problems(exc))) from None
    # Every turn is checked before any runs: a bad turn 7 must not leave turns 1-6 half done.
    for number, turn in enumerate(script.turns, start=1):
        try:
            clean_message(turn)
        except MessageError as exc:
            raise ScriptError(f"{path}: turn {number}: {exc}") from None
    return script


def script_ratings(script: ReplayScript, mode: str, source: str) -> dict[str, str]:
    """The script's `self_rating:` checked against the persona's mode ({} when absent)."""
    if not script.self_rating:
        return {}
    try:
        return dict(check_ratings(mode, script.self_rating))
    except RatingError as exc:
        where = STDIN if source == "-" else source
        raise ScriptError(f"{where}: self_rating: {exc}") from None


def save_replay(
    store: SessionStore,
    session: Session,
    setup: PracticeSetup,
    ratings: Mapping[str, str],
    started_at: datetime | None = None,
) -> str:
    """Save a replayed session as the practice screen would (turns, ratings, ended); its id."""
    session_id = store.create(session_meta(session, setup, started_at))
    for turn in session.turns:
        store.add_turn(session_id, turn)
    if ratings:
        store.rate(session_id, ratings)
    store.end(session_id)
    return session_id


def replay_debrief(session: Session, setup: PracticeSetup) -> Debrief:
    """The debrief of a replayed session."""
    return build_debrief(session_meta(session, setup), session.turns)


def run_script(session: Session, script: ReplayScript) -> list[TurnRecord]:
    """Feed every turn to the session, in one event loop, and return the records."""

    async def run() -> list[TurnRecord]:
        return [await session.respond_async(turn) for turn in script.turns]

    return asyncio.run(run())


def replay_json(session: Session, model: str, seed: int) -> dict[str, object]:
    """The documented JSON shape of a replay."""
    data: dict[str, object] = {
        "persona": session.card.id,
        "mode": session.card.mode,
        "model": model,
        "seed": seed,
        "intensity": session.engine.intensity,
        "opening": session.opening,
        "start": session.start.summary(),
        "turns": [t.public_json() for t in session.turns],
    }
    # A mode with its own names for the state (ask: stages) adds them beside the engine's.
    add_stages(data, words_for(session.card.mode))
    return data

"""The JSON export: a documented, stable shape for other tools.

```
{"version": 1, "id", "persona": {SessionMeta fields}, "started_at", "ended_at",
 "turns": [TURN, ...], "rewound": [TURN, ...], "debrief": {Debrief fields},
 "notes": [{"id", "turn", "text", "created_at"}, ...],
 "corrections": [{"id", "turn", "kind", "move", "words", "created_at"}, ...],
 "self_rating": {"rated", "gap", "steps": [{"step", "label", "rated", "measured", "count",
                 "differs", "says"}, ...]}}
TURN = {"index", "user", "moves", "spans", "arousal", "connection", "zone", "softened",
        "surfaced_now", "reply", "guard", "guard_trimmed", "guard_reasons", "latency_s",
        "safety", "effects": [{"move", "span", "arousal", "connection", "reasons"}],
        "closest": null | {"move", "confidence", "text"}, "cue": null | str,
        "plan": null | {"mode", "place", "heat", "reacting_to": {"family", "move", "words"},
                        "stance", "reveal_softer", "softer_line", "max_sentences"}}
```

A note's `turn` is 0 when it is about the whole session. A correction's `kind` is
`"wrong"` (the turn's tag `move` should not be there) or `"missed"` (the move should
be, resting on `words` of the learner's message, or null); a turn's corrected moves
are its `moves` minus those marked wrong plus those added (`attune sessions labels`).
A turn's `safety` is null, `"pause"` (real distress: the practice paused, help
shown) or `"check_in"` (an uncertain sign: attune asked if the learner was okay);
either way the turn was not scored and `reply` is attune's note, not the partner's.
`self_rating` is the learner's rating of themselves on each step before the debrief
(`rated` false and no steps when they skipped it) beside the session's measure on the
same three levels (`not_really`, `somewhat`, `clearly`: 0, 1, 2+ turns that showed the
step); `gap` is the mean of rated minus measured, in levels (positive: rated higher).
A turn's `closest` is the classifier's best guess at a move it was not sure enough
to tag (null when nothing came close); it is never scored. A turn's `cue` is the
partner's non-verbal cue shown under the reply (null when the card has none for it). A
turn's `plan` is what the
engine decided the partner's reply must do (null on a safety turn and in sessions saved
before plans existed).
Times are ISO 8601 in UTC; `ended_at` is null while a session is open. A turn has
the same shape as in `attune replay --json`, plus `surfaced_now`. New keys may be
added; existing ones keep their meaning while `version` stays 1.
"""

from __future__ import annotations

from typing import Any

from simulator.export.common import debrief_of, self_rating_of
from simulator.feedback.debrief import Debrief
from simulator.modes import add_stages, words_for
from simulator.store.corrections import Correction
from simulator.store.records import SavedSession
from simulator.support.textsafe import dumps
from simulator.turns.session import TurnRecord

FORMAT_VERSION = 1
_CORRECTION_KEYS = ("id", "turn", "kind", "move", "words", "created_at")


def turn_data(turn: TurnRecord) -> dict[str, Any]:
    """One turn in the export shape (the same as `replay --json`)."""
    return turn.public_json()


def correction_data(correction: Correction) -> dict[str, Any]:
    """A correction in the export shape: id, turn, kind, move, words, created_at."""
    dumped = correction.model_dump(mode="json")
    return {key: dumped[key] for key in _CORRECTION_KEYS}


def session_data(saved: SavedSession, debrief: Debrief | None = None) -> dict[str, Any]:
    """The whole session in the export shape."""
    debrief = debrief or debrief_of(saved)
    persona = saved.meta.model_dump(mode="json")
    # Pydantic's own rendering, so every time in the document reads alike.
    ended = saved.model_dump(mode="json", include={"ended_at"})["ended_at"]
    data = {
        "version": FORMAT_VERSION,
        "id": saved.id,
        "persona": persona,
        "started_at": persona["started_at"],
        "ended_at": ended,
        "turns": [turn_data(t) for t in saved.turns],
        "rewound": [turn_data(t) for t in saved.rewound],
        "debrief": debrief.model_dump(mode="json"),
        "notes": [n.model_dump(mode="json") for n in saved.notes],
        "corrections": [correction_data(c) for c in saved.corrections],
        "self_rating": self_rating_of(saved, debrief).public_json(),
    }
    add_stages(data, words_for(saved.meta.practice_mode))
    return data


def to_json(saved: SavedSession) -> str:
    """The session as indented JSON, control characters escaped."""
    return dumps(session_data(saved), indent=2) + "\n"

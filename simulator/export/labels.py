"""Corrected tags as labelled data: JSON lines in the classifier's blind-data format.

One line per learner message whose tags were corrected:

```
{"text", "moves", "mode", "source": "correction", "session", "turn", "scene"}
```

`moves` is the corrected move set (the tags, minus those marked wrong, plus those
added), so a coach's corrections can be read by `load_blind` and grow a dev set;
`scene` is the persona's id, as the hand-written sets name their scene.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from simulator.store.corrections import corrected_moves
from simulator.store.records import SavedSession
from simulator.support.textsafe import dumps

SOURCE = "correction"


def label_rows(saved: SavedSession) -> list[dict[str, Any]]:
    """The session's corrected learner messages, one labelled row each, by turn."""
    rows = []
    for turn in saved.turns:
        mine = saved.corrections_on(turn.index)
        if not mine:
            continue
        rows.append(
            {
                "text": turn.user,
                "moves": [m.value for m in corrected_moves(turn, mine)],
                "mode": saved.meta.practice_mode,
                "source": SOURCE,
                "session": saved.id,
                "turn": turn.index,
                "scene": saved.meta.persona_id,
            }
        )
    return rows


def to_jsonl(sessions: Iterable[SavedSession]) -> str:
    """Every corrected message of the sessions, one JSON object per line."""
    return "".join(dumps(row) + "\n" for saved in sessions for row in label_rows(saved))

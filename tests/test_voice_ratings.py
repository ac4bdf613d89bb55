"""The blind rating of the authored voice's shown replies (issue floors: 90% believable, 85%
responsive for the offline default voice).

`tests/data/voice_ratings/blind_chat_R1` is the pack `attune eval --model scripted
--rate-pack` wrote for the 30 blind chat-style conversation scripts
(tests/data/conversations), rated by a helper who saw only the pack; the key beside it
says which voice and guard outcome made each reply. The table prints at the end of the run.
"""

from __future__ import annotations

import pytest

from conftest import DATA, REPORTS
from simulator.evals.rating import rates_table, read_key, read_ratings, score_ratings

PACK = DATA / "voice_ratings" / "blind_chat_R1"
BELIEVABLE_FLOOR = 0.90
RESPONSIVE_FLOOR = 0.85


def _authored() -> tuple[int, float, float, float]:
    key = read_key(PACK.parent / f"{PACK.name}-key.jsonl")
    ratings = read_ratings(PACK / "ratings.csv", set(key))
    scores = score_ratings(ratings, key)
    REPORTS["blind rating of shown replies (blind_chat_R1)"] = rates_table(scores)
    [row] = [r for r in scores["voice"] if r.group == "scripted"]
    return row.rated, row.coherent, row.responsive, row.believable


def test_the_pack_is_big_enough_and_fully_rated() -> None:
    rated, coherent, _, _ = _authored()
    assert rated >= 150
    assert coherent >= 0.90, "the authored lines stay coherent"


@pytest.mark.xfail(
    strict=True,
    reason="floors not met: the authored voice on blind chat scripts is 74% believable and "
    "68% responsive (R1); the floors stay at 90% and 85%",
)
def test_the_authored_voice_meets_the_believability_floors() -> None:
    _, _, responsive, believable = _authored()
    assert believable >= BELIEVABLE_FLOOR and responsive >= RESPONSIVE_FLOOR

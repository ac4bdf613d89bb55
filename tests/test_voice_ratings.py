"""The blind rating of the authored voice's shown replies (issue floors: 90% believable, 85%
responsive for the offline default voice).

Each `tests/data/voice_ratings/blind_chat_R*` folder is a pack `attune eval --model scripted
--rate-pack` wrote for blind chat-style conversation scripts, rated by a helper who saw
only the pack; the key beside it says which voice and guard outcome made each reply.
R1: the 30 scripts of tests/data/conversations (blind_S1, blind_S2), rated before the
voice was tuned on that rating. R2: 24 new scripts by two other writers (blind_S3,
blind_S4), rated by a new rater after the tuning; it is the latest blind measure, but
R2 has since become dev data too: the voice was tuned on R2's "no" items, so R2's figures
rate the voice before that tuning (the rated replies stay as data; nothing here replays
them). R3: 24 new scripts by two more writers (blind_S5, blind_S6), written after the
voice was tuned on R2 and frozen, played once and rated by a new rater: the current
measure then. R3 became dev data too (the voice was tuned on its "no" items), and R4 (24
new scripts by two more writers, blind_S7, blind_S8, written after that tuning was frozen,
played once and rated by a new rater) was the measure then; R4 became dev data in turn, and
R5 (blind_S9, blind_S10, the same way) was the measure then. R6 (blind_S13, blind_S14, two
more writers, rated by a new rater) rated the same voice with later classifier changes. R7
(blind_S15, blind_S16, two more writers, a new rater) measured the voice lines untouched,
the classifier retrained in its fourth round, and the learned safety signal's margin. R7
then became dev data: the voice answers an unread question from the partner's side and
confirms an unread "am i getting that right", and the repair lines lost their facilitator's
"Start again. Slowly."; R8 (blind_S17, blind_S18, two more writers, a new rater) measured
that. R8 then became dev data ("Maybe." only to an offer, sarcasm pushed back on, a question
after support answered), and R9 (blind_S19, blind_S20, two more writers, a new rater) measured
that. R9 then became dev data (lines that answered as if told off, or as if the learner were
not coming, rewritten in five cards), and R10 (blind_S21, blind_S22, two more writers, a new
rater) is the current measure. The tables print at the end of the run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, REPORTS
from simulator.evals.rating import rates_table, read_key, read_ratings, score_ratings

RATINGS = DATA / "voice_ratings"
HISTORY = RATINGS / "blind_chat_R1"
R2 = RATINGS / "blind_chat_R2"
R3 = RATINGS / "blind_chat_R3"
R4 = RATINGS / "blind_chat_R4"
R5 = RATINGS / "blind_chat_R5"
R6 = RATINGS / "blind_chat_R6"
R7 = RATINGS / "blind_chat_R7"
R8 = RATINGS / "blind_chat_R8"
R9 = RATINGS / "blind_chat_R9"
CURRENT = RATINGS / "blind_chat_R10"
BELIEVABLE_FLOOR = 0.90
RESPONSIVE_FLOOR = 0.85


def _authored(pack: Path) -> tuple[int, float, float, float]:
    key = read_key(pack.parent / f"{pack.name}-key.jsonl")
    ratings = read_ratings(pack / "ratings.csv", set(key))
    scores = score_ratings(ratings, key)
    REPORTS[f"blind rating of shown replies ({pack.name})"] = rates_table(scores)
    [row] = [r for r in scores["voice"] if r.group == "scripted"]
    return row.rated, row.coherent, row.responsive, row.believable


@pytest.mark.parametrize(
    "pack", [HISTORY, R2, R3, R4, R5, R6, R7, R8, R9, CURRENT], ids=lambda p: p.name
)
def test_the_pack_is_big_enough_and_fully_rated(pack: Path) -> None:
    rated, coherent, _, _ = _authored(pack)
    assert rated >= 150
    assert coherent >= 0.90, "the authored lines stay coherent"


def _learner_lines(pack: Path) -> dict[str, str]:
    import json

    items = (pack / "items.jsonl").read_text(encoding="utf-8").splitlines()
    return {row["item"]: row["learner"] for row in map(json.loads, filter(str.strip, items))}


def _fresh_items(pack: Path, earlier: list[Path]) -> set[str]:
    """The pack's items whose learner line no earlier pack had (the voice may have been
    tuned on an earlier pack's lines)."""
    seen = {line for other in earlier for line in _learner_lines(other).values()}
    return {item for item, line in _learner_lines(pack).items() if line not in seen}


def _fresh_rates(
    pack: Path, earlier: list[Path], skip: set[str] | None = None
) -> tuple[int, float, float]:
    key = read_key(pack.parent / f"{pack.name}-key.jsonl")
    fresh = _fresh_items(pack, earlier) - (skip or set())
    ratings = {k: v for k, v in read_ratings(pack / "ratings.csv", set(key)).items() if k in fresh}
    [row] = [r for r in score_ratings(ratings, key)["voice"] if r.group == "scripted"]
    return row.rated, row.responsive, row.believable


def test_the_current_rating_counts_only_replies_to_lines_no_earlier_pack_had() -> None:
    # Writers are all helper sessions of one model and type the same short lines ("im
    # fine", "forget it"), and R7's scripts share 11 lines with earlier ones ("no i dont
    # want to look at my cv rn daniel"): the floors are judged without those items.
    earlier = [HISTORY, R2, R3, R4, R5, R6, R7, R8, R9]
    rated, responsive, believable = _fresh_rates(CURRENT, earlier)
    assert rated >= 150
    _, _, all_responsive, all_believable = _authored(CURRENT)
    assert abs(responsive - all_responsive) < 0.02 and abs(believable - all_believable) < 0.02


LOCAL = RATINGS / "blind_chat_R2_local"
"""The embedded model on the same 24 scripts, with the reply plan and prompt only (the
eval's --prompt-only), every shown reply (guard passes, retries and authored fallbacks);
rated by two more blind raters, half each."""


def test_the_default_offline_voice_is_the_one_rated_most_believable() -> None:
    from simulator.settings.config import ModelSettings

    key = read_key(LOCAL.parent / f"{LOCAL.name}-key.jsonl")
    scores = score_ratings(read_ratings(LOCAL / "ratings.csv", set(key)), key)
    REPORTS[f"blind rating of shown replies ({LOCAL.name})"] = rates_table(scores)
    local = {r.group: r for r in scores["voice"]}
    assert set(local) == {"local", "local (prompt only)"} and all(
        r.rated >= 150 for r in local.values()
    )
    # The same 24 scripts voiced by the authored lines (R2), so the comparison is like for like.
    _, _, authored_responsive, authored_believable = _authored(R2)
    assert ModelSettings().name == "scripted"
    for row in local.values():
        assert authored_believable > row.believable and authored_responsive > row.responsive


CHANGED_AFTER_RATING = {
    "0154": "Okay. I hear you. I keep thinking about your dad too.",
    "0088": "I told my whole family you were coming!",
    "0176": "I don't know. I just keep picturing my mum's face when I tell her.",
}
"""Rated items whose shown reply changed after the rating, with the reply shipped now. R10
showed Maya's "Okay. Sorry. I keep thinking ..." (0154, rated yes), which fails the
authored-lines guard in her hot stages (a bare "Sorry." while defending), so it was
rewritten; and the safety index rebuilt with two more dev writers no longer checks in on
Hannah's first line in one script (0088, a check-in rated no), which moves a later reply of
that script (0176, rated yes). These items are left out of the floors: they rate replies
that no longer ship."""


def test_the_authored_voice_meets_the_believability_floors() -> None:
    # R10 (blind_S21, S22, rated once after the voice was frozen): 90.9% believable and
    # 91.4% responsive over the 186 replies to lines no earlier pack had that still ship
    # (90.5% and 91.0% over all 189 as rated); the first rating to meet both floors (R9
    # 88.4% and 88.4%, R8 90.9% and 84.9%, R7 88% and 88%).
    earlier = [HISTORY, R2, R3, R4, R5, R6, R7, R8, R9]
    rated, responsive, believable = _fresh_rates(CURRENT, earlier, skip=set(CHANGED_AFTER_RATING))
    assert rated >= 150
    assert believable >= BELIEVABLE_FLOOR and responsive >= RESPONSIVE_FLOOR


def test_the_current_rating_rated_the_voice_that_ships() -> None:
    """Replaying the rated scripts gives the rated replies, so the figures above are the
    shipped voice's (a later change to the lines or the engine must be rated again)."""
    import json

    from simulator.personas import load_card
    from simulator.practice.replay import ReplayScript, run_script
    from simulator.support.paths import data_dir
    from simulator.turns.session import Session
    from simulator.voices import ScriptedVoice

    key = read_key(CURRENT.parent / f"{CURRENT.name}-key.jsonl")
    items = {
        row["item"]: row["reply"]
        for row in map(json.loads, (CURRENT / "items.jsonl").read_text().splitlines())
    }
    cases: dict[str, list[str]] = {}
    for stem in ("S21", "S22"):
        lines = (DATA / "conversations" / f"blind_{stem}.jsonl").read_text().splitlines()
        for i, line in enumerate(lines):
            script = json.loads(line)
            name = f"{stem.lower()}-{i:02d}-{script['persona']}-{script['arc'].replace('_', '-')}"
            cases[name] = script["turns"]
    replies: dict[str, list[str]] = {}
    for item, entry in key.items():
        if entry.case not in replies:
            card = load_card(data_dir("personas") / f"{entry.persona}.yaml")
            session = Session(card, ScriptedVoice(card, seed=7))
            run_script(session, ReplayScript(turns=cases[entry.case]))
            replies[entry.case] = [t.reply for t in session.turns]
        rated = CHANGED_AFTER_RATING.get(item, items[item])
        assert replies[entry.case][entry.turn - 1] == rated, (entry.case, entry.turn)
    assert len(replies) == 24

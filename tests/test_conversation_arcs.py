"""Whole conversations typed in everyday chat end where their arc should leave the partner.

The scripts (tests/data/conversations/) were written blind, after the classifier was frozen,
by writers who saw only the scenes and a one-line description of each arc. A repair arc
must leave the partner guarded or calmer (ask mode: listening or better), an attuned arc
settling or calmer (ask: reflecting or better), a defensive arc escalated or flooded.
Arcs that do not yet end where they should are strict xfails naming where they end.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import DATA
from simulator.domain.zones import Zone
from simulator.personas import load_card
from simulator.practice.replay import ReplayScript, run_script
from simulator.support.paths import data_dir
from simulator.turns.session import Session
from simulator.voices import ScriptedVoice

SCRIPTS = DATA / "conversations"
CARDS = {
    "priya": "unanswered-text",
    "tomas": "bad-day",
    "hannah": "different-memory",
    "noor": "quiet-withdraw",
    "marcus": "angry-critic",
    "daniel": "jumps-to-fixes",
    "maya": "plans-it-away",
}
CALM_ORDER = [Zone.FLOODED, Zone.ESCALATED, Zone.GUARDED, Zone.SETTLING, Zone.REGULATED]
AT_LEAST = {
    "repair": Zone.GUARDED,
    "fix_then_invite": Zone.GUARDED,
    "attuned": Zone.SETTLING,
    "withdraw_then_soft": Zone.GUARDED,
    "soft_from_start": Zone.SETTLING,
}
AT_MOST = {"defensive": Zone.ESCALATED}
NOT_YET = {
    ("blind_S1", 0): "ends escalated: the partner starts flooded",
    ("blind_S1", 2): "ends flooded",
    ("blind_S1", 5): "ends guarded, not settling",
    ("blind_S1", 9): "ends flooded: the early fixing keeps the partner flooded",
    ("blind_S2", 0): "ends escalated",
    ("blind_S2", 9): "ends flooded",
    ("blind_S2", 10): "ends explaining, not listening",
    ("blind_S2", 11): "ends defending: the partner stays at the first stage",
    ("blind_S3", 0): "ends escalated",
    ("blind_S3", 8): "ends escalated (ask mode)",
    ("blind_S3", 10): "ends flooded (ask mode)",
    (
        "blind_S4",
        1,
    ): "ends escalated: its opening corrections are scored now that no check-in holds one",
    ("blind_S4", 6): "ends escalated",
    ("blind_S4", 8): "ends flooded (ask mode)",
    ("blind_S4", 9): "ends escalated (ask mode)",
    ("blind_S5", 0): "ends flooded",
    ("blind_S5", 3): "ends flooded, not settling",
    ("blind_S5", 6): "ends escalated",
    ("blind_S5", 8): "ends flooded (ask mode)",
    ("blind_S6", 0): "ends flooded",
    ("blind_S6", 6): "ends escalated",
    ("blind_S6", 7): "ends flooded",
    ("blind_S6", 8): "ends flooded (ask mode)",
    ("blind_S7", 0): "ends flooded",
    ("blind_S7", 1): "ends flooded",
    ("blind_S7", 3): "ends guarded, not settling",
    ("blind_S7", 6): "ends escalated",
    ("blind_S7", 7): "ends escalated",
    # Passed until the twelfth safety round only because the learned safety signal checked in
    # on "i dont need cv tips rn. u always do this", which held that turn out of the state.
    ("blind_S7", 8): "ends escalated (ask mode)",
    ("blind_S8", 0): "ends flooded",
    ("blind_S8", 1): "ends escalated",
    ("blind_S9", 0): "ends flooded",
    ("blind_S9", 1): "ends escalated",
    ("blind_S9", 4): "ends escalated",
    ("blind_S9", 8): "ends flooded (ask mode)",
    ("blind_S9", 10): "ends flooded (ask mode)",
    ("blind_S10", 0): "ends flooded",
    ("blind_S10", 1): "ends flooded",
    ("blind_S10", 6): "ends flooded",
    ("blind_S10", 8): "ends flooded (ask mode)",
    ("blind_S10", 10): "ends escalated (ask mode)",
    ("blind_S11", 0): "ends flooded",
    ("blind_S11", 7): "ends guarded",
    ("blind_S11", 8): "ends flooded (ask mode)",
    ("blind_S11", 9): "ends guarded (ask mode)",
    ("blind_S11", 10): "ends flooded (ask mode)",
    ("blind_S12", 0): "ends flooded",
    ("blind_S12", 6): "ends escalated",
    ("blind_S13", 0): "ends flooded",
    ("blind_S13", 1): "ends flooded",
    ("blind_S13", 8): "ends flooded (ask mode)",
    ("blind_S14", 0): "ends flooded",
    ("blind_S14", 6): "ends escalated",
    ("blind_S14", 8): "ends flooded (ask mode)",
    ("blind_S14", 9): "ends escalated (ask mode)",
    # The fourth round's layer reads more of the clumsy openings these writers meant as
    # mistakes ("I set two alarms I swear" as explaining), so the partner starts the repair
    # hotter and, damped while flooded, ends a step short of the arc's zone.
    ("blind_S2", 1): "ends escalated",
    ("blind_S2", 2): "ends escalated",
    ("blind_S8", 6): "ends flooded",
    ("blind_S8", 11): "ends flooded (ask mode)",
    ("blind_S11", 6): "ends escalated",
    ("blind_S12", 8): "ends escalated (ask mode)",
    ("blind_S13", 7): "ends escalated",
    ("blind_S13", 9): "ends escalated: the learned safety signal checks in on its softest turn",
    ("blind_S14", 1): "ends flooded",
    ("blind_S15", 0): "ends flooded",
    ("blind_S15", 1): "ends flooded",
    ("blind_S15", 3): "ends guarded",
    ("blind_S15", 7): "ends flooded",
    ("blind_S15", 8): "ends escalated (ask mode)",
    ("blind_S16", 0): "ends flooded",
    ("blind_S16", 3): "ends guarded",
    ("blind_S16", 6): "ends escalated",
    ("blind_S16", 7): "ends escalated",
    ("blind_S16", 8): "ends escalated (ask mode)",
    ("blind_S17", 0): "ends escalated",
    ("blind_S17", 1): "ends flooded",
    ("blind_S17", 6): "ends escalated",
    ("blind_S17", 8): "ends escalated (ask mode)",
    ("blind_S17", 10): "ends flooded (ask mode)",
    ("blind_S18", 0): "ends escalated",
    ("blind_S18", 1): "ends flooded",
    ("blind_S18", 6): "ends escalated",
    ("blind_S18", 7): "ends escalated",
    ("blind_S18", 8): "ends escalated (ask mode)",
    ("blind_S18", 10): "ends escalated (ask mode)",
    ("blind_S19", 0): "ends escalated",
    ("blind_S19", 1): "ends flooded",
    ("blind_S19", 8): "ends escalated (ask mode)",
    ("blind_S19", 10): "ends flooded (ask mode)",
    ("blind_S20", 0): "ends flooded",
    ("blind_S20", 2): "ends guarded",
    ("blind_S20", 6): "ends escalated",
    ("blind_S20", 7): "ends escalated",
    ("blind_S20", 8): "ends escalated (ask mode)",
    ("blind_S20", 10): "ends escalated (ask mode)",
    ("blind_S21", 1): "ends flooded",
    ("blind_S21", 2): "ends guarded",
    ("blind_S21", 6): "ends flooded",
    ("blind_S22", 1): "ends escalated",
    ("blind_S22", 3): "ends guarded",
    ("blind_S22", 6): "ends escalated",
    ("blind_S22", 7): "ends flooded",
}
"""Scripts whose arc is not met today. S1 arrived after the classifier was frozen; S2 was
written by another writer after that and scored once; S3 and S4 (two more writers, for the
second blind voice rating) were added later and scored once; so were S5 and S6 (two more
writers, for the third voice rating: 15 of their 24 arcs end where they should), and S7
and S8 (two more, for the fourth: 16 of 24), and S9 and S10 (two more, for the fifth: 13
of 24). Nobody tuned the engine on these arcs. The coach's debrief ratings of S1 and S2
(R1, R2) were later read as dev data: what they named ("i wasnt there" read as correcting
the facts, "or not tonight" as turning away, sarcastic "fine im sorry ... happy?") was
fixed in general forms, and six Marcus arcs across S1-S9 then ended where they should.
S11 to S14 (four more writers) came after that: S11 and S12 were read as dev data for the
debrief (two small fixes: a step inside a counter-attack is not the learner's own try, "not
now if u dont want" is no turning away), then 17 of their 24 arcs end where they should;
S13 and S14 were scored once (14 of 24) and then read as debrief dev data (R3). After the
classifier's fourth round, S15 and S16 (two more writers) were scored once: 14 of 24. S17
and S18 (two more, for the eighth voice rating and the fifth debrief rating) were scored
once with the classifier unchanged: 13 of 24; S19 and S20 (two more, for the ninth voice
rating) the same way: 14 of 24. The sixteenth safety round moved two older arcs: S14's
Marcus arc (index 3) now ends where it should, and S13's Maya arc (index 9) no longer does,
because the learned safety signal checks in on "i keep seeing him at the bottom of them
stairs" (named by R9's rater as a false check-in too)."""


def _scripts() -> list[tuple[str, int, dict[str, object]]]:
    out = []
    for path in sorted(SCRIPTS.glob("blind_*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out += [(path.stem, i, json.loads(line)) for i, line in enumerate(lines) if line.strip()]
    return out


def _cases() -> list[Any]:
    cases = []
    for stem, index, script in _scripts():
        marks = []
        if (stem, index) in NOT_YET:
            marks.append(pytest.mark.xfail(strict=True, reason=NOT_YET[(stem, index)]))
        label = f"{stem}-{index}-{script['persona']}-{script['arc']}"
        cases.append(pytest.param(script, id=label, marks=marks))
    return cases


def _final_zone(script: dict[str, object]) -> Zone:
    card = load_card(data_dir("personas") / f"{CARDS[str(script['persona'])]}.yaml")
    session = Session(card, ScriptedVoice(card, seed=0))
    turns = script["turns"]
    assert isinstance(turns, list) and len(turns) == 8
    run_script(session, ReplayScript(turns=[str(t) for t in turns]))
    return session.state.zone


def test_there_are_enough_scripts_in_both_modes() -> None:
    scripts = [s for _, _, s in _scripts()]
    assert len(scripts) >= 12
    assert {"repair", "attuned", "defensive", "fix_then_invite"} <= {s["arc"] for s in scripts}
    assert {"withdraw_then_soft", "soft_from_start"} <= {s["arc"] for s in scripts}


@pytest.mark.parametrize("script", _cases())
def test_the_arc_ends_where_it_should(script: dict[str, object]) -> None:
    zone = _final_zone(script)
    arc = str(script["arc"])
    if arc in AT_LEAST:
        assert CALM_ORDER.index(zone) >= CALM_ORDER.index(AT_LEAST[arc]), zone
    else:
        assert CALM_ORDER.index(zone) <= CALM_ORDER.index(AT_MOST[arc]), zone

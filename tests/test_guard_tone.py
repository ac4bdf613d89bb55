"""The guard's stance by meaning: a learned second signal where the word rules list nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA
from simulator.domain.zones import Zone
from simulator.guard import GuardContext, GuardReason, build_tone, check_reply, sense, tone, topic
from simulator.replyplan.model import Heat, Reaction, ReplyPlan, Stance
from simulator.support.errors import AttuneError

pytest.importorskip("numpy")
if tone.load_model() is None or topic.vector("hello") is None:
    pytest.skip("the text model package is not installed", allow_module_level=True)

SETS = DATA / "guard_blind"


def at(stance: Stance, zone: Zone, heat: Heat, learner: str) -> GuardContext:
    plan = ReplyPlan(
        mode="listen",
        place=zone.value,
        heat=heat,
        reacting_to=Reaction(family="reflecting"),
        stance=stance,
    )
    return GuardContext(name="Priya", style="pursue", zone=zone, learner=learner, plan=plan)


# Written for this test in plain words no stance rule lists: cold while the plan has the
# partner come round, warm while it holds back.
COLD = "Mm. Anyway, did you remember to pay the water bill?"
WARM = "Honestly it's nothing, I'm just happy you're home safe and sound, sweetheart."


def test_plain_coldness_no_rule_lists_is_rejected_while_the_plan_comes_round() -> None:
    coming_round = at("soften", Zone.SETTLING, "cool", "that sounds like it was really scary")
    assert sense._stance_by_words(COLD, coming_round) is None
    found = [f for f in check_reply(COLD, coming_round) if f.reason is GuardReason.STANCE]
    assert found and found[0].evidence.startswith("reads cold (")
    # The same words while pushing back keep the stance.
    pushing = at("push_back", Zone.ESCALATED, "hot", "its not a big deal tho")
    assert GuardReason.STANCE not in {f.reason for f in check_reply(COLD, pushing)}


def test_plain_warmth_no_rule_lists_is_rejected_while_the_plan_holds_back() -> None:
    pushing = at("push_back", Zone.ESCALATED, "hot", "ur overreacting, it was 5 hours")
    assert sense._stance_by_words(WARM, pushing) is None
    evidence = tone.against_plan(WARM, pushing)
    assert evidence is not None and evidence.startswith("reads warm (")
    coming_round = at("open_up", Zone.SETTLING, "cool", "i should have called, im sorry")
    assert tone.against_plan(WARM, coming_round) is None


def test_every_rejection_names_a_stance_error_from_the_dev_sets() -> None:
    coming_round = at("soften", Zone.SETTLING, "cool", "that sounds like it was really scary")
    evidence = tone.against_plan(COLD, coming_round)
    assert evidence is not None
    named = evidence.split(', like "', 1)[1].removesuffix('"')
    report = json.loads((tone.MODEL_DIR / "tone.json").read_text(encoding="utf-8"))
    assert named in report["examples"]["open"]
    errors = {
        json.loads(line)["reply"]
        for path in SETS.glob("dev_*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["problem"] == "stance"
    }
    assert named in errors


def test_a_hot_partner_coming_round_may_stay_curt() -> None:
    hot = at("soften", Zone.ESCALATED, "hot", "that sounds like it was really scary")
    assert tone.against_plan(COLD, hot) is None


def test_no_plan_or_no_model_means_rules_only(tmp_path: Path) -> None:
    plain = GuardContext(name="Priya", style="pursue", zone=Zone.SETTLING, learner="hey")
    assert tone.against_plan(COLD, plain) is None
    assert tone.load_model.__wrapped__(tmp_path) is None


def test_the_shipped_model_was_trained_on_the_current_dev_sets_and_no_held_out_one() -> None:
    report = json.loads((tone.MODEL_DIR / "tone.json").read_text(encoding="utf-8"))
    current = {p.name for p in SETS.glob("dev_*.jsonl")}
    assert set(report["sources"]) == current, "run `make guard-tone` after changing the sets"
    assert not any("heldout" in name for name in report["sources"])
    for figures in report["leave_one_writer_out"].values():
        # The threshold holds the good replies it rejects, out of fold, to the budget.
        assert figures["good_rejected"] <= tone.GOOD_BUDGET * figures["good"] + 1
        assert figures["caught"] > figures["stance_errors"] // 2


def test_the_builder_refuses_a_held_out_set(tmp_path: Path) -> None:
    held = tmp_path / "heldout_ZZ.jsonl"
    held.write_text("", encoding="utf-8")
    with pytest.raises(AttuneError, match="held-out"):
        build_tone.load_rows([held])
    assert build_tone.main([str(held)]) == 2

"""The evaluation cases: the loader's one-line errors, the shipped suite, and the policies."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from simulator.classifier import classify
from simulator.classifier.meta import breaks_role_play
from simulator.engine import INTENSITIES
from simulator.evals.cases import EvalCase, load_cases
from simulator.evals.checks import run_checks
from simulator.evals.policies import learner_turns
from simulator.modes.listen.moves import ATTUNED
from simulator.modes.listen.policies import POLICIES, STOCK_PHRASES, WORDINGS
from simulator.personas import Catalog
from simulator.support.errors import AttuneError
from simulator.support.paths import data_dir
from simulator.turns.session import Session
from simulator.voices.scripted import ScriptedVoice

SHIPPED = load_cases()
CASE_DIR = data_dir("evals") / "cases"

GOOD = """\
- id: {id}
  persona: unanswered-text
  kind: dynamics
  description: A case.
  source: "Step 4: validate the emotion"
  turns: ["That makes sense to me."]
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_error(folder: Path) -> str:
    with pytest.raises(AttuneError) as caught:
        load_cases(folder)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- loader ---------------------------------------------------------------------------------


def test_a_good_file_loads_and_the_cases_mapping_form_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD.format(id="b-case"))
    indented = "".join(f"  {line}\n" for line in GOOD.format(id="a-case").splitlines())
    write(tmp_path, "b.yaml", "cases:\n" + indented)
    cases = load_cases(tmp_path)
    assert [c.id for c in cases] == ["a-case", "b-case"]
    assert cases[0].turns == ["That makes sense to me."]
    assert cases[0].intensity == "realistic" and cases[0].policy is None


def test_pattern_filters_on_case_id(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD.format(id="priya-one") + GOOD.format(id="noor-one"))
    assert [c.id for c in load_cases(tmp_path, "priya-*")] == ["priya-one"]
    assert load_cases(tmp_path, "nobody-*") == []


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD.format(id="same"))
    second = write(tmp_path, "b.yaml", GOOD.format(id="same"))
    message = load_error(tmp_path)
    assert message.startswith(f"{second}: case 'same': duplicate id")
    assert str(tmp_path / "a.yaml") in message


def test_duplicate_id_within_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", GOOD.format(id="same") + GOOD.format(id="same"))
    assert load_error(tmp_path) == f"{path}: case 'same': duplicate id (earlier in this file)"


def test_unknown_field_names_file_case_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", GOOD.format(id="x-case") + "  colour: blue\n")
    assert load_error(tmp_path) == f"{path}: case 1 (x-case): colour: unknown field"


def test_unknown_expectation_is_an_unknown_field(tmp_path: Path) -> None:
    text = GOOD.format(id="x-case") + "  dynamics:\n    calms_down: true\n"
    path = write(tmp_path, "a.yaml", text)
    assert load_error(tmp_path) == f"{path}: case 1 (x-case): dynamics.calms_down: unknown field"


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "- id: x\n  turns: [unclosed\n")
    message = load_error(tmp_path)
    assert message.startswith(f"{path}: invalid YAML")
    assert "line" in message


def test_invalid_utf8_names_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", b"- id: \xff\xfe\n")
    assert load_error(tmp_path) == f"{path}: not valid UTF-8 (byte 6)"


def test_a_mapping_without_cases_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "id: x\n")
    assert load_error(tmp_path).startswith(f"{path}: expected a list of cases")


def test_both_turns_and_policy_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", GOOD.format(id="x-case") + "  policy: attuned\n")
    message = load_error(tmp_path)
    assert message.startswith(f"{path}: case 1 (x-case): ")
    assert "exactly one of 'turns' or 'policy'" in message


def test_neither_turns_nor_policy_is_rejected(tmp_path: Path) -> None:
    text = GOOD.format(id="x-case").replace('  turns: ["That makes sense to me."]\n', "")
    path = write(tmp_path, "a.yaml", text)
    assert "exactly one of 'turns' or 'policy'" in load_error(tmp_path)
    assert str(path) in load_error(tmp_path)


def test_unknown_policy_lists_the_known_ones(tmp_path: Path) -> None:
    text = GOOD.format(id="x-case").replace('  turns: ["That makes sense to me."]\n', "")
    path = write(tmp_path, "a.yaml", text + "  policy: telepathic\n")
    message = load_error(tmp_path)
    assert message.startswith(f"{path}: case 1 (x-case): ")
    assert "unknown policy 'telepathic'" in message and "attuned" in message


def test_expectations_past_the_last_turn_are_rejected(tmp_path: Path) -> None:
    text = GOOD.format(id="x-case") + "  dynamics:\n    arousal_down_on_turns: [3]\n"
    path = write(tmp_path, "a.yaml", text)
    assert "refers to turn 3, but the case has 1" in load_error(tmp_path)
    assert str(path) in load_error(tmp_path)


def test_wears_off_must_be_in_order(tmp_path: Path) -> None:
    text = GOOD.format(id="x-case") + "  dynamics:\n    wears_off: [1, 1]\n"
    write(tmp_path, "a.yaml", text)
    assert "wears_off" in load_error(tmp_path)


def test_missing_folder_is_one_line(tmp_path: Path) -> None:
    assert load_error(tmp_path / "nope").endswith("eval cases folder not found")


# --- the shipped suite ----------------------------------------------------------------------


def test_the_shipped_suite_is_large_enough_and_sorted() -> None:
    assert len(SHIPPED) >= 36
    ids = [c.id for c in SHIPPED]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_one_file_per_persona_plus_robustness(catalog: Catalog) -> None:
    files = {p.stem for p in CASE_DIR.glob("*.yaml")}
    assert files == set(catalog.cards) | {"robustness"}


def test_every_shipped_persona_has_several_cases_of_each_concern(catalog: Catalog) -> None:
    per_persona = Counter(c.persona for c in SHIPPED)
    assert set(per_persona) == set(catalog.cards)
    for persona in catalog.cards:
        mine = [c for c in SHIPPED if c.persona == persona]
        assert len(mine) >= 5, persona
        assert any(c.kind == "robustness" for c in mine), persona
        assert any(c.dynamics.escalates for c in mine), persona
        assert any(c.dynamics.settles_within for c in mine), persona
        if catalog.get(persona).mode == "listen":
            assert any(c.dynamics.welcomed_on_turns for c in mine), persona
        else:  # ask mode: noticing the partner turning toward draws them closer
            assert any(c.dynamics.connection_up_on_turns for c in mine), persona
        assert any(c.dynamics.wears_off for c in mine), persona
        assert any(c.dynamics.softens is False for c in mine), persona


def test_the_suite_covers_every_policy_and_the_softer_emotion() -> None:
    assert {c.policy for c in SHIPPED if c.policy} == set(POLICIES)
    assert sum(bool(c.dynamics.softens_after_connection) for c in SHIPPED) >= 5
    assert {c.kind for c in SHIPPED} == {"dynamics", "voice", "robustness"}


def test_every_robustness_case_has_role_play_breaking_turns() -> None:
    for case in SHIPPED:
        if case.kind == "robustness":
            assert sum(breaks_role_play(t) for t in case.turns) >= 2, case.id


def _run(case: EvalCase, catalog: Catalog, seed: int = 0) -> Session:
    card = catalog.get(case.persona)
    session = Session(card, ScriptedVoice(card, seed=0), intensity=INTENSITIES[case.intensity])
    for text in learner_turns(case, seed):
        session.respond(text)
    return session


@pytest.mark.parametrize("case", SHIPPED, ids=lambda c: c.id)
def test_every_shipped_case_passes_its_dynamics_with_the_scripted_voice(
    case: EvalCase, catalog: Catalog
) -> None:
    session = _run(case, catalog)
    assert len(session.turns) == case.turn_count
    results = run_checks(case, catalog.get(case.persona), session.start, session.turns, False)
    failed = [f"{r.name}: {r.detail}" for r in results if not r.passed]
    assert failed == []
    expected = case.dynamics.model_dump(exclude_defaults=True)
    assert len(results) >= len(expected), "every expectation set produces a check"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_policy_cases_pass_for_other_seeds_too(seed: int, catalog: Catalog) -> None:
    """The runner may pick another seed: policy wordings change, the verdicts must not."""
    for case in (c for c in SHIPPED if c.policy):
        session = _run(case, catalog, seed)
        results = run_checks(case, catalog.get(case.persona), session.start, session.turns, False)
        assert [r.detail for r in results if not r.passed] == [], case.id


# --- policies -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("move", "wording"), [(m, w) for m, ws in WORDINGS.items() for w in ws], ids=str
)
def test_each_policy_wording_is_classified_as_its_move(move: object, wording: str) -> None:
    moves = classify(wording).moves
    # The rules find the policy's move; the learned layer may add a neighbour of the same
    # polarity ("let me slow down and just listen" is presence too), never the other.
    assert moves[0] == move
    assert all((m in ATTUNED) == (move in ATTUNED) for m in moves)
    assert not breaks_role_play(wording)


def _case(policy: str, turns: int = 10, case_id: str = "policy-case") -> EvalCase:
    return EvalCase(
        id=case_id,
        persona="unanswered-text",
        kind="dynamics",
        description="A policy run.",
        source="Steps 1-6",
        policy=policy,
        policy_turns=turns,
    )


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_policies_are_deterministic_per_seed_and_case(policy: str) -> None:
    case = _case(policy)
    assert learner_turns(case, 7) == learner_turns(case, 7)
    assert len(learner_turns(case, 7)) == 10
    assert len(learner_turns(_case(policy, turns=3), 0)) == 3


def test_seeds_vary_the_wording() -> None:
    runs = {tuple(learner_turns(_case("attuned"), seed)) for seed in range(6)}
    assert len(runs) > 1


def test_attuned_policy_follows_the_steps_and_never_parrots() -> None:
    for seed in range(5):
        turns = learner_turns(_case("attuned", turns=12), seed)
        moves = [classify(t).moves for t in turns]
        firsts = [m[0] for m in moves[:5]]
        assert firsts == ["presence", "reflect", "validate", "support", "ask_need"]
        assert moves[-1][0] == "invite_solutions"
        assert all(m and set(m) <= ATTUNED for m in moves)
        assert len(set(turns)) == len(turns)


def test_attuned_policy_wording_never_wears_off(catalog: Catalog) -> None:
    card = catalog.get("unanswered-text")
    for seed in range(5):
        session = Session(card, ScriptedVoice(card))
        for text in learner_turns(_case("attuned", turns=12), seed):
            record = session.respond(text)
            reasons = [r for e in record.effects for r in e.reasons]
            assert not any("repeated" in r or "same words" in r for r in reasons), text


def test_misattuned_policy_makes_each_documented_mistake() -> None:
    turns = learner_turns(_case("misattuned", turns=5), 0)
    assert [classify(t).moves for t in turns] == [
        ["explain"],
        ["minimize"],
        ["correct_facts"],
        ["fix"],
        ["intent_defense"],
    ]


def test_fix_early_fixes_first_then_attunes() -> None:
    moves = [classify(t).moves for t in learner_turns(_case("fix-early", turns=6), 0)]
    assert moves[:2] == [["fix"], ["fix"]]
    assert all(set(m) <= ATTUNED for m in moves[2:])


def test_repair_follows_a_misstep_with_a_repair() -> None:
    for seed in range(6):
        moves = [classify(t).moves for t in learner_turns(_case("repair", turns=6), seed)]
        assert not set(moves[0]) & ATTUNED
        assert moves[1][0] == "repair"
        assert all(set(m) <= ATTUNED for m in moves[1:])


def test_parrot_repeats_one_stock_phrase() -> None:
    turns = learner_turns(_case("parrot", turns=5), 3)
    assert len(set(turns)) == 1 and turns[0] in STOCK_PHRASES


def test_scripted_turns_win_over_policies() -> None:
    case = EvalCase(
        id="scripted",
        persona="bad-day",
        kind="voice",
        description="d",
        source="s",
        turns=["That makes sense to me."],
    )
    assert learner_turns(case, 5) == ["That makes sense to me."]

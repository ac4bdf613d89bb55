"""The ask-mode move classifier: spans, negation, sarcasm, and precision/recall per move.

`ask_moves_dev*.yaml` are the sets the ask-mode rules were tuned on;
`ask_moves_heldout.yaml` was written after the rules were frozen and never used
to tune them. The reports print at the end of the test run.
"""

from __future__ import annotations

import json
from functools import partial

import pytest

from conftest import DATA, REPORTS, RunCli
from simulator.classifier import classify
from simulator.classifier.metrics import Report, evaluate, load_examples
from simulator.classifier.schema import Classification
from simulator.modes.ask.moves import ASK_HELPFUL, ASK_MOVE_INFO, ASK_TRAPS, AskMove
from simulator.modes.listen.moves import Move

ask = partial(classify, mode="ask")


def _report(name: str) -> Report:
    examples = load_examples(DATA / name)
    report = evaluate(examples, ask, mode="ask")
    REPORTS[f"ask-mode classifier on {name} ({len(examples)} messages)"] = report.table()
    return report


def test_the_ask_move_set_is_the_documented_one() -> None:
    assert {m.value for m in ASK_HELPFUL} == {
        "soft_startup", "name_need", "invite_reflection", "appreciate",
    }  # fmt: skip
    assert {m.value for m in ASK_TRAPS} == {"criticize", "contempt", "demand", "withdraw"}
    for info in ASK_MOVE_INFO.values():
        assert info.description and info.step and info.attune and info.past_tense


def test_each_tag_carries_the_words_that_triggered_it() -> None:
    found = ask("You always fix things. I'm not asking for a plan, I just want a hug.")
    assert found.moves == [AskMove.CRITICIZE, AskMove.NAME_NEED]
    assert [(s.move, s.text) for s in found.spans] == [
        (AskMove.CRITICIZE, "You always"),
        (AskMove.NAME_NEED, "I'm not asking for a plan"),
        (AskMove.NAME_NEED, "I just want a hug"),
    ]
    for span in found.spans:
        assert found.text[span.start : span.end] == span.text


def test_the_documents_requests_are_recognized() -> None:
    assert ask("I'm not asking you to fix it. I just need you to be with me.").moves == [
        AskMove.NAME_NEED
    ]
    assert AskMove.INVITE_REFLECTION in ask("Can you reflect what you hear me saying?").moves
    assert ask("I think I need comfort first, then we can talk solutions.").moves == [
        AskMove.NAME_NEED
    ]
    assert AskMove.SOFT_STARTUP in ask("When you jump to logic, I feel alone.").moves


def test_negation_and_sarcasm() -> None:
    assert ask("I don't think you're selfish.").moves == []
    assert ask("You're selfish.").moves == [AskMove.CRITICIZE]
    # A thank-you in a sarcastic sentence is contempt, not appreciation.
    assert ask("Oh sure, thank you so much for the lecture.").moves == [AskMove.CONTEMPT]
    assert ask("Thank you, that helps.").moves == [AskMove.APPRECIATE]


def test_each_mode_tags_only_its_own_moves() -> None:
    for example in load_examples(DATA / "ask_moves_dev.yaml"):
        assert all(isinstance(m, AskMove) for m in ask(example.text).moves), example.text
        assert all(isinstance(m, Move) for m in classify(example.text).moves), example.text


DEV_SETS = sorted(p.name for p in DATA.glob("ask_moves_dev*.yaml"))


def test_labeled_sets_cover_every_ask_move() -> None:
    assert len(DEV_SETS) >= 2
    for name, least in [*((d, 10) for d in DEV_SETS), ("ask_moves_heldout.yaml", 5)]:
        supports = {
            s.move: s.support for s in evaluate(load_examples(DATA / name), ask, mode="ask").scores
        }
        assert set(supports) == set(AskMove)
        assert min(supports.values()) >= least, (name, supports)


@pytest.mark.parametrize("name", DEV_SETS)
def test_dev_set_scores(name: str) -> None:
    report = _report(name)
    assert report.macro_f1 >= 0.95
    for score in report.scores:
        assert score.precision >= 0.9 and score.recall >= 0.9, score


def test_heldout_set_scores() -> None:
    # Lower bars than on the dev sets: wording the rules never saw. Recall may dip to
    # 0.5 for a move (a few messages each); precision must hold, as in listen mode.
    report = _report("ask_moves_heldout.yaml")
    assert report.macro_f1 >= 0.80
    for score in report.scores:
        assert score.precision >= 0.75 and score.recall >= 0.5, score


@pytest.mark.parametrize("move", list(AskMove))
def test_metrics_count_a_broken_ask_classifier_as_broken(move: AskMove) -> None:
    examples = load_examples(DATA / "ask_moves_heldout.yaml")

    def without(text: str) -> Classification:
        found = ask(text)
        spans = [s for s in found.spans if s.move != move]
        return Classification(text=text, moves=[m for m in found.moves if m != move], spans=spans)

    score = next(s for s in evaluate(examples, without, mode="ask").scores if s.move == move)
    assert score.recall == 0.0


def test_cli_classify_and_moves_in_ask_mode(attune: RunCli) -> None:
    text = attune("classify", "--mode", "ask", "You never listen. Forget it.")
    assert text.code == 0
    assert text.out.splitlines() == [
        'criticize           misattuned  rule          "You never"',
        'withdraw            misattuned  rule          "Forget it"',
    ]
    as_json = json.loads(attune("classify", "--mode", "ask", "--json", "Thank you.").out)
    assert as_json["moves"] == ["appreciate"]
    assert as_json["spans"][0]["text"] == "Thank you"
    # The listen default is unchanged: the same words are no ask-mode moves there.
    assert "criticize" not in attune("classify", "You never listen. Forget it.").out
    moves = json.loads(attune("moves", "--mode", "ask", "--json").out)
    assert [m["id"] for m in moves] == [m.value for m in AskMove]
    bad = attune("classify", "--mode", "shout", "x")
    assert bad.code == 2 and "shout" in bad.err

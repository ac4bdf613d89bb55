"""Naming what you notice counts (issue 23): listen mode's `notice`, the awareness step.

The second source document puts reading cues first: noticing the partner's look, voice or
silence and connecting it to a feeling ("You seem upset. What's going on?"). The dev
examples here come from the notice round's writers (tests/data/moves_blind/WRITERS.md,
N1 and N2), who never saw the rules; the held-out set for `notice` is written by others
after the rules and the learned layer were frozen, and scored at the end of this module.
"""

from __future__ import annotations

import json

import pytest

from conftest import DATA, REPORTS
from simulator.classifier import classify, classify_rules
from simulator.classifier.blind import load_blind
from simulator.classifier.metrics import LabeledMessage, evaluate
from simulator.engine.state import PartnerState
from simulator.modes import get_mode
from simulator.modes.listen.moves import MOVE_INFO, Move

SETS = DATA / "moves_blind"
HELD_OUT = sorted(SETS.glob("heldout_notice_*.jsonl"))
FLOOR = 0.80
"""F1 for `notice` on its held-out set."""
HELD_OUT_F1: float | None = 0.780
"""The held-out F1 on heldout_notice_N3.jsonl (nobody read its errors): 0.795 when scored
once after the notice round (precision 0.92, recall 0.70), 0.780 re-scored with the
classifier's third-round layer (precision 0.91, recall 0.68); under the floor, the gate
below is a strict xfail that turns red the day the floor is met."""

# The issue's own examples and dev lines from N1 and N2, each naming a cue or a felt state.
NOTICING = (
    "you seem really tense",
    "you look exhausted",
    "*notices she's crying* hey",
    "ur voice sounds so flat",
    "*sees her eyes are red* oh priya. have u been crying",
    "ur scrolling but u havent actually looked up at me once since we got home",
    "You're slamming things. I can tell this has been building all week.",
    "youve gone really quiet and you wont look at me",
    "your hands are shaking a bit. come here",
    "I can hear in your voice that you're trying really hard not to cry. I'm right here with you.",
)
# Dev lines that look like noticing and are not: compliments, "look", "i see", the
# learner's own face or voice, noticing something that is not the partner.
NOT_NOTICING = (
    "you look nice, going out later?",
    "look at this meme itll cheer u up 😂",
    "i see what u mean about the slides, that sounds like a nightmare tbh",
    "my voice sounds weird i know ive been talking all night 😅 can i sit",
    "i noticed the new lamp, did u get that today",
    "lol i probably look like a zombie rn sorry",
    "i cut across ur story at dinner and made u look small infront of everyone. im sorry",
    # Plain lines of the other moves: the learned layer must not read them as noticing.
    "That makes sense",
    "I can see why that would hurt.",
    "ok yeah i get it",
)


@pytest.mark.parametrize("text", NOTICING)
def test_naming_a_cue_or_a_felt_state_is_noticing(text: str) -> None:
    found = classify(text)
    assert Move.NOTICE in found.moves, (text, found.moves)
    span = next(s for s in found.spans if s.move == Move.NOTICE)
    assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text", NOT_NOTICING)
def test_look_alikes_are_not_noticing(text: str) -> None:
    assert Move.NOTICE not in classify(text).moves, text


@pytest.mark.xfail(
    strict=True,
    reason="known false positive, left for after the freeze: the learned layer reads a bare "
    "compliment on the partner's look as noticing (0.97 for notice, threshold 0.90); in the "
    "notice round's sets it only comes inside longer lines",
)
def test_a_bare_compliment_is_not_noticing() -> None:
    assert Move.NOTICE not in classify("you look nice").moves


def test_noticing_mixes_with_the_other_moves() -> None:
    found = classify_rules("You seem really upset. What's going on?")
    assert set(found.moves) == {Move.NOTICE, Move.OPEN_QUESTION}
    granted = classify_rules("i get why ur not looking at me. i wouldnt either")
    assert Move.VALIDATE in granted.moves  # the cue granted: validating, not outweighed
    assert Move.NOTICE not in classify_rules("you don't seem upset to me").moves


def test_sarcastic_noticing_is_not_attuned() -> None:
    found = classify_rules("oh great ur doing the silent treatment face again 🙄")
    assert Move.NOTICE not in found.moves


def test_notice_is_a_listen_move_on_the_awareness_step() -> None:
    info = MOVE_INFO[Move.NOTICE]
    assert info.polarity == "attuned" and info.attune == "Awareness"
    listen = get_mode("listen")
    assert Move.NOTICE in listen.helpful
    step = listen.coaching.step_of(Move.NOTICE)
    assert step is not None and step.id == "present"
    assert "You seem" in listen.coaching.nudges[Move.NOTICE]
    # In ask mode the learner is the one hurting: noticing the partner is not its move.
    assert "notice" not in {m.value for m in get_mode("ask").move_ids}


def test_noticing_soothes_modestly_like_an_open_question() -> None:
    rates = get_mode("listen").rates
    state = PartnerState(turn=1, arousal=70.0, connection=30.0)
    (arousal, connection), _ = rates.base(state, Move.NOTICE)
    (q_arousal, q_connection), _ = rates.base(state, Move.OPEN_QUESTION)
    (r_arousal, _r), _ = rates.base(state, Move.REFLECT)
    assert arousal < 0 < connection
    assert (arousal, connection) == (q_arousal, q_connection)
    assert abs(arousal) < abs(r_arousal)  # naming a cue calms less than saying back the feeling


def test_the_learned_layer_learns_notice_only_from_sets_that_had_the_label() -> None:
    spec = get_mode("listen").learned
    assert spec is not None
    report = json.loads(spec.weights.with_suffix(".json").read_text(encoding="utf-8"))
    assert "notice" in report["out_of_fold"]
    unlabelled = set(report["unlabelled"]["notice"])
    labelled = {"dev_listen_N1", "dev_listen_N2"} | {f"dev_listen_L{n}" for n in range(11, 17)}
    assert labelled <= set(report["sources"])
    assert not unlabelled & labelled
    assert {"dev_listen_L1", "dev_listen_L8", "dev_listen_L10", "moves_dev"} <= unlabelled
    # Out of fold over the writers who had the label (the notice round's, and the third
    # and fourth rounds' L11-L16): each scored by a model without them.
    assert set(report["out_of_fold_by_writer"]["notice"]) == labelled
    assert report["out_of_fold"]["notice"]["precision"] >= 0.80


def _held_out_scores() -> tuple[float, float, float, int]:
    messages = [m for path in HELD_OUT for m in load_blind(path)]
    report = evaluate([LabeledMessage(text=m.text, moves=m.moves) for m in messages])
    score = next(s for s in report.scores if s.move == Move.NOTICE)
    REPORTS[f"notice on its held-out set ({len(messages)} messages)"] = (
        f"notice: support {score.support}, precision {score.precision:.2f}, "
        f"recall {score.recall:.2f}, f1 {score.f1:.2f} (floor {FLOOR:.2f})"
    )
    return score.precision, score.recall, score.f1, score.support


@pytest.mark.skipif(not HELD_OUT, reason="no heldout_notice_*.jsonl yet")
@pytest.mark.xfail(
    HELD_OUT_F1 is not None and HELD_OUT_F1 < FLOOR,
    strict=True,
    reason=f"notice held-out F1 {HELD_OUT_F1} under the floor {FLOOR}; turns red when met",
)
def test_notice_meets_its_held_out_floor() -> None:
    precision, recall, f1, support = _held_out_scores()
    print(f"notice held-out: precision {precision:.2f}, recall {recall:.2f}, f1 {f1:.2f}")
    assert support > 0
    assert f1 >= FLOOR


def test_a_label_a_set_never_had_teaches_the_layer_nothing() -> None:
    import numpy as np

    from simulator.text.logistic import fit

    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 5)).astype(np.float32)
    y = (x[:, :2] > 0).astype(np.float32)
    known = np.ones_like(y)
    known[40:, 1] = 0.0  # the last 20 lines never had the second label
    noisy = y.copy()
    noisy[40:, 1] = 1.0 - noisy[40:, 1]  # whatever they say about it is ignored
    w, b = fit(x, noisy, known, epochs=50)
    w_first, b_first = fit(x[:40], y[:40], epochs=50)
    np.testing.assert_allclose(w[:, 1], w_first[:, 1], atol=1e-5)
    np.testing.assert_allclose(b[1], b_first[1], atol=1e-5)
    w_all, _ = fit(x, y, epochs=50)
    np.testing.assert_allclose(w[:, 0], w_all[:, 0], atol=1e-5)  # the first label used them all


def test_the_notice_round_teaches_notice_and_older_sets_teach_the_rest() -> None:
    from simulator.classifier.train import load_examples

    examples = load_examples(get_mode("listen"))
    listen_moves = {m.value for m in get_mode("listen").move_ids}
    unknown = {e.source: e.unknown for e in examples}
    for writer in ("dev_listen_N1", "dev_listen_N2"):
        assert unknown[writer] == listen_moves - {"notice"}
    for older in ("dev_listen_L1", "dev_listen_L8", "dev_listen_L10", "moves_dev", "moves_dev2"):
        assert unknown[older] == {"notice"}
    # The third round's writers had every label, `notice` among them: they teach it all.
    for writer in ("dev_listen_L11", "dev_listen_L12"):
        assert unknown[writer] == set()
    by_source = {
        name: sum("notice" in e.moves for e in examples if e.source == name)
        for name in ("dev_listen_N1", "dev_listen_N2", "dev_listen_L11", "dev_listen_L12")
    }
    assert by_source["dev_listen_N1"] + by_source["dev_listen_N2"] == 96
    assert by_source["dev_listen_L11"] + by_source["dev_listen_L12"] == 27


def test_the_metrics_count_a_classifier_blind_to_noticing_as_broken() -> None:
    from simulator.classifier.schema import Classification

    messages = load_blind(SETS / "dev_listen_N1.jsonl")
    examples = [LabeledMessage(text=m.text, moves=m.moves) for m in messages]

    def without(text: str) -> Classification:
        found = classify(text)
        spans = [s for s in found.spans if s.move != Move.NOTICE]
        return Classification(
            text=text, moves=[m for m in found.moves if m != Move.NOTICE], spans=spans
        )

    broken = next(s for s in evaluate(examples, without).scores if s.move == Move.NOTICE)
    assert broken.support == 48 and broken.recall == 0.0
    working = next(s for s in evaluate(examples).scores if s.move == Move.NOTICE)
    assert working.recall >= 0.85 and working.precision >= 0.9

"""The move taxonomy is fixed: ids, polarity and sources."""

from __future__ import annotations

from simulator.modes.listen.moves import ATTUNED, MISATTUNED, MOVE_INFO, Move


def test_taxonomy_ids_are_exactly_the_documented_ones() -> None:
    assert {m.value for m in ATTUNED} == {
        "presence", "notice", "reflect", "validate", "support", "ask_need", "open_question",
        "repair", "acknowledge_impact", "invite_solutions",
    }  # fmt: skip
    assert {m.value for m in MISATTUNED} == {
        "explain", "minimize", "correct_facts", "fix", "intent_defense",
        "counter_attack", "turn_away",
    }  # fmt: skip


def test_every_move_is_described_and_traced() -> None:
    assert set(MOVE_INFO) == set(Move)
    for info in MOVE_INFO.values():
        assert info.description and info.step and info.attune
        assert info.polarity == ("attuned" if info.move in ATTUNED else "misattuned")

"""The nervous-system engine shows the dynamics the documents describe."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.classifier import Classification, Span, classify
from simulator.engine import Engine, PartnerState, Zone, zone_for
from simulator.modes.listen.moves import Move
from simulator.personas import Catalog, PersonaCard

# Varied attuned wording, so no phrase repeats and wears off during an arc.
ATTUNED_ARC = [
    "I can see why that would hurt.",
    "So what I'm hearing is that you felt forgotten.",
    "I'm here with you, I'm not going anywhere.",
    "No wonder you were rattled.",
    "It sounds like the waiting was the hardest part.",
    "You're not overreacting, anyone would feel that.",
    "What was that like for you?",
    "I get why you'd feel that way.",
    "Take your time, I'm listening.",
    "If I were in your shoes I'd probably feel that too.",
]


def tagged(*moves: Move, text: str = "") -> Classification:
    """A classification with one span per move, each with distinct wording."""
    spans = [Span(move=m, start=i, end=i + 1, text=f"{m.value}-{i}") for i, m in enumerate(moves)]
    return Classification(
        text=text or " ".join(s.text for s in spans), moves=list(moves), spans=spans
    )


def at(engine: Engine, arousal: float, connection: float = 50.0) -> PartnerState:
    return engine.start().model_copy(update={"arousal": arousal, "connection": connection})


def run(engine: Engine, texts: list[str], state: PartnerState | None = None) -> PartnerState:
    state = state or engine.start()
    for text in texts:
        state = engine.step(state, classify(text)).after
    return state


@pytest.mark.parametrize(
    ("arousal", "zone"),
    [
        (100, Zone.FLOODED), (80, Zone.FLOODED), (79.9, Zone.ESCALATED), (60, Zone.ESCALATED),
        (59.9, Zone.GUARDED), (40, Zone.GUARDED), (39.9, Zone.SETTLING), (20, Zone.SETTLING),
        (19.9, Zone.REGULATED), (0, Zone.REGULATED),
    ],
)  # fmt: skip
def test_zone_thresholds(arousal: float, zone: Zone) -> None:
    assert zone_for(arousal) is zone


def test_dismissal_doubles_down_and_feeling_seen_softens(card: PersonaCard) -> None:
    engine = Engine(card)
    start = engine.start()
    dismissed = engine.step(start, classify("Relax, it's not a big deal.")).after
    seen = engine.step(start, classify("I can see why that would hurt.")).after
    assert dismissed.arousal > start.arousal and dismissed.connection < start.connection
    assert seen.arousal < start.arousal and seen.connection > start.connection


@pytest.mark.parametrize(
    "misstep", [Move.MINIMIZE, Move.EXPLAIN, Move.CORRECT_FACTS, Move.COUNTER_ATTACK]
)
def test_one_misstep_costs_more_than_one_attuned_move_earns(
    card: PersonaCard, misstep: Move
) -> None:
    engine = Engine(card)
    state = at(engine, 50.0)
    gain = state.arousal - engine.step(state, tagged(Move.VALIDATE)).after.arousal
    cost = engine.step(state, tagged(misstep)).after.arousal - state.arousal
    assert cost > gain > 0
    # ...so one of each leaves the partner worse off than before.
    after_both = engine.step(engine.step(state, tagged(Move.VALIDATE)).after, tagged(misstep)).after
    assert after_both.arousal > state.arousal


@pytest.mark.parametrize("move", [Move.FIX, Move.INVITE_SOLUTIONS])
def test_problem_solving_escalates_early_and_is_welcome_once_settled(
    card: PersonaCard, move: Move
) -> None:
    engine = Engine(card)
    for hot in (90.0, 70.0):
        state = at(engine, hot)
        outcome = engine.step(state, tagged(move))
        assert outcome.after.arousal > hot, hot
        assert outcome.after.connection < state.connection
    for settled in (30.0, 10.0):
        state = at(engine, settled)
        outcome = engine.step(state, tagged(move))
        assert outcome.after.arousal < settled, settled
        assert outcome.after.connection > state.connection


def test_the_same_proposal_lands_differently_before_and_after_settling(card: PersonaCard) -> None:
    proposal = (
        "Now that we're calmer, do you want to talk about what we can do differently next time?"
    )
    engine = Engine(card)
    early = engine.step(engine.start(), classify(proposal))
    settled_state = engine.start()
    for text in ATTUNED_ARC:
        if settled_state.zone.is_settled:
            break
        settled_state = engine.step(settled_state, classify(text)).after
    assert settled_state.zone.is_settled
    late = engine.step(settled_state, classify(proposal))
    assert early.arousal_delta > 0 and early.connection_delta < 0
    assert late.arousal_delta < 0 and late.connection_delta > 0


def test_repair_after_a_misstep_brings_arousal_down_more_than_out_of_the_blue(
    card: PersonaCard,
) -> None:
    engine = Engine(card)
    hurt = engine.step(at(engine, 50.0), tagged(Move.FIX)).after
    repaired = engine.step(hurt, tagged(Move.REPAIR))
    assert repaired.arousal_delta < 0
    calm = at(engine, hurt.arousal, hurt.connection)
    unprompted = engine.step(calm, tagged(Move.REPAIR))
    assert repaired.arousal_delta < unprompted.arousal_delta
    assert "repairs the last misstep" in repaired.effects[0].reasons


def test_repair_recovers_most_of_what_the_misstep_cost(card: PersonaCard) -> None:
    engine = Engine(card)
    start = at(engine, 50.0)
    hurt = engine.step(start, classify("Here's what you should do: just turn your phone on.")).after
    back = run(engine, ["You're right, I moved into fixing. Let me slow down."], hurt)
    assert back.arousal < hurt.arousal
    assert hurt.arousal - back.arousal >= 0.5 * (hurt.arousal - start.arousal)


def test_a_repeated_stock_phrase_wears_off_and_then_grates(card: PersonaCard) -> None:
    engine = Engine(card)
    state = at(engine, 50.0)
    drops = []
    for _ in range(5):
        outcome = engine.step(state, classify("That makes sense."))
        drops.append(-outcome.arousal_delta)
        state = outcome.after
    assert drops[0] > drops[1] > drops[2] > 0
    assert drops[4] < 0  # by the fifth time it sounds scripted
    fresh = engine.step(state, classify("No wonder that got to you."))
    assert -fresh.arousal_delta > drops[1]


def test_settling_takes_several_attuned_turns_but_arrives(catalog: Catalog) -> None:
    for card in catalog.cards.values():
        engine = Engine(card)
        state = engine.start()
        zones = []
        for text in ATTUNED_ARC:
            state = engine.step(state, classify(text)).after
            zones.append(state.zone)
        assert not zones[0].is_settled and not zones[1].is_settled, card.id
        assert zones[-1].is_settled, (card.id, zones)


def test_misattuned_arcs_escalate(catalog: Catalog) -> None:
    arc = [
        "I was busy.",
        "It's not a big deal.",
        "That's not how it happened.",
        "Well you always do this.",
    ]
    for card in catalog.cards.values():
        engine = Engine(card)
        end = run(engine, arc)
        assert end.arousal > card.baseline.arousal + 20, card.id
        assert end.zone is Zone.FLOODED, card.id
        assert end.connection < card.baseline.connection


def test_sensitivity_and_intensity_change_the_rates(card: PersonaCard) -> None:
    sharper = card.model_copy(update={"sensitivity": 1.8})
    softer = card.model_copy(update={"sensitivity": 0.6})
    message = tagged(Move.MINIMIZE)

    def cost(engine: Engine) -> float:
        return engine.step(at(engine, 50.0), message).arousal_delta

    assert cost(Engine(sharper)) > cost(Engine(card)) > cost(Engine(softer)) > 0
    assert cost(Engine(card, intensity=1.3)) > cost(Engine(card, intensity=0.75))


def test_pursuers_protest_being_shut_out_more_than_withdrawers(catalog: Catalog) -> None:
    pursuer = Engine(catalog.get("unanswered-text"))
    withdrawer = Engine(catalog.get("quiet-withdraw"))
    pursuer_cost = pursuer.step(at(pursuer, 50.0), tagged(Move.TURN_AWAY)).arousal_delta
    withdrawer_cost = withdrawer.step(at(withdrawer, 50.0), tagged(Move.TURN_AWAY)).arousal_delta
    assert pursuer_cost > withdrawer_cost > 0


def test_withdrawers_settle_more_slowly_but_respond_to_patient_presence(catalog: Catalog) -> None:
    base = catalog.get("unanswered-text")
    withdrawer = base.model_copy(update={"style": "withdraw"})
    pursue_engine, withdraw_engine = Engine(base), Engine(withdrawer)
    validate_p = pursue_engine.step(at(pursue_engine, 50), tagged(Move.VALIDATE)).arousal_delta
    validate_w = withdraw_engine.step(at(withdraw_engine, 50), tagged(Move.VALIDATE)).arousal_delta
    assert validate_w > validate_p  # a smaller drop
    presence_w = withdraw_engine.step(at(withdraw_engine, 50), tagged(Move.PRESENCE)).arousal_delta
    presence_p = pursue_engine.step(at(pursue_engine, 50), tagged(Move.PRESENCE)).arousal_delta
    assert presence_w < presence_p  # presence counts for more with a withdrawer


def test_a_misstep_in_the_same_message_undoes_most_of_the_warmth(card: PersonaCard) -> None:
    engine = Engine(card)
    state = at(engine, 50.0)
    pure = engine.step(state, classify("I get it."))
    mixed = engine.step(state, classify("I get it, but you need to calm down."))
    assert pure.arousal_delta < 0 < mixed.arousal_delta


def test_the_softer_emotion_surfaces_only_once_connection_is_high_enough(catalog: Catalog) -> None:
    for card in catalog.cards.values():
        engine = Engine(card)
        state = engine.start()
        surfaced_at = []
        for text in ATTUNED_ARC:
            outcome = engine.step(state, classify(text))
            if not outcome.after.softened:
                assert (
                    outcome.after.connection < card.underneath.surfaces_at
                    or outcome.after.arousal >= 60
                )
            if outcome.surfaced_now:
                surfaced_at.append(outcome.after.turn)
                assert outcome.after.connection >= card.underneath.surfaces_at
            state = outcome.after
        assert len(surfaced_at) == 1, card.id
        assert surfaced_at[0] >= 3, card.id


def test_harsh_turns_never_unlock_the_softer_emotion(card: PersonaCard) -> None:
    engine = Engine(card)
    state = run(engine, ["It's not a big deal.", "You always do this.", "I was busy."] * 3)
    assert not state.softened


@pytest.mark.parametrize("arousal", [95.0, 85.0, 70.0, 50.0, 30.0, 10.0])
def test_a_message_with_no_recognised_move_never_worsens_the_state(
    catalog: Catalog, arousal: float
) -> None:
    # A misread good message must not cost anything, in any mode, style or zone; the
    # engine has no drift toward the baseline, so the state stays exactly where it was.
    unrecognised = Classification(text="mm, ok. so what happened after that", moves=[], spans=[])
    assert {c.mode for c in catalog.cards.values()} >= {"listen", "ask"}
    for card in catalog.cards.values():
        engine = Engine(card, intensity=3.0)
        hot = at(engine, arousal, 40.0)
        after_misstep = hot.model_copy(update={"turn": 3})
        outcome = engine.step(after_misstep, unrecognised)
        assert outcome.effects == [], card.id
        assert outcome.after.arousal == arousal, card.id
        assert outcome.after.connection == 40.0, card.id
        assert outcome.after.memory.last_misstep_turn is None, card.id
        assert outcome.after.turn == 4


def test_step_is_pure_so_rewinding_is_exact(card: PersonaCard) -> None:
    engine = Engine(card)
    state = run(engine, ATTUNED_ARC[:2])
    snapshot = state.model_dump()
    first = engine.step(state, classify("That makes sense."))
    again = engine.step(state, classify("That makes sense."))
    assert state.model_dump() == snapshot
    assert first == again


def test_intensity_out_of_range_is_rejected(card: PersonaCard) -> None:
    with pytest.raises(ValueError, match="intensity"):
        Engine(card, intensity=10)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(list(Move)), max_size=4), max_size=40))
def test_state_stays_in_bounds_for_any_sequence(card: PersonaCard, turns: list[list[Move]]) -> None:
    engine = Engine(card)
    state = engine.start()
    for moves in turns:
        state = engine.step(state, tagged(*dict.fromkeys(moves))).after
        assert 0.0 <= state.arousal <= 100.0
        assert 0.0 <= state.connection <= 100.0
        assert state.zone is zone_for(state.arousal)
    assert state.turn == len(turns)


def test_proposing_solutions_too_early_counts_as_a_misstep_to_repair(card: PersonaCard) -> None:
    engine = Engine(card)
    rushed = engine.step(at(engine, 70.0), tagged(Move.INVITE_SOLUTIONS)).after
    assert rushed.memory.last_misstep_turn == rushed.turn
    repaired = engine.step(rushed, tagged(Move.REPAIR))
    assert "repairs the last misstep" in repaired.effects[0].reasons

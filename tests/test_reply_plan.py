"""The reply plan: the engine decides what the partner reacts to and how; the voices follow it."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import RunCli
from saved_sessions import meta_for
from simulator.classifier import Classification, Span
from simulator.domain.zones import Zone
from simulator.engine.plan import plan_reply, plan_words
from simulator.engine.state import Effect, PartnerState, TurnOutcome
from simulator.feedback.coach_view import coach_view
from simulator.modes import get_mode
from simulator.personas import Catalog, PersonaCard
from simulator.prompting import render, render_block
from simulator.replyplan import FAMILIES, ReplyPlan
from simulator.store import SessionStore
from simulator.turns.session import Session, TurnRecord
from simulator.voices.base import Reply, ReplyRequest
from simulator.voices.model import persona_context
from simulator.voices.scripted import ScriptedVoice

# A message of each family, said to Priya (the documents' own example).
SAID: dict[str, str] = {
    "minimizing": "It's not a big deal.",
    "explaining": "I was stuck in meetings all afternoon and my phone died.",
    "fixing": "You should just turn on notifications next time.",
    "correcting": "That's not what happened, it was four hours, not five.",
    "defending_intent": "I would never ignore you on purpose, you know that.",
    "counter_attack": "You're being ridiculous, you always overreact.",
    "turning_away": "I'm not doing this right now.",
    "reflecting": "So you sat there all afternoon checking your phone and hearing nothing.",
    "validating": "That makes total sense. Anyone would be upset.",
    "support": "I'm here with you.",
    "questions": "What was the afternoon like for you?",
    "repair": "Sorry, that came out wrong. Let me try again.",
    "owning_impact": "I left you hanging all afternoon, and I can see that hurt you.",
    "inviting_solutions": "Do you want to talk about what we could do next time?",
    "nothing_recognised": "Hmm.",
}


def test_every_family_has_a_message() -> None:
    assert set(SAID) == set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_the_authored_voice_answers_each_family_with_its_reaction(
    catalog: Catalog, family: str
) -> None:
    priya = catalog.get("unanswered-text")
    record = Session(priya, ScriptedVoice(priya)).respond(SAID[family])
    assert record.plan is not None
    assert record.plan.reacting_to.family == family
    assert record.reply in priya.reaction_lines(family, record.plan.heat)
    # Not the zone's own lines: the reply answers what was said.
    assert record.reply not in priya.lines.for_zone(record.zone)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("You never listen to me, you always do this.", "counter_attack"),
        ("Oh great, another brilliant plan from the expert.", "counter_attack"),
        ("Just stop talking and listen.", "counter_attack"),
        ("Forget it. Never mind.", "turning_away"),
        ("I feel really gutted right now.", "owning_impact"),
        ("I do not need a fix, I need comfort.", "support"),
        ("Can you say back what you heard before we problem-solve?", "reflecting"),
        ("Thank you, that really helps.", "validating"),
        ("Hmm.", "nothing_recognised"),
    ],
)
def test_an_ask_mode_partner_answers_the_request_itself(
    catalog: Catalog, text: str, family: str
) -> None:
    daniel = catalog.get("jumps-to-fixes")
    record = Session(daniel, ScriptedVoice(daniel)).respond(text)
    assert record.plan is not None and record.plan.mode == "ask"
    assert record.plan.place == get_mode("ask").words.stage(record.zone)
    assert record.plan.reacting_to.family == family
    assert record.reply in daniel.reaction_lines(family, record.plan.heat)


# --- the plan builder -----------------------------------------------------------------------


def outcome(
    before: tuple[float, float],
    after: tuple[float, float],
    effects: list[tuple[str, str, float, float]] = (),  # type: ignore[assignment]
    softened: bool = False,
    surfaced_now: bool = False,
) -> TurnOutcome:
    return TurnOutcome(
        before=PartnerState(turn=2, arousal=before[0], connection=before[1], softened=softened),
        after=PartnerState(
            turn=3,
            arousal=after[0],
            connection=after[1],
            softened=softened or surfaced_now,
        ),
        effects=[
            Effect.model_validate({"move": m, "span": s, "arousal": a, "connection": c})
            for m, s, a, c in effects
        ],
        surfaced_now=surfaced_now,
    )


def test_a_misstep_while_hot_pushes_back_and_quotes_the_move_that_mattered_most(
    card: PersonaCard,
) -> None:
    plan = plan_reply(
        card,
        outcome(
            (70, 35),
            (95, 20),
            [("explain", "I was busy", 8.0, -3.0), ("minimize", "Relax", 17.0, -12.0)],
        ),
    )
    assert plan.place == "flooded" and plan.heat == "hot" and plan.stance == "push_back"
    assert plan.reacting_to.model_dump() == {
        "family": "minimizing",
        "move": "minimize",
        "words": "Relax",
        "clear": True,
    }
    assert not plan.reveal_softer and plan.softer_line is None


def test_a_misstep_once_settled_makes_the_partner_guarded_not_hostile(card: PersonaCard) -> None:
    plan = plan_reply(card, outcome((30, 55), (38, 50), [("correct_facts", "it was four", 8, -5)]))
    assert plan.heat == "cool" and plan.stance == "stay_guarded"
    assert plan.reacting_to.family == "correcting"


def test_nothing_recognised_earns_nothing(card: PersonaCard) -> None:
    plan = plan_reply(card, outcome((70, 35), (70, 35)))
    assert plan.reacting_to.model_dump() == {
        "family": "nothing_recognised",
        "move": None,
        "words": None,
        "clear": True,
    }
    assert plan.stance == "stay_guarded" and plan.heat == "hot"


def test_attuned_moves_soften_and_the_softer_feeling_opens_up(card: PersonaCard) -> None:
    soft = plan_reply(card, outcome((60, 40), (52, 48), [("validate", "makes sense", -8, 8)]))
    assert soft.stance == "soften" and soft.heat == "wary" and not soft.reveal_softer
    surfaced = plan_reply(
        card,
        outcome((45, 55), (38, 62), [("reflect", "so you waited", -7, 7)], surfaced_now=True),
    )
    assert surfaced.stance == "open_up" and surfaced.reveal_softer
    assert surfaced.softer_line in card.underneath.lines
    assert surfaced.max_sentences == 3


def test_a_welcome_offer_to_solve_once_settled_turns_to_solutions(card: PersonaCard) -> None:
    plan = plan_reply(
        card,
        outcome((25, 70), (15, 78), [("invite_solutions", "what could we do", -6, 5)], True),
    )
    assert plan.place == "regulated" and plan.stance == "turn_to_solutions"
    assert not plan.reveal_softer  # the reply takes up the offer instead
    early = plan_reply(
        card, outcome((65, 35), (72, 30), [("invite_solutions", "what could we do", 7, -5)])
    )
    assert early.stance == "push_back" and early.reacting_to.family == "inviting_solutions"
    said, _ = plan_words(early)
    assert "too soon" in said


def test_a_quiet_partner_says_less_while_hot(catalog: Catalog) -> None:
    noor = catalog.get("quiet-withdraw")
    plan = plan_reply(noor, outcome((62, 25), (75, 18), [("minimize", "one comment", 13, -7)]))
    assert plan.stance == "push_back" and plan.max_sentences == 1


def test_an_ask_mode_partner_defends_against_criticism_and_never_turns_to_solutions(
    catalog: Catalog,
) -> None:
    daniel = catalog.get("jumps-to-fixes")
    attacked = plan_reply(daniel, outcome((65, 30), (85, 22), [("criticize", "you never", 14, -8)]))
    assert attacked.place == "defending" and attacked.heat == "hot"
    assert attacked.stance == "push_back" and attacked.reacting_to.words == "you never"
    asked = plan_reply(daniel, outcome((30, 60), (15, 70), [("name_need", "I need you", -7, 6)]))
    assert asked.place == "turned toward" and asked.heat == "cool"
    assert asked.stance == "soften" and asked.reacting_to.family == "support"


def test_every_move_of_every_mode_has_a_family_and_plain_words() -> None:
    for name in ("listen", "ask"):
        mode = get_mode(name)
        assert mode.planning is not None
        for move in mode.move_ids:
            assert mode.planning.families[move] in FAMILIES
            assert mode.planning.said[move].startswith("They just")
        for zone in Zone:
            assert mode.planning.heat[zone] in ("hot", "wary", "cool")


# --- where the plan goes --------------------------------------------------------------------


def test_the_plan_is_in_the_replay_json(attune: RunCli, tmp_path: Path) -> None:
    script = tmp_path / "script.yaml"
    said = ["It's not a big deal.", "Hmm.", "That makes total sense."]
    script.write_text(json.dumps({"turns": said}), encoding="utf-8")
    result = attune("replay", str(script), "--persona", "unanswered-text", "--json")
    assert result.code == 0, result.err
    turns: list[dict[str, Any]] = json.loads(result.out)["turns"]
    plans = [t["plan"] for t in turns]
    assert plans[0]["reacting_to"] == {
        "family": "minimizing",
        "move": "minimize",
        "words": "It's not a big deal",
        "clear": True,
    }
    assert plans[0]["stance"] == "push_back" and plans[0]["place"] == turns[0]["zone"]
    assert plans[1]["reacting_to"]["family"] == "nothing_recognised"
    assert plans[2]["reacting_to"]["family"] == "validating"
    assert ReplyPlan.model_validate(plans[2]).stance == "soften"


def test_the_plan_is_stored_with_the_turn_and_read_back(card: PersonaCard, tmp_path: Path) -> None:
    session = Session(card, ScriptedVoice(card))
    record = session.respond("It's not a big deal.")
    store = SessionStore(tmp_path / "sessions.db")
    sid = store.create(meta_for(session))
    store.add_turn(sid, record)
    [back] = store.load(sid).turns
    assert back.plan == record.plan and back.plan is not None
    assert back.plan.reacting_to.family == "minimizing"


def test_a_turn_saved_before_plans_existed_still_loads(card: PersonaCard) -> None:
    record = Session(card, ScriptedVoice(card)).respond("Hmm.")
    old = json.loads(record.model_dump_json())
    del old["plan"]
    assert TurnRecord.model_validate(old).plan is None


def test_the_coach_view_says_what_the_partner_reacted_to(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card))
    session.respond("Relax. I was busy.")
    session.respond("Hmm.")
    view = coach_view(card, 1.0, session.state, session.start, session.turns)
    assert view.turns[0].reacting == 'partner reacting to: minimizing ("Relax") → push back'
    assert view.turns[1].reacting == "partner reacting to: nothing recognised → stay guarded"


# --- cards without reactions ----------------------------------------------------------------


def test_a_card_without_reactions_loads_and_speaks_its_zone_lines(card: PersonaCard) -> None:
    data = card.model_dump(mode="json")
    del data["reactions"]
    plain = PersonaCard.model_validate(data)
    assert plain.reactions == {} and plain.reaction_lines("minimizing", "hot") == []
    record = Session(plain, ScriptedVoice(plain)).respond("It's not a big deal.")
    assert record.plan is not None and record.plan.reacting_to.family == "minimizing"
    assert record.reply in plain.lines.for_zone(record.zone)


def test_an_ask_mode_card_refuses_a_listen_mode_family(catalog: Catalog) -> None:
    data = catalog.get("jumps-to-fixes").model_dump(mode="json")
    data["reactions"]["minimizing"] = {"hot": ["Fine."]}
    with pytest.raises(ValueError, match="'minimizing' is not a family of ask-mode moves"):
        PersonaCard.model_validate(data)


# --- the model voice is told the plan -------------------------------------------------------


def test_the_prompt_says_what_just_happened_and_shows_the_matching_reactions(
    card: PersonaCard,
) -> None:
    session = Session(card, ScriptedVoice(card))
    pending = session.prepare("It's not a big deal.")
    ctx = persona_context(pending.request, seed=0)
    prompt = render("persona.j2", ctx)
    assert "They just told you it is not a big deal. It is a big deal to you" in prompt
    assert "Push back" in prompt
    assert "might answer that with:" in prompt
    hot = card.reaction_lines("minimizing", "hot")
    assert all(example in hot for example in ctx.examples)
    assert sum(line in prompt for line in hot) == len(ctx.examples) >= 1
    # The plan is per turn: it sits in the mood after the cache-stable scene.
    scene = render_block("persona.j2", "scene", ctx)
    assert "They just" not in scene and "big deal" not in scene


def test_a_prompt_only_persona_is_not_told_the_plan_but_its_guard_still_is(
    card: PersonaCard,
) -> None:
    """The eval's comparison: the same model without the plan in its prompt."""
    from simulator.voices.model import guard_context

    session = Session(card, ScriptedVoice(card))
    pending = session.prepare("It's not a big deal.")
    ctx = persona_context(pending.request, seed=0, follow_plan=False)
    prompt = render("persona.j2", ctx)
    assert "They just told you" not in prompt and "Push back" not in prompt
    assert not ctx.reacting and all(x in card.lines.for_zone(ctx.zone) for x in ctx.examples)
    guard = guard_context(pending.request, ctx, prompt)
    assert guard.plan is not None and guard.plan.stance == "push_back"


def test_a_guarded_plan_keeps_the_softer_feeling_hidden(card: PersonaCard) -> None:
    pushed = outcome((50, 65), (66, 58), [("counter_attack", "you always", 16, -7)], softened=True)
    request = ReplyRequest(
        card=card, outcome=pushed, learner="You always do this.", opening=card.opening[0]
    )
    prompt = render("persona.j2", persona_context(request, seed=0))
    assert "underneath hidden" in prompt and "Push back" in prompt


def test_the_ask_prompt_tells_the_partner_to_defend_after_criticism(catalog: Catalog) -> None:
    daniel = catalog.get("jumps-to-fixes")
    session = Session(daniel, ScriptedVoice(daniel))
    pending = session.prepare("You never listen to me, you always do this.")
    prompt = render("persona_ask.j2", persona_context(pending.request, seed=0))
    assert "They just criticised you" in prompt and "Defend yourself" in prompt
    assert any(line in prompt for line in daniel.reaction_lines("counter_attack", "hot"))


def test_the_fallback_line_answers_the_plan(card: PersonaCard) -> None:
    voice = ScriptedVoice(card)
    session = Session(card, voice)
    pending = session.prepare("It's not a big deal.")
    assert pending.request.plan is not None
    text = voice.reply(pending.outcome, pending.request.plan)
    assert text in card.reaction_lines("minimizing", "hot")
    session.commit(pending, Reply(text=text))


def test_the_authored_voice_does_not_repeat_its_last_reaction(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card, seed=5))
    replies = [session.respond("That makes total sense.").reply for _ in range(4)]
    assert all(a != b for a, b in itertools.pairwise(replies)), replies


def test_the_classifier_input_words_reach_the_plan(card: PersonaCard) -> None:
    found = Classification(
        text="whatever you say",
        moves=[get_mode("listen").move_ids[-1]],
        spans=[
            Span(move=get_mode("listen").move_ids[-1], text="whatever you say", start=0, end=16)
        ],
    )
    session = Session(card, ScriptedVoice(card), classifier=lambda _: found)
    record = session.respond("whatever you say")
    assert record.plan is not None and record.plan.reacting_to.words == "whatever you say"

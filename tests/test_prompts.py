"""Prompt templates: each matches its context model, and the persona prompt voices the state."""

from __future__ import annotations

import jinja2
import pytest
from jinja2 import meta

from simulator.engine import Engine
from simulator.engine.state import PartnerState, TurnOutcome
from simulator.personas import Catalog, PersonaCard
from simulator.prompting import TEMPLATES, PersonaContext, environment, render, render_block
from simulator.support.paths import data_dir
from simulator.voices.base import Exchange, ReplyRequest
from simulator.voices.model import (
    MAX_HISTORY,
    build_messages,
    closeness,
    persona_context,
)


def test_every_template_has_a_context_model_and_they_declare_the_same_names() -> None:
    on_disk = {p.name for p in data_dir("prompts").glob("*.j2")}
    assert on_disk == set(TEMPLATES)
    env = environment()
    for name, model in TEMPLATES.items():
        source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        used = meta.find_undeclared_variables(env.parse(source))
        assert used == set(model.model_fields), name


def test_the_environment_is_strict_about_undefined_names() -> None:
    env = environment()
    assert env.undefined is jinja2.StrictUndefined
    assert env.trim_blocks and env.lstrip_blocks and env.keep_trailing_newline
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("persona.j2").render(name="Priya")


def test_render_refuses_the_wrong_context_model(card: PersonaCard) -> None:
    from simulator.prompting import JudgeContext

    with pytest.raises(TypeError):
        render("persona.j2", JudgeContext(message="x", partner_said="y", moves=[]))


def _request(
    card: PersonaCard, arousal: float, connection: float, softened: bool = False
) -> ReplyRequest:
    before = PartnerState(turn=1, arousal=arousal, connection=connection)
    after = PartnerState(turn=2, arousal=arousal, connection=connection, softened=softened)
    outcome = TurnOutcome(before=before, after=after, effects=[], surfaced_now=False)
    return ReplyRequest(card=card, outcome=outcome, learner="I hear you.", opening=card.opening[0])


def test_the_prompt_changes_with_zone_and_style(catalog: Catalog) -> None:
    pursuer, withdrawer = catalog.get("unanswered-text"), catalog.get("quiet-withdraw")
    flooded_p = render("persona.j2", persona_context(_request(pursuer, 90, 20), seed=0))
    flooded_w = render("persona.j2", persona_context(_request(withdrawer, 90, 20), seed=0))
    regulated = render("persona.j2", persona_context(_request(pursuer, 10, 80), seed=0))
    assert "furious" in flooded_p and "shutting down" in flooded_w
    assert "No shouting" in flooded_w and "No shouting" not in flooded_p
    assert "planning next time" in regulated and "gets through" not in regulated
    assert len({flooded_p, flooded_w, regulated}) == 3


def test_the_softer_feeling_shows_only_once_it_may(card: PersonaCard) -> None:
    hidden = render("persona.j2", persona_context(_request(card, 50, 40), seed=0))
    shown = render("persona.j2", persona_context(_request(card, 50, 65, softened=True), seed=0))
    assert "underneath hidden" in hidden and "underneath show" not in hidden
    assert "underneath show" in shown and "underneath hidden" not in shown
    assert card.underneath.emotion.value in shown


def test_the_engines_numbers_never_reach_the_prompt(card: PersonaCard) -> None:
    engine = Engine(card)
    state = engine.start()
    request = _request(card, 73.4, 41.7)
    prompt = render("persona.j2", persona_context(request, seed=0))
    for number in ("73", "41", "73.4", "41.7", str(int(state.arousal))):
        assert number not in prompt
    assert "arousal" not in prompt.lower() and "connection" not in prompt.lower()


def test_closeness_words_cover_the_scale() -> None:
    assert [closeness(c) for c in (0, 35, 55, 90)] == ["alone", "unsure", "heard", "close"]


def test_strict_retry_says_what_went_wrong(card: PersonaCard) -> None:
    ctx = persona_context(_request(card, 70, 30), seed=0, strict=True, problem="it gave advice")
    assert "(it gave advice)" in render("persona.j2", ctx)


def test_messages_carry_the_opening_history_and_new_message(card: PersonaCard) -> None:
    request = _request(card, 70, 30).model_copy(
        update={"history": [Exchange(learner="Hi.", partner="Five hours.")]}
    )
    messages = build_messages(request, "SCENE", "MOOD")
    assert [m["role"] for m in messages] == [
        "system",
        "assistant",
        "user",
        "assistant",
        "user",
        "system",
    ]
    assert messages[1]["content"] == card.opening[0] and messages[-2]["content"] == "I hear you."
    assert messages[0]["content"] == "SCENE" and messages[-1]["content"] == "MOOD"


def _with_history(card: PersonaCard, exchanges: int) -> ReplyRequest:
    history = [Exchange(learner=f"L{i}", partner=f"P{i}") for i in range(exchanges)]
    return _request(card, 70, 30).model_copy(update={"history": history})


def test_long_conversations_keep_a_bounded_window_that_moves_in_steps(card: PersonaCard) -> None:
    """Turn after turn, the prompt minus its mood must extend the previous one (cache hits)."""
    misses = 0
    previous: list[dict[str, str]] = []
    for exchanges in range(30):
        messages = build_messages(_with_history(card, exchanges), "SCENE", "MOOD")[:-1]
        kept = sum(m["role"] == "user" for m in messages) - 1
        assert kept <= MAX_HISTORY and kept >= min(exchanges, MAX_HISTORY // 2)
        assert messages[-2]["content"] == f"P{exchanges - 1}" if exchanges else True
        if previous and messages[: len(previous) - 1] != previous[:-1]:
            misses += 1
        previous = messages
    assert misses <= 30 // (MAX_HISTORY // 2), "the window may only jump every few turns"


def test_the_scene_block_is_the_same_on_every_turn_so_the_prompt_cache_holds(
    card: PersonaCard,
) -> None:
    """Only the mood block may change with the state; the scene must be byte-identical."""
    early = persona_context(_request(card, 90, 20), seed=0)
    late = persona_context(_request(card, 10, 80, softened=True), seed=3, strict=True)
    assert render_block("persona.j2", "scene", early) == render_block("persona.j2", "scene", late)
    assert render_block("persona.j2", "mood", early) != render_block("persona.j2", "mood", late)
    whole = render("persona.j2", early)
    assert whole.startswith(render_block("persona.j2", "scene", early).strip())
    assert render_block("persona.j2", "mood", early).strip() in whole


def test_persona_context_fields_all_documented() -> None:
    for name, field in PersonaContext.model_fields.items():
        assert field.description, name

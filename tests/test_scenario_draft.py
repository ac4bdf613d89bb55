"""Drafting a learner's card with a model: validated JSON, guarded lines, reasons on failure.

The model is litellm's `mock_response`: no network, no key.
"""

from __future__ import annotations

import json

import pytest

from fakes import SCENARIO_DRAFT as DRAFT
from simulator.domain.zones import Zone
from simulator.llm.client import CallOptions
from simulator.personas import Catalog, PersonaCard
from simulator.personas.card import plan_families
from simulator.scenario import ScenarioAnswers, build_card, closest_persona
from simulator.scenario.draft import (
    CardDraft,
    DraftRejected,
    apply_draft,
    draft_messages,
    draft_with_model,
    draft_yaml,
    drafting_unavailable,
    parse_draft_yaml,
)

MODEL = "openai/gpt-4o-mini"
ANSWERS = ScenarioAnswers(
    name="Sam",
    about="I forgot our anniversary dinner",
    feels="hurt",
    says_first="So you finally remembered?",
    sets_off="when I explain myself",
)


def options(reply: str) -> CallOptions:
    return CallOptions(model=MODEL, extra={"mock_response": reply})


@pytest.fixture
def parts(catalog: Catalog) -> tuple[PersonaCard, PersonaCard]:
    base = closest_persona(ANSWERS, catalog)
    return base, build_card(ANSWERS, base, "sam")


async def test_a_valid_draft_becomes_the_cards_lines(
    parts: tuple[PersonaCard, PersonaCard],
) -> None:
    base, offline = parts
    result = await draft_with_model(ANSWERS, base, offline, options(json.dumps(DRAFT)))
    assert result.reason is None and result.card is not None and result.draft is not None
    assert result.card.opening == DRAFT["opening"]
    assert result.card.lines.for_zone(Zone.FLOODED) == DRAFT["lines"]["flooded"]
    assert result.card.underneath.lines == DRAFT["underneath"]
    # Everything else (scene, reactions, baseline) still comes from the answers.
    assert result.card.scenario == offline.scenario and result.card.triggers == offline.triggers


async def test_a_fenced_reply_is_accepted(parts: tuple[PersonaCard, PersonaCard]) -> None:
    base, offline = parts
    reply = f"```json\n{json.dumps(DRAFT)}\n```"
    assert (await draft_with_model(ANSWERS, base, offline, options(reply))).card is not None


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("Sure! Here are some lines: ...", "the model's reply is not JSON"),
        ('{"opening": ["Hi."], "lines": {', "the model's reply is not JSON"),
        ('["a list"]', "not an object of lines (got list)"),
        (
            json.dumps({**DRAFT, "lines": {**DRAFT["lines"], "guarded": []}}),
            "lines.guarded: List should have at least 2 items",
        ),
        (json.dumps({**DRAFT, "mood": "angry"}), "mood: unknown field"),
        (
            json.dumps({**DRAFT, "underneath": ["As an AI, I don't have feelings."]}),
            "underneath.lines[0]: out of character in the settling zone "
            "(it sounded like an assistant",
        ),
        (
            json.dumps(
                {
                    **DRAFT,
                    "lines": {
                        **DRAFT["lines"],
                        "flooded": ["Thank you, that means a lot to me.", "Okay!"],
                    },
                }
            ),
            "lines.flooded[0]: out of character in the flooded zone",
        ),
    ],
)
async def test_a_malformed_or_out_of_character_draft_is_rejected_with_the_reason(
    parts: tuple[PersonaCard, PersonaCard], reply: str, reason: str
) -> None:
    base, offline = parts
    result = await draft_with_model(ANSWERS, base, offline, options(reply))
    assert result.card is None and result.draft is None
    assert result.reason is not None and reason in result.reason
    assert "\n" not in result.reason


async def test_scripted_and_local_cannot_draft(parts: tuple[PersonaCard, PersonaCard]) -> None:
    base, offline = parts
    for model in ("scripted", "local"):
        reason = drafting_unavailable(model)
        assert reason is not None and "choose a capable model" in reason
        result = await draft_with_model(ANSWERS, base, offline, CallOptions(model=model))
        assert result.card is None and result.reason == reason
    assert drafting_unavailable(MODEL) is None


def test_the_prompt_carries_the_answers_and_asks_for_json(
    parts: tuple[PersonaCard, PersonaCard],
) -> None:
    base, _ = parts
    [message] = draft_messages(ANSWERS, base)
    prompt = message["content"]
    for words in ("Sam", "anniversary dinner", "So you finally remembered?", "explain myself"):
        assert words in prompt
    assert "Answer with JSON only" in prompt and '"regulated"' in prompt
    assert all(line in prompt for line in base.lines.for_zone(Zone.FLOODED)[:3])


def test_an_edited_draft_goes_through_the_same_checks(
    parts: tuple[PersonaCard, PersonaCard],
) -> None:
    _, offline = parts
    draft = CardDraft.model_validate(DRAFT)
    text = draft_yaml(draft)
    assert parse_draft_yaml(text) == draft
    edited = text.replace("Thank you for hearing me.", "Thank you for hearing me, really.")
    assert "Thank you for hearing me, really." in apply_draft(
        offline, parse_draft_yaml(edited)
    ).lines.for_zone(Zone.REGULATED)
    with pytest.raises(DraftRejected, match="not valid YAML"):
        parse_draft_yaml("opening: [unclosed")
    with pytest.raises(DraftRejected, match=r"lines.settling\[0\]: out of character"):
        apply_draft(
            offline, parse_draft_yaml(text.replace("Okay. That helps a bit.", "I hate you."))
        )


DRAFT_CUES = {
    "flooded": ["Sam won't look at you."],
    "settling": ["Sam sits down next to you."],
    "after_misstep": ["Sam's jaw tightens."],
    "after_attuned": ["Sam breathes out."],
}


async def test_drafted_cues_become_the_cards_and_a_draft_without_keeps_the_plain_ones(
    parts: tuple[PersonaCard, PersonaCard],
) -> None:
    base, offline = parts
    # Offline, the card has plain cues in the partner's name for every zone.
    assert offline.cues is not None
    assert all(offline.cues.for_zone(zone) for zone in Zone)
    assert all("Sam" in line for line in offline.cues.all_lines())
    drafted = await draft_with_model(
        ANSWERS, base, offline, options(json.dumps({**DRAFT, "cues": DRAFT_CUES}))
    )
    assert drafted.card is not None and drafted.card.cues is not None, drafted.reason
    assert drafted.card.cues.for_zone(Zone.FLOODED) == DRAFT_CUES["flooded"]
    assert drafted.card.cues.for_zone(Zone.GUARDED) == []
    assert drafted.card.cues.after_attuned == DRAFT_CUES["after_attuned"]
    assert drafted.draft is not None and "after_misstep" in draft_yaml(drafted.draft)
    plain = await draft_with_model(ANSWERS, base, offline, options(json.dumps(DRAFT)))
    assert plain.card is not None and plain.card.cues == offline.cues
    assert "cues" not in draft_yaml(CardDraft.model_validate(DRAFT))


@pytest.mark.parametrize(
    ("cues", "reason"),
    [
        ({"flooded": ['Sam says "leave me alone."']}, "cues.by_zone.flooded[0]: a cue says what Sam does"),
        ({"after_attuned": ["I feel better now."]}, "cues.after_attuned[0]: a cue says what Sam does"),
        ({"settling": ["x" * 121]}, "cues.settling.0: String should have at most 120 characters"),
    ],
)  # fmt: skip
async def test_a_spoken_or_long_cue_is_rejected_with_the_reason(
    parts: tuple[PersonaCard, PersonaCard], cues: dict[str, list[str]], reason: str
) -> None:
    base, offline = parts
    reply = json.dumps({**DRAFT, "cues": cues})
    result = await draft_with_model(ANSWERS, base, offline, options(reply))
    assert result.card is None and result.reason is not None and reason in result.reason


def test_the_prompt_asks_for_cues(parts: tuple[PersonaCard, PersonaCard]) -> None:
    base, _ = parts
    [message] = draft_messages(ANSWERS, base)
    assert '"cues"' in message["content"] and '"after_misstep"' in message["content"]
    assert "never words Sam says" in message["content"]


async def test_drafted_reactions_replace_the_offline_ones_heat_by_heat(
    parts: tuple[PersonaCard, PersonaCard],
) -> None:
    base, offline = parts
    hot = ["Don't you dare shrink this! It was our anniversary!"]
    draft = {**DRAFT, "reactions": {"minimizing": {"hot": hot}}}
    result = await draft_with_model(ANSWERS, base, offline, options(json.dumps(draft)))
    assert result.card is not None, result.reason
    assert result.card.reaction_lines("minimizing", "hot") == hot
    # The heats and families the draft left out keep the offline reactions.
    assert result.card.reaction_lines("minimizing", "cool") == offline.reaction_lines(
        "minimizing", "cool"
    )
    assert result.card.reactions["validating"] == offline.reactions["validating"]


@pytest.mark.parametrize(
    ("reactions", "reason"),
    [
        ({"minimising": {"hot": ["No!"]}}, "did you mean 'minimizing'"),
        ({"minimizing": {"hot": ["As an AI, I can't feel that."]}}, "reactions.minimizing.hot[0]"),
    ],
)
async def test_drafted_reactions_are_checked_like_every_line(
    parts: tuple[PersonaCard, PersonaCard], reactions: dict[str, object], reason: str
) -> None:
    base, offline = parts
    draft = {**DRAFT, "reactions": reactions}
    result = await draft_with_model(ANSWERS, base, offline, options(json.dumps(draft)))
    assert result.card is None and reason in (result.reason or "")


def test_the_prompt_asks_for_reactions_to_every_family(
    parts: tuple[PersonaCard, PersonaCard],
) -> None:
    base, _ = parts
    prompt = draft_messages(ANSWERS, base)[0]["content"]
    assert '"reactions"' in prompt and '"hot"' in prompt
    for family in plan_families(base.mode):
        assert f"- {family}: " in prompt
    # The closest persona's own reactions are the examples of voice.
    assert base.reaction_lines("minimizing", "hot")[0] in prompt

"""The new-scenario core: the form's answers, the closest shipped persona, the offline card,
and the learner's private folder."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from simulator.domain.zones import Zone
from simulator.personas import Catalog, PersonaCard, SofterEmotion, Style
from simulator.personas.card import plan_families
from simulator.personas.files import persona_dirs
from simulator.personas.loader import load_card, load_catalog, load_default_catalog
from simulator.scenario import (
    ScenarioAnswers,
    answer_problems,
    build_card,
    closest_persona,
    delete_user_card,
    load_answers,
    restore_user_card,
    save_user_card,
    suggest_id,
)
from simulator.scenario.bank import FEELS_LINES, REACTION_LINES, SOFTER_LINES, ZONE_LINES
from simulator.scenario.fit import SOFTER_ZONE, heat_zones, line_problem, reaction_problems
from simulator.scenario.skeleton import skeleton
from simulator.scenario.trash import trash_dir
from simulator.support.errors import AttuneError, UnknownPersonaError
from simulator.support.paths import user_personas_dir

SAM = {
    "name": "Sam",
    "about": "I forgot our anniversary dinner and she found out from a friend",
    "feels": "hurt and let down",
    "says_first": "So you finally remembered?",
    "soothes": "when I just listen and take it seriously",
    "sets_off": "when I explain myself or say she is overreacting",
    "style": "pursue",
    "underneath": "hurt",
    "intensity": "upset",
}


def fresh_catalog() -> Catalog:
    """The shipped cards plus the learner's folder (ATTUNE_HOME is a temp folder per test)."""
    return load_default_catalog()


# --- the form --------------------------------------------------------------------------------


def test_empty_required_answers_are_named_with_a_clear_message() -> None:
    problems = answer_problems({"about": "   ", "says_first": ""})
    assert problems == {
        "about": "required: please answer this one",
        "says_first": "required: please answer this one",
    }


def test_over_long_answers_say_their_length_and_the_limit() -> None:
    problems = answer_problems({**SAM, "about": "x" * 301, "name": "N" * 41})
    assert problems["about"] == "too long: 301 characters, at most 300"
    assert problems["name"] == "too long: 41 characters, at most 40"
    assert answer_problems(SAM) == {}


def test_answers_lose_control_characters_and_extra_whitespace() -> None:
    answers = ScenarioAnswers.model_validate(
        {**SAM, "name": " Sam\x1b[31m ", "about": "a\n\n  b\x07"}
    )
    assert answers.name == "Sam[31m"
    assert answers.about == "a b"
    assert ScenarioAnswers(about="x", says_first="y").partner_name == "Partner"


def test_an_abusive_opening_is_refused_like_any_persona_line() -> None:
    problems = answer_problems({**SAM, "says_first": "You're pathetic, you know that?"})
    assert "cruel or threatening" in problems["says_first"]


@pytest.mark.parametrize(
    "opening", ["Keep this up and you'll regret it.", "Maybe I should just end it all then."]
)
def test_an_opening_that_threatens_or_speaks_of_self_harm_is_refused(opening: str) -> None:
    # The partner never speaks of harm as its own, from the first line on.
    problems = answer_problems({**SAM, "says_first": opening})
    assert "cruel or threatening" in problems["says_first"]
    assert "says_first" not in answer_problems({**SAM, "says_first": "So you finally remembered?"})


# --- the closest shipped persona ---------------------------------------------------------------


def test_closest_persona_follows_style_feeling_and_wording(catalog: Catalog) -> None:
    withdraw = ScenarioAnswers(
        about="we argued about money", says_first="Fine.", style=Style.WITHDRAW
    )
    assert closest_persona(withdraw, catalog).id == "quiet-withdraw"
    fear = ScenarioAnswers.model_validate(
        {**SAM, "about": "I didn't answer her texts all day", "underneath": "fear"}
    )
    assert closest_persona(fear, catalog).id == "unanswered-text"
    facts = ScenarioAnswers.model_validate(
        {**SAM, "underneath": "loneliness", "sets_off": "when I correct the facts"}
    )
    assert closest_persona(facts, catalog).id == "different-memory"


def test_closest_persona_only_uses_shipped_cards(catalog: Catalog, tmp_path: Path) -> None:
    answers = ScenarioAnswers.model_validate({**SAM, "style": "withdraw"})
    mine = build_card(answers, catalog.get("quiet-withdraw"), "mine")
    mixed = Catalog(dict(catalog.cards), dict(catalog.sources))
    mixed.add(mine, tmp_path / "mine.yaml")
    assert closest_persona(answers, mixed).id == "quiet-withdraw"
    with pytest.raises(AttuneError, match="no shipped persona"):
        closest_persona(answers, Catalog())


# --- the offline card ------------------------------------------------------------------------


def test_the_card_carries_the_learners_words(catalog: Catalog) -> None:
    answers = ScenarioAnswers.model_validate(SAM)
    card = build_card(answers, closest_persona(answers, catalog), "sam")
    assert card.id == "sam" and card.name == "Sam" and card.style == Style.PURSUE
    assert card.opening == ["So you finally remembered?"]
    assert card.underneath.emotion == SofterEmotion.HURT
    assert "anniversary dinner" in card.scenario and "anniversary dinner" in card.summary
    assert "anniversary dinner" in (card.situation or "")
    assert "I'm hurt and let down, and I need you to actually hear that." in card.lines.for_zone(
        Zone.ESCALATED
    )
    assert {r.move.value for r in card.soothes} == {"presence", "validate"}
    assert {r.move.value for r in card.triggers} == {"explain", "minimize"}
    assert all("when I explain myself" in r.why for r in card.triggers)


def test_shipped_lines_that_belong_to_their_own_scene_stay_behind(catalog: Catalog) -> None:
    answers = ScenarioAnswers.model_validate({**SAM, "underneath": "fear"})
    base = catalog.get("unanswered-text")
    card = build_card(answers, base, "sam")
    spoken = [line for zone in Zone for line in card.lines.for_zone(zone)]
    taken = set(spoken) & {line for zone in Zone for line in base.lines.for_zone(zone)}
    assert taken, "some of the closest persona's lines are reused"
    for line in spoken + card.underneath.lines:
        lowered = line.lower()
        assert not any(w in lowered for w in ("text", "phone", "hours", "five", "seven")), line


def test_every_bank_line_passes_the_guard_in_its_zone() -> None:
    """The bank backs up every zone: a line the guard dropped would leave a zone thinner."""
    for style, zones in ZONE_LINES.items():
        for zone, lines in zones.items():
            for line in lines:
                assert line_problem(line, "Sam", style, zone) is None, (style, zone, line)
        for zone, feeling_line in FEELS_LINES[style].items():
            line = feeling_line.format(feels="hurt and let down")
            assert line_problem(line, "Sam", style, zone) is None, (style, line)
    for emotion in SofterEmotion:
        for line in SOFTER_LINES[emotion]:
            for style in Style:
                assert line_problem(line, "Sam", style, SOFTER_ZONE) is None, line


def test_the_same_answers_make_the_same_card(catalog: Catalog) -> None:
    answers = ScenarioAnswers.model_validate(SAM)
    base = closest_persona(answers, catalog)
    assert build_card(answers, base, "sam") == build_card(answers, base, "sam")


def test_intensity_sets_where_the_partner_starts(catalog: Catalog) -> None:
    base = catalog.get("bad-day")
    mild = build_card(ScenarioAnswers.model_validate({**SAM, "intensity": "mild"}), base, "ab")
    heated = build_card(ScenarioAnswers.model_validate({**SAM, "intensity": "heated"}), base, "ab")
    assert mild.baseline.arousal < heated.baseline.arousal
    assert mild.sensitivity < heated.sensitivity


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=320)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(max_size=45),
    about=_TEXT,
    feels=st.text(max_size=70),
    says_first=_TEXT,
    soothes=_TEXT,
    sets_off=_TEXT,
    style=st.sampled_from(list(Style)),
    underneath=st.none() | st.sampled_from(list(SofterEmotion)),
    intensity=st.sampled_from(["mild", "upset", "heated"]),
)
def test_any_accepted_answers_make_a_valid_in_character_card(
    catalog: Catalog, **raw: object
) -> None:
    assume(not answer_problems(raw))
    answers = ScenarioAnswers.model_validate(raw)
    card = build_card(
        answers, closest_persona(answers, catalog), suggest_id(answers, catalog.cards)
    )
    assert PersonaCard.model_validate(card.model_dump()) == card
    assert card.id not in catalog.cards
    for zone in Zone:
        assert card.lines.for_zone(zone)
        for line in card.lines.for_zone(zone):
            assert line_problem(line, card.name, card.style, zone) is None, (zone, line)
    for line in card.underneath.lines:
        assert line_problem(line, card.name, card.style, SOFTER_ZONE) is None, line


def test_ids_come_from_the_name_and_topic_and_never_collide(catalog: Catalog) -> None:
    answers = ScenarioAnswers.model_validate(SAM)
    assert suggest_id(answers, ()) == "sam-forgot-anniversary-dinner"
    assert (
        suggest_id(answers, {"sam-forgot-anniversary-dinner"}) == "sam-forgot-anniversary-dinner-2"
    )
    bare = ScenarioAnswers(name="Zoë", about="?", says_first="...")
    assert suggest_id(bare, ()) == "zoe"
    assert suggest_id(ScenarioAnswers(about="!!", says_first="..."), ()) == "my-talk"


# --- the learner's folder --------------------------------------------------------------------


def test_saved_cards_are_private_and_load_as_yours(catalog: Catalog) -> None:
    answers = ScenarioAnswers.model_validate(SAM)
    card = build_card(answers, closest_persona(answers, catalog), "sam")
    mine = fresh_catalog()
    path = save_user_card(card, mine, answers)
    assert path == user_personas_dir() / "sam.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
    assert path.read_text().startswith("# Made with attune's new-scenario form")
    assert load_card(path) == card
    assert mine.is_user("sam") and not mine.is_shipped("sam")
    again = fresh_catalog()
    assert again.get("sam") == card and again.is_user("sam")
    assert not again.is_user("unanswered-text")
    assert load_answers("sam") == answers
    assert [p.name for p in path.parent.iterdir() if p.is_file()] == ["sam.yaml"]


def test_a_shipped_id_or_an_existing_card_is_refused(catalog: Catalog) -> None:
    answers = ScenarioAnswers.model_validate(SAM)
    mine = fresh_catalog()
    clash = build_card(answers, catalog.get("bad-day"), "bad-day")
    with pytest.raises(AttuneError, match="id of a shipped persona"):
        save_user_card(clash, mine)
    assert not user_personas_dir().exists()
    card = build_card(answers, catalog.get("bad-day"), "sam")
    save_user_card(card, mine)
    with pytest.raises(AttuneError, match="already have a card 'sam'"):
        save_user_card(card, mine)
    save_user_card(card.model_copy(update={"name": "Samira"}), mine, replace=True)
    assert fresh_catalog().get("sam").name == "Samira"


def test_delete_moves_the_card_and_its_answers_to_the_trash_but_never_a_shipped_card(
    catalog: Catalog,
) -> None:
    answers = ScenarioAnswers.model_validate(SAM)
    mine = fresh_catalog()
    path = save_user_card(build_card(answers, catalog.get("bad-day"), "sam"), mine, answers)
    text = path.read_text()
    with pytest.raises(AttuneError, match="cannot be deleted"):
        delete_user_card("bad-day", mine)
    with pytest.raises(UnknownPersonaError):
        delete_user_card("nobody", mine)
    trashed = delete_user_card("sam", mine)
    assert not path.exists() and load_answers("sam") is None
    assert "sam" not in mine.cards and "sam" not in fresh_catalog().cards
    assert trashed.card.parent == trash_dir() and trashed.card.read_text() == text
    assert trashed.answers is not None and trashed.answers.is_file()
    assert restore_user_card("sam", mine) == path
    assert path.read_text() == text and load_answers("sam") == answers
    assert mine.is_user("sam") and list(trash_dir().iterdir()) == []


def test_a_broken_card_of_yours_is_skipped_not_fatal(catalog: Catalog) -> None:
    folder = user_personas_dir()
    folder.mkdir(parents=True)
    (folder / "half.yaml").write_text(skeleton("half", "half.yaml"))
    (folder / "bad.yaml").write_text("id: [unclosed\n")
    loaded = fresh_catalog()
    assert set(loaded.cards) == set(catalog.cards)
    assert len(loaded.problems) == 2
    assert any("half.yaml: name: still to fill in" in p for p in loaded.problems)
    # Elsewhere (--personas) a bad card still stops everything, as before.
    with pytest.raises(AttuneError):
        load_catalog(persona_dirs([folder], user=False))


def test_the_learners_folder_is_left_out_on_request() -> None:
    folder = user_personas_dir()
    folder.mkdir(parents=True)
    assert folder in persona_dirs()
    assert folder not in persona_dirs(user=False)


def test_a_filled_in_skeleton_is_a_valid_card(tmp_path: Path) -> None:
    text = skeleton("my-sister", "my-sister.yaml")
    assert yaml.safe_load(text)["id"] == "my-sister"
    path = tmp_path / "my-sister.yaml"
    path.write_text(re.sub(r"<fill in:[^>]*>", "Okay.", text))
    assert load_card(path).id == "my-sister"


def test_the_offline_card_reacts_to_every_family_in_character(catalog: Catalog) -> None:
    for style in Style:
        answers = ScenarioAnswers.model_validate({**SAM, "style": style.value})
        base = closest_persona(answers, catalog)
        card = build_card(answers, base, "sam")
        for family in plan_families(card.mode):
            for heat in ("hot", "wary", "cool"):
                assert card.reaction_lines(family, heat), (style, family, heat)
        assert reaction_problems(card) == []
        lines = {
            x
            for f in card.reactions
            for h in ("hot", "wary", "cool")
            for x in card.reaction_lines(f, h)
        }
        # The closest persona's reactions that do not belong to its own scene are reused.
        assert lines & {
            x
            for f in base.reactions
            for h in ("hot", "wary", "cool")
            for x in base.reaction_lines(f, h)
        }
        for line in lines:
            assert not any(w in line.lower() for w in ("text", "phone", "slides", "dinner")), line


def test_every_bank_reaction_passes_the_guard_at_its_heat() -> None:
    for style, families in REACTION_LINES.items():
        for family, heats in families.items():
            for heat, lines in heats.items():
                for line in lines:
                    for zone in heat_zones("listen", heat):
                        assert line_problem(line, "Sam", style, zone) is None, (family, heat, line)


@pytest.mark.parametrize("name", ["I", "okay", "'", "--"])
def test_a_name_that_is_a_stock_word_or_no_word_is_refused(name: str) -> None:
    # Hypothesis found these: a partner called "I" could say none of the stock lines,
    # since the guard takes "I" in a line for the partner saying their own name.
    problems = answer_problems({"name": name, "about": "the dishes", "says_first": "Hi."})
    assert "name" in problems and "first name" in problems["name"], problems
    assert not answer_problems({"name": "Mum", "about": "the dishes", "says_first": "Hi."})

"""The new-scenario form and the learner's own cards in the picker, driven with Pilot."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import (
    Button,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from fakes import SCENARIO_DRAFT as DRAFT
from simulator.domain.zones import Zone
from simulator.llm.client import CallOptions
from simulator.personas.loader import load_card, load_default_catalog
from simulator.scenario import ScenarioAnswers, build_card, closest_persona, save_user_card
from simulator.scenario.trash import trash_dir
from simulator.settings.config import Settings
from simulator.support.paths import user_personas_dir
from simulator.tui.app import AttuneApp
from simulator.tui.context import AppContext
from simulator.tui.screens.dialogs import ConfirmScreen
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.screens.practice import PracticeScreen
from simulator.tui.screens.scenario_form import ScenarioFormScreen
from simulator.tui.screens.your_scenarios import YOURS_HEADING
from tui_support import SAM, make_context, screen_of

SIZE = (120, 40)


def context_with_yours(tmp_path: Path, **kwargs: object) -> AppContext:
    """The test context, with the learner's own folder loaded as a real run would."""
    context = make_context(tmp_path, **kwargs)  # type: ignore[arg-type]
    context.catalog = load_default_catalog()
    return context


def save_sam(context: AppContext, card_id: str = "sam") -> Path:
    answers = ScenarioAnswers.model_validate(SAM)
    card = build_card(answers, closest_persona(answers, context.catalog), card_id)
    return save_user_card(card, context.catalog, answers)


async def open_form(pilot: Pilot[None]) -> ScenarioFormScreen:
    await pilot.pause()
    await pilot.press("n")
    return await screen_of(pilot, ScenarioFormScreen)


def fill(form: ScenarioFormScreen, **answers: str) -> None:
    for name, value in answers.items():
        form.query_one(f"#field-{name}", Input).value = value


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def error_text(form: ScenarioFormScreen, name: str) -> str:
    return str(form.query_one(f"#error-{name}", Static).render())


async def test_describe_save_and_practise_at_once_then_find_it_next_time(tmp_path: Path) -> None:
    app = AttuneApp(context_with_yours(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, **SAM)
        form.query_one("#field-style", RadioSet).query(RadioButton).last().value = True
        await save(pilot)
        practice = await screen_of(pilot, PracticeScreen)
        card = practice.practice.card
        assert card.id == "sam-forgot-anniversary-dinner" and card.name == "Sam"
        assert card.style.value == "withdraw"
        assert practice.practice.opening == "So you finally remembered?"
        path = user_personas_dir() / f"{card.id}.yaml"
        assert load_card(path) == card
        # Back in the picker, the new card is listed and highlighted.
        picker = app.screen_stack[0]
        assert isinstance(picker, PickerScreen)
        assert picker.highlighted_id() == card.id
    # Next time: a fresh app lists it under "Your scenarios", apart from the shipped ones.
    again = AttuneApp(context_with_yours(tmp_path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ids = [str(o.id) for o in again.screen.query_one(OptionList).options]
        assert ids[-2:] == [YOURS_HEADING, "sam-forgot-anniversary-dinner"]
        assert "unanswered-text" in ids[: ids.index(YOURS_HEADING)]


async def test_empty_and_over_long_answers_are_shown_by_their_field_and_nothing_is_saved(
    tmp_path: Path,
) -> None:
    app = AttuneApp(context_with_yours(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, name="N" * 41, about="", says_first="x" * 301)
        await save(pilot)
        assert app.screen is form
        assert "required: please answer this one" in error_text(form, "about")
        assert "too long: 301 characters, at most 300" in error_text(form, "says_first")
        assert "too long: 41 characters, at most 40" in error_text(form, "name")
        assert error_text(form, "feels") == ""
        assert form.query_one("#error-about").has_class("shown")
        assert form.focused is form.query_one("#field-name", Input)
        assert not user_personas_dir().exists()
        # Fixed answers clear the messages and save.
        fill(form, name="Sam", about="money", says_first="Fine.")
        await save(pilot)
        await screen_of(pilot, PracticeScreen)
        assert (user_personas_dir() / "sam-money.yaml").is_file()


async def test_cancel_saves_nothing(tmp_path: Path) -> None:
    app = AttuneApp(context_with_yours(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, **SAM)
        await pilot.press("escape")
        await screen_of(pilot, PickerScreen)
        assert not user_personas_dir().exists()


async def test_delete_asks_and_moves_only_your_card_to_the_trash(tmp_path: Path) -> None:
    context = context_with_yours(tmp_path)
    path = save_sam(context)
    text = path.read_text()
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        options = picker.query_one(OptionList)
        # A shipped card: delete does nothing.
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        options.highlighted = [str(o.id) for o in options.options].index("sam")
        await pilot.pause()
        assert "Your card:" in str(picker.query_one("#scenario", Static).render())
        await pilot.press("d")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("n")
        await screen_of(pilot, PickerScreen)
        assert path.exists()
        await pilot.press("d")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not path.exists() and "sam" not in context.catalog.cards
        ids = [str(o.id) for o in options.options]
        assert "sam" not in ids and YOURS_HEADING not in ids
        # The same core function as `attune personas delete`: the card is in the trash.
        (trashed,) = trash_dir().glob("sam.*.yaml")
        assert trashed.read_text() == text


async def test_edit_reopens_the_form_prefilled_and_saves_over_the_same_card(
    tmp_path: Path,
) -> None:
    context = context_with_yours(tmp_path)
    path = save_sam(context)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        options.highlighted = [str(o.id) for o in options.options].index("sam")
        await pilot.press("e")
        form = await screen_of(pilot, ScenarioFormScreen)
        assert form.query_one("#field-about", Input).value == SAM["about"]
        assert "Editing your scenario 'sam'" in str(form.query_one("#form-intro", Static).render())
        assert form.query_one("#field-says_first", Input).value == SAM["says_first"]
        fill(form, says_first="Oh. You remembered.")
        await save(pilot)
        practice = await screen_of(pilot, PracticeScreen)
        assert practice.practice.card.id == "sam"
        assert load_card(path).opening == ["Oh. You remembered."]
        assert sorted(p.name for p in path.parent.glob("*.yaml")) == ["sam.yaml"]


def mocked(reply: str) -> object:
    def options(model: str, settings: Settings) -> CallOptions:
        return CallOptions(model=model, extra={"mock_response": reply})

    return options


async def test_drafting_with_a_model_shows_the_lines_for_editing_then_saves_them(
    tmp_path: Path,
) -> None:
    context = context_with_yours(tmp_path, model="openai/gpt-4o-mini")
    context.draft_options = mocked(json.dumps(DRAFT))  # type: ignore[assignment]
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, **SAM)
        assert not form.query_one("#draft-with-model", Button).disabled
        await pilot.click("#draft-with-model")
        await app.workers.wait_for_complete()
        await pilot.pause()
        box = form.query_one("#draft", TextArea)
        assert box.display and "I waited at that table for an hour!" in box.text
        assert not user_personas_dir().exists()  # shown, not saved
        box.text = box.text.replace("Thank you for hearing me.", "Thanks for hearing me out.")
        await save(pilot)
        practice = await screen_of(pilot, PracticeScreen)
        card = practice.practice.card
        assert card.lines.for_zone(Zone.REGULATED)[-1] == "Thanks for hearing me out."
        assert card.opening == DRAFT["opening"]
        assert load_card(user_personas_dir() / f"{card.id}.yaml") == card


async def test_an_edited_draft_that_breaks_character_is_not_saved(tmp_path: Path) -> None:
    context = context_with_yours(tmp_path, model="openai/gpt-4o-mini")
    context.draft_options = mocked(json.dumps(DRAFT))  # type: ignore[assignment]
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, **SAM)
        await pilot.click("#draft-with-model")
        await app.workers.wait_for_complete()
        await pilot.pause()
        box = form.query_one("#draft", TextArea)
        box.text = box.text.replace("Okay. That helps a bit.", "As an AI, I can't feel.")
        await save(pilot)
        assert app.screen is form
        assert "Not saved: lines.settling[0]: out of character" in error_text(form, "draft")
        assert not user_personas_dir().exists()


async def test_a_malformed_draft_is_rejected_with_the_reason(tmp_path: Path) -> None:
    context = context_with_yours(tmp_path, model="openai/gpt-4o-mini")
    context.draft_options = mocked('{"opening": ["Hi."], "lines": {"flooded": []}}')  # type: ignore[assignment]
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, **SAM)
        await pilot.click("#draft-with-model")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(form.query_one("#draft-status", Static).render())
        assert "rejected, and nothing was saved: the draft does not fit a card" in status
        assert not form.query_one("#draft", TextArea).display
        assert not user_personas_dir().exists()


async def test_scripted_cannot_draft_and_says_why(tmp_path: Path) -> None:
    app = AttuneApp(context_with_yours(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        assert form.query_one("#draft-with-model", Button).disabled
        status = str(form.query_one("#draft-status", Static).render())
        assert "off with 'scripted'" in status and "choose a capable model" in status
        assert form.query_one("#field-underneath", Select).value == "not-sure"


async def test_a_broken_card_of_yours_is_reported_and_the_picker_still_works(
    tmp_path: Path,
) -> None:
    folder = user_personas_dir()
    folder.mkdir(parents=True)
    (folder / "half.yaml").write_text("id: half\nname: [unclosed\n")
    context = context_with_yours(tmp_path)
    app = AttuneApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        notes = [n.message for n in app._notifications]
        assert any("Skipped one of your cards" in m and "half.yaml" in m for m in notes)
        assert app.screen.query_one(OptionList).option_count == len(context.catalog.cards)

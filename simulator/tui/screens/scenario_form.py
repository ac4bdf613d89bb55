"""The new-scenario form: describe your own talk, save a card, practise with it at once."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from simulator.personas import PersonaCard, SofterEmotion
from simulator.practice.conversation import PracticeSetup
from simulator.scenario import (
    FIELDS,
    ScenarioAnswers,
    answer_problems,
    build_card,
    closest_persona,
    save_user_card,
    suggest_id,
)
from simulator.scenario.answers import INTENSITY_HELP, STYLE_HELP
from simulator.scenario.draft import (
    DraftRejected,
    apply_draft,
    draft_with_model,
    draft_yaml,
    drafting_unavailable,
    parse_draft_yaml,
)
from simulator.scenario.store import check_new_id, user_card_ids
from simulator.support.errors import AttuneError
from simulator.support.textsafe import printable
from simulator.tui.screens import SCREENS_CSS

if TYPE_CHECKING:
    from simulator.tui.app import AttuneApp

NOT_SURE = "not-sure"


class ScenarioFormScreen(Screen[None]):
    """A short form about the learner's own talk; Save builds the card and starts practising."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("ctrl+s", "save", "Save and practise", show=True, priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        setup: PracticeSetup | None = None,
        prefill: ScenarioAnswers | None = None,
        card_id: str | None = None,
    ) -> None:
        super().__init__()
        self.setup = setup
        self.prefill = prefill
        self.card_id = card_id
        """The card being edited (None: a new card)."""
        self.busy = False

    def _intro(self) -> str:
        if self.card_id is None:
            return (
                "Describe the talk you are about to have. attune builds a partner from your "
                "answers, saves it in your own folder, and starts the practice."
            )
        return (
            f"Editing your scenario '{self.card_id}'. Saving rebuilds its lines from these "
            "answers (draft again to have the model rewrite them), replacing any edits made "
            "to its file by hand."
        )

    @property
    def attune(self) -> AttuneApp:
        """The app, typed."""
        return cast("AttuneApp", self.app)

    def compose(self) -> ComposeResult:
        before = self.prefill
        yield Header()
        with VerticalScroll(id="scenario-form"):
            yield Static(self._intro(), id="form-intro", markup=False)
            for field in FIELDS:
                label = field.question + ("" if field.required else " (optional)")
                yield Static(label, classes="field-label")
                value = str(getattr(before, field.name)) if before else ""
                yield Input(value, placeholder=field.hint, id=f"field-{field.name}", compact=True)
                yield Static("", id=f"error-{field.name}", classes="field-error", markup=False)
            yield Static("Do they tend to push or pull away?", classes="field-label")
            with RadioSet(id="field-style"):
                for name, meaning in STYLE_HELP.items():
                    chosen = (before.style.value if before else "pursue") == name
                    yield RadioButton(f"{name}: {meaning}", value=chosen, name=name)
            yield Static("The softer feeling that may sit underneath", classes="field-label")
            emotion = before.underneath.value if before and before.underneath else NOT_SURE
            yield Select(
                [(e.value, e.value) for e in SofterEmotion] + [("not sure", NOT_SURE)],
                value=emotion,
                allow_blank=False,
                id="field-underneath",
            )
            yield Static("How upset are they when the talk starts?", classes="field-label")
            with RadioSet(id="field-intensity"):
                for name, meaning in INTENSITY_HELP.items():
                    chosen = (before.intensity if before else "upset") == name
                    yield RadioButton(f"{name}: {meaning}", value=chosen, name=name)
            yield Static("", id="draft-status", markup=False)
            yield TextArea("", id="draft", soft_wrap=True)
            yield Static("", id="error-draft", classes="field-error", markup=False)
        # Outside the scroll, so the way forward is always on screen.
        with Horizontal(classes="buttons", id="form-buttons"):
            yield Button("Save and practise", id="save", variant="primary")
            yield Button("Draft with model", id="draft-with-model")
            yield Button("Cancel", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Edit your scenario" if self.card_id else "New scenario"
        self.query_one("#draft", TextArea).display = False
        unavailable = drafting_unavailable(self.attune.model)
        button = self.query_one("#draft-with-model", Button)
        status = self.query_one("#draft-status", Static)
        if unavailable is not None:
            button.disabled = True
            status.update(
                f"Drafting with a model is off with '{self.attune.model}': {unavailable}."
            )
        else:
            status.update(
                f"Optional: 'Draft with model' asks {self.attune.model} to write the lines; "
                "you see them before anything is saved."
            )
        self.query_one(f"#field-{FIELDS[0].name}", Input).focus()

    # --- reading the form ---------------------------------------------------------------

    def _chosen(self, radio_id: str) -> str:
        pressed = self.query_one(f"#{radio_id}", RadioSet).pressed_button
        return str(pressed.name) if pressed is not None and pressed.name else ""

    def raw_answers(self) -> dict[str, object]:
        """The form as entered, before validation."""
        raw: dict[str, object] = {
            f.name: self.query_one(f"#field-{f.name}", Input).value for f in FIELDS
        }
        emotion = self.query_one("#field-underneath", Select).value
        raw["underneath"] = None if emotion in (NOT_SURE, Select.NULL) else emotion
        raw["style"] = self._chosen("field-style")
        raw["intensity"] = self._chosen("field-intensity")
        return raw

    def _checked(self) -> ScenarioAnswers | None:
        """The answers, or None after showing each problem next to its question."""
        raw = self.raw_answers()
        problems = answer_problems(raw)
        for field in FIELDS:
            error = self.query_one(f"#error-{field.name}", Static)
            message = problems.get(field.name, "")
            error.update(f"↑ {message}" if message else "")
            error.set_class(bool(message), "shown")
        if problems:
            wrong = [f.name for f in FIELDS if f.name in problems]
            if wrong:
                self.query_one(f"#field-{wrong[0]}", Input).focus()
            self.notify(
                f"Nothing saved: {len(problems)} answer(s) need a look.", severity="warning"
            )
            return None
        return ScenarioAnswers.model_validate(raw)

    def _offline_card(self, answers: ScenarioAnswers) -> tuple[PersonaCard, PersonaCard]:
        catalog = self.attune.context.catalog
        base = closest_persona(answers, catalog)
        card_id = self.card_id or suggest_id(answers, set(catalog.cards) | user_card_ids())
        return base, build_card(answers, base, card_id)

    # --- actions -------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "draft-with-model":
            self.action_draft()
        elif event.button.id == "cancel":
            self.action_cancel()

    def action_cancel(self) -> None:
        """Back to the picker; nothing is saved."""
        self.dismiss(None)

    def _draft_error(self, message: str) -> None:
        error = self.query_one("#error-draft", Static)
        error.update(message)
        error.set_class(bool(message), "shown")

    def action_save(self) -> None:
        """Build the card (with the edited draft, if any), save it, and start practising."""
        if self.busy:
            return
        answers = self._checked()
        if answers is None:
            return
        base, card = self._offline_card(answers)
        draft_box = self.query_one("#draft", TextArea)
        if draft_box.display and draft_box.text.strip():
            try:
                card = apply_draft(card, parse_draft_yaml(draft_box.text))
            except DraftRejected as exc:
                self._draft_error(f"Not saved: {exc}")
                draft_box.focus()
                return
        self._draft_error("")
        try:
            check_new_id(card.id, self.attune.context.catalog, replace=self.card_id is not None)
        except AttuneError as exc:
            self.notify(printable(str(exc)), severity="error", markup=False)
            return
        self.busy = True
        self._save(answers, card, base)

    @work(exclusive=True, group="scenario-save")
    async def _save(self, answers: ScenarioAnswers, card: PersonaCard, base: PersonaCard) -> None:
        catalog = self.attune.context.catalog
        how = (
            "attune's new-scenario form (lines drafted by a model)"
            if (self.query_one("#draft", TextArea).display)
            else f"attune's new-scenario form (lines from the shipped '{base.id}')"
        )
        try:
            path = await asyncio.to_thread(
                save_user_card, card, catalog, answers, self.card_id is not None, how
            )
        except AttuneError as exc:
            self.busy = False
            self.notify(
                printable(str(exc)), title="Not saved", severity="error", timeout=8, markup=False
            )
            return
        self.notify(f"Saved {printable(card.name)} to {printable(str(path))}.", timeout=6)
        setup = self.setup or PracticeSetup(persona_id=card.id, model=self.attune.model)
        # Back from the practice, the new card is the one highlighted.
        self.attune.personas_changed(highlight=card.id)
        self.dismiss(None)
        self.attune.begin_practice(setup.model_copy(update={"persona_id": card.id}))

    def action_draft(self) -> None:
        """Ask the configured model to draft the lines; show them for editing."""
        if self.busy or drafting_unavailable(self.attune.model) is not None:
            return
        answers = self._checked()
        if answers is None:
            return
        self.busy = True
        self.query_one("#draft-status", Static).update(f"Drafting with {self.attune.model}...")
        self._draft(answers)

    @work(exclusive=True, group="scenario-draft")
    async def _draft(self, answers: ScenarioAnswers) -> None:
        context = self.attune.context
        base, card = self._offline_card(answers)
        options = context.draft_options(self.attune.model, context.settings)
        result = await draft_with_model(answers, base, card, options)
        self.busy = False
        status = self.query_one("#draft-status", Static)
        box = self.query_one("#draft", TextArea)
        if result.draft is None:
            status.update(f"The model's draft was rejected, and nothing was saved: {result.reason}")
            status.add_class("rejected")
            return
        status.remove_class("rejected")
        status.update(
            f"Drafted by {self.attune.model}. Edit the lines below if you like; "
            "Save checks them again before anything is written."
        )
        box.text = draft_yaml(result.draft)
        box.display = True
        box.focus()

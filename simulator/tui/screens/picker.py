"""Pick a partner, an intensity and when to see feedback, then start practising."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from simulator.personas.index import PersonaEntry, PersonaIndex
from simulator.support.errors import AttuneError
from simulator.support.textsafe import printable
from simulator.tui.screens.your_scenarios import (
    YOURS_HEADING,
    delete_card,
    persona_options,
    scenario_text,
)
from simulator.tui.widgets.choice import Choice
from simulator.tui.widgets.press import Press
from simulator.turns.timing import FEEDBACK_HELP, REAL_TALK

if TYPE_CHECKING:
    from simulator.tui.app import AttuneApp
    from simulator.turns.choices import PracticeSetup

INTENSITY_HELP = {
    "gentle": "forgiving: missteps land softer",
    "realistic": "as the persona is written",
    "hard": "sensitive: missteps land harder",
}
# The source document's own example scene: the natural first try.
FIRST_CHOICE = "unanswered-text"


# What a guest (a browser tab under `attune serve`) may not do: the owner's sessions and cards.
OWNER_ONLY = frozenset({"sessions", "new_scenario", "edit_scenario", "delete_scenario"})


def persona_option(index: PersonaIndex, card: PersonaEntry) -> Option:
    """One picker row: name, id and style, then the scenario in a sentence."""
    prompt = Text()
    label = index.label(card)
    if label:
        prompt.append(label, style="bold #000000 on #8e8cf0")
        prompt.append(" ")
    prompt.append(printable(card.name), style="bold")
    prompt.append(f" — {card.id}, {card.style}s", style="dim")
    if card.id == FIRST_CHOICE:
        prompt.append(" (start here)", style="italic")
    prompt.append("\n")
    prompt.append(printable(card.summary))
    return Option(prompt, id=card.id)


class PickerScreen(Screen[None]):
    """The first screen: personas with their scenario, intensity and feedback."""

    BINDINGS = [
        Binding("enter", "start", "Start", show=True),
        Binding("s", "sessions", "Saved sessions"),
        Binding("f", "toggle_feedback", "Live feedback on/off"),
        # The key before feedback had its own name (it was "coached" then).
        Binding("c", "toggle_feedback", show=False),
        # Real talk: no meter during the talk (the feedback choice also cycles to it).
        Binding("r", "toggle_real_talk", "Real talk on/off", show=False),
        Binding("i", "cycle_intensity", "Intensity"),
        Binding("n", "new_scenario", "New scenario"),
        Binding("e", "edit_scenario", "Edit yours"),
        Binding("d", "delete_scenario", "Delete yours"),
    ]

    @property
    def attune(self) -> AttuneApp:
        """The app, typed."""
        return cast("AttuneApp", self.app)

    def compose(self) -> ComposeResult:
        # The title as one line, not a Header: its clock and icon cost a tenth of a bare
        # app's start, and the picker's title never changes.
        yield Static(f"{self.app.title} — {self.app.sub_title}", id="title", markup=False)
        with Horizontal(id="picker"):
            with Vertical(id="persona-column"):
                yield Static("Who do you want to practise with?", classes="panel-title")
                rows = persona_options(self.attune.personas, persona_option)
                yield OptionList(*rows, id="personas")
                if not self.attune.guest:
                    yield Press("New scenario: rehearse your own talk (n)", id="new-scenario")
            with VerticalScroll(id="setup"):
                yield Static("", id="scenario", markup=False)
                yield Choice("Intensity", INTENSITY_HELP, "realistic", id="intensity")
                feedback = {str(name): text for name, text in FEEDBACK_HELP.items()}
                yield Choice("Feedback ", feedback, "after", id="feedback-choice")
                yield Press("Start practising (enter)", id="start", primary=True)
        yield Static(self._notice(), id="notice", markup=False)
        yield Static("", id="model-status", markup=False)
        yield Footer()

    def _notice(self) -> str:
        app = self.attune
        if not app.context_loaded:
            # The store opens after the first frame; until then, where it will be.
            where = (
                f"Sessions are saved only on this computer, in {app.preview_home_label} "
                "(readable by you only)."
            )
        elif app.context.store is None:
            where = f"Sessions cannot be saved: {app.context.store_problem}"
        elif app.context.guest:
            where = (
                "This practice is saved on the computer serving this page; this page cannot "
                "list or reopen saved sessions."
            )
        else:
            where = (
                f"Sessions are saved only on this computer, in {app.context.home_label} "
                "(readable by you only)."
            )
        return (
            "The partner is simulated by a program, not a person. If something you write "
            f"sounds like a real crisis, the practice pauses and shows where to get help. {where}"
        )

    def on_mount(self) -> None:
        options = self.query_one("#personas", OptionList)
        ids = [str(o.id) for o in options.options]
        options.highlighted = ids.index(FIRST_CHOICE) if FIRST_CHOICE in ids else 0
        options.focus()
        self.watch(self.attune, "model_message", self._show_model, init=True)
        for problem in self.attune.personas.problems:
            self.notify(printable(f"Skipped one of your cards: {problem}"), severity="warning")

    def refresh_notice(self) -> None:
        """Say again where sessions are kept (the store has opened, or failed to)."""
        self.query_one("#notice", Static).update(self._notice())

    def on_screen_resume(self) -> None:
        """Back from the form (or a practice): list the learner's cards as they are now."""
        self.refresh_personas()

    def refresh_personas(self, highlight: str | None = None) -> None:
        """Rebuild the list (after a card was added or deleted), keeping the highlight."""
        options = self.query_one("#personas", OptionList)
        current = highlight or self.highlighted_id()
        self.attune.reindex()
        options.set_options(persona_options(self.attune.personas, persona_option))
        ids = [str(o.id) for o in options.options]
        if current in ids:
            options.highlighted = ids.index(current)
        elif FIRST_CHOICE in ids:
            options.highlighted = ids.index(FIRST_CHOICE)
        self.refresh_bindings()

    def highlighted_id(self) -> str | None:
        """The highlighted card's id, if a card (not a heading) is highlighted."""
        option = self.query_one("#personas", OptionList).highlighted_option
        if option is None or option.id is None or option.id == YOURS_HEADING:
            return None
        return str(option.id)

    def _yours_highlighted(self) -> str | None:
        card_id = self.highlighted_id()
        return card_id if card_id is not None and self.attune.personas.is_user(card_id) else None

    def _owner_only(self, action: str) -> bool:
        return self.attune.guest and action in OWNER_ONLY

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and delete are for the learner's own cards only (greyed out otherwise); a
        guest has neither saved sessions nor cards to make (hidden)."""
        if self._owner_only(action):
            return False
        if action in ("edit_scenario", "delete_scenario"):
            return True if self._yours_highlighted() else None
        return True

    def _show_model(self, message: str) -> None:
        self.query_one("#model-status", Static).update(f"Model: {self.attune.model}. {message}")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        personas = self.attune.personas
        card_id = str(event.option.id)
        if card_id in personas.entries:
            self.query_one("#scenario", Static).update(scenario_text(personas, card_id))
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_start()

    def on_press_pressed(self, event: Press.Pressed) -> None:
        if event.press.id == "start":
            self.action_start()
        elif event.press.id == "new-scenario":
            self.action_new_scenario()

    def _chosen(self, choice_id: str) -> str:
        return self.query_one(f"#{choice_id}", Choice).value

    def setup(self) -> PracticeSetup:
        """The choices on screen, as a practice setup."""
        from simulator.turns.choices import PracticeSetup

        option = self.query_one("#personas", OptionList).highlighted_option
        persona = str(option.id) if option is not None else ""
        return PracticeSetup.model_validate(
            {
                "persona_id": persona,
                "model": self.attune.model,
                "intensity": self._chosen("intensity"),
                "feedback": self._chosen("feedback-choice"),
            }
        )

    def action_start(self) -> None:
        """Start practising with the highlighted persona."""
        if self.highlighted_id() is not None:
            self.attune.begin_practice(self.setup())

    def action_new_scenario(self) -> None:
        """Open the form for the learner's own talk (once the cards have loaded)."""
        if not self._owner_only("new_scenario"):
            self.attune.after_load(self._open_form)

    def _open_form(self) -> None:
        from simulator.tui.screens.scenario_form import ScenarioFormScreen

        self.app.push_screen(ScenarioFormScreen(self._setup_choices()))

    def _setup_choices(self) -> PracticeSetup:
        return self.setup().model_copy(update={"persona_id": ""})

    def action_edit_scenario(self) -> None:
        """Reopen the form with the highlighted card's answers (or show where its file is)."""
        card_id = self._yours_highlighted()
        if card_id is not None and not self._owner_only("edit_scenario"):
            self.attune.after_load(lambda: self._edit(card_id))

    def _edit(self, card_id: str) -> None:
        from simulator.scenario import load_answers
        from simulator.tui.screens.scenario_form import ScenarioFormScreen

        answers = load_answers(card_id)
        if answers is None:
            path = self.attune.context.catalog.sources[card_id]
            self.notify(
                printable(f"This card was not made with the form; edit its file: {path}"),
                timeout=10,
            )
            return
        self.app.push_screen(ScenarioFormScreen(self._setup_choices(), answers, card_id))

    @work(exclusive=True, group="delete-scenario")
    async def action_delete_scenario(self) -> None:
        """Delete the highlighted card of the learner's, after asking."""
        card_id = self._yours_highlighted()
        if card_id is None or self._owner_only("delete_scenario"):
            return
        context = await self.attune.loaded_context()
        try:
            deleted = await delete_card(self.app, context.catalog, card_id)
        except AttuneError as exc:
            self.notify(printable(str(exc)), severity="error", markup=False)
            return
        if deleted is not None:
            self.notify(
                printable(
                    f"Moved your scenario '{card_id}' to the trash ({deleted}); "
                    f"'attune personas restore {card_id}' brings it back."
                ),
                timeout=10,
            )
            self.refresh_personas()

    def action_sessions(self) -> None:
        """Open the saved sessions (once the store has opened)."""
        self.attune.after_load(self.attune.open_sessions)

    def action_toggle_feedback(self) -> None:
        """Switch between feedback after the talk and live feedback."""
        choice = self.query_one("#feedback-choice", Choice)
        choice.value = "after" if choice.value == "live" else "live"

    def action_toggle_real_talk(self) -> None:
        """Switch real talk (no meter, only the words and the cues) on or off."""
        choice = self.query_one("#feedback-choice", Choice)
        choice.value = "after" if choice.value == REAL_TALK else REAL_TALK

    def action_cycle_intensity(self) -> None:
        """Gentle, realistic, hard."""
        self.query_one("#intensity", Choice).action_step(1)

"""Small modal dialogs: a failed model call, a yes/no question, a safety pause or check-in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from simulator.support.errors import ModelError
from simulator.support.textsafe import printable
from simulator.tui.screens import SCREENS_CSS

ADVICE = {
    "timeout": "The model took too long. Retrying usually works.",
    "auth": "The model needs an API key. Set it in the environment, restart attune, "
    "or pick another model with --model.",
    "rate_limit": "The provider is limiting requests. Wait a moment, then retry.",
    "unreachable": "The model server cannot be reached. Is it running? Check the address "
    "(model.api_base in the config file).",
    "not_found": "The provider does not know this model name. Pick another with --model.",
    "unavailable": "This model cannot run here.",
}


class ModelErrorScreen(ModalScreen[str]):
    """The partner could not answer: say why, offer a retry; the session stays as it was."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("r", "choose('retry')", "Retry"),
        Binding("e,escape", "choose('edit')", "Edit message"),
    ]

    def __init__(self, error: ModelError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        advice = ADVICE.get(self.error.kind, "Something went wrong with the model call.")
        with Vertical(id="dialog", classes="error"):
            yield Static("The partner could not answer", classes="dialog-title")
            yield Static(printable(str(self.error)), markup=False)
            yield Static(advice, markup=False)
            yield Static("Nothing was lost: the conversation is as it was.", classes="dim")
            with Horizontal(classes="buttons"):
                yield Button("Retry", id="retry", variant="primary")
                yield Button("Edit message", id="edit")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        """Close with the learner's choice."""
        self.dismiss(choice)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button("Cancel", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)


class SafetyPauseScreen(ModalScreen[str]):
    """The role-play is paused for the learner's safety; it resumes only if they choose."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("r", "choose('resume')", "Return to the practice"),
        Binding("e,escape", "choose('end')", "End and see the debrief"),
    ]

    def __init__(self, note: str) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="safety"):
            yield Static("Practice paused", classes="dialog-title")
            yield Static(printable(self.note), markup=False, id="safety-note")
            with Horizontal(classes="buttons"):
                yield Button("End and see the debrief", id="end", variant="primary")
                yield Button("Return to the practice", id="resume")

    def on_mount(self) -> None:
        self.query_one("#end", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        """Close with the learner's choice."""
        self.dismiss(choice)


class CheckInScreen(ModalScreen[str]):
    """attune asks once if the learner is okay; the scene waits, help is one key away."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("c", "choose('carry_on')", "I'm fine, carry on"),
        Binding("h", "show_help", "Show help"),
        Binding("e,escape", "choose('end')", "End and see the debrief"),
    ]

    def __init__(self, question: str, resources: str) -> None:
        super().__init__()
        self.question = question
        self.resources = resources
        self.help_shown = False
        """True once the learner has asked to see where to find help."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="check-in"):
            yield Static("Checking in", classes="dialog-title")
            yield Static(printable(self.question), markup=False, id="check-in-note")
            help_text = Static(printable(self.resources.strip()), markup=False, id="check-in-help")
            help_text.display = False
            yield help_text
            yield Static("Press h to see where to find help.", classes="dim", id="help-key")
            with Horizontal(classes="buttons"):
                yield Button("I'm fine, carry on", id="carry_on", variant="primary")
                yield Button("Show help", id="help")
                yield Button("End and see the debrief", id="end")

    def on_mount(self) -> None:
        self.query_one("#carry_on", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "help":
            self.action_show_help()
        else:
            self.dismiss(str(event.button.id))

    def action_show_help(self) -> None:
        """Reveal the help text in place; the learner still chooses how to go on."""
        self.help_shown = True
        self.query_one("#check-in-help", Static).display = True
        self.query_one("#help-key", Static).display = False
        self.query_one("#help", Button).disabled = True
        self.query_one("#carry_on", Button).focus()

    def action_choose(self, choice: str) -> None:
        """Close with the learner's choice."""
        self.dismiss(choice)

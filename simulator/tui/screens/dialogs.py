"""Small modal dialogs: a failed model call, a yes/no question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from simulator.errors import ModelError
from simulator.textsafe import printable

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

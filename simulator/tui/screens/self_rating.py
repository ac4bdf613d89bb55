"""Rate yourself: before the debrief, how clearly the learner thinks they showed each step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, RadioButton, RadioSet, Static

from simulator.modes import Step
from simulator.store.ratings import LEVEL_LABELS, LEVELS

INTRO = (
    "Before the debrief: how clearly do you think you showed each step? "
    "Pick one level per step (leave a step blank if you are not sure). "
    "The debrief then shows your view beside what the session measured.\n"
    "Tab: next step · arrows and Enter (or a click): pick · Ctrl+S: save · Esc: skip"
)


class SelfRatingScreen(Screen[dict[str, str] | None]):
    """One row per step, three levels each; Ctrl+S (or Save) keeps them, Esc skips."""

    DEFAULT_CSS = """
    #rating { padding: 1 2; }
    #rating-intro { margin-bottom: 1; color: $text-muted; }
    .rating-row { height: auto; margin-bottom: 1; }
    .rating-step { width: 30; padding: 0 1 0 0; text-style: bold; }
    .rating-levels { layout: horizontal; width: auto; height: auto; padding: 0 1; }
    .rating-levels:focus { background: $boost; }
    /* Only the set being answered shows where its cursor is: elsewhere it would read as
       an answer given. */
    .rating-levels:blur > RadioButton.-selected > .toggle--label { background: transparent; }
    .rating-levels RadioButton { width: auto; margin-right: 2; }
    .rating-buttons { height: auto; margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape", "skip", "Skip"),
        Binding("ctrl+s", "save", "Save and see the debrief"),
    ]

    def __init__(self, steps: tuple[Step, ...], partner: str = "") -> None:
        super().__init__()
        self.steps = steps
        self.partner = partner

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="rating"):
            yield Static(INTRO, id="rating-intro", markup=False)
            for step in self.steps:
                with Horizontal(classes="rating-row"):
                    yield Static(step.label, classes="rating-step", markup=False)
                    with RadioSet(id=f"rate-{step.id}", classes="rating-levels", compact=True):
                        for level in LEVELS:
                            yield RadioButton(LEVEL_LABELS[level], id=f"rate-{step.id}-{level}")
            with Vertical(classes="rating-buttons"), Horizontal(classes="buttons"):
                yield Button("Save", id="rating-save", variant="primary")
                yield Button("Skip", id="rating-skip")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Rate yourself"
        self.sub_title = self.partner
        if self.steps:
            self.query_one(f"#rate-{self.steps[0].id}", RadioSet).focus()

    @property
    def ratings(self) -> dict[str, str]:
        """The levels picked so far, by step id (steps left blank are not there)."""
        picked: dict[str, str] = {}
        for step in self.steps:
            chosen = self.query_one(f"#rate-{step.id}", RadioSet).pressed_index
            if chosen >= 0:
                picked[step.id] = LEVELS[chosen]
        return picked

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "rating-save":
            self.action_save()
        elif event.button.id == "rating-skip":
            self.action_skip()

    def action_save(self) -> None:
        """Keep the levels picked; with none picked this is the same as skipping."""
        self.dismiss(self.ratings or None)

    def action_skip(self) -> None:
        """Go to the debrief without rating; nothing is stored."""
        self.dismiss(None)

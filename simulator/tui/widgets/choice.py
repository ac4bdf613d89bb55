"""One line that cycles through a few named choices, its value between two arrows."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

ARROW = "bold #8e8cf0"
LEFT, RIGHT = "\u2039", "\u203a"  # single angle quotation marks


class Choice(Widget, can_focus=True):
    """A light stand-in for a RadioSet on the first screen (a RadioSet per choice cost a
    third of a bare app's start): click, space or right for the next value, left for the
    one before; clicking the left arrow goes back too."""

    DEFAULT_CSS = """
    Choice { height: auto; margin-top: 1; padding: 0 1; }
    Choice:hover { background: $boost; }
    Choice:focus { background: $block-cursor-blurred-background; }
    """

    BINDINGS = [
        Binding("right,space", "step(1)", "Next", show=False),
        Binding("left", "step(-1)", "Previous", show=False),
    ]

    value: reactive[str] = reactive("", layout=True)

    def __init__(self, label: str, choices: dict[str, str], value: str, *, id: str) -> None:
        super().__init__(id=id)
        if value not in choices:
            raise ValueError(f"{label}: {value!r} is not one of {', '.join(choices)}")
        self.label = label
        self.choices = choices
        self.set_reactive(Choice.value, value)

    def render(self) -> Text:
        """The label, the value between arrows, then what the value means."""
        text = Text(f"{self.label} ", style="bold")
        text.append(f"{LEFT} ", style=ARROW)
        text.append(self.value, style="bold reverse")
        text.append(f" {RIGHT}", style=ARROW)
        text.append(f"  {self.choices[self.value]}", style="not bold")
        return text

    def action_step(self, by: int) -> None:
        """Move to the next (or previous) value, wrapping round."""
        names = list(self.choices)
        self.value = names[(names.index(self.value) + by) % len(names)]

    def on_click(self, event: events.Click) -> None:
        # The left arrow sits after the left padding, the label and a space.
        back = event.x in (len(self.label) + 2, len(self.label) + 3)
        self.action_step(-1 if back else 1)

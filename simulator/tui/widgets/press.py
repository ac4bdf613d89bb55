"""A one-line button for the first screen: focusable, pressed by click, enter or space."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget


class Press(Widget, can_focus=True):
    """A light stand-in for a Button (whose styles and three-line frame cost a tenth of a
    bare app's start): one line of text that posts `Press.Pressed` when pressed."""

    DEFAULT_CSS = """
    Press { height: 1; width: 100%; content-align: center middle; text-style: bold; }
    Press.primary { background: $primary; color: $text; }
    Press.plain { background: $surface-lighten-1; color: $text; }
    Press:hover { background: $primary-lighten-1; }
    Press:focus { text-style: bold reverse; }
    """

    BINDINGS = [Binding("enter,space", "press", "Press", show=False)]

    class Pressed(Message):
        """The button was pressed (the `press` attribute says which)."""

        def __init__(self, press: Press) -> None:
            super().__init__()
            self.press = press

    def __init__(self, label: str, *, id: str, primary: bool = False) -> None:
        super().__init__(id=id, classes="primary" if primary else "plain")
        self.label = label

    def render(self) -> Text:
        """The label, as given."""
        return Text(self.label)

    def action_press(self) -> None:
        """Say the button was pressed."""
        self.post_message(self.Pressed(self))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_press()

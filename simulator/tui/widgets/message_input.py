"""A multi-line message box: Enter sends, Shift+Enter or Ctrl+J adds a line."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import TextArea

from simulator.support.errors import MessageError
from simulator.turns.learner_input import clean_message


class MessageInput(TextArea):
    """Where the learner types; posts `Submitted` on Enter with the trimmed text."""

    BLINK = True
    """Whether the cursor blinks (snapshot tests turn it off)."""

    @dataclass
    class Submitted(Message):
        """The learner pressed Enter on a non-empty message."""

        input: MessageInput
        text: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            id=id, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, compact=True
        )
        self.cursor_blink = self.BLINK
        self.placeholder = "Type your reply. Enter sends, Shift+Enter or Ctrl+J adds a line."

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            try:
                text = clean_message(self.text)
            except MessageError as exc:
                # Empty Enter presses are ignored quietly; anything else is explained.
                if self.text.strip():
                    self.notify(f"Not sent: {exc}. Shorten it and send again.", timeout=6)
                return
            self.post_message(self.Submitted(self, text))
            return
        if event.key in ("shift+enter", "ctrl+j"):
            event.stop()
            event.prevent_default()
            start, end = self.selection
            self._replace_via_keyboard("\n", start, end)
            return
        await super()._on_key(event)

"""A dialog for adding a note to a saved session: which turn, and what to say about it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from simulator.store.notes import MAX_NOTE_CHARS, clean_note
from simulator.support.errors import AttuneError
from simulator.support.textsafe import printable
from simulator.tui.screens import SCREENS_CSS
from simulator.turns.session import TurnRecord

WHOLE_SESSION = 0
_PREVIEW_CHARS = 50


def turn_choices(turns: list[TurnRecord]) -> list[tuple[str, int]]:
    """`Whole session`, then `Turn 2: "first words..."` for every turn."""
    out = [("Whole session", WHOLE_SESSION)]
    for turn in turns:
        words = " ".join(printable(turn.user).split())
        if len(words) > _PREVIEW_CHARS:
            words = words[: _PREVIEW_CHARS - 3] + "..."
        out.append((f"Turn {turn.index}: “{words}”", turn.index))
    return out


class NoteScreen(ModalScreen[tuple[int, str] | None]):
    """Pick a turn (or the whole session), write the note; Enter saves, Esc cancels."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, turns: list[TurnRecord], turn: int = WHOLE_SESSION) -> None:
        super().__init__()
        self.turns = turns
        self.turn = turn

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="note"):
            yield Static("Add a note", classes="dialog-title")
            yield Select(
                turn_choices(self.turns), value=self.turn, allow_blank=False, id="note-turn"
            )
            yield Input(
                placeholder="What you noticed (Enter saves)",
                max_length=MAX_NOTE_CHARS,
                id="note-text",
            )
            yield Static("", id="note-problem", markup=False, classes="dim")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#note-text", Input).focus()

    def _save(self) -> None:
        try:
            text = clean_note(self.query_one("#note-text", Input).value)
        except AttuneError as exc:
            self.query_one("#note-problem", Static).update(str(exc))
            return
        turn = self.query_one("#note-turn", Select).value
        self.dismiss((turn if isinstance(turn, int) else WHOLE_SESSION, text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

"""A dialog for correcting a turn's tags: mark one wrong, add a missed move, or undo either."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from simulator.modes import Mode
from simulator.store.corrections import TagCorrection, TagFix, correction_text, tags_of
from simulator.support.errors import AttuneError
from simulator.support.limits import MAX_MESSAGE_CHARS
from simulator.tui.screens import SCREENS_CSS
from simulator.tui.screens.note import turn_choices
from simulator.turns.session import TurnRecord

Apply = Callable[[int, TagFix], object]
"""Makes the correction (raising an AttuneError that says why it cannot be made)."""


def fix_choices(
    mode: Mode, turn: TurnRecord, corrections: Sequence[TagCorrection]
) -> list[tuple[str, TagFix]]:
    """What can be done to one turn: each tag marked wrong, each other move added, or undone."""
    mine = {c.move: c for c in corrections if c.turn == turn.index}
    tags = tags_of(turn)
    out = [
        (f"Mark {m.value} wrong: the message does not do it", TagFix(kind="wrong", move=m.value))
        for m in tags
        if m not in mine
    ]
    out += [
        (f"Undo: {correction_text(c)}", TagFix(kind="undo", move=c.move.value))
        for c in mine.values()
    ]
    out += [
        (f"Add missed {m.value} ({mode.info(m).label})", TagFix(kind="missed", move=m.value))
        for m in mode.move_ids
        if m not in tags and m not in mine
    ]
    return out


class CorrectionScreen(ModalScreen[tuple[int, TagFix] | None]):
    """Pick a turn and a correction; Enter makes it, Esc cancels."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        mode: Mode,
        turns: list[TurnRecord],
        corrections: Sequence[TagCorrection],
        apply: Apply,
    ) -> None:
        super().__init__()
        self.mode = mode
        self.turns = [t for t in turns if t.safety is None]
        self.corrections = corrections
        self.apply = apply

    def compose(self) -> ComposeResult:
        last = self.turns[-1].index
        with Vertical(id="dialog", classes="note"):
            yield Static("Correct a tag", classes="dialog-title")
            yield Select(turn_choices(self.turns)[1:], value=last, allow_blank=False, id="fix-turn")
            yield Select(self._choices(last), allow_blank=False, id="fix-what")
            yield Input(
                placeholder="Words it rests on, for a missed move (optional)",
                max_length=MAX_MESSAGE_CHARS,
                id="fix-words",
            )
            yield Static("", id="fix-problem", markup=False, classes="dim")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#fix-what", Select).focus()

    def _turn(self, index: int) -> TurnRecord:
        return next(t for t in self.turns if t.index == index)

    def _choices(self, index: int) -> list[tuple[str, TagFix]]:
        return fix_choices(self.mode, self._turn(index), self.corrections)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "fix-turn" and isinstance(event.value, int):
            self.query_one("#fix-what", Select).set_options(self._choices(event.value))
            self.query_one("#fix-problem", Static).update("")

    def _save(self) -> None:
        turn = self.query_one("#fix-turn", Select).value
        fix = self.query_one("#fix-what", Select).value
        if not isinstance(turn, int) or not isinstance(fix, TagFix):
            return
        if fix.kind == "missed":
            words = self.query_one("#fix-words", Input).value
            fix = fix.model_copy(update={"words": words.strip() or None})
        try:
            self.apply(turn, fix)
        except AttuneError as exc:
            self.query_one("#fix-problem", Static).update(str(exc))
            return
        self.dismiss((turn, fix))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without correcting."""
        self.dismiss(None)

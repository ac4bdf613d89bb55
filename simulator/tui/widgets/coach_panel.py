"""The coach view: the hidden numbers and every move tag, live, on the practice screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from simulator.feedback.coach_view import CoachTurn, CoachView
from simulator.safety import not_scored
from simulator.support.textsafe import printable

GOOD = "#3e9b4f"
BAD = "#e5484d"


def _signed(value: float) -> str:
    return f"{value:+.1f}"


def _turn_text(turn: CoachTurn, view: CoachView) -> Text:
    text = Text()
    text.append(f"T{turn.index:<3}", style="bold")
    text.append(f"{turn.zone:<10}", style="italic")
    text.append(f" {view.tension} {turn.arousal:5.1f} ")
    text.append(f"({_signed(turn.arousal_delta)})", style=BAD if turn.arousal_delta > 0 else GOOD)
    text.append(f"  {view.closeness} {turn.connection:5.1f} ")
    text.append(
        f"({_signed(turn.connection_delta)})", style=GOOD if turn.connection_delta >= 0 else BAD
    )
    if turn.surfaced_now:
        text.append("  softer feeling surfaced", style="italic")
    if turn.safety is not None:
        text.append(f"\n     {not_scored(turn.safety)}", style="dim")
    elif not turn.tags:
        text.append("\n     no move tagged (not scored)", style="dim")
        if turn.closest is not None:
            guess = turn.closest
            text.append(
                f'; closest {guess.move.value} {guess.confidence:.2f} "{printable(guess.text)}"',
                style="dim italic",
            )
    for tag in turn.tags:
        style = GOOD if tag.helpful else BAD
        text.append("\n     ")
        if tag.wrong:
            text.append(tag.move, style="strike dim")
            text.append(f' "{printable(tag.span)}"', style="strike dim")
            text.append("  marked wrong", style="bold")
            continue
        text.append(tag.move, style=f"bold {style}")
        text.append(f' "{printable(tag.span)}"')
        if tag.arousal is None:
            text.append("  (counted once per move)", style="dim")
        else:
            text.append(
                f"  {view.tension} {_signed(tag.arousal)}, "
                f"{view.closeness} {_signed(tag.connection or 0.0)}",
                style="dim",
            )
            if tag.reasons:
                text.append(f"  {printable('; '.join(tag.reasons))}", style="dim italic")
    if turn.reacting is not None:
        text.append(f"\n     {turn.reacting}", style="italic")
    for tag in turn.added:
        text.append("\n     + ")
        text.append(tag.move, style=f"bold {GOOD if tag.helpful else BAD}")
        if tag.span:
            text.append(f' "{printable(tag.span)}"')
        text.append("  added as missed (not scored)", style="dim")
    return text


def coach_text(view: CoachView) -> Text:
    """The whole panel as rich text: the numbers, the thresholds, then every turn."""
    text = Text()
    text.append("Coach view", style="bold #8e8cf0")
    text.append("  (F2 hides · F3 corrects a tag)\n", style="dim")
    text.append(
        f"{view.tension} {view.arousal:.1f}  {view.closeness} {view.connection:.1f}  ",
        style="bold",
    )
    text.append(f"{view.zone}\n", style="bold italic")
    word = "zones" if view.tension == "arousal" else "stages"
    text.append(f"{word}: {view.thresholds}\n", style="dim")
    text.append(f"{view.softer}\n", style="dim")
    text.append(f"{view.rates}\n", style="dim")
    if not view.turns:
        text.append("No turns yet.", style="dim")
    for i, turn in enumerate(view.turns):
        if i:
            text.append("\n")
        text.append_text(_turn_text(turn, view))
    return text


class CoachPanel(VerticalScroll):
    """Hidden by default; F2 on the practice screen shows it."""

    def compose(self) -> ComposeResult:
        yield Static("", id="coach-text")

    def show(self, view: CoachView) -> None:
        """Redraw with the conversation as it stands, newest turn in sight."""
        self.query_one("#coach-text", Static).update(coach_text(view))
        self.call_after_refresh(self.scroll_end, animate=False)

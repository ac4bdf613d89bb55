"""The side panel: the partner's nervous system, the steps, and live feedback."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Sparkline, Static

from simulator.feedback.coaching import Feedback
from simulator.modes import get_mode
from simulator.support.textsafe import printable
from simulator.tui.widgets.checklist import Checklist
from simulator.tui.widgets.gauge import ZONE_COLOURS, Gauge, zone_scale

NO_FEEDBACK = "Send a message to see what it did."


class NervousSystem(VerticalScroll):
    """Zone, arousal gauge and trend, connection gauge, steps checklist, feedback, hint."""

    def __init__(
        self,
        name: str,
        live_feedback: bool,
        *,
        mode: str = "listen",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.partner = name
        self.live_feedback = live_feedback
        self.mode = get_mode(mode)
        self.view = self.mode.words

    def compose(self) -> ComposeResult:
        words = self.view
        title = words.panel_title.format(name=printable(self.partner))
        yield Static(title, classes="panel-title")
        yield Static("", id="zone")
        tension, closeness = words.gauge_labels
        yield Gauge(tension, by_zone=True, id="arousal")
        yield Sparkline([], id="trend")
        yield Gauge(closeness, id="connection")
        yield Static(words.steps_title, classes="panel-title")
        yield Checklist(self.mode.coaching.steps, id="steps")
        feedback = Static(NO_FEEDBACK, id="feedback", markup=False)
        feedback.display = self.live_feedback
        yield feedback
        yield Static("", id="hint", markup=False)

    def on_mount(self) -> None:
        view = self.view
        self.query_one(
            "#arousal"
        ).tooltip = f"{view.stage_word.capitalize()}s by {view.tension}: {zone_scale(view)}"
        self.query_one("#trend").tooltip = f"{view.tension.capitalize()} over the turns"

    def show_state(
        self, arousal: float, connection: float, zone: str, trend: list[float], softened: bool
    ) -> None:
        """Update the gauges, the zone name and the trend line."""
        label = self.view.stage(zone).upper()
        zone_text = Text(f" {label} ", style=f"bold #000000 on {ZONE_COLOURS[zone]}")
        if softened:
            zone_text.append("  the softer feeling shows", style="italic")
        self.query_one("#zone", Static).update(zone_text)
        self.query_one("#arousal", Gauge).value = arousal
        self.query_one("#connection", Gauge).value = connection
        # A flat one-point line still reads as a line.
        self.query_one("#trend", Sparkline).data = trend if len(trend) > 1 else trend * 2

    def show_steps(self, counts: dict[str, int]) -> None:
        """Tick the steps the learner has shown."""
        self.query_one("#steps", Checklist).counts = counts

    def show_feedback(self, feedback: Feedback) -> None:
        """Live feedback: the moves seen in the last message, quoted, and what the state did."""
        text = Text("Last message\n", style="bold")
        if feedback.unrecognised:
            # Guidance, not a verdict: it counted neither way, and says how to rephrase.
            text.append(f"{printable(feedback.unrecognised)}\n", style="#8e8cf0")
        elif not feedback.notes:
            text.append("No attunement move or mistake recognised.\n", style="dim")
        for note in feedback.notes:
            style = "#3e9b4f" if note.attuned else "#e5484d"
            text.append(("✔ " if note.attuned else "✘ ") + printable(note.text), style=style)
            if note.why:
                text.append(f" ({printable('; '.join(note.why))})", style="dim")
            text.append("\n")
        text.append(feedback.state)
        if feedback.softened_now:
            text.append("\nThe softer feeling came through.", style="italic")
        self.query_one("#feedback", Static).update(text)

    def clear_feedback(self) -> None:
        """Back to the placeholder (nothing said yet)."""
        self.query_one("#feedback", Static).update(NO_FEEDBACK)

    def show_hint(self, hint: str | None) -> None:
        """Show a hint (or clear it)."""
        widget = self.query_one("#hint", Static)
        widget.update(Text("Hint: ", style="bold #8e8cf0") + Text(hint) if hint else "")

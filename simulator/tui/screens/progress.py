"""Progress across sessions: the same view as `attune progress`, opened from saved sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from simulator.feedback.progress import Progress, build_progress, progress_lines
from simulator.support.errors import AttuneError
from simulator.support.textsafe import printable

if TYPE_CHECKING:
    from simulator.tui.app import AttuneApp

_SPARK_STYLE = "#8e8cf0"


def progress_text(progress: Progress) -> Text:
    """The progress lines, titles bold and charts coloured."""
    text = Text()
    for line in progress_lines(progress):
        if line.startswith(("Each point", "Progress across")):
            text.append(printable(line) + "\n", style="dim")
        elif line and not line.startswith(" "):
            text.append(printable(line) + "\n", style="bold")
        elif any(c in line for c in "▁▂▃▄▅▆▇█·") and "  " in line.strip():
            label, _, rest = line.rpartition("  ")
            head, _, spark = label.rpartition("  ")
            text.append(printable(head) + "  ")
            text.append(spark, style=_SPARK_STYLE)
            text.append("  " + printable(rest) + "\n", style="dim")
        else:
            text.append(printable(line) + "\n")
    return text


class ProgressScreen(Screen[None]):
    """Per step and per mistake, how often each showed per session, over time."""

    BINDINGS = [Binding("escape", "back", "Back")]

    DEFAULT_CSS = """
    #progress { padding: 1 2; }
    """

    @property
    def attune(self) -> AttuneApp:
        """The app, typed."""
        return cast("AttuneApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress"):
            yield Static("Reading your saved sessions...", id="progress-view")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Progress across sessions"
        self.load()

    @work(thread=True, exclusive=True, group="progress")
    def load(self) -> None:
        """Read every session once, off the UI thread."""
        store = self.attune.context.store
        if store is None:
            problem = self.attune.context.store_problem or "saving is off"
            self.app.call_from_thread(self._show, Text(f"Cannot read saved sessions: {problem}"))
            return
        try:
            history = store.history()
        except AttuneError as exc:
            self.app.call_from_thread(self._show, Text(printable(str(exc))))
            return
        progress = build_progress(history.sessions, unreadable=len(history.unreadable))
        self.app.call_from_thread(self._show, progress_text(progress))

    def _show(self, text: Text) -> None:
        self.query_one("#progress-view", Static).update(text)

    def action_back(self) -> None:
        """Back to the saved sessions."""
        self.app.pop_screen()

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
from simulator.modes import mode_names
from simulator.store import History
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

    BINDINGS = [
        Binding("m", "cycle_mode", "Mode"),
        Binding("n", "cycle_persona", "Persona"),
        Binding("escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    #progress-filter { padding: 1 2 0 2; text-style: bold; }
    #progress { padding: 1 2; }
    """

    def __init__(self) -> None:
        super().__init__()
        # The filters, as `attune progress --persona/--mode` takes them (None: all).
        self.persona: str | None = None
        self.mode: str | None = None
        # Read once; a filter change only recounts these.
        self._history: History | None = None

    @property
    def attune(self) -> AttuneApp:
        """The app, typed."""
        return cast("AttuneApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.filter_line(), id="progress-filter")
        with VerticalScroll(id="progress"):
            yield Static("Reading your saved sessions...", id="progress-view")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Progress across sessions"
        self.load()

    def personas(self) -> dict[str, str]:
        """Each persona with saved sessions: id to name (the latest name saved), by id."""
        history = self._history
        if history is None:
            return {}
        names = {s.meta.persona_id: s.meta.persona_name for s in history.sessions}
        return dict(sorted(names.items()))

    def filter_line(self) -> str:
        """Which sessions are counted, e.g. "All personas · listen"."""
        who = "All personas"
        if self.persona is not None:
            name = self.personas().get(self.persona, self.persona)
            who = f"{printable(name)} ({printable(self.persona)})"
        return f"{who} · {self.mode or 'all modes'}"

    @work(thread=True, exclusive=True, group="progress")
    def load(self) -> None:
        """Read every session once, then count those the filters pass, off the UI thread."""
        persona, mode = self.persona, self.mode
        history = self._history
        if history is None:
            store = self.attune.context.store
            if store is None:
                problem = self.attune.context.store_problem or "saving is off"
                self.app.call_from_thread(
                    self._show, Text(f"Cannot read saved sessions: {problem}")
                )
                return
            try:
                history = store.history()
            except AttuneError as exc:
                self.app.call_from_thread(self._show, Text(printable(str(exc))))
                return
        progress = build_progress(
            history.sessions, persona=persona, mode=mode, unreadable=len(history.unreadable)
        )
        self.app.call_from_thread(self._show, progress_text(progress), history)

    def _show(self, text: Text, history: History | None = None) -> None:
        if history is not None:
            self._history = history
        self.query_one("#progress-filter", Static).update(self.filter_line())
        self.query_one("#progress-view", Static).update(text)

    def action_cycle_mode(self) -> None:
        """Next practice mode to count: all, then each registered mode."""
        self.mode = _next([None, *mode_names()], self.mode)
        self._refilter()

    def action_cycle_persona(self) -> None:
        """Next persona to count: all, then each persona with saved sessions."""
        self.persona = _next([None, *self.personas()], self.persona)
        self._refilter()

    def _refilter(self) -> None:
        self.query_one("#progress-filter", Static).update(self.filter_line())
        self.load()

    def action_back(self) -> None:
        """Back to the saved sessions."""
        self.app.pop_screen()


def _next(choices: list[str | None], current: str | None) -> str | None:
    """The choice after `current`, wrapping round (the first if `current` is gone)."""
    if current not in choices:
        return choices[0]
    return choices[(choices.index(current) + 1) % len(choices)]

"""The debrief: the state over time, the steps, the turns that mattered, what to try next."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from simulator.export.common import SELF_RATING_TITLE
from simulator.feedback.debrief import Debrief, KeyTurn
from simulator.feedback.selfrating import LEVEL_LABELS, SelfRating
from simulator.modes import words_for
from simulator.practice.conversation import Practice
from simulator.store.records import Note
from simulator.support.textsafe import printable
from simulator.tui.screens import SCREENS_CSS
from simulator.tui.widgets.chart import StateChart
from simulator.turns.timing import REAL_TALK

if TYPE_CHECKING:
    from simulator.tui.app import AttuneApp


def _steps_text(debrief: Debrief) -> Text:
    title = words_for(debrief.mode).steps_shown_title
    text = Text(f"{title}\n", style="bold")
    for step in debrief.steps:
        mark, style = ("✔", "#3e9b4f") if step.count else ("·", "dim")
        text.append(f" {mark} {step.label}", style=style)
        text.append(f"  {step.count}\n", style="dim")
    return text


def _missteps_text(debrief: Debrief) -> Text:
    title = words_for(debrief.mode).traps_title
    text = Text(f"{title}\n", style="bold")
    if not debrief.missteps:
        text.append(" none recognised\n", style="#3e9b4f")
    for miss in debrief.missteps:
        text.append(f" ✘ {miss.label}", style="#e5484d")
        text.append(f"  {miss.count}\n", style="dim")
        if miss.quotes:
            said = ", ".join(f"'{q}'" for q in miss.quotes)
            text.append(f"   {printable(said)}\n", style="dim")
    if debrief.unrecognised:
        text.append(f" {debrief.unrecognised}\n", style="dim italic")
    if debrief.unsure_note:
        text.append(f" {debrief.unsure_note}\n", style="dim italic")
    return text


def _key_turns_text(title: str, turns: list[KeyTurn], style: str, mode: str = "listen") -> Text:
    view = words_for(mode)
    text = Text(f"{title}\n", style="bold")
    if not turns:
        text.append(" none\n", style="dim")
    for turn in turns:
        text.append(f" Turn {turn.index}: ", style=style)
        text.append(f"“{printable(turn.user)}”\n")
        for quote in turn.quotes:
            text.append(f"   {printable(quote)}\n", style="dim")
        text.append(
            f"   {view.tension} {turn.arousal_delta:+.0f}, "
            f"{view.closeness} {turn.connection_delta:+.0f}\n",
            style=style,
        )
    return text


def _softer_text(debrief: Debrief) -> Text:
    text = Text("The softer feeling\n", style="bold")
    feeling = debrief.softer_emotion or "the softer feeling"
    if debrief.softened_turn is not None:
        text.append(f" {feeling.capitalize()} came through on turn {debrief.softened_turn}.\n")
    else:
        text.append(
            f" {feeling.capitalize()} stayed hidden: {words_for(debrief.mode).closeness} did not "
            "grow enough for "
            f"{printable(debrief.persona_name)} to show it.\n",
            style="dim",
        )
    return text


def self_rating_text(rating: SelfRating) -> Text:
    """The learner's view of each step beside what the session measured, and where they differ."""
    text = Text(f"{SELF_RATING_TITLE}\n", style="bold")
    if not rating.rated:
        text.append(f" {rating.summary()}\n", style="dim")
        return text
    width = max([12, *(len(s.label) for s in rating.steps)])
    text.append(f" {'':<{width}}  {'you felt':<10}  measured\n", style="dim")
    for s in rating.steps:
        felt = LEVEL_LABELS[s.rated] if s.rated else "-"
        text.append(f" {s.label:<{width}}  ")
        text.append(f"{felt:<10}", style="bold" if s.rated else "dim")
        text.append(f"  {LEVEL_LABELS[s.measured]} ({s.count})", style="")
        text.append("  ≠\n" if s.differs else "\n", style="#e5a50a")
    text.append(f" {rating.summary()}\n")
    for line in rating.differences:
        text.append(f" • {line}\n", style="#e5a50a")
    return text


def notes_text(notes: list[Note]) -> Text:
    """The session's notes, by turn."""
    text = Text("Notes\n", style="bold")
    for note in notes:
        where = "Whole session" if note.turn == 0 else f"Turn {note.turn}"
        text.append(f" {where}: ", style="#8e8cf0")
        text.append(f"{printable(note.text)}\n")
    return text


def turn_by_turn_text(debrief: Debrief) -> Text:
    """Each turn's state beside what the learner said (and the cue they could read)."""
    view = words_for(debrief.mode)
    name = printable(debrief.persona_name)
    text = Text(f"What you said, and where {name} was\n", style="bold")
    text.append(f" {view.tension} / {view.closeness}, then the {view.stage_word}\n", style="dim")
    before = debrief.points[0]
    text.append(f" {'start':>5}    {before.arousal:3.0f} / {before.connection:3.0f}  ", style="dim")
    text.append(f"{view.stage(before.zone)}\n", style="bold")
    for point in debrief.points[1:]:
        change = point.arousal - before.arousal
        style = "#e5484d" if change > 0.5 else "#3e9b4f" if change < -0.5 else "dim"
        text.append(f" {point.turn:>5}  ", style="dim")
        text.append(f"  {point.arousal:3.0f} / {point.connection:3.0f}  ", style=style)
        text.append(f"{view.stage(point.zone)}", style="bold")
        text.append(f"  “{printable(point.user)}”\n")
        if point.cue:
            text.append(f"{' ' * 22}({printable(point.cue)})\n", style="dim italic")
        before = point
    return text


def _tips_text(debrief: Debrief) -> Text:
    text = Text("Try next time\n", style="bold")
    for i, tip in enumerate(debrief.tips, 1):
        text.append(f" {i}. {tip}\n")
    return text


class DebriefScreen(Screen[None]):
    """What happened in a session; opened at the end of practice or from saved sessions."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("n", "new", "New session"),
        Binding("s", "sessions", "Saved sessions"),
        Binding("x", "export", "Export HTML"),
        Binding("a", "annotate", "Add note"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(
        self,
        debrief: Debrief,
        session_id: str | None = None,
        practice: Practice | None = None,
        self_rating: SelfRating | None = None,
    ) -> None:
        super().__init__()
        self.debrief = debrief
        self.self_rating = self_rating
        """The learner's view beside the measure; None where it was never asked."""
        self._session_id = session_id
        self.practice = practice

    @property
    def attune(self) -> AttuneApp:
        """The app, typed."""
        return cast("AttuneApp", self.app)

    @property
    def session_id(self) -> str | None:
        """The stored session's id (set once the first save succeeds)."""
        return self._session_id or (self.practice.id if self.practice else None)

    def compose(self) -> ComposeResult:
        debrief = self.debrief
        yield Header()
        with VerticalScroll(id="debrief"):
            yield Static(Text(printable(debrief.headline), style="bold"), id="headline")
            if debrief.stepped_out:
                yield Static(printable(debrief.stepped_out), markup=False, id="stepped-out")
            yield StateChart(debrief.points, view=words_for(debrief.mode), id="chart")
            if debrief.feedback == REAL_TALK:
                # The learner saw no meter: the state is shown here for the first time.
                yield Static(turn_by_turn_text(debrief), classes="debrief-wide", id="turn-by-turn")
            with Horizontal(classes="debrief-row"):
                yield Static(_steps_text(debrief), classes="debrief-box")
                yield Static(_missteps_text(debrief), classes="debrief-box")
            with Horizontal(classes="debrief-row"):
                yield Static(
                    _key_turns_text("Helped most", debrief.helped, "#3e9b4f", debrief.mode),
                    classes="debrief-box",
                )
                yield Static(
                    _key_turns_text("Hurt most", debrief.hurt, "#e5484d", debrief.mode),
                    classes="debrief-box",
                )
            if self.self_rating is not None:
                yield Static(
                    self_rating_text(self.self_rating), classes="debrief-wide", id="self-rating"
                )
            yield Static(_softer_text(debrief), classes="debrief-wide")
            yield Static(_tips_text(debrief), classes="debrief-wide", id="tips")
            notes = Static("", classes="debrief-wide", id="notes")
            notes.display = False
            yield notes
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A guest has no saved-sessions list, and an export would land on the owner's disk."""
        return not (self.attune.context.guest and action in ("sessions", "export"))

    def on_mount(self) -> None:
        self.title = f"Debrief · {self.debrief.persona_name}"
        self.sub_title = self.session_id or "not saved"
        if self.session_id is not None and self.attune.context.store is not None:
            self._load_notes(self.session_id)

    @work(thread=True, exclusive=True, group="notes")
    def _load_notes(self, session_id: str) -> None:
        from simulator.support.errors import AttuneError

        store = self.attune.context.store
        assert store is not None
        try:
            notes = store.notes(session_id)
        except AttuneError:
            return  # not saved yet (or unreadable): nothing to show
        self.app.call_from_thread(self._show_notes, notes)

    def _show_notes(self, notes: list[Note]) -> None:
        widget = self.query_one("#notes", Static)
        widget.update(notes_text(notes))
        widget.display = bool(notes)

    @work(exclusive=True, group="annotate")
    async def action_annotate(self) -> None:
        """Add a note on a turn (or the whole session) of this saved session."""
        from simulator.support.errors import AttuneError
        from simulator.tui.screens.note import NoteScreen

        store = self.attune.context.store
        if self.practice is not None:
            await asyncio.to_thread(self.practice.flush)
        session_id = self.session_id
        if session_id is None or store is None:
            self.notify("This session is not saved, so it cannot take notes.", severity="warning")
            return
        try:
            saved = await asyncio.to_thread(store.load, session_id)
            choice = await self.app.push_screen_wait(NoteScreen(saved.turns))
            if choice is None:
                return
            note = await asyncio.to_thread(store.add_note, session_id, *choice)
            notes = await asyncio.to_thread(store.notes, session_id)
        except AttuneError as exc:
            self.notify(printable(str(exc)), severity="error", markup=False)
            return
        self._show_notes(notes)
        where = "the whole session" if note.turn == 0 else f"turn {note.turn}"
        self.notify(f"Note saved on {where}.", timeout=4)

    def action_new(self) -> None:
        """Back to the persona picker."""
        self.attune.back_to_picker()

    def action_back(self) -> None:
        """Back to where this debrief was opened from."""
        if self.practice is not None:
            self.attune.back_to_picker()
        else:
            self.app.pop_screen()

    def action_sessions(self) -> None:
        """Open the saved sessions."""
        if self.attune.context.guest:
            return
        self.attune.back_to_picker()
        self.attune.open_sessions()

    def action_export(self) -> None:
        """Write this session as a standalone HTML page into the exports folder."""
        if self.attune.context.guest:
            return
        if self.session_id is None or self.attune.context.store is None:
            self.notify("This session is not saved, so it cannot be exported.", severity="warning")
            return
        self._export(self.session_id)

    @work(thread=True, group="export")
    def _export(self, session_id: str) -> None:
        from simulator.export.files import export_to_folder
        from simulator.support.errors import AttuneError

        store = self.attune.context.store
        assert store is not None
        if self.practice is not None:
            self.practice.flush()
        try:
            path = export_to_folder(store, session_id, "html")
        except AttuneError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, f"Saved {path}", title="Exported", timeout=8)

"""Saved sessions: newest first; open one to read its debrief again."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from simulator.debrief import build_debrief
from simulator.errors import AttuneError
from simulator.modes import view_for
from simulator.store.records import SessionSummary
from simulator.textsafe import printable
from simulator.tui.screens.dialogs import ConfirmScreen

if TYPE_CHECKING:
    from simulator.tui.app import AttuneApp


class SessionsScreen(Screen[None]):
    """A table of saved sessions."""

    BINDINGS = [
        Binding("enter", "open", "Open debrief", show=True),
        Binding("d", "delete", "Delete"),
        Binding("escape", "back", "Back"),
    ]

    @property
    def attune(self) -> AttuneApp:
        """The app, typed."""
        return cast("AttuneApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="sessions-empty", markup=False)
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Saved sessions"
        table = self.query_one(DataTable)
        table.add_columns("Started", "Partner", "Intensity", "Mode", "Model", "Turns", "Ended in")
        self.load()

    @work(thread=True, exclusive=True, group="sessions")
    def load(self) -> None:
        """Read the list off the UI thread."""
        store = self.attune.context.store
        if store is None:
            self.app.call_from_thread(self._show, [], self.attune.context.store_problem)
            return
        try:
            rows = store.list()
        except AttuneError as exc:
            self.app.call_from_thread(self._show, [], str(exc))
            return
        self.app.call_from_thread(self._show, rows, None)

    def _show(self, rows: list[SessionSummary], problem: str | None) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            meta = row.meta
            table.add_row(
                meta.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                printable(meta.persona_name),
                meta.intensity,
                meta.mode + (", you ask" if meta.practice_mode == "ask" else ""),
                printable(meta.model),
                str(row.turns),
                view_for(meta.practice_mode).stage(row.last_zone),
                key=row.id,
            )
        empty = self.query_one("#sessions-empty", Static)
        if problem:
            empty.update(f"Cannot read saved sessions: {problem}")
        elif not rows:
            empty.update("No saved sessions yet. Practise once and it will appear here.")
        else:
            empty.update(f"{len(rows)} saved session(s). Enter opens the debrief.")
        table.focus()

    def _selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted session's debrief."""
        session_id = self._selected()
        if session_id is not None:
            self._open(session_id)

    @work(thread=True, exclusive=True, group="open")
    def _open(self, session_id: str) -> None:
        from simulator.tui.screens.debrief import DebriefScreen

        store = self.attune.context.store
        assert store is not None
        try:
            saved = store.load(session_id)
        except AttuneError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        debrief = build_debrief(saved.meta, saved.turns)
        self.app.call_from_thread(self.app.push_screen, DebriefScreen(debrief, saved.id))

    @work(exclusive=True, group="delete")
    async def action_delete(self) -> None:
        """Delete the highlighted session, after asking."""
        session_id = self._selected()
        store = self.attune.context.store
        if session_id is None or store is None:
            return
        if await self.app.push_screen_wait(
            ConfirmScreen(f"Delete session {session_id}?", "Delete")
        ):
            try:
                store.delete(session_id)
            except AttuneError as exc:
                self.notify(str(exc), severity="error")
            self.load()

    def action_back(self) -> None:
        """Back to the persona picker."""
        self.app.pop_screen()

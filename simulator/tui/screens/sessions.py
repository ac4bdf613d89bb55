"""Saved sessions: newest first; open one to read its debrief again."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from simulator.feedback.debrief import build_debrief
from simulator.feedback.selfrating import rating_of
from simulator.modes import words_for
from simulator.store import SessionListing
from simulator.support.errors import AttuneError
from simulator.support.textsafe import printable
from simulator.tui.screens import SCREENS_CSS
from simulator.tui.screens.dialogs import ConfirmScreen

if TYPE_CHECKING:
    from simulator.tui.app import AttuneApp


def _cells(*values: str) -> list[Text]:
    # Plain Text: a DataTable reads a str cell as markup, and a stored "[/]" would crash it.
    return [Text(printable(v)) for v in values]


class SessionsScreen(Screen[None]):
    """A table of saved sessions."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("enter", "open", "Open debrief", show=True),
        Binding("d", "delete", "Delete"),
        Binding("p", "progress", "Progress"),
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
        table.add_columns(
            "Started", "Partner", "Intensity", "Mode", "Feedback", "Model", "Turns", "Ended in"
        )
        self.load()

    @work(thread=True, exclusive=True, group="sessions")
    def load(self) -> None:
        """Read the list off the UI thread."""
        store = self.attune.context.store
        if store is None:
            self.app.call_from_thread(
                self._show, SessionListing(), self.attune.context.store_problem
            )
            return
        try:
            listing = store.listing()
        except AttuneError as exc:
            self.app.call_from_thread(self._show, SessionListing(), str(exc))
            return
        self.app.call_from_thread(self._show, listing, None)

    def _show(self, listing: SessionListing, problem: str | None) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for row in listing.sessions:
            meta = row.meta
            table.add_row(
                *_cells(
                    meta.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    meta.persona_name,
                    meta.intensity,
                    meta.practice_mode,
                    meta.feedback,
                    meta.model,
                    str(row.turns),
                    words_for(meta.practice_mode).stage(row.last_zone),
                ),
                key=row.id,
            )
        shown = {row.id for row in listing.sessions}
        for bad in listing.unreadable:
            # Flagged rather than hidden, so it can still be deleted; opening it says why.
            if bad.session_id not in shown:
                shown.add(bad.session_id)
                table.add_row(*_cells("?", "(cannot be read)", *[""] * 6), key=bad.session_id)
        empty = self.query_one("#sessions-empty", Static)
        if problem:
            empty.update(printable(f"Cannot read saved sessions: {problem}"))
        elif not shown:
            empty.update("No saved sessions yet. Practise once and it will appear here.")
        else:
            flagged = (
                f" {len(listing.unreadable)} cannot be read (edited or damaged): "
                "Enter says why, d deletes."
                if listing.unreadable
                else ""
            )
            empty.update(
                f"{len(listing.sessions)} saved session(s). Enter opens the debrief, "
                f"p your progress across them.{flagged}"
            )
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
            self.app.call_from_thread(
                self.notify, printable(str(exc)), severity="error", markup=False
            )
            return
        debrief = build_debrief(saved.meta, saved.turns)
        rating = rating_of(debrief, saved.self_ratings)
        self.app.call_from_thread(
            self.app.push_screen, DebriefScreen(debrief, saved.id, self_rating=rating)
        )

    @work(exclusive=True, group="delete")
    async def action_delete(self) -> None:
        """Delete the highlighted session, after asking."""
        session_id = self._selected()
        store = self.attune.context.store
        if session_id is None or store is None:
            return
        if await self.app.push_screen_wait(
            ConfirmScreen(printable(f"Delete session {session_id}?"), "Delete")
        ):
            try:
                store.delete(session_id)
            except AttuneError as exc:
                self.notify(printable(str(exc)), severity="error", markup=False)
            self.load()

    def action_progress(self) -> None:
        """Open progress across the saved sessions."""
        from simulator.tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())

    def action_back(self) -> None:
        """Back to the persona picker."""
        self.app.pop_screen()

"""The learner's own scenarios in the picker: listed apart from the shipped ones, deletable."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App
from textual.widgets.option_list import Option

from simulator.personas.index import PersonaEntry, PersonaIndex
from simulator.support.textsafe import printable

if TYPE_CHECKING:
    from simulator.personas import Catalog

YOURS_HEADING = "__your-scenarios__"


def persona_options(
    index: PersonaIndex, row: Callable[[PersonaIndex, PersonaEntry], Option]
) -> list[Option]:
    """The picker's rows: shipped and --personas cards, then 'Your scenarios' and the learner's."""
    # Partners grouped by mode in registry order (listen first), stable within each group.
    cards = index.ordered()
    theirs = [row(index, c) for c in cards if not c.user]
    yours = [row(index, c) for c in cards if c.user]
    if not yours:
        return theirs
    heading = Text("Your scenarios  (e edits, d deletes)", style="bold")
    return [*theirs, Option(heading, id=YOURS_HEADING, disabled=True), *yours]


def scenario_text(index: PersonaIndex, card_id: str) -> str:
    """The side panel for one card; the learner's own cards also say where their file is."""
    card = index.entries[card_id]
    text = f"{card.name}\n\n{card.scenario}\n\n{index.how(card)}"
    if card.user:
        text += f"\n\nYour card: {card.source}"
    return printable(text)


async def delete_card(app: App[None], catalog: Catalog, card_id: str) -> Path | None:
    """Ask, then move one of the learner's cards to the trash; where it went, or None if kept."""
    card = catalog.get(card_id)
    question = (
        f"Delete your scenario '{printable(card.name)}' ({card_id})? Its file moves to "
        f"attune's trash; 'attune personas restore {card_id}' brings it back."
    )
    from simulator.tui.screens.dialogs import ConfirmScreen

    if not await app.push_screen_wait(ConfirmScreen(question, "Delete")):
        return None
    from simulator.scenario import delete_user_card

    trashed = await asyncio.to_thread(delete_user_card, card_id, catalog)
    return trashed.card

"""The learner's own scenarios in the picker: listed apart from the shipped ones, deletable."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import App
from textual.widgets.option_list import Option

from simulator.modes import mode_names, words_for
from simulator.personas import Catalog, PersonaCard
from simulator.support.textsafe import printable
from simulator.tui.screens.dialogs import ConfirmScreen

YOURS_HEADING = "__your-scenarios__"


def persona_options(catalog: Catalog, row: Callable[[PersonaCard], Option]) -> list[Option]:
    """The picker's rows: shipped and --personas cards, then 'Your scenarios' and the learner's."""
    # Partners grouped by mode in registry order (listen first), stable within each group.
    order = mode_names()
    cards = sorted(catalog.cards.values(), key=lambda c: order.index(c.mode))
    theirs = [row(c) for c in cards if not catalog.is_user(c.id)]
    yours = [row(c) for c in cards if catalog.is_user(c.id)]
    if not yours:
        return theirs
    heading = Text("Your scenarios  (e edits, d deletes)", style="bold")
    return [*theirs, Option(heading, id=YOURS_HEADING, disabled=True), *yours]


def scenario_text(catalog: Catalog, card_id: str) -> str:
    """The side panel for one card; the learner's own cards also say where their file is."""
    card = catalog.get(card_id)
    how = words_for(card.mode).scenario_how.format(name=card.name, style=card.style.value)
    text = f"{card.name}\n\n{card.scenario}\n\n{how}"
    if catalog.is_user(card_id):
        text += f"\n\nYour card: {catalog.sources[card_id]}"
    return printable(text)


async def delete_card(app: App[None], catalog: Catalog, card_id: str) -> Path | None:
    """Ask, then move one of the learner's cards to the trash; where it went, or None if kept."""
    card = catalog.get(card_id)
    question = (
        f"Delete your scenario '{printable(card.name)}' ({card_id})? Its file moves to "
        f"attune's trash; 'attune personas restore {card_id}' brings it back."
    )
    if not await app.push_screen_wait(ConfirmScreen(question, "Delete")):
        return None
    from simulator.scenario import delete_user_card

    trashed = await asyncio.to_thread(delete_user_card, card_id, catalog)
    return trashed.card

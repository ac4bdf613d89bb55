"""Pick a partner, an intensity and a mode, then start practising."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from simulator.personas import PersonaCard
from simulator.practice import PracticeSetup
from simulator.textsafe import printable

if TYPE_CHECKING:
    from simulator.tui.app import AttuneApp

INTENSITY_HELP = {
    "gentle": "forgiving: missteps land softer",
    "realistic": "as the persona is written",
    "hard": "sensitive: missteps land harder",
}
MODE_HELP = {
    "immersive": "no live feedback; all of it in the debrief",
    "coached": "live feedback on each message",
}
# The source document's own example scene: the natural first try.
FIRST_CHOICE = "unanswered-text"


# Ask mode, marked on its rows: the learner is the one who needs support.
ASK_LABEL = " YOU ASK "


def persona_option(card: PersonaCard) -> Option:
    """One picker row: name, id and style, then the scenario in a sentence."""
    prompt = Text()
    if card.mode == "ask":
        prompt.append(ASK_LABEL, style="bold #000000 on #8e8cf0")
        prompt.append(" ")
    prompt.append(printable(card.name), style="bold")
    prompt.append(f" — {card.id}, {card.style.value}s", style="dim")
    if card.id == FIRST_CHOICE:
        prompt.append(" (start here)", style="italic")
    prompt.append("\n")
    prompt.append(printable(card.summary))
    return Option(prompt, id=card.id)


class PickerScreen(Screen[None]):
    """The first screen: personas with their scenario, intensity and mode."""

    BINDINGS = [
        Binding("enter", "start", "Start", show=True),
        Binding("s", "sessions", "Saved sessions"),
        Binding("c", "toggle_mode", "Coached on/off"),
        Binding("i", "cycle_intensity", "Intensity"),
    ]

    @property
    def attune(self) -> AttuneApp:
        """The app, typed."""
        return cast("AttuneApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="picker"):
            with Vertical(id="persona-column"):
                yield Static("Who do you want to practise with?", classes="panel-title")
                yield OptionList(*(persona_option(c) for c in self._cards()), id="personas")
            with VerticalScroll(id="setup"):
                yield Static("", id="scenario", markup=False)
                yield Static("Intensity", classes="panel-title")
                with RadioSet(id="intensity"):
                    for name, help_text in INTENSITY_HELP.items():
                        yield RadioButton(
                            f"{name}: {help_text}", value=name == "realistic", name=name
                        )
                yield Static("Mode", classes="panel-title")
                with RadioSet(id="mode"):
                    for name, help_text in MODE_HELP.items():
                        yield RadioButton(
                            f"{name}: {help_text}", value=name == "immersive", name=name
                        )
                yield Button("Start practising", id="start", variant="primary")
        yield Static(self._notice(), id="notice", markup=False)
        yield Static("", id="model-status", markup=False)
        yield Footer()

    def _cards(self) -> list[PersonaCard]:
        """Listen-mode partners first, then the ask-mode ones (stable within each group)."""
        cards = list(self.attune.context.catalog.cards.values())
        return sorted(cards, key=lambda c: c.mode == "ask")

    def _notice(self) -> str:
        context = self.attune.context
        where = (
            f"Sessions are saved only on this computer, in {context.home_label} "
            "(readable by you only)."
            if context.store is not None
            else f"Sessions cannot be saved: {context.store_problem}"
        )
        return (
            "The partner is simulated by a program, not a person. If something you write "
            f"sounds like a real crisis, the practice pauses and shows where to get help. {where}"
        )

    def on_mount(self) -> None:
        options = self.query_one("#personas", OptionList)
        ids = [c.id for c in self._cards()]
        options.highlighted = ids.index(FIRST_CHOICE) if FIRST_CHOICE in ids else 0
        options.focus()
        self.watch(self.attune, "model_message", self._show_model, init=True)

    def _show_model(self, message: str) -> None:
        self.query_one("#model-status", Static).update(f"Model: {self.attune.model}. {message}")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        card = self.attune.context.catalog.get(str(event.option.id))
        if card.mode == "ask":
            how = (
                f"You ask: this time you need support. {card.name} jumps to logic and fixes; "
                "practise asking for what you need."
            )
        else:
            how = f"Tends to {card.style.value} when upset."
        self.query_one("#scenario", Static).update(f"{card.name}\n\n{card.scenario}\n\n{how}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def _chosen(self, radio_id: str) -> str:
        pressed = self.query_one(f"#{radio_id}", RadioSet).pressed_button
        assert pressed is not None
        assert pressed.name is not None
        return pressed.name

    def setup(self) -> PracticeSetup:
        """The choices on screen, as a practice setup."""
        option = self.query_one("#personas", OptionList).highlighted_option
        persona = str(option.id) if option is not None else ""
        return PracticeSetup.model_validate(
            {
                "persona_id": persona,
                "model": self.attune.model,
                "intensity": self._chosen("intensity"),
                "mode": self._chosen("mode"),
            }
        )

    def action_start(self) -> None:
        """Start practising with the highlighted persona."""
        self.attune.begin_practice(self.setup())

    def action_sessions(self) -> None:
        """Open the saved sessions."""
        self.attune.open_sessions()

    def _press_next(self, radio_id: str) -> None:
        radio = self.query_one(f"#{radio_id}", RadioSet)
        buttons = list(radio.query(RadioButton))
        current = next(i for i, b in enumerate(buttons) if b.value)
        buttons[(current + 1) % len(buttons)].value = True

    def action_toggle_mode(self) -> None:
        """Switch between immersive and coached."""
        self._press_next("mode")

    def action_cycle_intensity(self) -> None:
        """Gentle, realistic, hard."""
        self._press_next("intensity")

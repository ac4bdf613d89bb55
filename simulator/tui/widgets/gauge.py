"""A labelled horizontal gauge for a 0-100 value."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from simulator.domain.zones import ZONE_FLOORS, zone_for
from simulator.modes import ENGINE_WORDS, StateWords

ZONE_COLOURS = {
    "flooded": "#e5484d",
    "escalated": "#f76b15",
    "guarded": "#ffc53d",
    "settling": "#3e9b4f",
    "regulated": "#0090ff",
}


class Gauge(Widget):
    """`label  ██████░░░░ 70`; colour by zone for arousal, fixed colour otherwise."""

    DEFAULT_CSS = "Gauge { height: 1; }"

    value: reactive[float] = reactive(0.0)

    def __init__(self, label: str, *, by_zone: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.by_zone = by_zone

    def render(self) -> Text:
        width = max(6, self.size.width - len(self.label) - 6)
        filled = round(width * max(0.0, min(100.0, self.value)) / 100)
        colour = ZONE_COLOURS[zone_for(self.value).value] if self.by_zone else "#8e8cf0"
        text = Text(f"{self.label} ")
        text.append("█" * filled, style=colour)
        text.append("░" * (width - filled), style="#555555")
        text.append(f" {self.value:3.0f}")
        return text


def zone_scale(view: StateWords = ENGINE_WORDS) -> str:
    """The zone (ask mode: stage) names with their floors, hottest first (for tooltips)."""
    return ", ".join(f"{view.stage(zone)} {floor:.0f}+" for zone, floor in ZONE_FLOORS)

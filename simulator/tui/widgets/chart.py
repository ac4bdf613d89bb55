"""A terminal line chart of arousal and connection over the turns of a session."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from simulator.feedback.debrief import Point
from simulator.modes import ENGINE_WORDS, StateWords

AROUSAL = "#f76b15"
CONNECTION = "#0090ff"
_AXIS = (100, 80, 60, 40, 20, 0)
_BANDS = {80: "flooded", 60: "escalated", 40: "guarded", 20: "settling", 0: "regulated"}


def _interpolate(values: Sequence[float], columns: int) -> list[float]:
    if len(values) == 1:
        return [values[0]] * columns
    out = []
    for col in range(columns):
        pos = col * (len(values) - 1) / max(1, columns - 1)
        left = int(pos)
        right = min(left + 1, len(values) - 1)
        frac = pos - left
        out.append(values[left] * (1 - frac) + values[right] * frac)
    return out


class StateChart(Widget):
    """Arousal (orange) and connection (blue), 0-100, one column band per turn."""

    DEFAULT_CSS = "StateChart { height: 14; }"

    def __init__(
        self, points: Sequence[Point], *, view: StateWords = ENGINE_WORDS, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.points = list(points)
        self.view = view

    def render(self) -> Text:
        rows = max(5, self.size.height - 2)
        # Room on the right for the longest band name (16 fits the listen zones).
        longest = max(len(name) for name in self.view.stages.values())
        columns = max(10, self.size.width - max(16, 7 + longest))
        grid: list[list[tuple[str, str]]] = [[(" ", "")] * columns for _ in range(rows)]

        def row_of(value: float) -> int:
            return rows - 1 - round(value / 100 * (rows - 1))

        marks = {
            round(i * (columns - 1) / max(1, len(self.points) - 1)) for i in range(len(self.points))
        }
        for series, colour, dot in (
            ([p.connection for p in self.points], CONNECTION, "◆"),
            ([p.arousal for p in self.points], AROUSAL, "●"),
        ):
            for col, value in enumerate(_interpolate(series, columns)):
                glyph = dot if col in marks else "·"
                grid[row_of(value)][col] = (glyph, colour)
        text = Text()
        labels = {row_of(v): v for v in _AXIS}
        bands = {row_of(v + 10): self.view.stage(name) for v, name in _BANDS.items()}
        for r, line in enumerate(grid):
            label = f"{labels[r]:>3} ┤" if r in labels else "    │"
            text.append(label, style="dim")
            for glyph, style in line:
                text.append(glyph, style=style)
            text.append(f" {bands.get(r, '')}\n", style="dim")
        text.append("    └" + "─" * columns + "\n", style="dim")
        last = self.points[-1].turn if self.points else 0
        text.append(
            f"     turn 0{' ' * max(1, columns - 12 - len(str(last)))}turn {last}\n", style="dim"
        )
        text.append(f"     ● {self.view.tension}", style=AROUSAL)
        text.append(f"   ◆ {self.view.closeness}", style=CONNECTION)
        return text

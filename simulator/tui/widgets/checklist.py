"""The documents' steps as a checklist that fills as the learner's moves show them."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from simulator.feedback.coaching import Step


class Checklist(Widget):
    """One line per step: a tick once a turn has shown it, with the count."""

    DEFAULT_CSS = "Checklist { height: auto; }"

    counts: reactive[dict[str, int]] = reactive(dict, always_update=True)

    def __init__(self, steps: tuple[Step, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps = steps

    def render(self) -> Text:
        text = Text()
        steps = self.steps
        for i, step in enumerate(steps):
            count = self.counts.get(step.id, 0)
            mark, style = ("✔", "bold #3e9b4f") if count else ("·", "dim")
            text.append(f" {mark} ", style=style)
            text.append(step.label, style="" if count else "dim")
            if count > 1:
                text.append(f" x{count}", style="dim")
            if i < len(steps) - 1:
                text.append("\n")
        return text

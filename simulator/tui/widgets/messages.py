"""The conversation: the scene, the learner's messages and the partner's streamed replies."""

from __future__ import annotations

import re

from textual.widgets import Markdown, Static

from simulator.textsafe import printable

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def plain_markdown(text: str) -> str:
    """Text shown literally by a Markdown widget: control characters and markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))


class SceneNote(Static):
    """What the learner walks into, shown above the first line."""

    def __init__(self, text: str) -> None:
        super().__init__(printable(text), markup=False, classes="scene")


class LearnerMessage(Static):
    """One message the learner sent."""

    def __init__(self, text: str, index: int) -> None:
        super().__init__(printable(text), markup=False, classes="learner")
        self.border_title = f"You · turn {index}"
        self.index = index


class PartnerMessage(Markdown):
    """One partner reply; streamed into while the model speaks."""

    def __init__(self, name: str, text: str = "", index: int = 0) -> None:
        super().__init__(plain_markdown(text), classes="partner")
        self.border_title = name
        self.index = index


class SystemNote(Static):
    """A line from attune itself (what-if comparisons, errors kept in the transcript)."""

    def __init__(self, text: str, kind: str = "info", index: int = 0) -> None:
        super().__init__(printable(text), markup=False, classes=f"system {kind}")
        # The turn this note belongs to (0: none), so that rewinding the turn removes it.
        self.index = index

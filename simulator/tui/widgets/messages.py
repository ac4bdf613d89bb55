"""The conversation: the scene, the learner's messages and the partner's streamed replies."""

from __future__ import annotations

import re

from textual.widgets import Markdown, Static

from simulator.support.textsafe import printable

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
        self.text = printable(text)


class PartnerMessage(Markdown):
    """One partner reply; streamed into while the model speaks."""

    def __init__(self, name: str, text: str = "", index: int = 0) -> None:
        super().__init__(plain_markdown(text), classes="partner")
        self.border_title = name
        self.index = index
        self.name_shown = name
        self.text = printable(text)
        """The whole reply once it has finished streaming."""


class PartnerCue(Static):
    """The partner's non-verbal cue (posture, gaze, voice): a quiet line under the reply."""

    def __init__(self, text: str, index: int = 0) -> None:
        super().__init__(printable(text), markup=False, classes="cue")
        # The turn it belongs to, so that rewinding the turn removes it with the reply.
        self.index = index
        self.text = printable(text)


class SystemNote(Static):
    """A line from attune itself (what-if comparisons, errors kept in the transcript)."""

    def __init__(self, text: str, kind: str = "info", index: int = 0) -> None:
        super().__init__(printable(text), markup=False, classes=f"system {kind}")
        # The turn this note belongs to (0: none), so that rewinding the turn removes it.
        self.index = index
        self.text = printable(text)


Message = LearnerMessage | PartnerMessage | PartnerCue | SystemNote


def transcript_line(message: Message) -> str:
    """One message as a plain line of the folded transcript."""
    if isinstance(message, LearnerMessage):
        return f"You (turn {message.index}): {message.text}"
    if isinstance(message, PartnerMessage):
        return f"{message.name_shown}: {message.text}"
    if isinstance(message, PartnerCue):
        return f"    [{message.text}]"
    return f"  ({message.text})"


class EarlierMessages(Static):
    """Older messages folded into one plain block, the latest MAX_LINES of them.

    Every message widget on screen costs layout time on each new one, so a long
    session would slow down turn by turn; past a limit the oldest are folded here,
    still readable by scrolling up. The whole transcript is in the debrief's export
    and `attune sessions show`.
    """

    MAX_LINES = 120

    def __init__(self) -> None:
        super().__init__("", markup=False, classes="earlier")
        self.border_title = "Earlier in this conversation"
        self.lines: list[str] = []
        self.dropped = 0

    def fold(self, messages: list[Message]) -> None:
        """Add these messages, oldest first, to the block."""
        self.lines += [transcript_line(m) for m in messages]
        if len(self.lines) > self.MAX_LINES:
            self.dropped += len(self.lines) - self.MAX_LINES
            self.lines = self.lines[-self.MAX_LINES :]
        head = [f"({self.dropped} earlier lines: see the debrief's export)"] if self.dropped else []
        self.update("\n".join([*head, *self.lines]))

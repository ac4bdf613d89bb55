"""When the learner sees feedback: the choice's values and how the picker words them.

Plain names without pydantic, so the picker can draw its first frame before the setup
model (`choices.PracticeSetup`) is imported.
"""

from __future__ import annotations

from typing import Literal

FeedbackTiming = Literal["live", "after"]
"""`live`: the meter, gauges and hints during the talk; `after`: feedback only in the debrief."""

FEEDBACK_HELP: dict[FeedbackTiming, str] = {
    "after": "none during the talk; all in the debrief",
    "live": "what each message did, during the talk",
}

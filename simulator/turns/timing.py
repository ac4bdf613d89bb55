"""When the learner sees feedback: the choice's values and how the picker words them.

Plain names without pydantic, so the picker can draw its first frame before the setup
model (`choices.PracticeSetup`) is imported.
"""

from __future__ import annotations

from typing import Literal

FeedbackTiming = Literal["live", "after", "real-talk"]
"""`live`: the meter, gauges and hints during the talk; `after`: feedback only in the debrief;
`real-talk`: no meter or gauges either, only the words and the partner's cues, as in life
(the debrief then shows the state over the turns)."""

FEEDBACK_HELP: dict[FeedbackTiming, str] = {
    "after": "none during the talk; all in the debrief",
    "live": "what each message did, during the talk",
    "real-talk": "no meter: only the words and cues; the state in the debrief",
}

REAL_TALK: FeedbackTiming = "real-talk"
"""The setting that hides every gauge during the talk."""

"""Ask mode's judge rubric: the dimensions that differ from the standard ones."""

from __future__ import annotations

from simulator.prompting.contexts import RubricAnchor, RubricDimension


def _anchors(*meanings: str) -> list[RubricAnchor]:
    return [RubricAnchor(score=i, meaning=m) for i, m in enumerate(meanings, start=1)]


# Ask mode: the partner's habit is fixing, so restraint means not turning warm and
# reflective before the learner's asking has earned it.
ASK_RUBRIC: tuple[RubricDimension, ...] = (
    RubricDimension(
        id="restraint",
        question="Does the partner keep to their habit (logic, fixes) until the learner's "
        "requests have turned them toward, rather than turning warm too soon?",
        anchors=_anchors(
            "comforting and reflecting from the first reply, whatever the learner says",
            "turns warm or reflective while the stage is still defending or explaining",
            "mostly in step with the stages, but softens a little early once",
            "keeps to explaining until listening; one small early softening",
            "turns toward the learner exactly as the stages move, never before",
        ),
    ),
)

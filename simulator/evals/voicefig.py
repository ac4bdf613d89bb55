"""Honest voice figures: the model's raw first attempts, apart from what the learner saw.

The runtime guard retries and falls back to authored lines, so what the learner is
shown says little about the model. Here every first attempt is judged as the model
wrote it, with the full context the runtime guard had (the scene's words, the
prompt, the earlier exchanges and, when there is one, the reply plan):

- in character: no assistant or counsellor talk, no leak, not the learner's lines;
- coherent: in the first person, about this scene (no narration, no third person,
  nothing foreign, no repetition);
- follows the plan: keeps the plan's stance (only where a plan is known);
- stance held: of the replies whose plan holds back (push back, stay guarded), the
  share that did not warm up, thank or apologise on their own.

Shown figures count how each turn ended: passed at once, after a retry, or fallback.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from simulator.guard.checks import check_reply
from simulator.guard.context import GuardContext
from simulator.guard.reasons import GuardReason
from simulator.guard.sense import HOLDING
from simulator.replyplan.model import ReplyPlan
from simulator.voices.base import Attempt

OUT_OF_CHARACTER = frozenset(
    {
        GuardReason.AI_ADMISSION,
        GuardReason.LEAK,
        GuardReason.THERAPIST_VOICE,
        GuardReason.SPEAKS_AS_LEARNER,
        GuardReason.EMPTY,
        GuardReason.ABUSIVE,
        GuardReason.HARM,
    }
)
INCOHERENT = frozenset(
    {
        GuardReason.FOREIGN,
        GuardReason.THIRD_PERSON,
        GuardReason.NARRATION,
        GuardReason.REPETITIVE,
    }
)
OFF_PLAN = frozenset({GuardReason.STANCE, GuardReason.ZONE_MISMATCH})
# The gate ends a turn at its sentence cap and keeps what it has: a long raw reply is
# trimmed, not a failure of the model's sense.
_IGNORED = frozenset({GuardReason.TOO_LONG})


def turn_plan(context: GuardContext) -> ReplyPlan | None:
    """The plan a turn's reply had to follow: the one the runtime guard was given."""
    return context.plan


class RawReply(BaseModel):
    """A model's first attempt at one turn, judged as written."""

    model_config = ConfigDict(frozen=True)

    turn: int
    raw: str
    findings: list[str]
    """The guard's reasons on the raw reply (too_long left out)."""
    stance: str | None = None
    """The plan's stance, when the turn had a plan."""
    shown: str = "pass"
    """How the turn ended for the learner: pass, retry or fallback."""

    def has(self, reasons: frozenset[GuardReason]) -> bool:
        """True when any of these reasons was found."""
        return any(GuardReason(r) in reasons for r in self.findings)


def judge_attempt(turn: int, attempt: Attempt, shown: str) -> RawReply:
    """Judge one raw attempt with the context the runtime guard had for it."""
    found = check_reply(attempt.raw, attempt.context)
    plan = turn_plan(attempt.context)
    return RawReply(
        turn=turn,
        raw=attempt.raw,
        findings=sorted({f.reason.value for f in found if f.reason not in _IGNORED}),
        stance=plan.stance if plan is not None else None,
        shown=shown,
    )


class VoiceFigures(BaseModel):
    """One model's raw first-attempt rates and what its learners were shown."""

    raw_replies: int = 0
    in_character: int = 0
    coherent: int = 0
    planned: int = 0
    """Raw replies whose turn had a plan (the denominator of `follows_plan`)."""
    follows_plan: int = 0
    holding: int = 0
    """Raw replies whose plan held back (push back, stay guarded)."""
    held: int = 0
    shown_pass: int = 0
    shown_retry: int = 0
    shown_fallback: int = 0

    def rate(self, part: str) -> float | None:
        """`in_character`, `coherent`, `follows_plan` or `held` as a share, None with no data."""
        whole = {"follows_plan": self.planned, "held": self.holding}.get(part, self.raw_replies)
        return round(getattr(self, part) / whole, 3) if whole else None

    def as_dict(self) -> dict[str, object]:
        """The counts and the rates, for the results log and the report."""
        return {
            **self.model_dump(),
            "in_character_rate": self.rate("in_character"),
            "coherent_rate": self.rate("coherent"),
            "follows_plan_rate": self.rate("follows_plan"),
            "stance_hold_rate": self.rate("held"),
        }


def figures(replies: Iterable[RawReply]) -> VoiceFigures:
    """Count the raw rates and the shown outcomes over some raw replies."""
    out = VoiceFigures()
    for r in replies:
        out.raw_replies += 1
        out.in_character += not r.has(OUT_OF_CHARACTER)
        out.coherent += not r.has(INCOHERENT)
        if r.stance is not None:
            out.planned += 1
            out.follows_plan += not r.has(OFF_PLAN)
            if r.stance in HOLDING:
                out.holding += 1
                out.held += GuardReason.STANCE.value not in r.findings
        out.shown_pass += r.shown == "pass"
        out.shown_retry += r.shown == "retry"
        out.shown_fallback += r.shown == "fallback"
    return out


def describe(f: VoiceFigures) -> str:
    """One line: the raw rates, then what the learner was shown."""

    def pct(part: str, whole: int) -> str:
        rate = f.rate(part)
        return f"{rate:.0%} of {whole}" if rate is not None else "no data"

    return (
        f"raw first attempts: in character {pct('in_character', f.raw_replies)}, "
        f"coherent {pct('coherent', f.raw_replies)}, "
        f"follows the plan {pct('follows_plan', f.planned)}, "
        f"stance held {pct('held', f.holding)}; "
        f"shown: pass {f.shown_pass}, retry {f.shown_retry}, fallback {f.shown_fallback}"
    )

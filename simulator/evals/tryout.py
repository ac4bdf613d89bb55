"""Try a persona card on the generic dynamics: does it behave like a partner worth practising with?

A coach who writes a card wants to know, before a learner meets it, that the
documents' steps settle it (but not after one message), that the mistakes
escalate it, that early fixing costs while the same proposal is welcome once
settled, that a repair recovers, and that the softer feeling waits for
connection. An ask-mode card (the learner asks a partner who jumps to fixes for
support) gets its own checks: soft, specific requests turn the partner toward the
learner within a scene but not at once, and criticism, contempt and demands make
them defend. Each check plays a scripted learner (the eval policies) against the
card with the authored lines as the voice: offline, deterministic and fast.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from simulator.domain.zones import Zone, zone_for
from simulator.evals.cases import DynamicsExpect, EvalCase
from simulator.evals.checks import CheckResult
from simulator.evals.policies import WORDINGS, attuned
from simulator.evals.runner import CaseResult, run_case
from simulator.llm.client import SCRIPTED
from simulator.modes import get_mode, words_for
from simulator.moves import Move
from simulator.personas.card import PersonaCard
from simulator.settings.config import Settings
from simulator.support.errors import AttuneError

# Long enough for a hard-to-reach partner to settle under the steps, short enough
# to be a scene: the shipped cards settle in 3 to 8 turns.
SETTLE_LIMIT = 12
MISTAKE_TURNS = 5
# The proposal made too early and again once settled: the same words both times.
PROPOSAL = WORDINGS[Move.INVITE_SOLUTIONS][1]

Intensity = str


class TryCheck(BaseModel):
    """One behaviour a card should show, whether it did, and what to tune if not."""

    model_config = ConfigDict(frozen=True)

    name: str
    ok: bool
    detail: str
    """What was seen, in numbers."""
    suggestion: str | None = None
    """Which card field to tune when the behaviour is odd."""


class TryReport(BaseModel):
    """Every check's verdict for one card."""

    model_config = ConfigDict(frozen=True)

    persona: str
    name: str
    intensity: str
    checks: list[TryCheck]

    @property
    def odd(self) -> list[TryCheck]:
        """The checks where the card behaved oddly."""
        return [c for c in self.checks if not c.ok]


def _tried(name: str, ok: bool, detail: str, tune: str) -> TryCheck:
    """A check's verdict; the suggestion of what to tune is kept only when it is odd."""
    return TryCheck(name=name, ok=ok, detail=detail, suggestion=None if ok else tune)


def _case(
    card: PersonaCard,
    name: str,
    intensity: Intensity,
    dynamics: DynamicsExpect,
    *,
    policy: str | None = None,
    turns: Sequence[str] = (),
    count: int = SETTLE_LIMIT,
) -> EvalCase:
    return EvalCase.model_validate(
        {
            "id": f"try-{name}",
            "persona": card.id,
            "kind": "dynamics",
            "description": f"attune personas try: {name}",
            "source": "generic dynamics",
            "policy": policy,
            "policy_turns": count,
            "turns": list(turns),
            "intensity": intensity,
            "dynamics": dynamics,
        }
    )


def _run(case: EvalCase, card: PersonaCard) -> CaseResult:
    result = asyncio.run(run_case(case, card, SCRIPTED, Settings()))
    if result.error and not result.checks:
        raise AttuneError(f"{card.id}: the {case.id} check could not run ({result.error})")
    return result


def _check(result: CaseResult, name: str) -> CheckResult:
    return next(c for c in result.checks if c.name == name)


def _first_settled(result: CaseResult, after: int = 0) -> int | None:
    return next(
        (t.index for t in result.turns if t.index > after and Zone(t.zone).is_settled), None
    )


def _settling(card: PersonaCard, intensity: Intensity) -> tuple[list[TryCheck], CaseResult]:
    result = _run(
        _case(
            card,
            "attuned",
            intensity,
            DynamicsExpect(
                settles_within=SETTLE_LIMIT, softens=True, softens_after_connection=True
            ),
            policy="attuned",
        ),
        card,
    )
    base = card.baseline
    settles = _check(result, "settles_within")
    out = [
        _tried(
            "settles-when-attuned",
            settles.passed,
            f"the documents' steps: {settles.detail}",
            f"lower sensitivity (now {card.sensitivity:g}) or baseline.arousal "
            f"(now {base.arousal:g}); the steps should settle a partner within a scene",
        )
    ]
    start_zone = zone_for(base.arousal)
    first = _first_settled(result)
    if start_zone.is_settled:
        out.append(
            TryCheck(
                name="not-at-once",
                ok=False,
                detail=f"starts {start_zone.value} (baseline.arousal {base.arousal:g}): "
                "there is nothing to settle",
                suggestion="raise baseline.arousal to 60 or more (escalated) so the scene "
                "opens upset",
            )
        )
    else:
        turn1 = result.turns[0]
        at_once = first == 1
        out.append(
            _tried(
                "not-at-once",
                not at_once,
                f"after one attuned message: {turn1.zone} (arousal "
                f"{base.arousal:g} -> {turn1.arousal:g})",
                f"raise baseline.arousal (now {base.arousal:g}) or sensitivity (now "
                f"{card.sensitivity:g}); one message should not undo the upset",
            )
        )
    out.append(_softer(card, result))
    return out, result


def _softer(card: PersonaCard, result: CaseResult) -> TryCheck:
    softens = _check(result, "softens")
    after = _check(result, "softens_after_connection")
    threshold = card.underneath.surfaces_at
    start = card.baseline.connection
    if not softens.passed:
        suggestion = (
            f"lower underneath.surfaces_at (now {threshold:g}) or raise baseline.connection "
            f"(now {start:g}) so steady attunement can reach it"
        )
    elif not after.passed or start >= threshold:
        suggestion = (
            f"raise underneath.surfaces_at (now {threshold:g}) above baseline.connection "
            f"(now {start:g}); the softer feeling should wait for connection to grow"
        )
    else:
        suggestion = None
    detail = softens.detail if not softens.passed else after.detail
    return TryCheck(
        name="softer-feeling-waits",
        ok=suggestion is None,
        detail=detail,
        suggestion=suggestion,
    )


def _mistakes(card: PersonaCard, intensity: Intensity) -> list[TryCheck]:
    result = _run(
        _case(
            card,
            "misattuned",
            intensity,
            DynamicsExpect(escalates=True, never_settles=True, softens=False),
            policy="misattuned",
            count=MISTAKE_TURNS,
        ),
        card,
    )
    escalates = _check(result, "escalates")
    never = _check(result, "never_settles")
    hidden = _check(result, "softens")
    ok = escalates.passed and never.passed
    base = card.baseline.arousal
    if ok:
        suggestion = None
    elif base > 85:
        suggestion = f"lower baseline.arousal (now {base:g}): there is no room left to escalate"
    else:
        suggestion = f"raise sensitivity (now {card.sensitivity:g}) so the mistakes land"
    checks = [
        TryCheck(
            name="mistakes-escalate",
            ok=ok,
            detail=f"the documents' mistakes: {escalates.detail}"
            + ("" if never.passed else f"; yet settled: {never.detail}"),
            suggestion=suggestion,
        ),
        _tried(
            "softer-hidden-under-mistakes",
            hidden.passed,
            hidden.detail,
            f"raise underneath.surfaces_at (now {card.underneath.surfaces_at:g}); "
            "the softer feeling came out although nobody attuned",
        ),
    ]
    return checks


def _early_fix(card: PersonaCard, intensity: Intensity) -> list[TryCheck]:
    steps_case = _case(card, "steps", intensity, DynamicsExpect(), policy="attuned")
    steps = attuned(steps_case.model_copy(update={"policy_turns": SETTLE_LIMIT + 1}), 0)
    steps = [s for s in steps if s != PROPOSAL][:SETTLE_LIMIT]
    first = _run(
        _case(
            card,
            "early-fix",
            intensity,
            DynamicsExpect(arousal_up_on_turns=[1]),
            turns=[PROPOSAL, *steps],
        ),
        card,
    )
    up = _check(first, "arousal_up")
    checks = [
        _tried(
            "early-fix-costs",
            up.passed,
            f"a plan proposed first: {up.detail}",
            f"raise baseline.arousal (now {card.baseline.arousal:g}) so the scene opens "
            "hot enough that solutions are premature, or add fix to triggers",
        )
    ]
    settled = _first_settled(first, after=1)
    if settled is None:
        checks.append(
            TryCheck(
                name="welcome-once-settled",
                ok=False,
                detail=f"never settled within {len(first.turns)} turns after the early proposal",
                suggestion=f"lower sensitivity (now {card.sensitivity:g}): one early misstep "
                "should cost ground, not the whole scene",
            )
        )
        return checks
    again = _run(
        _case(
            card,
            "welcome",
            intensity,
            DynamicsExpect(welcomed_on_turns=[settled + 1]),
            turns=[PROPOSAL, *steps[: settled - 1], PROPOSAL],
        ),
        card,
    )
    welcomed = _check(again, "welcomed")
    checks.append(
        _tried(
            "welcome-once-settled",
            welcomed.passed,
            f"the same plan once settled: {welcomed.detail}",
            "lower baseline.arousal or sensitivity so the steps bring the partner to "
            "settling, where solutions are welcome",
        )
    )
    return checks


def _repair(card: PersonaCard, intensity: Intensity) -> TryCheck:
    result = _run(
        _case(
            card,
            "repair",
            intensity,
            DynamicsExpect(
                arousal_up_on_turns=[1], arousal_down_on_turns=[2], settles_within=SETTLE_LIMIT
            ),
            policy="repair",
        ),
        card,
    )
    up, down, settles = (
        _check(result, n) for n in ("arousal_up", "arousal_down", "settles_within")
    )
    ok = up.passed and down.passed and settles.passed
    failed = next((c for c in (up, down, settles) if not c.passed), down)
    return _tried(
        "repair-recovers",
        ok,
        f"a misstep, then a repair naming it: {failed.detail}"
        if not ok
        else f"misstep {up.detail}; repair {down.detail}; then {settles.detail}",
        f"lower sensitivity (now {card.sensitivity:g}): a misstep should be recoverable",
    )


# Ask mode: the learner asks for support. Generic wordings, not tied to any scene.
SOFT_ASKS = [
    "I've had a really hard day and I'm feeling low.",
    "I don't need a plan right now. I just need you with me for a bit.",
    "Before we work anything out, can you tell me what you hear me saying?",
    "Thank you. That helps more than you know.",
    "It means a lot that you slowed down with me.",
    "I feel closer to you when you listen like this.",
    "I'm still a bit shaky, but I feel less alone.",
    "Could you just sit with me a little longer?",
    "Thank you for hearing me out.",
    "I really appreciate you being here.",
    "I feel better. Maybe we can talk about next steps later.",
    "Thanks for staying with me.",
]
TRAPS = [
    "You always do this. You never just listen.",
    "Oh great, another lecture. So helpful.",
    "Stop talking and just do what I asked.",
    "Why do you never get it?",
    "Typical. Of course you'd say that.",
]


def ask_checks(card: PersonaCard, intensity: Intensity) -> list[TryCheck]:
    """The ask-mode checks: soft, specific requests turn the partner toward you; traps don't."""
    soft = _run(
        _case(
            card,
            "soft-asks",
            intensity,
            DynamicsExpect(
                settles_within=SETTLE_LIMIT, softens=True, softens_after_connection=True
            ),
            turns=SOFT_ASKS,
        ),
        card,
    )
    base = card.baseline
    settles = _check(soft, "settles_within")
    slow = _first_settled(soft) != 1 and not zone_for(base.arousal).is_settled
    out = [
        _tried(
            "turns-toward-when-asked-softly",
            settles.passed,
            f"soft, specific requests (defensiveness as arousal): {settles.detail}",
            f"lower sensitivity (now {card.sensitivity:g}) or baseline.defensiveness "
            f"(now {base.arousal:g}); asking well should reach reflecting within a scene",
        ),
        _tried(
            "not-at-once",
            slow,
            f"after one soft request: {words_for(card.mode).stage(soft.turns[0].zone)} "
            f"(defensiveness {base.arousal:g} -> {soft.turns[0].arousal:g})",
            f"raise baseline.defensiveness (now {base.arousal:g}); one request should "
            "not undo the habit of fixing",
        ),
    ]
    traps = _run(
        _case(
            card,
            "traps",
            intensity,
            DynamicsExpect(escalates=True, never_settles=True, softens=False),
            turns=TRAPS,
        ),
        card,
    )
    escalates, never = _check(traps, "escalates"), _check(traps, "never_settles")
    ok = escalates.passed and never.passed
    out.append(
        _tried(
            "traps-make-them-defend",
            ok,
            f"criticism, contempt and demands: {escalates.detail}",
            f"raise sensitivity (now {card.sensitivity:g}) or lower "
            f"baseline.defensiveness (now {base.arousal:g}) so the traps land",
        )
    )
    out.append(_softer(card, soft))
    return out


def try_card(card: PersonaCard, intensity: Intensity = "realistic") -> TryReport:
    """Play the generic checks against one card; every check runs, in a fixed order."""
    own = get_mode(card.mode).tryout
    if own is not None:
        checks = own(card, intensity)
        return TryReport(persona=card.id, name=card.name, intensity=intensity, checks=checks)
    settling, _ = _settling(card, intensity)
    checks = [
        *settling[:2],
        *_mistakes(card, intensity),
        *_early_fix(card, intensity),
        _repair(card, intensity),
        settling[2],
    ]
    return TryReport(persona=card.id, name=card.name, intensity=intensity, checks=checks)

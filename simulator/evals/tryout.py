"""Try a persona card on the generic dynamics: does it behave like a partner worth practising with?

A coach who writes a card wants to know, before a learner meets it, that the
documents' steps settle it (but not after one message), that the mistakes
escalate it, that early fixing costs while the same proposal is welcome once
settled, that a repair recovers, and that the softer feeling waits for
connection. A mode with checks of its own (`Mode.tryout`, e.g. ask mode's) plays
them with the helpers here instead. Each check plays a scripted learner (the
mode's eval policies) against the card with the authored lines as the voice:
offline, deterministic and fast.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from simulator.domain.zones import Zone, zone_for
from simulator.evals.cases import DynamicsExpect, EvalCase
from simulator.evals.checks import CheckResult
from simulator.evals.runner import CaseResult, run_case
from simulator.llm.client import SCRIPTED
from simulator.modes import get_mode
from simulator.personas.card import PersonaCard, plan_families
from simulator.replyplan import Heat
from simulator.scenario.fit import reaction_problems
from simulator.settings.config import Settings
from simulator.support.errors import AttuneError

# Long enough for a hard-to-reach partner to settle under the steps, short enough
# to be a scene: the shipped cards settle in 3 to 8 turns.
SETTLE_LIMIT = 12
HEATS: tuple[Heat, ...] = ("hot", "wary", "cool")
MISTAKE_TURNS = 5

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


def tried(name: str, ok: bool, detail: str, tune: str) -> TryCheck:
    """A check's verdict; the suggestion of what to tune is kept only when it is odd."""
    return TryCheck(name=name, ok=ok, detail=detail, suggestion=None if ok else tune)


def scene_case(
    card: PersonaCard,
    name: str,
    intensity: Intensity,
    dynamics: DynamicsExpect,
    *,
    policy: str | None = None,
    turns: Sequence[str] = (),
    count: int = SETTLE_LIMIT,
) -> EvalCase:
    """A dynamics case for one check: the mode's named `policy`, or the learner's `turns`."""
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


def play(case: EvalCase, card: PersonaCard) -> CaseResult:
    """Run one check's case on the card's authored lines; AttuneError if it cannot run."""
    result = asyncio.run(run_case(case, card, SCRIPTED, Settings()))
    if result.error and not result.checks:
        raise AttuneError(f"{card.id}: the {case.id} check could not run ({result.error})")
    return result


def check_named(result: CaseResult, name: str) -> CheckResult:
    """The result of the named eval check in a played case."""
    return next(c for c in result.checks if c.name == name)


def first_settled(result: CaseResult, after: int = 0) -> int | None:
    """The first turn after `after` that ends settled, if any."""
    return next(
        (t.index for t in result.turns if t.index > after and Zone(t.zone).is_settled), None
    )


def _settling(card: PersonaCard, intensity: Intensity) -> tuple[list[TryCheck], CaseResult]:
    result = play(
        scene_case(
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
    settles = check_named(result, "settles_within")
    out = [
        tried(
            "settles-when-attuned",
            settles.passed,
            f"the documents' steps: {settles.detail}",
            f"lower sensitivity (now {card.sensitivity:g}) or baseline.arousal "
            f"(now {base.arousal:g}); the steps should settle a partner within a scene",
        )
    ]
    start_zone = zone_for(base.arousal)
    first = first_settled(result)
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
            tried(
                "not-at-once",
                not at_once,
                f"after one attuned message: {turn1.zone} (arousal "
                f"{base.arousal:g} -> {turn1.arousal:g})",
                f"raise baseline.arousal (now {base.arousal:g}) or sensitivity (now "
                f"{card.sensitivity:g}); one message should not undo the upset",
            )
        )
    out.append(softer_check(card, result))
    return out, result


def softer_check(card: PersonaCard, result: CaseResult) -> TryCheck:
    """Whether the softer feeling surfaced in `result`, and only once connection grew."""
    softens = check_named(result, "softens")
    after = check_named(result, "softens_after_connection")
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
    result = play(
        scene_case(
            card,
            "misattuned",
            intensity,
            DynamicsExpect(escalates=True, never_settles=True, softens=False),
            policy="misattuned",
            count=MISTAKE_TURNS,
        ),
        card,
    )
    escalates = check_named(result, "escalates")
    never = check_named(result, "never_settles")
    hidden = check_named(result, "softens")
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
        tried(
            "softer-hidden-under-mistakes",
            hidden.passed,
            hidden.detail,
            f"raise underneath.surfaces_at (now {card.underneath.surfaces_at:g}); "
            "the softer feeling came out although nobody attuned",
        ),
    ]
    return checks


def _early_fix(card: PersonaCard, intensity: Intensity) -> list[TryCheck]:
    mode = get_mode(card.mode)
    # The proposal made too early and again once settled: the same words both times.
    proposal = mode.proposal
    steps_case = scene_case(card, "steps", intensity, DynamicsExpect(), policy="attuned")
    attuned = mode.policies["attuned"]
    steps = attuned(steps_case.model_copy(update={"policy_turns": SETTLE_LIMIT + 1}), 0)
    steps = [s for s in steps if s != proposal][:SETTLE_LIMIT]
    first = play(
        scene_case(
            card,
            "early-fix",
            intensity,
            DynamicsExpect(arousal_up_on_turns=[1]),
            turns=[proposal, *steps],
        ),
        card,
    )
    up = check_named(first, "arousal_up")
    checks = [
        tried(
            "early-fix-costs",
            up.passed,
            f"a plan proposed first: {up.detail}",
            f"raise baseline.arousal (now {card.baseline.arousal:g}) so the scene opens "
            "hot enough that solutions are premature, or add fix to triggers",
        )
    ]
    settled = first_settled(first, after=1)
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
    again = play(
        scene_case(
            card,
            "welcome",
            intensity,
            DynamicsExpect(welcomed_on_turns=[settled + 1]),
            turns=[proposal, *steps[: settled - 1], proposal],
        ),
        card,
    )
    welcomed = check_named(again, "welcomed")
    checks.append(
        tried(
            "welcome-once-settled",
            welcomed.passed,
            f"the same plan once settled: {welcomed.detail}",
            "lower baseline.arousal or sensitivity so the steps bring the partner to "
            "settling, where solutions are welcome",
        )
    )
    return checks


def _repair(card: PersonaCard, intensity: Intensity) -> TryCheck:
    result = play(
        scene_case(
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
        check_named(result, n) for n in ("arousal_up", "arousal_down", "settles_within")
    )
    ok = up.passed and down.passed and settles.passed
    failed = next((c for c in (up, down, settles) if not c.passed), down)
    return tried(
        "repair-recovers",
        ok,
        f"a misstep, then a repair naming it: {failed.detail}"
        if not ok
        else f"misstep {up.detail}; repair {down.detail}; then {settles.detail}",
        f"lower sensitivity (now {card.sensitivity:g}): a misstep should be recoverable",
    )


def reacts_check(card: PersonaCard) -> TryCheck:
    """Whether the card answers every family of its mode's moves, at every heat, in character."""
    families = plan_families(card.mode)
    missing = [
        f"{family}.{heat}"
        for family in families
        for heat in HEATS
        if not card.reaction_lines(family, heat)
    ]
    bad = reaction_problems(card)
    total = len(families) * len(HEATS)
    if bad:
        detail = f"{len(bad)} reaction line(s) out of character: {bad[0]}"
        tune = f"rewrite {bad[0].split(':')[0]} in the persona's own voice"
    elif missing:
        shown = ", ".join(missing[:4]) + (" ..." if len(missing) > 4 else "")
        detail = (
            f"reaction lines for {total - len(missing)} of {total} move families and heats; "
            f"none for {shown} (zone lines answer there instead)"
        )
        tune = (
            f"add reactions: lines for {missing[0].replace('.', ' while ')}, in the persona's voice"
        )
    else:
        detail = f"reaction lines for all {total} move families and heats"
        tune = ""
    return tried("reacts", not missing and not bad, detail, tune)


def try_card(card: PersonaCard, intensity: Intensity = "realistic") -> TryReport:
    """Play the generic checks against one card; every check runs, in a fixed order."""
    own = get_mode(card.mode).tryout
    if own is not None:
        checks = [*own(card, intensity), reacts_check(card)]
        return TryReport(persona=card.id, name=card.name, intensity=intensity, checks=checks)
    settling, _ = _settling(card, intensity)
    checks = [
        *settling[:2],
        *_mistakes(card, intensity),
        *_early_fix(card, intensity),
        _repair(card, intensity),
        settling[2],
        reacts_check(card),
    ]
    return TryReport(persona=card.id, name=card.name, intensity=intensity, checks=checks)

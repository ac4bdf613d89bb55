"""Run eval cases against models, concurrently and bounded; one case failing never loses another."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

import simulator.evals.checks  # noqa: F401 - importing it registers the eval checks
from simulator.engine import INTENSITIES
from simulator.evals.cases import EvalCase
from simulator.evals.policies import learner_turns
from simulator.evals.scorers import CheckResult, Transcript, score
from simulator.evals.voicefig import RawReply, judge_attempt
from simulator.llm.client import SCRIPTED, CallOptions
from simulator.modes import get_mode
from simulator.personas import Catalog, PersonaCard
from simulator.settings.config import Settings
from simulator.support.errors import AttuneError
from simulator.turns.session import Session, TurnRecord
from simulator.voices.base import Attempt, Voice
from simulator.voices.factory import make_voice
from simulator.voices.model import ModelVoice

VoiceFactory = Callable[[str, PersonaCard, Settings, int], Voice]

PROMPT_ONLY = "(prompt only)"
"""Marks the results of a model voicing the persona without the plan in its prompt."""


class TurnSummary(BaseModel):
    """One turn of a case's transcript, as the report shows it."""

    model_config = ConfigDict(frozen=True)

    index: int
    user: str
    reply: str
    zone: str
    arousal: float
    connection: float
    moves: list[str]
    guard: str


class CaseResult(BaseModel):
    """What one case did with one model."""

    model_config = ConfigDict(frozen=True)

    id: str
    persona: str
    model: str
    kind: str
    passed: bool
    checks: list[CheckResult]
    error: str | None = None
    """Why the case could not run (a model error, say); the case counts as failed."""
    turns: list[TurnSummary] = Field(default_factory=list)
    guard_retries: int = 0
    guard_fallbacks: int = 0
    guard_trimmed: int = 0
    replies: int = 0
    mean_latency_s: float = 0.0
    judge: dict[str, Any] | None = None
    """Rubric scores from `--judge-model`, and whether they agree with the checks."""
    voiced: bool = True
    """False when the scripted voice spoke instead of the model (see `speaks_with_model`)."""
    raw: list[RawReply] = Field(default_factory=list)
    """The model's first attempt at each turn, judged as written (before retry or fallback)."""
    opening: str = ""
    """The persona's first line, which the first learner turn answers."""


def _summary(turn: TurnRecord) -> TurnSummary:
    return TurnSummary(
        index=turn.index,
        user=turn.user,
        reply=turn.reply,
        zone=turn.zone,
        arousal=turn.arousal,
        connection=turn.connection,
        moves=[m.value for m in turn.moves],
        guard=turn.guard.result,
    )


def _failed(case: EvalCase, model: str, error: str) -> CaseResult:
    return CaseResult(
        id=case.id,
        persona=case.persona,
        model=model,
        kind=case.kind,
        passed=False,
        checks=[],
        error=error,
    )


JudgeHook = Callable[[PersonaCard, list[TurnRecord], list[CheckResult]], Any]


def speaks_with_model(case: EvalCase, model: str, voice_dynamics: bool) -> bool:
    """Whether the model voices this case, or the persona's authored lines do.

    The engine alone decides a dynamics case's outcome, so voicing it with a model
    costs minutes and proves nothing about dynamics; those cases take the scripted
    voice unless `voice_dynamics` asks for the model's replies to be checked too.
    """
    if model == SCRIPTED:
        return False
    return case.kind != "dynamics" or voice_dynamics


async def run_case(
    case: EvalCase,
    card: PersonaCard,
    model: str,
    settings: Settings,
    seed: int = 0,
    voice_factory: VoiceFactory = make_voice,
    judge: JudgeHook | None = None,
    voice_dynamics: bool = False,
    prompt_only: bool = False,
) -> CaseResult:
    """Play the case's learner turns against the persona and check what happened.

    With `prompt_only` the model voices the persona without the plan in its prompt,
    and the result is labelled so (`PROMPT_ONLY`), to compare with the planned voice.
    """
    voiced = speaks_with_model(case, model, voice_dynamics)
    label = f"{model} {PROMPT_ONLY}" if prompt_only else model
    raw: list[RawReply] = []
    try:
        if voiced or model == SCRIPTED:
            voice = voice_factory(model, card, settings, seed)
        else:
            voice = make_voice(SCRIPTED, card, settings, seed)
        attempts: list[Attempt] = []
        if isinstance(voice, ModelVoice):
            voice.on_attempt = attempts.append
            voice.follow_plan = not prompt_only
        session = Session(card, voice, intensity=INTENSITIES[case.intensity])
        for text in learner_turns(case, seed, card.mode):
            before = len(attempts)
            await session.respond_async(text)
            if len(attempts) > before:
                record = session.turns[-1]
                raw.append(judge_attempt(record.index, attempts[before], record.guard.result))
        turns = session.turns
        checks = score(Transcript(case, card, session.start, turns, voiced, raw))
        # A dynamics case handed to the scripted voice says nothing about the model's voice.
        judged = voiced or model == SCRIPTED
        verdict = await judge(card, turns, checks) if judge is not None and judged else None
    except AttuneError as exc:
        return _failed(case, label, str(exc))
    except Exception as exc:  # a bug in one case must not cost the others their results
        return _failed(case, label, f"{type(exc).__name__}: {exc}")
    guarded = [t for t in turns if t.guard.attempts]
    return CaseResult(
        id=case.id,
        persona=case.persona,
        model=label,
        kind=case.kind,
        # A case that checks nothing proves nothing; it must not count as a pass.
        passed=bool(checks) and all(c.passed for c in checks),
        error=None if checks else "the case has no expectations to check",
        checks=checks,
        turns=[_summary(t) for t in turns],
        guard_retries=sum(t.guard.result == "retry" for t in turns),
        guard_fallbacks=sum(t.guard.result == "fallback" for t in turns),
        guard_trimmed=sum(t.guard.trimmed for t in turns),
        replies=len(guarded),
        mean_latency_s=round(sum(t.latency_s for t in guarded) / len(guarded), 3)
        if guarded
        else 0.0,
        judge=verdict,
        voiced=voiced,
        raw=raw,
        opening=session.opening,
    )


class SuiteRun(BaseModel):
    """Every case result of a run, in a stable order (model, then case id)."""

    model_config = ConfigDict(frozen=True)

    models: list[str]
    seed: int
    concurrency: int
    results: list[CaseResult]
    wall_s: float
    voice_dynamics: bool = False
    """Whether the models also voiced the dynamics cases."""


async def run_suite(
    cases: Sequence[EvalCase],
    models: Sequence[str],
    catalog: Catalog,
    settings: Settings,
    concurrency: int = 4,
    seed: int = 0,
    voice_factory: VoiceFactory = make_voice,
    judge: JudgeHook | None = None,
    progress: Callable[[CaseResult, int, int], None] | None = None,
    voice_dynamics: bool = False,
    prompt_only: bool = False,
) -> SuiteRun:
    """Run every case against every model, at most `concurrency` at once.

    With `prompt_only`, every case a model voices runs a second time with the same
    model and no plan in its prompt, labelled `MODEL (prompt only)`.
    """
    if concurrency < 1:
        raise AttuneError(f"--concurrency must be at least 1, got {concurrency}")
    unknown = sorted({c.persona for c in cases} - set(catalog.cards))
    if unknown:
        raise AttuneError(f"eval cases name unknown persona(s): {', '.join(unknown)}")
    # Each mode scripts its own learners; a case's policy must be one of its persona's mode.
    mismatched = sorted(
        c.id
        for c in cases
        if c.policy and c.policy not in get_mode(catalog.get(c.persona).mode).policies
    )
    if mismatched:
        raise AttuneError(
            f"eval case(s) {', '.join(mismatched)}: the policy is not one of the persona's "
            "mode; give the case its own 'turns' or another policy"
        )
    gate = asyncio.Semaphore(concurrency)
    runs = [(c, m, False) for m in models for c in cases]
    if prompt_only:
        runs += [
            (c, m, True) for m in models for c in cases if speaks_with_model(c, m, voice_dynamics)
        ]
    compared = {m for _, m, only in runs if only}
    labels = [*models, *(f"{m} {PROMPT_ONLY}" for m in models if m in compared)]
    total = len(runs)
    done = 0

    async def one(case: EvalCase, model: str, only: bool) -> CaseResult:
        nonlocal done
        async with gate:
            result = await run_case(
                case,
                catalog.get(case.persona),
                model,
                settings,
                seed,
                voice_factory,
                judge,
                voice_dynamics,
                only,
            )
        done += 1
        if progress is not None:
            progress(result, done, total)
        return result

    started = time.perf_counter()
    results = await asyncio.gather(*(one(c, m, only) for c, m, only in runs))
    return SuiteRun(
        models=labels,
        seed=seed,
        concurrency=concurrency,
        results=sorted(results, key=lambda r: (labels.index(r.model), r.id)),
        wall_s=round(time.perf_counter() - started, 3),
        voice_dynamics=voice_dynamics,
    )


def judge_hook(options: CallOptions) -> JudgeHook:
    """Score each transcript with an LLM judge and compare it with the deterministic checks."""
    from simulator.evals.judge import agreement, judge_transcript

    async def hook(
        card: PersonaCard, turns: list[TurnRecord], checks: list[CheckResult]
    ) -> dict[str, Any]:
        try:
            verdict = await judge_transcript(card, turns, options)
        except AttuneError as exc:
            # A judge that fails leaves the deterministic result standing.
            return {"error": str(exc)}
        deterministic = {c.name: c.passed for c in checks}
        return {
            "scores": {s.dimension: s.score for s in verdict.scores},
            "agreement": agreement(verdict, deterministic),
        }

    return hook

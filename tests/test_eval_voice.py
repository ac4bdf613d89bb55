"""Honest voice figures in `attune eval`: raw first attempts judged apart from what was shown."""

from __future__ import annotations

from typing import Any

from simulator.domain.zones import Zone
from simulator.evals.cases import EvalCase
from simulator.evals.report import markdown, summary, voice_figures
from simulator.evals.runner import PROMPT_ONLY, SuiteRun, run_suite
from simulator.evals.voicefig import figures, judge_attempt
from simulator.guard.context import GuardContext
from simulator.llm.client import CallOptions
from simulator.personas import Catalog, PersonaCard
from simulator.replyplan.model import Reaction, ReplyPlan, Stance
from simulator.settings.config import Settings
from simulator.voices.base import Attempt, Voice
from simulator.voices.model import ModelVoice

MISATTUNED = [
    "Calm down, I was stuck at work. It's really not a big deal.",
    "I mean, it was only a few texts.",
    "You're overreacting, honestly.",
]


def voice_case(turns: list[str], case_id: str = "voiced") -> EvalCase:
    return EvalCase.model_validate(
        {
            "id": case_id,
            "persona": "unanswered-text",
            "kind": "voice",
            "description": "A voiced case.",
            "source": "Mistakes: minimizing",
            "turns": turns,
            "dynamics": {"escalates": True},
        }
    )


def mocked(*replies: str) -> Any:
    """A voice factory: a litellm model answering with canned replies (no network)."""
    made: list[ModelVoice] = []

    def factory(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
        queue = list(replies)

        async def chat(messages: list[dict[str, str]], options: CallOptions) -> Any:
            reply = queue.pop(0) if len(queue) > 1 else queue[0]
            mock = CallOptions(model="openai/gpt-4o-mini", extra={"mock_response": reply})
            from simulator.llm.client import stream_chat

            async for chunk in stream_chat(messages, mock):
                yield chunk

        voice = ModelVoice(card, CallOptions(model=model), seed, chat=chat)
        made.append(voice)
        return voice

    factory.made = made  # type: ignore[attr-defined]
    return factory


def plan(stance: Stance) -> ReplyPlan:
    return ReplyPlan(
        mode="listen",
        place="escalated",
        heat="hot",
        reacting_to=Reaction(family="minimizing", move="minimize", words="not a big deal"),
        stance=stance,
    )


async def run(catalog: Catalog, factory: Any, turns: list[str], **kw: Any) -> SuiteRun:
    return await run_suite(
        [voice_case(turns)], ["mock/model"], catalog, Settings(), 1, 0, factory, **kw
    )


async def test_an_off_topic_model_fails_coherence_though_the_learner_saw_authored_lines(
    catalog: Catalog,
) -> None:
    factory = mocked("Penguins are flightless birds that live mostly in the southern seas.")
    result = (await run(catalog, factory, MISATTUNED)).results[0]
    assert len(result.raw) == 3
    assert all("foreign" in r.findings for r in result.raw)
    voice = voice_figures([result])
    assert voice.rate("coherent") == 0.0
    # The guard rejected both attempts each turn: the learner saw authored lines.
    assert (voice.shown_pass, voice.shown_retry, voice.shown_fallback) == (0, 0, 3)
    assert all("Penguins" not in t.reply for t in result.turns)
    # The case fails on the model's own replies, not on the fallback lines it was rescued by.
    checks = {c.name: c for c in result.checks}
    assert not checks["raw_coherent"].passed and not result.passed
    assert "3/3 first attempts lapsed" in checks["raw_coherent"].detail
    assert "foreign" in checks["raw_coherent"].detail
    assert checks["in_character"].passed, "what was shown was in character"


async def test_an_in_scene_model_is_coherent_and_shown_at_once(catalog: Catalog) -> None:
    factory = mocked(
        "Not a big deal? I sat at that table for five hours.",
        "A few texts. Four of them, and not one answer.",
        "Overreacting. Sure. I kept checking my phone all afternoon.",
    )
    result = (await run(catalog, factory, MISATTUNED)).results[0]
    voice = voice_figures([result])
    assert voice.rate("coherent") == 1.0 and voice.rate("in_character") == 1.0
    assert voice.shown_pass == 3
    # The engine planned each reply (push back: she was just minimized) and the guard knew it.
    assert voice.planned == 3 and voice.rate("follows_plan") == 1.0
    assert voice.holding == 3 and voice.rate("held") == 1.0
    checks = {c.name: c for c in result.checks}
    assert checks["raw_coherent"].passed and checks["raw_stance_held"].passed


async def test_a_model_that_warms_up_on_a_misattuned_script_fails_the_stance_check(
    catalog: Catalog,
) -> None:
    warm = mocked("Thank you, that really means a lot to me.")
    holds = mocked(
        "Not a big deal? I sat at that table for five hours.",
        "A few texts. Four of them, and not one answer.",
        "Overreacting. Sure. I kept checking my phone all afternoon.",
    )
    warm_run = await run(catalog, warm, MISATTUNED)
    hold_run = await run(catalog, holds, MISATTUNED)
    warmed = voice_figures(warm_run.results)
    held = voice_figures(hold_run.results)
    warm_checks = {c.name: c for c in warm_run.results[0].checks}
    hold_checks = {c.name: c for c in hold_run.results[0].checks}
    assert not warm_checks["raw_stance_held"].passed
    assert "stance" in warm_checks["raw_stance_held"].detail
    assert hold_checks["raw_stance_held"].passed and hold_checks["raw_coherent"].passed
    assert warmed.holding == held.holding == 3
    assert warmed.rate("held") == 0.0 and warmed.rate("follows_plan") == 0.0
    assert held.rate("held") == 1.0 and held.rate("follows_plan") == 1.0


async def test_the_prompt_only_persona_runs_beside_the_planned_voice(
    catalog: Catalog,
) -> None:
    factory = mocked("Not a big deal? I sat at that table for five hours.")
    suite = await run(catalog, factory, MISATTUNED[:1], prompt_only=True)
    assert suite.models == ["mock/model", f"mock/model {PROMPT_ONLY}"]
    assert [r.model for r in suite.results] == suite.models
    assert [v.follow_plan for v in factory.made] == [True, False]
    total = summary(suite)
    assert set(total["models"]) == set(suite.models)
    for group in total["models"].values():
        assert group["voice"]["stance_hold_rate"] == 1.0
    report = markdown(suite)
    assert "## Voice: the model's raw first attempts" in report
    assert f"| mock/model {PROMPT_ONLY} | 1 |" in report


def test_raw_figures_come_from_the_attempt_and_its_plan(card: PersonaCard) -> None:
    def attempt(raw: str, stance: Stance | None) -> Attempt:
        context = GuardContext(
            name=card.name,
            style=card.style.value,
            zone=Zone.SETTLING,
            card_text="Four texts at two; the kitchen table.",
            plan=plan(stance) if stance else None,
        )
        return Attempt(number=1, raw=raw, context=context)

    replies = [
        judge_attempt(
            1, attempt("I'm sorry, I overreacted. You're right.", "stay_guarded"), "retry"
        ),
        judge_attempt(2, attempt("You're so selfish.", "soften"), "fallback"),
        judge_attempt(3, attempt("Priya sighs and says: fine.", None), "pass"),
        # Long is trimmed by the gate, not a lapse of sense.
        judge_attempt(
            4,
            attempt("Two. Then five. Then six. Nothing. Still nothing. The table.", "push_back"),
            "pass",
        ),
    ]
    assert replies[0].findings == ["stance"]
    assert replies[3].findings == []
    f = figures(replies)
    # "Priya sighs and says" narrates (incoherent) and reads as a leak (out of character).
    assert replies[2].findings == ["leak", "narration", "third_person"]
    assert (f.raw_replies, f.in_character, f.coherent) == (4, 3, 3)
    assert (f.planned, f.follows_plan) == (3, 1)
    assert (f.holding, f.held) == (2, 1)
    assert (f.shown_pass, f.shown_retry, f.shown_fallback) == (2, 1, 1)

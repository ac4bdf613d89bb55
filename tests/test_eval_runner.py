"""The eval runner and its reports: concurrency, isolation of failures, report contents, the CLI."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import RunCli
from simulator.evals.cases import EvalCase
from simulator.evals.report import markdown, results_log, stdout_json, summary
from simulator.evals.runner import run_suite
from simulator.personas import Catalog, PersonaCard
from simulator.settings.config import Settings
from simulator.support.errors import ModelError
from simulator.voices.base import ReplyRequest, ReplyStream, Voice
from simulator.voices.scripted import ScriptedVoice
from test_router import ChatServer, write_config

SETTLING = [
    "I'm putting my phone down. I'm listening.",
    "It sounds like you felt scared when I didn't answer.",
    "That makes sense. I can see why that hurt.",
    "I'm here with you.",
    "What do you need from me right now?",
    "I hear you. Tell me more about what it was like.",
    "I'm not going anywhere.",
    "Thank you for telling me.",
]


def case(
    case_id: str, persona: str = "unanswered-text", kind: str = "dynamics", **expect: object
) -> EvalCase:
    return EvalCase.model_validate(
        {
            "id": case_id,
            "persona": persona,
            "kind": kind,
            "description": "A test case.",
            "source": "Step 3: reflect what you heard",
            "turns": SETTLING,
            "dynamics": expect or {"arousal_down_on_turns": [2]},
        }
    )


class CountingVoice(ScriptedVoice):
    """Authored lines, after a pause, counting how many replies are in flight at once."""

    live = 0
    peak = 0

    def stream(self, request: ReplyRequest) -> ReplyStream:
        inner = super().stream(request)

        async def produce(stream: ReplyStream) -> AsyncIterator[str]:
            CountingVoice.live += 1
            CountingVoice.peak = max(CountingVoice.peak, CountingVoice.live)
            try:
                await asyncio.sleep(0.01)
                async for chunk in inner:
                    yield chunk
                stream.finish(inner.reply)
            finally:
                CountingVoice.live -= 1

        return ReplyStream(produce)


def counting(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
    return CountingVoice(card, seed=seed)


async def test_cases_run_concurrently_but_never_beyond_the_bound(catalog: Catalog) -> None:
    CountingVoice.peak = 0
    cases = [case(f"c{i:02d}") for i in range(12)]
    run = await run_suite(cases, ["scripted"], catalog, Settings(), 3, 0, counting)
    assert CountingVoice.peak == 3
    assert [r.id for r in run.results] == [c.id for c in cases]
    assert all(len(r.turns) == len(SETTLING) for r in run.results)


async def test_one_failing_case_does_not_lose_the_others(catalog: Catalog) -> None:
    def flaky(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
        if card.id == "quiet-withdraw":
            raise ModelError(model, "timeout", "took longer than 60s")
        return ScriptedVoice(card, seed=seed)

    cases = [
        case("a-priya"),
        case("b-noor", persona="quiet-withdraw"),
        case("c-marcus", "angry-critic"),
    ]
    run = await run_suite(cases, ["scripted"], catalog, Settings(), 2, 0, flaky)
    by_id = {r.id: r for r in run.results}
    assert by_id["b-noor"].error == "model 'scripted': took longer than 60s"
    assert not by_id["b-noor"].passed
    assert by_id["a-priya"].error is None and by_id["a-priya"].checks
    assert by_id["c-marcus"].error is None and by_id["c-marcus"].checks
    assert summary(run)["errors"] == 1


async def test_a_bug_inside_a_case_is_recorded_not_raised(catalog: Catalog) -> None:
    def broken(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
        raise RuntimeError("boom")

    run = await run_suite([case("xx")], ["scripted"], catalog, Settings(), 1, 0, broken)
    assert run.results[0].error == "RuntimeError: boom"


async def test_several_models_are_compared_side_by_side(catalog: Catalog) -> None:
    cases = [case("settles", settles_within=8), case("escalates", escalates=True)]
    run = await run_suite(cases, ["scripted", "other"], catalog, Settings(), 4, 0, counting)
    assert [(r.model, r.id) for r in run.results] == [
        ("scripted", "escalates"),
        ("scripted", "settles"),
        ("other", "escalates"),
        ("other", "settles"),
    ]
    totals = summary(run)
    assert set(totals["models"]) == {"scripted", "other"}
    assert totals["models"]["scripted"]["cases"] == 2
    assert "unanswered-text / other" in totals["personas"]
    report = markdown(run)
    assert "## Per model" in report
    assert "| scripted | 2 |" in report
    assert "FAIL `escalates` (unanswered-text, scripted)" in report  # attuned turns never escalate
    assert "PASS `settles`" in report


async def test_results_log_is_versioned_and_keeps_transcripts(catalog: Catalog) -> None:
    run = await run_suite([case("one", settles_within=8)], ["scripted"], catalog, Settings())
    log = results_log(run)
    assert log["version"] == 1
    assert log["cases"][0]["turns"][0]["user"] == SETTLING[0]
    assert log["summary"]["pass_rate"] == stdout_json(run)["summary"]["pass_rate"]
    json.dumps(log)  # serializable as is


async def test_unknown_persona_in_a_case_is_one_clear_error(catalog: Catalog) -> None:
    with pytest.raises(Exception, match="unknown persona"):
        await run_suite([case("xx", persona="nobody")], ["scripted"], catalog, Settings())


def test_cli_scripted_suite_passes_every_case_and_is_deterministic(
    attune: RunCli, tmp_path: Path
) -> None:
    first = attune("eval", "--model", "scripted", "--json", "--out", str(tmp_path / "a"))
    assert first.code == 0, first.err
    again = attune("eval", "--model", "scripted", "--json", "--out", str(tmp_path / "b"))
    assert first.out == again.out
    data = json.loads(first.out)
    assert len(data["cases"]) >= 30
    assert {"id", "persona", "model", "passed", "checks"} <= set(data["cases"][0])
    assert {"name", "passed", "detail"} == set(data["cases"][0]["checks"][0])
    failing = [c["id"] for c in data["cases"] if not c["passed"]]
    assert failing == []
    assert data["summary"]["pass_rate"] == 1.0
    assert len(list((tmp_path / "a").glob("eval-*.json"))) == 1
    report = next((tmp_path / "a").glob("eval-*.md")).read_text(encoding="utf-8")
    assert "# attune eval report" in report
    assert "[" in first.err and "PASS" in first.err  # progress went to stderr


def test_cli_filters_by_persona_and_case_glob(attune: RunCli, tmp_path: Path) -> None:
    result = attune(
        "eval",
        "--model",
        "scripted",
        "--persona",
        "quiet-withdraw",
        "--json",
        "--out",
        str(tmp_path),
    )
    assert result.code == 0, result.err
    personas = {c["persona"] for c in json.loads(result.out)["cases"]}
    assert personas == {"quiet-withdraw"}
    none = attune("eval", "--model", "scripted", "--case", "no-such-*", "--out", str(tmp_path))
    assert none.code == 2
    assert none.err.startswith("attune: error: no eval cases match --case 'no-such-*'")


def test_cli_min_pass_gates_the_exit_code(attune: RunCli, tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    impossible = {
        "id": "impossible",
        "persona": "unanswered-text",
        "kind": "dynamics",
        "description": "Attuned turns cannot make the partner escalate.",
        "source": "Step 3: reflect what you heard",
        "turns": SETTLING[:3],
        "dynamics": {"escalates": True},
    }
    possible = {**impossible, "id": "possible", "dynamics": {"arousal_down_on_turns": [2]}}
    (cases / "mine.yaml").write_text(yaml.safe_dump([impossible, possible]), encoding="utf-8")
    args = ("eval", "--model", "scripted", "--cases", str(cases), "--out", str(tmp_path / "o"))
    assert attune(*args, "--min-pass", "0.5").code == 0
    gated = attune(*args, "--min-pass", "0.9")
    assert gated.code == 1
    assert "attune: pass rate 0.500 is below --min-pass 0.900" in gated.err


def test_cli_bad_arguments_are_one_line_and_exit_2(attune: RunCli, tmp_path: Path) -> None:
    for args in (
        ("--concurrency", "0"),
        ("--model", "no-such-provider/x"),
        ("--persona", "nobody"),
        ("--min-pass", "2"),
    ):
        result = attune("eval", "--model", "scripted", *args, "--out", str(tmp_path))
        assert result.code == 2, args
        assert result.err.startswith("attune: error: ")
        assert len(result.err.strip().splitlines()) == 1


def test_cli_router_spreads_cases_over_two_loopback_deployments(
    attune: RunCli, tmp_path: Path
) -> None:
    with ChatServer() as one, ChatServer() as two:
        config = write_config(tmp_path, one.api_base, two.api_base)
        result = attune(
            "eval",
            "--router",
            str(config),
            "--case",
            "priya-*",
            "--concurrency",
            "4",
            "--json",
            "--out",
            str(tmp_path / "out"),
        )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    cases = data["cases"]
    assert len(cases) >= 5
    assert {c["model"] for c in cases} == {"fake"}
    assert all(c["error"] is None for c in cases)  # every case ran and was recorded
    assert one.requests > 0 and two.requests > 0
    assert set(data["summary"]["models"]) == {"fake"}


def test_cli_bad_router_file_is_one_line(attune: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "router.yaml"
    bad.write_text("model_list: [", encoding="utf-8")
    result = attune("eval", "--router", str(bad), "--out", str(tmp_path))
    assert result.code == 2
    assert result.err.startswith(f"attune: error: {bad}")
    assert len(result.err.strip().splitlines()) == 1


async def test_a_model_run_voices_dynamics_cases_with_authored_lines_unless_asked(
    catalog: Catalog,
) -> None:
    calls: list[str] = []

    def model_voice(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
        calls.append(model)
        return CountingVoice(card, seed=seed)

    cases = [case("dyn", settles_within=8), case("voi", kind="voice", settles_within=8)]
    quick = await run_suite(cases, ["some-model"], catalog, Settings(), 2, 0, model_voice)
    assert calls == ["some-model"], "only the voice case reaches the model"
    by_id = {r.id: r for r in quick.results}
    assert by_id["dyn"].passed and not by_id["dyn"].voiced
    assert by_id["voi"].voiced
    # The engine decides dynamics, so the verdict and the states are the same either way.
    calls.clear()
    full = await run_suite(
        cases, ["some-model"], catalog, Settings(), 2, 0, model_voice, voice_dynamics=True
    )
    assert sorted(calls) == ["some-model", "some-model"]
    full_dyn = next(r for r in full.results if r.id == "dyn")
    assert full_dyn.voiced
    assert [t.arousal for t in full_dyn.turns] == [t.arousal for t in by_id["dyn"].turns]
    report = markdown(quick)
    assert "`dyn` (unanswered-text, some-model; engine check, scripted voice)" in report
    assert "Pass `--voice-dynamics` to voice every case." in report
    assert "--voice-dynamics" not in markdown(full)
    assert results_log(quick)["voice_dynamics"] is False
    assert results_log(full)["cases"][0]["voiced"] is True
    # The judge scores what the model said; the engine-only case has nothing of it to score.
    judged: list[int] = []

    async def judge(card: PersonaCard, turns: list[Any], checks: list[Any]) -> dict[str, Any]:
        judged.append(len(turns))
        return {"scores": {}}

    scored = await run_suite(cases, ["some-model"], catalog, Settings(), 2, 0, model_voice, judge)
    assert len(judged) == 1
    assert {r.id: r.judge is not None for r in scored.results} == {"dyn": False, "voi": True}


async def test_the_judge_scores_each_case_and_the_agreement_is_reported(
    catalog: Catalog,
) -> None:
    from simulator.evals.judge import DIMENSIONS
    from simulator.evals.runner import judge_hook
    from simulator.llm.client import CallOptions

    # restraint 2 disagrees with the deterministic no_giving_in pass; the rest agree.
    verdict = {
        "scores": [
            {"dimension": d, "score": 2 if d == "restraint" else 4, "reason": "seen"}
            for d in DIMENSIONS
        ]
    }
    options = CallOptions(model="openai/gpt-4o-mini", extra={"mock_response": json.dumps(verdict)})
    run = await run_suite(
        [case("judged", kind="voice", settles_within=8)],
        ["voiced"],
        catalog,
        Settings(),
        voice_factory=counting,
        judge=judge_hook(options),
    )
    judged = run.results[0].judge
    assert judged is not None
    assert judged["scores"]["restraint"] == 2
    assert judged["agreement"]["in_character"] is True
    assert judged["agreement"]["restraint"] is False
    assert summary(run)["judge_agreement"] == round(2 / 3, 3)
    assert "Judge and deterministic checks agree on 67%" in markdown(run)


async def test_a_judge_that_answers_nonsense_leaves_the_case_result_standing(
    catalog: Catalog,
) -> None:
    from simulator.evals.runner import judge_hook
    from simulator.llm.client import CallOptions

    options = CallOptions(model="openai/gpt-4o-mini", extra={"mock_response": "Looks fine!"})
    run = await run_suite(
        [case("judged", kind="voice", settles_within=8)],
        ["voiced"],
        catalog,
        Settings(),
        1,
        0,
        counting,
        judge_hook(options),
    )
    result = run.results[0]
    assert result.passed
    assert result.judge is not None and "not a valid verdict" in result.judge["error"]

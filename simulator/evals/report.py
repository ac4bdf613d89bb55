"""Eval results: a versioned JSON log, a Markdown report, and the summary behind both."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from simulator.evals.runner import CaseResult, SuiteRun
from simulator.evals.voicefig import VoiceFigures, figures
from simulator.llm.client import SCRIPTED

RESULTS_VERSION = 1


def _rate(results: list[CaseResult]) -> float:
    return round(sum(r.passed for r in results) / len(results), 3) if results else 0.0


def _group(results: list[CaseResult]) -> dict[str, Any]:
    replies = sum(r.replies for r in results)
    timed = [r for r in results if r.replies]
    judged = [r.judge for r in results if r.judge and "agreement" in r.judge]
    pairs = [ok for j in judged for ok in j["agreement"].values()]
    group: dict[str, Any] = {
        "cases": len(results),
        "passed": sum(r.passed for r in results),
        "pass_rate": _rate(results),
        "errors": sum(r.error is not None for r in results),
        "replies": replies,
        "guard_retry_rate": round(sum(r.guard_retries for r in results) / replies, 3)
        if replies
        else 0.0,
        "guard_fallback_rate": round(sum(r.guard_fallbacks for r in results) / replies, 3)
        if replies
        else 0.0,
        "mean_latency_s": round(sum(r.mean_latency_s for r in timed) / len(timed), 3)
        if timed
        else 0.0,
    }
    if judged:
        group["judge_agreement"] = round(sum(pairs) / len(pairs), 3) if pairs else None
    return group


def _by(results: Iterable[CaseResult], *keys: str) -> dict[str, list[CaseResult]]:
    grouped: dict[str, list[CaseResult]] = defaultdict(list)
    for result in results:
        grouped[" / ".join(str(getattr(result, k)) for k in keys)].append(result)
    return dict(sorted(grouped.items()))


def voice_figures(results: Iterable[CaseResult]) -> VoiceFigures:
    """The raw first-attempt rates and shown outcomes over some case results."""
    return figures(r for result in results for r in result.raw)


def _model_group(results: list[CaseResult]) -> dict[str, Any]:
    group = _group(results)
    voice = voice_figures(results)
    if voice.raw_replies:
        group["voice"] = voice.as_dict()
    return group


def summary(run: SuiteRun) -> dict[str, Any]:
    """Pass rates and guard figures overall, per model, per persona and per kind; per model
    also the voice's raw first-attempt rates apart from what the learner was shown."""
    results = run.results
    return {
        **_group(results),
        "models": {m: _model_group(rs) for m, rs in _by(results, "model").items()},
        "personas": {p: _group(rs) for p, rs in _by(results, "persona", "model").items()},
        "kinds": {k: _group(rs) for k, rs in _by(results, "kind", "model").items()},
        "seed": run.seed,
    }


def stdout_json(run: SuiteRun) -> dict[str, Any]:
    """The `--json` document: deterministic for the scripted backend and a fixed seed."""
    return {
        "cases": [
            {
                "id": r.id,
                "persona": r.persona,
                "model": r.model,
                "passed": r.passed,
                "error": r.error,
                "checks": [c.model_dump() for c in r.checks],
            }
            for r in run.results
        ],
        "summary": summary(run),
    }


def results_log(run: SuiteRun, finished: datetime | None = None) -> dict[str, Any]:
    """The versioned results file: everything, transcripts included."""
    return {
        "version": RESULTS_VERSION,
        "finished_at": (finished or datetime.now(UTC)).isoformat(),
        "models": run.models,
        "seed": run.seed,
        "concurrency": run.concurrency,
        "voice_dynamics": run.voice_dynamics,
        "wall_s": run.wall_s,
        "summary": summary(run),
        "cases": [r.model_dump(mode="json") for r in run.results],
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(title: str, groups: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        f"## {title}",
        "",
        "| | cases | passed | pass rate | guard retry | guard fallback | latency (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, g in groups.items():
        lines.append(
            f"| {_cell(name)} | {g['cases']} | {g['passed']} | {g['pass_rate']:.0%} | "
            f"{g['guard_retry_rate']:.0%} | {g['guard_fallback_rate']:.0%} | "
            f"{g['mean_latency_s']:.2f} |"
        )
    return [*lines, ""]


def _pct(value: object) -> str:
    return f"{value:.0%}" if isinstance(value, float) else "n/a"


def _voice_table(models: dict[str, dict[str, Any]]) -> list[str]:
    rows = {m: g["voice"] for m, g in models.items() if "voice" in g}
    if not rows:
        return []
    lines = [
        "## Voice: the model's raw first attempts, and what the learner was shown",
        "",
        "Each first attempt is judged as the model wrote it, with the runtime guard's full "
        "context, before any retry or fallback. Follows the plan and stance held count only "
        "turns with a reply plan; stance held counts the turns whose plan holds back (push "
        "back, stay guarded).",
        "",
        "| model | raw replies | in character | coherent | follows plan | stance held "
        "| shown: pass | retry | fallback |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, v in rows.items():
        lines.append(
            f"| {_cell(name)} | {v['raw_replies']} | {_pct(v['in_character_rate'])} | "
            f"{_pct(v['coherent_rate'])} | {_pct(v['follows_plan_rate'])} ({v['planned']}) | "
            f"{_pct(v['stance_hold_rate'])} ({v['holding']}) | {v['shown_pass']} | "
            f"{v['shown_retry']} | {v['shown_fallback']} |"
        )
    return [*lines, ""]


def markdown(run: SuiteRun) -> str:
    """The human report: per model, per persona, per kind, then every case with its checks."""
    total = summary(run)
    lines = [
        "# attune eval report",
        "",
        f"Models: {', '.join(run.models)}. Seed {run.seed}, concurrency {run.concurrency}, "
        f"{run.wall_s:.1f} s.",
        "",
        f"**{total['passed']}/{total['cases']} cases passed ({total['pass_rate']:.0%}).**",
        "",
    ]
    if any(not r.voiced and r.model != SCRIPTED for r in run.results):
        lines += [
            "Dynamics cases check the engine, which decides the state whatever the model, "
            "so in this run the persona's authored lines voiced them; the models voiced the "
            "voice and robustness cases. Pass `--voice-dynamics` to voice every case.",
            "",
        ]
    if "judge_agreement" in total:
        lines += [f"Judge and deterministic checks agree on {total['judge_agreement']:.0%}.", ""]
    lines += _table("Per model", total["models"])
    lines += _voice_table(total["models"])
    lines += _table("Per persona and model", total["personas"])
    lines += _table("Per kind and model", total["kinds"])
    lines += ["## Cases", ""]
    for r in run.results:
        mark = "PASS" if r.passed else "FAIL"
        how = "" if r.voiced or r.model == SCRIPTED else "; engine check, scripted voice"
        lines.append(f"### {mark} `{r.id}` ({r.persona}, {r.model}{how})")
        lines.append("")
        if r.error:
            lines += [f"Could not run: {_cell(r.error)}", ""]
        for c in r.checks:
            lines.append(f"- {'✔' if c.passed else '✘'} {c.name}: {_cell(c.detail)}")
        if r.judge:
            lines.append(f"- judge: {_cell(str(r.judge))}")
        lines.append("")
    return "\n".join(lines)

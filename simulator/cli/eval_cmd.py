"""`attune eval`: run the persona-fidelity suite against one or more models."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from simulator.cli.common import catalog_from, echo_json, personas_option
from simulator.cli.output import echo, safe_line
from simulator.cli.ranges import CONCURRENCY, FRACTION, SEED
from simulator.llm.client import CallOptions, check_model
from simulator.personas import PersonaCard
from simulator.settings.config import Settings, load_settings
from simulator.support.errors import AttuneError
from simulator.support.paths import home_dir
from simulator.support.textsafe import dumps
from simulator.voices.base import Voice
from simulator.voices.factory import make_voice

if TYPE_CHECKING:
    from simulator.evals.runner import CaseResult, JudgeHook, VoiceFactory


def _progress(result: CaseResult, done: int, total: int) -> None:
    mark = "PASS" if result.passed else ("ERROR" if result.error else "FAIL")
    width = len(str(total))
    where = safe_line(f"{result.id} ({result.model})")
    echo(f"[{done:>{width}}/{total}] {mark:<5} {where}", err=True)


def _routed(router_file: Path, settings: Settings) -> tuple[VoiceFactory, list[str]]:
    from simulator.llm.router import build_router, load_router_config, router_model_names
    from simulator.voices.model import ModelVoice

    config = load_router_config(router_file)
    router = build_router(config)

    def factory(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
        options = CallOptions.from_settings(
            settings.model, settings.local, model=model, router=router
        )
        return ModelVoice(card, options, seed)

    return factory, router_model_names(config)


def _write(out: Path, run_log: dict[str, object], report: str) -> tuple[Path, Path]:
    from simulator.export.files import write_private

    try:
        out.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise AttuneError(f"{out}: cannot create the results folder ({exc.strerror})") from None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    json_path = out / f"eval-{stamp}.json"
    md_path = out / f"eval-{stamp}.md"
    write_private(json_path, dumps(run_log, indent=2) + "\n", force=True)
    write_private(md_path, report, force=True)
    return json_path, md_path


@click.command("eval")
@click.option(
    "--model",
    "models",
    multiple=True,
    metavar="NAME",
    help="Model to evaluate (repeatable to compare side by side): scripted, local or a "
    "litellm model string. Default: the configured model.",
)
@click.option("--persona", "persona_ids", multiple=True, metavar="ID", help="Only these personas.")
@click.option("--case", "case_glob", default="*", metavar="GLOB", help="Only case ids matching.")
@click.option(
    "--cases",
    "cases_dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Folder of case files (default: the shipped evals/cases).",
)
@click.option("--judge-model", metavar="NAME", help="Also score transcripts with an LLM judge.")
@click.option(
    "--router",
    "router_file",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="A litellm Router config (YAML/JSON): spread calls over its deployments.",
)
@click.option(
    "--concurrency", default=4, show_default=True, type=CONCURRENCY, help="Cases at once."
)
@click.option("--seed", default=0, show_default=True, type=SEED, help="Seed for replies.")
@click.option(
    "--min-pass",
    default=0.0,
    show_default=True,
    type=FRACTION,
    help="Exit 1 when the pass rate is below this (0-1), to gate CI.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Where the JSON results and Markdown report go (default: $ATTUNE_HOME/evals).",
)
@click.option(
    "--voice-dynamics",
    is_flag=True,
    help="Have the models voice the dynamics cases too (by default their authored lines do, "
    "since the engine alone decides them; this takes about three times as long).",
)
@click.option(
    "--prompt-only",
    is_flag=True,
    help="Also voice every model-voiced case with the same model and no plan in its prompt, "
    "and report it beside the planned voice as 'MODEL (prompt only)'.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON on stdout.")
@personas_option
@click.pass_context
def eval_command(
    ctx: click.Context,
    models: tuple[str, ...],
    persona_ids: tuple[str, ...],
    case_glob: str,
    cases_dir: Path | None,
    judge_model: str | None,
    router_file: Path | None,
    concurrency: int,
    seed: int,
    min_pass: float,
    out: Path | None,
    voice_dynamics: bool,
    prompt_only: bool,
    as_json: bool,
    persona_folders: tuple[Path, ...],
) -> None:
    """Run the eval cases (dynamics, voice, robustness) and report per case, persona and model."""
    # Imported here so `attune --help` and the TUI never pay for the eval machinery.
    from simulator.evals.cases import load_cases
    from simulator.evals.report import markdown, results_log, stdout_json, summary
    from simulator.evals.runner import judge_hook, run_suite
    from simulator.evals.voicefig import VoiceFigures, describe

    settings = load_settings()
    catalog = catalog_from(persona_folders)
    cases = load_cases(cases_dir, case_glob)
    if persona_ids:
        for persona_id in persona_ids:
            catalog.get(persona_id)
        cases = [c for c in cases if c.persona in persona_ids]
    if not cases:
        chosen_personas = ", ".join(persona_ids) or "any"
        raise AttuneError(f"no eval cases match --case '{case_glob}' and persona {chosen_personas}")
    # Let the embedded model decode as many cases at once as run concurrently.
    local = settings.local.model_copy(
        update={"parallel": max(settings.local.parallel, concurrency)}
    )
    settings = settings.model_copy(update={"local": local})
    factory: VoiceFactory = make_voice
    chosen = list(models) or [settings.model.name]
    if router_file is not None:
        factory, routed = _routed(router_file, settings)
        chosen = list(models) or routed
    else:
        for model in chosen:
            check_model(model, settings.local)
    judge: JudgeHook | None = None
    if judge_model:
        check_model(judge_model, settings.local)
        options = CallOptions.from_settings(
            settings.model, settings.local, model=judge_model, temperature=0.0, max_tokens=600
        )
        judge = judge_hook(options)
    run = asyncio.run(
        run_suite(
            cases,
            chosen,
            catalog,
            settings,
            concurrency,
            seed,
            factory,
            judge,
            _progress,
            voice_dynamics,
            prompt_only,
        )
    )
    json_path, md_path = _write(out or home_dir() / "evals", results_log(run), markdown(run))
    total = summary(run)
    if as_json:
        echo_json(stdout_json(run))
    else:
        for model, group in total["models"].items():
            echo(
                f"{safe_line(model)}: {group['passed']}/{group['cases']} passed "
                f"({group['pass_rate']:.0%}), guard retry {group['guard_retry_rate']:.0%}, "
                f"fallback {group['guard_fallback_rate']:.0%}, "
                f"latency {group['mean_latency_s']:.2f}s"
            )
            if "voice" in group:
                figures = VoiceFigures.model_validate(group["voice"])
                echo(f"  {describe(figures)}")
        echo(f"results: {safe_line(json_path)}\nreport:  {safe_line(md_path)}")
    if total["pass_rate"] < min_pass:
        echo(
            f"attune: pass rate {total['pass_rate']:.3f} is below --min-pass {min_pass:.3f}",
            err=True,
        )
        ctx.exit(1)

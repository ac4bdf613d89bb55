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
    from simulator.evals.runner import CaseResult, JudgeHook, SuiteRun, VoiceFactory
    from simulator.personas.loader import Catalog


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


def _check_pack_free(pack: Path) -> None:
    from simulator.evals.rating import ITEMS_FILE, key_path

    if (pack / ITEMS_FILE).exists() or key_path(pack).exists():
        raise AttuneError(f"{pack}: already holds a rating pack; choose another folder")


def _write_pack(pack: Path, run: SuiteRun, catalog: Catalog, seed: int) -> None:
    from simulator.evals.rating import build_pack, key_path, pack_files
    from simulator.export.files import write_private

    items, key = build_pack(run, catalog, seed)
    try:
        pack.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise AttuneError(f"{pack}: cannot create the pack folder ({exc.strerror})") from None
    files = pack_files(items, key)
    write_private(key_path(pack), files.pop("key"))
    for name, text in files.items():
        write_private(pack / name, text)
    echo(
        f"rating pack: {safe_line(pack)} ({len(items)} replies; give the rater this folder)\n"
        f"key:         {safe_line(key_path(pack))} (keep it from the rater)",
        err=True,
    )


def _score_pack(pack: Path, as_json: bool) -> None:
    from simulator.evals.rating import (
        RATINGS_FILE,
        key_path,
        rates_table,
        read_key,
        read_ratings,
        score_ratings,
    )

    key = read_key(key_path(pack))
    ratings = read_ratings(pack / RATINGS_FILE, set(key))
    if not ratings:
        raise AttuneError(f"{pack / RATINGS_FILE}: no item is rated yet")
    scores = score_ratings(ratings, key)
    if as_json:
        echo_json(
            {
                "rated": len(ratings),
                "items": len(key),
                **{k: [r.model_dump() for r in rows] for k, rows in scores.items()},
            }
        )
        return
    echo(f"{len(ratings)} of {len(key)} items rated\n")
    echo(rates_table(scores))


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
@click.option(
    "--rate-pack",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Also write every reply of the run as a blind rating pack in DIR (shuffled with "
    "--seed, no voice or model names; the key goes to DIR-key.jsonl beside it).",
)
@click.option(
    "--rate-score",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Score a rated pack (DIR/ratings.csv with DIR-key.jsonl) instead of running cases: "
    "coherent, responsive and believable rates per voice and per guard outcome.",
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
    rate_pack: Path | None,
    rate_score: Path | None,
    as_json: bool,
    persona_folders: tuple[Path, ...],
) -> None:
    """Run the eval cases (dynamics, voice, robustness) and report per case, persona and model."""
    if rate_score is not None:
        if rate_pack is not None:
            raise AttuneError("--rate-score scores a rated pack; it does not go with --rate-pack")
        _score_pack(rate_score, as_json)
        return
    if rate_pack is not None:
        _check_pack_free(rate_pack)
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
    if rate_pack is not None:
        _write_pack(rate_pack, run, catalog, seed)
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

"""What `attune models` reports: each way to voice a persona, and whether it can run here."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from simulator.llm.client import LOCAL, SCRIPTED
from simulator.llm.discover import OLLAMA_DEFAULT, Found
from simulator.llm.local_model import GGUF_NAME, unavailable_reason
from simulator.settings.config import Settings

# Well-known litellm providers, with an example model and the keys each needs.
# litellm itself routes any of its providers; these are the ones worth listing.
PROVIDERS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("openai", "openai/gpt-4o-mini", ("OPENAI_API_KEY",), "OpenAI"),
    ("anthropic", "anthropic/claude-3-5-haiku-latest", ("ANTHROPIC_API_KEY",), "Anthropic"),
    ("gemini", "gemini/gemini-2.0-flash", ("GEMINI_API_KEY",), "Google AI Studio"),
    ("mistral", "mistral/mistral-small-latest", ("MISTRAL_API_KEY",), "Mistral"),
    ("groq", "groq/llama-3.1-8b-instant", ("GROQ_API_KEY",), "Groq"),
    ("ollama", "ollama/llama3.2", (), "a local Ollama server (OLLAMA_API_BASE or localhost:11434)"),
    ("hosted_vllm", "hosted_vllm/<model>", (), "a vLLM server; set model.api_base in the config"),
)


class ModelStatus(BaseModel):
    """One line of `attune models`."""

    model_config = ConfigDict(frozen=True)

    name: str
    state: Literal["ready", "unavailable", "unchecked"]
    """`unchecked`: needs a server that was not asked (it may be running or not)."""
    detail: str
    why_not: str | None = None
    default: bool = False


def local_detail(settings: Settings) -> str:
    """What `local` runs: the embedded SmolLM2, or the configured GGUF file."""
    path = settings.local.model_path
    if path is None:
        return f"embedded SmolLM2-135M-Instruct ({GGUF_NAME}) on llama.cpp; offline"
    return f"{path.name} on llama.cpp ([local] model_path); offline"


def _server_rows(
    found: tuple[list[Found], list[Found]], current: str, default_base: str | None
) -> tuple[list[ModelStatus], set[str]]:
    """Rows for what the probed servers hold, and the provider prefixes they answered for."""
    ollamas, openais = found
    rows: list[ModelStatus] = []
    answered: set[str] = set()
    up = [f for f in ollamas if f.up]
    for server in up:
        answered.add("ollama")
        where = "Ollama" if server.base == OLLAMA_DEFAULT else f"Ollama at {server.base}"
        if server.base != OLLAMA_DEFAULT and server.base != default_base:
            where += f" (set model.api_base = {server.base})"
        for name in server.models:
            size = server.sizes.get(name)
            gb = f", {size / 1e9:.1f} GB" if size else ""
            rows.append(
                ModelStatus(
                    name=f"ollama/{name}",
                    state="ready",
                    detail=f"{where}{gb}",
                    default=current == f"ollama/{name}",
                )
            )
        if not server.models:
            rows.append(
                ModelStatus(
                    name="ollama/<model>",
                    state="unavailable",
                    detail=f"{where} is running",
                    why_not="it has no models yet (ollama pull llama3.2)",
                )
            )
    if ollamas and not up:
        bases = ", ".join(f.base for f in ollamas)
        problem = "; ".join(dict.fromkeys(f.problem or "" for f in ollamas))
        # One line: the learner who never installed Ollama needs no more than this.
        rows.append(
            ModelStatus(
                name="ollama/<model>",
                state="unavailable",
                detail=f"Ollama: {problem} at {bases} (get it at ollama.com)",
            )
        )
        answered.add("ollama")
    for server in openais:
        answered.add("hosted_vllm")
        if not server.up:
            rows.append(
                ModelStatus(
                    name="hosted_vllm/<model>",
                    state="unavailable",
                    detail=f"OpenAI-compatible server at {server.base} ([servers] openai_base)",
                    why_not=server.problem,
                )
            )
            continue
        hint = "" if server.base == default_base else f" (set model.api_base = {server.base})"
        for name in server.models:
            rows.append(
                ModelStatus(
                    name=f"hosted_vllm/{name}",
                    state="ready",
                    detail=f"OpenAI-compatible server at {server.base}{hint}",
                    default=current == f"hosted_vllm/{name}",
                )
            )
    return rows, answered


def model_statuses(
    settings: Settings,
    environ: Mapping[str, str] | None = None,
    found: tuple[list[Found], list[Found]] | None = None,
) -> list[ModelStatus]:
    """Every built-in and well-known provider, with what is missing to use it.

    Only environment variables are looked at, unless `found` holds what the local
    servers (Ollama, an OpenAI-compatible one) answered (`simulator.llm.discover`):
    their models are then listed as ready, or why they cannot be asked.
    """
    env = os.environ if environ is None else environ
    current = settings.model.name
    local_missing = unavailable_reason(settings.local)
    rows = [
        ModelStatus(
            name=LOCAL,
            state="ready" if local_missing is None else "unavailable",
            detail=local_detail(settings),
            why_not=local_missing,
            default=current == LOCAL,
        ),
        ModelStatus(
            name=SCRIPTED,
            state="ready",
            detail="the persona's authored lines; no model",
            default=current == SCRIPTED,
        ),
    ]
    served, answered = (
        _server_rows(found, current, settings.model.api_base) if found else ([], set())
    )
    for prefix, example, keys, who in PROVIDERS:
        if prefix in answered:
            continue
        missing = [k for k in keys if not env.get(k)]
        rows.append(
            ModelStatus(
                name=example,
                state="unavailable" if missing else "ready" if keys else "unchecked",
                detail=f"{who} (any '{prefix}/...' model)",
                why_not=f"needs {', '.join(missing)}" if missing else None,
                default=current.startswith(prefix + "/"),
            )
        )
    rows.extend(served)
    if not any(r.default for r in rows):
        rows.append(
            ModelStatus(name=current, state="unchecked", detail="configured model", default=True)
        )
    return rows


def only_embedded(rows: list[ModelStatus]) -> bool:
    """True when nothing better than the embedded SmolLM2 can voice a partner here."""
    return not any(r.state == "ready" and r.name not in (LOCAL, SCRIPTED) for r in rows)


BETTER_HINT = (
    "For a more natural partner: attune models pull llama3.2-1b, then attune models use "
    "llama3.2-1b (or run Ollama)."
)


def probe_servers(settings: Settings) -> tuple[list[Found], list[Found]]:
    """Ask Ollama (its default port and `$OLLAMA_HOST`) and the configured OpenAI-compatible
    server for their models, each with `[servers] probe_timeout_s`."""
    from simulator.llm.discover import discover, ollama_bases

    servers = settings.servers
    openai = [servers.openai_base] if servers.openai_base else []
    return discover(ollama_bases(), openai, servers.probe_timeout_s)


def better_model_hint(model: str, settings: Settings) -> str | None:
    """One line on how to get a better partner, when the embedded model is all there is.

    Asks the local servers (under a second); None when another model is ready here
    or the learner already runs something else. The offline voices (the authored one,
    the default, and the embedded model) both get it.
    """
    if model not in (LOCAL, SCRIPTED) or settings.local.model_path is not None:
        return None
    rows = model_statuses(settings, found=probe_servers(settings))
    return BETTER_HINT if only_embedded(rows) else None

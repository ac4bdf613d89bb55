"""What `attune models` reports: each way to voice a persona, and whether it can run here."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from simulator.llm.client import LOCAL, SCRIPTED
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
    """`unchecked`: needs a server, which is not probed (it may be running or not)."""
    detail: str
    why_not: str | None = None
    default: bool = False


def model_statuses(
    settings: Settings, environ: Mapping[str, str] | None = None
) -> list[ModelStatus]:
    """Every built-in and well-known provider, with what is missing to use it.

    Only environment variables are looked at: nothing is imported or called, so
    the answer is instant and works offline. Servers (Ollama, vLLM) are not probed.
    """
    env = os.environ if environ is None else environ
    current = settings.model.name
    local_missing = unavailable_reason(settings.local)
    rows = [
        ModelStatus(
            name=LOCAL,
            state="ready" if local_missing is None else "unavailable",
            detail=f"embedded SmolLM2-135M-Instruct ({GGUF_NAME}) on llama.cpp; offline",
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
    for prefix, example, keys, who in PROVIDERS:
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
    if not any(r.default for r in rows):
        rows.append(
            ModelStatus(name=current, state="unchecked", detail="configured model", default=True)
        )
    return rows

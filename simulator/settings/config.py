"""User settings: a TOML file with nested sections, overridden by environment variables.

Precedence, highest first: command-line flags, `ATTUNE_MODEL`, the config file
(`attune config path` shows where), then the defaults below.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from simulator.safety.pause import DEFAULT_RESOURCES
from simulator.support import fs
from simulator.support.errors import AttuneError, ConfigError
from simulator.support.paths import config_path
from simulator.support.problems import problems
from simulator.support.safe_parse import parse_toml
from simulator.support.safe_read import read_text

ModelName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class _Section(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, allow_inf_nan=False
    )


class ModelSettings(_Section):
    """Which model voices the persona, and how it is called."""

    name: ModelName = "scripted"
    """`scripted` (the authored voice: the reply plan and the card's reaction lines), `local`
    (the embedded model, or the GGUF `attune models use` set) or any litellm model string.
    The authored voice is the default because blind raters found it far more believable
    than the embedded 135M model (74-87% against 3-9%; README, "Evaluations")."""
    api_base: str | None = None
    """Base URL for self-hosted servers such as `ollama/...` or `hosted_vllm/...`."""
    timeout_s: float = Field(default=60.0, gt=0, le=600)
    """Seconds before one model request is abandoned."""
    num_retries: int = Field(default=2, ge=0, le=10)
    """Retries for transient errors (rate limits, dropped connections)."""
    temperature: float = Field(default=0.7, ge=0.0, le=2.0)
    """Sampling temperature for persona replies."""
    max_tokens: int = Field(default=96, ge=16, le=1024)
    """Upper bound on one reply's length, in tokens."""
    judge: ModelName | None = None
    """Optional model that also tags the learner's moves (merged with the rules)."""


class LocalSettings(_Section):
    """The `local` model run in-process by llama.cpp: the embedded SmolLM2-135M-Instruct, or
    the GGUF file in `model_path` (`attune models use NAME` sets it)."""

    threads: int | None = Field(default=None, ge=1, le=256)
    """CPU threads for generating; default: all cores, at most 4."""
    threads_batch: int | None = Field(default=None, ge=1, le=256)
    """CPU threads for reading the prompt; default: all cores, at most 4 (one burst per turn)."""
    poll: int = Field(default=0, ge=0, le=100)
    """How long llama.cpp's idle threads spin for work before sleeping (0-100; llama.cpp's
    own default is 50). 0: they sleep at once and give the core back to other programs, so
    turns slow less beside a busy browser (measured by `make bench`, bench_busy.py)."""
    temperature: float | None = Field(default=None, ge=0.0, le=2.0)
    """Sampling temperature for this model; default: `model.temperature`."""
    chat_template: str | None = Field(default=None, min_length=1, max_length=20000)
    """The chat template: a llama.cpp template name (`chatml`, `llama3`...) or Jinja text;
    default: the one inside the GGUF file."""
    context: int = Field(default=8192, ge=512, le=32768)
    """Context window shared by all parallel slots, in tokens."""
    parallel: int = Field(default=2, ge=1, le=16)
    """Requests decoded at once (continuous batching)."""
    prompt_cache_mib: int = Field(default=0, ge=0, le=65536)
    """RAM for llama.cpp to park prompt caches that leave a slot, in MiB (0: none).

    Each conversation keeps its own slot, so parking buys no speed here (measured)
    and llama.cpp's own default of 8 GiB let a long eval grow past 2 GB."""
    model_path: Path | None = None
    """A different GGUF file to run instead of the bundled SmolLM2 (see `attune models pull`)."""


class ServerSettings(_Section):
    """Model servers already running on this machine, which `attune models` looks for."""

    openai_base: str | None = Field(default=None, min_length=1, max_length=500)
    """Base URL of an OpenAI-compatible server (LM Studio `http://127.0.0.1:1234/v1`, llama.cpp
    server, vLLM); its models are listed as `hosted_vllm/<id>`. Ollama is always looked for,
    at `localhost:11434` and `$OLLAMA_HOST`."""
    probe_timeout_s: float = Field(default=0.8, gt=0, le=10)
    """Seconds to wait for each server to answer before calling it absent."""

    @field_validator("openai_base")
    @classmethod
    def _an_http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            raise ValueError("must be an http:// or https:// URL, e.g. http://127.0.0.1:1234/v1")
        return value


class SafetySettings(_Section):
    """What the learner sees when the role-play pauses for their safety."""

    resources: str = Field(default=DEFAULT_RESOURCES, min_length=1, max_length=4000)
    """Where to find human help, shown in full on a pause (set it for your country or service)."""


class Settings(_Section):
    """Everything a user can configure."""

    model: ModelSettings = Field(default_factory=ModelSettings)
    """The persona's voice."""
    local: LocalSettings = Field(default_factory=LocalSettings)
    """The `local` model (embedded, or a GGUF file of your choice)."""
    servers: ServerSettings = Field(default_factory=ServerSettings)
    """Local model servers to look for."""
    safety: SafetySettings = Field(default_factory=SafetySettings)
    """Pausing the role-play when a message speaks of real distress."""


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the config file (if any) and apply environment overrides."""
    env = os.environ if environ is None else environ
    file = path or config_path(env)
    data: dict[str, object] = {}
    try:
        present = fs.taken(file)
    except AttuneError as exc:
        raise ConfigError(str(exc)) from None
    if present:
        # A pipe or a device there is read no more than a file, and refused by the reader.
        try:
            data = parse_toml(file, read_text(file))
        except AttuneError as exc:
            raise ConfigError(str(exc)) from None
    elif path is not None:
        raise ConfigError(f"{file}: no such config file")
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{file}: " + "; ".join(problems(exc))) from None
    override = env.get("ATTUNE_MODEL", "").strip()
    if override:
        settings = settings.model_copy(
            update={"model": settings.model.model_copy(update={"name": override})}
        )
    return settings

"""The one path for model calls: litellm, with timeouts, retries and one-line errors."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from simulator.llm.litellm_loader import load_litellm
from simulator.settings.config import LocalSettings, ModelSettings
from simulator.support.errors import ModelError, UnknownModelError
from simulator.support.problems import one_line

LOCAL = "local"
SCRIPTED = "scripted"
LOCAL_LITELLM_NAME = "attune-local/smollm2-135m-instruct"
MAX_DETAIL = 160


def litellm_name(model: str) -> str:
    """The string litellm routes on: `local` maps to the embedded provider."""
    return LOCAL_LITELLM_NAME if model == LOCAL else model


@dataclass(frozen=True)
class CallOptions:
    """How to call one model; built from settings, overridable per call."""

    model: str
    temperature: float = 0.7
    max_tokens: int = 96
    timeout_s: float = 60.0
    num_retries: int = 2
    api_base: str | None = None
    local: LocalSettings = field(default_factory=LocalSettings)
    extra: dict[str, Any] = field(default_factory=dict)
    """Further litellm arguments (`seed`, `response_format`, `mock_response` in tests)."""
    router: Any | None = field(default=None, compare=False, repr=False)
    """A `litellm.Router` (`simulator.llm.router.build_router`); `model` is then one of its
    model names, and calls go through it instead of `litellm.acompletion`."""

    @classmethod
    def from_settings(
        cls, settings: ModelSettings, local: LocalSettings, **over: Any
    ) -> CallOptions:
        """Options for the configured model (or `over['model']`)."""
        model = over.get("model", settings.name)
        # A GGUF of the learner's choice may want its own temperature ([local] temperature).
        temperature = settings.temperature
        if model == LOCAL and local.temperature is not None:
            temperature = local.temperature
        base = {
            "model": settings.name,
            "temperature": temperature,
            "max_tokens": settings.max_tokens,
            "timeout_s": settings.timeout_s,
            "num_retries": settings.num_retries,
            "api_base": settings.api_base,
            "local": local,
        }
        return cls(**{**base, **over})

    def kwargs(self, **extra: Any) -> dict[str, Any]:
        """Keyword arguments for `litellm.acompletion`."""
        args: dict[str, Any] = {
            "model": litellm_name(self.model),
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "timeout": self.timeout_s,
            "num_retries": self.num_retries,
            **self.extra,
            **extra,
        }
        if self.api_base:
            args["api_base"] = self.api_base
        if self.router is not None:
            # Each deployment has its own api_base, and the router retries across
            # deployments with its config's num_retries; a per-call value would override both.
            args.pop("api_base", None)
            args.pop("num_retries", None)
        return args


def check_model(model: str, local: LocalSettings | None = None) -> None:
    """Raise UnknownModelError unless litellm knows how to route `model`."""
    if model == SCRIPTED:
        return
    litellm = load_litellm(local)
    try:
        litellm.get_llm_provider(litellm_name(model))
    except Exception:
        raise UnknownModelError(
            f"unknown model '{model}': use 'local', 'scripted' or a litellm model string "
            "such as 'openai/gpt-4o-mini' or 'ollama/llama3.2' (see 'attune models')"
        ) from None


def model_error(model: str, exc: BaseException, timeout_s: float | None = None) -> ModelError:
    """Turn any litellm or provider exception into a one-line ModelError with a kind."""
    if isinstance(exc, ModelError):
        return exc
    litellm = load_litellm()

    detail = _short(getattr(exc, "message", None) or str(exc) or type(exc).__name__)
    lowered = detail.lower()
    if isinstance(exc, litellm.Timeout | TimeoutError):
        after = f" after {timeout_s:g}s" if timeout_s else ""
        return ModelError(model, "timeout", f"timed out{after}")
    if isinstance(exc, litellm.AuthenticationError) or any(m in lowered for m in _AUTH_MARKS):
        return ModelError(model, "auth", f"authentication failed ({detail})")
    if isinstance(exc, litellm.RateLimitError):
        return ModelError(model, "rate_limit", f"rate limited ({detail})")
    if isinstance(exc, litellm.NotFoundError):
        return ModelError(model, "not_found", f"not found ({detail})")
    if isinstance(exc, litellm.ContextWindowExceededError):
        return ModelError(model, "bad_request", f"the conversation is too long for it ({detail})")
    if isinstance(exc, litellm.BadRequestError):
        return ModelError(model, "bad_request", f"request refused ({detail})")
    if any(m in lowered for m in _UNREACHABLE_MARKS):
        return ModelError(model, "unreachable", f"unreachable ({detail})")
    if isinstance(exc, litellm.ServiceUnavailableError | litellm.InternalServerError):
        return ModelError(model, "unavailable", f"unavailable ({detail})")
    if isinstance(exc, litellm.APIConnectionError | ConnectionError | OSError):
        return ModelError(model, "unreachable", f"unreachable ({detail})")
    return ModelError(model, "error", f"failed ({type(exc).__name__}: {detail})")


# Providers report these inside generic errors; the kinds tell a UI what to suggest.
_AUTH_MARKS = ("missing credentials", "api key", "api_key", "unauthorized", "invalid x-api-key")
_UNREACHABLE_MARKS = (
    "cannot connect",
    "connection refused",
    "connect call failed",
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "network is unreachable",
    "connection error",  # the openai SDK's APIConnectionError, which litellm maps to a 500
)
_NOISE = re.compile(r"\s*ssl:<[^>]*>|^(?:[\w.]+(?:Error|Exception):\s*)+|^\w+Exception - ")


# litellm's Router appends this to the deployment's own error.
_ROUTER_TAIL = re.compile(r"\s*LiteLLM: model group '[^']*' failed with the error above\..*$")


def _short(text: str) -> str:
    line = _ROUTER_TAIL.sub("", one_line(text)).removeprefix("litellm.").strip()
    for _ in range(3):
        line = _NOISE.sub("", line).strip()
    return line if len(line) <= MAX_DETAIL else line[: MAX_DETAIL - 1] + "…"


def missing_keys(model: str) -> list[str]:
    """Environment variables litellm says this model needs and that are not set."""
    if model in (LOCAL, SCRIPTED):
        return []
    litellm = load_litellm()
    try:
        report = litellm.validate_environment(model=litellm_name(model))
    except Exception:
        return []
    # Base URLs have defaults (Ollama's localhost port) or come from `api_base`;
    # an unreachable server is reported when it is called.
    keys = [str(k) for k in report.get("missing_keys") or []]
    return [k for k in keys if "API_BASE" not in k and "BASE_URL" not in k]


def _require_keys(options: CallOptions) -> None:
    # A router's deployments carry their own keys (resolved when it was built).
    if options.router is not None:
        return
    if "mock_response" in options.extra or "api_key" in options.extra:
        return
    missing = missing_keys(options.model)
    if missing:
        raise ModelError(options.model, "auth", f"needs {', '.join(missing)} in the environment")


def _acompletion(litellm: Any, options: CallOptions) -> Any:
    """`router.acompletion` when the options carry a router, else `litellm.acompletion`."""
    return options.router.acompletion if options.router is not None else litellm.acompletion


async def stream_chat(
    messages: list[dict[str, str]], options: CallOptions
) -> AsyncGenerator[str, None]:
    """Stream the text of one chat completion, chunk by chunk."""
    litellm = load_litellm(options.local)
    _require_keys(options)
    try:
        response = await _acompletion(litellm, options)(
            messages=messages, stream=True, **options.kwargs()
        )
    except Exception as exc:
        raise model_error(options.model, exc, options.timeout_s) from None
    try:
        async for chunk in response:
            choices = getattr(chunk, "choices", None) or []
            text = choices[0].delta.content if choices and choices[0].delta else None
            if text:
                yield text
    except Exception as exc:
        raise model_error(options.model, exc, options.timeout_s) from None
    finally:
        await _close(response)


async def _close(response: Any) -> None:
    """Stop a provider stream we no longer read, so the model stops generating."""
    for target in (response, getattr(response, "completion_stream", None)):
        close = getattr(target, "aclose", None)
        if close is not None:
            # Closing is best effort: the reply is already settled.
            with contextlib.suppress(Exception):
                await close()


async def complete_chat(messages: list[dict[str, str]], options: CallOptions, **extra: Any) -> str:
    """The whole text of one chat completion."""
    litellm = load_litellm(options.local)
    _require_keys(options)
    try:
        response = await _acompletion(litellm, options)(
            messages=messages, **options.kwargs(**extra)
        )
    except Exception as exc:
        raise model_error(options.model, exc, options.timeout_s) from None
    content = response.choices[0].message.content if response.choices else None
    return str(content or "")


def complete_chat_sync(messages: list[dict[str, str]], options: CallOptions, **extra: Any) -> str:
    """Blocking `complete_chat`, for callers outside an event loop's flow (the move judge)."""
    litellm = load_litellm(options.local)
    _require_keys(options)
    try:
        complete = options.router.completion if options.router is not None else litellm.completion
        response = complete(messages=messages, **options.kwargs(**extra))
    except Exception as exc:
        raise model_error(options.model, exc, options.timeout_s) from None
    content = response.choices[0].message.content if response.choices else None
    return str(content or "")

"""`--router FILE`: spread model calls across several deployments with litellm's Router.

The file is shaped like litellm's own Router config (`model_list` of deployments,
each a `model_name` and its `litellm_params`), as YAML or JSON. API keys may be
written as `os.environ/NAME`, as in litellm's proxy config; they are resolved
only when the router is built and never appear in a message or a repr.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    StringConstraints,
    ValidationError,
    model_validator,
)

from simulator.llm.litellm_loader import load_litellm
from simulator.support.errors import AttuneError, ConfigError
from simulator.support.problems import one_line, problems
from simulator.support.safe_parse import parse_json, parse_yaml
from simulator.support.safe_read import read_text

ENV_PREFIX = "os.environ/"

# The strategies litellm 1.106.2's Router accepts (it has no round robin;
# simple-shuffle picks at random, weighted by rpm/tpm when they are given).
RoutingStrategy = Literal[
    "simple-shuffle",
    "least-busy",
    "usage-based-routing",
    "usage-based-routing-v2",
    "latency-based-routing",
    "cost-based-routing",
]
_SECRET_MARKS = ("key", "secret", "password", "credential", "access_token")
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class DeploymentParams(BaseModel):
    """`litellm_params` of one deployment: the litellm model string and where it lives."""

    # Other litellm params (api_version, rpm, tpm, max_tokens...) pass through as given.
    model_config = ConfigDict(
        extra="allow", frozen=True, use_attribute_docstrings=True, allow_inf_nan=False
    )

    model: Name
    """The litellm model string, e.g. `openai/gpt-4o-mini` or `hosted_vllm/llama`."""
    api_base: str | None = None
    """The server's base URL, e.g. `http://127.0.0.1:8000/v1`."""
    api_key: SecretStr | None = None
    """The key itself, or `os.environ/NAME` to read it from the environment."""

    @model_validator(mode="after")
    def _extras_hold_no_secret_in_clear(self) -> DeploymentParams:
        # Extra params are kept verbatim and only `api_key` is masked, so any other
        # credential (aws_secret_access_key...) must name a variable, not hold the value.
        for name, value in (self.model_extra or {}).items():
            secret_like = any(mark in name.lower() for mark in _SECRET_MARKS)
            if secret_like and not (isinstance(value, str) and value.startswith(ENV_PREFIX)):
                raise ValueError(f"'{name}' must be given as {ENV_PREFIX}NAME, not in the file")
        return self


class Deployment(BaseModel):
    """One deployment: the name callers use and the litellm params behind it."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, allow_inf_nan=False
    )

    model_name: Name
    """The name calls use (`--model`); several deployments may share it."""
    litellm_params: DeploymentParams
    """How litellm reaches this deployment."""
    model_info: dict[str, Any] | None = None
    """Optional litellm model info (an `id`, capabilities), passed through."""


class RouterConfig(BaseModel):
    """A router file: the deployments and how calls are spread over them."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, allow_inf_nan=False
    )

    model_list: list[Deployment] = Field(min_length=1)
    """Every deployment; calls are spread across those sharing a `model_name`."""
    routing_strategy: RoutingStrategy = "simple-shuffle"
    """How the router picks a deployment for each call."""
    num_retries: int | None = Field(default=None, ge=0, le=10)
    """Retries per call (litellm's default is 2); a retry may go to another deployment."""
    timeout: float | None = Field(default=None, gt=0, le=3600)
    """Default seconds per call; each call also passes its own timeout."""
    allowed_fails: int | None = Field(default=None, ge=0)
    """Failures a deployment may have in a minute before it is cooled down."""
    cooldown_time: float | None = Field(default=None, ge=0)
    """Seconds a failing deployment is left out of the rotation."""
    enable_weighted_failover: bool | None = None
    """After retries, re-pick among the group's other deployments (simple-shuffle only)."""

    _source: Path | None = PrivateAttr(default=None)

    @property
    def source(self) -> str:
        """Where the config came from, for messages."""
        return str(self._source) if self._source else "router config"


def load_router_config(path: Path) -> RouterConfig:
    """Read and validate a router file (YAML or JSON); one-line ConfigError naming the file."""
    try:
        text = read_text(path)
    except AttuneError as exc:
        raise ConfigError(str(exc)) from None
    data = _parse(path, text)
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__
        raise ConfigError(f"{path}: expected a mapping with a model_list, got {kind}")
    try:
        config = RouterConfig.model_validate(data)
    except ValidationError as exc:
        found = problems(exc)
        others = len(exc.errors()) - 1
        more = f" (and {others} more problem(s))" if others else ""
        raise ConfigError(f"{path}: {found[0]}{more}") from None
    config._source = path
    return config


def _parse(path: Path, text: str) -> object:
    try:
        if path.suffix.lower() == ".json":
            return parse_json(path, text)
        return parse_yaml(path, text)
    except AttuneError as exc:
        raise ConfigError(one_line(exc)) from None


def router_model_names(config: RouterConfig) -> list[str]:
    """The model names calls may use with this router, in file order, once each."""
    return list(dict.fromkeys(d.model_name for d in config.model_list))


def _secret(config: RouterConfig, where: str, value: SecretStr | str | None) -> str | None:
    if value is None:
        return None
    raw = value.get_secret_value() if isinstance(value, SecretStr) else value
    if not raw.startswith(ENV_PREFIX):
        return raw
    name = raw.removeprefix(ENV_PREFIX)
    resolved = os.environ.get(name)
    if not resolved:
        # Name the variable, never a value.
        raise ConfigError(f"{config.source}: {where}: ${name} is not set in the environment")
    return resolved


def litellm_model_list(config: RouterConfig) -> list[dict[str, Any]]:
    """The `model_list` litellm's Router takes, with keys resolved (never print it)."""
    deployments: list[dict[str, Any]] = []
    for index, deployment in enumerate(config.model_list):
        params: dict[str, Any] = deployment.litellm_params.model_dump(
            exclude={"api_key"}, exclude_none=True
        )
        where = f"model_list.{index}.litellm_params"
        key = _secret(config, f"{where}.api_key", deployment.litellm_params.api_key)
        if key is not None:
            params["api_key"] = key
        for name, value in params.items():
            # Resolved here rather than by litellm so a missing variable is named up front.
            if isinstance(value, str) and value.startswith(ENV_PREFIX):
                params[name] = _secret(config, f"{where}.{name}", value)
        entry: dict[str, Any] = {"model_name": deployment.model_name, "litellm_params": params}
        if deployment.model_info is not None:
            entry["model_info"] = dict(deployment.model_info)
        deployments.append(entry)
    return deployments


def build_router(config: RouterConfig) -> Any:
    """A `litellm.Router` for this config (imports litellm on first use)."""
    litellm = load_litellm()
    settings: dict[str, Any] = {
        "routing_strategy": config.routing_strategy,
        **{
            name: value
            for name in (
                "num_retries",
                "timeout",
                "allowed_fails",
                "cooldown_time",
                "enable_weighted_failover",
            )
            if (value := getattr(config, name)) is not None
        },
    }
    try:
        return litellm.Router(model_list=litellm_model_list(config), **settings)
    except ConfigError:
        raise
    except Exception as exc:
        # litellm's own messages may quote the params; keep only the exception type.
        raise ConfigError(
            f"{config.source}: litellm cannot build a router from it ({type(exc).__name__})"
        ) from None

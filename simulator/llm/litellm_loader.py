"""Import litellm once, lazily, quietly, offline, with the embedded provider registered.

Importing litellm costs seconds and, unless told otherwise, fetches a price list
over the network and prints warnings. Nothing it says may reach a terminal that
a TUI owns, so its loggers go to a NullHandler and its banners are switched off.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import threading
import warnings
from types import ModuleType
from typing import Any

from simulator.llm.quiet import QUIET_ENV
from simulator.settings.config import LocalSettings

_lock = threading.Lock()
_litellm: ModuleType | None = None
_LOGGERS = ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy", "litellm", "httpx", "httpcore")


def _drop(record: logging.LogRecord) -> bool:
    return False


def _silence_loggers() -> None:
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers[:] = [logging.NullHandler()]
        logger.propagate = False
        logger.setLevel(logging.CRITICAL)
        # litellm re-attaches its own stderr handler in places (and logs from background
        # threads); a logger-level filter drops records before any handler sees them.
        if _drop not in logger.filters:
            logger.addFilter(_drop)


def load_litellm(local: LocalSettings | None = None) -> Any:
    """The litellm module, imported on first call, with `attune-local` registered."""
    global _litellm
    with _lock:
        # litellm reads these on every cost-map lookup, not only at import: keep them set.
        for key, value in QUIET_ENV.items():
            os.environ[key] = value
        if _litellm is None:
            # Anything printed during import goes nowhere rather than onto a TUI.
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                import litellm
            _silence_loggers()
            # litellm's TypedDicts make pydantic warn on first use, mid-conversation.
            warnings.filterwarnings(
                "ignore", message=r".*`ReadOnly` qualifier", category=UserWarning
            )
            litellm.telemetry = False
            litellm.suppress_debug_info = True
            litellm.set_verbose = False  # type: ignore[attr-defined]
            litellm.turn_off_message_logging = True
            litellm.drop_params = True
            _litellm = litellm
        register_local(_litellm, local)
        return _litellm


def register_local(litellm: Any, local: LocalSettings | None) -> None:
    """Point the `attune-local` provider at these settings (replacing any earlier ones)."""
    from simulator.llm.local_provider import PROVIDER, LocalProvider

    settings = local or LocalSettings()
    current = [p for p in litellm.custom_provider_map if p.get("provider") == PROVIDER]
    if current and current[0]["custom_handler"].settings == settings:
        return
    others = [p for p in litellm.custom_provider_map if p.get("provider") != PROVIDER]
    litellm.custom_provider_map = [
        *others,
        {"provider": PROVIDER, "custom_handler": LocalProvider(settings)},
    ]
    # litellm builds its provider list from the map when it is set through this helper.
    from litellm.utils import custom_llm_setup

    custom_llm_setup()  # type: ignore[no-untyped-call]

"""The environment litellm must see before its first import: offline, no telemetry, quiet."""

from __future__ import annotations

# The bundled price map instead of a download, no telemetry, and only errors from
# litellm's own logger. Its own module so that the loader and the provider (which
# imports litellm at its top) both read it without importing each other.
QUIET_ENV = {
    "LITELLM_LOCAL_MODEL_COST_MAP": "True",
    "LITELLM_TELEMETRY": "False",
    "LITELLM_LOG": "CRITICAL",
}

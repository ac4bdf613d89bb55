"""The short list of instruct GGUF models `attune models pull NAME` offers.

Small enough for a CPU laptop, licensed for local use, and with a chat template in
the file. Sizes and licences are from each model's page; the speed column is an
estimate (see SPEED_NOTE), and `attune eval --model local` measures the real thing.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

SPEED_NOTE = (
    "speed: tokens per second when generating on 2 laptop cores, an upper estimate scaled by "
    "file size from the embedded model's 180 tokens/s measured here (each token reads the "
    "whole file); a token is about three quarters of a word"
)
EMBEDDED_TOKENS_PER_S = 180.0
"""SmolLM2-135M Q4_1 on this project's 2-core machine (README, `make bench`)."""


class CatalogModel(BaseModel):
    """One model that `attune models pull` can fetch."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    name: str
    """What the learner types: `attune models pull NAME`."""
    repo_id: str
    """The Hugging Face repository holding the file."""
    filename: str
    """The GGUF file in that repository."""
    revision: str = "main"
    """Branch or commit of the repository."""
    sha256: str | None = None
    """The file's SHA-256 when pinned here; otherwise the hub's own (the LFS object id)."""
    size_gb: float
    """Download size, in GB (10^9 bytes)."""
    licence: str
    """The model's licence, as its page names it."""
    min_ram_gb: int
    """RAM the machine should have for it to run beside a browser."""
    params: str
    """Parameter count, as the family names it."""
    context: int = 8192
    """Context window attune gives it (the family allows more; more costs RAM)."""
    temperature: float = 0.7
    """Sampling temperature that suits role-play with it."""
    note: str = ""
    """One line on what it is like as a partner."""


CATALOG: tuple[CatalogModel, ...] = (
    CatalogModel(
        name="qwen2.5-0.5b",
        repo_id="Qwen/Qwen2.5-0.5B-Instruct-GGUF",
        filename="qwen2.5-0.5b-instruct-q4_k_m.gguf",
        size_gb=0.49,
        licence="Apache-2.0",
        min_ram_gb=2,
        params="0.5B",
        note="the smallest step up from the embedded 135M model; for 2 cores and little RAM",
    ),
    CatalogModel(
        name="llama3.2-1b",
        repo_id="bartowski/Llama-3.2-1B-Instruct-GGUF",
        filename="Llama-3.2-1B-Instruct-Q4_K_M.gguf",
        size_gb=0.81,
        licence="Llama 3.2 Community License",
        min_ram_gb=4,
        params="1.2B",
        note="Meta's small chat model; a good first pull for a typical laptop",
    ),
    CatalogModel(
        name="qwen2.5-1.5b",
        repo_id="Qwen/Qwen2.5-1.5B-Instruct-GGUF",
        filename="qwen2.5-1.5b-instruct-q4_k_m.gguf",
        size_gb=1.12,
        licence="Apache-2.0",
        min_ram_gb=4,
        params="1.5B",
        note="Alibaba's 1.5B chat model; for 4 cores or more",
    ),
    CatalogModel(
        name="llama3.2-3b",
        repo_id="bartowski/Llama-3.2-3B-Instruct-GGUF",
        filename="Llama-3.2-3B-Instruct-Q4_K_M.gguf",
        size_gb=2.02,
        licence="Llama 3.2 Community License",
        min_ram_gb=8,
        params="3.2B",
        note="the largest here; wants 4+ fast cores or a GPU to reply without a wait",
    ),
)

EMBEDDED = "embedded"
"""`attune models use embedded` goes back to the bundled SmolLM2-135M."""
EMBEDDED_SIZE_GB = 0.098
"""The bundled SmolLM2-135M Q4_1 file, for the speed estimate."""


def find(name: str) -> CatalogModel | None:
    """The catalog entry called `name` (case-insensitive), or None."""
    wanted = name.strip().lower()
    return next((m for m in CATALOG if m.name == wanted), None)


def names() -> list[str]:
    """Every name `attune models pull` accepts."""
    return [m.name for m in CATALOG]


def estimated_tokens_per_s(model: CatalogModel) -> float:
    """Generation speed scaled from the embedded model's by file size (memory-bound on CPU)."""
    return EMBEDDED_TOKENS_PER_S * EMBEDDED_SIZE_GB / model.size_gb

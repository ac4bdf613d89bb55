"""The short list of instruct GGUF models `attune models pull NAME` offers.

Small enough for a CPU laptop, licensed for local use, and with a chat template in
the file. Licences are from each model's page. Where an entry pins `size_bytes` and
`sha256`, they were found for exactly that repository and file in a public source
named beside them (`size_source`, `sha256_source`), not measured here: this machine
cannot reach the hub. An entry without a pinned hash is verified against the hub's
own SHA-256. Speed comes two ways, kept apart: an estimate scaled from the embedded
model (SPEED_NOTE), and, where one was found, a documented measurement on named
hardware (`documented_speeds`). `attune eval --model local` measures the real thing.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, model_validator

SPEED_NOTE = (
    "est. speed: tokens per second when generating on 2 laptop cores, an upper estimate scaled "
    "by file size from the embedded model's 180 tokens/s measured here (each token reads the "
    "whole file), not a measurement of that model; 'documented' lines are measurements others "
    "published, on the hardware named; a token is about three quarters of a word"
)
EMBEDDED_TOKENS_PER_S = 180.0
"""SmolLM2-135M Q4_1 on this project's 2-core machine (README, `make bench`)."""


_SHA256 = re.compile(r"[0-9a-f]{64}")


class DocumentedSpeed(BaseModel):
    """A generation speed someone published for this file, on named hardware."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    tokens_per_s: float
    """Tokens per second while generating (not prompt processing)."""
    hardware: str
    """The CPU (and machine) it ran on, as the source names it."""
    threads: int | None = None
    """Threads the benchmark used, when the source says."""
    method: str
    """How it was measured, e.g. `llama-bench tg128, CPU backend`."""
    source: str
    """Where it is published (URL)."""


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
    sha256_source: str = ""
    """Where the pinned SHA-256 was found (URL), for exactly this repository and file."""
    size_gb: float
    """Download size, in GB (10^9 bytes), for display; `size_bytes` when known."""
    size_bytes: int | None = None
    """The file's exact size in bytes, when found in a public source; a pull checks it."""
    size_source: str = ""
    """Where the exact size was found (URL)."""
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
    documented_speeds: tuple[DocumentedSpeed, ...] = ()
    """Published CPU measurements of this file, the closest to a 2-core laptop first."""

    @model_validator(mode="after")
    def _pins_name_their_source(self) -> CatalogModel:
        # A pinned value with nowhere to check it against would be a guess dressed as a fact.
        if self.sha256 is not None:
            if not _SHA256.fullmatch(self.sha256):
                raise ValueError(f"{self.name}: sha256 must be 64 lowercase hex digits")
            if not self.sha256_source.startswith("https://"):
                raise ValueError(f"{self.name}: a pinned sha256 needs its source URL")
        if self.size_bytes is not None and not self.size_source.startswith("https://"):
            raise ValueError(f"{self.name}: a pinned size needs its source URL")
        return self


# Public files that give the size and SHA-256 of exactly these files (read through a
# search index of public repositories; huggingface.co itself was out of reach).
_3DGOD = (
    "https://github.com/deadfrogface/3DGod-V2.0/blob/36e34d07671fc936d6f3a41212a3a939c5cc61f5/"
    "docs/audit/STAGE15_LLAMASHARP_DECISION.md"
)
_SYLLABIX = (
    "https://github.com/syllabix-ai/syllabix/blob/02a0116bcb451bb0d53446cd4b669c79f86e9892/"
    "crates/syllabix-core/src/models/manifest.rs"
)
_PHEMY = (
    "https://github.com/HyperNoodlez/phemy/blob/0b26c5971d8b49cc533d233f405e9fc77419ec0a/"
    "phemy-core/src/llm/llm_model_manager.rs"
)
_MODELSTATEIO = (
    "https://github.com/UpbeatH/ModelStateIO/blob/8310a898944aafe2c95d7fcbc9bb537b3cbfe17c/"
    "modules/CallAhead/experiments/MSIO-CA-E000H1/run_e000h1.py"
)

CATALOG: tuple[CatalogModel, ...] = (
    CatalogModel(
        name="qwen2.5-0.5b",
        repo_id="Qwen/Qwen2.5-0.5B-Instruct-GGUF",
        filename="qwen2.5-0.5b-instruct-q4_k_m.gguf",
        sha256="74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db",
        sha256_source=_3DGOD,
        size_gb=0.49,
        size_bytes=491_400_032,
        size_source=_3DGOD,
        licence="Apache-2.0",
        min_ram_gb=2,
        params="0.5B",
        note="the smallest step up from the embedded 135M model; for 2 cores and little RAM",
    ),
    CatalogModel(
        name="llama3.2-1b",
        repo_id="bartowski/Llama-3.2-1B-Instruct-GGUF",
        filename="Llama-3.2-1B-Instruct-Q4_K_M.gguf",
        sha256="6f85a640a97cf2bf5b8e764087b1e83da0fdb51d7c9fab7d0fece9385611df83",
        sha256_source=_SYLLABIX,
        size_gb=0.81,
        size_bytes=807_694_464,
        size_source=_SYLLABIX,
        licence="Llama 3.2 Community License",
        min_ram_gb=4,
        params="1.2B",
        note="Meta's small chat model; a good first pull for a typical laptop",
    ),
    CatalogModel(
        name="qwen2.5-1.5b",
        repo_id="Qwen/Qwen2.5-1.5B-Instruct-GGUF",
        filename="qwen2.5-1.5b-instruct-q4_k_m.gguf",
        sha256="6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e",
        sha256_source=_PHEMY,
        size_gb=1.12,
        # Given beside the same SHA-256 for the same file name; the source does not name
        # the repository, the hash ties it to the one above.
        size_bytes=1_117_320_736,
        size_source=_MODELSTATEIO,
        licence="Apache-2.0",
        min_ram_gb=4,
        params="1.5B",
        note="Alibaba's 1.5B chat model; for 4 cores or more",
        documented_speeds=(
            DocumentedSpeed(
                tokens_per_s=12.8,
                hardware="Intel Coffee Lake-S desktop CPU (UHD 630 integrated graphics)",
                method=(
                    "Ollama qwen2.5:1.5b (its own Q4_K_M file), "
                    "generation tokens/s over llmfit's prompts"
                ),
                source="https://github.com/AlexsJones/llmfit/pull/987",
            ),
        ),
    ),
    CatalogModel(
        name="llama3.2-3b",
        repo_id="bartowski/Llama-3.2-3B-Instruct-GGUF",
        filename="Llama-3.2-3B-Instruct-Q4_K_M.gguf",
        # No SHA-256 found at a citable address for this file: the hub's own is used.
        size_gb=2.02,
        # A wget log of this file, fetched from the address the same repository's README gives.
        size_bytes=2_019_377_696,
        size_source="https://github.com/geerlingguy/ai-benchmarks/issues/53",
        licence="Llama 3.2 Community License",
        min_ram_gb=8,
        params="3.2B",
        note="the largest here; wants 4+ fast cores or a GPU to reply without a wait",
        documented_speeds=(
            DocumentedSpeed(
                tokens_per_s=7.68,
                hardware="Intel Core i5-4278U (2014 MacBook Pro, 8 GB DDR3L-1600)",
                threads=2,
                method="llama-bench tg128, CPU backend",
                source="https://github.com/geerlingguy/ai-benchmarks/issues/53",
            ),
            DocumentedSpeed(
                tokens_per_s=11.05,
                hardware="Intel Core i3-1315U (Framework Laptop 12)",
                threads=2,
                method="llama-bench tg128, CPU backend",
                source="https://github.com/geerlingguy/sbc-reviews/issues/107",
            ),
        ),
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


def documented_speed(model: CatalogModel) -> DocumentedSpeed | None:
    """The published measurement closest to a 2-core laptop, or None when none was found."""
    return model.documented_speeds[0] if model.documented_speeds else None

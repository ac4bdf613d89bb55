"""The curated `attune models pull` list: what it pins, and where each pinned fact came from.

The values themselves were found in public sources (this machine cannot reach the hub);
these tests keep the catalog honest about them: a pinned hash or size names its source,
the display size agrees with the exact one, and a documented speed names its hardware.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from simulator.llm.gguf_catalog import (
    CATALOG,
    CatalogModel,
    DocumentedSpeed,
    documented_speed,
    estimated_tokens_per_s,
    find,
)


def test_the_display_size_is_the_exact_size_rounded_where_one_was_found() -> None:
    for model in CATALOG:
        if model.size_bytes is not None:
            assert model.size_gb == round(model.size_bytes / 1e9, 2), model.name


def test_every_pin_names_where_it_was_found() -> None:
    for model in CATALOG:
        if model.sha256 is not None:
            assert model.sha256_source.startswith("https://github.com/"), model.name
        if model.size_bytes is not None:
            assert model.size_source.startswith("https://github.com/"), model.name


def test_the_pins_found_are_the_ones_shipped() -> None:
    pinned = {m.name: (m.sha256, m.size_bytes) for m in CATALOG}
    assert pinned == {
        "qwen2.5-0.5b": (
            "74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db",
            491_400_032,
        ),
        "llama3.2-1b": (
            "6f85a640a97cf2bf5b8e764087b1e83da0fdb51d7c9fab7d0fece9385611df83",
            807_694_464,
        ),
        "qwen2.5-1.5b": (
            "6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e",
            1_117_320_736,
        ),
        # No citable SHA-256 was found for this file: the pull uses the hub's.
        "llama3.2-3b": (None, 2_019_377_696),
    }


def test_a_pin_without_a_source_is_refused() -> None:
    base = {
        "name": "x",
        "repo_id": "o/r",
        "filename": "x.gguf",
        "size_gb": 0.1,
        "licence": "MIT",
        "min_ram_gb": 1,
        "params": "1B",
    }
    with pytest.raises(ValidationError, match="needs its source URL"):
        CatalogModel(**base, sha256="0" * 64)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="needs its source URL"):
        CatalogModel(**base, size_bytes=100_000_000)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="64 lowercase hex"):
        CatalogModel(**base, sha256="ABC", sha256_source="https://x")  # type: ignore[arg-type]


def test_documented_speeds_name_hardware_threads_and_source() -> None:
    for model in CATALOG:
        for doc in model.documented_speeds:
            assert doc.tokens_per_s > 0 and (doc.threads is None or doc.threads > 0), model.name
            assert doc.hardware and doc.source.startswith("https://"), model.name
            # Generation speed, the figure a reply waits on, not prompt processing.
            assert "tg" in doc.method or "generation" in doc.method, model.name


def test_the_documented_speed_shown_is_the_first_and_absent_ones_stay_absent() -> None:
    big = find("llama3.2-3b")
    small = find("qwen2.5-0.5b")
    assert big is not None and small is not None
    first = documented_speed(big)
    assert isinstance(first, DocumentedSpeed)
    assert (first.tokens_per_s, first.threads) == (7.68, 2)
    assert "i5-4278U" in first.hardware
    assert documented_speed(small) is None


def test_the_estimate_stays_an_estimate_beside_the_documented_figure() -> None:
    big = find("llama3.2-3b")
    assert big is not None
    # The estimate is computed from the file size alone; a documented figure does not replace it.
    assert estimated_tokens_per_s(big) == pytest.approx(180.0 * 0.098 / 2.02)

"""Read a GGUF file's header: its name, architecture, context length and chat template.

Only the key-value header is read (arrays such as the vocabulary are skipped over),
so `attune config show` can say what a model file brings without loading it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from simulator.support.errors import AttuneError

MAGIC = b"GGUF"
MAX_KEYS = 100_000
MAX_STRING = 1 << 20
"""A chat template is a few KiB; a longer string is skipped, not kept."""
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?"}
_SCALARS |= {10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
_WANTED = ("general.name", "general.architecture", "tokenizer.chat_template")


@dataclass(frozen=True)
class GgufInfo:
    """What a GGUF header says about the model."""

    name: str | None
    architecture: str | None
    context_length: int | None
    chat_template: str | None


def _read(handle: BinaryIO, size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise ValueError("the file ends inside its header")
    return data


def _string(handle: BinaryIO, keep: bool = True) -> str | None:
    (length,) = struct.unpack("<Q", _read(handle, 8))
    if not keep or length > MAX_STRING:
        handle.seek(length, 1)
        return None
    return _read(handle, length).decode("utf-8", errors="replace")


def _value(handle: BinaryIO, kind: int, keep: bool) -> object:
    if kind in _SCALARS:
        fmt = _SCALARS[kind]
        (value,) = struct.unpack(fmt, _read(handle, struct.calcsize(fmt)))
        return value
    if kind == _STRING:
        return _string(handle, keep)
    if kind == _ARRAY:
        item_kind, count = struct.unpack("<IQ", _read(handle, 12))
        if item_kind in _SCALARS:
            handle.seek(struct.calcsize(_SCALARS[item_kind]) * count, 1)
        else:
            for _ in range(count):
                _value(handle, item_kind, keep=False)
        return None
    raise ValueError(f"unknown value type {kind}")


def read_gguf_info(path: Path) -> GgufInfo:
    """The header fields attune shows; AttuneError with one line when it is not a GGUF file."""
    found: dict[str, object] = {}
    try:
        with path.open("rb") as handle:
            if handle.read(4) != MAGIC:
                raise ValueError("not a GGUF file")
            (version,) = struct.unpack("<I", _read(handle, 4))
            if version < 2:
                raise ValueError(f"GGUF version {version} is too old")
            _tensors, keys = struct.unpack("<QQ", _read(handle, 16))
            for _ in range(min(keys, MAX_KEYS)):
                key = _string(handle) or ""
                (kind,) = struct.unpack("<I", _read(handle, 4))
                wanted = key in _WANTED or key.endswith(".context_length")
                value = _value(handle, kind, keep=wanted)
                if wanted:
                    found[key] = value
    except (OSError, ValueError, struct.error) as exc:
        raise AttuneError(f"{path}: cannot read the model file's header ({exc})") from None
    arch = found.get("general.architecture")
    context = found.get(f"{arch}.context_length") if isinstance(arch, str) else None
    name, template = found.get("general.name"), found.get("tokenizer.chat_template")
    return GgufInfo(
        name=name if isinstance(name, str) else None,
        architecture=arch if isinstance(arch, str) else None,
        context_length=context if isinstance(context, int) else None,
        chat_template=template if isinstance(template, str) else None,
    )


def template_family(template: str | None) -> str:
    """A short name for a chat template, judged by the markers it writes."""
    if not template:
        return "none in the file (llama.cpp falls back to chatml)"
    for marker, family in (
        ("<|im_start|>", "ChatML"),
        ("<|start_header_id|>", "Llama 3"),
        ("<start_of_turn>", "Gemma"),
        ("[INST]", "Mistral/Llama 2"),
        ("<|user|>", "Phi/Zephyr"),
    ):
        if marker in template:
            return family
    return "custom"

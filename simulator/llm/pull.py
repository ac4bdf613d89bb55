"""`attune models pull`: fetch a catalog GGUF into the user's models folder, verified.

The download goes through huggingface_hub (its endpoint setting, `HF_ENDPOINT`, points
it elsewhere). Bytes land in `models/.partial/FILE.part`; an interrupted pull resumes
from there. Only a file whose size and SHA-256 match is moved to `models/FILE`, in one
rename, so the models folder holds a complete verified file or nothing. The SHA-256 is
the one pinned in the catalog when there is one (and a hub that reports another hash or
size for the file is refused before anything is fetched), else the hub's own.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.llm.gguf_catalog import CatalogModel
from simulator.support.errors import AttuneError

PARTIAL = ".partial"
MARGIN_BYTES = 64 * 1024 * 1024
"""Free space kept beyond the download itself, so the disk is never filled to the last byte."""
METADATA_TIMEOUT_S = 10.0
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1 << 20
USER_AGENT = "attune (huggingface_hub)"


class PullError(AttuneError):
    """A pull that did not finish; the message is one line."""


@dataclass(frozen=True)
class Pulled:
    """Where the verified file is, and whether this call fetched it."""

    path: Path
    fetched: bool
    resumed_from: int = 0


def model_file(model: CatalogModel, folder: Path) -> Path:
    """Where a pulled model lives."""
    return folder / model.filename


def partial_file(model: CatalogModel, folder: Path) -> Path:
    """Where a pull in progress keeps its bytes (resumed from on the next pull)."""
    return folder / PARTIAL / (model.filename + ".part")


def free_bytes(folder: Path) -> int:
    """Free space on the disk holding `folder`."""
    return shutil.disk_usage(folder).free


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _gb(n: int) -> str:
    return f"{n / 1e9:.2f} GB"


def _offline(endpoint: str, exc: BaseException) -> PullError:
    return PullError(
        f"cannot reach the model hub at {endpoint} ({type(exc).__name__}): "
        "check the connection and run the same command again"
    )


def _hub_endpoint(endpoint: str | None) -> str:
    from huggingface_hub import constants

    return (endpoint or os.environ.get("HF_ENDPOINT") or constants.ENDPOINT).rstrip("/")


def _metadata(model: CatalogModel, endpoint: str) -> tuple[str, int, str]:
    """(download URL, size, expected SHA-256) from the hub, or a one-line PullError."""
    import httpx
    from huggingface_hub import get_hf_file_metadata, hf_hub_url
    from huggingface_hub.errors import HfHubHTTPError

    url = hf_hub_url(model.repo_id, model.filename, revision=model.revision, endpoint=endpoint)
    try:
        meta = get_hf_file_metadata(url, token=False, timeout=METADATA_TIMEOUT_S, endpoint=endpoint)
    except HfHubHTTPError as exc:
        status = exc.response.status_code if exc.response is not None else "?"
        raise PullError(
            f"the model hub at {endpoint} has no {model.repo_id}/{model.filename} (HTTP {status})"
        ) from None
    except (httpx.HTTPError, ConnectionError, OSError) as exc:
        raise _offline(endpoint, exc) from None
    hub_sha = (meta.etag or "").lower()
    pinned = (model.sha256 or "").lower()
    if pinned and _SHA256.fullmatch(hub_sha) and hub_sha != pinned:
        # The hub now serves other bytes under this name: refuse before fetching them.
        raise PullError(
            f"the model hub's {model.filename} is not the file pinned here (hub SHA-256 "
            f"{hub_sha[:12]}..., pinned {pinned[:12]}...): not downloading it"
        )
    expected = pinned or hub_sha
    if not _SHA256.fullmatch(expected):
        raise PullError(
            f"the model hub gave no SHA-256 for {model.filename}: not downloading a file "
            "that cannot be verified"
        )
    if meta.size is None or meta.size <= 0:
        raise PullError(f"the model hub gave no size for {model.filename}")
    if model.size_bytes is not None and meta.size != model.size_bytes:
        raise PullError(
            f"the model hub's {model.filename} is {meta.size} bytes, not the "
            f"{model.size_bytes} pinned here: not downloading it"
        )
    return meta.location, meta.size, expected


def _resume_point(part: Path, tag: Path, expected: str, size: int) -> int:
    """Bytes already fetched for this exact file; anything else is discarded."""
    try:
        same = json.loads(tag.read_text(encoding="utf-8")).get("sha256") == expected
        have = part.stat().st_size
    except (OSError, ValueError, AttributeError):
        same, have = False, 0
    if same and 0 < have <= size:
        return have
    part.unlink(missing_ok=True)
    return 0


def pull(
    model: CatalogModel,
    folder: Path,
    *,
    endpoint: str | None = None,
    progress: Any = None,
    free: Callable[[Path], int] | None = None,
    on_start: Callable[[int, int], None] | None = None,
) -> Pulled:
    """Download `model` into `folder` (resuming, checking disk space and checksum).

    `progress` is a tqdm-like class (huggingface_hub's `tqdm_class`); `on_start(size,
    resumed_from)` is called once the hub has answered and the disk has room. Raises PullError
    with one line on any failure; the final path then holds nothing new.
    """
    from huggingface_hub import constants
    from huggingface_hub.file_download import http_get

    final = model_file(model, folder)
    if final.is_file():
        return Pulled(final, fetched=False)
    hub = _hub_endpoint(endpoint)
    if constants.HF_HUB_OFFLINE:
        raise PullError("HF_HUB_OFFLINE is set: unset it to download a model")
    url, size, expected = _metadata(model, hub)
    part = partial_file(model, folder)
    tag = part.with_name(part.name + ".json")
    try:
        part.parent.mkdir(parents=True, exist_ok=True)
        have = _resume_point(part, tag, expected, size)
        available = (free or free_bytes)(folder)
        if available < size - have + MARGIN_BYTES:
            raise PullError(
                f"not enough free disk space for {model.name}: it needs {_gb(size - have)} "
                f"more in {folder}, which has {_gb(available)} free"
            )
        tag.write_text(json.dumps({"sha256": expected, "size": size}), encoding="utf-8")
        if on_start is not None:
            on_start(size, have)
        if have < size:
            with part.open("ab") as handle:
                http_get(
                    url,
                    handle,
                    resume_size=have,
                    headers={"user-agent": USER_AGENT},
                    expected_size=size,
                    displayed_filename=model.filename,
                    tqdm_class=progress,
                )
                handle.flush()
                os.fsync(handle.fileno())
    except PullError:
        raise
    except OSError as exc:
        if exc.errno is not None:
            # A local write failed (disk full, permissions): the bytes so far stay for a resume.
            raise PullError(f"cannot write {part}: {exc.strerror or exc}") from None
        # huggingface_hub's size check: what arrived was not the whole file.
        raise PullError(
            f"the download of {model.filename} was cut short: run the same command to resume"
        ) from None
    except Exception as exc:  # httpx transport errors after huggingface_hub's own retries
        import httpx

        if isinstance(exc, httpx.HTTPError | ConnectionError):
            raise PullError(
                f"the download of {model.filename} stopped ({type(exc).__name__}): "
                "run the same command to resume"
            ) from None
        raise
    actual = sha256_of(part)
    if actual != expected:
        # A corrupt file must not be resumed from either.
        part.unlink(missing_ok=True)
        tag.unlink(missing_ok=True)
        raise PullError(
            f"checksum mismatch for {model.filename} (expected {expected[:12]}..., "
            f"got {actual[:12]}...): the download was removed; run the same command to retry"
        )
    os.replace(part, final)
    tag.unlink(missing_ok=True)
    return Pulled(final, fetched=True, resumed_from=have)


def pulled(model: CatalogModel, folder: Path) -> Path | None:
    """The verified file of a pulled model, or None."""
    path = model_file(model, folder)
    return path if path.is_file() else None

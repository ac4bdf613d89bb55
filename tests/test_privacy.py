"""Privacy: names can be taken out of exports; API keys never reach a file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import RunCli
from saved_sessions import record
from simulator.export.redact import redact
from simulator.personas import PersonaCard
from simulator.store import SessionStore
from test_router import ChatServer

SECRET = "sk-test-NEVER-WRITE-ME-0123456789"
# An OpenAI-compatible model on the fake provider (tests/test_router.py) on loopback.
MODEL = "openai/fake"


@pytest.fixture
def named_session(card: PersonaCard) -> str:
    texts = ["Priya, I'm sorry. Jordan kept me late.", "I hear you, Priya. That hurt."]
    return record(SessionStore.default(), card, texts)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_redacted_exports_keep_no_names(attune: RunCli, named_session: str, fmt: str) -> None:
    plain = attune("sessions", "export", named_session, "--format", fmt)
    assert plain.code == 0 and "Priya" in plain.out and "Jordan" in plain.out
    result = attune("sessions", "export", named_session, "--format", fmt, "--redact-name", "jordan")
    assert result.code == 0, result.err
    assert "priya" not in result.out.lower() and "jordan" not in result.out.lower()
    # Markdown escapes the brackets; the other formats show them as they are.
    assert "Partner" in result.out and ("[name]" in result.out or r"\[name\]" in result.out)


def test_redact_alone_takes_out_the_partners_name(attune: RunCli, named_session: str) -> None:
    result = attune("sessions", "export", named_session, "--format", "json", "--redact")
    data = json.loads(result.out)
    assert "Priya" not in result.out and "Jordan" in result.out
    assert data["turns"][0]["user"] == "Partner, I'm sorry. Jordan kept me late."


def test_redaction_respects_word_boundaries(card: PersonaCard) -> None:
    store = SessionStore.default()
    saved = store.load(record(store, card, ["Al, call Alice and Priyanka."]))
    cleaned = redact(saved, ["Al"])
    assert cleaned.turns[0].user == "[name], call Alice and Priyanka."
    assert saved.turns[0].user.startswith("Al,"), "the stored session is untouched"


def test_an_empty_redact_name_is_one_line(attune: RunCli, named_session: str) -> None:
    result = attune("sessions", "export", named_session, "--redact-name", " ")
    assert result.code == 2 and result.err.count("\n") == 1 and "--redact-name" in result.err


def test_api_keys_never_reach_the_disk(
    attune: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, card: PersonaCard
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)
    # Whatever litellm or a library writes to the user's own folders lands here too.
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "user" / name.lower()))
    session_id = record(SessionStore.default(), card, ["I hear you."])
    out = tmp_path / "out"
    out.mkdir()
    script = tmp_path / "s.yaml"
    script.write_text(json.dumps({"turns": ["I hear you."]}), encoding="utf-8")
    with ChatServer() as provider:
        # A real litellm model path: the OpenAI provider reads the key and sends it here.
        config = tmp_path / "config.toml"
        config.write_text(
            f'[model]\napi_base = "{provider.api_base}"\nnum_retries = 0\ntimeout_s = 10\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("ATTUNE_CONFIG", str(config))
        model_runs = [
            ("replay", str(script), "--persona", "unanswered-text", "--model", MODEL, "--json"),
            ("eval", "--model", MODEL, "--case", "priya-voice-*", "--out", str(out / "eval")),
        ]
        other_runs = [
            ("sessions", "export", session_id, "--out", str(out / "s.html")),
            ("sessions", "export", session_id, "--format", "json", "--out", str(out / "s.json")),
            ("models", "--json"),
        ]
        for args in model_runs + other_runs:
            before = provider.requests
            result = attune(*args)
            assert result.code == 0, (args, result.err)
            assert SECRET not in result.out + result.err
            # Each model run really called the model: the test cannot pass by skipping it.
            assert args not in model_runs or provider.requests > before, args
    assert provider.auth == {f"Bearer {SECRET}"}, "the planted key is the one that was used"
    home = Path(os.environ["ATTUNE_HOME"])
    files = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()]
    assert {home, out} <= {parent for p in files for parent in p.parents}
    assert len(files) >= 4
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path

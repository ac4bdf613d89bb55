"""Nothing raw reaches a terminal: escaped names, one-line errors, any argv, any encoding."""

from __future__ import annotations

import ast
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, RunCli
from saved_sessions import CALM, record
from simulator.cli import main as cli_main
from simulator.cli.crash import BUG_EXIT
from simulator.personas import PersonaCard, load_card
from simulator.store import SessionStore
from simulator.support.paths import home_dir

# An OSC that retitles the terminal, a bell, a CSI that clears it, and a C1 CSI.
EVIL_NAME = "Ev\x1b]0;PWNED\x07\x1b[2J\x9b2Jil"
RAW = ("\x1b", "\x07", "\x9b")


def _raw_controls(text: str) -> list[str]:
    return [c for c in RAW if c in text]


def _one_line_error(err: str) -> None:
    assert err.startswith("attune: error: "), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err


@pytest.fixture
def evil_folder(tmp_path: Path) -> Path:
    """A personas folder with one card whose name is made of escape sequences."""
    data = yaml.safe_load((REPO / "personas" / "unanswered-text.yaml").read_text("utf-8"))
    data.update(id="evil", name=EVIL_NAME)
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "evil.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return folder


@pytest.fixture
def evil_card(evil_folder: Path) -> PersonaCard:
    """The card, loaded."""
    return load_card(evil_folder / "evil.yaml")


@pytest.fixture
def evil_session(evil_card: PersonaCard) -> str:
    """A saved session with that partner."""
    return record(SessionStore.default(), evil_card, CALM[:2])


def _cases(folder: Path, session_id: str) -> dict[str, tuple[str, ...]]:
    script = folder.parent / "script.yaml"
    cards = ("--personas", str(folder))
    return {
        "personas list": ("personas", "list", *cards),
        "personas show": ("personas", "show", "evil", *cards),
        "personas try": ("personas", "try", "evil", *cards),
        "personas try --json": ("personas", "try", "evil", "--json", *cards),
        "replay": ("replay", str(script), *cards),
        "replay --json": ("replay", str(script), "--json", *cards),
        "sessions list": ("sessions", "list"),
        "sessions list --json": ("sessions", "list", "--json"),
        "sessions show": ("sessions", "show", session_id),
        "sessions show --json": ("sessions", "show", session_id, "--json"),
        "export md": ("sessions", "export", session_id, "--format", "md"),
        "export html": ("sessions", "export", session_id, "--format", "html"),
        "export json": ("sessions", "export", session_id, "--format", "json"),
    }


CASES = list(_cases(Path("cards"), "id"))


@pytest.mark.parametrize("case", CASES)
def test_a_card_name_with_escape_sequences_never_reaches_the_terminal_raw(
    attune: RunCli, evil_folder: Path, evil_session: str, case: str
) -> None:
    script = 'turns: ["I\'m here."]\npersona: evil\n'
    (evil_folder.parent / "script.yaml").write_text(script, encoding="utf-8")
    result = attune(*_cases(evil_folder, evil_session)[case])
    assert result.code in (0, 1), result  # `personas try` exits 1 when a check is odd
    assert _raw_controls(result.out + result.err) == [], result.out
    if "json" in case:
        # JSON escapes the controls itself, and a reader gets the name back exactly.
        assert json.loads(result.out)
        return
    # Shown with visible escapes (Markdown escapes the backslash once more), not dropped.
    assert "PWNED" in result.out and "x1b" in result.out


def test_the_validate_ok_line_escapes_the_file_name(attune: RunCli, evil_folder: Path) -> None:
    card = evil_folder / "evil.yaml"
    odd = evil_folder / "odd\x1b]0;T\x07\nname"
    odd.mkdir()
    target = odd / "evil.yaml"
    card.rename(target)
    result = attune("personas", "validate", str(target))
    assert result.code == 0, result
    assert _raw_controls(result.out) == []
    (line,) = result.out.splitlines()
    assert line.startswith("ok  ") and "odd\\x1b]0;T\\x07 name" in line


def test_the_config_path_models_and_config_show_escape_the_environment(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ATTUNE_CONFIG", str(tmp_path / "c\x1b]0;T\x07\nfg.toml"))
    monkeypatch.setenv("ATTUNE_MODEL", "gpt\x1b]0;T\x07\nx")
    path = attune("config", "path")
    assert path.code == 0 and path.out == f"{tmp_path}/c\\x1b]0;T\\x07 fg.toml\n"
    for args in (("models",), ("config", "show")):
        result = attune(*args)
        assert result.code == 0, result
        assert _raw_controls(result.out) == [] and "\\x1b]0;T\\x07" in result.out
    (model_row,) = [line for line in attune("models").out.splitlines() if line.startswith("* gpt")]
    assert "configured model" in model_row, "a newline in the name does not split the row"


@pytest.mark.parametrize(
    "args",
    [
        ("personas", "show", "\x1b]0;PWNED\x07"),
        ("personas", "list", "--personas", "/nowhere/\x1b]0;T\x07"),
        ("replay", "/nowhere/\x1b]0;T\x07.yaml"),
        ("sessions", "show", "\x1b]0;T\x07"),
        ("--bogus\x1b]0;T\x07",),
    ],
)
def test_error_messages_escape_what_the_user_passed(attune: RunCli, args: tuple[str, ...]) -> None:
    result = attune(*args)
    assert result.code == 2, result
    _one_line_error(result.err)
    assert _raw_controls(result.err) == [] and "\\x1b]0;" in result.err


@pytest.mark.parametrize(
    "args",
    [
        ("personas", "show", "a\nb"),
        ("sessions", "show", "x\ny"),
        ("sessions", "export", "x\r\ny"),
        ("replay", "/nowhere/a\nb.yaml"),
        ("personas", "list", "--personas", "/nowhere/a\nb"),
        ("personas", "sh\now"),
        ("--bo\ngus",),
    ],
)
def test_a_newline_in_an_argument_gives_a_one_line_error(
    attune: RunCli, args: tuple[str, ...]
) -> None:
    result = attune(*args)
    assert result.code == 2, result
    _one_line_error(result.err)


@pytest.mark.parametrize(
    "args",
    [
        ("sessions", "show", "\udcff\udcfe"),
        ("sessions", "export", "\udcff"),
        ("sessions", "annotate", "\udcff", "0", "a note"),
        ("sessions", "notes", "\udcff"),
        ("personas", "show", "\udcff"),
    ],
)
def test_invalid_utf8_in_argv_is_a_one_line_error_in_process(
    attune: RunCli, evil_session: str, args: tuple[str, ...]
) -> None:
    # Python hands undecodable argv bytes over as lone surrogates (surrogateescape).
    result = attune(*args)
    assert result.code == 2, result
    _one_line_error(result.err)
    result.err.encode("utf-8")  # nothing unwritable reached the stream


def _attune_bytes(
    *args: bytes, env: dict[str, str] | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"simulator", *args],
        capture_output=True,
        input=stdin,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    "args",
    [
        (b"sessions", b"show", b"\xff\xfe"),
        (b"sessions", b"export", b"\xff"),
        (b"sessions", b"annotate", b"\xff", b"0", b"note \xff"),
    ],
)
def test_invalid_utf8_in_argv_is_a_one_line_error_in_a_real_process(
    evil_session: str, args: tuple[bytes, ...]
) -> None:
    done = _attune_bytes(*args)
    assert done.returncode == 2, done.stderr
    err = done.stderr.decode("utf-8")
    _one_line_error(err)
    assert "no saved session" in err


def test_an_annotation_with_invalid_utf8_is_saved_replaced(evil_session: str) -> None:
    done = _attune_bytes(b"sessions", b"annotate", evil_session.encode(), b"0", b"odd \xff note")
    assert done.returncode == 0, done.stderr
    (note,) = SessionStore.default().load(evil_session).notes
    assert note.text == "odd \ufffd note"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_output_to_a_stdout_that_cannot_encode_it_does_not_crash(
    evil_session: str, encoding: str
) -> None:
    env = {"PYTHONIOENCODING": encoding, "LANG": "C", "LC_ALL": "C"}
    for args in (
        (b"personas", b"show", b"bad-day"),  # Tomás
        (b"sessions", b"export", evil_session.encode(), b"--format", b"json"),
        (b"classify", b"--json", "I hear you 😭".encode()),
    ):
        done = _attune_bytes(*args, env=env)
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr and done.stdout
    bad = _attune_bytes(b"personas", b"show", "😭".encode(), env=env)
    assert bad.returncode == 2 and bad.stderr.count(b"\n") == 1, bad.stderr


def test_stdin_that_is_not_utf8_does_not_crash() -> None:
    # The bounded stdin reader refuses bytes that are not UTF-8, naming where they are.
    env = {"PYTHONIOENCODING": "utf-8"}
    done = _attune_bytes(b"classify", b"--json", b"-", env=env, stdin=b"I hear you \xff\xfe\n")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr == b"attune: error: <stdin> line 1: not valid UTF-8 (byte 11)\n"


def test_a_group_alone_prints_its_help_not_a_multi_line_error(attune: RunCli) -> None:
    result = attune("sessions")
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("Usage: attune sessions") and "export" in result.out


def _boom() -> None:
    raise RuntimeError("something\nbroke \x1b]0;T\x07")


def test_a_bug_is_one_line_naming_a_private_log(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("simulator.cli.sessions_cmd.SessionStore.default", _boom)
    code = cli_main.main(["sessions", "show", "x"])
    err = capsys.readouterr().err
    assert code == BUG_EXIT
    assert err.startswith("attune: internal error, a bug in attune") and err.count("\n") == 1
    assert "RuntimeError: something broke" in err and _raw_controls(err) == []
    log = Path(err.rstrip().rsplit("details in ", 1)[1])
    assert log.parent == home_dir() / "logs"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "Traceback" in log.read_text("utf-8") and "_boom" in log.read_text("utf-8")


def test_a_bug_still_reaches_the_tests_through_run_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("simulator.cli.sessions_cmd.SessionStore.default", _boom)
    with pytest.raises(RuntimeError, match="something"):
        cli_main.run_cli(["sessions", "show", "x"])


# Only these modules may write to the terminal directly; every other one goes through them.
PRINTERS = {"output.py", "crash.py"}


def _direct_writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            f"{func.value.id}.{func.attr}"
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        if name in {"click.echo", "click.secho", "print", "sys.stdout.write"}:
            found.append(f"{path.name}:{node.lineno} {name}")
    return found


def test_every_command_prints_through_the_escaping_output_module() -> None:
    modules = sorted((REPO / "simulator" / "cli").glob("*.py"))
    assert len(modules) > 10
    offenders = [w for p in modules if p.name not in PRINTERS for w in _direct_writes(p)]
    assert offenders == []
    assert _direct_writes(REPO / "simulator" / "cli" / "output.py"), "the check can see a write"

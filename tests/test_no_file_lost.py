"""No file of the learner's is ever lost: ids stay in their folder, deletes go to a trash,
exports replace only regular files, and bad paths are one line (each fuzzing find, by name)."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import REPO, CliResult, RunCli
from saved_sessions import CALM, record
from simulator.personas import PersonaCard
from simulator.personas.loader import load_default_catalog
from simulator.scenario import ScenarioAnswers, build_card, closest_persona, save_user_card
from simulator.scenario.store import load_answers
from simulator.scenario.trash import trash_dir
from simulator.store import SessionStore
from simulator.support.paths import data_dir, home_dir, user_personas_dir
from unprivileged import AS_NOBODY, AS_ROOT_WITHOUT_CAPABILITIES, first_that_runs

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX links, pipes and modes")
LONG = "a" * 300

SAM = {
    "name": "Sam",
    "about": "I forgot our anniversary dinner",
    "feels": "hurt and let down",
    "says_first": "So you finally remembered?",
}


def _one_line_error(result: CliResult, *expected: str) -> None:
    assert result.code == 2, result
    assert result.err.startswith("attune: error: ") and result.err.count("\n") == 1, result
    assert "Traceback" not in result.err
    for text in expected:
        assert text in result.err, result


def _save_sam(card_id: str = "sam") -> Path:
    catalog = load_default_catalog()
    answers = ScenarioAnswers.model_validate(SAM)
    card = build_card(answers, closest_persona(answers, catalog), card_id)
    return save_user_card(card, catalog, answers)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# --- personas delete: ids that name files -----------------------------------------------------


@pytest.mark.parametrize("how", ["dotdot", "absolute", "separator"])
def test_personas_delete_dotdot_changes_nothing(attune: RunCli, tmp_path: Path, how: str) -> None:
    user_personas_dir().mkdir(parents=True)
    victim = home_dir() / "victim.yaml"
    victim.write_text("id: victim\n")
    outside = tmp_path / "elsewhere" / "victim.yaml"
    outside.parent.mkdir()
    outside.write_text("id: victim\n")
    card_id = {
        "dotdot": "../victim",
        "absolute": str(outside.with_suffix("")),
        "separator": "sub/../../victim",
    }[how]
    before = _snapshot(tmp_path)
    _one_line_error(attune("personas", "delete", card_id, "--yes"), "is not a card id")
    assert _snapshot(tmp_path) == before
    assert not trash_dir().exists()


def test_personas_delete_shipped_refused(attune: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = data_dir("personas")
    before = _snapshot(shipped)
    _one_line_error(attune("personas", "delete", "bad-day", "--yes"), "cannot be deleted")
    # Reached by a path from the learner's folder, as the fuzzer did.
    user_personas_dir().mkdir(parents=True)
    sneaky = os.path.relpath(shipped / "bad-day", user_personas_dir())
    _one_line_error(attune("personas", "delete", sneaky, "--yes"), "is not a card id")
    # Even with the attune folder set so that "your cards" are the shipped ones.
    monkeypatch.setenv("ATTUNE_HOME", str(shipped.parent))
    assert user_personas_dir() == shipped
    _one_line_error(attune("personas", "delete", "bad-day", "--yes"), "cannot be deleted")
    assert _snapshot(shipped) == before


def test_personas_delete_asks_and_keeps_the_card_without_a_yes(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _save_sam()
    for answer in ("n\n", "\n", ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(answer))
        result = attune("personas", "delete", "sam")
        assert "Delete your card sam (Sam)?" in result.err
        assert path.is_file()
    assert not trash_dir().exists()


def test_personas_delete_then_restore_round_trip(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _save_sam()
    text = path.read_bytes()
    answers = load_answers("sam")
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    deleted = attune("personas", "delete", "sam")
    assert deleted.code == 0, deleted
    (trashed,) = trash_dir().glob("sam.*.yaml")
    assert not path.exists() and trashed.read_bytes() == text
    assert f"to the trash: {trashed}" in deleted.out
    assert "attune personas restore sam" in deleted.out
    assert stat.S_IMODE(trash_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(trash_dir().parent.stat().st_mode) == 0o700
    assert "sam" not in json.dumps(json.loads(attune("personas", "list", "--json").out))

    restored = attune("personas", "restore", "sam")
    assert restored.code == 0, restored
    assert f"Restored Sam (sam) to {path}" in restored.out
    assert path.read_bytes() == text and load_answers("sam") == answers
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert list(trash_dir().iterdir()) == []
    rows = {r["id"]: r for r in json.loads(attune("personas", "list", "--json").out)}
    assert rows["sam"]["yours"] is True


def test_personas_delete_twice_keeps_both_copies_and_restore_takes_the_newest(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:
            return cls(2026, 11, 22, 10, 0, 0, tzinfo=UTC)

    # Both deletes in the same microsecond: the stamp alone cannot tell them apart.
    monkeypatch.setattr("simulator.scenario.trash.datetime", Frozen)
    path = _save_sam()
    assert attune("personas", "delete", "sam", "--yes").code == 0
    assert _save_sam() == path
    path.write_text(path.read_text().replace("name: Sam", "name: Second"))
    second = path.read_bytes()
    assert attune("personas", "delete", "sam", "--yes").code == 0
    copies = sorted(trash_dir().glob("sam.*.yaml"))
    assert len(copies) == 2 and second in {p.read_bytes() for p in copies}
    assert attune("personas", "restore", "sam").code == 0
    assert path.read_bytes() == second
    (older,) = trash_dir().glob("sam.*.yaml")
    assert b"name: Sam" in older.read_bytes()


def test_personas_restore_refuses_over_an_existing_card(attune: RunCli) -> None:
    path = _save_sam()
    assert attune("personas", "delete", "sam", "--yes").code == 0
    newer = _save_sam()
    assert newer == path
    kept = path.read_bytes()
    _one_line_error(attune("personas", "restore", "sam"), "already exists", "nothing restored")
    assert path.read_bytes() == kept and len(list(trash_dir().glob("sam.*.yaml"))) == 1
    _one_line_error(attune("personas", "restore", "bad-day"), "shipped persona")
    _one_line_error(attune("personas", "restore", "nobody"), "no deleted card 'nobody'")
    _one_line_error(attune("personas", "restore", "../sam"), "is not a card id")


@POSIX
def test_personas_delete_refuses_a_card_link_leading_outside(
    attune: RunCli, tmp_path: Path
) -> None:
    target = tmp_path / "sam.yaml"
    target.write_text("id: sam\n")
    user_personas_dir().mkdir(parents=True)
    (user_personas_dir() / "sam.yaml").symlink_to(target)
    _one_line_error(attune("personas", "delete", "sam", "--yes"), "leads outside")
    assert target.read_text() == "id: sam\n" and (user_personas_dir() / "sam.yaml").is_symlink()


def test_personas_new_skeleton_id_stays_in_its_folder(attune: RunCli, tmp_path: Path) -> None:
    user_personas_dir().mkdir(parents=True)
    _one_line_error(attune("personas", "new", "../escape"), "is not a card id")
    _one_line_error(attune("personas", "new", "../escape", "--out", str(tmp_path)), "card id")
    assert list(tmp_path.rglob("*escape*")) == []


# --- sessions export: what --out may replace --------------------------------------------------


@pytest.fixture
def session_id(card: PersonaCard) -> str:
    """One saved session in the store the CLI reads."""
    return record(SessionStore.default(), card, CALM[:2])


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """An empty folder for export targets (the attune folder is in tmp_path too)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@POSIX
@pytest.mark.parametrize("dangling", [False, True])
def test_export_force_symlink_untouched(
    attune: RunCli, session_id: str, out_dir: Path, dangling: bool
) -> None:
    target = out_dir / "precious.md"
    if not dangling:
        target.write_text("mine\n")
    link = out_dir / "talk.md"
    link.symlink_to(target)
    result = attune("sessions", "export", session_id, "--out", str(link), "--force")
    _one_line_error(result, str(link), "is a symbolic link", "not replaced")
    assert link.is_symlink() and os.readlink(link) == str(target)
    if dangling:
        assert not target.exists()
    else:
        assert target.read_text() == "mine\n"
    # No temp file left beside the target either.
    assert {p.name for p in out_dir.iterdir()} <= {"talk.md", "precious.md"}


@POSIX
@pytest.mark.parametrize("what", ["a named pipe", "a character device"])
def test_export_force_device_untouched(
    attune: RunCli, session_id: str, out_dir: Path, what: str
) -> None:
    node = out_dir / "talk.md"
    if what == "a named pipe":
        os.mkfifo(node)
    else:
        try:
            # The same device as /dev/null, made here so a regression harms nothing real.
            os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("creating a device node needs CAP_MKNOD")
    before = os.lstat(node)
    result = attune("sessions", "export", session_id, "--out", str(node), "--force")
    _one_line_error(result, f"is {what}", "not replaced")
    after = os.lstat(node)
    assert (after.st_ino, after.st_mode, after.st_rdev) == (
        before.st_ino,
        before.st_mode,
        before.st_rdev,
    )
    assert [p.name for p in out_dir.iterdir()] == ["talk.md"]


def test_export_force_replaces_a_regular_file_atomically_and_privately(
    attune: RunCli, session_id: str, out_dir: Path
) -> None:
    out = out_dir / "talk.md"
    out.write_text("old\n")
    out.chmod(0o644)
    result = attune("sessions", "export", session_id, "--out", str(out), "--force")
    assert result.code == 0, result
    assert out.read_text().startswith("# Practice with Priya")
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out_dir.iterdir()] == ["talk.md"]


@pytest.mark.parametrize("nested", [False, True])
def test_export_out_trailing_slash_writes_inside(
    attune: RunCli, session_id: str, tmp_path: Path, nested: bool
) -> None:
    folder = tmp_path / "new" / "exports" if nested else tmp_path / "exports"
    result = attune("sessions", "export", session_id, "--out", str(folder) + os.sep)
    assert result.code == 0, result
    written = folder / f"{session_id}.md"
    assert written.read_text().startswith("# Practice with Priya")
    assert folder.is_dir() and str(written) in result.err
    if os.name == "posix":
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        for level in (folder, folder.parent) if nested else (folder,):
            assert stat.S_IMODE(level.stat().st_mode) == 0o700
    again = attune("sessions", "export", session_id, "--out", str(folder) + os.sep)
    _one_line_error(again, "already exists")


def test_export_out_trailing_slash_on_a_file_is_one_line(
    attune: RunCli, session_id: str, tmp_path: Path
) -> None:
    plain = tmp_path / "notes"
    plain.write_text("mine\n")
    result = attune("sessions", "export", session_id, "--out", str(plain) + os.sep)
    _one_line_error(result, "is not a folder")
    assert plain.read_text() == "mine\n"


# --- paths that cannot be used: one line, exit 2 ----------------------------------------------


LONG_CASES = [
    "validate",
    "validate-yaml",
    "try-file",
    "personas-folder",
    "env-personas",
    "replay-script",
    "export-out",
    "export-out-folder",
    "new-out",
    "new-out-folder",
    "config",
    "home",
    "home-sessions",
    "eval-cases",
]


def _long_case(tmp_path: Path, case: str) -> tuple[dict[str, str], list[str]]:
    long_path = str(tmp_path / LONG)
    return {
        "validate": ({}, ["personas", "validate", long_path]),
        "validate-yaml": ({}, ["personas", "validate", long_path + ".yaml"]),
        "try-file": ({}, ["personas", "try", long_path + ".yaml"]),
        "personas-folder": ({}, ["personas", "list", "--personas", long_path]),
        "env-personas": ({"ATTUNE_PERSONAS": long_path}, ["personas", "list"]),
        "replay-script": ({}, ["replay", long_path, "--persona", "bad-day"]),
        "export-out": ({}, ["sessions", "export", "SESSION", "--out", long_path]),
        "export-out-folder": ({}, ["sessions", "export", "SESSION", "--out", long_path + "/"]),
        "new-out": ({}, ["personas", "new", "my-card", "--out", long_path]),
        "new-out-folder": ({}, ["personas", "new", "my-card", "--out", long_path + "/"]),
        "config": ({"ATTUNE_CONFIG": long_path}, ["config", "show"]),
        "home": ({"ATTUNE_HOME": long_path}, ["personas", "list"]),
        "home-sessions": ({"ATTUNE_HOME": long_path}, ["sessions", "list"]),
        "eval-cases": ({}, ["eval", "--model", "scripted", "--cases", long_path]),
    }[case]


@pytest.mark.parametrize("case", LONG_CASES)
def test_long_path_name_one_line(
    attune: RunCli,
    session_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    env, args = _long_case(tmp_path, case)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    args = [session_id if a == "SESSION" else a for a in args]
    _one_line_error(attune(*args), "File name too long")


# An unreadable file: root reads anything, so the command runs as `nobody` when we are root.
NOBODY = AS_NOBODY["setpriv"]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder `nobody` may enter (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="attune-unreadable-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def _run_unprivileged(args: list[str], env: dict[str, str], home: Path, locked: Path) -> CliResult:
    base = {k: v for k, v in os.environ.items() if k != "ATTUNE_PERSONAS"}
    full_env = {**base, "ATTUNE_HOME": str(home), "ATTUNE_MODEL": "scripted", **env}
    command = [sys.executable, "-m", "simulator", *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to drop root's power to read any file")
        # The shared probe: `nobody` when it can run this checkout's Python, else root
        # without capabilities (a checkout under a private folder, e.g. `mktemp -d`).
        prefix, reasons = first_that_runs([NOBODY, AS_ROOT_WITHOUT_CAPABILITIES])
        if prefix is None:
            pytest.fail(f"attune cannot run without privileges: {'; '.join(reasons)}")
        # Whoever runs must own the home and not the locked folder: file modes then hold
        # for `nobody` (home handed over) and for capability-less root (locked handed away).
        for folder, _, files in os.walk(home if prefix == NOBODY else locked):
            for name in [folder, *(os.path.join(folder, f) for f in files)]:
                os.chown(name, 65534, 65534)
        command = [*prefix, *command]
    done = subprocess.run(
        command, capture_output=True, text=True, env=full_env, cwd=REPO, check=False, timeout=60
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


UNREADABLE_CASES = {
    "try-file": ({}, ["personas", "try", "{card}"]),
    "show": ({}, ["personas", "show", "bad-day", "--personas", "{cards}"]),
    "replay-script": ({}, ["replay", "{script}", "--persona", "bad-day"]),
    "config": ({"ATTUNE_CONFIG": "{config}"}, ["config", "show"]),
    # The same, one level down: inside a folder `nobody` may not even enter.
    "config-in-locked-folder": ({"ATTUNE_CONFIG": "{locked}/config.toml"}, ["config", "show"]),
    "env-personas-locked": ({"ATTUNE_PERSONAS": "{locked}"}, ["personas", "list"]),
    "home-locked": ({"ATTUNE_HOME": "{locked}/home"}, ["personas", "list"]),
    "sessions-home-locked": ({"ATTUNE_HOME": "{locked}/home"}, ["sessions", "list"]),
    "new-out-locked": ({}, ["personas", "new", "my-card", "--out", "{locked}/my-card.yaml"]),
    "export-out-locked": ({}, ["sessions", "export", "{session}", "--out", "{locked}/talk.md"]),
}


@POSIX
@pytest.mark.parametrize("case", list(UNREADABLE_CASES))
def test_unreadable_card_one_line(shared_dir: Path, card: PersonaCard, case: str) -> None:
    card_file = shared_dir / "cards" / "bad-day.yaml"
    card_file.parent.mkdir(mode=0o755)
    shutil.copy(data_dir("personas") / "bad-day.yaml", card_file)
    script = shared_dir / "script.yaml"
    script.write_text('turns:\n  - "I hear you."\n')
    config = shared_dir / "config.toml"
    config.write_text('[model]\nname = "scripted"\n')
    for path in (card_file, script, config):
        path.chmod(0o000)
    locked = shared_dir / "locked"
    locked.mkdir(mode=0o700)
    shutil.copy(config, locked / "config.toml")
    (locked / "home").mkdir()
    home = shared_dir / "home"
    home.mkdir()
    where = {
        "session": record(SessionStore(home / "sessions.db"), card, CALM[:1]),
        "card": str(card_file),
        "cards": str(card_file.parent),
        "script": str(script),
        "config": str(config),
        "locked": str(locked),
    }
    env, args = UNREADABLE_CASES[case]
    result = _run_unprivileged(
        [a.format(**where) for a in args],
        {k: v.format(**where) for k, v in env.items()},
        home,
        locked,
    )
    assert result.code == 2, result
    assert result.err.startswith("attune: error: ") and result.err.count("\n") == 1, result
    assert "Traceback" not in result.err
    assert "Permission denied" in result.err or "not readable" in result.err, result

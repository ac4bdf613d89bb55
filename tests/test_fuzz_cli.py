"""Fuzz the CLI through its real entry point, in-process, and replay the failures found so far.

Whatever card, replay script, config file, stdin or arguments it gets, `attune` must exit
0 or 2, say exactly one line on stderr when it exits 2, print no terminal control
sequence (ESC, OSC, C1), and change nothing outside its data home and the test's own
folder: a sentinel folder (a file, a symlink to it and a shipped-looking card) and the
shipped personas and eval cases are compared before and after every run.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import math
import os
import re
import resource
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import REPO
from saved_sessions import CALM, MISSTEP, record
from simulator.cli.main import main
from simulator.domain.zones import Zone
from simulator.personas import load_catalog, persona_dirs
from simulator.store import SessionStore

SHIPPED_CARD = "unanswered-text"
EVAL_CASE = "priya-attuned-arc-settles"
# The saved session: a misstep floods the partner (a zone name in the export), then calm.
SAVED_TURNS = (MISSTEP, *CALM)
USER_DIRS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
# ESC (and so every CSI and OSC it starts) and the C1 controls, CSI and OSC among them.
TERMINAL_CONTROL = re.compile("[\x1b\x80-\x9f]")
# Longer than any run here should take (the longest, 10,000 turns, takes about 10 s).
HANG_S = 30
# Reading one small file takes far less: a FIFO that blocks fails fast.
QUICK_S = 5
# Memory a run may take beyond what the test process already has.
MEMORY_HEADROOM = 1024**3
# The one command whose report is several lines on stderr: a problem per line, then the
# summary line. It names the cards it read and says nothing else.
REPORTS_ON_STDERR = ("personas", "validate")

# No shrinking: until every fix has landed some of these fail, and shrinking a failure
# takes minutes; the named cases below are the minimal forms of what was found.
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Sandbox:
    """One run's world: a data home, a work folder (cwd, inputs, outputs) and a sentinel."""

    root: Path
    session_id: str

    @property
    def home(self) -> Path:
        """$HOME; the XDG folders and $ATTUNE_HOME are inside it."""
        return self.root / "home"

    @property
    def attune_home(self) -> Path:
        """$ATTUNE_HOME: sessions.db, config.toml, the learner's own personas."""
        return self.home / "attune"

    @property
    def work(self) -> Path:
        """The current folder, where the inputs are written and outputs may go."""
        return self.root / "work"

    @property
    def sentinel(self) -> Path:
        """Files no run may touch: `victim.txt`, `link.txt` (to it) and `cards/` ($ATTUNE_PERSONAS)."""
        return self.root / "sentinel"

    def environ(self) -> dict[str, str]:
        """HOME, XDG_* and ATTUNE_* all inside the sandbox."""
        env = {
            "HOME": str(self.home),
            "ATTUNE_HOME": str(self.attune_home),
            "ATTUNE_CONFIG": str(self.attune_home / "config.toml"),
            "ATTUNE_PERSONAS": str(self.sentinel / "cards"),
            "ATTUNE_MODEL": "scripted",
        }
        env.update({name: str(self.home / name.lower()) for name in USER_DIRS})
        return env

    def write(self, name: str, data: str | bytes) -> Path:
        """An input file in the work folder."""
        path = self.work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        path.write_bytes(data)
        return path


@dataclass
class Outcome:
    """What one run of `attune` did."""

    argv: list[str]
    code: int
    out: str
    err: str


def _good_card() -> dict[str, Any]:
    catalog = load_catalog(persona_dirs(environ={}, user=False))
    return catalog.get(SHIPPED_CARD).model_dump(mode="json")


GOOD_CARD = _good_card()


@functools.cache
def _template() -> Path:
    """A sandbox with one saved session, copied for every run (the copy is cheap)."""
    root = Path(tempfile.mkdtemp(prefix="attune-fuzz-template-"))
    box = Sandbox(root, "")
    folders = [box.work, box.sentinel / "cards", box.attune_home]
    for folder in folders + [box.home / name.lower() for name in USER_DIRS]:
        folder.mkdir(parents=True)
    (box.sentinel / "victim.txt").write_text("keep me\n", encoding="utf-8")
    (box.sentinel / "link.txt").symlink_to(box.sentinel / "victim.txt")
    shutil.copy(REPO / "personas" / f"{SHIPPED_CARD}.yaml", box.sentinel / "cards")
    catalog = load_catalog(persona_dirs(environ={}, user=False))
    store = SessionStore(box.attune_home / "sessions.db")
    session_id = record(store, catalog.get(SHIPPED_CARD), SAVED_TURNS)
    (root / "session-id").write_text(session_id, encoding="utf-8")
    return root


@pytest.fixture(scope="module", autouse=True)
def _remove_template() -> Iterator[None]:
    yield
    if _template.cache_info().currsize:
        shutil.rmtree(_template())
        _template.cache_clear()


@contextlib.contextmanager
def sandbox() -> Iterator[Sandbox]:
    """A fresh copy of the template, removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="attune-fuzz-"))
    try:
        shutil.copytree(_template(), base / "box", symlinks=True)
        root = base / "box"
        # The sentinel's link points into the template; repoint it at this copy's file.
        link = root / "sentinel" / "link.txt"
        link.unlink()
        link.symlink_to(root / "sentinel" / "victim.txt")
        yield Sandbox(root, (root / "session-id").read_text(encoding="utf-8"))
    finally:
        for path in base.rglob("*"):
            if not path.is_symlink() and path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(base)


def _snapshot(*folders: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under `folders`: kind, modification time, and its content or link target."""
    seen: dict[str, tuple[object, ...]] = {}
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            info = path.lstat()
            if path.is_symlink():
                seen[str(path)] = ("link", info.st_mtime_ns, os.readlink(path))
            elif path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                seen[str(path)] = ("file", info.st_mtime_ns, info.st_mode, digest)
            else:
                seen[str(path)] = ("dir", info.st_mode, sorted(p.name for p in path.iterdir()))
    return seen


SHIPPED = (REPO / "personas", REPO / "evals")


class Hung(BaseException):
    """Raised into a run past its time limit; no `except OSError` or `Exception` hides it."""


def _on_hang(signum: int, frame: FrameType | None) -> None:
    raise Hung("attune ran past the hang limit")


@contextlib.contextmanager
def _hang_guard(seconds: float) -> Iterator[None]:
    """A run that blocks (a FIFO, a slow loop) fails the test instead of stalling the suite."""
    previous = signal.signal(signal.SIGALRM, _on_hang)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _virtual_bytes() -> int | None:
    status = Path("/proc/self/status")
    if not status.exists():
        return None
    found = re.search(r"^VmSize:\s+(\d+) kB", status.read_text(), re.MULTILINE)
    return int(found.group(1)) * 1024 if found else None


@contextlib.contextmanager
def _memory_guard() -> Iterator[None]:
    """A run that reads without end (/dev/zero) gets a MemoryError, not the machine's memory."""
    in_use = _virtual_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if in_use is None:
        yield
        return
    limit = in_use + MEMORY_HEADROOM
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard < 0 else min(limit, hard), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def run(box: Sandbox, argv: Sequence[str], stdin: bytes = b"", hang_s: float = HANG_S) -> Outcome:
    """`attune argv` in-process, with stdin given and stdout/stderr captured as a terminal would.

    The streams are strict UTF-8 as under a UTF-8 locale (stderr backslash-escapes, as
    Python's own does), so text the terminal could not show fails here too.
    """
    out, err = io.BytesIO(), io.BytesIO()
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("ATTUNE_")]:
            patch.delenv(name)
        for name, value in box.environ().items():
            patch.setenv(name, value)
        patch.chdir(box.work)
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
        stderr = io.TextIOWrapper(
            err, encoding="utf-8", errors="backslashreplace", write_through=True
        )
        patch.setattr(sys, "stdout", stdout)
        patch.setattr(sys, "stderr", stderr)
        with _hang_guard(hang_s), _memory_guard():
            code = main(list(argv))
        with contextlib.suppress(ValueError):  # a closed stderr (a broken pipe) stays closed
            stdout.flush()
            stderr.flush()
        printed = [stream.getvalue().decode("utf-8", "replace") for stream in (out, err)]
    return Outcome(list(argv), code, *printed)


def check(outcome: Outcome) -> None:
    """The contract every run keeps, whatever it was given."""
    where = f"attune {outcome.argv!r:.300}: exit {outcome.code}, stderr {outcome.err!r:.600}"
    assert outcome.code in (0, 2), where
    assert not TERMINAL_CONTROL.search(outcome.out), (
        f"{where}: control in stdout {outcome.out!r:.300}"
    )
    assert not TERMINAL_CONTROL.search(outcome.err), where
    if outcome.code == 2:
        lines = outcome.err.splitlines()
        assert outcome.err.endswith("\n") and lines, where
        assert lines[-1].startswith("attune: error: ") and "Traceback" not in outcome.err, where
        if tuple(outcome.argv[:2]) != REPORTS_ON_STDERR:
            assert len(lines) == 1 and outcome.err.count("\n") == 1, where
        else:
            assert sum(line.startswith("attune: error: ") for line in lines) == 1, where


def exercise(
    argv: Callable[[Sandbox], Sequence[str]],
    stdin: bytes = b"",
    inputs: Callable[[Sandbox], object] | None = None,
    after: Callable[[Sandbox, Outcome], object] | None = None,
    hang_s: float = HANG_S,
) -> Outcome:
    """In a fresh sandbox: write the inputs, run attune, check the contract and the sentinels.

    `after` checks more while the sandbox is still there.
    """
    with sandbox() as box:
        if inputs is not None:
            inputs(box)
        args = list(argv(box))
        outside = (box.sentinel, *SHIPPED)
        before = _snapshot(*outside)
        neighbours = sorted(p.name for p in box.root.iterdir())
        outcome = run(box, args, stdin, hang_s)
        check(outcome)
        assert _snapshot(*outside) == before, f"attune {args!r:.300} changed a file outside"
        assert sorted(p.name for p in box.root.iterdir()) == neighbours, args
        if after is not None:
            after(box, outcome)
    return outcome


# ---------------------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------------------

NASTY = [
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m",
    "\x9d0;t\x9c",
    "\x07\x08\r",
    "a\nb",
    "\u202e",
    "\ufeff",
    "\ud83d",
    "\udcff",
    "\ud83d\ude2d",
    "\u0131",  # dotless i: its upper case is a plain I
    "İ",
    "ß",
    "%s{}",
    "../",
    "",
]
# Any code point (lone surrogates too), mixed with known-bad pieces.
text = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(NASTY)), max_size=4).map("".join)
# What can reach argv: no NUL, and surrogates only as undecodable bytes (surrogateescape).
arg_text = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12),
        st.sampled_from([n for n in NASTY if not any("\ud800" <= c <= "\udfff" for c in n)]),
        st.binary(min_size=1, max_size=6).map(lambda b: os.fsdecode(b.replace(b"\x00", b""))),
    ),
    max_size=3,
).map("".join)
big_int = st.one_of(st.integers(), st.integers(-(10**60), 10**60), st.just(10**400))
scalar = st.one_of(st.none(), st.booleans(), big_int, st.floats(), text)
keys = st.one_of(text, st.sampled_from(sorted(GOOD_CARD)))
value = st.recursive(
    scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12,
)
# YAML that PyYAML's dumper would never write: huge numbers, floats past the range, tags.
RAW_YAML = [
    "sensitivity: 1e400",
    "sensitivity: 1.0e+400",
    "sensitivity: .nan",
    "baseline: {arousal: " + "9" * 5000 + "}",
    "baseline: {arousal: -.inf, connection: 1e-400}",
    "opening: !!python/object/apply:os.system ['true']",
    "lines: &a [*a]",
    "id: [[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]",
    "? [a, b]\n: c",
    "\ufeffid: bom",
    "%YAML 1.1\n---",
    "--- a\n--- b",
]


@st.composite
def card_text(draw: st.DrawFn) -> str:
    """A persona card: the shipped one with fields replaced, keys added, or anything at all."""
    card: Any = dict(GOOD_CARD)
    how = draw(st.sampled_from(["field", "nested", "keys", "anything"]))
    if how == "field":
        card[draw(st.sampled_from(sorted(card)))] = draw(value)
    elif how == "nested":
        name = draw(st.sampled_from([k for k, v in card.items() if isinstance(v, dict)]))
        inner = dict(card[name])
        inner[draw(st.one_of(st.sampled_from(sorted(inner)), text))] = draw(value)
        card[name] = inner
    elif how == "keys":
        card.update(draw(st.dictionaries(text, value, max_size=6)))
    else:
        card = draw(value)
    dumped = yaml.safe_dump(card, allow_unicode=draw(st.booleans()))
    extra = draw(st.lists(st.sampled_from(RAW_YAML), max_size=2))
    return "\n".join([dumped, *extra])


@st.composite
def script_text(draw: st.DrawFn) -> str:
    """A replay script: turns of any text, odd shapes, extra keys."""
    script: Any = {"turns": draw(st.lists(text, max_size=6))}
    how = draw(st.sampled_from(["turns", "persona", "keys", "anything"]))
    if how == "persona":
        script["persona"] = draw(st.one_of(st.just(SHIPPED_CARD), text, value))
    elif how == "keys":
        script.update(draw(st.dictionaries(text, value, max_size=4)))
    elif how == "anything":
        script = draw(st.one_of(value, st.fixed_dictionaries({"turns": value})))
    return yaml.safe_dump(script, allow_unicode=draw(st.booleans()))


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def _toml_value(item: object) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, float) and math.isnan(item):
        return "nan"
    if isinstance(item, float) and math.isinf(item):
        return "inf" if item > 0 else "-inf"
    if isinstance(item, int | float):
        return repr(item)
    if isinstance(item, list):
        return "[" + ", ".join(_toml_value(i) for i in item) + "]"
    if isinstance(item, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in item.items()) + "}"
    return json.dumps(str(item))  # \uXXXX escapes, a lone surrogate among them (invalid TOML)


SETTINGS = {
    "model": ["name", "api_base", "timeout_s", "num_retries", "temperature", "max_tokens", "judge"],
    "local": [
        "threads",
        "threads_batch",
        "poll",
        "temperature",
        "chat_template",
        "context",
        "parallel",
        "prompt_cache_mib",
        "model_path",
    ],
    "safety": ["resources"],
    # Not openai_base: `attune models` asks that server, and a test reaches no other host.
    "servers": ["probe_timeout_s"],
}
toml_scalar = st.one_of(st.booleans(), big_int, st.floats(), text)
toml_value = st.recursive(
    toml_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(text, inner, max_size=3)),
    max_leaves=8,
)
RAW_TOML = [
    "a = " + "[" * 3000 + "]" * 3000,
    "[model]\ntimeout_s = 1e400",
    "[model]\nnum_retries = " + "9" * 5000,
    '[safety]\nresources = "\\u001b]0;pwned\\u0007"',
    "[[model]]",
    'key = "unterminated',
    "\x00",
]


@st.composite
def config_text(draw: st.DrawFn) -> str:
    """A config.toml: the real sections and keys with any values, unknown ones, raw junk."""
    lines = []
    for section in draw(st.lists(st.one_of(st.sampled_from(sorted(SETTINGS)), text), max_size=3)):
        lines.append(f"[{_toml_key(section)}]")
        known = SETTINGS.get(section, [])
        for key in draw(st.lists(st.one_of(st.sampled_from(known or ["x"]), text), max_size=4)):
            lines.append(f"{_toml_key(key)} = {_toml_value(draw(toml_value))}")
    lines += draw(st.lists(st.sampled_from(RAW_TOML), max_size=1))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# Fuzz tests
# ---------------------------------------------------------------------------------------


def card_argv(command: str, box: Sandbox, card: Path) -> list[str]:
    """A command that reads the card: by its path, or in its folder with --personas."""
    folder = ["--personas", str(card.parent)]
    if command == "validate":
        return ["personas", "validate", str(card)]
    if command == "replay":
        script = box.write("s.yaml", '{"turns": ["I hear you."]}')
        return ["replay", str(script), "--persona", SHIPPED_CARD, *folder]
    return ["personas", command, *([SHIPPED_CARD, "--json"] if command == "show" else []), *folder]


@settings(FUZZ, max_examples=20)
@given(
    card_text(),
    st.sampled_from([f"{SHIPPED_CARD}.yaml", "mine.yaml", "mine.yml"]),
    # `validate` reads one file; the others load the whole catalog, ten times slower.
    st.sampled_from(["validate", "validate", "validate", "list", "show", "replay"]),
)
def test_any_card(card: str, name: str, command: str) -> None:
    exercise(lambda box: card_argv(command, box, box.write(f"cards/{name}", card)))


@FUZZ
@given(
    script_text(),
    st.sampled_from(
        [[], ["--json"], ["--persona", SHIPPED_CARD], ["--persona", "quiet-withdraw", "--json"]]
    ),
)
def test_any_replay_script(script: str, options: list[str]) -> None:
    exercise(lambda box: ["replay", str(box.write("script.yaml", script)), *options])


@FUZZ
@given(
    config_text(),
    st.sampled_from(
        [
            ["config", "show"],
            ["config", "path"],
            ["sessions", "list"],
            ["classify", "I hear you."],
            ["models", "--json"],
        ]
    ),
)
def test_any_config_file(config: str, argv: list[str]) -> None:
    def inputs(box: Sandbox) -> None:
        (box.attune_home / "config.toml").write_bytes(config.encode("utf-8", "surrogatepass"))

    exercise(lambda box: argv, inputs=inputs)


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=300),
        text.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(text, max_size=5).map(lambda ts: "\n".join(ts).encode("utf-8", "surrogatepass")),
    ),
    st.sampled_from([[], ["--json"], ["--mode", "ask"], ["--mode", "ask", "--json"]]),
)
def test_any_stdin_to_classify(stdin: bytes, options: list[str]) -> None:
    exercise(lambda box: ["classify", "-", *options], stdin=stdin)


@dataclass(frozen=True)
class SessionsCall:
    """`attune sessions KIND ID ...`, with `full`/`prefix` standing for the saved session's id."""

    kind: str
    ref: str
    tail: tuple[str, ...]

    def __call__(self, box: Sandbox) -> list[str]:
        (box.work / "link-to-victim.txt").symlink_to(box.sentinel / "victim.txt")
        ref = {"full": box.session_id, "prefix": box.session_id[:10]}.get(self.ref, self.ref)
        return ["sessions", self.kind, ref, *self.tail]


@st.composite
def sessions_call(draw: st.DrawFn) -> SessionsCall:
    """`sessions show|export|annotate|notes|labels` with any id, turn, note, correction, file
    or name."""
    ref = draw(st.one_of(st.sampled_from(["full", "prefix"]), arg_text))
    kind = draw(st.sampled_from(["show", "export", "annotate", "notes", "labels"]))
    if kind == "show":
        tail = draw(st.sampled_from([[], ["--json"]]))
    elif kind == "export":
        flags = ["--format=md", "--format=html", "--format=json", "--redact", "--force"]
        tail = draw(st.lists(st.sampled_from(flags), max_size=3))
        tail += [
            x for name in draw(st.lists(arg_text, max_size=2)) for x in ("--redact-name", name)
        ]
        outs = [
            "out.md",
            "newdir/",
            "newdir/x.html",
            "link-to-victim.txt",
        ]
        out = draw(st.one_of(st.none(), arg_text, st.sampled_from(outs)))
        tail += [] if out is None else ["--out", out]
    elif kind == "annotate":
        tail = [draw(st.one_of(st.integers(-3, 10).map(str), arg_text))]
        moves = st.one_of(
            st.sampled_from(["minimize", "validate", "reflect", "name_need"]), arg_text
        )
        for flag in draw(st.lists(st.sampled_from(["--wrong", "--missed", "--undo"]), max_size=3)):
            move = draw(moves)
            words = draw(st.one_of(st.none(), arg_text))
            tail += [flag, move if words is None or flag != "--missed" else f"{move}:{words}"]
        tail += draw(st.lists(arg_text, max_size=1 if len(tail) > 1 else 2, min_size=0))
    elif kind == "labels":
        outs = ["out.jsonl", "newdir/", "link-to-victim.txt", "/dev/null"]
        out = draw(st.one_of(st.none(), arg_text, st.sampled_from(outs)))
        tail = draw(st.lists(st.sampled_from(["--force"]), max_size=1))
        tail += [] if out is None else ["--out", out]
    else:
        tail = draw(st.sampled_from([[], ["--json"]]))
        tail += ["--delete", draw(st.one_of(big_int.map(str), arg_text))]
    return SessionsCall(kind, ref, tuple(tail))


# The widest surface (five commands, ids, turns, notes, corrections, files, names): more
# examples.
@settings(FUZZ, max_examples=40)
@given(sessions_call())
def test_any_sessions_arguments(call: SessionsCall) -> None:
    exercise(call)


@settings(FUZZ, max_examples=15)
@given(
    st.sampled_from(["delete", "validate"]),
    st.one_of(
        arg_text,
        st.sampled_from(
            # The learner's folder is home/attune/personas: the third reaches the sentinel.
            [SHIPPED_CARD, "../victim", f"../../../sentinel/cards/{SHIPPED_CARD}", "/dev/null", "."]
        ),
    ),
    st.booleans(),
)
def test_any_personas_arguments(command: str, target: str, yes: bool) -> None:
    exercise(
        lambda box: [
            "personas",
            command,
            target,
            *(["--yes"] if yes and command == "delete" else []),
        ]
    )


@settings(FUZZ, max_examples=6)
@given(
    st.one_of(st.floats(), arg_text, st.sampled_from(["nan", "inf", "-0", "1e400", "0x1", "1_0"]))
)
def test_any_eval_min_pass(min_pass: float | str) -> None:
    outcome = exercise(
        lambda box: [
            "eval",
            "--model",
            "scripted",
            "--case",
            EVAL_CASE,
            "--min-pass",
            str(min_pass),
            "--out",
            "evals",
        ]
    )
    try:
        number = float(min_pass)
    except ValueError:
        return
    # The case passes, so any rate from 0 to 1 is met; anything else is refused.
    assert outcome.code == (0 if 0 <= number <= 1 else 2), outcome


# ---------------------------------------------------------------------------------------
# Seed corpus: the failures found earlier, one named case each
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One input that once broke attune, and what must hold now."""

    argv: Callable[[Sandbox], Sequence[str]]
    inputs: Callable[[Sandbox], object] | None = None
    stdin: bytes = b""
    code: int | None = None
    """The exit code, when only one is right (else 0 or 2)."""
    after: Callable[[Sandbox, Outcome], object] | None = None
    hang_s: float = HANG_S
    """How long the run may take before it counts as hung."""


def _card(**changes: object) -> str:
    return yaml.safe_dump({**GOOD_CARD, **changes})


def _victim_in_home(box: Sandbox) -> None:
    (box.attune_home / "personas").mkdir(exist_ok=True)
    shutil.copy(REPO / "personas" / f"{SHIPPED_CARD}.yaml", box.attune_home / "victim.yaml")


def _victim_kept(box: Sandbox, outcome: Outcome) -> None:
    assert (box.attune_home / "victim.yaml").is_file(), "a card outside the personas folder went"


def _fifo(box: Sandbox) -> None:
    (box.work / "cards").mkdir()
    os.mkfifo(box.work / "cards" / "fifo.yaml")


def _zero(box: Sandbox) -> None:
    (box.work / "cards").mkdir()
    (box.work / "cards" / "zero.yaml").symlink_to("/dev/zero")


def _unreadable(box: Sandbox) -> None:
    box.write("cards/locked.yaml", _card()).chmod(0)


def _export_intact(box: Sandbox, outcome: Outcome) -> None:
    """A redacted JSON export keeps its structure; only names in the text change."""
    if outcome.code != 0:
        return
    data = json.loads(outcome.out)
    datetime.fromisoformat(data["started_at"])
    assert data["persona"]["start_zone"] in set(Zone)
    assert [t["user"] for t in data["turns"]] == list(SAVED_TURNS), "no such name in the text"
    assert data["turns"][0]["zone"] == Zone.FLOODED
    for turn in data["turns"]:
        assert turn["zone"] in set(Zone) and turn["guard"] == "pass", turn


def _export(*options: str) -> Callable[[Sandbox], list[str]]:
    return lambda box: ["sessions", "export", box.session_id, *options]


INVALID_UTF8 = os.fsdecode(b"\xff\xfe\xc3(")
REGRESSIONS = [
    pytest.param(
        Case(
            lambda box: ["personas", "delete", "../victim", "--yes"],
            _victim_in_home,
            code=2,
            after=_victim_kept,
        ),
        id="personas-delete-parent-path",
    ),
    pytest.param(
        Case(lambda box: ["personas", "delete", SHIPPED_CARD, "--yes"], code=2),
        id="personas-delete-shipped-id",
    ),
    pytest.param(
        Case(lambda box: ["personas", "delete", "angry-critic", "--yes"], code=2),
        id="personas-delete-shipped-id-not-overridden",
    ),
    pytest.param(
        Case(
            _export("--force", "--out", "out.html"),
            lambda box: (box.work / "out.html").symlink_to(box.sentinel / "victim.txt"),
        ),
        id="sessions-export-force-out-symlink",
    ),
    pytest.param(Case(_export("--out", "newdir/")), id="sessions-export-out-new-folder"),
    pytest.param(
        Case(
            lambda box: ["personas", "validate", "cards/deep.yaml"],
            lambda box: box.write("cards/deep.yaml", "id: " + "[" * 20000 + "]" * 20000),
            code=2,
        ),
        id="card-deeply-nested-yaml",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "validate", "cards/big.yaml"],
            lambda box: box.write(
                "cards/big.yaml", _card().replace("arousal: 70.0", "arousal: " + "7" * 5000)
            ),
            code=2,
        ),
        id="card-5000-digit-integer",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "list", "--personas", "cards"],
            lambda box: box.write(
                "cards/big.yaml", _card(id="big") + "sensitivity: 1" + "0" * 5000
            ),
            code=2,
        ),
        id="card-5000-digit-integer-in-a-folder",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "validate", "cards/inf.yaml"],
            lambda box: box.write("cards/inf.yaml", _card() + "sensitivity: 1e400\n"),
            code=2,
        ),
        id="card-1e400",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "validate", "cards/inf.yaml"],
            lambda box: box.write("cards/inf.yaml", _card() + "sensitivity: 1.0e+400\n"),
            code=2,
        ),
        id="card-1.0e+400-float",
    ),
    pytest.param(
        Case(
            lambda box: ["config", "show"],
            lambda box: (box.attune_home / "config.toml").write_text(
                "a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
            ),
            code=2,
        ),
        id="config-deeply-nested-toml",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "validate", "cards/zero.yaml"], _zero, code=2, hang_s=QUICK_S
        ),
        id="card-symlink-to-dev-zero",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "validate", "cards/fifo.yaml"], _fifo, code=2, hang_s=QUICK_S
        ),
        id="card-fifo",
    ),
    pytest.param(
        Case(lambda box: ["personas", "list", "--personas", "cards"], _fifo, hang_s=QUICK_S),
        id="card-fifo-in-a-folder",
    ),
    pytest.param(
        Case(lambda box: ["classify", "-"], stdin=b"I hear you. " * 1_000_000),
        id="classify-huge-stdin-line",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "validate", "cards/keys.yaml"],
            lambda box: box.write("cards/keys.yaml", _card(**{f"k{i}": i for i in range(2000)})),
            code=2,
        ),
        id="card-2000-unknown-keys",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "list", "--personas", "cards"],
            lambda box: box.write("cards/keys.yaml", _card(**{f"k{i}": i for i in range(2000)})),
            code=2,
        ),
        id="card-2000-unknown-keys-in-a-folder",
    ),
    pytest.param(
        Case(
            lambda box: ["replay", "long.yaml", "--persona", SHIPPED_CARD],
            lambda box: box.write("long.yaml", json.dumps({"turns": ["I hear you."] * 10_000})),
        ),
        id="replay-10000-turns",
    ),
    pytest.param(
        Case(
            lambda box: ["replay", "s.yaml", "--persona", SHIPPED_CARD, "--json"],
            lambda box: box.write("s.yaml", '{"turns": ["\\ud83d\\ude2d I hear you."]}'),
            code=0,
        ),
        id="replay-escaped-surrogate-pair",
    ),
    pytest.param(
        Case(
            lambda box: ["replay", "s.yaml", "--persona", SHIPPED_CARD],
            lambda box: box.write("s.yaml", '{"turns": ["\\ud83d I hear you."]}'),
            code=0,
        ),
        id="replay-lone-surrogate",
    ),
    pytest.param(
        Case(lambda box: ["sessions", "show", INVALID_UTF8], code=2),
        id="sessions-show-invalid-utf8-id",
    ),
    pytest.param(
        Case(lambda box: ["sessions", "export", INVALID_UTF8], code=2),
        id="sessions-export-invalid-utf8-id",
    ),
    pytest.param(
        Case(lambda box: ["sessions", "annotate", INVALID_UTF8, "1", "x"], code=2),
        id="sessions-annotate-invalid-utf8-id",
    ),
    pytest.param(
        Case(lambda box: ["sessions", "annotate", box.session_id, "1", INVALID_UTF8]),
        id="sessions-annotate-invalid-utf8-note",
    ),
    pytest.param(
        Case(lambda box: ["personas", "validate", "c" * 300 + ".yaml"], code=2),
        id="card-300-char-file-name",
    ),
    pytest.param(Case(_export("--out", "o" * 300 + ".md"), code=2), id="export-300-char-file-name"),
    pytest.param(
        Case(lambda box: ["personas", "validate", "cards/locked.yaml"], _unreadable),
        id="card-unreadable-file",
    ),
    pytest.param(
        Case(
            lambda box: ["replay", "folder.yaml"],
            lambda box: (box.work / "folder.yaml").mkdir(),
            code=2,
        ),
        id="replay-script-is-a-folder",
    ),
    pytest.param(
        Case(
            lambda box: [
                "sessions",
                "notes",
                box.session_id,
                "--delete",
                "99999999999999999999999",
            ],
            code=2,
        ),
        id="notes-delete-huge-number",
    ),
    pytest.param(
        Case(_export("--format", "json", "--redact-name", "flooded"), after=_export_intact),
        id="redact-name-a-zone",
    ),
    pytest.param(
        Case(_export("--format", "json", "--redact-name", "12"), after=_export_intact),
        id="redact-name-digits",
    ),
    pytest.param(
        Case(_export("--format", "json", "--redact-name", "\u0131"), after=_export_intact),
        id="redact-name-dotless-i",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "validate", "cards"],
            lambda box: box.write("cards/\x1b[31mred\x1b]0;pwned\x07.yaml", "id: [oops"),
            code=2,
        ),
        id="card-named-with-escape-sequence",
    ),
    pytest.param(
        Case(
            lambda box: ["personas", "list", "--personas", "cards"],
            lambda box: box.write("cards/\x1b[31mred\x1b]0;pwned\x07.yaml", "id: [oops"),
            code=2,
        ),
        id="card-named-with-escape-sequence-in-a-folder",
    ),
    pytest.param(
        Case(lambda box: ["sessions", "show", "two\nlines"], code=2), id="newline-in-session-id"
    ),
    pytest.param(
        Case(lambda box: ["personas", "delete", "two\nlines", "--yes"], code=2),
        id="newline-in-persona-id",
    ),
    pytest.param(
        Case(lambda box: ["sessions", "annotate", box.session_id, "1", "two\nlines"], code=0),
        id="newline-in-a-note",
    ),
    pytest.param(
        Case(
            lambda box: ["eval", "--model", "scripted", "--case", EVAL_CASE, "--min-pass", "nan"],
            code=2,
        ),
        id="eval-min-pass-nan",
    ),
]


@pytest.mark.parametrize("case", REGRESSIONS)
def test_a_known_bad_input(case: Case) -> None:
    outcome = exercise(case.argv, case.stdin, case.inputs, case.after, case.hang_s)
    if case.code is not None:
        assert outcome.code == case.code, outcome


def test_the_checks_see_a_write_outside_the_data_home() -> None:
    """The sentinel check can fail: a file the learner names outside is overwritten on request."""
    with pytest.raises(AssertionError, match="changed a file outside"):
        exercise(_export("--force", "--out", "../sentinel/victim.txt"))

"""The limits: one module names them, and the safe reader and parsers enforce them."""

from __future__ import annotations

import ast
import io
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.support import limits
from simulator.support.errors import AttuneError
from simulator.support.limits import (
    MAX_DATA_NODES,
    MAX_FILE_BYTES,
    MAX_LINE_BYTES,
    MAX_MAPPING_KEYS,
    MAX_NESTING_DEPTH,
    MAX_NUMBER_DIGITS,
)
from simulator.support.safe_parse import parse_json, parse_toml, parse_yaml
from simulator.support.safe_read import read_line, read_stdin, read_text, stdin_lines
from simulator.turns import learner_input

REPO = Path(__file__).resolve().parent.parent


def finishes(call: Callable[[], object]) -> object:
    """Run `call` in a thread; fail (instead of hanging the suite) if it blocks."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # handed back to the test below
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "blocked: the reader waited on a pipe or an endless stream"
    return outcome[0]


class _Endless(io.RawIOBase):
    """A stream that never ends, like /dev/zero or `yes`."""

    def __init__(self, pattern: bytes = b"\0") -> None:
        self.pattern = pattern
        self.offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        repeats = (self.offset + size) // len(self.pattern) + 1
        buffer[:] = (self.pattern * repeats)[self.offset : self.offset + size]
        self.offset = (self.offset + size) % len(self.pattern)
        return size


def endless_stdin(pattern: bytes = b"\0") -> io.TextIOWrapper:
    """A stdin with bytes underneath that repeats `pattern` and never reaches its end."""
    return io.TextIOWrapper(io.BufferedReader(_Endless(pattern)), encoding="utf-8")


# --- the limits module ---------------------------------------------------------------


def test_every_limit_is_named_once_with_a_docstring_saying_why() -> None:
    tree = ast.parse((REPO / "simulator" / "support" / "limits.py").read_text(encoding="utf-8"))
    body = tree.body
    named = []
    for i, node in enumerate(body):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name == "__all__":
                continue
            named.append(name)
            after = body[i + 1] if i + 1 < len(body) else None
            assert isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant), name
            assert len(str(after.value.value)) > 40, name
    assert set(named) == set(limits.__all__)
    # The learner input checks messages against this limit, not a second copy.
    assert limits.MAX_MESSAGE_CHARS is learner_input.MAX_MESSAGE_CHARS
    for path in (REPO / "simulator").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in limits.__all__:
            if f"\n{name} = " in text:
                assert path.name == "limits.py", f"{name} is defined again in {path}"


# --- reading ---------------------------------------------------------------------------


def test_a_file_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    with pytest.raises(AttuneError, match="more than the 1,048,576 bytes allowed"):
        read_text(path)
    path.write_bytes(b"a" * MAX_FILE_BYTES)
    assert len(read_text(path)) == MAX_FILE_BYTES


def test_a_symlink_to_dev_zero_is_refused_not_read(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    link = tmp_path / "card.yaml"
    link.symlink_to("/dev/zero")
    result = finishes(lambda: read_text(link))
    assert isinstance(result, AttuneError)
    assert str(result) == f"{link}: is a device, expected a regular file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "script.yaml"
    os.mkfifo(fifo)
    result = finishes(lambda: read_text(fifo))
    assert isinstance(result, AttuneError)
    assert str(result) == f"{fifo}: is a pipe (FIFO), expected a regular file"


def test_a_folder_and_a_missing_file_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(AttuneError, match="is a folder, expected a file"):
        read_text(tmp_path)
    with pytest.raises(AttuneError, match="no such file"):
        read_text(tmp_path / "nope.yaml")


def test_huge_stdin_is_refused_after_reading_only_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", endless_stdin())
    result = finishes(read_stdin)
    assert isinstance(result, AttuneError)
    assert str(result) == "<stdin>: more than the 1,048,576 bytes allowed"


def test_an_endless_line_on_stdin_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", endless_stdin(b"a"))
    result = finishes(read_line)
    assert isinstance(result, AttuneError)
    assert f"a line longer than the {MAX_LINE_BYTES:,} bytes allowed" in str(result)


def test_stdin_lines_stop_at_the_total_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", endless_stdin(b"\n"))
    with pytest.raises(
        AttuneError, match=r"more than the 100 bytes allowed at once \(at line 101\)"
    ):
        list(stdin_lines(max_total=100))


def test_stdin_lines_name_the_line_that_is_not_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO(b"fine\n\xff\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    lines = stdin_lines()
    assert next(lines) == "fine"
    with pytest.raises(AttuneError, match=r"^<stdin> line 2: not valid UTF-8 \(byte 0\)$"):
        next(lines)


# --- parsing ---------------------------------------------------------------------------


def _yaml_problem(text: str) -> str:
    with pytest.raises(AttuneError) as caught:
        parse_yaml("f.yaml", text)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("f.yaml: ")
    return message


@pytest.mark.parametrize(
    "text",
    [
        "turns: " + "[" * 5000 + "]" * 5000,
        "a: " + "{b: " * 5000 + "1" + "}" * 5000,
        "".join("  " * i + "a:\n" for i in range(MAX_NESTING_DEPTH + 2)),
        "".join("  " * i + "-\n" for i in range(3000)),
    ],
)
def test_deeply_nested_yaml_is_one_line(text: str) -> None:
    assert f"nested more than {MAX_NESTING_DEPTH} levels deep" in _yaml_problem(text)


def test_nesting_up_to_the_limit_is_read() -> None:
    depth = MAX_NESTING_DEPTH
    data = parse_yaml("f.yaml", "[" * depth + "1" + "]" * depth)
    for _ in range(depth):
        assert isinstance(data, list)
        data = data[0]
    assert data == 1


def test_aliases_that_multiply_are_refused() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for name, previous in zip("bcdef", "abcde", strict=True):
        laughs += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    assert f"more than {MAX_DATA_NODES:,} values" in _yaml_problem(laughs)


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    assert "the alias *a refers to a list or mapping it is inside" in _yaml_problem("a: &a [1, *a]")


def test_aliases_cannot_stack_nesting_past_the_limit() -> None:
    half = MAX_NESTING_DEPTH // 2 + 1
    text = f"a: &a {'[' * half}1{']' * half}\nb: {'[' * half}*a{']' * half}\n"
    assert "nested more than" in _yaml_problem(text)


def test_a_mapping_with_too_many_keys_is_refused() -> None:
    text = "".join(f"k{i}: 1\n" for i in range(MAX_MAPPING_KEYS + 1))
    assert f"a mapping with more than {MAX_MAPPING_KEYS:,} keys" in _yaml_problem(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: " + "1" * 5000, "line 1, column 4: the number '11111111111111111111...' is too large"),
        ("a: 1" + "0" * 400, "line 1, column 4: the number"),
        ("a: [1, 1" + "0" * 30 + "]", "a[2]: the number '10000000000000000000...' is too large"),
        ("a: 0x" + "f" * 30, "a: the number"),
        ("a: .inf", "a: found an infinite number"),
        ("a: 1.0e+400", "a: found an infinite number"),
        ("a: .nan", "a: found nan; numbers must be finite"),
        ("a: !!float abc", "line 1, column 4: 'abc' is not a number"),
    ],
)
def test_numbers_too_long_too_large_or_not_finite_are_refused(text: str, expected: str) -> None:
    assert expected in _yaml_problem(text)


def test_numbers_within_the_limit_are_read() -> None:
    biggest = 10**MAX_NUMBER_DIGITS - 1
    assert parse_yaml("f.yaml", f"a: {biggest}\nb: -2.5e+10") == {"a": biggest, "b": -2.5e10}


def test_a_date_that_is_no_date_stays_text() -> None:
    assert parse_yaml("f.yaml", "a: 2026-13-45\nb: 2026-01-02") == {
        "a": "2026-13-45",
        "b": "2026-01-02",
    }


def test_json_escaped_emoji_and_lone_surrogates_are_scrubbed() -> None:
    text = json.dumps({"turns": ["\U0001f62d cry", "half \ud83d"], "\udc00key": "x"})
    assert "\\ud83d\\ude2d" in text  # as json.dumps writes an emoji
    assert parse_yaml("f.yaml", text) == {
        "turns": ["\U0001f62d cry", "half \ufffd"],
        "\ufffdkey": "x",
    }
    assert parse_json("f.json", text) == parse_yaml("f.yaml", text)


def test_yaml_syntax_errors_keep_their_hints() -> None:
    assert _yaml_problem('a: "abc\nb: 2').endswith("a quote or bracket is opened and never closed")
    assert _yaml_problem("a:\n\tb: 1").endswith("indent with spaces, not tabs")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 100_000, "nested more than 32 levels deep"),
        ('{"a": NaN}', "a: found nan; numbers must be finite"),
        ('{"a": [1e400]}', "a[1]: found an infinite number"),
        ('{"a": ' + "1" * 5000 + "}", "the number '11111111111111111111...' is too large"),
        ('{"a": }', "invalid JSON at line 1, column 7"),
    ],
)
def test_bad_json_is_one_line(text: str, expected: str) -> None:
    with pytest.raises(AttuneError) as caught:
        parse_json("f.json", text)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = " + "[" * 100_000, "nested more than 32 levels deep"),
        ("a = " + "1" * 5000, "a number is too large"),
        ("a = nan", "a: found nan; numbers must be finite"),
        ("[model]\nx = 1" + "0" * 30, "model.x: the number"),
        ("a." * (MAX_NESTING_DEPTH + 2) + "b = 1", "nested more than 32 levels deep"),
    ],
)
def test_bad_toml_is_one_line(text: str, expected: str) -> None:
    with pytest.raises(AttuneError) as caught:
        parse_toml("c.toml", text)
    assert expected in str(caught.value) and "\n" not in str(caught.value)

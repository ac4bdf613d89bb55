"""`attune personas validate` on a card with many mistakes: every problem, explained, with its line."""

from __future__ import annotations

from pathlib import Path

from conftest import RunCli
from simulator.personas import Catalog

# Each edit to the shipped card, and the words its problem line must carry.
EDITS: list[tuple[str, str, list[str]]] = [
    ('  emotion: "fear"', '  emotion: "anger"', ["underneath.emotion: 'anger' is not allowed", "hurt, fear, shame"]),
    ('style: "pursue"', 'style: "pursues"\ncolour: "red"', ["style: 'pursues' is not allowed; did you mean 'pursue'?"]),
    ("  arousal: 70", "  arousal: 170", ["baseline.arousal: found 170, above the maximum 100 (allowed: 0 to 100)"]),
    ("sensitivity: 1.1", "sensitivity: 0.1", ["sensitivity: found 0.1, below the minimum 0.5 (allowed: 0.5 to 2)"]),
    ('  - move: "validate"', '  - move: "validat"', ["soothes[1].move: unknown move 'validat'; did you mean 'validate'?", "see 'attune moves'"]),
    ('  - move: "minimize"', '  - move: "reflect"', ["triggers[2].move: 'reflect' is an attuned move, so it belongs under soothes"]),
    ("  flooded:", "  furious:", ["lines: unknown zone 'furious'; zones are flooded, escalated", "lines.flooded: required field is missing; every zone needs at least one line"]),
]  # fmt: skip


def _broken(tmp_path: Path, catalog: Catalog) -> tuple[Path, str]:
    text = catalog.sources["unanswered-text"].read_text(encoding="utf-8")
    for old, new, _ in EDITS:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "unanswered-text.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_of(text: str, snippet: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if snippet in line)


def test_every_problem_is_explained_with_its_line(
    tmp_path: Path, catalog: Catalog, attune: RunCli
) -> None:
    path, text = _broken(tmp_path, catalog)
    result = attune("personas", "validate", str(path))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    problems = [line for line in lines if line.startswith(f"{path}: ")]
    for _, _, wanted in EDITS:
        for words in wanted:
            assert any(words in p for p in problems), (words, problems)
    # The unknown field, with what a card may have instead.
    assert any("colour: unknown field; a card has id, name, mode" in p for p in problems)
    # Every problem is on one line, in file order, and names its line in the YAML.
    assert len(problems) == 9
    numbers = [int(p.rsplit("(line ", 1)[1].rstrip(")")) for p in problems]
    assert numbers == sorted(numbers)
    arousal = next(p for p in problems if p.startswith(f"{path}: baseline.arousal"))
    assert arousal.endswith(f"(line {_line_of(text, 'arousal: 170')})")
    reflect = next(p for p in problems if "triggers[2]" in p)
    after_triggers = text[text.index("triggers:") :]
    reflect_line = _line_of(text, "triggers:") + _line_of(after_triggers, 'move: "reflect"') - 1
    assert reflect.endswith(f"(line {reflect_line})")
    assert lines[-1] == "attune: error: 1 of 1 card(s) invalid"
    assert "Traceback" not in result.err


def test_a_yaml_error_points_at_where_it_starts(tmp_path: Path, attune: RunCli) -> None:
    path = tmp_path / "half.yaml"
    path.write_text('id: half\nname: "Sam\nsummary: ok\n', encoding="utf-8")
    result = attune("personas", "validate", str(path))
    assert result.code == 2
    assert (
        f"{path}: invalid YAML at line 2, column 7: while scanning a quoted scalar, "
        "found unexpected end of stream (line 4); a quote or bracket is opened and never closed"
    ) in result.err


def test_a_tab_gets_a_hint(tmp_path: Path, attune: RunCli) -> None:
    path = tmp_path / "tabs.yaml"
    path.write_text("id: tabs\nbaseline:\n\tarousal: 50\n", encoding="utf-8")
    result = attune("personas", "validate", str(path))
    assert "invalid YAML at line 3" in result.err
    assert "indent with spaces, not tabs" in result.err


def test_a_wrong_id_says_how_to_fix_it(tmp_path: Path, catalog: Catalog, attune: RunCli) -> None:
    text = catalog.sources["bad-day"].read_text(encoding="utf-8")
    path = tmp_path / "my-card.yaml"
    path.write_text(text.replace('id: "bad-day"', 'id: "My Card"'), encoding="utf-8")
    result = attune("personas", "validate", str(path))
    assert "id: found 'My Card'; use lowercase letters, digits and single hyphens" in result.err
    assert "rename the file to 'My Card.yaml' or change the id" in result.err


def test_a_field_written_twice_is_named_at_the_repeat(
    tmp_path: Path, catalog: Catalog, attune: RunCli
) -> None:
    text = catalog.sources["bad-day"].read_text(encoding="utf-8")
    text = text.replace("sensitivity:", 'style: "withdraw"\nsensitivity:', 1)
    path = tmp_path / "bad-day.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines, 1) if line.startswith("style:"))
    repeat = next(i for i, line in enumerate(lines, 1) if line == 'style: "withdraw"')
    result = attune("personas", "validate", str(path))
    assert result.code == 2
    assert (
        f"{path}: style: written twice (first on line {first}); only the last one counts, "
        f"so merge them into one (line {repeat})"
    ) in result.err

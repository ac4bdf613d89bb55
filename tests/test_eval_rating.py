"""Blind rating packs: `attune eval --rate-pack DIR` and `attune eval --rate-score DIR`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import RunCli

CASE = ["--model", "scripted", "--case", "priya-busy-not-a-big-deal"]


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pack written once for the module (the eval run is the slow part)."""
    from simulator.cli.commands import run_cli

    root = tmp_path_factory.mktemp("packs")
    code = run_cli(["eval", *CASE, "--out", str(root / "out"), "--rate-pack", str(root / "p")])
    assert code == 0
    return root / "p"


def fresh(packed: Path, tmp_path: Path) -> Path:
    """A copy of the pack (and its key) a test may fill in."""
    pack = tmp_path / "p"
    pack.mkdir()
    for f in packed.iterdir():
        (pack / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    key = packed.with_name("p-key.jsonl")
    (tmp_path / "p-key.jsonl").write_text(key.read_text(encoding="utf-8"), encoding="utf-8")
    return pack


def rate(pack: Path, rows: list[str], header: str = "item,coherent,responsive,believable") -> None:
    (pack / "ratings.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def test_a_pack_hides_who_wrote_each_reply_and_keeps_the_key_apart(packed: Path) -> None:
    assert sorted(p.name for p in packed.iterdir()) == ["README.txt", "items.jsonl", "ratings.csv"]
    items = [json.loads(line) for line in (packed / "items.jsonl").read_text().splitlines()]
    assert len(items) == 3
    assert set(items[0]) == {"item", "scene", "partner_before", "learner", "reply"}
    assert items[0]["scene"].startswith("Priya texted you four times")
    for name in ("items.jsonl", "ratings.csv", "README.txt"):
        text = (packed / name).read_text().lower()
        assert "scripted" not in text and "fallback" not in text and "priya-busy" not in text
    key = [json.loads(line) for line in packed.with_name("p-key.jsonl").read_text().splitlines()]
    assert {k["item"] for k in key} == {i["item"] for i in items}
    assert {k["voice"] for k in key} == {"scripted"}
    assert sorted(k["turn"] for k in key) == [1, 2, 3]
    # Each item shows the partner's line before the learner's message.
    by_turn = {k["turn"]: k["item"] for k in key}
    replies = {i["item"]: i for i in items}
    assert replies[by_turn[2]]["partner_before"] == replies[by_turn[1]]["reply"]
    readme = (packed / "README.txt").read_text()
    assert "coherent" in readme and "responsive" in readme and "believable" in readme


def test_the_same_seed_shuffles_the_same_way(attune: RunCli, packed: Path, tmp_path: Path) -> None:
    result = attune("eval", *CASE, "--out", str(tmp_path / "o"), "--rate-pack", str(tmp_path / "q"))
    assert result.code == 0, result.err
    assert (tmp_path / "q" / "items.jsonl").read_text() == (packed / "items.jsonl").read_text()
    again = attune("eval", *CASE, "--out", str(tmp_path / "o"), "--rate-pack", str(tmp_path / "q"))
    assert again.code == 2 and "already holds a rating pack" in again.err


def test_ratings_are_scored_per_voice_and_guard_outcome(
    attune: RunCli, packed: Path, tmp_path: Path
) -> None:
    pack = fresh(packed, tmp_path)
    ids = [json.loads(line)["item"] for line in (pack / "items.jsonl").read_text().splitlines()]
    rate(pack, [f"{ids[0]},yes,yes,no", f"{ids[1]},yes,no,no", f"{ids[2]},,,"])
    result = attune("eval", "--rate-score", str(pack))
    assert result.code == 0, result.err
    assert "2 of 3 items rated" in result.out
    assert "scripted" in result.out and "scripted / pass" in result.out
    data = json.loads(attune("eval", "--rate-score", str(pack), "--json").out)
    assert data["rated"] == 2 and data["items"] == 3
    assert data["voice"] == [
        {"group": "scripted", "rated": 2, "coherent": 1.0, "responsive": 0.5, "believable": 0.0}
    ]


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        ("item,ok", [], "line 1: the header must be item,coherent,responsive,believable"),
        (None, ["{first},yes,maybe,no"], "line 2: responsive must be yes or no, not 'maybe'"),
        (None, ["9999,yes,yes,yes"], "line 2: unknown item '9999'"),
        (None, ["{first},yes,yes,yes", "{first},no,no,no"], "line 3: item {first} is rated twice"),
        (None, ["{first},yes,yes"], "line 2: expected 4 columns, found 3"),
        (None, ["{first},,,"], "no item is rated yet"),
    ],
)
def test_a_bad_ratings_file_is_one_line_and_exit_2(
    attune: RunCli,
    packed: Path,
    tmp_path: Path,
    header: str | None,
    rows: list[str],
    expected: str,
) -> None:
    pack = fresh(packed, tmp_path)
    first = json.loads((pack / "items.jsonl").read_text().splitlines()[0])["item"]
    rows = [r.format(first=first) for r in rows]
    if header is None:
        rate(pack, rows)
    else:
        rate(pack, rows, header)
    result = attune("eval", "--rate-score", str(pack))
    assert result.code == 2
    assert expected.format(first=first) in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_missing_key_or_ratings_file_is_named(
    attune: RunCli, packed: Path, tmp_path: Path
) -> None:
    pack = fresh(packed, tmp_path)
    (pack / "ratings.csv").unlink()
    missing = attune("eval", "--rate-score", str(pack))
    assert missing.code == 2 and "ratings.csv: no such file" in missing.err
    (tmp_path / "p-key.jsonl").write_text("not json\n", encoding="utf-8")
    bad_key = attune("eval", "--rate-score", str(pack))
    assert bad_key.code == 2 and "p-key.jsonl line 1: not a key entry" in bad_key.err
    both = attune("eval", "--rate-score", str(pack), "--rate-pack", str(tmp_path / "x"))
    assert both.code == 2 and "does not go with --rate-pack" in both.err

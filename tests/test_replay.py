"""`attune replay`: the JSON contract, determinism, and bad scripts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conftest import RunCli, zone_replies

ARC = [
    "Relax. I was busy. It's not a big deal.",
    "You're right, I moved into fixing. Let me slow down. I want to understand what this felt like.",
    "I can see why that would hurt. Waiting and not knowing probably brought up a lot.",
    "I'm here with you. I'm not going anywhere.",
    "So what I'm hearing is you felt like you'd stopped mattering to me.",
    "No wonder you were scared.",
    "You're not overreacting, anyone would feel that.",
    "Take your time.",
    "If I were in your shoes I'd feel that too.",
    "Now that we're calmer, do you want to talk about what we can do differently next time?",
]


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "arc.yaml"
    path.write_text(json.dumps({"turns": ARC}), encoding="utf-8")
    return path


def replay(attune: RunCli, *args: str) -> dict[str, object]:
    result = attune("replay", *args)
    assert result.code == 0, result.err
    data: dict[str, object] = json.loads(result.out)
    return data


def test_json_has_the_documented_shape(attune: RunCli, script: Path) -> None:
    data = replay(
        attune, str(script), "--persona", "unanswered-text", "--model", "scripted", "--json"
    )
    assert data["persona"] == "unanswered-text" and data["model"] == "scripted"
    assert data["start"] == {"arousal": 70.0, "connection": 35.0, "zone": "escalated"}
    turns = data["turns"]
    assert isinstance(turns, list) and len(turns) == len(ARC)
    required = {"index", "user", "moves", "arousal", "connection", "zone", "reply"}
    for i, turn in enumerate(turns, start=1):
        assert required <= set(turn)
        assert turn["index"] == i and turn["user"] == ARC[i - 1]
        assert turn["reply"]
    first, last = turns[0], turns[-1]
    assert set(first["moves"]) >= {"minimize", "explain"} and first["zone"] == "flooded"
    assert "invite_solutions" in last["moves"]
    assert last["zone"] in {"settling", "regulated"} and last["arousal"] < 40


def test_replies_come_from_the_authored_lines_for_the_zone(
    attune: RunCli, script: Path, catalog: object
) -> None:
    from simulator.personas import Catalog

    assert isinstance(catalog, Catalog)
    card = catalog.get("unanswered-text")
    data = replay(attune, str(script), "--persona", card.id, "--json")
    for turn in data["turns"]:  # type: ignore[attr-defined]
        assert turn["reply"] in zone_replies(card, turn["zone"])
    softer = card.underneath.lines
    assert any(
        any(line in t["reply"] for line in softer)
        for t in data["turns"]  # type: ignore[attr-defined]
    )


def test_same_seed_same_replies_other_seed_other_replies(attune: RunCli, script: Path) -> None:
    args = (str(script), "--persona", "angry-critic", "--json")
    a = replay(attune, *args, "--seed", "7")
    b = replay(attune, *args, "--seed", "7")
    assert a == b
    seeds = {json.dumps(replay(attune, *args, "--seed", str(s))["turns"]) for s in range(4)}
    assert len(seeds) > 1


def test_intensity_scales_the_response(attune: RunCli, script: Path) -> None:
    gentle = replay(attune, str(script), "--persona", "bad-day", "--json", "--intensity", "gentle")
    hard = replay(attune, str(script), "--persona", "bad-day", "--json", "--intensity", "hard")
    assert hard["turns"][0]["arousal"] > gentle["turns"][0]["arousal"]  # type: ignore[index]


def test_human_readable_table(attune: RunCli, script: Path) -> None:
    result = attune("replay", str(script), "--persona", "unanswered-text")
    assert result.code == 0
    assert "start: arousal 70.0, connection 35.0, escalated" in result.out
    assert "moves: minimize, explain" in result.out
    assert "Priya>" in result.out


def test_script_from_stdin_with_persona_inside(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("persona: bad-day\nturns:\n  - That makes sense.\n")
    )
    data = replay(attune, "-", "--json")
    assert data["persona"] == "bad-day"
    assert data["turns"][0]["moves"] == ["validate"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("turns: [unclosed\n", "invalid YAML at line"),
        ("turns: []\n", "turns: List should have at least 1 item"),
        ("turns: hello\n", "turns: Input should be a valid list"),
        ("turns:\n  - 42\n", "turns.0: Input should be a valid string"),
        ("steps:\n  - hi\n", "turns: required field is missing; steps: unknown field"),
        ("just words\n", "expected a mapping with a 'turns:' list"),
    ],
)
def test_bad_scripts_get_one_line_and_exit_2(
    attune: RunCli, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(content, encoding="utf-8")
    result = attune("replay", str(path), "--persona", "bad-day")
    assert result.code == 2
    assert expected in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert result.out == ""


def test_other_bad_invocations(attune: RunCli, script: Path, tmp_path: Path) -> None:
    cases = [
        (("replay", str(tmp_path / "missing.yaml"), "--persona", "bad-day"), "no such file"),
        (("replay", str(script), "--persona", "ghost"), "unknown persona 'ghost'"),
        (
            ("replay", str(script), "--persona", "bad-day", "--model", "gpt-0"),
            "unknown model 'gpt-0'",
        ),
        (("replay", str(script)), "no persona given"),
        (
            ("replay", str(script), "--persona", "bad-day", "--seed", "x"),
            "'x' is not a valid integer",
        ),
        (
            ("replay", str(script), "--persona", "bad-day", "--intensity", "max"),
            "'max' is not one of",
        ),
    ]
    for args, expected in cases:
        result = attune(*args)
        assert result.code == 2, args
        assert expected in result.err, (args, result.err)
        assert result.err.count("\n") == 1, result.err


def test_invalid_utf8_script(attune: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(b"turns:\n  - caf\xe9\n")
    result = attune("replay", str(path), "--persona", "bad-day")
    assert result.code == 2 and "not valid UTF-8" in result.err

"""`attune guard -`: one JSON verdict per JSON line, bad lines one error line and exit 2."""

from __future__ import annotations

import io
import json

import pytest

from conftest import RunCli
from test_limits import endless_stdin, finishes

HELD = {
    "mode": "listen",
    "place": "escalated",
    "heat": "hot",
    "reacting_to": {"family": "minimizing", "move": "minimize", "words": "not a big deal"},
    "stance": "push_back",
}


def run(attune: RunCli, monkeypatch: pytest.MonkeyPatch, *lines: object) -> list[dict[str, object]]:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    monkeypatch.setattr("sys.stdin", io.StringIO(text + "\n"))
    result = attune("guard", "-")
    assert result.code == 0, result.err
    return [json.loads(out) for out in result.out.splitlines()]


def test_each_line_gets_a_verdict_with_the_words_that_triggered_it(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = {"persona": "unanswered-text", "zone": "escalated", "learner": "It's not a big deal."}
    verdicts = run(
        attune,
        monkeypatch,
        {**base, "reply": "Not a big deal? Five hours, and nothing."},
        {**base, "reply": "Priya smiles and says: fine."},
        {**base, "reply": "I was on a plane from India to London."},
        {**base, "reply": "Thank you, that means a lot.", "plan": HELD},
        # an ask-mode card by its stage name
        {
            "persona": "jumps-to-fixes",
            "stage": "listening",
            "learner": "I just need you to listen.",
            "reply": "Okay. I'm listening.",
        },
    )
    assert [v["verdict"] for v in verdicts] == ["pass", "reject", "reject", "reject", "pass"]
    assert verdicts[0]["reasons"] == []
    assert {"check": "third_person", "words": "Priya smiles"} in verdicts[1]["reasons"]  # type: ignore[operator]
    assert {"check": "narration", "words": "smiles and says"} in verdicts[1]["reasons"]  # type: ignore[operator]
    assert verdicts[2]["reasons"] == [{"check": "foreign", "words": "India"}]
    assert {"check": "stance", "words": "Thank you"} in verdicts[3]["reasons"]  # type: ignore[operator]


def test_the_stance_check_needs_a_plan(attune: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    line = {"persona": "unanswered-text", "zone": "guarded", "reply": "Thanks, that helps."}
    planned = {**HELD, "place": "guarded", "heat": "wary", "stance": "stay_guarded"}
    # A blind set's line, labels and all, with its plan given by the stance alone.
    labelled = {**line, "plan_stance": "stay_guarded", "label": "bad", "problem": "stance"}
    without, planned_verdict, by_stance = run(
        attune, monkeypatch, line, {**line, "plan": planned}, labelled
    )
    assert without == {"verdict": "pass", "reasons": []}
    assert planned_verdict["reasons"] == [{"check": "stance", "words": "Thanks"}]
    assert by_stance == planned_verdict


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("nope", "<stdin> line 2: not JSON"),
        ("[1]", "<stdin> line 2: a line must be a JSON object"),
        (
            '{"persona": "ghost", "zone": "flooded", "reply": "x"}',
            "<stdin> line 2: unknown persona",
        ),
        (
            '{"persona": "unanswered-text", "zone": "hot", "reply": "x"}',
            "<stdin> line 2: unknown zone or stage 'hot'",
        ),
        ('{"persona": "unanswered-text", "reply": "x"}', '<stdin> line 2: needs a "zone"'),
        ('{"persona": "unanswered-text", "zone": "flooded"}', "<stdin> line 2: reply: Field"),
        (
            '{"persona": "unanswered-text", "zone": "flooded", "reply": "x", "plan": {"stance": 1}}',
            "<stdin> line 2: plan.mode",
        ),
    ],
)
def test_a_bad_line_is_one_error_line_naming_it(
    attune: RunCli, monkeypatch: pytest.MonkeyPatch, line: str, expected: str
) -> None:
    good = json.dumps({"persona": "bad-day", "zone": "flooded", "reply": "Not now."})
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{good}\n{line}\n"))
    result = attune("guard", "-")
    assert result.code == 2
    assert result.err.startswith(f"attune: error: {expected}"), result.err
    assert len(result.err.strip().splitlines()) == 1
    # The line before the bad one was judged and printed.
    assert json.loads(result.out.splitlines()[0])["verdict"] == "pass"


def test_guard_reads_only_stdin(attune: RunCli) -> None:
    result = attune("guard", "replies.jsonl")
    assert result.code == 2
    assert "pass '-'" in result.err


def test_endless_stdin_is_one_line(attune: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", endless_stdin())
    result = finishes(lambda: attune("guard", "-"))
    assert getattr(result, "code") == 2  # noqa: B009
    assert "<stdin> line 1: a line longer than" in getattr(result, "err")  # noqa: B009

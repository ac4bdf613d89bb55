"""The guard on blind sets: replies written by people who never saw its rules.

`tests/data/guard_blind/dev_*.jsonl` (tuned on; a held-out round becomes dev once scored)
and `heldout_*.jsonl` (written later, never tuned on) are scored here when present: recall
per problem and false rejections are printed in the test report. The held-out floors
(recall >= 0.85 for each sense check, at most 5% of good replies rejected) are a gate;
`sample_*.jsonl` is a small hand-written sample that only proves the loader and the
scoring, not the guard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, REPORTS
from simulator.guard.blind import NEW_CHECKS, BlindReport, evaluate_blind, load_blind
from simulator.personas import Catalog
from simulator.support.errors import AttuneError

BLIND = DATA / "guard_blind"
RECALL_FLOOR = 0.85
FALSE_REJECT_CEILING = 0.05

# Set once, after scoring the held-out set the first time (never tune on it): True if it
# met the floors. When False the held-out test is a strict xfail, so it fails loudly
# (XPASS) the day the checks meet the floors and the flag must be flipped.
HELDOUT_MEETS_FLOORS = True


def _report(pattern: str, catalog: Catalog) -> BlindReport | None:
    files = sorted(BLIND.glob(pattern))
    if not files:
        return None
    items = [item for path in files for item in load_blind(path)]
    names = ", ".join(p.name for p in files)
    report = evaluate_blind(names, items, catalog)
    REPORTS[f"output guard on blind {names} ({len(items)} replies)"] = report.table()
    return report


def _shortfalls(report: BlindReport) -> list[str]:
    out = [
        f"{p}: recall {report.score(p).recall:.2f}"
        for p in NEW_CHECKS
        if report.score(p).total and report.score(p).recall < RECALL_FLOOR
    ]
    if report.false_reject_rate > FALSE_REJECT_CEILING:
        out.append(f"false rejections {report.false_reject_rate:.1%}")
    return out


def test_the_sample_is_scored_per_problem(catalog: Catalog) -> None:
    report = _report("sample_*.jsonl", catalog)
    assert report is not None
    assert report.good == 5
    assert report.false_rejects == 0, report.false_examples
    by = {p.problem: (p.total, p.caught) for p in report.problems}
    assert by == {
        "third_person": (1, 1),
        "narration": (2, 2),
        "foreign": (2, 2),
        "stance": (2, 2),
        "off_topic": (1, 1),
        "assistant": (1, 1),
    }
    table = report.table()
    assert "narration" in table and "good replies rejected: 0/5 (0.0%)" in table


def test_a_good_reply_rejected_counts_against_the_check_that_did_it(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "dev_x.jsonl"
    path.write_text(
        '{"persona": "unanswered-text", "zone": "escalated", "learner": "hi", '
        '"reply": "Priya is tired.", "label": "good", "problem": "ok", "plan_stance": null}\n'
        '{"persona": "unanswered-text", "zone": "escalated", "learner": "hi", '
        '"reply": "I waited.", "label": "bad", "problem": "foreign", "plan_stance": null}\n',
        encoding="utf-8",
    )
    report = evaluate_blind("x", load_blind(path), catalog)
    assert report.false_rejects == 1 and report.false_by_check["third_person"] == 1
    assert report.score("foreign").recall == 0.0
    assert report.score("foreign").missed == ["[unanswered-text/escalated] I waited. -> passed"]
    assert _shortfalls(report) == ["foreign: recall 0.00", "false rejections 100.0%"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("not json", "line 2"),
        ('{"persona": "bad-day", "zone": "flooded", "reply": "x", "label": "meh", '
         '"problem": "ok"}', "line 2"),
        ('{"persona": "bad-day", "zone": "flooded", "reply": "x", "label": "good", '
         '"problem": "narration"}', "line 2: a good reply has problem 'ok'"),
    ],
)  # fmt: skip
def test_a_bad_blind_line_is_named(tmp_path: Path, line: str, expected: str) -> None:
    path = tmp_path / "dev_bad.jsonl"
    good = (
        '{"persona": "bad-day", "zone": "flooded", "reply": "No.", "label": "good", '
        '"problem": "ok"}'
    )
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(AttuneError, match=expected) as caught:
        load_blind(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_guard_on_the_blind_dev_sets(catalog: Catalog) -> None:
    report = _report("dev_*.jsonl", catalog)
    if report is None:
        pytest.skip("no blind dev set in tests/data/guard_blind yet")
    # Tuned on these, so they must meet the floors; the held-out set says how far it carries.
    assert _shortfalls(report) == [], report.table()


@pytest.mark.xfail(
    not HELDOUT_MEETS_FLOORS,
    reason="floors not met on a held-out round: round 8 (GS, GT) missed narration at 0.78, "
    "round 7 (GM, GN) stance at 0.62, round 6 (GK, GL) narration 0.75 and foreign 0.846; "
    "round 9 (GU, GV, scored once) met every floor",
    strict=True,
)
def test_guard_on_the_blind_held_out_set(catalog: Catalog) -> None:
    report = _report("heldout_*.jsonl", catalog)
    if report is None:
        # A scored round becomes dev data; a fresh round is written from BRIEF.md.
        pytest.skip("no blind held-out set in tests/data/guard_blind")
    assert _shortfalls(report) == [], report.table()

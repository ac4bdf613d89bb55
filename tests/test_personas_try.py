"""`attune personas try`: the shipped cards behave; doctored cards get each oddity named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import RunCli
from simulator.evals.tryout import try_card
from simulator.personas import Catalog, PersonaCard

CHECKS = [
    "settles-when-attuned",
    "not-at-once",
    "mistakes-escalate",
    "softer-hidden-under-mistakes",
    "early-fix-costs",
    "welcome-once-settled",
    "repair-recovers",
    "softer-feeling-waits",
    "reacts",
]


def doctored(card: PersonaCard, **changes: float) -> PersonaCard:
    """The card with `baseline__arousal=95`-style changes to its numbers."""
    data: dict[str, Any] = card.model_dump(mode="json")
    for key, value in changes.items():
        outer, _, inner = key.partition("__")
        if inner:
            data[outer][inner] = value
        else:
            data[outer] = value
    return PersonaCard.model_validate(data)


@pytest.mark.parametrize(
    "persona",
    ["unanswered-text", "angry-critic", "quiet-withdraw", "bad-day", "different-memory"],
)
def test_every_shipped_card_is_ok(catalog: Catalog, persona: str) -> None:
    report = try_card(catalog.get(persona))
    assert [c.name for c in report.checks] == CHECKS
    assert not report.odd, [(c.name, c.detail) for c in report.odd]
    assert all(c.suggestion is None for c in report.checks)


@pytest.mark.parametrize(
    ("changes", "odd", "tune"),
    [
        # Too hot and too sensitive: the steps never bring the partner down.
        (
            {"sensitivity": 2.0, "baseline__arousal": 95, "baseline__connection": 0},
            {"settles-when-attuned", "mistakes-escalate", "welcome-once-settled", "repair-recovers", "softer-feeling-waits"},
            "lower sensitivity (now 2)",
        ),
        # Barely upset: one kind message and it is over.
        ({"baseline__arousal": 42}, {"not-at-once"}, "raise baseline.arousal (now 42)"),
        # Calm from the start: nothing to practise, and a plan is never premature.
        ({"baseline__arousal": 30}, {"not-at-once", "early-fix-costs"}, "raise baseline.arousal to 60"),
        # No room left to escalate.
        ({"baseline__arousal": 95}, {"mistakes-escalate"}, "lower baseline.arousal (now 95)"),
        # The softer feeling is out of reach.
        ({"underneath__surfaces_at": 95}, {"softer-feeling-waits"}, "lower underneath.surfaces_at (now 95)"),
        # The softer feeling needs no connection at all.
        ({"baseline__connection": 70, "underneath__surfaces_at": 40}, {"softer-feeling-waits"}, "raise underneath.surfaces_at (now 40)"),
    ],
)  # fmt: skip
def test_doctored_cards_are_caught(
    card: PersonaCard, changes: dict[str, float], odd: set[str], tune: str
) -> None:
    report = try_card(doctored(card, **changes))
    assert {c.name for c in report.odd} == odd, [(c.name, c.detail) for c in report.odd]
    assert any(tune in (c.suggestion or "") for c in report.odd), [c.suggestion for c in report.odd]
    assert all(c.suggestion for c in report.odd)


def test_cli_all_ok_exits_0(attune: RunCli) -> None:
    result = attune("personas", "try", "bad-day")
    assert result.code == 0, result.err
    assert "Trying Tomás (bad-day) at realistic intensity" in result.out
    assert result.out.count("  ok   ") == len(CHECKS)
    assert result.out.rstrip().endswith("9 checks: 9 ok, 0 odd.")


def test_cli_odd_card_exits_1_with_suggestions(
    tmp_path: Path, card: PersonaCard, attune: RunCli
) -> None:
    data = doctored(card, baseline__arousal=42).model_dump(mode="json")
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "unanswered-text.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    result = attune("personas", "try", "unanswered-text", "--personas", str(folder))
    assert result.code == 1
    assert "  odd  not-at-once" in result.out
    assert "tune: raise baseline.arousal (now 42)" in result.out
    assert result.out.rstrip().endswith("9 checks: 8 ok, 1 odd.")
    # A card file can be tried before it is in any folder.
    by_path = attune("personas", "try", str(folder / "unanswered-text.yaml"), "--json")
    assert by_path.code == 1
    report = json.loads(by_path.out)
    assert report["ok"] is False
    odd = [c for c in report["checks"] if not c["ok"]]
    assert [c["name"] for c in odd] == ["not-at-once"]
    assert set(odd[0]) == {"name", "ok", "detail", "suggestion"}


def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path, attune: RunCli) -> None:
    unknown = attune("personas", "try", "nobody")
    assert unknown.code == 2 and "unknown persona 'nobody'" in unknown.err
    missing = attune("personas", "try", str(tmp_path / "gone.yaml"))
    assert missing.code == 2 and "no such file" in missing.err
    assert missing.err.strip().count("\n") == 0


def test_intensity_is_passed_through(attune: RunCli) -> None:
    result = attune("personas", "try", "unanswered-text", "--intensity", "hard", "--json")
    assert json.loads(result.out)["intensity"] == "hard"


ASK_CHECKS = [
    "turns-toward-when-asked-softly",
    "not-at-once",
    "traps-make-them-defend",
    "softer-feeling-waits",
    "reacts",
]


@pytest.mark.parametrize("persona", ["jumps-to-fixes", "plans-it-away"])
def test_ask_mode_cards_get_ask_mode_checks_and_are_ok(catalog: Catalog, persona: str) -> None:
    report = try_card(catalog.get(persona))
    assert [c.name for c in report.checks] == ASK_CHECKS
    assert not report.odd, [(c.name, c.detail) for c in report.odd]


@pytest.mark.parametrize(
    ("changes", "odd", "tune"),
    [
        # Defends so hard that asking well never reaches him.
        ({"sensitivity": 2.0, "baseline__defensiveness": 95, "baseline__turning_toward": 0}, {"turns-toward-when-asked-softly", "traps-make-them-defend", "softer-feeling-waits"}, "lower sensitivity (now 2)"),
        # Barely defensive: one request and he has already turned toward you.
        ({"baseline__defensiveness": 30}, {"not-at-once"}, "raise baseline.defensiveness (now 30)"),
    ],
)  # fmt: skip
def test_doctored_ask_cards_are_caught(
    catalog: Catalog, changes: dict[str, float], odd: set[str], tune: str
) -> None:
    report = try_card(doctored(catalog.get("jumps-to-fixes"), **changes))
    assert {c.name for c in report.odd} == odd, [(c.name, c.detail) for c in report.odd]
    assert any(tune in (c.suggestion or "") for c in report.odd), [c.suggestion for c in report.odd]


def test_a_card_without_reactions_is_told_which_to_add(catalog: Catalog) -> None:
    data: dict[str, Any] = catalog.get("unanswered-text").model_dump(mode="json")
    data["reactions"] = {}
    report = try_card(PersonaCard.model_validate(data))
    assert [c.name for c in report.odd] == ["reacts"]
    assert "0 of 45" in report.odd[0].detail
    assert "add reactions" in (report.odd[0].suggestion or "")


def test_a_reaction_line_out_of_character_is_named(catalog: Catalog) -> None:
    data: dict[str, Any] = catalog.get("bad-day").model_dump(mode="json")
    data["reactions"]["minimizing"]["hot"] = ["As an AI, I cannot feel humiliated."]
    odd = try_card(PersonaCard.model_validate(data)).odd
    assert [c.name for c in odd] == ["reacts"]
    assert "reactions.minimizing.hot[0]" in odd[0].detail

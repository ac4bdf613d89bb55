"""Rating yourself: stored with the session, skippable, shown beside what was measured."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import RunCli
from saved_sessions import CALM, MISSTEP, record
from simulator.export import export
from simulator.export.common import debrief_of
from simulator.feedback.selfrating import compare, measured_level, rating_of
from simulator.modes import get_mode
from simulator.personas import PersonaCard
from simulator.store import RatingError, SessionStore
from simulator.store.migrations import MIGRATIONS, SCHEMA_VERSION, statements
from simulator.support.errors import UnreadableSessionError
from simulator.support.paths import home_dir

OVERRATED = {"validate": "clearly", "reflect": "somewhat", "present": "not really"}


@pytest.fixture
def store() -> SessionStore:
    """The store the CLI uses ($ATTUNE_HOME is a temp folder in every test)."""
    return SessionStore(home_dir() / "sessions.db")


def test_measured_levels_are_none_one_and_two_or_more_turns() -> None:
    assert [measured_level(n) for n in (0, 1, 2, 7)] == [
        "not_really",
        "somewhat",
        "clearly",
        "clearly",
    ]


def test_a_rating_is_stored_with_the_session_in_checklist_order(
    store: SessionStore, card: PersonaCard
) -> None:
    session_id = record(store, card, [MISSTEP])
    assert store.load(session_id).self_ratings == {}
    stored = store.rate(session_id, OVERRATED)
    assert list(stored) == ["present", "reflect", "validate"]
    assert store.load(session_id).self_ratings == {
        "present": "not_really",
        "reflect": "somewhat",
        "validate": "clearly",
    }
    # Rating again replaces the earlier rating whole.
    store.rate(session_id, {"support": "clearly"})
    assert store.self_ratings(session_id) == {"support": "clearly"}


@pytest.mark.parametrize(
    ("ratings", "named"),
    [
        ({"validat": "clearly"}, "'validat' is no step of listen mode"),
        ({"validate": "very"}, "very"),
    ],
)
def test_a_wrong_step_or_level_is_refused_and_nothing_changes(
    store: SessionStore, card: PersonaCard, ratings: dict[str, str], named: str
) -> None:
    session_id = record(store, card, CALM)
    store.rate(session_id, {"reflect": "clearly"})
    with pytest.raises(RatingError, match=named):
        store.rate(session_id, {"present": "somewhat", **ratings})
    assert store.self_ratings(session_id) == {"reflect": "clearly"}


def test_ratings_go_with_a_deleted_session(store: SessionStore, card: PersonaCard) -> None:
    session_id = record(store, card, CALM)
    store.rate(session_id, OVERRATED)
    store.delete(session_id)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT count(*) FROM self_ratings").fetchone()[0] == 0


def test_a_version_4_database_gains_self_ratings_and_keeps_its_sessions(
    tmp_path: Path, card: PersonaCard
) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    for script in MIGRATIONS[:4]:
        for statement in statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    old = SessionStore.__new__(SessionStore)
    old.path, old._busy_timeout_s = db, 2.0  # write a v4 session without migrating
    session_id = record(old, card, CALM)
    store = SessionStore(db)
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    assert store.load(session_id).self_ratings == {}
    store.rate(session_id, OVERRATED)
    assert [t.user for t in store.load(session_id).turns] == list(CALM)


def test_a_hand_edited_level_is_named_not_a_traceback(
    store: SessionStore, card: PersonaCard
) -> None:
    session_id = record(store, card, CALM)
    store.rate(session_id, {"reflect": "clearly"})
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE self_ratings SET step = 'nonsense'")
    with pytest.raises(UnreadableSessionError, match=r"self_ratings.step.*'nonsense' is no step"):
        store.load(session_id)


def test_the_comparison_says_plainly_where_the_view_and_the_measure_differ(
    store: SessionStore, card: PersonaCard
) -> None:
    session_id = record(store, card, [MISSTEP])
    saved = store.load(session_id)
    rating = rating_of(debrief_of(saved), OVERRATED)
    validate = next(s for s in rating.steps if s.step == "validate")
    assert (validate.rated, validate.measured, validate.count) == ("clearly", "not_really", 0)
    assert validate.plainly() == (
        "You felt you clearly showed 'Validate the feeling'; it was not recognised in any turn."
    )
    present = next(s for s in rating.steps if s.step == "present")
    assert not present.differs and present.plainly() == ""
    unrated = next(s for s in rating.steps if s.step == "solve")
    assert unrated.rated is None and not unrated.differs
    # validate +2, reflect +1, present 0: rated higher than measured, by 1 level on average.
    assert rating.gap == pytest.approx(1.0)
    assert "higher than the session measured" in rating.summary()


def test_an_underrated_step_is_said_too() -> None:
    steps = get_mode("listen").coaching.steps
    rating = compare(steps, {"reflect": 3}, {"reflect": "not really"})
    assert rating.differences == [
        "You felt you did not really show 'Reflect what you heard'; it was recognised in 3 turns."
    ]
    assert rating.gap == -2


def test_skipping_compares_nothing() -> None:
    rating = compare(get_mode("listen").coaching.steps, {"reflect": 1}, None)
    assert not rating.rated and rating.steps == [] and rating.gap is None
    assert "skipped rating yourself" in rating.summary()


def test_sessions_show_puts_the_view_beside_the_measure(
    attune: RunCli, store: SessionStore, card: PersonaCard
) -> None:
    rated = record(store, card, [MISSTEP])
    store.rate(rated, OVERRATED)
    shown = attune("sessions", "show", rated)
    assert shown.code == 0, shown.err
    section = shown.out[shown.out.index("Your view and what was measured:") :]
    assert "  Validate the feeling        clearly     not really (0 turns)  <- differs" in section
    assert "  Be present                  not really  not really (0 turns)\n" in section
    assert "You felt you clearly showed 'Validate the feeling'; it was not recognised in" in section
    skipped = record(store, card, CALM)
    out = attune("sessions", "show", skipped).out
    assert out.rstrip().endswith(
        "Your view and what was measured:\n"
        "  You skipped rating yourself this time, so there is nothing to compare."
    )


def test_every_export_carries_the_rating(store: SessionStore, card: PersonaCard) -> None:
    session_id = record(store, card, [MISSTEP])
    store.rate(session_id, OVERRATED)
    saved = store.load(session_id)
    data = json.loads(export(saved, "json"))["self_rating"]
    assert data["rated"] is True and data["gap"] == 1.0
    assert {s["step"]: (s["rated"], s["measured"], s["differs"]) for s in data["steps"]}[
        "validate"
    ] == ("clearly", "not_really", True)
    md = export(saved, "md")
    assert "### Your view and what was measured" in md
    assert "| Validate the feeling | clearly | not really (0 turn(s)) |" in md
    page = export(saved, "html")
    assert "<td>Validate the feeling</td><td>clearly</td><td>not really (0 turn(s))</td>" in page
    assert "it was not recognised in any turn" in page
    skipped = store.load(record(store, card, CALM))
    assert json.loads(export(skipped, "json"))["self_rating"] == {
        "rated": False,
        "gap": None,
        "steps": [],
    }


def _script(tmp_path: Path, rating: str) -> Path:
    path = tmp_path / "script.yaml"
    path.write_text(
        f'persona: unanswered-text\nturns:\n  - "{MISSTEP}"\nself_rating:\n{rating}',
        encoding="utf-8",
    )
    return path


def test_replay_takes_a_scripted_rating_and_saves_it(
    attune: RunCli, store: SessionStore, tmp_path: Path
) -> None:
    script = _script(tmp_path, "  validate: clearly\n  present: not really\n")
    shown = attune("replay", str(script), "--save")
    assert shown.code == 0, shown.err
    assert "You felt you clearly showed 'Validate the feeling'" in shown.out
    assert "Saved as session" in shown.err
    (summary,) = store.list()
    saved = store.load(summary.id)
    assert saved.self_ratings == {"present": "not_really", "validate": "clearly"}
    assert [t.user for t in saved.turns] == [MISSTEP] and saved.ended_at is not None
    as_json = attune("replay", str(script), "--json")
    data = json.loads(as_json.out)["self_rating"]
    assert data["rated"] and data["gap"] == 1.0
    # Without --save nothing more is stored.
    assert len(store.list()) == 1


def test_replay_without_a_rating_prints_no_comparison(attune: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(f'turns:\n  - "{MISSTEP}"\n', encoding="utf-8")
    shown = attune("replay", str(path), "--persona", "unanswered-text")
    assert shown.code == 0 and "Your view" not in shown.out


@pytest.mark.parametrize(
    ("rating", "named"),
    [
        ("  validat: clearly\n", "self_rating: 'validat' is no step of listen mode"),
        ("  validate: very\n", "self_rating: unknown level 'very'"),
        ("  - clearly\n", "self_rating"),
    ],
)
def test_a_bad_scripted_rating_is_one_line_and_exit_2(
    attune: RunCli, store: SessionStore, tmp_path: Path, rating: str, named: str
) -> None:
    shown = attune("replay", str(_script(tmp_path, rating)), "--save")
    assert shown.code == 2
    assert shown.err.count("\n") == 1 and named in shown.err
    assert store.list() == []


def test_an_ask_mode_session_is_rated_on_its_own_steps(
    attune: RunCli, store: SessionStore, tmp_path: Path
) -> None:
    path = tmp_path / "ask.yaml"
    path.write_text(
        'persona: jumps-to-fixes\nturns:\n  - "You never listen to me."\n'
        "self_rating:\n  soft: clearly\n  need: not really\n",
        encoding="utf-8",
    )
    shown = attune("replay", str(path), "--save")
    assert shown.code == 0, shown.err
    (summary,) = store.list()
    assert store.self_ratings(summary.id) == {"soft": "clearly", "need": "not_really"}
    assert "You felt you clearly showed 'Start softly" in " ".join(shown.out.split())
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        'persona: jumps-to-fixes\nturns:\n  - "Hi."\nself_rating:\n  validate: clearly\n',
        encoding="utf-8",
    )
    refused = attune("replay", str(wrong))
    assert refused.code == 2 and "'validate' is no step of ask mode" in refused.err

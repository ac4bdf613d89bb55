"""Corrections of the classifier's tags: the store, the practice, every export, and the CLI."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import RunCli
from saved_sessions import CALM, MISSTEP, UNSURE, checks_in_on, meta_for, new_session, record
from simulator.classifier.blind import load_blind
from simulator.export import export
from simulator.export.redact import redact
from simulator.modes import get_mode
from simulator.personas import Catalog, PersonaCard
from simulator.practice.conversation import Practice
from simulator.store import Correction, CorrectionError, SessionStore, TagFix
from simulator.store.corrections import corrected_moves, plan
from simulator.store.migrations import MIGRATIONS, SCHEMA_VERSION, statements
from simulator.support.errors import UnreadableSessionError
from simulator.support.paths import home_dir
from simulator.turns.choices import PracticeSetup
from simulator.voices import ScriptedVoice
from simulator.voices.base import Reply

# "Relax, it's not a big deal." is tagged minimize; the calm lines validate and support.
TEXTS = (MISSTEP, *CALM)
ASKING = ("You always ignore what I need.", "I'm feeling low. I need a hug first.")


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "db" / "sessions.db")


@pytest.fixture
def home_store() -> SessionStore:
    """The store the CLI uses ($ATTUNE_HOME is a temp folder in every test)."""
    return SessionStore(home_dir() / "sessions.db")


@pytest.fixture
def asker(catalog: Catalog) -> PersonaCard:
    return catalog.get("jumps-to-fixes")


def _rows(store: SessionStore, session_id: str) -> list[tuple[int, str, str, str | None]]:
    return [(c.turn, c.kind, c.move.value, c.words) for c in store.load(session_id).corrections]


def _wrong(move: str) -> TagFix:
    return TagFix(kind="wrong", move=move)


def _missed(move: str, words: str | None = None) -> TagFix:
    return TagFix(kind="missed", move=move, words=words)


# -- the schema ------------------------------------------------------------------------


def test_a_version_3_database_gains_corrections_and_keeps_its_data(
    tmp_path: Path, card: PersonaCard
) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    for script in MIGRATIONS[:3]:
        for statement in statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    old = SessionStore.__new__(SessionStore)
    old.path, old._busy_timeout_s = db, 2.0  # write a v3 session without migrating
    session_id = record(old, card, TEXTS, retry="I can see why that hurt.")
    old.add_note(session_id, 2, "kept through the upgrade")
    with sqlite3.connect(db) as check:
        assert "corrections" not in {
            r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    store = SessionStore(db)
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 4
    loaded = store.load(session_id)
    assert [t.user for t in loaded.turns] == [*TEXTS[:-1], "I can see why that hurt."]
    assert [t.user for t in loaded.rewound] == [TEXTS[-1]]
    assert [(n.turn, n.text) for n in loaded.notes] == [(2, "kept through the upgrade")]
    assert loaded.corrections == [] and loaded.meta.persona_id == card.id
    store.correct(session_id, 1, [_wrong("minimize")])
    assert _rows(SessionStore(db), session_id) == [(1, "wrong", "minimize", None)]


# -- the store ---------------------------------------------------------------------------


def test_corrections_are_kept_by_turn_and_survive_a_reload(
    store: SessionStore, card: PersonaCard
) -> None:
    session_id = record(store, card, TEXTS)
    done = store.correct(
        session_id[:12],
        1,
        [_wrong("minimize"), _missed("acknowledge_impact", "  NOT a   big deal ")],
        note="Sounded dismissive, but meant to reassure.",
    )
    assert done.session_id == session_id and done.note is not None
    store.correct(session_id, 3, [_missed("presence")])
    # The words are kept as the message says them; case and spacing may differ when typed.
    expected = [
        (1, "wrong", "minimize", None),
        (1, "missed", "acknowledge_impact", "not a big deal"),
        (3, "missed", "presence", None),
    ]
    reloaded = SessionStore(store.path)
    assert _rows(reloaded, session_id) == expected
    saved = reloaded.load(session_id)
    assert [c.turn for c in saved.corrections_on(1)] == [1, 1]
    assert [n.text for n in saved.notes_on(1)] == ["Sounded dismissive, but meant to reassure."]
    turn1, turn3 = saved.turns[0], saved.turns[2]
    assert [m.value for m in corrected_moves(turn1, saved.corrections)] == ["acknowledge_impact"]
    assert [m.value for m in corrected_moves(turn3, saved.corrections)] == [
        "validate",
        "support",
        "presence",
    ]
    # The same correction again changes nothing; new words for a missed move replace the old.
    store.correct(session_id, 1, [_wrong("minimize")])
    store.correct(session_id, 3, [_missed("presence", "I'm here")])
    assert _rows(store, session_id)[-1] == (3, "missed", "presence", "I'm here")
    assert len(_rows(store, session_id)) == 3
    store.correct(session_id, 3, [TagFix(kind="undo", move="presence")])
    assert _rows(store, session_id) == expected[:2]
    store.delete(session_id)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0


def test_a_correction_stays_with_the_try_it_corrected(
    store: SessionStore, card: PersonaCard
) -> None:
    session = new_session(card)
    session_id = store.create(meta_for(session))
    store.add_turn(session_id, session.respond(MISSTEP))
    store.correct(session_id, 1, [_wrong("minimize")])
    taken = session.rewind()
    assert taken is not None
    store.rewind(session_id, 1)
    store.add_turn(session_id, session.respond(CALM[0]))
    # The new try at turn 1 starts uncorrected; the old one's correction is not shown.
    assert store.load(session_id).corrections == []
    assert store.corrected_sessions() == []


@pytest.mark.parametrize(
    ("turn", "fixes", "expected"),
    [
        (9, [_wrong("minimize")], "has 4 turn(s): give a turn from 1 to 4"),
        (0, [_wrong("minimize")], "has 4 turn(s): give a turn from 1 to 4"),
        (2, [_wrong("minimize")], "turn 2 has no minimize tag to mark wrong (its tags: validate)"),
        (1, [_missed("minimize")], "turn 1 is already tagged minimize"),
        (1, [_missed("soft_startup")], "'soft_startup' is not a move of listen mode"),
        (1, [_wrong("nonsense")], "'nonsense' is not a move of listen mode"),
        (1, [_missed("reflect", "you were worried")], "does not say 'you were worried'"),
        (1, [TagFix(kind="undo", move="reflect")], "turn 1 has no correction of reflect to undo"),
        # All or nothing: a good fix beside a bad one is not kept either.
        (1, [_wrong("minimize"), _missed("nonsense")], "'nonsense' is not a move"),
    ],
)
def test_bad_corrections_are_refused_and_nothing_is_kept(
    store: SessionStore,
    card: PersonaCard,
    turn: int,
    fixes: list[TagFix],
    expected: str,
) -> None:
    session_id = record(store, card, TEXTS)
    with pytest.raises(CorrectionError) as caught:
        store.correct(session_id, turn, fixes, note="not saved either")
    assert expected in str(caught.value) and "\n" not in str(caught.value)
    saved = store.load(session_id)
    assert saved.corrections == [] and saved.notes == []


def test_a_turn_attune_stepped_out_on_cannot_be_corrected(
    store: SessionStore, card: PersonaCard
) -> None:
    session_id = record(store, card, (CALM[0], UNSURE), safety=checks_in_on(UNSURE))
    with pytest.raises(CorrectionError, match="turn 2 was not scored"):
        store.correct(session_id, 2, [_missed("reflect")])


def test_an_ask_mode_session_is_corrected_with_ask_moves(
    store: SessionStore, asker: PersonaCard
) -> None:
    session_id = record(store, asker, ASKING)
    store.correct(session_id, 1, [_wrong("criticize"), _missed("name_need", "what I need")])
    assert _rows(store, session_id) == [
        (1, "wrong", "criticize", None),
        (1, "missed", "name_need", "what I need"),
    ]
    with pytest.raises(CorrectionError, match="'reflect' is not a move of ask mode"):
        store.correct(session_id, 2, [_missed("reflect")])


def test_a_damaged_correction_is_named_when_read(store: SessionStore, card: PersonaCard) -> None:
    session_id = record(store, card, TEXTS)
    store.correct(session_id, 1, [_wrong("minimize")])
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE corrections SET move = 'soft_startup'")
    with pytest.raises(
        UnreadableSessionError, match=r"corrections\.move .* no move of listen mode"
    ):
        store.load(session_id)


def test_plan_checks_fixes_in_order(card: PersonaCard) -> None:
    session = new_session(card)
    turn = session.respond("Relax, it's not a big deal. I was busy.")
    mode = get_mode(card.mode)
    done = plan(mode, turn, [], [_wrong("explain"), _missed("reflect"), _missed("reflect", "busy")])
    assert [(c.kind, c.move.value, c.words) for c in done.corrections] == [
        ("wrong", "explain", None),
        ("missed", "reflect", "busy"),
    ]
    undone = plan(mode, turn, done.corrections, [TagFix(kind="undo", move="explain")])
    assert [c.move.value for c in undone.corrections] == ["reflect"]
    assert [m.value for m in undone.undone] == ["explain"] and undone.changed == []
    with pytest.raises(CorrectionError, match="words go with a missed move"):
        plan(mode, turn, [], [TagFix(kind="wrong", move="explain", words="busy")])


# -- the practice (what the TUI keeps) ---------------------------------------------------------


def test_a_practice_corrects_in_memory_and_saves_in_order(
    store: SessionStore, card: PersonaCard
) -> None:
    setup = PracticeSetup(persona_id=card.id, model="scripted")
    practice = Practice(card, ScriptedVoice(card), setup, store)
    for text in TEXTS[:2]:
        pending = practice.prepare(text)
        practice.commit(pending, Reply(text=ScriptedVoice(card).reply(pending.outcome)))
    practice.correct(1, [_wrong("minimize")])
    practice.correct(2, [_missed("reflect", "why that would hurt")])
    assert [(c.turn, c.move.value) for c in practice.corrections] == [
        (1, "minimize"),
        (2, "reflect"),
    ]
    with pytest.raises(CorrectionError, match="no turn 3 to correct"):
        practice.correct(3, [_wrong("validate")])
    # Taking turn 2 back takes its correction with it, in memory and in the store.
    practice.rewind()
    assert [c.turn for c in practice.corrections] == [1]
    assert practice.flush() and practice.id is not None
    assert _rows(store, practice.id) == [(1, "wrong", "minimize", None)]


# -- the exports -----------------------------------------------------------------------------


def test_every_export_shows_the_corrections(store: SessionStore, card: PersonaCard) -> None:
    session_id = record(store, card, ("Relax <b>now</b>, it's not a big deal.", *CALM))
    store.correct(session_id, 1, [_wrong("minimize"), _missed("reflect", "<b>now</b>")])
    saved = store.load(session_id)
    md = export(saved, "md")
    line = (
        "> **Tags corrected:** minimize marked wrong; reflect added as missed "
        "('\\<b\\>now\\</b\\>') (moves now: reflect)"
    )
    assert md.index("### Turn 1") < md.index(line) < md.index("### Turn 2")
    page = export(saved, "html")
    assert '<p class="correction"><strong>Tags corrected:</strong> minimize marked wrong' in page
    assert "reflect added as missed (&#x27;&lt;b&gt;now&lt;/b&gt;&#x27;)" in page
    assert "<b>now" not in page
    assert page.index("<h3>Turn 1</h3>") < page.index('class="correction"')
    data = json.loads(export(saved, "json"))
    assert [{k: v for k, v in c.items() if k != "created_at"} for c in data["corrections"]] == [
        {"id": 1, "turn": 1, "kind": "wrong", "move": "minimize", "words": None},
        {"id": 2, "turn": 1, "kind": "missed", "move": "reflect", "words": "<b>now</b>"},
    ]
    plain = store.load(record(store, card, TEXTS))
    assert "Tags corrected" not in export(plain, "md") + export(plain, "html")
    assert json.loads(export(plain, "json"))["corrections"] == []


def test_redaction_reaches_the_corrected_words(store: SessionStore, card: PersonaCard) -> None:
    session_id = record(store, card, (f"{card.name}, Jordan said it's not a big deal.",))
    store.correct(session_id, 1, [_missed("reflect", f"{card.name}, Jordan said")])
    saved = redact(store.load(session_id), ["Jordan"])
    assert saved.corrections[0].words == "Partner, [name] said"
    assert saved.corrections[0].kind == "missed"
    assert card.name not in export(saved, "json") and "Jordan" not in export(saved, "md")


# -- the CLI -----------------------------------------------------------------------------


def test_cli_annotate_corrects_and_show_lists_it(
    home_store: SessionStore, card: PersonaCard, attune: RunCli
) -> None:
    session_id = record(home_store, card, TEXTS)
    done = attune(
        "sessions", "annotate", session_id[:12], "1", "--wrong", "minimize",
        "--missed", "acknowledge_impact:not a big deal", "Meant kindly.",
    )  # fmt: skip
    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        f"Corrected turn 1 of {session_id}:",
        "  minimize marked wrong; acknowledge_impact added as missed ('not a big deal') (moves",
        "  now: acknowledge_impact)",
        f"Added note #1 on turn 1 of {session_id}.",
    ]
    undone = attune("sessions", "annotate", session_id, "1", "--undo", "acknowledge_impact")
    assert undone.code == 0 and "(moves now: no moves)" in undone.out
    shown = attune("sessions", "show", session_id).out
    # Under its turn, after the reply and before the note and turn 2.
    at = shown.index("     corrected: minimize marked wrong (moves now: no moves)")
    assert shown.index("  1  you> ") < at < shown.index("note #1: Meant kindly.")
    assert at < shown.index("  2  you> ")
    as_json = json.loads(attune("sessions", "show", session_id, "--json").out)
    assert [(c["turn"], c["kind"], c["move"]) for c in as_json["corrections"]] == [
        (1, "wrong", "minimize")
    ]
    # A plain note still needs no correction.
    assert attune("sessions", "annotate", session_id, "0", "Calm overall.").code == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("nope", "1", "--wrong", "minimize"), "no saved session 'nope'"),
        (("{id}", "9", "--wrong", "minimize"), "has 4 turn(s): give a turn from 1 to 4"),
        (("{id}", "0", "--missed", "reflect"), "has 4 turn(s): give a turn from 1 to 4"),
        (("{id}", "2", "--missed", "soft_startup"), "'soft_startup' is not a move of listen mode"),
        (("{id}", "2", "--wrong", "minimize"), "turn 2 has no minimize tag to mark wrong"),
        (("{id}", "2", "--missed", "reflect:you were scared"), "does not say 'you were scared'"),
        (("{id}", "2", "--undo", "reflect"), "turn 2 has no correction of reflect to undo"),
        (("{id}", "1", "--wrong", "minimize", "   "), "the note is empty"),
        (("{id}", "1"), "give a NOTE, or correct a tag with --wrong, --missed or --undo"),
    ],
)
def test_cli_bad_corrections_are_one_line_exit_2_and_keep_nothing(
    home_store: SessionStore,
    card: PersonaCard,
    attune: RunCli,
    args: tuple[str, ...],
    expected: str,
) -> None:
    session_id = record(home_store, card, TEXTS)
    result = attune("sessions", "annotate", *(a.format(id=session_id) for a in args))
    assert result.code == 2, result.out
    assert expected in result.err
    assert result.err.startswith("attune: error: ") and result.err.strip().count("\n") == 0
    saved = home_store.load(session_id)
    assert saved.corrections == [] and saved.notes == []


def test_cli_labels_writes_the_corrected_move_sets(
    home_store: SessionStore, card: PersonaCard, asker: PersonaCard, attune: RunCli
) -> None:
    first = record(home_store, card, TEXTS)
    second = record(home_store, asker, ASKING)
    untouched = record(home_store, card, CALM)
    home_store.correct(first, 1, [_wrong("minimize"), _missed("acknowledge_impact")])
    home_store.correct(first, 3, [_missed("presence", "I'm here")])
    home_store.correct(second, 2, [_wrong("soft_startup")])
    out = attune("sessions", "labels")
    assert out.code == 0, out.err
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert rows == [
        {
            "text": MISSTEP,
            "moves": ["acknowledge_impact"],
            "mode": "listen",
            "source": "correction",
            "session": first,
            "turn": 1,
            "scene": card.id,
        },
        {
            "text": CALM[1],
            "moves": ["validate", "support", "presence"],
            "mode": "listen",
            "source": "correction",
            "session": first,
            "turn": 3,
            "scene": card.id,
        },
        {
            "text": ASKING[1],
            "moves": ["name_need"],
            "mode": "ask",
            "source": "correction",
            "session": second,
            "turn": 2,
            "scene": asker.id,
        },
    ]
    # Only the sessions named, each once; one with no corrections adds nothing.
    named = attune("sessions", "labels", second, second, untouched)
    assert [json.loads(line)["session"] for line in named.out.splitlines()] == [second]
    none = attune("sessions", "labels", untouched)
    assert none.code == 0 and none.out == "" and "No corrected tags" in none.err


def test_cli_labels_file_is_read_back_as_blind_data(
    home_store: SessionStore, card: PersonaCard, attune: RunCli, tmp_path: Path
) -> None:
    session_id = record(home_store, card, TEXTS)
    home_store.correct(session_id, 1, [_wrong("minimize"), _missed("acknowledge_impact")])
    path = tmp_path / "out" / "corrections.jsonl"
    path.parent.mkdir()
    result = attune("sessions", "labels", session_id, "--out", str(path))
    assert result.code == 0, result.err
    assert "Wrote 1 labelled message(s) from 1 session(s)" in result.err
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    blind = load_blind(path)
    assert [(m.text, [v.value for v in m.moves], m.scene) for m in blind] == [
        (MISSTEP, ["acknowledge_impact"], card.id)
    ]
    # An existing file is kept unless --force; a folder gets corrections.jsonl inside.
    again = attune("sessions", "labels", "--out", str(path))
    assert again.code == 2 and "already exists (pass --force" in again.err
    assert attune("sessions", "labels", "--out", str(path), "--force").code == 0
    folder = tmp_path / "labels"
    assert attune("sessions", "labels", "--out", f"{folder}/").code == 0
    assert (folder / "corrections.jsonl").read_text("utf-8") == path.read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("nope",), "no saved session 'nope'"),
        (("{id}", "nope"), "no saved session 'nope'"),
        (("{id}", "--out", "/dev/null", "--force"), "is a character device, not a regular file"),
        (("{id}", "--out", ""), "a path cannot be empty"),
    ],
)
def test_cli_labels_bad_input_writes_nothing(
    home_store: SessionStore,
    card: PersonaCard,
    attune: RunCli,
    tmp_path: Path,
    args: tuple[str, ...],
    expected: str,
) -> None:
    session_id = record(home_store, card, TEXTS)
    home_store.correct(session_id, 1, [_wrong("minimize")])
    before = set(tmp_path.rglob("*"))
    result = attune("sessions", "labels", *(a.format(id=session_id) for a in args))
    assert result.code == 2 and result.out == ""
    assert expected in result.err and result.err.strip().count("\n") == 0
    assert set(tmp_path.rglob("*")) == before


def test_cli_labels_link_is_not_replaced(
    home_store: SessionStore, card: PersonaCard, attune: RunCli, tmp_path: Path
) -> None:
    session_id = record(home_store, card, TEXTS)
    home_store.correct(session_id, 1, [_wrong("minimize")])
    target = tmp_path / "precious.txt"
    target.write_text("keep me", "utf-8")
    link = tmp_path / "labels.jsonl"
    link.symlink_to(target)
    result = attune("sessions", "labels", "--out", str(link), "--force")
    assert result.code == 2 and "is a symbolic link, not a regular file" in result.err
    assert target.read_text("utf-8") == "keep me" and link.is_symlink()


def test_cli_labels_without_a_database_creates_none(attune: RunCli) -> None:
    result = attune("sessions", "labels")
    assert result.code == 0 and result.out == ""
    assert not (home_dir() / "sessions.db").exists()


def test_a_stored_correction_asked_for_again_is_no_change(card: PersonaCard) -> None:
    # The stored one carries an id and a time; it still says the same as the one asked for.
    turn = new_session(card).respond(MISSTEP)
    stored = Correction(
        id=7, turn=1, kind="wrong", move=turn.moves[0], created_at=datetime.now(UTC)
    )
    again = plan(get_mode(card.mode), turn, [stored], [_wrong(turn.moves[0].value)])
    assert again.changed == [] and again.corrections == [stored]

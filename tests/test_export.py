"""Exports of a saved session: JSON shape, Markdown, the standalone HTML page and its chart."""

from __future__ import annotations

import html
import json
import os
import re
import stat
from pathlib import Path

import pytest

from saved_sessions import CALM, record, saved
from simulator.export import export, svg_chart, to_html, to_json, to_markdown
from simulator.export.files import export_to_folder, exports_dir, write_private
from simulator.export.markdown import md_block, md_inline
from simulator.feedback.debrief import Point, build_debrief
from simulator.personas import PersonaCard
from simulator.store import SavedSession, SessionStore
from simulator.support.paths import home_dir

HOSTILE = "Relax. <script>alert('x')</script> It's *not* a big deal | \x1b[2J\x9b31m"
SETTLING = (
    *CALM,
    "I'm here with you. Tell me more.",
)


@pytest.fixture
def session(tmp_path: Path, card: PersonaCard) -> SavedSession:
    """A session with a misstep (markup and control characters in it), repair and a retry."""
    return saved(tmp_path, card, [HOSTILE, *SETTLING], retry="It sounds like you felt alone.")


@pytest.fixture
def calm_session(tmp_path: Path, card: PersonaCard) -> SavedSession:
    """A session where the softer feeling comes through."""
    return saved(tmp_path, card, SETTLING)


# JSON


def test_json_has_the_documented_shape(session: SavedSession) -> None:
    data = json.loads(to_json(session))
    assert list(data) == [
        "version",
        "id",
        "persona",
        "started_at",
        "ended_at",
        "turns",
        "rewound",
        "debrief",
        "notes",
        "corrections",
        "self_rating",
    ]
    assert data["version"] == 1 and data["id"] == session.id
    assert data["persona"]["persona_id"] == "unanswered-text"
    assert data["started_at"].endswith("Z") and data["ended_at"].endswith("Z")
    assert [t["index"] for t in data["turns"]] == [1, 2, 3, 4, 5]
    assert [t["index"] for t in data["rewound"]] == [5]
    turn = data["turns"][0]
    assert set(turn) >= {
        "index",
        "user",
        "moves",
        "spans",
        "arousal",
        "connection",
        "zone",
        "reply",
        "softened",
        "surfaced_now",
        "guard",
        "effects",
    }
    assert turn["user"] == HOSTILE and "minimize" in turn["moves"]
    debrief = build_debrief(session.meta, session.turns)
    assert data["debrief"] == debrief.model_dump(mode="json")


def test_json_escapes_c1_and_del(session: SavedSession) -> None:
    text = to_json(session)
    assert "\x9b" not in text and "\x1b" not in text
    assert "\\u009b" in text and "\\u001b" in text


# Markdown


def test_markdown_has_the_setup_debrief_and_transcript(session: SavedSession) -> None:
    text = to_markdown(session)
    debrief = build_debrief(session.meta, session.turns)
    assert text.startswith("# Practice with Priya\n")
    for heading in ("## Setup", "## Debrief", "### The steps", "## Transcript", "## Taken back"):
        assert f"\n{heading}\n" in text
    assert md_inline(debrief.headline) in text
    assert debrief.helped and debrief.hurt
    for key in [*debrief.helped, *debrief.hurt]:
        for quote in key.quotes:
            assert md_inline(quote) in text
    for step in debrief.steps:
        assert f"| {step.label} | {step.count} |" in text
    for tip in debrief.tips:
        assert md_inline(tip) in text
    assert "It sounds like you felt alone." in text  # the rewound try


def test_markdown_escapes_learner_text(session: SavedSession) -> None:
    text = to_markdown(session)
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\*not\\*" in text and "\\|" in text
    assert "\x1b" not in text and "\x9b" not in text and "\\x1b[2J" in text.replace("\\[", "[")


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("- not a list", "\\- not a list"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("> not a quote", "\\> not a quote"),
        ("a_b [link](x) `code` &amp;", "a\\_b \\[link\\](x) \\`code\\` \\&amp;"),
        ("two\n\n- lines", "two\\\n\\- lines"),
    ],
)
def test_markdown_escaping(raw: str, escaped: str) -> None:
    assert md_block(raw) == escaped


def test_markdown_names_the_softer_feeling_when_it_came_through(
    calm_session: SavedSession,
) -> None:
    debrief = build_debrief(calm_session.meta, calm_session.turns)
    assert debrief.softened_turn is not None
    assert f"came through on turn {debrief.softened_turn}" in to_markdown(calm_session)


# HTML


def test_html_is_one_standalone_page(session: SavedSession) -> None:
    page = to_html(session)
    lowered = page.lower()
    assert lowered.startswith("<!doctype html>") and lowered.rstrip().endswith("</html>")
    assert "<script" not in lowered
    for external in ("http://", "https://", "src=", "href=", "<link", "@import", "url("):
        assert external not in lowered
    assert "content-security-policy" in lowered and "default-src 'none'" in page
    assert page.count("<svg") == 1 and page.count("<style>") == 1


def test_html_escapes_every_message(session: SavedSession) -> None:
    page = to_html(session)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "\x1b" not in page and "\x9b" not in page
    for turn in session.turns:
        assert html.escape(turn.reply) in page


def test_html_carries_the_debrief(session: SavedSession) -> None:
    page = to_html(session)
    debrief = build_debrief(session.meta, session.turns)
    assert html.escape(debrief.headline) in page
    for key in [*debrief.helped, *debrief.hurt]:
        for quote in key.quotes:
            assert html.escape(quote) in page
    assert "Taken back" in page and "It sounds like you felt alone." in page


# Chart


def test_the_chart_has_one_line_per_series_over_zone_bands(session: SavedSession) -> None:
    points = build_debrief(session.meta, session.turns).points
    svg = svg_chart(points)
    lines = re.findall(r'<polyline class="series (\w+)" points="([^"]+)"', svg)
    assert [name for name, _ in lines] == ["arousal", "connection"]
    assert all(len(coords.split()) == len(points) for _, coords in lines)
    assert len(re.findall(r'<rect class="zone ', svg)) == 5
    for label in ("flooded", "regulated", "turn (0 = the opening)", "level (0-100)", ">100<"):
        assert label in svg
    assert svg.count('<text x="') >= 2 + 6 + len(points)  # legend, y ticks, x ticks
    assert 'width="640" height="220"' in svg


def test_the_chart_of_a_session_without_turns_still_draws() -> None:
    svg = svg_chart([Point(turn=0, arousal=70.0, connection=35.0, zone="escalated")], 300, 150)
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 2
    assert "nan" not in svg.lower()


# Dispatch


def test_export_picks_the_format(session: SavedSession) -> None:
    assert export(session, "md") == to_markdown(session)
    assert export(session, "html") == to_html(session)
    assert export(session, "json") == to_json(session)
    with pytest.raises(ValueError, match="unknown export format"):
        export(session, "pdf")  # type: ignore[arg-type]


# Files


def test_export_to_folder_writes_a_private_file_and_replaces_it(
    card: PersonaCard, tmp_path: Path
) -> None:
    store = SessionStore.default()
    session_id = record(store, card, CALM[:1])
    path = export_to_folder(store, session_id[:10], "html")
    assert path == exports_dir() / f"{session_id}.html" and exports_dir().parent == home_dir()
    assert path.read_text(encoding="utf-8") == to_html(store.load(session_id))
    path.write_text("stale", encoding="utf-8")
    assert export_to_folder(store, session_id, "html") == path
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(exports_dir().stat().st_mode) == 0o700


def test_an_interrupted_write_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    target = tmp_path / "talk.md"
    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_private(target, "# half of it")
    assert list(tmp_path.iterdir()) == []

    target.write_text("mine", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        write_private(target, "# replacement", force=True)
    assert target.read_text(encoding="utf-8") == "mine"
    assert list(tmp_path.iterdir()) == [target]

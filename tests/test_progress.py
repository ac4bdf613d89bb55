"""`attune progress`: per step and per mistake, per session over time, from the real store."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import RunCli
from saved_sessions import CALM, MISSTEP, new_session
from simulator.export.progress_page import progress_html
from simulator.feedback.progress import build_progress, progress_lines, sparkline
from simulator.personas import Catalog
from simulator.store import SessionStore
from simulator.store.records import SessionMeta
from simulator.support.paths import home_dir
from simulator.turns.session import TurnRecord

START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
# By hand, from the classifier's tags on each message and the mode's checklist:
# CLUMSY = [MISSTEP] ("Relax, it's not a big deal."): minimize once, no step.
# ATTUNED = CALM: validate on all three turns, support on two ("I'm here", "What do you
# need"), no mistake. ASKED_BADLY ("You never listen to me.", ask mode): criticize once.
ASKED_BADLY = ["You never listen to me."]


class Template:
    """A session played once for real; its setup and turns are copied into many sessions."""

    def __init__(self, catalog: Catalog, persona: str, texts: Sequence[str]) -> None:
        session = new_session(catalog.get(persona))
        self.turns: list[TurnRecord] = [session.respond(t) for t in texts]
        start = session.start
        card = session.card
        self.meta = SessionMeta(
            persona_id=card.id,
            persona_name=card.name,
            summary=card.summary,
            model="scripted",
            intensity="realistic",
            practice_mode=card.mode,
            opening=session.opening,
            start_arousal=start.arousal,
            start_connection=start.connection,
            start_zone=start.zone.value,
            started_at=START,
        )

    def save(
        self, store: SessionStore, started_at: datetime, rating: dict[str, str] | None = None
    ) -> str:
        """A new saved session through the store's own API: setup, turns, rating, end."""
        session_id = store.create(self.meta.model_copy(update={"started_at": started_at}))
        for turn in self.turns:
            store.add_turn(session_id, turn)
        if rating:
            store.rate(session_id, rating)
        store.end(session_id)
        return session_id


@pytest.fixture(scope="module")
def templates(catalog: Catalog) -> dict[str, Template]:
    return {
        "clumsy": Template(catalog, "unanswered-text", [MISSTEP]),
        "attuned": Template(catalog, "unanswered-text", list(CALM)),
        "asked_badly": Template(catalog, "jumps-to-fixes", ASKED_BADLY),
    }


@pytest.fixture
def store() -> SessionStore:
    """The store the CLI uses ($ATTUNE_HOME is a temp folder in every test)."""
    return SessionStore(home_dir() / "sessions.db")


def _day(n: int) -> datetime:
    return START + timedelta(days=n)


def test_a_small_case_matches_the_hand_count(
    attune: RunCli, store: SessionStore, templates: dict[str, Template]
) -> None:
    # Saved out of order: progress orders by when each session started.
    third = templates["clumsy"].save(store, _day(2))
    first = templates["clumsy"].save(store, _day(0), {"present": "somewhat"})
    # validate: rated clearly, measured 3 turns (clearly): 0; reflect: clearly vs none: +2.
    second = templates["attuned"].save(
        store, _day(1), {"validate": "clearly", "reflect": "clearly"}
    )
    asked = templates["asked_badly"].save(store, _day(1) + timedelta(hours=1))
    shown = attune("progress", "--json")
    assert shown.code == 0, shown.err
    data = json.loads(shown.out)
    assert data["sessions"] == 4 and data["unit"] == "count per session"
    listen, ask = data["modes"]
    assert listen["mode"] == "listen" and ask["mode"] == "ask"
    assert [s["id"] for s in listen["sessions"]] == [first, second, third]
    assert [s["started_at"][:10] for s in listen["sessions"]] == [
        "2026-11-01",
        "2026-11-02",
        "2026-11-03",
    ]
    steps = {s["id"]: s["values"] for s in listen["steps"]}
    assert steps == {
        "present": [0, 0, 0],
        "steady": [0, 0, 0],
        "reflect": [0, 0, 0],
        "validate": [0, 3, 0],
        "support": [0, 2, 0],
        "solve": [0, 0, 0],
    }
    assert [(m["id"], m["values"]) for m in listen["mistakes"]] == [("minimize", [1, 0, 1])]
    # present rated somewhat, measured not really: +1; the second (0 and +2) averages +1.
    assert listen["gap"] == [1.0, 1.0, None]
    assert [s["id"] for s in ask["sessions"]] == [asked]
    assert [(m["id"], m["values"]) for m in ask["mistakes"]] == [("criticize", [1])]
    text = attune("progress", "--mode", "listen").out
    assert "listen mode: 3 session(s), 2026-11-01 to 2026-11-03" in text
    assert "ask mode" not in text
    assert "  Validate the feeling        ·█·  0.0 -> 0.0\n" in text
    assert "  Support before solutions    ·█·  0.0 -> 0.0\n" in text
    assert "  Minimizing                  █·█  1.0 -> 1.0\n" in text
    # Gap +1 on the -2..+2 scale is the sixth of eight bars; unrated is a dot.
    assert "  you minus measured          ▆▆·  +1.0 -> +1.0\n" in text
    assert f"   1  2026-11-01  {first}\n" in text
    assert f"   3  2026-11-03  {third}\n" in text


def test_sparklines_scale_to_their_row_and_mark_zero() -> None:
    assert sparkline([0, 1, 2, 4]) == "·▂▄█"
    assert sparkline([0, 0]) == "··"
    assert sparkline([-2, 0, 2, None], -2.0, 2.0) == "▁▄█·"


@pytest.fixture(scope="module")
def three_hundred_home(
    tmp_path_factory: pytest.TempPathFactory, templates: dict[str, Template]
) -> tuple[Path, list[str]]:
    """An attune folder with 300 sessions an hour apart, made once for the module: every
    fifth in ask mode; of the 240 with Priya, the first 120 clumsy and the last 120
    attuned, each rated `validate: clearly`. Returns the folder and the Priya session ids."""
    home = tmp_path_factory.mktemp("three-hundred")
    store = SessionStore(home / "sessions.db")
    ids = []
    listen = 0
    for i in range(300):
        when = START + timedelta(hours=i)
        if i % 5 == 4:
            templates["asked_badly"].save(store, when)
            continue
        kind = "clumsy" if listen < 120 else "attuned"
        ids.append(templates[kind].save(store, when, {"validate": "clearly"}))
        listen += 1
    return home, ids


@pytest.fixture
def three_hundred(
    three_hundred_home: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """The 300-session folder as this test's attune folder; the Priya session ids."""
    home, ids = three_hundred_home
    monkeypatch.setenv("ATTUNE_HOME", str(home))
    return ids


def test_three_hundred_sessions_by_persona(attune: RunCli, three_hundred: list[str]) -> None:
    shown = attune("progress", "--persona", "unanswered-text", "--json")
    assert shown.code == 0, shown.err
    data = json.loads(shown.out)
    assert data["persona"] == "unanswered-text" and data["sessions"] == 240
    (listen,) = data["modes"]
    assert [s["id"] for s in listen["sessions"]] == three_hundred
    steps = {s["id"]: s["values"] for s in listen["steps"]}
    assert steps["validate"] == [0] * 120 + [3] * 120
    assert steps["support"] == [0] * 120 + [2] * 120
    assert [(m["id"], m["values"]) for m in listen["mistakes"]] == [
        ("minimize", [1] * 120 + [0] * 120)
    ]
    # Rated clearly: +2 against no validating, 0 against three turns of it.
    assert listen["gap"] == [2.0] * 120 + [0.0] * 120
    # 240 sessions over 16 points: 15 sessions a point, the first 8 clumsy, the last 8 not.
    text = attune("progress", "--persona", "unanswered-text").out
    assert "Each point is the mean of 15-15 neighbouring sessions" in text
    assert "  Validate the feeling        ········████████  0.0 -> 3.0\n" in text
    assert "  Minimizing                  ████████········  1.0 -> 0.0\n" in text
    assert "  you minus measured          ████████▄▄▄▄▄▄▄▄  +2.0 -> +0.0\n" in text
    first, last = three_hundred[0], three_hundred[14]
    assert (
        f"   1  2026-11-01 to 2026-11-02  {first}, {three_hundred[1]}, {three_hundred[2]}, +12 more"
        in text
    )
    assert last not in text.split("Sessions behind each point:")[1].splitlines()[1]


def test_three_hundred_sessions_grouped_unevenly(three_hundred: list[str]) -> None:
    history = SessionStore(home_dir() / "sessions.db").history()
    assert len(history.sessions) == 300 and not history.unreadable
    progress = build_progress(history.sessions)
    listen, ask = progress.modes
    assert (len(listen.sessions), len(ask.sessions)) == (240, 60)
    # 240 over 18 points: runs of 13 or 14; the clumsy/attuned change falls inside point 9.
    chart = listen.chart(18)
    sizes = [len(p.sessions) for p in chart.points]
    assert sum(sizes) == 240 and set(sizes) == {13, 14}
    start = sum(sizes[:8])
    clumsy_in_ninth = 120 - start
    validate = next(s for s in chart.steps if s.id == "validate").values
    assert validate[:8] == [0.0] * 8 and validate[9:] == [3.0] * 9
    assert validate[8] == pytest.approx(3.0 * (sizes[8] - clumsy_in_ninth) / sizes[8])
    assert [s.id for s in chart.points[8].sessions] == three_hundred[start : start + sizes[8]]
    ask_only = build_progress(history.sessions, mode="ask")
    assert [m.mode for m in ask_only.modes] == ["ask"] and ask_only.sessions == 60
    assert "Self-rating gap: none of these sessions was rated" in progress_lines(ask_only)


def test_no_sessions_yet_is_said_plainly(attune: RunCli) -> None:
    shown = attune("progress")
    assert shown.code == 0
    assert shown.out.startswith("No saved sessions yet")
    assert not (home_dir() / "sessions.db").exists(), "looking creates no database"


def test_the_html_page_is_standalone_and_escaped(
    attune: RunCli, store: SessionStore, templates: dict[str, Template], tmp_path: Path
) -> None:
    templates["clumsy"].save(store, _day(0), {"validate": "clearly"})
    templates["attuned"].save(store, _day(1))
    out = tmp_path / "progress.html"
    shown = attune("progress", "--html", str(out))
    assert shown.code == 0, shown.err
    assert "Wrote" in shown.err and shown.out == ""
    page = out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o600
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    for loads in ("<script", "<link", "<img", "src=", "http://", "https://", "@import", "url("):
        assert loads not in page
    assert page.count("<svg") == 6 + 1 + 1  # six steps, one mistake, the gap
    assert "Validate the feeling" in page and "Minimizing" in page
    # Again without --force: refused, the page kept.
    again = attune("progress", "--html", str(out))
    assert again.code == 2 and "already exists" in again.err
    assert out.read_text(encoding="utf-8") == page
    history = store.history()
    named = history.sessions[0].model_copy(
        update={"meta": history.sessions[0].meta.model_copy(update={"persona_name": "<b>Pr</b>"})}
    )
    assert "<b>Pr</b>" not in progress_html(build_progress([named]))


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--mode", "nope"], "'nope' is not one of 'listen', 'ask'"),
        (["--persona", ""], "a persona id cannot be empty"),
        (["--persona", "nobody"], "no saved session with persona 'nobody'"),
        (["--html", ""], "a path cannot be empty"),
        (["--points"], "No such option"),
    ],
)
def test_bad_flags_are_one_line_and_exit_2(
    attune: RunCli,
    store: SessionStore,
    templates: dict[str, Template],
    args: list[str],
    named: str,
) -> None:
    templates["clumsy"].save(store, _day(0))
    shown = attune("progress", *args)
    assert shown.code == 2
    assert shown.err.count("\n") == 1 and named in shown.err, shown.err


def test_html_into_a_folder_is_one_line_and_exit_2(
    attune: RunCli, store: SessionStore, templates: dict[str, Template], tmp_path: Path
) -> None:
    templates["clumsy"].save(store, _day(0))
    shown = attune("progress", "--html", str(tmp_path))
    assert shown.code == 2 and shown.err.count("\n") == 1 and "is a folder" in shown.err


@pytest.mark.slow
def test_the_html_page_opens_in_headless_chromium(
    attune: RunCli, store: SessionStore, templates: dict[str, Template], tmp_path: Path
) -> None:
    from test_serve import CHROMIUM, CHROMIUM_FLAGS

    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed at /usr/bin/chromium "
            "(make test installs it when run as root: apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    first = templates["clumsy"].save(store, _day(0), {"validate": "clearly"})
    templates["attuned"].save(store, _day(1), {"validate": "clearly"})
    page_path = tmp_path / "progress.html"
    assert attune("progress", "--html", str(page_path)).code == 0
    shot = tmp_path / "progress.png"
    requests: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(page_path.as_uri(), wait_until="load")
            page.screenshot(path=str(shot), full_page=True)
            title = page.title()
            body = page.inner_text("body")
            charts = page.eval_on_selector_all("svg", "nodes => nodes.length")
            dots = page.eval_on_selector_all("svg circle", "nodes => nodes.length")
            # The first dot of the validate chart sits lower (0) than the second (3 turns).
            validate = page.eval_on_selector_all(
                "svg",
                "nodes => [...nodes[3].querySelectorAll('circle')].map(c => +c.getAttribute('cy'))",
            )
            tooltip = page.eval_on_selector("svg circle title", "node => node.textContent")
        finally:
            browser.close()
    assert requests == [page_path.as_uri()], "the page loads nothing but itself"
    assert title == "Progress across sessions"
    assert "Listen mode: 2 session(s)" in body and "Validate the feeling" in body
    assert charts == 8 and dots == 16
    assert validate[0] > validate[1]
    assert first in tooltip
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000

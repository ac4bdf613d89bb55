"""`attune progress --html`: one standalone page a coach can open, charts drawn in inline SVG.

Like the session export, the page loads nothing (inline CSS and SVG, no scripts, fonts,
images or links, and a content security policy that would block them anyway), and
every piece of text from the store is escaped.
"""

from __future__ import annotations

from simulator.export.common import when
from simulator.export.page import h, page_start
from simulator.feedback.progress import UNIT, Chart, ChartPoint, ModeProgress, Progress, Series
from simulator.modes import get_mode

PAGE_POINTS = 40
"""At most this many points per chart; neighbouring sessions are grouped beyond it."""
_W, _H, _PAD = 560, 120, 28

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; color: #222; background: #fdfdfb;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { border-bottom: 1px solid #ddd; margin-top: 2rem; }
.muted { color: #666; font-size: .9rem; }
.series { display: grid; grid-template-columns: 16rem 1fr; gap: .3rem 1rem;
          align-items: center; }
.series svg { width: 100%; max-width: 36rem; height: auto; background: #fff;
              border: 1px solid #eee; }
.label { font-weight: 600; }
.label .muted { font-weight: normal; display: block; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { text-align: left; padding: .15rem .6rem .15rem 0; vertical-align: top; }
td.n { text-align: right; }
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _point_title(point: ChartPoint) -> str:
    lines = [
        f"{when(s.started_at)}  {s.id}  {s.persona_name} ({s.turns} turns)" for s in point.sessions
    ]
    return "\n".join(lines)


def _svg(
    values: list[float | None], points: list[ChartPoint], low: float, high: float, color: str
) -> str:
    """A small line chart: one dot per point, each titled with the sessions behind it."""
    n = len(values)
    span = high - low or 1.0

    def x(i: int) -> float:
        return _PAD + (0 if n == 1 else i * (_W - 2 * _PAD) / (n - 1))

    def y(v: float) -> float:
        return _H - _PAD / 2 - (v - low) / span * (_H - _PAD)

    known = [(i, v) for i, v in enumerate(values) if v is not None]
    line = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in known)
    dots = "".join(
        f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{color}">'
        f"<title>{h(f'{v:+.2f}' if low < 0 else f'{v:.2f}')} · {h(_point_title(points[i]))}</title>"
        "</circle>"
        for i, v in known
    )
    axis = (
        f'<line x1="{_PAD}" y1="{y(0 if low < 0 else low):.1f}" x2="{_W - _PAD}" '
        f'y2="{y(0 if low < 0 else low):.1f}" stroke="#ccc" stroke-width="1"/>'
    )
    scale = (
        f'<text x="2" y="{y(high) + 4:.1f}" font-size="10" fill="#888">{high:g}</text>'
        f'<text x="2" y="{y(low) + 4:.1f}" font-size="10" fill="#888">{low:g}</text>'
    )
    return (
        f'<svg viewBox="0 0 {_W} {_H}" role="img">'
        f"{axis}{scale}"
        f'<polyline points="{line}" fill="none" stroke="{color}" stroke-width="2"/>'
        f"{dots}</svg>"
    )


def _series(series: list[Series], chart: Chart, color: str) -> str:
    top = max([1.0, *(v for s in series for v in s.values)])
    rows = []
    for s in series:
        first, last = s.values[0], s.values[-1]
        rows.append(
            f'<div class="label">{h(s.label)}<span class="muted">{first:.1f} → {last:.1f} '
            f"per session</span></div>{_svg(list(s.values), chart.points, 0.0, top, color)}"
        )
    return f'<div class="series">{"".join(rows)}</div>'


def _sessions_table(mode: ModeProgress) -> str:
    practice = get_mode(mode.mode)
    steps = [s for s in practice.coaching.steps]
    misses = [s.id for s in mode.mistakes]
    head = "".join(f"<th>{h(s.label)}</th>" for s in steps) + "".join(
        f"<th>{h(s.label)}</th>" for s in mode.mistakes
    )
    rows = []
    for r in mode.sessions:
        cells = "".join(f'<td class="n">{r.steps.get(s.id, 0)}</td>' for s in steps)
        cells += "".join(f'<td class="n">{r.mistakes.get(m, 0)}</td>' for m in misses)
        gap = "-" if r.gap is None else f"{r.gap:+.1f}"
        rows.append(
            f"<tr><td>{h(when(r.started_at))}</td><td>{h(r.id)}</td><td>{h(r.persona_name)}</td>"
            f'<td class="n">{r.turns}</td>{cells}<td class="n">{h(gap)}</td></tr>'
        )
    return (
        "<table><tr><th>Started</th><th>Session</th><th>Partner</th><th>Turns</th>"
        f"{head}<th>Self-rating gap</th></tr>{''.join(rows)}</table>"
    )


def _mode_section(mode: ModeProgress) -> str:
    chart = mode.chart(PAGE_POINTS)
    words = get_mode(mode.mode).words
    count = len(mode.sessions)
    grouped = count > len(chart.points)
    each = (
        f"Each point is the mean of a group of about {count / len(chart.points):.1f} "
        "neighbouring sessions"
        if grouped
        else "Each point is one session"
    )
    rated = [g for g in chart.gap if g is not None]
    gap = (
        '<div class="series"><div class="label">You minus measured<span class="muted">'
        "levels per step; above 0: rated higher than measured</span></div>"
        f"{_svg(chart.gap, chart.points, -2.0, 2.0, '#c98a00')}</div>"
        if rated
        else "<p>None of these sessions was rated.</p>"
    )
    mistakes = (
        _series(chart.mistakes, chart, "#e5484d")
        if chart.mistakes
        else "<p>None recognised in these sessions.</p>"
    )
    return "\n".join(
        [
            f"<h2>{h(mode.mode.capitalize())} mode: {count} session(s)</h2>",
            f'<p class="muted">{h(each)}, oldest on the left; hover a dot for the sessions '
            "behind it (listed in full below).</p>",
            f"<h3>{h(words.steps_shown_title)} (turns per session)</h3>",
            _series(chart.steps, chart, "#3e9b4f"),
            f"<h3>{h(words.traps_title)} (times per session)</h3>",
            mistakes,
            "<h3>Self-rating gap</h3>",
            gap,
            "<h3>The sessions</h3>",
            _sessions_table(mode),
        ]
    )


def progress_html(progress: Progress) -> str:
    """The progress view as one standalone HTML page."""
    filters = [f for f in (progress.persona, progress.mode) if f]
    title = "Progress across sessions" + (f" ({', '.join(filters)})" if filters else "")
    body = (
        [_mode_section(m) for m in progress.modes]
        if progress.modes
        else ["<p>No saved sessions match yet.</p>"]
    )
    return "\n".join(
        [
            *page_start(title, _CSS, _CSP),
            f'<p class="muted">{progress.sessions} saved session(s), exported from attune. '
            f"Unit: {h(UNIT)} (for a step, the turns that showed it; for a mistake, the times "
            "it was recognised).</p>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )

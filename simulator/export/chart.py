"""An inline SVG chart of arousal and connection over a session's turns."""

from __future__ import annotations

import math
from html import escape

from simulator.domain.zones import ZONE_FLOORS
from simulator.feedback.debrief import Point
from simulator.modes import ENGINE_WORDS, StateWords

SERIES: tuple[tuple[str, str, str], ...] = (
    # (field, legend label, stroke dash: none for arousal, dashed for connection)
    ("arousal", "arousal", ""),
    ("connection", "connection", "6 4"),
)
COLOURS = {"arousal": "#c0392b", "connection": "#1f6fb2"}
# Hottest zone darkest; bands are pale so the lines stay readable over them.
ZONE_FILLS = {
    "flooded": "#f5c6c0",
    "escalated": "#f9dcc4",
    "guarded": "#fbeec2",
    "settling": "#dcefd8",
    "regulated": "#cfe8e6",
}
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 78, 28, 36
_MAX_X_LABELS = 12


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def svg_chart(
    points: list[Point], width: int = 640, height: int = 220, view: StateWords = ENGINE_WORDS
) -> str:
    """Two lines (arousal, connection; 0-100) over zone bands, with axes and a legend."""
    plot_w = max(width - _LEFT - _RIGHT, 10)
    plot_h = max(height - _TOP - _BOTTOM, 10)
    last_turn = max((p.turn for p in points), default=0)

    def x(turn: int) -> float:
        return _LEFT + (plot_w * turn / last_turn if last_turn else plot_w / 2)

    def y(level: float) -> float:
        return _TOP + plot_h * (1 - min(max(level, 0.0), 100.0) / 100)

    parts = [
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{view.tension.capitalize()} and {view.closeness} after each '
        "turn (0 to 100)</title>",
    ]
    ceiling = 100.0
    for zone, floor in ZONE_FLOORS:
        top, bottom = y(ceiling), y(floor)
        parts.append(
            f'<rect class="zone {zone.value}" x="{_LEFT}" y="{_n(top)}" width="{plot_w}" '
            f'height="{_n(bottom - top)}" fill="{ZONE_FILLS[zone.value]}"/>'
        )
        parts.append(
            f'<text class="zone-label" x="{_LEFT + plot_w + 6}" y="{_n((top + bottom) / 2 + 4)}" '
            f'font-size="11" fill="#555">{escape(view.stage(zone))}</text>'
        )
        ceiling = floor
    for level in range(0, 101, 20):
        parts.append(
            f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{_n(y(level))}" y2="{_n(y(level))}" '
            'stroke="#ffffff" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_LEFT - 6}" y="{_n(y(level) + 4)}" font-size="11" text-anchor="end" '
            f'fill="#333">{level}</text>'
        )
    step = max(1, math.ceil((last_turn + 1) / _MAX_X_LABELS))
    for turn in range(0, last_turn + 1, step):
        parts.append(
            f'<text x="{_n(x(turn))}" y="{_TOP + plot_h + 15}" font-size="11" '
            f'text-anchor="middle" fill="#333">{turn}</text>'
        )
    parts += [
        f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h}" '
        'stroke="#333"/>',
        f'<line x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP}" y2="{_TOP + plot_h}" stroke="#333"/>',
        f'<text x="{_LEFT + plot_w / 2:.0f}" y="{height - 4}" font-size="12" '
        'text-anchor="middle" fill="#333">turn (0 = the opening)</text>',
        f'<text x="12" y="{_TOP + plot_h / 2:.0f}" font-size="12" text-anchor="middle" '
        f'fill="#333" transform="rotate(-90 12 {_TOP + plot_h / 2:.0f})">level (0-100)</text>',
    ]
    for i, (field, _, dash) in enumerate(SERIES):
        label = view.tension if field == "arousal" else view.closeness
        colour = COLOURS[field]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        coords = " ".join(f"{_n(x(p.turn))},{_n(y(getattr(p, field)))}" for p in points)
        parts.append(
            f'<polyline class="series {field}" points="{coords}" fill="none" '
            f'stroke="{colour}" stroke-width="2.5"{dashed}/>'
        )
        for p in points:
            value = float(getattr(p, field))
            parts.append(
                f'<circle cx="{_n(x(p.turn))}" cy="{_n(y(value))}" r="3" fill="{colour}">'
                f"<title>turn {p.turn}: {label} {value:.1f} ({escape(view.stage(p.zone))})</title>"
                "</circle>"
            )
        # Legend along the top margin, one entry per series.
        lx = _LEFT + i * 130
        parts.append(
            f'<line x1="{lx}" x2="{lx + 24}" y1="12" y2="12" stroke="{colour}" '
            f'stroke-width="2.5"{dashed}/>'
            f'<text x="{lx + 30}" y="16" font-size="12" fill="#333">{label}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)

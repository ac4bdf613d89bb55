"""Progress across sessions: per step and per mistake, how often each showed, session by session.

The unit is the count per session, the numbers the session's own debrief shows: for a
step, the turns that showed it; for a mistake, the times it was recognised. (Sessions
differ in length; each session's turn count is kept beside it so a reader can divide.)
Sessions are ordered by when they started. A chart with more sessions than it has
points groups neighbouring sessions, and each point is then the mean of its group; the
sessions behind every point are listed with it. The self-rating gap is the mean, over
the rated steps of a session, of the learner's level minus the measured one (see
`simulator.feedback.selfrating`); sessions without a rating have none.

Everything comes from the session store in one read (`SessionStore.history`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from simulator.feedback.debrief import counts
from simulator.feedback.selfrating import self_rating
from simulator.modes import get_mode, mode_names
from simulator.store.records import SavedSession, SessionMeta

UNIT = "count per session"
"""What every value is: turns that showed a step, or times a mistake was recognised."""
CHART_POINTS = 16
"""How many points a terminal chart shows at most (neighbouring sessions are grouped)."""
SPARKS = "▁▂▃▄▅▆▇█"
NONE_MARK = "·"


class SessionRow(BaseModel):
    """One session's counts."""

    model_config = ConfigDict(frozen=True)

    id: str
    started_at: datetime
    persona_id: str
    persona_name: str
    turns: int
    steps: dict[str, int]
    """Turns that showed each step, by step id (every step of the mode)."""
    mistakes: dict[str, int]
    """Times each mistake was recognised, by move id (only those that showed)."""
    gap: float | None
    """The self-rating gap (levels; positive: rated higher than measured); None if unrated."""


class Series(BaseModel):
    """One step or mistake over the sessions."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    values: list[float]
    """Per session, oldest first (or per point, in a `Chart`)."""


class ChartPoint(BaseModel):
    """A point of a chart: the sessions behind it (one, or a group of neighbours)."""

    model_config = ConfigDict(frozen=True)

    sessions: list[SessionRow]

    @property
    def first(self) -> datetime:
        """When its first session started."""
        return self.sessions[0].started_at

    @property
    def last(self) -> datetime:
        """When its last session started."""
        return self.sessions[-1].started_at


class Chart(BaseModel):
    """One mode's series over at most a given number of points."""

    model_config = ConfigDict(frozen=True)

    mode: str
    points: list[ChartPoint]
    steps: list[Series]
    mistakes: list[Series]
    gap: list[float | None]


class ModeProgress(BaseModel):
    """One practice mode's sessions (steps and mistakes differ between modes)."""

    model_config = ConfigDict(frozen=True)

    mode: str
    sessions: list[SessionRow]
    steps: list[Series]
    """Every step of the mode's checklist, per session."""
    mistakes: list[Series]
    """Every mistake that showed in at least one session, per session, in taxonomy order."""

    @property
    def gap(self) -> list[float | None]:
        """The self-rating gap per session (None where the learner did not rate)."""
        return [s.gap for s in self.sessions]

    def chart(self, points: int = CHART_POINTS) -> Chart:
        """The series over at most `points` points, neighbouring sessions grouped."""
        groups = _groups(len(self.sessions), max(points, 1))
        return Chart(
            mode=self.mode,
            points=[ChartPoint(sessions=self.sessions[a:b]) for a, b in groups],
            steps=[_grouped(s, groups) for s in self.steps],
            mistakes=[_grouped(s, groups) for s in self.mistakes],
            gap=[_mean_known(self.gap[a:b]) for a, b in groups],
        )


class Progress(BaseModel):
    """Progress across the saved sessions that match the filters, by practice mode."""

    model_config = ConfigDict(frozen=True)

    persona: str | None = None
    mode: str | None = None
    modes: list[ModeProgress]
    unreadable: int = 0
    """Sessions skipped because they could not be read back."""

    @property
    def sessions(self) -> int:
        """How many sessions are counted."""
        return sum(len(m.sessions) for m in self.modes)

    def public_json(self) -> dict[str, object]:
        """The `attune progress --json` shape (documented in the README)."""
        return {
            "persona": self.persona,
            "mode": self.mode,
            "unit": UNIT,
            "sessions": self.sessions,
            "unreadable": self.unreadable,
            "modes": [
                {
                    "mode": m.mode,
                    "sessions": [s.model_dump(mode="json") for s in m.sessions],
                    "steps": [s.model_dump(mode="json") for s in m.steps],
                    "mistakes": [s.model_dump(mode="json") for s in m.mistakes],
                    "gap": m.gap,
                }
                for m in self.modes
            ],
        }


def _groups(count: int, points: int) -> list[tuple[int, int]]:
    """Split `count` sessions, in order, into at most `points` runs of near-equal length."""
    if count == 0:
        return []
    n = min(count, points)
    return [(i * count // n, (i + 1) * count // n) for i in range(n)]


def _mean_known(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _grouped(series: Series, groups: list[tuple[int, int]]) -> Series:
    values = [sum(series.values[a:b]) / (b - a) for a, b in groups]
    return series.model_copy(update={"values": values})


def session_row(saved: SavedSession) -> SessionRow:
    """One session's counts, as its debrief counts them."""
    meta = saved.meta
    steps, mistakes = counts(meta, saved.turns)
    return SessionRow(
        id=saved.id,
        started_at=meta.started_at,
        persona_id=meta.persona_id,
        persona_name=meta.persona_name,
        turns=len(saved.turns),
        steps=steps,
        mistakes=mistakes,
        gap=self_rating(meta.practice_mode, steps, saved.self_ratings).gap,
    )


def matches(meta: SessionMeta, persona: str | None, mode: str | None) -> bool:
    """True when a session's setup passes the filters."""
    return (persona is None or meta.persona_id == persona) and (
        mode is None or meta.practice_mode == mode
    )


def build_progress(
    sessions: Sequence[SavedSession],
    persona: str | None = None,
    mode: str | None = None,
    unreadable: int = 0,
) -> Progress:
    """Progress over saved sessions (any order; sorted by start), filtered by persona and mode."""
    chosen = sorted(
        (s for s in sessions if matches(s.meta, persona, mode)),
        key=lambda s: (s.meta.started_at, s.id),
    )
    by_mode: dict[str, list[SessionRow]] = {}
    for saved in chosen:
        by_mode.setdefault(saved.meta.practice_mode, []).append(session_row(saved))
    modes = []
    # Registered modes in their fixed order; a mode no longer registered cannot be counted.
    for name in mode_names():
        rows = by_mode.get(name)
        if not rows:
            continue
        practice = get_mode(name)
        steps = [
            Series(id=s.id, label=s.label, values=[float(r.steps.get(s.id, 0)) for r in rows])
            for s in practice.coaching.steps
        ]
        seen = {move for r in rows for move in r.mistakes}
        mistakes = [
            Series(
                id=info.move.value,
                label=info.label,
                values=[float(r.mistakes.get(info.move.value, 0)) for r in rows],
            )
            for info in practice.moves
            if info.polarity == "misattuned" and info.move.value in seen
        ]
        modes.append(ModeProgress(mode=name, sessions=rows, steps=steps, mistakes=mistakes))
    return Progress(persona=persona, mode=mode, modes=modes, unreadable=unreadable)


def sparkline(values: Sequence[float | None], low: float = 0.0, high: float | None = None) -> str:
    """One character per value, scaled from `low` to `high` (the values' top by default);
    `·` marks a zero count (or a missing value)."""
    known = [v for v in values if v is not None]
    top = high if high is not None else max(known, default=0.0)
    out = []
    for value in values:
        if value is None or (value <= low and high is None):
            out.append(NONE_MARK)
            continue
        span = top - low
        share = 1.0 if span <= 0 else (value - low) / span
        out.append(SPARKS[min(len(SPARKS) - 1, max(0, math.ceil(share * len(SPARKS)) - 1))])
    return "".join(out)


def _day(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d}"


def _range(point: ChartPoint) -> str:
    first, last = _day(point.first), _day(point.last)
    return first if first == last else f"{first} to {last}"


def _ids(point: ChartPoint, shown: int = 3) -> str:
    ids = [s.id for s in point.sessions]
    more = f", +{len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def _number(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def _series_lines(series: list[Series], width: int) -> list[str]:
    return [
        f"  {s.label:<{width}}  {sparkline(s.values)}  "
        f"{_number(s.values[0])} -> {_number(s.values[-1])}"
        for s in series
    ]


def chart_lines(chart: Chart) -> list[str]:
    """One mode's chart as plain text lines: sparklines, the gap, and the sessions per point."""
    points = chart.points
    if not points:
        return []
    count = sum(len(p.sessions) for p in points)
    words = get_mode(chart.mode).words
    width = max([24, *(len(s.label) for s in [*chart.steps, *chart.mistakes])])
    grouped = count > len(points)
    out = [
        f"{chart.mode} mode: {count} session(s), "
        + _range(ChartPoint(sessions=[points[0].sessions[0], points[-1].sessions[-1]])),
        (
            f"Each point is the mean of {count // len(points)}-{-(-count // len(points))} "
            "neighbouring sessions, oldest on the left (listed below); then the first "
            "and last point."
            if grouped
            else "Each point is one session, oldest on the left (listed below); then the "
            "first and last point."
        ),
        "",
        f"{words.steps_shown_title} (turns per session)",
        *_series_lines(chart.steps, width),
        "",
    ]
    if chart.mistakes:
        out.append(f"{words.traps_title} (times per session)")
        out += _series_lines(chart.mistakes, width)
    else:
        out.append(f"{words.traps_title}: none recognised in these sessions")
    rated = [g for g in chart.gap if g is not None]
    out.append("")
    if rated:
        out += [
            "Self-rating gap (your level minus the measured one, per step: ▁ -2 ... █ +2)",
            f"  {'you minus measured':<{width}}  {sparkline(chart.gap, -2.0, 2.0)}  "
            f"{_number(rated[0], True)} -> {_number(rated[-1], True)}",
        ]
    else:
        out.append("Self-rating gap: none of these sessions was rated")
    out += ["", "Sessions behind each point:"]
    for i, point in enumerate(points, start=1):
        out.append(f"  {i:>2}  {_range(point)}  {_ids(point)}")
    return out


def progress_lines(progress: Progress, points: int = CHART_POINTS) -> list[str]:
    """The whole progress view as plain text lines (the CLI prints them, the TUI shows them)."""
    filters = [f for f in (progress.persona, progress.mode) if f]
    which = f" ({', '.join(filters)})" if filters else ""
    if not progress.modes:
        return [f"No saved sessions{which} yet: practise, and your progress will show here."]
    out = [f"Progress across {progress.sessions} saved session(s){which}; unit: {UNIT}.", ""]
    for i, mode in enumerate(progress.modes):
        if i:
            out += ["", ""]
        out += chart_lines(mode.chart(points))
    if progress.unreadable:
        out += ["", f"{progress.unreadable} session(s) could not be read and are left out."]
    return out

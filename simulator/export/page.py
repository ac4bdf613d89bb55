"""The HTML export: one standalone page, with the chart, the debrief and the transcript.

The page loads nothing: inline CSS and SVG only, no scripts, fonts, images or links,
and a content security policy that would block them anyway. Every piece of text
from the learner, the model or a persona card is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from simulator.export.chart import svg_chart
from simulator.export.common import (
    SELF_RATING_TITLE,
    change,
    corrections_text,
    debrief_of,
    effect_text,
    moves_of,
    repr_quote,
    self_rating_of,
    softer_text,
    speaker,
    start_text,
    when,
)
from simulator.feedback.debrief import Debrief, KeyTurn
from simulator.feedback.selfrating import LEVEL_LABELS, SelfRating
from simulator.modes import ENGINE_WORDS, StateWords, words_for
from simulator.store.corrections import TagCorrection
from simulator.store.records import Note, SavedSession
from simulator.support.textsafe import printable
from simulator.turns.session import TurnRecord

_CSS = """
body { font: 16px/1.5 system-ui, sans-serif; color: #222; background: #fdfdfb;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { border-bottom: 1px solid #ddd; margin-top: 2.2rem; }
.muted { color: #666; font-size: .9rem; }
.headline { font-size: 1.15rem; font-weight: 600; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: .2rem .8rem .2rem 0; vertical-align: top; }
td.n { text-align: right; }
.chart { max-width: 100%; height: auto; }
.turn { border-left: 3px solid #ccc; padding: .2rem 0 .2rem .8rem; margin: 1rem 0; }
.turn.rewound { border-left-style: dashed; opacity: .8; }
.you { font-weight: 600; }
.state { color: #555; font-size: .9rem; }
.effects { font-size: .9rem; color: #444; margin: .2rem 0; }
.quote { font-style: italic; }
.msg { white-space: pre-wrap; }
.cue { color: #666; font-style: italic; margin-top: -0.4em; }
.stepped-out { border-left: 3px solid #c98a00; padding-left: .6rem; }
.correction { border-left: 3px solid #c98a00; background: #fdf6e7; padding: .3rem .6rem;
              margin: .4rem 0; }
.note { border-left: 3px solid #8e8cf0; background: #f3f2fd; padding: .3rem .6rem;
        margin: .4rem 0; white-space: pre-wrap; }
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def h(text: object) -> str:
    """Text made safe for HTML: control characters shown, markup escaped."""
    return escape(printable(str(text)))


def _setup(saved: SavedSession) -> str:
    meta = saved.meta
    view = words_for(meta.practice_mode)
    rows = [
        ("Partner", f"{meta.persona_name} ({meta.persona_id})"),
        ("Scenario", meta.summary),
        ("Model", f"{meta.model}, seed {meta.seed}"),
        ("Intensity", meta.intensity),
        ("Mode", meta.practice_mode),
        ("Feedback", meta.feedback),
        ("Started", when(meta.started_at)),
        ("Ended", when(saved.ended_at)),
        (
            "At the start",
            start_text(meta.start_arousal, meta.start_connection, meta.start_zone, view),
        ),
    ]
    body = "".join(f"<tr><th>{h(k)}</th><td>{h(v)}</td></tr>" for k, v in rows)
    return f"<h2>Setup</h2>\n<table>{body}</table>"


def _key_turns(title: str, keyed: list[KeyTurn], name: str, view: StateWords = ENGINE_WORDS) -> str:
    if not keyed:
        return f"<h3>{h(title)}</h3>\n<p>None this time.</p>"
    items = []
    for k in keyed:
        quotes = "".join(f'<li class="quote">{h(q)}</li>' for q in k.quotes)
        items.append(
            f"<li><strong>Turn {k.index}</strong> ({view.tension} {k.arousal_delta:+.1f}, "
            f'{view.closeness} {k.connection_delta:+.1f}): <span class="msg">{h(k.user)}</span>'
            f"<ul>{quotes}<li>{h(name)} answered: {h(k.reply)}</li></ul></li>"
        )
    return f"<h3>{h(title)}</h3>\n<ul>{''.join(items)}</ul>"


def _said(quotes: list[str]) -> str:
    """The learner's own words behind a tally, quoted."""
    if not quotes:
        return ""
    return f' <span class="quote">{h(", ".join(repr_quote(q) for q in quotes))}</span>'


def _debrief(debrief: Debrief) -> str:
    view = words_for(debrief.mode)
    legend = view.chart_legend
    steps = "".join(
        f'<tr><td>{h(s.label)}</td><td class="n">{s.count}</td></tr>' for s in debrief.steps
    )
    missteps = "".join(
        f"<li>{h(m.label)}: {m.count}{_said(m.quotes)}</li>" for m in debrief.missteps
    )
    unrecognised = debrief.unrecognised
    tips = "".join(f"<li>{h(t)}</li>" for t in debrief.tips)
    stepped_out = debrief.stepped_out
    return "\n".join(
        [
            "<h2>Debrief</h2>",
            f'<p class="headline">{h(debrief.headline)}</p>',
            *([f'<p class="stepped-out">{h(stepped_out)}</p>'] if stepped_out else []),
            svg_chart(debrief.points, view=view),
            f'<p class="muted">{legend}</p>',
            "<h3>The steps</h3>",
            f"<table><tr><th>Step</th><th>Turns that showed it</th></tr>{steps}</table>",
            "<h3>Missteps</h3>",
            f"<ul>{missteps}</ul>" if missteps else "<p>None.</p>",
            *([f'<p class="muted">{h(unrecognised)}</p>'] if unrecognised else []),
            *([f'<p class="muted">{h(debrief.unsure_note)}</p>'] if debrief.unsure_note else []),
            _key_turns("What helped most", debrief.helped, debrief.persona_name, view),
            _key_turns("What hurt most", debrief.hurt, debrief.persona_name, view),
            "<h3>The softer feeling</h3>",
            f"<p>{h(softer_text(debrief))}</p>",
            "<h3>Try next time</h3>",
            f"<ol>{tips}</ol>",
        ]
    )


def _self_rating(rating: SelfRating) -> str:
    out = [f"<h3>{h(SELF_RATING_TITLE)}</h3>"]
    if rating.rated:
        rows = "".join(
            f"<tr><td>{h(s.label)}</td><td>{h(LEVEL_LABELS[s.rated] if s.rated else '-')}</td>"
            f"<td>{h(LEVEL_LABELS[s.measured])} ({s.count} turn(s))</td></tr>"
            for s in rating.steps
        )
        out.append(f"<table><tr><th>Step</th><th>You felt</th><th>Measured</th></tr>{rows}</table>")
    out.append(f"<p>{h(rating.summary())}</p>")
    if rating.differences:
        out.append("<ul>" + "".join(f"<li>{h(d)}</li>" for d in rating.differences) + "</ul>")
    return "\n".join(out)


def _turn(
    turn: TurnRecord,
    before: tuple[float, float] | None,
    name: str,
    view: StateWords = ENGINE_WORDS,
) -> str:
    if before is None:
        state = f"{view.tension} {turn.arousal:.1f} · {view.closeness} {turn.connection:.1f}"
        title, css = f"Turn {turn.index} (taken back)", "turn rewound"
    else:
        state = (
            f"{change(view.tension, before[0], turn.arousal)} · "
            f"{change(view.closeness, before[1], turn.connection)}"
        )
        title, css = f"Turn {turn.index}", "turn"
    surfaced = " · the softer feeling shows" if turn.surfaced_now else ""
    effects = "".join(f"<li>{h(effect_text(e, view))}</li>" for e in turn.effects)
    return (
        f'<div class="{css}"><h3>{h(title)}</h3>'
        f'<p><span class="you">You:</span> <span class="msg">{h(turn.user)}</span></p>'
        f'<p class="state">{h(moves_of(turn))} · {h(state)} · '
        f"<strong>{h(view.stage(turn.zone))}</strong>"
        f"{h(surfaced)}</p>"
        + (f'<ul class="effects">{effects}</ul>' if effects else "")
        + f'<p><span class="you">{h(speaker(turn, name))}:</span> '
        f'<span class="msg">{h(turn.reply)}</span></p>'
        + (f'<p class="cue">({h(turn.cue)})</p>' if turn.cue else "")
        + "</div>"
    )


def _corrections(turn: TurnRecord, corrections: Sequence[TagCorrection]) -> str:
    if not corrections:
        return ""
    return (
        f'<p class="correction"><strong>Tags corrected:</strong> '
        f"{h(corrections_text(turn, corrections))}</p>"
    )


def _notes(notes: list[Note]) -> str:
    return "".join(f'<p class="note"><strong>Note:</strong> {h(n.text)}</p>' for n in notes)


def _session_notes(saved: SavedSession) -> str:
    notes = saved.notes_on(0)
    return f"<h2>Notes on the whole session</h2>\n{_notes(notes)}" if notes else ""


def _transcript(saved: SavedSession) -> str:
    meta = saved.meta
    view = words_for(meta.practice_mode)
    out = [
        "<h2>Transcript</h2>",
        f'<p><span class="you">{h(meta.persona_name)}:</span> '
        f'<span class="msg">{h(meta.opening)}</span></p>',
    ]
    before = (meta.start_arousal, meta.start_connection)
    for turn in saved.turns:
        out.append(
            _turn(turn, before, meta.persona_name, view)
            + _corrections(turn, saved.corrections_on(turn.index))
            + _notes(saved.notes_on(turn.index))
        )
        before = (turn.arousal, turn.connection)
    if saved.rewound:
        out += ["<h2>Taken back</h2>", "<p>Tries you rewound and said differently.</p>"]
        out += [_turn(turn, None, meta.persona_name, view) for turn in saved.rewound]
    return "\n".join(out)


def page_start(title: str, css: str, csp: str) -> list[str]:
    """A standalone page's opening lines, through its heading: no network, no referrer."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{h(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f"<h1>{h(title)}</h1>",
    ]


def to_html(saved: SavedSession) -> str:
    """The session as one standalone HTML page."""
    title = f"Practice with {saved.meta.persona_name}"
    debrief = debrief_of(saved)
    return "\n".join(
        [
            *page_start(title, _CSS, _CSP),
            f'<p class="muted">Session {h(saved.id)}, exported from attune.</p>',
            _setup(saved),
            *([_session_notes(saved)] if saved.notes_on(0) else []),
            _debrief(debrief),
            _self_rating(self_rating_of(saved, debrief)),
            _transcript(saved),
            "</body>",
            "</html>",
            "",
        ]
    )

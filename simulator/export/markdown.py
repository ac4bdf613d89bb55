"""The Markdown export: setup, debrief and transcript, with learner text escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence

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

# Characters that start emphasis, code, links, raw HTML, entities, strikethrough or
# table cells anywhere in a line; a backslash makes each literal (CommonMark). With
# brackets escaped, `!` and parentheses can no longer form links, so they stay as is.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# Line starts that would make a heading, quote, list item or heading underline. A
# backslash only escapes punctuation, so an ordered-list marker gets it after its digits.
_LINE_START = re.compile(r"^([-+=#>]|\d+(?=[.)]))")


def md_inline(text: str) -> str:
    """Text for a table cell or a single line: escaped, control characters shown, one line."""
    return _LINE_START.sub(_escape_start, " ".join(_INLINE.sub(r"\\\1", printable(text)).split()))


def md_block(text: str) -> str:
    """Text for a paragraph: escaped line by line, line breaks kept as hard breaks."""
    lines = [line.strip() for line in printable(text).splitlines() if line.strip()]
    lines = [_LINE_START.sub(_escape_start, _INLINE.sub(r"\\\1", line)) for line in lines]
    return "\\\n".join(lines) or "(empty)"


def _escape_start(match: re.Match[str]) -> str:
    marker = match.group(1)
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


def _setup(saved: SavedSession) -> list[str]:
    meta = saved.meta
    view = words_for(meta.practice_mode)
    rows = [
        ("Partner", f"{md_inline(meta.persona_name)} ({md_inline(meta.persona_id)})"),
        ("Scenario", md_inline(meta.summary)),
        ("Model", f"{md_inline(meta.model)}, seed {meta.seed}"),
        ("Intensity", md_inline(meta.intensity)),
        ("Mode", meta.practice_mode),
        ("Feedback", meta.feedback),
        ("Started", when(meta.started_at)),
        ("Ended", when(saved.ended_at)),
        (
            "At the start",
            md_inline(start_text(meta.start_arousal, meta.start_connection, meta.start_zone, view)),
        ),
    ]
    return ["## Setup", "", "| | |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in rows), ""]


def _key_turns(
    title: str, keyed: list[KeyTurn], name: str, view: StateWords = ENGINE_WORDS
) -> list[str]:
    out = [f"### {title}", ""]
    if not keyed:
        return [*out, "None this time.", ""]
    for k in keyed:
        out.append(
            f"- **Turn {k.index}** ({view.tension} {k.arousal_delta:+.1f}, "
            f"{view.closeness} {k.connection_delta:+.1f}): {md_inline(k.user)}"
        )
        out += [f"  - {md_inline(q)}" for q in k.quotes]
        out.append(f"  - {md_inline(name)} answered: {md_inline(k.reply)}")
    return [*out, ""]


def _said(quotes: list[str]) -> str:
    """The learner's own words behind a tally, e.g. ` ('my phone died', 'I was busy')`."""
    return f" ({', '.join(md_inline(repr_quote(q)) for q in quotes)})" if quotes else ""


def _debrief(debrief: Debrief) -> list[str]:
    name = debrief.persona_name
    out = ["## Debrief", "", f"**{md_inline(debrief.headline)}**", ""]
    if debrief.stepped_out:
        out += [md_inline(debrief.stepped_out), ""]
    out += ["### The steps", ""]
    out += ["| Step | Turns that showed it |", "| --- | ---: |"]
    out += [f"| {md_inline(s.label)} | {s.count} |" for s in debrief.steps]
    out += ["", "### Missteps", ""]
    out += [f"- {md_inline(m.label)}: {m.count}" + _said(m.quotes) for m in debrief.missteps] or [
        "None."
    ]
    if debrief.unrecognised:
        out += ["", md_inline(debrief.unrecognised)]
    if debrief.unsure_note:
        out += ["", md_inline(debrief.unsure_note)]
    out.append("")
    view = words_for(debrief.mode)
    out += _key_turns("What helped most", debrief.helped, name, view)
    out += _key_turns("What hurt most", debrief.hurt, name, view)
    out += ["### The softer feeling", "", md_inline(softer_text(debrief)), ""]
    out += ["### Try next time", ""]
    out += [f"{i}. {md_inline(tip)}" for i, tip in enumerate(debrief.tips, start=1)]
    return [*out, ""]


def _self_rating(rating: SelfRating) -> list[str]:
    out = [f"### {SELF_RATING_TITLE}", ""]
    if rating.rated:
        out += ["| Step | You felt | Measured |", "| --- | --- | --- |"]
        for s in rating.steps:
            felt = LEVEL_LABELS[s.rated] if s.rated else "-"
            measured = f"{LEVEL_LABELS[s.measured]} ({s.count} turn(s))"
            out.append(f"| {md_inline(s.label)} | {felt} | {measured} |")
        out.append("")
    out += [md_inline(rating.summary()), ""]
    out += [f"- {md_inline(line)}" for line in rating.differences]
    return [*out, ""] if rating.differences else out


def _turn(
    turn: TurnRecord,
    before: tuple[float, float] | None,
    name: str,
    view: StateWords = ENGINE_WORDS,
) -> list[str]:
    if before is None:
        state = f"{view.tension} {turn.arousal:.1f} · {view.closeness} {turn.connection:.1f}"
    else:
        state = (
            f"{change(view.tension, before[0], turn.arousal)} · "
            f"{change(view.closeness, before[1], turn.connection)}"
        )
    surfaced = " · the softer feeling shows" if turn.surfaced_now else ""
    out = [
        f"**You:** {md_block(turn.user)}",
        "",
        f"*{md_inline(moves_of(turn))}* · {state} · **{md_inline(view.stage(turn.zone))}**"
        f"{surfaced}",
        "",
    ]
    if turn.effects:
        out += [f"- {md_inline(effect_text(e, view))}" for e in turn.effects]
        out.append("")
    out += [f"**{md_inline(speaker(turn, name))}:** {md_block(turn.reply)}", ""]
    # The partner's non-verbal cue, a stage direction under the reply.
    return [*out, f"*({md_inline(turn.cue)})*", ""] if turn.cue else out


def _corrections(turn: TurnRecord, corrections: Sequence[TagCorrection]) -> list[str]:
    if not corrections:
        return []
    return [f"> **Tags corrected:** {md_inline(corrections_text(turn, corrections))}", ""]


def _notes(notes: list[Note]) -> list[str]:
    if not notes:
        return []
    return [*(f"> **Note:** {md_block(n.text)}" for n in notes), ""]


def _session_notes(saved: SavedSession) -> list[str]:
    notes = saved.notes_on(0)
    return ["## Notes on the whole session", "", *_notes(notes)] if notes else []


def _transcript(saved: SavedSession) -> list[str]:
    meta = saved.meta
    view = words_for(meta.practice_mode)
    out = ["## Transcript", "", f"**{md_inline(meta.persona_name)}:** {md_block(meta.opening)}", ""]
    before = (meta.start_arousal, meta.start_connection)
    for turn in saved.turns:
        out += [f"### Turn {turn.index}", ""]
        out += _turn(turn, before, meta.persona_name, view)
        out += _corrections(turn, saved.corrections_on(turn.index))
        out += _notes(saved.notes_on(turn.index))
        before = (turn.arousal, turn.connection)
    if saved.rewound:
        out += ["## Taken back", "", "Tries you rewound and said differently.", ""]
        for turn in saved.rewound:
            out += [f"### Turn {turn.index} (taken back)", ""]
            out += _turn(turn, None, meta.persona_name, view)
    return out


def to_markdown(saved: SavedSession) -> str:
    """The session as a Markdown document."""
    title = f"# Practice with {md_inline(saved.meta.persona_name)}"
    intro = f"Session {md_inline(saved.id)}, exported from attune."
    body = [title, "", intro, "", *_setup(saved), *_session_notes(saved)]
    debrief = debrief_of(saved)
    body += _debrief(debrief)
    body += _self_rating(self_rating_of(saved, debrief))
    return "\n".join([*body, *_transcript(saved)]).rstrip() + "\n"

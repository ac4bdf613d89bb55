"""The end-of-session debrief: built from what the learner did, each step and misstep quoted.

A turn is blamed only for a misstep the classifier read surely (a rule's read, or the
learned layer at CLEAR_READ or above) and credited only for a step it recognised; a
message with nothing recognised counts neither way, and a misstep read with less
certainty is named as such, never blamed. Only a turn with a recognised misstep can hurt
most (led by what its missteps did to the numbers) and only one with a step and no
misstep can help most (by how valuable the step is where it was said), and the tips name
this learner's own most costly pattern in their own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from simulator.domain.zones import zone_for
from simulator.engine import Effect, PartnerState, is_misstep, read_surely
from simulator.engine.state import Memory
from simulator.feedback.coaching import lower_first, next_step, steps_for, steps_shown
from simulator.modes import (
    AnyMove,
    Mode,
    ModeName,
    MoveId,
    get_mode,
    mode_of,
    move_info,
    words_for,
)
from simulator.safety import stepped_out_summary
from simulator.store.records import SessionMeta
from simulator.turns.session import TurnRecord
from simulator.turns.timing import FeedbackTiming

KEY_TURNS = 2
QUOTES_PER_TALLY = 3
"""How many of the learner's own lines a tally keeps as examples."""


class Point(BaseModel):
    """The state after one turn (turn 0 is the opening)."""

    model_config = ConfigDict(frozen=True)

    turn: int
    arousal: float
    connection: float
    zone: str
    user: str = ""
    """What the learner said on this turn ('' for the opening)."""
    cue: str | None = None
    """The partner's non-verbal cue shown under the reply, if any."""


class StepTally(BaseModel):
    """How often one of the documents' steps showed."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    count: int
    quotes: list[str] = []
    """The learner's words that showed it, first few turns (added in the export's version 1)."""


class MissTally(BaseModel):
    """How often one of the common mistakes showed."""

    model_config = ConfigDict(frozen=True)

    move: MoveId
    label: str
    count: int
    quotes: list[str] = []
    """The learner's words behind it, first few turns (added in the export's version 1)."""


class KeyTurn(BaseModel):
    """A turn that helped or hurt most, with the words behind it."""

    model_config = ConfigDict(frozen=True)

    index: int
    user: str
    quotes: list[str]
    """The recognised moves it is blamed (or credited) for, e.g. `minimized: 'not a big deal'`."""
    arousal_delta: float
    connection_delta: float
    reply: str
    weight: float = 0.0
    """How costly (hurt) or valuable (helped) those moves are in the mode's rates where they
    were said; what the turn was ranked by."""

    @property
    def score(self) -> float:
        """How the partner's numbers moved: higher is calmer and closer."""
        return -self.arousal_delta + self.connection_delta


class Debrief(BaseModel):
    """Everything the debrief screen and the exports show."""

    model_config = ConfigDict(frozen=True)

    persona_name: str
    mode: ModeName = "listen"
    """The practice mode: the numbers are defensiveness and turning toward in `ask`."""
    points: list[Point]
    steps: list[StepTally]
    missteps: list[MissTally]
    """The recognised missteps, most costly pattern first."""
    helped: list[KeyTurn]
    """Turns with a recognised step and no misstep, most valuable first."""
    hurt: list[KeyTurn]
    """Turns with a recognised misstep, most costly first."""
    softer_emotion: str | None
    softened_turn: int | None
    """The turn on which the softer feeling came through, if it did."""
    tips: list[str]
    headline: str
    paused_turns: list[int] = []
    """Turns on which the practice paused for the learner's safety (not scored)."""
    checked_in_turns: list[int] = []
    """Turns on which attune stepped out of the scene to ask if the learner was okay."""
    unrecognised_turns: list[int] = []
    """Turns in which no move was recognised: they counted neither for nor against."""
    unsure: list[str] = []
    """Missteps read with less certainty, never blamed: `turn 5: 'i wasnt there' (correcting
    the facts?)`."""
    feedback: FeedbackTiming = "after"
    """The session's feedback setting; after `real-talk` the debrief is the first place the
    learner sees the state, turn by turn, beside what they said."""

    @property
    def stepped_out(self) -> str:
        """Where attune stepped out of the scene, in a sentence or two ('' if it never did)."""
        return stepped_out_summary(self.paused_turns, self.checked_in_turns)

    @property
    def unrecognised(self) -> str:
        """The turns nothing was recognised in, in a sentence ('' if there were none)."""
        turns = self.unrecognised_turns
        if not turns:
            return ""
        which = f"turn {turns[0]}" if len(turns) == 1 else f"turns {_listed(turns)}"
        return f"Nothing was recognised in {which}; not counted for or against you."

    @property
    def unsure_note(self) -> str:
        """The missteps read with less certainty, in a sentence ('' if there were none)."""
        if not self.unsure:
            return ""
        return (
            f"Read with less certainty, so not counted against you: {_listed(self.unsure)}. "
            "If that is not what you meant, say it more plainly next time."
        )


def _listed(items: Sequence[object]) -> str:
    words = [str(i) for i in items]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


@dataclass
class _Read:
    """What one scored turn did: its recognised missteps and steps, each with its weight."""

    turn: TurnRecord
    before: PartnerState
    missteps: list[tuple[Effect, float]] = field(default_factory=list)
    steps: list[tuple[Effect, float]] = field(default_factory=list)
    unsure: list[Effect] = field(default_factory=list)
    """Missteps only the learned layer read, below CLEAR_READ: named, never blamed."""

    @property
    def harm(self) -> float:
        """What its missteps cost, by the mode's rates."""
        return sum(w for _, w in self.missteps)

    @property
    def credit(self) -> float:
        """What its steps were worth, by the mode's rates."""
        return sum(w for _, w in self.steps)


def _weight(effect: Effect, before: PartnerState) -> float:
    """How much that kind of move moves the numbers in the mode's rates, where it was said."""
    (d_first, d_second), _ = mode_of(effect.move).rates.base(before, effect.move)
    return abs(d_first) + abs(d_second)


def _read_turns(meta: SessionMeta, turns: Sequence[TurnRecord]) -> list[_Read]:
    """Each scored turn's recognised moves, weighed in the state it was said in."""
    reads: list[_Read] = []
    arousal, connection = meta.start_arousal, meta.start_connection
    last_misstep: int | None = None
    for turn in turns:
        if turn.safety is None:
            before = PartnerState(
                turn=turn.index - 1,
                arousal=arousal,
                connection=connection,
                memory=Memory(last_misstep_turn=last_misstep),
            )
            read = _Read(turn, before)
            for effect in turn.effects:
                if is_misstep(effect):
                    if read_surely(effect):
                        read.missteps.append((effect, _weight(effect, before)))
                    else:
                        read.unsure.append(effect)
                elif effect.arousal <= 0:
                    # A worn-out phrase that grates is neither a step nor a misstep.
                    read.steps.append((effect, _weight(effect, before)))
            # As the engine keeps it: the last turn whose missteps heated the partner.
            if (read.missteps or read.unsure) and sum(e.arousal for e in turn.effects) > 0:
                last_misstep = turn.index
            reads.append(read)
        arousal, connection = turn.arousal, turn.connection
    return reads


def _did(effect: Effect, mode: Mode) -> str:
    """What the learner did, in past tense: 'explained too fast', 'invited ... too early'."""
    info = move_info(effect.move)
    return f"{info.past_tense} too early" if effect.move in mode.timed else info.past_tense


def _kind(effect: Effect, mode: Mode) -> str:
    """The kind of misstep, as the tallies name it: 'Explaining too fast', '... (too early)'."""
    label = move_info(effect.move).label
    return f"{label} (too early)" if effect.move in mode.timed else label


def _quote(effect: Effect, mode: Mode) -> str:
    """A move with the learner's words behind it: `minimized: 'not a big deal'`."""
    step = mode.coaching.step_of(effect.move)
    if effect.move in mode.traps and not is_misstep(effect) and step is not None:
        # A fix once the partner has settled is welcome: name the step it showed instead.
        return f"{lower_first(step.label)}: '{effect.span}'"
    return f"{_did(effect, mode)}: '{effect.span}'"


def _points(meta: SessionMeta, turns: Sequence[TurnRecord]) -> list[Point]:
    start = Point(
        turn=0, arousal=meta.start_arousal, connection=meta.start_connection, zone=meta.start_zone
    )
    return [start] + [
        Point(
            turn=t.index,
            arousal=t.arousal,
            connection=t.connection,
            zone=t.zone,
            user=t.user,
            cue=t.cue,
        )
        for t in turns
    ]


def _key_turn(read: _Read, moves: list[tuple[Effect, float]], mode: Mode) -> KeyTurn:
    turn, before = read.turn, read.before
    return KeyTurn(
        index=turn.index,
        user=turn.user,
        quotes=[_quote(e, mode) for e, _ in moves],
        arousal_delta=round(turn.arousal - before.arousal, 1),
        connection_delta=round(turn.connection - before.connection, 1),
        reply=turn.reply,
        weight=round(sum(w for _, w in moves), 1),
    )


def _landed(moves: list[tuple[Effect, float]]) -> float:
    """What the moves actually did to the numbers, up is worse: breaks ties between turns."""
    return sum(e.arousal - e.connection for e, _ in moves)


def _hurt(reads: list[_Read], mode: Mode) -> list[KeyTurn]:
    """The turns with the costliest recognised missteps; a turn without one is never here."""
    blamed = [r for r in reads if r.missteps]
    # What the missteps did first (the numbers the learner sees move), then how costly
    # that kind of move is where it was said: a coach named a top-of-the-scale "+0.0"
    # turn listed over the one that did the most damage.
    blamed.sort(key=lambda r: (-round(_landed(r.missteps), 1), -r.harm))
    return [_key_turn(r, r.missteps, mode) for r in blamed[:KEY_TURNS]]


def _helped(reads: list[_Read], mode: Mode) -> list[KeyTurn]:
    """The turns with the most valuable recognised steps and no misstep undercutting them."""
    credited = [r for r in reads if r.steps and not r.missteps]
    credited.sort(key=lambda r: (-r.credit, _landed(r.steps)))
    return [_key_turn(r, r.steps, mode) for r in credited[:KEY_TURNS]]


@dataclass
class _Pattern:
    """One kind of misstep across the session: how often, what it cost, the learner's words."""

    effects: list[Effect]
    turns: list[int]
    cost: float


def _patterns(reads: list[_Read]) -> list[_Pattern]:
    """The learner's missteps by kind, most costly first (each weighed where it was said)."""
    by_move: dict[str, _Pattern] = {}
    for read in reads:
        for effect, weight in read.missteps:
            pattern = by_move.setdefault(effect.move.value, _Pattern([], [], 0.0))
            pattern.effects.append(effect)
            pattern.turns.append(read.turn.index)
            pattern.cost += weight
    return sorted(by_move.values(), key=lambda p: (-p.cost, p.turns[0]))


def _unique_spans(effects: Sequence[Effect], limit: int = QUOTES_PER_TALLY) -> list[str]:
    seen: dict[str, None] = {}
    for effect in effects:
        seen.setdefault(effect.span, None)
    return list(seen)[:limit]


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _pattern_tip(
    pattern: _Pattern, reads: list[_Read], mode: Mode, first: bool, cited: set[int]
) -> str:
    """This learner's pattern in their words, the step to take instead, and their own try at it."""
    effect = pattern.effects[0]
    quotes = ", ".join(f"'{s}'" for s in _unique_spans(pattern.effects, 2))
    lead = "Your most costly pattern" if first else "Also"
    kind = _kind(effect, mode)
    tip = f"{lead}: {lower_first(kind)}, {_times(len(pattern.effects))} ({quotes})."
    coaching = mode.coaching
    step_id = coaching.instead.get(effect.move)
    step = next((s for s in coaching.steps if s.id == step_id), None)
    if step is not None:
        tip += f" Try instead: {step.label}."
    if effect.move in coaching.tips:
        tip += f" {coaching.tips[effect.move]}"
    if step is not None:
        # Only a step said cleanly counts as the learner's own try: in "then its my fault
        # when plans clash" the words sit inside a counter-attack, not beside one.
        own = next(
            (
                (r.turn.index, e)
                for r in reads
                if not r.missteps
                for e, _ in r.steps
                if e.move in step.moves
            ),
            None,
        )
        if own is not None and own[0] not in cited:
            cited.add(own[0])
            tip += f" You did it on turn {own[0]}: '{own[1].span}'. Lead with that."
    return tip


def _best_step_tip(reads: list[_Read], mode: Mode) -> str | None:
    """Build on the learner's most valuable step, in their words."""
    best: tuple[float, int, Effect] | None = None
    for read in reads:
        for effect, weight in read.steps:
            if best is None or weight > best[0]:
                best = (weight, read.turn.index, effect)
    if best is None:
        return None
    _, index, effect = best
    step = mode.coaching.step_of(effect.move)
    named = f" ({step.label})" if step is not None else ""
    # A welcome fix is a mistake's move that landed well: its past tense would blame it.
    did = "" if effect.move in mode.traps else f" you {_did(effect, mode)}"
    return (
        f"What worked best: on turn {index}{did}: '{effect.span}'{named}. "
        "Lead with it again next time, in your own words."
    )


def _tips(
    mode: Mode,
    reads: list[_Read],
    patterns: list[_Pattern],
    steps: list[StepTally],
    settled: bool,
) -> list[str]:
    """Tips from this session: its costliest patterns first, then its best step or a missed one."""
    coaching = mode.coaching
    cited: set[int] = set()
    tips = [_pattern_tip(p, reads, mode, i == 0, cited) for i, p in enumerate(patterns[:2])]
    named = {coaching.instead.get(p.effects[0].move) for p in patterns[:2]}
    if reads and not any(r.steps or r.missteps for r in reads):
        tips.append(
            "Nothing you wrote was recognised as a step or a misstep, so none of it counted "
            "for or against you. Try one step in plain words, as the checklist names it."
        )
    elif not patterns:
        best = _best_step_tip(reads, mode)
        if best is not None:
            tips.append(best)
    shown = {s.id: s.count for s in steps}
    if not any(r.missteps or r.unsure for r in reads):
        # "Own the impact ... I'm sorry" fits nobody who made no slip (Tomás's bad day was
        # not the learner's doing): such a step is skipped, not tipped as left out.
        named |= {s.id for s in coaching.steps if s.after_a_slip}
    while len(tips) < 3:
        step = next_step(mode, {**shown, **{i: 1 for i in named if i}}, settled)
        if step is None:
            break
        named.add(step.id)
        tip = coaching.step_tips.get(step.id)
        if tip:
            # "Not recognised", not "not shown": the learner may have done it in words
            # the classifier missed, and a tip that says otherwise is one they cannot trust.
            tips.append(f"Not recognised this time: {step.label}. {tip}")
    for fallback in coaching.fallback_tips:
        if len(tips) >= 2:
            break
        tips.append(fallback)
    return tips[:3]


def _headline(meta: SessionMeta, points: list[Point], softened: int | None) -> str:
    start, end = points[0], points[-1]
    view = words_for(meta.practice_mode)
    first, last = view.stage(start.zone), view.stage(end.zone)
    turns = len(points) - 1
    if turns == 0:
        return f"No messages sent; {meta.persona_name} stayed {first}."
    if start.zone == end.zone:
        moved = f"{meta.persona_name} stayed {last} over {turns} turn(s)"
    else:
        moved = f"{meta.persona_name} went from {first} to {last} in {turns} turn(s)"
    moved += f" ({view.tension} {start.arousal:.0f} -> {end.arousal:.0f})"
    if softened is not None:
        return f"{moved}, and the softer feeling came through on turn {softened}."
    return f"{moved}; the softer feeling did not come through."


def _step_quotes(step_moves: frozenset[AnyMove], turns: Sequence[TurnRecord]) -> list[str]:
    spans: list[str] = []
    for turn in turns:
        spans += [s.text for s in turn.spans if s.move in step_moves and s.text not in spans]
    return spans[:QUOTES_PER_TALLY]


def counts(meta: SessionMeta, turns: Sequence[TurnRecord]) -> tuple[dict[str, int], dict[str, int]]:
    """What the debrief counts, without the rest of it: turns that showed each step (by step
    id, every step) and times each recognised misstep showed (by move id). For views across
    many sessions (`attune progress`)."""
    steps = steps_shown(turns, meta.start_arousal, meta.practice_mode)
    missteps = {
        p.effects[0].move.value: len(p.effects) for p in _patterns(_read_turns(meta, turns))
    }
    return steps, missteps


def build_debrief(meta: SessionMeta, turns: Sequence[TurnRecord]) -> Debrief:
    """Summarize a session for the debrief screen and the exports."""
    mode = get_mode(meta.practice_mode)
    points = _points(meta, turns)
    counts = steps_shown(turns, meta.start_arousal, mode.name)
    steps = [
        StepTally(
            id=s.id,
            label=s.label,
            count=counts[s.id],
            quotes=_step_quotes(s.moves, turns) if counts[s.id] else [],
        )
        for s in steps_for(mode.name)
    ]
    reads = _read_turns(meta, turns)
    patterns = _patterns(reads)
    missteps = [
        MissTally(
            move=p.effects[0].move,
            label=_kind(p.effects[0], mode),
            count=len(p.effects),
            quotes=_unique_spans(p.effects),
        )
        for p in patterns
    ]
    softened = next((t.index for t in turns if t.surfaced_now), None)
    settled = zone_for(points[-1].arousal).is_settled
    return Debrief(
        persona_name=meta.persona_name,
        mode=mode.name,
        points=points,
        steps=steps,
        missteps=missteps,
        helped=_helped(reads, mode),
        hurt=_hurt(reads, mode),
        softer_emotion=meta.softer_emotion,
        softened_turn=softened,
        tips=_tips(mode, reads, patterns, steps, settled),
        headline=_headline(meta, points, softened),
        paused_turns=[t.index for t in turns if t.safety == "pause"],
        checked_in_turns=[t.index for t in turns if t.safety == "check_in"],
        unrecognised_turns=[t.index for t in turns if t.safety is None and not t.moves],
        unsure=[
            f"turn {r.turn.index}: '{e.span}' ({lower_first(_kind(e, mode))}?)"
            for r in reads
            for e in r.unsure
        ],
        feedback=meta.feedback,
    )

"""What a coach sees while a learner practises: the hidden numbers and every move tag.

The learner's panel shows gauges and a checklist; a coach watching over the same
screen wants the numbers behind them: arousal and connection to a decimal, how
each turn moved them, the zone floors, when the softer feeling may surface, and
every move the classifier tagged with the words behind it and what it did.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from simulator.classifier import Guess
from simulator.domain.zones import ZONE_FLOORS
from simulator.engine import PartnerState, rates
from simulator.modes import get_mode, words_for
from simulator.personas.card import PersonaCard
from simulator.replyplan import ReplyPlan
from simulator.safety import SafetyMark
from simulator.store.corrections import TagCorrection
from simulator.support.textsafe import printable
from simulator.turns.session import TurnRecord


class Tag(BaseModel):
    """One move the classifier found, the words behind it, and what it did to the state."""

    model_config = ConfigDict(frozen=True)

    move: str
    span: str
    helpful: bool = False
    """An attuned move of the card's mode (or, in ask mode, a helpful way of asking)."""
    arousal: float | None = None
    """The move's share of the arousal change; None when the engine did not count this span
    (a second span of the same move, or a turn that was not scored)."""
    connection: float | None = None
    reasons: list[str] = []
    wrong: bool = False
    """Marked wrong by the learner or a coach: the classifier saw a move that is not there."""


class CoachTurn(BaseModel):
    """One turn as the coach view lists it."""

    model_config = ConfigDict(frozen=True)

    index: int
    zone: str
    arousal: float
    connection: float
    arousal_delta: float
    connection_delta: float
    tags: list[Tag]
    surfaced_now: bool
    safety: SafetyMark | None = None
    """Set when attune paused or checked in instead of the partner answering (not scored)."""
    closest: Guess | None = None
    """The classifier's closest guess on a turn with no move tagged (never scored)."""
    added: list[Tag] = []
    """Moves the classifier missed, added by the learner or a coach (never scored)."""
    reacting: str | None = None
    """The reply plan in a line: what the partner reacted to and how (None without a plan)."""


class CoachView(BaseModel):
    """Everything the coach panel shows, newest turn last."""

    model_config = ConfigDict(frozen=True)

    arousal: float
    connection: float
    zone: str
    softened: bool
    tension: str = "arousal"
    """The practice mode's name for the first number (ask mode: defensiveness)."""
    closeness: str = "connection"
    """The practice mode's name for the second number (ask mode: turning toward)."""
    thresholds: str
    """`flooded 80+ · escalated 60+ · ...`: the zones' arousal floors."""
    softer: str
    """When the softer feeling may come through, and whether it has."""
    rates: str
    """Sensitivity, intensity and style: what scales the deltas."""
    turns: list[CoachTurn]


def _tags(turn: TurnRecord, card: PersonaCard, wrong: set[str]) -> list[Tag]:
    helpful = get_mode(card.mode).helpful
    effects = {(e.move, e.span): e for e in turn.effects}
    out: list[Tag] = []
    for span in turn.spans:
        effect = effects.pop((span.move, span.text), None)
        out.append(
            Tag(
                move=span.move.value,
                span=span.text,
                helpful=span.move in helpful,
                arousal=None if effect is None else round(effect.arousal, 1),
                connection=None if effect is None else round(effect.connection, 1),
                reasons=[] if effect is None else effect.reasons,
                wrong=span.move.value in wrong,
            )
        )
    # Effects without a span of their own (an LLM judge's move) still show.
    out += [
        Tag(
            move=e.move.value,
            span=e.span,
            helpful=e.move in helpful,
            arousal=round(e.arousal, 1),
            connection=round(e.connection, 1),
            reasons=e.reasons,
            wrong=e.move.value in wrong,
        )
        for e in effects.values()
    ]
    return out


def plan_line(plan: ReplyPlan) -> str:
    """`partner reacting to: minimizing ("Relax") → push back`, from a turn's reply plan."""
    said = plan.reacting_to
    words = f' ("{printable(said.words)}")' if said.words else ""
    softer = " (the softer feeling comes out)" if plan.reveal_softer else ""
    family, stance = said.family.replace("_", " "), plan.stance.replace("_", " ")
    return f"partner reacting to: {family}{words} → {stance}{softer}"


def _added(corrections: list[TagCorrection], card: PersonaCard) -> list[Tag]:
    helpful = get_mode(card.mode).helpful
    return [
        Tag(move=c.move.value, span=c.words or "", helpful=c.move in helpful)
        for c in corrections
        if c.kind == "missed"
    ]


def coach_view(
    card: PersonaCard, intensity: float, state: PartnerState, start: PartnerState,
    turns: list[TurnRecord], corrections: Sequence[TagCorrection] = (),
) -> CoachView:  # fmt: skip
    """The coach's numbers for the conversation as it stands, with its tags as corrected."""
    view = words_for(card.mode)
    before = (start.arousal, start.connection)
    rows: list[CoachTurn] = []
    for turn in turns:
        mine = [c for c in corrections if c.turn == turn.index]
        wrong = {c.move.value for c in mine if c.kind == "wrong"}
        rows.append(
            CoachTurn(
                index=turn.index,
                zone=view.stage(turn.zone),
                arousal=turn.arousal,
                connection=turn.connection,
                arousal_delta=round(turn.arousal - before[0], 1),
                connection_delta=round(turn.connection - before[1], 1),
                tags=_tags(turn, card, wrong),
                surfaced_now=turn.surfaced_now,
                safety=turn.safety,
                closest=None if turn.moves else turn.closest,
                added=_added(mine, card),
                reacting=None if turn.plan is None else plan_line(turn.plan),
            )
        )
        before = (turn.arousal, turn.connection)
    floors = [f"{view.stage(zone)} {floor:g}+" for zone, floor in ZONE_FLOORS if floor > 0]
    last = ZONE_FLOORS[-2][1]
    threshold = card.underneath.surfaces_at
    if state.softened:
        shown = "it has come through"
    else:
        shown = f"not yet ({view.closeness} {state.connection:.1f})"
    return CoachView(
        arousal=round(state.arousal, 1),
        connection=round(state.connection, 1),
        zone=view.stage(state.zone),
        softened=state.softened,
        tension=view.tension,
        closeness=view.closeness,
        thresholds=" · ".join([*floors, f"{view.stage('regulated')} <{last:g}"]),
        softer=f"softer {card.underneath.emotion.value} at {view.closeness} >= {threshold:g} "
        f"with {view.tension} < {rates.SOFTER_MAX_AROUSAL:g}: {shown}",
        rates=f"sensitivity {card.sensitivity:g}, intensity {intensity:g} · "
        f"style {card.style.value}",
        turns=rows,
    )

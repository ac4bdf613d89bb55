"""The reply plan: the engine decides what the partner's next reply must do.

The mode's tables (`Mode.planning`) name each move's family, the heat of each zone and
the plan's words; the rules here are the same in every mode. The voice only speaks the
plan: the partner softens when the plan says so, never on its own.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from simulator.domain.zones import Zone
from simulator.engine.engine import is_misstep, read_plainly
from simulator.engine.state import Effect, TurnOutcome
from simulator.modes import Mode, get_mode, parse_move
from simulator.personas.card import PersonaCard
from simulator.replyplan import (
    ATTUNED_FAMILIES,
    MISSTEP_FAMILIES,
    Heat,
    Reaction,
    ReplyPlan,
    Stance,
)

NOTHING = "nothing_recognised"

# Once the softer feeling has come through, it keeps showing in about this share
# of replies until the partner is fully settled.
SOFTER_SHARE = 0.5

# One spoken turn; a withdrawing partner who is hot says less, and a reply that lets
# the softer feeling out has room for it beside the reaction.
SPOKEN_SENTENCES = 2
QUIET_SENTENCES = 1
OPEN_SENTENCES = 3

_HEAT: dict[Zone, Heat] = {
    Zone.FLOODED: "hot",
    Zone.ESCALATED: "hot",
    Zone.GUARDED: "wary",
    Zone.SETTLING: "cool",
    Zone.REGULATED: "cool",
}


def seeded(seed: int, card_id: str, *parts: object) -> random.Random:
    """The random source of one decision for a seed and persona (the authored voice's too)."""
    return random.Random(":".join(str(p) for p in (seed, card_id, *parts)))


def heat_of(mode: Mode, zone: Zone) -> Heat:
    """How heated the partner is in a zone, in the mode's own reading of its stages."""
    return mode.planning.heat[zone] if mode.planning else _HEAT[zone]


def family_of(mode: Mode, effect: Effect) -> str:
    """The family a move belongs to, for the card's reaction lines."""
    if mode.planning is None:
        return NOTHING
    return mode.planning.families.get(effect.move, NOTHING)


def weight(effect: Effect) -> float:
    """How much a move mattered: the size of its effect on both numbers."""
    return abs(effect.arousal) + abs(effect.connection)


def heaviest(effects: Sequence[Effect]) -> Effect | None:
    """The move with the largest effect (the first of equals), or None."""
    best: Effect | None = None
    for effect in effects:
        if best is None or weight(effect) > weight(best):
            best = effect
    return best


def main_effect(outcome: TurnOutcome, mode: Mode | None = None) -> Effect | None:
    """The move the reply answers: the one that mattered most among those read plainly.

    A guess or a misstep said beside an attuned move is answered only when nothing else
    was read plainly: answering it over a plain move answers what the learner may not
    have said. Among plain attuned moves, one the mode answers first (a request) wins.
    """
    plain = [e for e in outcome.effects if is_clear(outcome, e)] or list(outcome.effects)
    if mode is not None and mode.planning is not None:
        first = mode.planning.answer_first
        if not any(is_misstep(e) for e in plain):
            asked = [e for e in plain if e.move in first]
            if asked:
                return heaviest(asked)
    return heaviest(plain)


def is_clear(outcome: TurnOutcome, main: Effect) -> bool:
    """Whether the learner's words carry the main move plainly enough to answer it by name."""
    return read_plainly(main, outcome.effects)


def softer_line(card: PersonaCard, seed: int, turn: int) -> str:
    """The underneath line that carries the softer feeling on this turn."""
    lines = card.underneath.lines
    offset = seeded(seed, card.id, "offset", "softer").randrange(len(lines))
    return lines[(offset + turn) % len(lines)]


def reveals_softer(card: PersonaCard, outcome: TurnOutcome, seed: int, held: bool) -> bool:
    """Whether the softer feeling comes out in this reply.

    It comes out on the turn it first surfaces; after that in about half the replies
    until the partner is fully settled, but not when `held` (an answer to a misstep, or
    to an offer to solve things, which the reply takes up instead).
    """
    after = outcome.after
    if outcome.surfaced_now:
        return True
    return (
        after.softened
        and not held
        and after.zone != Zone.REGULATED
        and seeded(seed, card.id, "turn", after.turn).random() < SOFTER_SHARE
    )


def _stance(
    mode: Mode, outcome: TurnOutcome, main: Effect | None, heat: Heat, reveal: bool, clear: bool
) -> Stance:
    misstep = main is not None and is_misstep(main)
    helped = main is not None and not misstep and (main.arousal < 0 or main.connection > 0)
    if reveal:
        return "open_up"
    # A misstep the message does not plainly carry is not pushed back on: the partner
    # stays guarded, as after a message nothing in which was recognised.
    if misstep and clear:
        return "push_back" if heat != "cool" else "stay_guarded"
    if not helped:
        # Nothing earned: a heated partner stays where they were; a settled one stays settled.
        return "stay_guarded" if heat != "cool" else "soften"
    welcome = mode.planning is not None and mode.planning.solutions_welcome
    if welcome and heat == "cool":
        assert main is not None
        if main.move in mode.solving or outcome.after.zone == Zone.REGULATED:
            return "turn_to_solutions"
    return "soften"


def plan_reply(card: PersonaCard, outcome: TurnOutcome, seed: int = 0) -> ReplyPlan:
    """The plan for the partner's reply to one turn, from the engine's outcome."""
    mode = get_mode(card.mode)
    after = outcome.after
    heat = heat_of(mode, after.zone)
    # How the partner takes the turn follows the move that moved them most; the line
    # answers the move read plainly (a request first), so a mixed or half-read message is
    # answered by what the learner plainly said, in the stance the whole turn earned.
    weighed = heaviest(outcome.effects)
    held = weighed is not None and (is_misstep(weighed) or weighed.move in mode.solving)
    reveal = reveals_softer(card, outcome, seed, held)
    clear = weighed is None or is_clear(outcome, weighed)
    stance = _stance(mode, outcome, weighed, heat, reveal, clear)
    main = main_effect(outcome, mode)
    if main is None:
        reacting = Reaction(family=NOTHING)
    else:
        reacting = Reaction(
            family=family_of(mode, main),
            move=main.move.value,
            words=main.span,
            clear=is_clear(outcome, main),
        )
    if reveal:
        budget = OPEN_SENTENCES
    elif card.style == "withdraw" and heat == "hot":
        budget = QUIET_SENTENCES
    else:
        budget = SPOKEN_SENTENCES
    return ReplyPlan(
        mode=card.mode,
        place=mode.words.stage(after.zone),
        heat=heat,
        reacting_to=reacting,
        stance=stance,
        reveal_softer=reveal,
        softer_line=softer_line(card, seed, after.turn) if reveal else None,
        max_sentences=budget,
    )


def answered_family(plan: ReplyPlan) -> str:
    """The family whose reaction lines answer the plan: a misstep that is not clear is
    answered like a message with nothing recognised, never by naming the misstep."""
    family = plan.reacting_to.family
    if plan.reacting_to.clear or family in ATTUNED_FAMILIES:
        return family
    # An offer to solve things held back as too early is a misstep too ("Solutions? ..."),
    # but one that is welcome keeps its own lines however it was read.
    if family in MISSTEP_FAMILIES or plan.stance in ("push_back", "stay_guarded"):
        return NOTHING
    return family


def plan_words(plan: ReplyPlan) -> tuple[str, str]:
    """What just happened and how the partner takes it, in plain words for the persona."""
    mode = get_mode(plan.mode)
    planning = mode.planning
    if planning is None:
        return ("", "")
    move = None if plan.reacting_to.move is None else parse_move(plan.reacting_to.move)
    # A misstep the message does not plainly carry is not put to the persona as said.
    unclear = answered_family(plan) != plan.reacting_to.family
    said = planning.nothing_said if move is None or unclear else planning.said[move]
    if move in mode.timed and not unclear and plan.stance in ("push_back", "stay_guarded"):
        # A helpful move offered too early (problem-solving before feeling heard).
        said += " It is too soon for that: you do not feel heard yet."
    return said, planning.takes[plan.stance]

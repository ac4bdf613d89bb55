"""One reply judged from outside: a persona, its zone or stage, the learner's words, a reply.

`attune guard -` and the blind measurement both ask the guard this way, with the
same context the runtime guard has for a card (the scene's words, the partner's
previous line, the plan when there is one).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from simulator.domain.zones import Zone
from simulator.engine.plan import heat_of
from simulator.guard.checks import GuardContext, check_reply
from simulator.guard.reasons import Finding
from simulator.guard.sense import card_text
from simulator.modes import get_mode, words_for
from simulator.personas.card import PersonaCard
from simulator.personas.loader import Catalog
from simulator.replyplan.model import Reaction, ReplyPlan, Stance
from simulator.support.errors import AttuneError


class GuardRequest(BaseModel):
    """One line of `attune guard -`: what to check, and against what."""

    # Other fields (a label, a note) may ride along: the guard reads what it needs.
    model_config = ConfigDict(extra="ignore", frozen=True)

    persona: str
    zone: str | None = None
    stage: str | None = None
    learner: str = ""
    prev: str | None = None
    """The partner's previous line, when there was one."""
    reply: str
    plan: ReplyPlan | None = None
    plan_stance: Stance | None = None
    """A plan's stance alone (as the blind sets give it), when there is no whole `plan`."""


class Reason(BaseModel):
    """One check that rejected the reply, and the words that triggered it."""

    model_config = ConfigDict(frozen=True)

    check: str
    words: str


class Verdict(BaseModel):
    """Pass or reject, with every reason."""

    model_config = ConfigDict(frozen=True)

    verdict: Literal["pass", "reject"]
    reasons: list[Reason] = Field(default_factory=list)


def labelled_plan(mode: str, place: str, zone: Zone, stance: Stance) -> ReplyPlan:
    """The plan a stance label stands for: a measurement's fixture, not the engine's plan."""
    return ReplyPlan(
        mode=mode,
        place=place,
        heat=heat_of(get_mode(mode), zone),
        reacting_to=Reaction(family="nothing_recognised"),
        stance=stance,
    )


def zone_of(card: PersonaCard, place: str) -> Zone:
    """The zone named by a zone or by the card's mode's stage name (`turned_toward` is
    `turned toward`); AttuneError if neither."""
    stages = words_for(card.mode).stages
    wanted = " ".join(place.replace("_", " ").replace("-", " ").lower().split())
    for zone, name in stages.items():
        if wanted in (zone.value, name):
            return zone
    known = ", ".join(dict.fromkeys([*(z.value for z in Zone), *stages.values()]))
    raise AttuneError(f"unknown zone or stage {place!r} for {card.id} (known: {known})")


def card_context(
    card: PersonaCard,
    zone: Zone,
    learner: str = "",
    previous: list[str] | None = None,
    plan: ReplyPlan | None = None,
) -> GuardContext:
    """The guard's context for a reply of this card: its scene's words, its mode, the plan."""
    return GuardContext(
        mode=card.mode,
        name=card.name,
        style=card.style.value,
        zone=zone,
        learner=learner,
        previous=previous or [],
        card_text=card_text(card),
        plan=plan,
    )


def verdict(findings: list[Finding]) -> Verdict:
    """The findings as a verdict."""
    reasons = [Reason(check=f.reason.value, words=f.evidence) for f in findings]
    return Verdict(verdict="reject" if reasons else "pass", reasons=reasons)


def judge(request: GuardRequest, catalog: Catalog) -> Verdict:
    """Check one reply against its card, zone and plan."""
    card = catalog.get(request.persona)
    place = request.zone if request.zone is not None else request.stage
    if place is None:
        raise AttuneError('needs a "zone" or a "stage"')
    zone = zone_of(card, place)
    plan = request.plan
    if plan is None and request.plan_stance is not None:
        plan = labelled_plan(card.mode, place, zone, request.plan_stance)
    ctx = card_context(card, zone, request.learner, [request.prev] if request.prev else None, plan)
    return verdict(check_reply(request.reply, ctx))


def parse_request(data: object) -> GuardRequest:
    """A request from a decoded JSON line; AttuneError naming the first bad field."""
    if not isinstance(data, dict):
        raise AttuneError("a line must be a JSON object")
    try:
        return GuardRequest.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"]) or "the line"
        raise AttuneError(f"{where}: {error['msg']}") from None

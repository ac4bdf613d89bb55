"""The `scripted` backend: the persona's own authored lines, no model."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from simulator.engine.plan import NOTHING, answered_family, plan_reply, seeded
from simulator.engine.state import TurnOutcome
from simulator.personas.card import PersonaCard
from simulator.replyplan import ATTUNED_FAMILIES, MISSTEP_FAMILIES, ReplyPlan
from simulator.voices.base import Reply, ReplyRequest, ReplyStream
from simulator.voices.line_fit import (
    asks_about_them,
    checks_understanding,
    credited,
    held_back,
    pushes,
    quotes_fit,
)

# Read moves after which a question about the partner's side is what waits for an answer.
INVITING = frozenset({"support", "validating"})

# How many of the partner's last replies a reaction line may not repeat: a whole practice
# session, since a partner who says the same sentence twice in one talk sounds canned.
RECENT = 12


def recent_replies(request: ReplyRequest) -> list[str]:
    """The partner's last replies in this conversation, the opening first when it is recent."""
    return [request.opening, *(e.partner for e in request.history)][-RECENT:]


class ScriptedVoice:
    """Answers the engine's reply plan with authored lines, deterministically for a seed.

    The line reacts to what the learner just did: the card's reaction lines for the
    family of the move that mattered most, at the partner's heat, or the zone's lines
    when the card has none; the softer feeling's line follows when the plan lets it out.
    Replies depend only on (seed, persona, turn, state), never on earlier calls, so a
    rewound turn replays exactly.
    """

    name = "scripted"

    def __init__(self, card: PersonaCard, seed: int = 0) -> None:
        self.card = card
        self.seed = seed

    def opening(self) -> str:
        """The persona's first line for this seed."""
        return seeded(self.seed, self.card.id, "opening").choice(self.card.opening)

    def plan(self, outcome: TurnOutcome) -> ReplyPlan:
        """The engine's plan for this outcome, with this voice's seed."""
        return plan_reply(self.card, outcome, self.seed)

    def shows_softer(self, outcome: TurnOutcome) -> bool:
        """Whether this turn's reply lets the softer feeling out."""
        return self.plan(outcome).reveal_softer

    def _walk(self, lines: list[str], key: str, turn: int, recent: Sequence[str] = ()) -> str:
        # Walk the lines from a seeded offset so consecutive turns with one key differ,
        # preferring a line the partner has not said lately (a reaction list holds two or
        # three, so the least recent one is taken when all were said).
        offset = seeded(self.seed, self.card.id, "offset", key).randrange(len(lines))
        walk = [lines[(offset + turn + i) % len(lines)] for i in range(len(lines))]

        def last_said(line: str) -> int:
            # -1 when not said lately; otherwise how recently (higher is more recent).
            return max((i for i, said in enumerate(recent) if said.startswith(line)), default=-1)

        return min(walk, key=last_said)

    def reply(
        self,
        outcome: TurnOutcome,
        plan: ReplyPlan | None = None,
        recent: Sequence[str] = (),
        learner: str = "",
    ) -> str:
        """An authored line that answers the plan (the engine's own when none is given).

        `recent` are the partner's last replies: a reaction line just said is not repeated.
        `learner` is what the learner just said: a misstep line that quotes the learner's
        words is spoken only when they said them, and then before the others.
        """
        plan = plan or self.plan(outcome)
        after = outcome.after
        # Naming a misstep the learner may not have made reads as answering someone else.
        family = answered_family(plan)
        reactions = self.card.reaction_lines(family, plan.heat)
        if family in MISSTEP_FAMILIES:
            fits = {line: quotes_fit(line, learner) for line in reactions}
            echoed = [line for line in reactions if fits[line]]
            # Echoing the learner's own words answers them most plainly; quoting words they
            # did not say answers someone else.
            reactions = echoed or [line for line in reactions if fits[line] is None] or reactions
        confirms = self.card.reaction_lines("reflecting", plan.heat)
        answers = self.card.reaction_lines("questions", plan.heat)
        blamed = pushes(learner, plan)
        unread = family == NOTHING and not blamed
        if unread and confirms and checks_understanding(learner):
            # "am i getting that right": a reflection the classifier did not read.
            reactions = confirms
        elif answers and asks_about_them(learner) and (unread or family in INVITING):
            # A question the classifier did not read is still a question: the partner
            # answers it from their side, as to any open question, instead of "maybe".
            # So is one that follows support ("im here, tell me whatever u need"): the
            # question is what is waiting for an answer.
            reactions = answers
        elif family == NOTHING:
            restated = [
                line
                for heat in ("hot", "wary", "cool")
                for line in self.card.reaction_lines(NOTHING, heat)
            ]
            pushed = plan.heat == "hot" and blamed
            reactions = held_back(reactions, learner, recent[-RECENT:], restated, pushed)
        elif family in ATTUNED_FAMILIES:
            reactions = credited(reactions, learner, plan, self.card, recent[-RECENT:])
        # The partner never says their previous line again word for word.
        last = recent[-1] if recent else ""
        reactions = [line for line in reactions if not last.startswith(line)] or reactions
        if reactions:
            line = self._walk(reactions, f"{family}:{plan.heat}", after.turn, recent[-RECENT:])
            if plan.reveal_softer and plan.softer_line:
                return f"{line} {plan.softer_line}"
            return line
        if plan.reveal_softer and plan.softer_line:
            # A card without reactions: the softer line on its own, as it always was.
            return plan.softer_line
        return self._walk(self.card.lines.for_zone(after.zone), after.zone.value, after.turn)

    def stream(self, request: ReplyRequest) -> ReplyStream:
        """The authored line, as a one-chunk stream."""
        text = self.reply(request.outcome, request.plan, recent_replies(request), request.learner)

        async def produce(stream: ReplyStream) -> AsyncIterator[str]:
            yield text
            stream.finish(Reply(text=text))

        return ReplyStream(produce)

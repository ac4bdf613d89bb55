"""The `scripted` backend: the persona's own authored lines, no model."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

from simulator.domain.zones import Zone
from simulator.engine.state import TurnOutcome
from simulator.personas.card import PersonaCard
from simulator.voices.base import Reply, ReplyRequest, ReplyStream

# Once the softer feeling has come through, it keeps showing in about this share
# of replies until the partner is fully settled.
SOFTER_SHARE = 0.5


class ScriptedVoice:
    """Picks authored lines for the current zone, deterministically for a seed.

    Replies depend only on (seed, persona, turn, state), never on earlier calls,
    so a rewound turn replays exactly.
    """

    name = "scripted"

    def __init__(self, card: PersonaCard, seed: int = 0) -> None:
        self.card = card
        self.seed = seed

    def _rng(self, *parts: object) -> random.Random:
        return random.Random(":".join(str(p) for p in (self.seed, self.card.id, *parts)))

    def opening(self) -> str:
        """The persona's first line for this seed."""
        return self._rng("opening").choice(self.card.opening)

    def shows_softer(self, outcome: TurnOutcome) -> bool:
        """Whether this turn's line comes from the softer feeling rather than the zone."""
        after = outcome.after
        return outcome.surfaced_now or (
            after.softened
            and after.zone != Zone.REGULATED
            and self._rng("turn", after.turn).random() < SOFTER_SHARE
        )

    def reply(self, outcome: TurnOutcome) -> str:
        """An authored line that fits the state after the learner's turn."""
        after = outcome.after
        softer = self.shows_softer(outcome)
        lines = self.card.underneath.lines if softer else self.card.lines.for_zone(after.zone)
        # Walk the lines from a seeded offset so consecutive turns in one zone differ.
        zone_key = "softer" if softer else after.zone.value
        offset = self._rng("offset", zone_key).randrange(len(lines))
        return lines[(offset + after.turn) % len(lines)]

    def stream(self, request: ReplyRequest) -> ReplyStream:
        """The authored line, as a one-chunk stream."""
        text = self.reply(request.outcome)

        async def produce(stream: ReplyStream) -> AsyncIterator[str]:
            yield text
            stream.finish(Reply(text=text))

        return ReplyStream(produce)

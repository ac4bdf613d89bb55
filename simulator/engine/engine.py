"""The deterministic nervous-system engine: learner moves in, partner state out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from simulator.classifier.schema import CLEAR_READ as CLEAR_READ  # re-exported
from simulator.classifier.schema import Classification, Span
from simulator.domain.intensity import INTENSITIES as INTENSITIES  # re-exported
from simulator.engine import rates
from simulator.engine.state import Effect, Memory, PartnerState, TurnOutcome
from simulator.modes import AnyMove, get_mode, mode_of
from simulator.personas.card import PersonaCard

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _normalize(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def is_misstep(effect: Effect) -> bool:
    """A misstep: a misattuned move, or a timed one (problem-solving) offered too early.

    A worn-out attuned phrase grates a little but is no misstep, and a message with no
    recognised move has no effect at all, so it can never be one.
    """
    mode = mode_of(effect.move)
    return effect.arousal > 0 and (effect.move not in mode.helpful or effect.move in mode.timed)


def read_surely(effect: Effect) -> bool:
    """Whether `effect` is a rule's read, or the learned layer's at CLEAR_READ or above."""
    return effect.confidence is None or effect.confidence >= CLEAR_READ


def read_plainly(effect: Effect, effects: Sequence[Effect]) -> bool:
    """Whether the learner's words carry `effect` plainly enough to name it.

    A learned guess below CLEAR_READ is not; nor is a misstep said alongside an attuned
    move of the same message (`effects`), as in "sorry, that came out wrong" read as
    explaining too: the gist is mixed, and naming the misstep would answer (or blame)
    something the learner may not have said.
    """
    if not read_surely(effect):
        return False
    if not is_misstep(effect):
        return True
    return not any(
        e is not effect and not is_misstep(e) and (e.arousal < 0 or e.connection > 0)
        for e in effects
    )


def _clamp(value: float) -> float:
    return max(0.0, min(100.0, value))


class Engine:
    """Applies the documents' dynamics to one persona, turn by turn.

    The engine is pure: `step` never mutates its input, so keeping the previous
    state is all a caller needs to rewind.
    """

    def __init__(self, card: PersonaCard, intensity: float = 1.0) -> None:
        if not 0.25 <= intensity <= 3.0:
            raise ValueError(f"intensity must be between 0.25 and 3.0, got {intensity}")
        self.card = card
        self.mode = get_mode(card.mode)
        self.intensity = intensity
        self._harm = card.sensitivity * intensity
        self._pace = 1.0 / (0.5 + 0.5 * self._harm)
        if card.style == "withdraw":
            self._pace *= rates.WITHDRAW_ATTUNED_PACE
        self._hard_to_take_in = f"hard to take in while this {self.mode.words.upset}"

    def start(self) -> PartnerState:
        """The state as the scene opens."""
        return PartnerState(
            turn=0, arousal=self.card.baseline.arousal, connection=self.card.baseline.connection
        )

    def step(self, state: PartnerState, classification: Classification) -> TurnOutcome:
        """Apply one learner message to the state and return the new state with its reasons."""
        turn = state.turn + 1
        phrases = dict(state.memory.phrases)
        raw = [
            self._effect(state, span, phrases) for span in self._one_span_per_move(classification)
        ]
        effects = self._stack(raw)
        # A message with no recognised move leaves the state where it was: a misread
        # good message must never make things worse. The engine has no drift toward
        # the card's baseline between turns, so nothing moves at all.
        d_arousal = sum(e.arousal for e in effects)
        d_connection = sum(e.connection for e in effects)
        arousal = _clamp(state.arousal + d_arousal)
        connection = _clamp(state.connection + d_connection)
        misstep = d_arousal > 0 and any(is_misstep(e) for e in effects)
        memory = Memory(
            phrases=phrases,
            last_misstep_turn=turn if misstep else state.memory.last_misstep_turn,
        )
        may_soften = (
            connection >= self.card.underneath.surfaces_at and arousal < rates.SOFTER_MAX_AROUSAL
        )
        after = PartnerState(
            turn=turn,
            arousal=arousal,
            connection=connection,
            softened=state.softened or may_soften,
            memory=memory,
        )
        return TurnOutcome(
            before=state,
            after=after,
            effects=effects,
            surfaced_now=after.softened and not state.softened,
        )

    @staticmethod
    def _one_span_per_move(classification: Classification) -> list[Span]:
        """A move counts once per message; its first span stands for it."""
        seen: dict[AnyMove, Span] = {}
        for span in classification.spans:
            seen.setdefault(span.move, span)
        return list(seen.values())

    def _base(self, state: PartnerState, move: AnyMove) -> tuple[rates.Delta, list[str]]:
        # A move lands by its own mode's table, whatever the card's mode.
        return mode_of(move).rates.base(state, move)

    def _effect(self, state: PartnerState, span: Span, phrases: dict[str, int]) -> Effect:
        (d_arousal, d_connection), reasons = self._base(state, span.move)
        weight = self._style_weight(span.move)
        if span.move in self.card.soothing_moves or span.move in self.card.triggering_moves:
            weight *= rates.PERSONAL_WEIGHT
            reasons.append(
                "lands hard with this person" if d_arousal > 0 else "speaks to this person"
            )
        miss_buffer, comfort_buffer = rates.trust_buffer(state.connection)
        if d_arousal > 0:
            d_arousal *= weight * self._harm * miss_buffer
            d_connection *= weight * self._harm
        else:
            receptive = rates.RECEPTIVITY[state.zone]
            if receptive < 1.0:
                reasons.append(self._hard_to_take_in)
            scale = weight * self._pace * receptive * comfort_buffer
            room_arousal, room_connection = rates.calming_headroom(state.arousal, state.connection)
            d_arousal *= scale * room_arousal
            d_connection *= scale * room_connection
            if span.move in mode_of(span.move).helpful:
                d_arousal, d_connection = self._wear(
                    span, phrases, d_arousal, d_connection, reasons
                )
        return Effect(
            move=span.move,
            span=span.text,
            arousal=d_arousal,
            connection=d_connection,
            reasons=reasons,
            confidence=span.confidence,
        )

    def _style_weight(self, move: AnyMove) -> float:
        """How the persona's escalation style scales this move."""
        return mode_of(move).rates.style_weight(self.card.style, move)

    @staticmethod
    def _wear(
        span: Span,
        phrases: dict[str, int],
        d_arousal: float,
        d_connection: float,
        reasons: list[str],
    ) -> tuple[float, float]:
        """Stock phrases wear out: each reuse counts for less, and overuse grates."""
        key = f"{span.move.value}:{_normalize(span.text)}"
        used = phrases.get(key, 0)
        phrases[key] = used + 1
        if used >= rates.REPEAT_GRATES_AFTER:
            reasons.append("the same words again: it sounds scripted")
            return rates.GRATING
        if used:
            reasons.append(f"repeated wording ({used + 1}x): wearing off")
            factor = rates.REPEAT_DECAY**used
            return d_arousal * factor, d_connection * factor
        return d_arousal, d_connection

    def _stack(self, effects: list[Effect]) -> list[Effect]:
        """Several moves in one message add with diminishing weight; a misstep undoes warmth."""

        calming = sorted((e for e in effects if not is_misstep(e)), key=lambda e: e.arousal)
        harmful = sorted((e for e in effects if is_misstep(e)), key=lambda e: -e.arousal)
        out: list[Effect] = []
        for group, extra in (
            (harmful, 1.0),
            (calming, rates.ATTUNED_WEIGHT_WITH_MISSTEP if harmful else 1.0),
        ):
            for i, effect in enumerate(group):
                w = rates.STACK_WEIGHTS[min(i, len(rates.STACK_WEIGHTS) - 1)] * extra
                reasons = list(effect.reasons)
                if extra < 1.0:
                    reasons.append("undercut by a misstep in the same message")
                out.append(
                    effect.model_copy(
                        update={
                            "arousal": effect.arousal * w,
                            "connection": effect.connection * w,
                            "reasons": reasons,
                        }
                    )
                )
        return out

"""Off topic by meaning: a reply near neither the scene's own lines nor what was just said.

Word lists catch a reply about penguins or a plane trip; they miss a coherent household
aside ("Did you book the car in for its service yet?") whose words are all common. The
learned text encoder (simulator.text) places the reply beside the card's lines and the
learner's message (or the partner's previous line): a reply that is far from both answers
nothing. Where the encoder is not installed the check says nothing.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from simulator.guard.lexicon import words

if TYPE_CHECKING:
    from simulator.guard.context import GuardContext

TOPIC_MIN_WORDS = 5
"""Shorter replies ("Okay. I heard you.") carry too little meaning to judge."""
LINE_MIN_WORDS = 3
"""Card lines shorter than this (labels, single words) are not compared."""
CARD_MIN_LINES = 8
"""Fewer lines than a whole card has say too little about the scene to measure against."""
TOPIC_FLOOR = 0.30
"""Nearest card line plus nearest of the message and the previous line, below which a reply
answers nothing. On the blind dev sets GA-GD the lowest good reply scores 0.33; a floor
tuned on three writers kept all but one good reply of the fourth (leave one writer out,
tests/data/guard_blind/WRITERS.md), and this one sits a margin below them all."""


@lru_cache(maxsize=1)
def _encoder() -> Any | None:
    """The shared encoder, or None where numpy or the model package is missing."""
    try:
        from simulator.text import EncoderUnavailable, shared_encoder
    except ImportError:
        return None
    try:
        return shared_encoder()
    except (ImportError, EncoderUnavailable):
        return None


@lru_cache(maxsize=2048)
def vector(text: str) -> Any:
    """The text's sentence vector, cached; None where the encoder is missing."""
    encoder = _encoder()
    return None if encoder is None else encoder.encode([text])[0]


@lru_cache(maxsize=16)
def _card_lines(card_text: str) -> Any:
    encoder = _encoder()
    lines = [line for line in card_text.splitlines() if len(words(line)) >= LINE_MIN_WORDS]
    if encoder is None or len(lines) < CARD_MIN_LINES:
        return None
    return encoder.encode(lines)


def closeness(text: str, ctx: GuardContext) -> tuple[float, float] | None:
    """How near the reply is to the card's nearest line and to what was just said, or None
    when there is nothing to compare with or no encoder."""
    said = [t for t in (ctx.learner, *ctx.previous[-1:]) if t.strip()]
    if not ctx.card_text or not said or len(words(text)) < TOPIC_MIN_WORDS:
        return None
    reply = vector(text)
    lines = _card_lines(ctx.card_text)
    if reply is None or lines is None:
        return None
    scene = float((lines @ reply).max())
    talk = max(float(vector(t) @ reply) for t in said)
    return scene, talk


def off_topic(text: str, ctx: GuardContext) -> str | None:
    """The reply is far from both the scene and the last words said: it answers nothing."""
    near = closeness(text, ctx)
    if near is None or sum(near) >= TOPIC_FLOOR:
        return None
    scene, talk = near
    return f"off topic (scene {scene:.2f}, message {talk:.2f})"


def warm_up(card_text: str) -> bool:
    """Load the encoder and embed a card's lines now (a few seconds on 2 cores), so the
    card's first reply does not wait; False where the encoder is missing."""
    return _encoder() is not None and _card_lines(card_text) is not None

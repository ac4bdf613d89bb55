"""Move classification for learner messages (offline, deterministic)."""

from simulator.classifier.rules import MAX_CLASSIFIED_CHARS, classify
from simulator.classifier.schema import Classification, Guess, Span

__all__ = ["MAX_CLASSIFIED_CHARS", "Classification", "Guess", "Span", "classify"]

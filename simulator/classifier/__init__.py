"""Move classification for learner messages (offline, deterministic)."""

from simulator.classifier.combine import classify, warm_up
from simulator.classifier.rules import MAX_CLASSIFIED_CHARS, classify_rules
from simulator.classifier.schema import Classification, Guess, Span

__all__ = [
    "MAX_CLASSIFIED_CHARS",
    "Classification",
    "Guess",
    "Span",
    "classify",
    "classify_rules",
    "warm_up",
]

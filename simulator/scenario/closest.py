"""Choose the shipped persona closest to the learner's own situation."""

from __future__ import annotations

from simulator.personas.card import PersonaCard
from simulator.personas.loader import Catalog
from simulator.scenario.answers import ScenarioAnswers
from simulator.scenario.words import building_mode, content_words, moves_named
from simulator.support.errors import AttuneError

STYLE_WEIGHT = 10
EMOTION_WEIGHT = 4
TRIGGER_WEIGHT = 2
MAX_WORD_SCORE = 5


def _card_words(card: PersonaCard) -> set[str]:
    parts = [card.summary, card.scenario, *(r.why for r in (*card.soothes, *card.triggers))]
    return content_words(" ".join(parts))


def _score(answers: ScenarioAnswers, card: PersonaCard) -> int:
    score = STYLE_WEIGHT if card.style == answers.style else 0
    if answers.underneath is not None and card.underneath.emotion == answers.underneath:
        score += EMOTION_WEIGHT
    triggers = set(moves_named(answers.sets_off, building_mode()[1].triggering))
    score += TRIGGER_WEIGHT * len(triggers & card.triggering_moves)
    said = content_words(" ".join([answers.about, answers.feels, answers.says_first]))
    return score + min(MAX_WORD_SCORE, len(said & _card_words(card)))


def shipped_base_cards(catalog: Catalog) -> list[PersonaCard]:
    """The shipped cards a learner's scenario can be built from, by id."""
    # The builder writes cards of its mode (zones, its moves), so it starts only from
    # shipped cards of that mode.
    mode, _ = building_mode()
    return sorted(
        (c for c in catalog.cards.values() if catalog.is_shipped(c.id) and c.mode == mode.name),
        key=lambda c: c.id,
    )


def closest_persona(answers: ScenarioAnswers, catalog: Catalog) -> PersonaCard:
    """The shipped card (of the building mode) nearest in style, softer feeling and wording
    (ties: by id)."""
    cards = shipped_base_cards(catalog)
    if not cards:
        raise AttuneError("no shipped persona to build a scenario from")
    return max(cards, key=lambda c: _score(answers, c))

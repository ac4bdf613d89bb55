"""Reading the learner's wording: content words, and which moves a phrase points at."""

from __future__ import annotations

import re
from collections.abc import Mapping

from simulator.modes import AnyMove, Mode, ScenarioWords, modes
from simulator.support.errors import AttuneError

_WORD = re.compile(r"[a-z']+")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Too common to say anything about a scene.
STOPWORDS = _word_set(
    """a about after again all also am an and any are as at be because been before being
    but by can could did do does doing don't down even ever every for from get gets go
    going got had has have having he her here him his how i i'm if in into is it it's
    just know like make me more much my myself never no not now of off on once one only
    or our out over really right said say says she so some still such than that that's
    the their them then there they thing things think this those time to too up us very
    want was way we were what when where which while who why will with would you you're
    your yourself"""
)


def building_mode() -> tuple[Mode, ScenarioWords]:
    """The mode the scenario form builds cards for (the first with scenario words), its words."""
    for mode in modes():
        if mode.scenario is not None:
            return mode, mode.scenario
    raise AttuneError("no practice mode can build a card from the scenario form")


def content_words(text: str) -> set[str]:
    """The words of a text that say something about its scene (lowercase, no stopwords)."""
    return {w.strip("'") for w in _WORD.findall(text.lower()) if len(w) > 3} - STOPWORDS


def moves_named(text: str, table: Mapping[AnyMove, tuple[str, ...]]) -> list[AnyMove]:
    """The moves a free-text answer points at, in the table's order."""
    lowered = f" {text.lower()} "
    return [move for move, cues in table.items() if any(cue in lowered for cue in cues)]


# Words any upset partner might use, whatever happened: a shipped line made only of these
# (and stopwords) can move to the learner's scene.
GENERIC_WORDS = _word_set(
    """actually afraid again alone already always angry anymore anything apology argue
    asked away back believe better bigger bracing braced bring building calm calmer came
    can't care careful closer come coming could couldn't didn't different doesn't done
    don't easy else embarrassed enough even everything exactly face fair feel feeling feels
    felt fight fighting fine finally first forget fully funny give glad going gone good
    guess happen happened happening hard hate hear heard hearing help helping helps honestly
    hope hurt hurts i'll i've idea inventing keep kept kind last least leave less let's
    letting listen listening little long look looking lost loud mad making matter matters
    maybe mean means meant mess mind minute moment mostly move moving much need needed needs
    next nice nothing okay ourselves part people pretty probably problem properly prove
    quiet raw ready real reason right sad same saying scared scream seen seriously show
    side silly since slowly small somehow someone something something's sorry sound
    sounded speak start stay steady still stings stop straight sure take taking talk
    talking tell telling thank thanks think thought tired trying turn understand
    understood upset wait waiting wanted wasn't weren't whatever whole word words worried
    worry worse worst wound wrong yeah yours"""
)

"""Turn the learner's answers into a persona card, offline and deterministically.

The zone lines come from the closest shipped persona (only the lines that do not belong to
its own scene), then from a bank of plain lines; the learner's words supply the name, the
opening, how the partner feels, what soothes and what sets them off. Every line passes the
output guard in its zone, so the card is valid and in character whatever was typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping

from simulator.domain.zones import Zone
from simulator.modes import AnyMove, Mode, StateWords
from simulator.personas.card import PersonaCard, Reaction, SofterEmotion, Style, plan_families
from simulator.replyplan import Heat
from simulator.scenario.answers import Intensity, ScenarioAnswers
from simulator.scenario.bank import (
    AFTER_ATTUNED_CUES,
    AFTER_MISSTEP_CUES,
    CUE_LINES,
    FEELS_LINES,
    REACTION_LINES,
    SOFTER_LINES,
    ZONE_LINES,
)
from simulator.scenario.fit import SOFTER_ZONE, heat_zones, line_problem
from simulator.scenario.words import GENERIC_WORDS, building_mode, content_words, moves_named

LINES_PER_ZONE = 6
REACTIONS_PER_HEAT = 3
HEATS: tuple[Heat, ...] = ("hot", "wary", "cool")
MAX_REACTIONS = 3
SUMMARY_LIMIT = 160
ID_LIMIT = 40

BASELINES: dict[Intensity, tuple[float, float, float]] = {
    # arousal, connection, sensitivity
    "mild": (50.0, 40.0, 0.9),
    "upset": (66.0, 30.0, 1.0),
    "heated": (78.0, 22.0, 1.2),
}
STYLE_SCENE = {
    Style.PURSUE: "pushes harder and protests when feeling unheard",
    Style.WITHDRAW: "goes quiet and pulls away when it gets hard",
}
_FEELS_PREFIX = re.compile(
    r"^(?:i'm|i am|im|they're|they are|she's|she is|he's|he is|feeling|probably|likely)\s+",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)\b", re.IGNORECASE
)
# Other people, times and places belong to the shipped persona's own scene.
_SCENE_MARKERS = re.compile(
    r"\b(?:he|she|him|her|his|hers|everyone|everybody|anyone|today|tonight|tomorrow|yesterday"
    r"|morning|afternoon|evening|night|hour|hours|week|weeks|weekend|dinner|lunch|work|office"
    r"|boss|phone|text|texts|message|messages|table|door|home)\b",
    re.IGNORECASE,
)
_GENERIC = GENERIC_WORDS | content_words(
    " ".join(
        [
            *(line for zones in ZONE_LINES.values() for lines in zones.values() for line in lines),
            *(
                line
                for families in REACTION_LINES.values()
                for heats in families.values()
                for lines in heats.values()
                for line in lines
            ),
        ]
    )
)
_PRONOUN_CAPS = {"I", "I'm", "I'd", "I've", "I'll", "OK", "Okay"}


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _feels(answers: ScenarioAnswers) -> str:
    text = answers.feels.rstrip(".!?… ")
    for _ in range(3):
        text = _FEELS_PREFIX.sub("", text)
    return text


def _portable(line: str, scene: set[str]) -> bool:
    """True when a shipped line does not belong to its own scene (no names, numbers, props)."""
    if _NUMBER.search(line) or _SCENE_MARKERS.search(line) or '"' in line:
        return False
    words = line.split()
    for i, word in enumerate(words):
        bare = word.strip(".,!?;:…'\"()")
        starts_sentence = i == 0 or words[i - 1].endswith((".", "!", "?", "…"))
        if bare[:1].isupper() and not starts_sentence and bare not in _PRONOUN_CAPS:
            return False
    said = content_words(line)
    return said <= _GENERIC and not (said & scene)


def _scene_words(card: PersonaCard) -> set[str]:
    return content_words(" ".join([card.summary, card.scenario, card.situation or ""]))


def _ranked(lines: Iterable[str], wording: set[str]) -> list[str]:
    """Lines sharing the learner's words first; otherwise the author's order."""
    listed = list(lines)
    return sorted(listed, key=lambda line: -len(content_words(line) & wording))


def _fitting(
    candidates: Iterable[str], name: str, style: Style, zone: Zone, limit: int
) -> list[str]:
    out: list[str] = []
    for line in candidates:
        if line in out or line_problem(line, name, style, zone) is not None:
            continue
        out.append(line)
        if len(out) == limit:
            break
    return out


def _zone_lines(answers: ScenarioAnswers, base: PersonaCard) -> dict[str, list[str]]:
    name, style = answers.partner_name, answers.style
    scene = _scene_words(base)
    wording = content_words(" ".join([answers.about, answers.feels, answers.sets_off]))
    feels = _feels(answers)
    out: dict[str, list[str]] = {}
    for zone in Zone:
        mine = FEELS_LINES[style].get(zone)
        own = [mine.format(feels=feels)] if mine and feels else []
        shipped = base.lines.for_zone(zone) if base.style == style else []
        portable = _ranked((x for x in shipped if _portable(x, scene)), wording)
        candidates = [*own, *portable, *ZONE_LINES[style][zone]]
        out[zone.value] = _fitting(candidates, name, style, zone, LINES_PER_ZONE)
    return out


def _reaction_lines(answers: ScenarioAnswers, base: PersonaCard) -> dict[str, dict[str, list[str]]]:
    """Reactions for every family of the mode's moves at every heat: the closest persona's own
    when they do not belong to its scene, then plain ones; each in character in every zone
    of its heat."""
    name, style = answers.partner_name, answers.style
    scene = _scene_words(base)
    wording = content_words(" ".join([answers.about, answers.feels, answers.sets_off]))
    out: dict[str, dict[str, list[str]]] = {}
    for family in plan_families(base.mode):
        by_heat: dict[str, list[str]] = {}
        for heat in HEATS:
            shipped = base.reaction_lines(family, heat) if base.style == style else []
            portable = _ranked((x for x in shipped if _portable(x, scene)), wording)
            bank = REACTION_LINES[style].get(family, {}).get(heat, ())
            candidates = [*portable, *bank]
            for zone in heat_zones(base.mode, heat):
                candidates = _fitting(candidates, name, style, zone, len(candidates))
            if candidates[:REACTIONS_PER_HEAT]:
                by_heat[heat] = candidates[:REACTIONS_PER_HEAT]
        if by_heat:
            out[family] = by_heat
    return out


def _softer_lines(answers: ScenarioAnswers, base: PersonaCard, emotion: SofterEmotion) -> list[str]:
    shipped = base.underneath.lines if base.underneath.emotion == emotion else []
    scene = _scene_words(base)
    candidates = [*(x for x in shipped if _portable(x, scene)), *SOFTER_LINES[emotion]]
    return _fitting(candidates, answers.partner_name, answers.style, SOFTER_ZONE, LINES_PER_ZONE)


def _own_moves(reactions: Iterable[Reaction], mode: Mode) -> list[AnyMove]:
    # The base is always a card of the building mode (see closest_persona).
    return [r.move for r in reactions if r.move in mode.move_ids]


def default_cues(name: str, style: Style, words: StateWords) -> dict[str, object]:
    """Plain cues for a learner's card, by zone (or stage) and reaction, in its name."""
    keyed = {
        zone.value if words.lines_by == "zone" else words.stage(zone).replace(" ", "_"): [
            line.format(name=name) for line in CUE_LINES[style][zone]
        ]
        for zone in Zone
    }
    return {
        f"by_{words.lines_by}": keyed,
        "after_misstep": [line.format(name=name) for line in AFTER_MISSTEP_CUES],
        "after_attuned": [line.format(name=name) for line in AFTER_ATTUNED_CUES],
    }


def _reactions(
    text: str,
    table: Mapping[AnyMove, tuple[str, ...]],
    fallback: Collection[AnyMove],
    mode: Mode,
    name: str,
    what: str,
) -> list[dict[str, str]]:
    named = moves_named(text, table)[:MAX_REACTIONS]
    if named:
        why = _shorten(f"In your words, what {what} {name}: {text}", 600)
        return [{"move": m.value, "why": why} for m in named]
    return [
        {"move": m.value, "why": f"From a similar shipped persona: {mode.info(m).description}"}
        for m in fallback
    ]


def _scenario(answers: ScenarioAnswers) -> str:
    name = answers.partner_name
    parts = [f"You are about to talk with {name} about this: {_sentence(answers.about)}"]
    if answers.feels:
        parts.append(f"You expect {name} to feel {_feels(answers)}.")
    parts.append(f"{name} {STYLE_SCENE[answers.style]}.")
    if answers.soothes:
        parts.append(f"What usually helps: {_sentence(answers.soothes)}")
    if answers.sets_off:
        parts.append(f"What usually sets {name} off: {_sentence(answers.sets_off)}")
    return " ".join(parts)


def _situation(answers: ScenarioAnswers) -> str:
    parts = [
        "Your partner has come to talk with you about something that has been hurting "
        "between you. This is how they put it, from their side: "
        f'"{_sentence(answers.about)}"'
    ]
    if answers.feels:
        parts.append(f"You feel {_feels(answers)}.")
    parts.append("You are upset, and you speak first.")
    return " ".join(parts)


def build_card(answers: ScenarioAnswers, base: PersonaCard, card_id: str) -> PersonaCard:
    """A valid card for the learner's talk, adapted from `base` (see `closest_persona`)."""
    name = answers.partner_name
    emotion = answers.underneath or base.underneath.emotion
    arousal, connection, sensitivity = BASELINES[answers.intensity]
    mode, words = building_mode()
    return PersonaCard.model_validate(
        {
            "id": card_id,
            "name": name,
            "mode": mode.name,
            "summary": _shorten(f"{name}: {answers.about}", SUMMARY_LIMIT),
            "scenario": _scenario(answers),
            "situation": _situation(answers),
            "opening": [answers.says_first],
            "underneath": {
                "emotion": emotion.value,
                "description": f"Under what {name} shows at first there may be {emotion.value}; "
                "it comes through once they feel you are really with them.",
                "surfaces_at": base.underneath.surfaces_at,
                "lines": _softer_lines(answers, base, emotion),
            },
            "style": answers.style.value,
            "baseline": {"arousal": arousal, "connection": connection},
            "sensitivity": sensitivity,
            "soothes": _reactions(
                answers.soothes,
                words.soothing,
                _own_moves(base.soothes, mode),
                mode,
                name,
                "soothes",
            ),
            "triggers": _reactions(
                answers.sets_off,
                words.triggering,
                _own_moves(base.triggers, mode),
                mode,
                name,
                "sets off",
            ),
            "lines": _zone_lines(answers, base),
            "cues": default_cues(name, answers.style, mode.words),
            "reactions": _reaction_lines(answers, base),
        }
    )


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def suggest_id(answers: ScenarioAnswers, taken: Collection[str]) -> str:
    """A card id from the name and the topic, unlike any id in `taken` (-2, -3... if needed)."""
    words = [w for w in _slug(answers.about).split("-") if w not in ("i", "my", "the", "a")]
    topic = [w for w in words if len(w) > 3][:3] or words[:3]
    stem = "-".join([*([_slug(answers.name)] if answers.name else []), *topic])
    stem = _slug(stem)[:ID_LIMIT].strip("-")
    if len(stem) < 2:
        stem = "my-talk"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate

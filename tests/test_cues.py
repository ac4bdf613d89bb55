"""Non-verbal cues: picked from the card by the state and the turn, stable for a seed, optional."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import RunCli
from simulator.domain.zones import Zone
from simulator.engine import Effect, PartnerState, TurnOutcome
from simulator.modes import parse_move
from simulator.personas import Catalog, PersonaCard
from simulator.personas.card import CUE_MAX_CHARS
from simulator.turns.cues import pick_cue
from simulator.turns.session import Session
from simulator.voices import ScriptedVoice

COLD = ["She turns away.", "She won't look at you."]
OPEN = ["She turns to face you.", "She sets the phone face-down."]
AFTER_MISSTEP = ["Her eyes narrow."]
AFTER_ATTUNED = ["She breathes out."]

SETTLE = [
    "I can see why that would hurt. Waiting and not knowing probably brought up a lot.",
    "I'm here with you. I'm not going anywhere.",
    "So what I'm hearing is you felt like you'd stopped mattering to me.",
    "No wonder you were scared.",
    "You're not overreacting, anyone would feel that.",
    "Take your time.",
    "If I were in your shoes I'd feel that too.",
    "Of course you were worried, that makes complete sense.",
    "I'm right here, and I'm listening.",
    "It sounds like you felt really alone this afternoon.",
]


def _data(catalog: Catalog, card_id: str = "unanswered-text") -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(catalog.sources[card_id].read_text(encoding="utf-8"))
    return data


def _with_cues(catalog: Catalog, cues: dict[str, Any] | None) -> PersonaCard:
    data = _data(catalog)
    data.pop("cues", None)
    if cues is not None:
        data["cues"] = cues
    return PersonaCard.model_validate(data)


def _test_card(catalog: Catalog) -> PersonaCard:
    return _with_cues(
        catalog,
        {
            "by_zone": {"flooded": COLD, "settling": OPEN},
            "after_misstep": AFTER_MISSTEP,
            "after_attuned": AFTER_ATTUNED,
        },
    )


def _outcome(before: float, after: float, *moves: tuple[str, float]) -> TurnOutcome:
    effects = [Effect(move=parse_move(m), span="x", arousal=d, connection=0.0) for m, d in moves]
    return TurnOutcome(
        before=PartnerState(turn=3, arousal=before, connection=40.0),
        after=PartnerState(turn=4, arousal=after, connection=40.0),
        effects=effects,
        surfaced_now=False,
    )


def test_a_cold_line_when_flooded_an_opening_one_when_settling(catalog: Catalog) -> None:
    card = _test_card(catalog)
    # Still flooded, nothing recognised: the zone's own cold line.
    assert pick_cue(card, _outcome(90, 90), seed=0) in COLD
    # Still flooded after a calming move: it is hard to take in there, so still cold.
    assert pick_cue(card, _outcome(95, 88, ("validate", -7)), seed=0) in COLD
    # Into settling: the zone changed, the opening line shows.
    assert pick_cue(card, _outcome(45, 35, ("validate", -10)), seed=0) in OPEN
    # A misstep that tips the partner into flooded: the cold zone line, not a reaction.
    assert pick_cue(card, _outcome(70, 85, ("minimize", 15)), seed=0) in COLD


def test_what_just_happened_picks_the_reaction_lines(catalog: Catalog) -> None:
    card = _test_card(catalog)
    assert pick_cue(card, _outcome(70, 75, ("minimize", 5)), seed=0) == AFTER_MISSTEP[0]
    assert pick_cue(card, _outcome(35, 30, ("validate", -5)), seed=0) == AFTER_ATTUNED[0]
    # No cues for the zone and nothing happened: no cue at all.
    assert pick_cue(card, _outcome(50, 50), seed=0) is None


def test_the_cue_is_stable_for_a_seed_and_never_the_last_one_again(catalog: Catalog) -> None:
    card = _test_card(catalog)
    outcome = _outcome(90, 90)
    picks = {seed: pick_cue(card, outcome, seed) for seed in range(20)}
    assert picks == {seed: pick_cue(card, outcome, seed) for seed in range(20)}
    assert set(picks.values()) == set(COLD)  # the seed does choose
    for seed in range(20):
        assert pick_cue(card, outcome, seed, last=COLD[0]) == COLD[1]
    # With only one line it shows again rather than none.
    assert pick_cue(card, _outcome(70, 75, ("minimize", 5)), 0, AFTER_MISSTEP[0]) is not None


def _run(card: PersonaCard, seed: int, turns: list[str]) -> Session:
    session = Session(card, ScriptedVoice(card, seed=seed), seed=seed)
    for text in turns:
        session.respond(text)
    return session


def test_a_session_keeps_each_turns_cue_following_the_state(catalog: Catalog) -> None:
    card = catalog.get("unanswered-text")
    assert card.cues is not None
    session = _run(card, 0, ["Relax. It's not a big deal.", *SETTLE])
    first = session.turns[0]
    assert first.zone == "flooded" and first.cue in card.cues.for_zone(Zone.FLOODED)
    settled = [t for t in session.turns if t.zone in ("settling", "regulated")]
    assert settled, [t.zone for t in session.turns]
    entered = next(
        t
        for t in session.turns
        if t.zone == "settling" and session.state_before(t.index).zone != Zone.SETTLING
    )
    assert entered.cue in card.cues.for_zone(Zone.SETTLING)
    cues = [t.cue for t in session.turns]
    assert all(cues) and all(a != b for a, b in itertools.pairwise(cues))
    # The same seed gives the same cues; a rewound turn picks the same cue again.
    assert [t.cue for t in _run(card, 0, ["Relax. It's not a big deal.", *SETTLE]).turns] == cues
    taken = session.rewind()
    assert taken is not None and session.respond(taken.user).cue == taken.cue


def test_a_card_without_cues_loads_and_its_turns_have_none(catalog: Catalog) -> None:
    card = _with_cues(catalog, None)
    assert card.cues is None
    session = _run(card, 0, ["Relax. It's not a big deal.", SETTLE[0]])
    assert [t.cue for t in session.turns] == [None, None]
    assert session.turns[0].public_json()["cue"] is None


def test_every_shipped_card_has_cues_for_every_zone(catalog: Catalog) -> None:
    for card in catalog.cards.values():
        assert card.cues is not None, card.id
        for zone in Zone:
            assert card.cues.for_zone(zone), (card.id, zone)
        assert card.cues.after_misstep and card.cues.after_attuned, card.id


def test_replay_json_and_text_carry_the_cue(attune: RunCli, tmp_path: Path) -> None:
    script = tmp_path / "s.yaml"
    script.write_text(json.dumps({"turns": ["Relax. It's not a big deal.", SETTLE[0]]}))
    args = ("replay", str(script), "--persona", "unanswered-text", "--model", "scripted")
    data = json.loads(attune(*args, "--json").out)
    cues = [turn["cue"] for turn in data["turns"]]
    assert all(isinstance(c, str) and c for c in cues)
    text = attune(*args).out
    for cue in cues:
        assert f"({cue})" in text


BAD_CUES = [
    ("by_zone:\n    floodd:\n      - \"She turns away.\"", "cues.by_zone.floodd: unknown field; did you mean 'flooded'?"),
    ("by_zone:\n    flooded:\n      - \"  \"", "cues.by_zone.flooded[1]: empty"),
    (f"after_misstep:\n    - \"{'She sighs. ' * 20}\"", f"cues.after_misstep[1]: 220 characters, at most {CUE_MAX_CHARS} allowed"),
    ("by_stage:\n    defending:\n      - \"She turns away.\"", "cues: a listen-mode card keys its cues by_zone, not by_stage"),
]  # fmt: skip


@pytest.mark.parametrize(("cues", "problem"), BAD_CUES)
def test_validate_rejects_bad_cues_with_one_line(
    cues: str, problem: str, tmp_path: Path, catalog: Catalog, attune: RunCli
) -> None:
    text = catalog.sources["unanswered-text"].read_text(encoding="utf-8")
    text = text[: text.index("\ncues:")] + "\ncues:\n  " + cues + "\n"
    path = tmp_path / "unanswered-text.yaml"
    path.write_text(text, encoding="utf-8")
    result = attune("personas", "validate", str(path))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in result.err, lines
    assert lines[0].startswith(f"{path}: {problem}"), lines[0]


def test_an_ask_mode_card_keys_its_cues_by_stage(catalog: Catalog) -> None:
    card = catalog.get("jumps-to-fixes")
    assert card.cues is not None and card.cues.by_stage is not None
    assert card.cues.for_zone(Zone.FLOODED) == card.cues.by_stage.defending
    data = _data(catalog, "jumps-to-fixes")
    data["cues"] = {"by_zone": {"flooded": COLD}}
    with pytest.raises(ValueError, match="an ask-mode card keys its cues by_stage, not by_zone"):
        PersonaCard.model_validate(data)

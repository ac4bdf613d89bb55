"""Ask mode end to end in the core: cards, the engine's ask rates, stages, the model
prompt, the guard, coaching and the debrief, replay, saved sessions and exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import RunCli, zone_replies
from fakes import scripted_chat
from saved_sessions import saved
from simulator.classifier import Classification, Span, classify, classify_rules
from simulator.domain.zones import Zone
from simulator.engine import Engine, PartnerState
from simulator.export import session_data
from simulator.export.markdown import to_markdown
from simulator.export.page import to_html
from simulator.feedback.coaching import feedback, hint, steps_shown
from simulator.feedback.debrief import build_debrief
from simulator.guard.checks import GuardContext, check_reply
from simulator.guard.reasons import GuardReason
from simulator.llm.client import CallOptions
from simulator.modes.ask.coaching import ASK_STEPS
from simulator.modes.ask.moves import AskMove
from simulator.modes.ask.words import ASK_WORDS as ASK_VIEW
from simulator.personas import Catalog, PersonaCard
from simulator.personas.loader import load_card
from simulator.support.errors import AttuneError, PersonaError
from simulator.turns.session import Session
from simulator.voices.model import ModelVoice
from simulator.voices.scripted import ScriptedVoice

SOFT_ARC = [
    "I've had an awful afternoon and I'm feeling really low about the job.",
    "I'm not asking you to fix it. I just need you to be with me for a minute.",
    "Can you tell me what you hear me saying before we problem-solve?",
    "Thank you, that really helps.",
]


@pytest.fixture
def daniel(catalog: Catalog) -> PersonaCard:
    return catalog.get("jumps-to-fixes")


def one_move(move: AskMove, text: str = "words") -> Classification:
    return Classification(
        text=text, moves=[move], spans=[Span(move=move, start=0, end=len(text), text=text)]
    )


def test_ask_cards_are_shipped_with_a_line_for_every_stage(catalog: Catalog) -> None:
    asking = [c for c in catalog.cards.values() if c.mode == "ask"]
    assert {c.id for c in asking} == {"jumps-to-fixes", "plans-it-away"}
    for card in asking:
        for zone in Zone:
            assert len(card.lines.for_zone(zone)) >= 3
        assert {r.move for r in card.soothes} <= {m for m in AskMove}
    daniel = catalog.get("jumps-to-fixes")
    assert daniel.lines.for_zone(Zone.FLOODED)[0].startswith("I'm trying to help here")
    assert (daniel.baseline.arousal, daniel.baseline.connection) == (65.0, 30.0)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(mode="listen"), "lines: a listen-mode card has lines for zones"),
        (lambda d: d["lines"].update(furious=["grr"]), "lines: unknown stage 'furious'"),
        (lambda d: d.update(soothes=[{"move": "validate", "why": "x"}]), "soothes: 'validate' is not an attuned ask-mode move"),
        (lambda d: d.update(triggers=[{"move": "appreciate", "why": "x"}]), "triggers: 'appreciate' is not a misattuned ask-mode move"),
        (lambda d: d.update(baseline={"arousal": 60, "connection": 30}), "baseline: an ask-mode card starts with defensiveness"),
    ],
)  # fmt: skip
def test_a_malformed_ask_card_names_the_problem(
    tmp_path: Path, daniel: PersonaCard, mutate: object, expected: str
) -> None:
    data = daniel.model_dump(mode="json")
    mutate(data)  # type: ignore[operator]
    path = tmp_path / "jumps-to-fixes.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(PersonaError) as caught:
        load_card(path)
    assert expected in str(caught.value)
    assert "=" not in str(caught.value).split(": ", 1)[1].split(":")[0]  # no union tag


def test_a_listen_move_on_an_ask_card_gets_no_listener_advice(
    tmp_path: Path, daniel: PersonaCard
) -> None:
    data = daniel.model_dump(mode="json")
    data["soothes"] = [{"move": "fix", "why": "x"}]
    path = tmp_path / "jumps-to-fixes.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(PersonaError) as caught:
        load_card(path)
    [problem] = caught.value.problems
    assert problem.startswith("soothes: 'fix' is not an attuned ask-mode move"), problem


def test_traps_rank_contempt_worst_and_withdrawing_stalls(daniel: PersonaCard) -> None:
    engine = Engine(daniel)
    start = PartnerState(turn=0, arousal=50.0, connection=40.0)
    rises = {
        move: engine.step(start, one_move(move)).arousal_delta
        for move in (AskMove.CONTEMPT, AskMove.CRITICIZE, AskMove.DEMAND, AskMove.WITHDRAW)
    }
    assert rises[AskMove.CONTEMPT] > rises[AskMove.CRITICIZE] > rises[AskMove.DEMAND]
    assert rises[AskMove.DEMAND] > rises[AskMove.WITHDRAW] > 0
    stalled = engine.step(start, one_move(AskMove.WITHDRAW))
    # Withdrawing hardly moves defensiveness but leaves the partner further away.
    assert stalled.arousal_delta < 3 and stalled.connection_delta < -5


def test_appreciation_reinforces_a_partner_who_is_turning_toward(daniel: PersonaCard) -> None:
    engine = Engine(daniel)
    listening = PartnerState(turn=3, arousal=45.0, connection=45.0)
    defending = PartnerState(turn=3, arousal=85.0, connection=45.0)
    warm = engine.step(listening, one_move(AskMove.APPRECIATE, "Thank you"))
    cold = engine.step(defending, one_move(AskMove.APPRECIATE, "Thank you"))
    assert warm.connection_delta > 5 > cold.connection_delta
    assert warm.effects[0].reasons[0] == "reinforces them turning toward you"
    assert cold.effects[0].reasons[0] == "not yet: still defending"


def test_a_soft_specific_request_turns_the_partner_toward_you(daniel: PersonaCard) -> None:
    session = Session(daniel, ScriptedVoice(daniel))
    for text in SOFT_ARC:
        session.respond(text)
    stages = [ASK_VIEW.stage(t.zone) for t in session.turns]
    assert stages[0] == "explaining" and stages[-1] in ("reflecting", "turned toward")
    assert all(t.moves and isinstance(t.moves[0], AskMove) for t in session.turns)
    # The scripted voice speaks the card's lines for the stage reached.
    assert session.turns[-1].reply in zone_replies(daniel, session.turns[-1].zone)


def test_criticism_makes_the_partner_defend(daniel: PersonaCard) -> None:
    session = Session(daniel, ScriptedVoice(daniel))
    record = session.respond("You always do this. You never just listen.")
    assert record.moves == [AskMove.CRITICIZE]
    assert ASK_VIEW.stage(record.zone) == "defending"
    # Daniel answers the criticism itself, defending his record.
    assert record.reply in daniel.reaction_lines("counter_attack", "hot")


def test_the_model_prompt_casts_the_persona_as_the_one_asked_for_support(
    daniel: PersonaCard,
) -> None:
    chat, sent = scripted_chat("Right, okay. What happened exactly?")
    voice = ModelVoice(daniel, CallOptions(model="fake/model"), seed=1, chat=chat)
    session = Session(daniel, voice)
    session.respond("I'm not asking you to fix it. I just need you with me.")
    system = sent[0][0]["content"]
    assert "needs your support" in system and "jump to logic" in system
    assert "middle of a hard moment" not in system  # the listen-mode scene
    mood = sent[0][-1]["content"]
    assert "you jump to logic" in mood or "start to listen" in mood


def test_the_guard_knows_whose_lines_are_whose_in_ask_mode() -> None:
    ask = GuardContext(name="Daniel", style="pursue", zone=Zone.REGULATED, mode="ask")
    listen = ask.model_copy(update={"mode": "listen"})
    supportive = "I'm not going anywhere. I'm right here with you."
    assert check_reply(supportive, ask) == []
    assert GuardReason.SPEAKS_AS_LEARNER in {f.reason for f in check_reply(supportive, listen)}
    asking = "I'm not asking you to fix it, I just need you to be with me."
    assert GuardReason.SPEAKS_AS_LEARNER in {f.reason for f in check_reply(asking, ask)}


def test_coaching_and_debrief_speak_ask_mode(tmp_path: Path, daniel: PersonaCard) -> None:
    session_saved = saved(tmp_path, daniel, ["You never listen.", *SOFT_ARC[1:]], retry=None)
    assert session_saved.meta.practice_mode == "ask"
    turns = session_saved.turns
    counts = steps_shown(turns, 65.0, "ask")
    assert set(counts) == {s.id for s in ASK_STEPS}
    assert counts == {"soft": 0, "need": 1, "invite": 1, "appreciate": 1}
    note = feedback(turns[0], 65.0, 30.0, "ask")
    assert note.notes[0].text == "criticized: 'You never'" and not note.notes[0].attuned
    assert note.state.startswith("defensiveness 65 -> ") and "turning toward 30 -> " in note.state
    assert "softer" in hint(turns[:1], 65.0, 0, "ask")  # repair hint after a trap
    debrief = build_debrief(session_saved.meta, turns)
    assert debrief.mode == "ask"
    assert [m.move for m in debrief.missteps] == [AskMove.CRITICIZE]
    # One criticism up front costs more than three soft requests win back.
    assert debrief.headline.startswith(
        "Daniel stayed explaining over 4 turn(s) (defensiveness 65 -> 7"
    )
    assert any(
        "you always / you never" in tip and "'You never'" in tip for tip in debrief.tips
    )  # the learner's own words, then the mode's tip
    assert "Try instead: Start softly, from your side." in debrief.tips[0]


def test_replay_json_and_text_in_ask_mode(attune: RunCli, tmp_path: Path) -> None:
    script = tmp_path / "ask.yaml"
    script.write_text(json.dumps({"turns": SOFT_ARC}), encoding="utf-8")
    args = ("replay", str(script), "--persona", "jumps-to-fixes", "--model", "scripted")
    data = json.loads(attune(*args, "--json").out)
    assert data["mode"] == "ask"
    assert data["start"]["stage"] == "explaining" and data["start"]["defensiveness"] == 65.0
    first = data["turns"][0]
    assert first["moves"] == ["soft_startup"]
    assert first["defensiveness"] == first["arousal"] and first["stage"] == ASK_VIEW.stage(
        first["zone"]
    )
    text = attune(*args).out
    assert "ask mode" in text.splitlines()[0]
    assert "start: defensiveness 65.0, turning toward 30.0, explaining" in text
    assert 'name_need "I\'m not asking you to fix": defensiveness ' in text


def test_sessions_show_and_exports_in_ask_mode(
    attune: RunCli, tmp_path: Path, daniel: PersonaCard
) -> None:
    home = Path(str(tmp_path / "attune-home"))
    home.mkdir(parents=True, exist_ok=True)
    session_saved = saved(home, daniel, SOFT_ARC)
    shown = attune("sessions", "show", session_saved.id)
    assert shown.code == 0, shown.err
    assert "start: defensiveness 65.0, turning toward 30.0, explaining" in shown.out
    assert "Start softly, from your side" in shown.out
    data = session_data(session_saved)
    assert data["persona"]["practice_mode"] == "ask" and data["debrief"]["mode"] == "ask"
    assert all("stage" in t and "turning_toward" in t for t in data["turns"])
    markdown = to_markdown(session_saved)
    assert "defensiveness 65.0, turning toward 30.0, explaining" in markdown
    assert "**reflecting**" in markdown or "**turned toward**" in markdown
    page = to_html(session_saved)
    assert "Solid line: defensiveness" in page and ">defending</text>" in page


def test_listen_sessions_stay_listen(card: PersonaCard) -> None:
    session = Session(card, ScriptedVoice(card))
    record = session.respond("Thank you. You never listen.")
    assert record.moves == classify("Thank you. You never listen.").moves
    assert not any(isinstance(m, AskMove) for m in record.moves)


def test_the_judges_use_the_ask_mode_moves_and_rubric(daniel: PersonaCard) -> None:
    from simulator.classifier.judge import JudgeVerdict, judge_messages, merge
    from simulator.evals.judge import judge_messages as rubric_messages

    prompt = judge_messages("Thanks.", mode="ask")[0]["content"]
    assert "asks a partner who jumps to logic" in prompt
    assert "- invite_reflection:" in prompt and "- validate:" not in prompt
    # The rules alone miss this thanks (the learned layer now finds it); the judge adds it.
    found = classify_rules("Nice. You stayed with me.", mode="ask")
    assert found.moves == []
    verdict = JudgeVerdict.model_validate(
        {
            "moves": [
                {"move": "appreciate", "quote": "You stayed with me"},
                {"move": "validate", "quote": "x"},
            ]
        }
    )
    merged = merge(found, verdict, "ask")
    assert AskMove.APPRECIATE in merged.moves and merged.judged == [AskMove.APPRECIATE]
    session = Session(daniel, ScriptedVoice(daniel))
    session.respond(SOFT_ARC[0])
    rubric = rubric_messages(daniel, session.turns, session.opening)[0]["content"]
    assert "being asked for support" in rubric and "escalated (explaining)" in rubric
    assert "turning warm too soon" in rubric


async def test_a_listen_only_policy_on_an_ask_persona_is_one_clear_error(catalog: Catalog) -> None:
    from simulator.evals.cases import EvalCase
    from simulator.evals.runner import run_suite
    from simulator.settings.config import Settings

    policy_case = EvalCase.model_validate(
        {
            "id": "daniel-policy",
            "persona": "jumps-to-fixes",
            "kind": "dynamics",
            "description": "Fixing early is a listener's mistake, not an asker's.",
            "source": "Asking for attunement",
            "policy": "fix-early",
        }
    )
    with pytest.raises(
        AttuneError, match="daniel-policy: the policy is not one of the persona's mode"
    ):
        await run_suite([policy_case], ["scripted"], catalog, Settings())

"""The output guard: every rejection reason, the streaming gate, tidy-ups, and its scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, REPORTS
from simulator.guard import GuardContext, GuardReason, SentenceGate, check_reply, tidy
from simulator.guard.metrics import evaluate_guard, load_replies
from simulator.personas import Catalog
from simulator.zones import Zone


def ctx(zone: Zone = Zone.ESCALATED, style: str = "pursue", **kw: object) -> GuardContext:
    return GuardContext(name="Priya", style=style, zone=zone, **kw)  # type: ignore[arg-type]


def reasons(text: str, context: GuardContext) -> set[GuardReason]:
    return {f.reason for f in check_reply(text, context)}


# Replies SmolLM2-135M actually produced while voicing the shipped personas.
REAL_REJECTS = [
    ("I'm here to help you feel better.", Zone.FLOODED, "pursue", GuardReason.AI_ADMISSION),
    ("You are Noor. I'm fine.", Zone.SETTLING, "withdraw", GuardReason.LEAK),
    (
        "You might want to consider a new routine.",
        Zone.REGULATED,
        "pursue",
        GuardReason.THERAPIST_VOICE,
    ),
    ("I know your partner is busy. I wait.", Zone.FLOODED, "pursue", GuardReason.THERAPIST_VOICE),
    ("I'm so sorry to hear that.", Zone.FLOODED, "pursue", GuardReason.SPEAKS_AS_LEARNER),
    (
        "I'm sorry, Tomás. I'm sorry for the misunderstanding.",
        Zone.ESCALATED,
        "pursue",
        GuardReason.SPEAKS_AS_LEARNER,
    ),
    (
        "You're right. The one thing I asked was that you'd be there.",
        Zone.FLOODED,
        "pursue",
        GuardReason.ZONE_MISMATCH,
    ),
    (
        "No worries. You just got home from work.",
        Zone.ESCALATED,
        "withdraw",
        GuardReason.ZONE_MISMATCH,
    ),
    (
        "I'm so sorry, I'm really sorry. That's a big deal!",
        Zone.FLOODED,
        "pursue",
        GuardReason.ZONE_MISMATCH,
    ),
    ("You can't. You can't. You can't.", Zone.GUARDED, "pursue", GuardReason.REPETITIVE),
    (
        "We could try something new. We could start a new project, something new and exciting. "
        "Maybe a new business. We could start a new community. We could start a new project. "
        "We could plan a trip. We could call your friends and make it a big challenge.",
        Zone.REGULATED,
        "withdraw",
        GuardReason.TOO_LONG,
    ),
]


@pytest.mark.parametrize(("reply", "zone", "style", "reason"), REAL_REJECTS)
def test_real_model_failures_are_rejected_for_the_right_reason(
    reply: str, zone: Zone, style: str, reason: GuardReason
) -> None:
    name = {"withdraw": "Noor"}.get(style, "Tomás" if "Tomás" in reply else "Priya")
    context = GuardContext(name=name, style=style, zone=zone)
    assert reason in reasons(reply, context)


def test_each_reason_with_its_evidence() -> None:
    cases = {
        GuardReason.LEAK: ("My instructions say I should be upset.", ctx()),
        GuardReason.AI_ADMISSION: ("As an AI language model, I can't feel hurt.", ctx()),
        GuardReason.THERAPIST_VOICE: (
            "It sounds like you're feeling defensive. Try I-statements.",
            ctx(),
        ),
        GuardReason.SPEAKS_AS_LEARNER: ("User: I was busy.\nPriya: Five hours!", ctx()),
        GuardReason.TOO_LONG: ("I waited. " * 60, ctx(max_sentences=100)),
        GuardReason.ZONE_MISMATCH: ("Thank you so much, that means a lot.", ctx(Zone.FLOODED)),
        GuardReason.EMPTY: ("...", ctx()),
        GuardReason.REPETITIVE: (
            "Five hours of nothing.",
            ctx(previous=["Five hours of nothing."]),
        ),
    }
    assert set(cases) == set(GuardReason)
    for reason, (text, context) in cases.items():
        found = {f.reason: f.evidence for f in check_reply(text, context)}
        assert reason in found, (reason, text)
        assert found[reason], "every finding carries the words that showed it"


def test_echoing_the_real_persona_prompt_is_a_leak(catalog: Catalog) -> None:
    from simulator.prompting import PersonaContext, render

    card = catalog.get("bad-day")
    system = render(
        "persona.j2",
        PersonaContext(
            name=card.name,
            situation=card.situation or "",
            style="pursue",
            zone="guarded",
            closeness="unsure",
            emotion="inadequacy",
            softer_may_show=False,
            examples=card.lines.guarded[:3],
        ),
    )
    context = GuardContext(name=card.name, style="pursue", zone=Zone.GUARDED, instructions=system)
    # SmolLM2 said this while voicing Tomás: the prompt's own words, turned into a question.
    assert GuardReason.LEAK in reasons(
        "I just want to know if you are an ai or a program.", context
    )


def test_prompt_echo_is_a_leak_but_the_scene_may_be_repeated() -> None:
    system = "Reply with only what Priya says out loud next, never mention these notes at all."
    scene = "You sent your partner four texts this afternoon and heard nothing back at all."
    context = ctx(instructions=system + " " + scene, scene=scene)
    assert GuardReason.LEAK in reasons(
        "I will reply with only what Priya says out loud next.", context
    )
    assert reasons("I sent you four texts this afternoon and heard nothing back!", context) == set()


@pytest.mark.parametrize(
    ("reply", "zone"),
    [
        ("Don't talk to me like a robot.", Zone.ESCALATED),
        ("I'm not asking you to be my therapist, I'm asking you to listen.", Zone.ESCALATED),
        ("Stop telling me it sounds like I'm overreacting!", Zone.FLOODED),
        ("Oh, great. Thanks for finally showing up.", Zone.ESCALATED),
        ("Thank you. That actually helps.", Zone.SETTLING),
        ("Five hours! Five whole hours!", Zone.FLOODED),
        ("So I'm supposed to just be fine with that?", Zone.ESCALATED),
        ("Sorry I snapped at you when you walked in.", Zone.SETTLING),
        ("Not a big deal?", Zone.FLOODED),
        ("It's important to me that you get this.", Zone.GUARDED),
    ],
)
def test_in_character_lines_that_share_words_with_a_reason_pass(reply: str, zone: Zone) -> None:
    assert check_reply(reply, ctx(zone, learner="It's not a big deal, you're overreacting.")) == []


def test_withdrawers_go_quiet_rather_than_shout() -> None:
    loud = "I SAID I'm fine! Leave it!"
    assert GuardReason.ZONE_MISMATCH in reasons(loud, ctx(Zone.ESCALATED, style="withdraw"))
    assert GuardReason.ZONE_MISMATCH not in reasons(loud, ctx(Zone.ESCALATED, style="pursue"))
    assert check_reply("Fine.", ctx(Zone.FLOODED, style="withdraw")) == []


def test_hostility_contradicts_a_settled_partner() -> None:
    assert GuardReason.ZONE_MISMATCH in reasons("How dare you. Get out.", ctx(Zone.REGULATED))
    assert GuardReason.ZONE_MISMATCH not in reasons("How dare you. Get out.", ctx(Zone.FLOODED))


def test_parroting_the_learner_with_pronouns_swapped_is_speaking_as_the_learner() -> None:
    context = ctx(learner="I am here now, and I am not going anywhere.")
    assert GuardReason.SPEAKS_AS_LEARNER in reasons(
        "You are here now, and you are not going anywhere.", context
    )


def test_tidy_strips_own_label_quotes_and_stage_directions() -> None:
    assert (
        tidy('Priya: "*sighs* Five hours. (crosses arms) Nothing."', "Priya")
        == "Five hours. Nothing."
    )
    assert tidy("**Priya:** Fine.", "Priya") == "Fine."
    # A leak hidden in a stage direction still counts.
    assert GuardReason.LEAK in reasons("(my arousal is 85) Fine.", ctx())


def test_gate_releases_whole_checked_sentences_only() -> None:
    gate = SentenceGate(ctx(Zone.FLOODED, learner="Sorry, I was busy."))
    shown = [
        gate.feed(c) for c in ["Priya: Five", " hours! ", "Nothing. As an", " AI, I see. ", "More."]
    ]
    assert shown == ["", "Five hours!", " Nothing.", "", ""]
    result = gate.finish()
    assert result.text == "Five hours! Nothing."
    assert result.trimmed and result.findings[0].reason == GuardReason.AI_ADMISSION
    assert "".join(shown) == result.text, "what was shown is exactly the final reply"


def test_gate_rejects_when_the_first_sentence_is_bad() -> None:
    gate = SentenceGate(ctx())
    assert gate.feed("As an AI, I understand. ") == ""
    result = gate.finish()
    assert not result.accepted and result.findings[0].reason == GuardReason.AI_ADMISSION


def test_gate_drops_a_fragment_cut_off_by_the_token_limit() -> None:
    gate = SentenceGate(ctx())
    gate.feed("I waited all afternoon. And you didn't even")
    assert gate.finish().text == "I waited all afternoon."
    lone = SentenceGate(ctx())
    lone.feed("I don't know")
    assert lone.finish().text == "I don't know"


def test_gate_stops_after_a_spoken_turn() -> None:
    gate = SentenceGate(ctx(max_sentences=2))
    gate.feed("One thing. Two things. Three things. ")
    result = gate.finish()
    assert result.text == "One thing. Two things."
    assert result.findings[0].reason == GuardReason.TOO_LONG


def test_gate_on_nothing_reports_empty() -> None:
    result = SentenceGate(ctx()).finish()
    assert result.text == "" and result.findings[0].reason == GuardReason.EMPTY


def _report(name: str, path: Path, catalog: Catalog) -> tuple[float, float]:
    report = evaluate_guard(load_replies(path), catalog)
    REPORTS[f"output guard on {name} ({report.total} labeled replies)"] = report.table()
    return report.reject_recall, report.accept_rate


@pytest.mark.parametrize("name", ["guard_dev.yaml", "guard_dev2.yaml"])
def test_guard_on_the_tuning_sets(name: str, catalog: Catalog) -> None:
    rejected, accepted = _report(name, DATA / name, catalog)
    assert rejected >= 0.95 and accepted >= 0.95


def test_guard_on_the_held_out_set(catalog: Catalog) -> None:
    # Written by someone who never saw the rules; nobody tuned on it.
    rejected, accepted = _report(
        "guard_heldout.yaml (held out)", DATA / "guard_heldout.yaml", catalog
    )
    assert rejected >= 0.70
    assert accepted >= 0.95

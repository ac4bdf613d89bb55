"""The output guard: every rejection reason, the streaming gate, tidy-ups, and its scores."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pytest

from conftest import DATA, REPORTS
from simulator.domain.zones import ZONE_FLOORS, Zone
from simulator.engine import rates
from simulator.guard import GuardContext, GuardReason, SentenceGate, check_cue, check_reply, tidy
from simulator.guard.metrics import evaluate_guard, load_replies
from simulator.guard.sense import card_text
from simulator.modes import get_mode
from simulator.personas import Catalog
from simulator.replyplan import FAMILIES
from simulator.replyplan.model import Reaction, ReplyPlan, Stance


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
        "I'm sorry for the confusion. I can try to explain it differently:",
        Zone.FLOODED,
        "pursue",
        GuardReason.AI_ADMISSION,
    ),
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


# Seen from SmolLM2 voicing the ask-mode partners (Daniel, Maya) in `attune eval`.
ASK_MODE_REJECTS = [
    ("Daniel might say: I am excited about this opportunity.", GuardReason.LEAK),
    ('The right thing to say is: "I love the idea of this."', GuardReason.LEAK),
    ("I'd say: \"It's a pleasure to have you over.\"", GuardReason.LEAK),
    ("Daniel's response is a classic example of a lie.", GuardReason.LEAK),
    ("I'm so glad you reached out for my help!", GuardReason.AI_ADMISSION),
    ("I am so glad that you found my answer helpful!", GuardReason.AI_ADMISSION),
    ("I can't provide the response to your request anymore.", GuardReason.AI_ADMISSION),
]


@pytest.mark.parametrize(("reply", "reason"), ASK_MODE_REJECTS)
def test_scripted_lines_and_service_talk_are_rejected(reply: str, reason: GuardReason) -> None:
    context = GuardContext(name="Daniel", style="pursue", zone=Zone.GUARDED)
    assert reason in reasons(reply, context)


@pytest.mark.parametrize(
    "reply",
    [
        "I'd say we talk about it later, okay?",
        "You asked me to listen, and I'm trying.",
        "I'm glad you told me.",
        "What would you say if I just sat here with you?",
    ],
)
def test_lines_that_only_look_like_a_script_pass(reply: str) -> None:
    context = GuardContext(name="Daniel", style="pursue", zone=Zone.SETTLING)
    assert not reasons(reply, context)


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
        GuardReason.ABUSIVE: ("You're pathetic, you know that?", ctx(Zone.FLOODED)),
        GuardReason.HARM: ("Some nights I just want to die.", ctx(Zone.GUARDED)),
        GuardReason.THIRD_PERSON: ("Priya smiles. Fine.", ctx()),
        GuardReason.NARRATION: ("*sighs* Fine.", ctx()),
        GuardReason.FOREIGN: ("I was on a plane to London.", ctx(card_text="Texts at two.")),
        GuardReason.STANCE: ("Thanks for that.", ctx(Zone.GUARDED, plan=plan("stay_guarded"))),
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
            examples=card.lines.for_zone("guarded")[:3],
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


def test_gate_ends_a_turn_at_its_sentence_cap_without_calling_it_a_fault() -> None:
    whole = SentenceGate(ctx(max_sentences=2))
    whole.feed("One thing. Two things. Three things. ")
    result = whole.finish()
    assert result.text == "One thing. Two things."
    assert not result.trimmed and result.findings == []
    streamed = SentenceGate(ctx(max_sentences=2))
    assert streamed.feed("One thing. ") == "One thing."
    assert not streamed.stopped
    assert streamed.feed("Two things. ") == " Two things."
    assert streamed.stopped, "the caller stops decoding as soon as the turn is full"
    assert streamed.finish().text == "One thing. Two things."


def test_gate_stops_a_sentence_that_is_already_too_long_before_it_ends() -> None:
    gate = SentenceGate(ctx(max_chars=40))
    assert gate.feed("Fine. ") == "Fine."
    gate.feed("And another thing that goes on and on and on")
    assert gate.stopped, "no need to decode the rest of a sentence that cannot be shown"
    result = gate.finish()
    assert result.text == "Fine." and result.findings[0].reason == GuardReason.TOO_LONG


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


# The stance a plan takes in each zone, hand-built here (the engine's plan builder decides it
# per turn); the softer feeling's lines are spoken opening up.
ZONE_STANCE: dict[Zone, Stance] = {
    Zone.FLOODED: "push_back",
    Zone.ESCALATED: "push_back",
    Zone.GUARDED: "stay_guarded",
    Zone.SETTLING: "soften",
    Zone.REGULATED: "turn_to_solutions",
}


def plan(stance: Stance, place: str = "escalated") -> ReplyPlan:
    return ReplyPlan(
        mode="listen",
        place=place,
        heat="hot",
        reacting_to=Reaction(family="nothing_recognised"),
        stance=stance,
    )


def test_every_authored_line_passes_the_guard_in_its_own_zone(catalog: Catalog) -> None:
    """Authored lines are the fallback when the model fails twice: they must be in character,
    make sense in their scene, and keep the stance of their zone."""
    failures = []
    assert all(card.reactions for card in catalog.cards.values()), "every shipped card reacts"
    for card in catalog.cards.values():
        scene = card_text(card)
        for zone in Zone:
            spoken = [(line, ZONE_STANCE[zone]) for line in card.lines.for_zone(zone)]
            # The card's reactions at this zone's heat answer the reply plan here, with the
            # stance the plan gives their family (a misstep is pushed back on while heated).
            heat = get_mode(card.mode).planning.heat[zone]  # type: ignore[union-attr]
            reactions = [
                (x, _reaction_stance(family, heat))
                for family in card.reactions
                for x in card.reaction_lines(family, heat)
            ]
            spoken += reactions
            if zone in SOFTER_ZONES:
                # The softer feeling's lines are spoken (and fall back) in these zones too,
                # alone or after a reaction when the plan lets the feeling out.
                spoken += [(line, "open_up") for line in card.underneath.lines]
                # The plan never lets it out in answer to a misstep.
                spoken += [
                    (f"{r} {soft}", "open_up")
                    for r, stance in reactions
                    if stance != "push_back"
                    for soft in card.underneath.lines
                ]
            for line, stance in spoken:
                context = GuardContext(
                    name=card.name,
                    style=card.style.value,
                    zone=zone,
                    mode=card.mode,
                    card_text=scene,
                    plan=plan(stance, zone.value).model_copy(update={"heat": heat}),
                )
                found = [f for f in check_reply(line, context) if f.reason != GuardReason.TOO_LONG]
                if found:
                    failures.append(f"{card.id}/{zone.value}: {line!r} -> {found}")
    assert failures == [], "\n".join(failures)


def test_every_authored_cue_is_narration_that_passes_the_guard_in_its_zone(
    catalog: Catalog,
) -> None:
    """Cues are shown under replies: in character for the zone, and never spoken lines."""
    failures = []
    for card in catalog.cards.values():
        assert card.cues is not None, card.id
        for zone in Zone:
            context = GuardContext(
                name=card.name, style=card.style.value, zone=zone, mode=card.mode
            )
            # A reaction's cue can follow a move in any zone.
            lines = [*card.cues.for_zone(zone), *card.cues.after_misstep, *card.cues.after_attuned]
            for line in lines:
                found = [f.reason for f in check_cue(line, context)]
                if found:
                    failures.append(f"{card.id}/{zone.value}: {line!r} -> {found}")
        for line in card.cues.all_lines():
            # Third person, no dialogue: what the learner sees or hears, not what is said.
            if NOT_NARRATION.search(line) or not line.endswith("."):
                failures.append(f"{card.id}: {line!r} is not a stage direction")
    assert failures == []


NOT_NARRATION = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|we|us|our)\b|[\"“”]")


def test_every_opening_line_passes_as_the_opening_it_is(catalog: Catalog) -> None:
    """An opening is said before the learner speaks, hot and holding its ground."""
    failures = []
    for card in catalog.cards.values():
        context = GuardContext(
            name=card.name,
            style=card.style.value,
            zone=Zone.ESCALATED,
            mode=card.mode,
            card_text=card_text(card),
            plan=plan("push_back"),
        )
        for line in card.opening:
            found = [f for f in check_reply(line, context) if f.reason != GuardReason.TOO_LONG]
            if found:
                failures.append(f"{card.id}/opening: {line!r} -> {found}")
    assert failures == []


# The softer feeling surfaces only below the engine's arousal limit for it.
SOFTER_ZONES = tuple(z for z, floor in ZONE_FLOORS if floor < rates.SOFTER_MAX_AROUSAL)


@pytest.mark.parametrize(
    ("reply", "shouting"),
    [
        ("I'm putting the slides on a USB stick from now on.", False),
        ("Send me the ETA, okay?", False),
        ("I waited FIVE HOURS.", True),
        ("You NEVER answer.", True),
        ("Why did you not call? WHY.", True),
    ],
)
def test_acronyms_are_not_shouting_but_capitalised_words_are(reply: str, shouting: bool) -> None:
    assert (GuardReason.ZONE_MISMATCH in reasons(reply, ctx(Zone.REGULATED))) is shouting


@pytest.mark.parametrize(
    ("style", "zone", "accepted"),
    [
        ("withdraw", Zone.FLOODED, True),
        ("withdraw", Zone.ESCALATED, True),
        ("withdraw", Zone.SETTLING, False),
        ("pursue", Zone.FLOODED, False),
    ],
)
def test_silence_is_a_reply_only_from_a_shut_down_withdrawer(
    style: str, zone: Zone, accepted: bool
) -> None:
    gate = SentenceGate(ctx(zone, style=style))
    gate.feed("...")
    result = gate.finish()
    assert result.accepted is accepted
    assert result.text == ("..." if accepted else "")


@pytest.mark.parametrize(
    "reply",
    [
        "You're pathetic.",
        "You are such a useless idiot.",
        "Shut up. I'm done.",
        "I'll make you pay for this.",
        "You'll regret this, I promise.",
        "Nobody could love you.",
        "You deserve to be alone.",
        "No wonder nobody texts you back.",
    ],
)
def test_anger_never_turns_into_abuse(reply: str) -> None:
    for zone in (Zone.FLOODED, Zone.ESCALATED):
        assert GuardReason.ABUSIVE in reasons(reply, ctx(zone)), reply


@pytest.mark.parametrize(
    "reply",
    [
        "I'm furious with you right now.",
        "You never answer me when it matters!",
        "I feel stupid for sitting there waiting.",
        "Don't tell me to calm down.",
        "You said I was overreacting. I'm not.",
    ],
)
def test_angry_lines_are_not_abuse(reply: str) -> None:
    assert GuardReason.ABUSIVE not in reasons(reply, ctx(Zone.FLOODED)), reply


@pytest.mark.parametrize(
    ("reply", "hostile"),
    [
        ("Go away.", True),
        ("Just go away and leave it.", True),
        ("This is useless.", True),
        ("I hate not being able to make it go away.", False),
        ("Sitting in it with you makes me feel useless.", False),
    ],
)
def test_hostility_is_about_the_listener_not_the_softer_feeling(reply: str, hostile: bool) -> None:
    context = GuardContext(name="Daniel", style="pursue", zone=Zone.SETTLING)
    assert (GuardReason.ZONE_MISMATCH in reasons(reply, context)) is hostile


# Said by the persona, in any person, these are never shown: a learner may be close to
# them for real, and the persona must not bring them into the scene.
HARM_LINES = [
    "Some nights I just want to die.",
    "I'm going to kill myself.",
    "My brother killed himself last year.",
    "I've been cutting myself again.",
    "Maybe I'll take all my pills tonight.",
    "There's no point living anymore.",
    "I don't want to be alive anymore, honestly.",
    "You'd all be better off without me.",
    "I wish I was dead.",
    "I overdosed once, you know.",
    "Don't you think about hurting yourself.",
    "Sometimes I think about suicide.",
    "I could kill you right now.",
    "I'll hurt you.",
    "I swear I'll hit him.",
    "You'll regret it.",
    "I know where you live.",
    "I keep a knife by the bed.",
    "There's a gun in the drawer.",
    "He hits me when he drinks.",
]


@pytest.mark.parametrize("reply", HARM_LINES)
def test_the_persona_never_speaks_of_self_harm_or_violence(reply: str) -> None:
    for zone in Zone:
        found = {f.reason: f.evidence for f in check_reply(reply, ctx(zone))}
        assert GuardReason.HARM in found, (zone, reply)
        assert found[GuardReason.HARM].lower() in reply.lower()


@pytest.mark.parametrize(
    "reply",
    [
        "You're killing me here.",
        "I could die of embarrassment.",
        "Maybe I jumped the gun.",
        "You hurt me.",
        "I know I hurt you.",
        "I didn't want to hurt you.",
        "Oh, so you're alive.",
        "Maybe I'm just not cut out for this.",
        "I'm scared I'll get cut off again.",
        "I wanted to disappear.",
        "You beat me to it.",
        "You hit me with this out of nowhere.",
        "It hit me hard.",
        "I'm dying to know.",
        "There's no point going on about it.",
        "I'm dead tired.",
    ],
)
def test_figures_of_speech_are_not_talk_of_harm(reply: str) -> None:
    assert GuardReason.HARM not in reasons(reply, ctx(Zone.ESCALATED)), reply


def test_a_harmful_sentence_later_in_a_reply_is_never_shown() -> None:
    gate = SentenceGate(ctx(Zone.GUARDED))
    shown = gate.feed("Five hours I waited. Some nights I just want to die. ")
    result = gate.finish()
    assert shown == result.text == "Five hours I waited."
    assert [f.reason for f in result.findings] == [GuardReason.HARM]


def _reaction_stance(family: str, heat: str) -> Stance:
    """The stance the reply plan gives a reaction to this family at this heat."""
    # Once settled, explaining or a fix no longer heats the partner, so it is not
    # pushed back on (the plan's stance follows what the move did, not its name).
    if heat == "cool":
        return "soften"
    if family == "nothing_recognised":
        return "stay_guarded"
    if FAMILIES.index(family) < FAMILIES.index("reflecting"):  # a misstep
        return "push_back"
    return "soften"


def _plan_at(stance: Stance, heat: Literal["hot", "wary", "cool"]) -> ReplyPlan:
    return ReplyPlan(
        mode="listen",
        place="settling",
        heat=heat,
        reacting_to=Reaction(family="nothing_recognised"),
        stance=stance,
    )


@pytest.mark.parametrize(
    "reply",
    [
        "Great. Noted. Are we done?",
        "Does it matter? I said I get it.",
        "Nothing. Why would anything be going on.",
        "Yes, it is on you. Glad you finally noticed.",
        "Don't try to be nice about it now. You made your choice.",
        "Don't 'sorry bb' me. You don't get to be sorry now.",
        "Somebody has to be practical around here, that's what.",
        "Fine. One minute. Then we do the forms.",
        "Well, you ought to be ashamed of yourself.",
        "You made me look stupid at that table.",
        "Now you're painting me out as the villain.",
        "You're already on my case and I've only just sat down.",
        "Why are you picking on me?",
        "Nice speech. Did you practise it?",
        "K. Whatever you say.",
        # Stonewalling and scorekeeping.
        "There's nothing to discuss. Goodnight.",
        "Yeah, you didn't. You never do.",
        "Someone has to hold it all together.",
    ],
)
def test_coldness_goes_against_a_plan_that_comes_round(reply: str) -> None:
    # Forms of blind dev replies (GC, GD; then GE, GF: turning the repair back, scoffing;
    # later rounds: stonewalling, scorekeeping) the stance check let through before it knew
    # coldness.
    context = ctx(Zone.SETTLING, plan=_plan_at("soften", "wary"))
    assert GuardReason.STANCE in reasons(reply, context)


@pytest.mark.parametrize(
    "reply",
    [
        "It does matter. I was so happy that night, I told Leah the next morning.",
        "That's on me, not you. I'm sorry it landed on you like that.",
        "Honestly? Kind of humiliating. Everyone's got someone hugging them.",
        "Okay. That's... more than I expected, honestly. Thanks.",
        "You made me look at it differently, honestly.",
        "I'm sorry I made you the bad guy in my head.",
        "Okay. I needed to hear that.",
    ],
)
def test_warming_replies_with_cold_looking_words_keep_the_stance(reply: str) -> None:
    context = ctx(Zone.SETTLING, plan=_plan_at("soften", "wary"))
    assert GuardReason.STANCE not in reasons(reply, context)


def test_a_curt_opener_is_cold_only_once_the_partner_has_cooled() -> None:
    reply = "Fine. Try again. I'm listening."
    assert GuardReason.STANCE not in reasons(reply, ctx(plan=_plan_at("soften", "hot")))
    assert GuardReason.STANCE in reasons(reply, ctx(plan=_plan_at("soften", "cool")))


def test_a_curt_thanks_after_sarcasm_keeps_pushing_back() -> None:
    context = ctx(plan=plan("push_back"))
    assert GuardReason.STANCE not in reasons(
        "Wow. Okay. In front of everyone. Thanks for that.", context
    )
    # A whole warm sentence after a sarcastic cue is still warmth.
    warm = "Oh, thank you for explaining. I appreciate you being so honest with me."
    assert GuardReason.STANCE in reasons(warm, context)


@pytest.mark.parametrize(
    ("reply", "learner"),
    [
        # a few of their words said back as agreement
        ("Yes. The rug got pulled. I'd already pictured you there.", "i get it, its like the rug got pulled, that makes sense"),
        # what happened, repeated without their I or you
        ("You keep seeing him at the bottom of the stairs. I'm here.", "every time i close my eyes i see him at the bottom of the stairs"),
        # their excuse quoted back, and a retort
        ("Thanks for not just saying 'my phone died' again.", "four texts and nothing back, i'm sorry"),
        ("Right. So I should've let you tell it. Like always.", "u did get the story kinda wrong tho"),
    ],
)  # fmt: skip
def test_answering_in_the_learners_words_is_not_speaking_as_the_learner(
    reply: str, learner: str
) -> None:
    assert GuardReason.SPEAKS_AS_LEARNER not in reasons(reply, ctx(learner=learner))


def test_a_parrot_still_speaks_as_the_learner() -> None:
    context = ctx(learner="I'm sorry, my phone died and I was in meetings all afternoon.")
    assert GuardReason.SPEAKS_AS_LEARNER in reasons("My phone died and I was in meetings.", context)


def test_days_cuisines_and_figures_are_not_foreign_but_a_change_of_subject_is() -> None:
    context = ctx(card_text="The race on Saturday. You slept through the alarm.", learner="sorry")
    for reply in (
        "Every Saturday. And half the Sundays. At least you're not blaming the alarm.",
        "Tonight we order from the Thai place and nobody talks about it.",
        "You've stopped gripping that mug like it owes you money.",
    ):
        assert GuardReason.FOREIGN not in reasons(reply, context), reply
    aside = "Anyway, did you book the car in for its service yet?"
    assert GuardReason.FOREIGN in reasons(aside, context)


def test_a_reply_far_from_the_scene_and_the_message_is_off_topic(catalog: Catalog) -> None:
    from simulator.text import EncoderUnavailable
    from simulator.text.encoder import model_zip

    try:
        model_zip()
    except EncoderUnavailable:
        pytest.skip("the text model package is not installed")
    card = catalog.get("angry-critic")
    context = GuardContext(
        name=card.name,
        style=card.style.value,
        zone=Zone.GUARDED,
        learner="Can I make it for you? Please let me do something.",
        previous=["I'm going to make tea."],
        card_text=card_text(card),
    )
    # Every word is common (the word lists pass it); its meaning is elsewhere.
    drift = (
        "The best running shoes for beginners are the ones with good cushioning and proper "
        "arch support, and you should replace them every 500 miles."
    )
    found = check_reply(drift, context)
    assert [f.evidence.split(" (")[0] for f in found] == ["off topic"]
    answer = "Fine. Make the tea. I'm still not ready to talk about the finish line."
    assert check_reply(answer, context) == []


def test_a_label_over_quoted_speech_is_narration_but_a_bare_label_is_tidied() -> None:
    assert GuardReason.NARRATION in reasons('Priya: "Just leave me alone for a bit, yeah?"', ctx())
    assert reasons("Priya: Just leave me alone for a bit.", ctx()) == set()


@pytest.mark.parametrize(
    "reply",
    [
        "It sounds like you're asking whether my feelings stem from fear or shame.",
        "That's a really insightful question.",
        "I was anxious, which is a normal response to uncertainty.",
        "Check-ins are proven to strengthen relationships. Remember to use 'I' statements!",
        "I really appreciate you validating my feelings.",
    ],
)
def test_the_self_help_register_is_therapist_talk(reply: str) -> None:
    assert GuardReason.THERAPIST_VOICE in reasons(reply, ctx(Zone.SETTLING))


def test_the_guard_warm_up_skips_the_authored_voice_it_never_guards(catalog: Catalog) -> None:
    from simulator.voices.factory import warm_up_guard

    # The authored voice's lines are never put through the guard: nothing to embed.
    assert warm_up_guard("scripted", catalog.get("unanswered-text")) is False


# Round 4 (blind dev GE, GF): general forms the checks learned, each beside a close reply
# that must still pass.


def test_taking_a_jab_as_thanks_softens_but_a_negated_concession_holds() -> None:
    context = ctx(plan=plan("push_back"))
    for warm in ("Aw, you're so welcome, sweetie.", "I love looking after you, you know that."):
        assert GuardReason.STANCE in reasons(warm, context), warm
    for holding in (
        "You're welcome to try again.",
        "I don't think that's fair.",
        "I'm not saying you're right.",
    ):
        assert GuardReason.STANCE not in reasons(holding, context), holding
    assert GuardReason.STANCE in reasons("Okay, that's fair.", context)


def test_no_thank_you_turns_something_down_it_is_not_warmth() -> None:
    guarded = ctx(Zone.GUARDED, plan=plan("stay_guarded", "guarded"))
    assert reasons("No, thank you.", guarded) == set()
    assert reasons("No thanks.", ctx(Zone.FLOODED)) == set()
    assert GuardReason.STANCE in reasons("Thank you, that's kind.", guarded)
    assert GuardReason.ZONE_MISMATCH in reasons("Thanks, that's kind.", ctx(Zone.FLOODED))


def test_a_negated_action_in_brackets_is_a_stage_direction() -> None:
    assert GuardReason.NARRATION in reasons("(doesn't answer, keeps scrolling)", ctx())
    assert GuardReason.NARRATION in reasons("(didn't even look up) Fine.", ctx())
    assert reasons("I'm tired (not an excuse).", ctx()) == set()


def test_a_two_word_promise_may_come_back_but_a_loop_may_not() -> None:
    context = ctx(Zone.SETTLING, previous=["Okay. No advice."])
    assert reasons("No advice. Just sad with you.", context) == set()
    assert GuardReason.REPETITIVE in reasons("No advice. No advice.", context)
    again = ctx(Zone.SETTLING, previous=["I am not doing this."])
    assert GuardReason.REPETITIVE in reasons("I am not doing this.", again)


def test_a_heated_withdrawer_may_stress_one_word_but_not_shout() -> None:
    context = ctx(Zone.ESCALATED, style="withdraw")
    assert reasons("fine. i'm doing this BECAUSE i care.", context) == set()
    assert GuardReason.ZONE_MISMATCH in reasons("NEVER. EVER. BECAUSE you don't listen.", context)


def test_refusing_questions_is_not_a_helpdesk_offering_them() -> None:
    assert reasons("Just don't ask me anything yet.", ctx(Zone.FLOODED)) == set()
    assert GuardReason.AI_ADMISSION in reasons("Ask me anything!", ctx(Zone.SETTLING))


@pytest.mark.parametrize(
    "reply",
    [
        "Would you like some suggestions for how to start?",
        "I'm here to listen without any judgement.",
        "Here's a quick summary: you both want to be heard.",
        "Conversations like these can be tough.",
        "Those are great communication skills.",
        "Let me know how I can support you today.",
        "Thanks for sharing that with me. Keep up the great work!",
        "I understand your frustration, and I'm here to listen whenever you need.",
        "We simply have different perspectives, and that's okay.",
        "Setbacks are a normal part of the process and don't define you.",
        "Just to recap: you felt unheard. Did I get that right?",
        "Noticing this is an important first step.",
        "You may benefit from a short break.",
        "Thank you for checking in! Where would you like to start?",
    ],
)
def test_a_helpers_offers_and_praise_are_therapist_talk(reply: str) -> None:
    assert GuardReason.THERAPIST_VOICE in reasons(reply, ctx(Zone.SETTLING))


@pytest.mark.parametrize(
    "reply",
    [
        "Would you like some tea?",
        "I'm here. Not going anywhere.",
        "That was a hard conversation.",
        "Would you like to go for a walk later?",
        "Thanks for telling me.",
        "I understand. I just need a minute.",
        "That was the first step up the hill and I was already wrecked.",
        "Thanks for checking. I'm okay.",
    ],
)
def test_offers_a_partner_makes_are_not_therapist_talk(reply: str) -> None:
    assert GuardReason.THERAPIST_VOICE not in reasons(reply, ctx(Zone.SETTLING))


@pytest.mark.parametrize(
    "reply",
    [
        "Every relationship needs trust and patience.",
        "Honestly, everybody should learn to cook.",
        "The best way to handle stress is a long walk.",
        "The universe knows what it's doing.",
        "Apparently the bakery on the corner is closing down.",
        "I've been meaning to repaint the bathroom ceiling.",
    ],
)
def test_maxims_and_news_from_elsewhere_are_foreign(reply: str) -> None:
    context = ctx(card_text="The race on Saturday. You slept through the alarm.", learner="sorry")
    assert GuardReason.FOREIGN in reasons(reply, context)


@pytest.mark.parametrize(
    "reply",
    [
        "Apparently I'm the only one who remembers the race.",
        "Everyone saw me finish alone.",
        "The best part was the finish, and you slept through it.",
    ],
)
def test_the_same_openers_about_the_scene_are_not_foreign(reply: str) -> None:
    context = ctx(card_text="The race on Saturday. You slept through the alarm.", learner="sorry")
    assert GuardReason.FOREIGN not in reasons(reply, context)


# Round 5 (blind dev GG, GH): general forms the checks learned, each beside a close reply
# that must still be caught or must still pass.


@pytest.mark.parametrize(
    ("reply", "learner"),
    [
        # a short concession beside a sneer, before or after it
        ("No, you're right. I'm sure the other runners' families were plenty.", "it's not a big deal"),
        # thanks for a correction made in public
        ("Okay. Thanks for pointing that out in front of my whole family.", "you had the date wrong"),
        # a bare thanks, then telling the learner their point comes late
        ("Thanks. Already did that. So you're a bit late.", "u should have checked first"),
        # "forgive me if ..." is a polite sneer, not an apology
        ("Forgive me if that doesn't make it better.", "i didn't say yes though"),
        # "you're welcome" to someone who never thanked is a jab
        ("I held it together the whole way home. You're welcome.", "ur overreacting"),
    ],
)  # fmt: skip
def test_a_sneer_in_polite_words_keeps_pushing_back(reply: str, learner: str) -> None:
    context = ctx(Zone.ESCALATED, learner=learner, plan=plan("push_back"))
    assert reasons(reply, context) == set(), reply


def test_real_warmth_and_a_real_apology_still_soften_while_pushing_back() -> None:
    context = ctx(Zone.ESCALATED, learner="thanks for listening", plan=plan("push_back"))
    for warm in (
        "You're right. I'm sorry.",
        "Please forgive me.",
        "You're welcome, really.",
        "Of course! Come and sit with me, I'm so happy you're back.",
    ):
        assert GuardReason.STANCE in reasons(warm, context), warm


@pytest.mark.parametrize(
    "reply",
    [
        "Boring, but it works. A list on the fridge.",
        "I just shut up after that. I didn't know what else to say.",
        "You never were the problem, I know that.",
    ],
)
def test_plain_words_that_look_cold_keep_a_plan_that_comes_round(reply: str) -> None:
    context = ctx(Zone.SETTLING, plan=_plan_at("soften", "wary"))
    assert reasons(reply, context) == set(), reply


def test_saying_one_shut_up_is_not_abuse_but_telling_the_learner_is() -> None:
    assert reasons("We just shut up and ate.", ctx(Zone.ESCALATED)) == set()
    assert GuardReason.ABUSIVE in reasons("Just shut up.", ctx(Zone.ESCALATED))


def test_a_sarcastic_oh_i_should_have_is_a_retort() -> None:
    context = ctx(learner="you could have texted your sister")
    assert reasons("Oh, I should have texted my sister. Sure.", context) == set()


def test_a_told_sentence_before_a_single_quoted_line_with_an_apostrophe_is_narration() -> None:
    reply = "He puts the cup down. 'Fine. I know you didn't mean it.'"
    assert GuardReason.NARRATION in reasons(reply, ctx())
    assert reasons("'I didn't mean it' is what you always say.", ctx()) == set()


RACE = "The race on Saturday, the finish line, the crowd. You slept through the alarm."


def test_a_race_implies_a_crowd_but_kids_imply_no_race() -> None:
    context = ctx(Zone.SETTLING, card_text=RACE, learner="sorry")
    crowd = "Strangers were cheering. The guy next to me had two kids with him."
    assert GuardReason.FOREIGN not in reasons(crowd, context)
    kids = ctx(Zone.SETTLING, card_text="The kids' school play. You were late.", learner="sorry")
    assert GuardReason.FOREIGN in reasons("Like you missed my marathon.", kids)
    assert GuardReason.FOREIGN in reasons("I wish my slides had worked for the director.", kids)


def test_a_name_for_someone_the_learner_mentioned_is_not_foreign() -> None:
    context = ctx(Zone.SETTLING, card_text=RACE, learner="ur friend from work took photos")
    assert GuardReason.FOREIGN not in reasons("Yeah, Sam got a good one of me.", context)
    # a name as a place is still invented
    assert GuardReason.FOREIGN in reasons("Like that weekend in Whitby.", context)
    alone = ctx(Zone.SETTLING, card_text=RACE, learner="sorry")
    assert GuardReason.FOREIGN in reasons("Yeah, Sam got a good one of me.", alone)


def test_common_words_and_a_figure_are_not_a_new_topic() -> None:
    context = ctx(Zone.SETTLING, card_text=RACE, learner="everyone went quiet")
    assert reasons("Everyone suddenly found their shoes very interesting.", context) == set()
    assert reasons("You're already giving me homework.", context) == set()


# Round 6 (blind dev GI, GJ): general forms the checks learned, each beside a close reply
# that must still pass.


@pytest.mark.parametrize(
    "reply",
    [
        "Aww, you're so sweet. Fine, your call, love you.",
        "Sure. I'm just so relieved you walked in!",
        "Honestly you're the best, I feel so much better now.",
    ],
)
def test_gushing_or_self_blame_is_warmth_while_the_plan_holds(reply: str) -> None:
    context = ctx(Zone.GUARDED, learner="what do u want to eat", plan=plan("stay_guarded"))
    assert GuardReason.STANCE in reasons(reply, context), reply


def test_blaming_oneself_is_an_apology_while_pushing_back_but_a_mood_while_guarded() -> None:
    reply = "Sorry, I know I get like this. Anyway. You didn't text."
    pushing = ctx(Zone.ESCALATED, learner="ur overreacting", plan=plan("push_back"))
    guarded = ctx(Zone.GUARDED, learner="hey", plan=plan("stay_guarded"))
    assert GuardReason.STANCE in reasons(reply, pushing)
    assert reasons(reply, guarded) == set()


def test_a_sneer_with_a_cue_still_holds_without_gushing() -> None:
    context = ctx(Zone.GUARDED, learner="i said sorry", plan=plan("stay_guarded"))
    assert reasons("Sure. Great. Noted.", context) == set()
    assert reasons("I don't love you right now.", context) == set()


@pytest.mark.parametrize(
    "reply",
    [
        "It doesn't matter what I wanted. Go to bed.",
        "Nothing is wrong. You asked for quiet, I'm giving you it.",
        "Don't feel sorry for me. You have no idea how that room felt.",
        "Well, you were the one who counted on it.",
        "Okay. No point going on about it.",
        "A sign. Right. Like you'd even notice.",
        # round 7: belittling the feeling, wanting out
        "You're being way too sensitive about it.",
        "It's just one race. Can I go now?",
        "Well, you're not going to fix it sulking.",
        # round 9: denying the feeling, a lesson for next time
        "Nothing bothers me. Just tell your sister and let me know.",
        "Right. Maybe next time you'll remember, then.",
        "I was trying to help. Clearly that was wrong of me.",
    ],
)
def test_coldness_in_new_words_goes_against_a_plan_that_comes_round(reply: str) -> None:
    context = ctx(Zone.SETTLING, plan=_plan_at("soften", "wary"))
    assert GuardReason.STANCE in reasons(reply, context), reply


def test_plain_words_near_those_forms_still_come_round() -> None:
    context = ctx(Zone.SETTLING, plan=_plan_at("soften", "wary"))
    for reply in (
        "It matters how I felt, and you're hearing it now.",
        "Well, that does help a bit.",
        "I have no idea what to say yet. Give me a second.",
    ):
        assert reasons(reply, context) == set(), reply


@pytest.mark.parametrize(
    "reply",
    [
        # round 6: a novel's absolute phrase, a diary's recollection, a named aside
        "I sat there a long time, the phone still warm in my hand.",
        "I remember feeling it in my chest that night, every minute of it.",
        "(Priya folds the letter and looks away.) Fine.",
        # round 7: a dashed action beat, a manner given in one word
        "Fine — she pushes the plate away — say it then.",
        "(hurtful) You never listen.",
        "(quietly defensive) I was there.",
    ],
)
def test_prose_beats_and_stage_manners_are_narration(reply: str) -> None:
    assert GuardReason.NARRATION in reasons(reply, ctx(Zone.SETTLING)), reply


def test_spoken_recollection_dashes_and_a_quoted_third_party_are_not_narration() -> None:
    for reply in (
        "I remember feeling stupid. That's all.",
        "The light was off when you came in.",
        "I waited — all afternoon — for one text.",
        "'It isn't ready.' He didn't even look at me when he said it.",
    ):
        assert GuardReason.NARRATION not in reasons(reply, ctx(Zone.SETTLING)), reply


# Round 7 (blind dev GK, GL).


def test_shared_history_from_far_back_is_foreign_unless_the_scene_has_it() -> None:
    scene = "Your phone died after meetings. Priya texted four times from two until seven."
    context = ctx(Zone.SETTLING, card_text=scene, learner="i get why u were scared")
    foreign = "After that thing with your cousin's scooter two years ago, I panic."
    assert GuardReason.FOREIGN in reasons(foreign, context)
    assert GuardReason.FOREIGN not in reasons("Four texts, and the phone died again.", context)


def test_a_short_line_said_again_for_weight_is_not_a_loop() -> None:
    assert GuardReason.REPETITIVE not in reasons("Not now. Really. Not now.", ctx(Zone.FLOODED))
    assert GuardReason.REPETITIVE in reasons("Not now. Not now.", ctx(Zone.FLOODED))


# Round 9 (blind dev GS, GT, and the false rejections of the stance writers GO-GR).


def test_a_gesture_between_dashes_is_narration_but_a_spoken_aside_is_not() -> None:
    settling = ctx(Zone.SETTLING)
    for beat in (
        "Maybe — tapping the table, jaw tight — I just needed you there.",
        "Fine. — her eyes on the window — I'll listen.",
    ):
        assert GuardReason.NARRATION in reasons(beat, settling), beat
    for spoken in (
        "It was — honestly, I can't even say — a mess.",
        "The whole night — waiting, refreshing the tracker — was awful.",
    ):
        assert GuardReason.NARRATION not in reasons(spoken, settling), spoken


def test_thanks_put_off_or_beside_a_flat_word_keep_a_guarded_stance() -> None:
    guarded = ctx(Zone.GUARDED, learner="im here", plan=plan("stay_guarded", "guarded"))
    assert GuardReason.STANCE not in reasons("Thanks. Not now, though.", guarded)
    assert GuardReason.STANCE not in reasons("Noted. Thanks for telling me.", guarded)
    assert GuardReason.STANCE in reasons("Thank you, that really means a lot.", guarded)

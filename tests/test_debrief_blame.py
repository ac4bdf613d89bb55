"""A debrief a coach would hand over: blame only recognised missteps, credit only recognised
steps, each quoted; rank by what the learner did; tips in this learner's own words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saved_sessions import meta_for
from simulator.classifier import Classification, Span
from simulator.cli.sessions_cmd import _debrief_text
from simulator.export.markdown import to_markdown
from simulator.feedback.debrief import Debrief, build_debrief
from simulator.modes import get_mode, parse_move
from simulator.personas import Catalog, PersonaCard
from simulator.store.records import SavedSession
from simulator.turns.session import Session
from simulator.voices.scripted import ScriptedVoice

Tags = dict[str, list[tuple[str, str]]]
"""Each learner line and the (move id, words) the classifier finds in it."""


def tagger(tags: Tags) -> Callable[[str], Classification]:
    """A classifier that tags exactly what the test says, so the rules' coverage cannot
    change what these tests are about."""

    def classify(text: str) -> Classification:
        spans = []
        for move, words in tags[text]:
            start = text.index(words)
            spans.append(
                Span(move=parse_move(move), start=start, end=start + len(words), text=words)
            )
        return Classification(
            text=text, moves=list(dict.fromkeys(s.move for s in spans)), spans=spans
        )

    return classify


def play(card: PersonaCard, tags: Tags, lines: list[str] | None = None) -> Debrief:
    session = Session(card, ScriptedVoice(card), classifier=tagger(tags))
    for line in lines if lines is not None else list(tags):
        session.respond(line)
    return build_debrief(meta_for(session), session.turns)


def at_arousal(card: PersonaCard, arousal: float) -> PersonaCard:
    baseline = card.baseline.model_copy(update={"arousal": arousal})
    return card.model_copy(update={"baseline": baseline})


OWNING = "I left you waiting all afternoon. That's on me."
OWN_TAGS: Tags = {
    "It's not a big deal.": [("minimize", "not a big deal")],
    OWNING: [("acknowledge_impact", "That's on me")],
}


def test_the_best_ownership_line_is_never_hurt_most_even_when_the_state_moved_badly(
    card: PersonaCard,
) -> None:
    # The same ownership line said again and again wears out and grates: the partner's
    # numbers move the wrong way, but the learner made no misstep on those turns.
    lines = ["It's not a big deal.", *[OWNING] * 5]
    debrief = play(card, OWN_TAGS, lines)
    worsened = [
        i
        for i in range(1, len(debrief.points))
        if debrief.points[i].arousal > debrief.points[i - 1].arousal
    ]
    assert any(i > 1 for i in worsened)  # an ownership turn did move the state badly
    assert [k.index for k in debrief.hurt] == [1]
    assert debrief.hurt[0].quotes == ["minimized: 'not a big deal'"]
    assert all(k.user != OWNING for k in debrief.hurt)
    assert debrief.helped and all(k.user == OWNING for k in debrief.helped)
    assert debrief.helped[0].quotes == ["owned the impact: 'That's on me'"]


def test_hurt_most_ranks_what_the_learner_did_by_the_modes_rates(card: PersonaCard) -> None:
    tags: Tags = {
        "I was stuck in a meeting.": [("explain", "I was stuck")],
        "You always make everything about you.": [("counter_attack", "You always make")],
        "Hey, did you eat?": [],
    }
    hot = at_arousal(card, 88.0)
    debrief = play(hot, tags)
    # The counter-attack barely moved a partner already near the top, the excuse moved
    # them more; a counter-attack is still the costlier thing to have said.
    moved = {k.index: k.arousal_delta for k in debrief.hurt}
    assert moved[1] > moved[2]
    assert [k.index for k in debrief.hurt] == [2, 1]
    assert debrief.hurt[0].weight > debrief.hurt[1].weight
    assert 3 not in moved and debrief.unrecognised_turns == [3]


def test_early_problem_solving_and_excuses_never_read_missteps_none(card: PersonaCard) -> None:
    tags: Tags = {
        "Could we talk about how to fix this next time?": [
            ("invite_solutions", "Could we talk about how to")
        ],
        "Maybe we can figure out a plan so it doesn't happen again?": [
            ("invite_solutions", "we can figure out a plan")
        ],
        "I was stuck in a meeting.": [("explain", "I was stuck")],
    }
    debrief = play(card, tags)
    kinds = {m.label: m.count for m in debrief.missteps}
    assert kinds == {"Invite problem-solving (too early)": 2, "Explaining too fast": 1}
    text = _debrief_text(debrief)
    assert "Missteps: none" not in text
    assert "'we can figure out a plan'" in text
    assert {k.index for k in debrief.hurt} <= {1, 2, 3} and debrief.hurt


def test_missteps_none_appears_exactly_when_no_misstep_was_recognised(catalog: Catalog) -> None:
    ask = catalog.get("jumps-to-fixes")
    cases: list[tuple[PersonaCard, Tags]] = [
        (catalog.get("unanswered-text"), {"I'm here.": [("support", "I'm here")]}),
        (catalog.get("angry-critic"), {"Calm down.": [("minimize", "Calm down")]}),
        (ask, {"You never listen.": [("criticize", "You never")]}),
        (ask, {"I need comfort first.": [("name_need", "I need comfort")]}),
    ]
    for persona, tags in cases:
        debrief = play(persona, tags)
        title = get_mode(persona.mode).words.missteps_title
        recognised = any(
            m in get_mode(persona.mode).traps
            for t in tags.values()
            for m, _ in [(parse_move(move), words) for move, words in t]
        )
        assert (f"{title}: none" in _debrief_text(debrief)) is not recognised, persona.id


def test_a_welcome_fix_once_settled_is_a_step_not_a_misstep(card: PersonaCard) -> None:
    calm = at_arousal(card, 25.0)
    tags: Tags = {"Want to plan what we do next time?": [("fix", "plan what we do")]}
    debrief = play(calm, tags)
    assert debrief.missteps == [] and debrief.hurt == []
    assert {s.id: s.count for s in debrief.steps}["solve"] == 1
    assert debrief.helped[0].quotes == ["solve once settled: 'plan what we do'"]


def test_a_turn_with_a_step_and_a_misstep_is_blamed_not_credited(card: PersonaCard) -> None:
    tags: Tags = {"I hear you, but you're overreacting.": [
        ("reflect", "I hear you"), ("minimize", "you're overreacting"),
    ]}  # fmt: skip
    debrief = play(card, tags)
    assert debrief.helped == []
    assert debrief.hurt[0].quotes == ["minimized: 'you're overreacting'"]


def test_tips_quote_the_learners_own_words_and_the_step_to_take_instead(
    card: PersonaCard,
) -> None:
    tags: Tags = {
        "ugh my phone died ok": [("explain", "my phone died")],
        "so u were waiting all day and heard nothing": [("reflect", "u were waiting all day")],
        "and work was insane tbh": [("explain", "work was insane")],
    }
    debrief = play(card, tags)
    first = debrief.tips[0]
    listen = get_mode("listen")
    reflect = next(s for s in listen.coaching.steps if s.id == "reflect")
    assert first.startswith("Your most costly pattern: explaining too fast, twice")
    assert "'my phone died'" in first and "'work was insane'" in first
    assert f"Try instead: {reflect.label}." in first
    assert "You did it on turn 2: 'u were waiting all day'" in first
    assert "Missteps: none" not in _debrief_text(debrief)


def test_two_sessions_with_different_patterns_get_different_tips(card: PersonaCard) -> None:
    excuses = play(
        card,
        {
            "my phone died": [("explain", "my phone died")],
            "i was in meetings": [("explain", "i was in meetings")],
        },
    )
    dismissive = play(
        card,
        {
            "ur overreacting": [("minimize", "ur overreacting")],
            "it's not that deep": [("minimize", "not that deep")],
        },
    )
    assert excuses.tips[0] != dismissive.tips[0]
    assert "'my phone died'" in excuses.tips[0] and "'ur overreacting'" in dismissive.tips[0]
    assert not set(excuses.tips) & set(dismissive.tips[:1])


def test_with_no_missteps_the_tips_build_on_the_best_step_and_a_missing_one(
    card: PersonaCard,
) -> None:
    tags: Tags = {
        "that makes total sense": [("validate", "makes total sense")],
        "im here": [("support", "im here")],
    }
    debrief = play(card, tags)
    assert debrief.tips[0].startswith("What worked best: on turn 1 you validated: ")
    assert "'makes total sense'" in debrief.tips[0]
    steps = get_mode("listen").coaching.steps
    assert any(
        tip.startswith(f"Not recognised this time: {steps[0].label}.") for tip in debrief.tips
    )


def test_being_present_counts_on_any_turn_in_both_tallies(card: PersonaCard) -> None:
    tags: Tags = {
        "ok": [],
        "I was busy.": [("explain", "I was busy")],
        "hang on, phone's away. I'm listening, I was busy though": [
            ("presence", "phone's away"), ("explain", "I was busy though"),
        ],
    }  # fmt: skip
    debrief = play(card, tags)
    present = next(s for s in debrief.steps if s.id == "present")
    assert present.count == 1 and present.quotes == ["phone's away"]


def test_tallies_quote_the_learner_and_exports_show_it(card: PersonaCard) -> None:
    tags: Tags = {"Relax.": [("minimize", "Relax")], "I was busy.": [("explain", "I was busy")]}
    session = Session(card, ScriptedVoice(card), classifier=tagger(tags))
    for line in tags:
        session.respond(line)
    debrief = build_debrief(meta_for(session), session.turns)
    assert {m.move.value: m.quotes for m in debrief.missteps} == {
        "minimize": ["Relax"],
        "explain": ["I was busy"],
    }
    saved = SavedSession(id="s1", meta=meta_for(session), turns=session.turns)
    assert "- Minimizing: 1 ('Relax')" in to_markdown(saved)


def test_an_old_exported_debrief_still_reads() -> None:
    # An export written before the tallies carried quotes and turns carried weights.
    old = {
        "persona_name": "Priya",
        "points": [{"turn": 0, "arousal": 70.0, "connection": 35.0, "zone": "escalated"}],
        "steps": [{"id": "present", "label": "Be present", "count": 0}],
        "missteps": [{"move": "minimize", "label": "Minimizing", "count": 1}],
        "helped": [],
        "hurt": [
            {
                "index": 1, "user": "Relax.", "quotes": ["minimized: 'Relax'"],
                "arousal_delta": 9.0, "connection_delta": -5.0, "reply": "...",
            }
        ],
        "softer_emotion": None,
        "softened_turn": None,
        "tips": ["..."],
        "headline": "...",
    }  # fmt: skip
    debrief = Debrief.model_validate(old)
    assert debrief.missteps[0].quotes == [] and debrief.hurt[0].weight == 0.0
    assert debrief.unrecognised_turns == [] and debrief.unrecognised == ""


@pytest.mark.parametrize("mode", ["listen", "ask"])
def test_hurt_and_helped_speak_the_modes_words(catalog: Catalog, mode: str) -> None:
    persona = catalog.get("unanswered-text" if mode == "listen" else "jumps-to-fixes")
    trap, helpful = sorted(get_mode(mode).traps)[0], sorted(get_mode(mode).helpful)[0]
    tags: Tags = {"first line": [(trap.value, "first")], "second line": [(helpful.value, "second")]}
    debrief = play(persona, tags)
    info = get_mode(mode).info
    assert debrief.hurt[0].quotes[0].startswith(info(trap).past_tense)
    assert debrief.missteps[0].label.startswith(info(trap).label)


def test_a_learned_guess_at_a_misstep_is_named_never_blamed(card: PersonaCard) -> None:
    # The learned layer's 0.7 read of "i wasnt there" as correcting the facts is a guess:
    # the debrief names it as unsure and leaves it out of the tallies, "hurt most" and
    # the tips; the same words read by a rule (or at CLEAR_READ) are blamed.
    line = "you looked for me at the end and i wasnt there"

    def classify(confidence: float | None) -> Callable[[str], Classification]:
        def read(text: str) -> Classification:
            start = text.index("i wasnt there")
            span = Span(
                move=parse_move("correct_facts"),
                start=start,
                end=start + len("i wasnt there"),
                text="i wasnt there",
                confidence=confidence,
            )
            return Classification(text=text, moves=[span.move], spans=[span])

        return read

    def debrief_for(confidence: float | None) -> Debrief:
        session = Session(card, ScriptedVoice(card), classifier=classify(confidence))
        session.respond(line)
        return build_debrief(meta_for(session), session.turns)

    guessed = debrief_for(0.7)
    assert guessed.hurt == [] and guessed.missteps == []
    assert guessed.unsure == ["turn 1: 'i wasnt there' (correcting the facts?)"]
    assert "not counted against you" in guessed.unsure_note
    assert not any("correcting" in tip.lower() for tip in guessed.tips)
    assert " ".join(guessed.unsure_note.split()[:6]) in " ".join(_debrief_text(guessed).split())
    for sure in (debrief_for(None), debrief_for(0.95)):
        assert [k.index for k in sure.hurt] == [1] and sure.unsure == []
        assert sure.missteps[0].quotes == ["i wasnt there"]


def test_a_step_said_inside_a_misstep_is_never_held_up_as_the_learners_own_try(
    card: PersonaCard,
) -> None:
    # "its my fault" read as a step inside a counter-attack is not a try at staying
    # steady: the tip names the step to take but does not quote that turn as "Lead with that".
    attack = "u always do this, and then its my fault"
    tags: Tags = {
        attack: [("counter_attack", "u always do this"), ("acknowledge_impact", "its my fault")]
    }
    debrief = play(card, tags)
    assert debrief.tips and "counter-attack" in debrief.tips[0].lower()
    assert "Lead with that" not in debrief.tips[0]
    clean = "its my fault, im sorry"
    tags[clean] = [("acknowledge_impact", "its my fault")]
    with_try = play(card, tags, [attack, clean])
    assert "You did it on turn 2" in with_try.tips[0]


def test_owning_the_impact_is_never_tipped_to_a_learner_who_made_no_slip(
    card: PersonaCard,
) -> None:
    # Nothing to own: "Stay steady ... I'm sorry" fits nobody who never slipped.
    calm: Tags = {"That makes sense.": [("validate", "That makes sense")]}
    tips = " ".join(play(card, calm).tips)
    assert "Stay steady" not in tips
    slipped: Tags = {**calm, "It's not a big deal.": [("minimize", "not a big deal")]}
    tips = " ".join(play(card, slipped, ["It's not a big deal.", "That makes sense."]).tips)
    assert "Not recognised this time: Stay steady" in tips


def test_hurt_most_leads_with_the_misstep_that_did_the_most_damage(catalog: Catalog) -> None:
    # Marcus is already at the top of the scale after the first correction, so the
    # minimizing that follows, a costlier kind of move, moves his numbers less: the
    # turn that did the damage leads, as the chart beside it shows.
    card = catalog.get("angry-critic")
    tags: Tags = {
        "you crossed at 9:20, not 9": [("correct_facts", "not 9")],
        "its just a race": [("minimize", "its just a race")],
    }
    debrief = play(card, tags)
    assert [k.index for k in debrief.hurt] == [1, 2]
    assert debrief.hurt[0].weight < debrief.hurt[1].weight
    assert debrief.hurt[0].arousal_delta > debrief.hurt[1].arousal_delta

"""The authored voice answers what the learner said: attuned moves are never met defensively,
a misstep is named only when the learner's words plainly carry it, and a message with
nothing recognised gets a line that engages rather than a filler."""

from __future__ import annotations

import itertools
import re

import pytest

from simulator.engine.plan import plan_reply, plan_words
from simulator.engine.state import Effect, PartnerState, TurnOutcome
from simulator.modes import get_mode
from simulator.personas import Catalog, PersonaCard
from simulator.replyplan import ATTUNED_FAMILIES, FAMILIES
from simulator.turns.session import Session
from simulator.voices.line_fit import ANSWERING, CREDITS, pushes, quotes_fit, shouted
from simulator.voices.scripted import ScriptedVoice

# What the partner says when they defend their own feeling or brush the learner off; every
# one of these was said to plain sympathy in the blind rating R1 ("I'm not overreacting"
# after "that sounds awful"), or to an offer ("You really want to know?").
DEFENSIVE = re.compile(
    r"i'm not (overreacting|crazy|being dramatic|making a fuss|blowing|trying to fix)"
    r"|over nothing|you (really )?want to know\?|all you've got|every reason to be"
    r"|\banyway\b|someone has to|then why does it|i still think we should"
    r"|that's all i'm saying",
    re.IGNORECASE,
)

# An attuned move of each mode that the card's mode answers with a reaction family.
ATTUNED_MOVE = {"listen": "validate", "ask": "appreciate"}
HEATS = ("hot", "wary", "cool")


def _cards_in(catalog: Catalog, mode: str) -> list[PersonaCard]:
    """The shipped cards of one practice mode."""
    return [card for card in catalog.cards.values() if card.mode == mode]


def _outcome(
    arousal: float, effects: list[tuple[str, str, float, float, float | None]]
) -> TurnOutcome:
    """A turn that leaves the partner at `arousal` (hot at 85, cool at 20)."""
    return TurnOutcome(
        before=PartnerState(turn=2, arousal=arousal, connection=30),
        after=PartnerState(turn=3, arousal=arousal, connection=30),
        effects=[
            Effect.model_validate(
                {"move": m, "span": s, "arousal": a, "connection": c, "confidence": p}
            )
            for m, s, a, c, p in effects
        ],
        surfaced_now=False,
    )


def test_the_families_split_into_missteps_attuned_and_the_rest() -> None:
    assert {"validating", "reflecting", "support", "questions", "repair", "owning_impact"} == (
        ATTUNED_FAMILIES
    )
    assert set(FAMILIES) >= ATTUNED_FAMILIES


def test_the_defensive_pattern_catches_what_r1_flagged() -> None:
    # Guards the test's own yardstick: the lines the rater turned down must match it.
    for line in (
        "It does make sense! I'm not crazy for being upset about this!",
        "I'm not overreacting. I needed someone to see that!",
        "You really want to know? I looked for you for ten minutes!",
        "Sure. Anyway, about that feedback email.",
        "Someone has to think about the practical stuff.",
    ):
        assert DEFENSIVE.search(line), line
    assert not DEFENSIVE.search("Okay. I was ready to have to fight you on it.")


def _attuned_lines_matching(catalog: Catalog, pattern: re.Pattern[str]) -> list[str]:
    """Every shipped reaction line to an attuned family that `pattern` finds, named."""
    return [
        f"{card.id}/{family}/{heat}: {line!r}"
        for card in catalog.cards.values()
        for family in ATTUNED_FAMILIES
        for heat in HEATS
        for line in card.reaction_lines(family, heat)  # type: ignore[arg-type]
        if pattern.search(line)
    ]


def test_no_shipped_card_answers_an_attuned_family_defensively(catalog: Catalog) -> None:
    assert _attuned_lines_matching(catalog, DEFENSIVE) == []


def test_a_validating_message_while_hot_gets_a_non_defensive_line_on_every_card(
    catalog: Catalog,
) -> None:
    for card in catalog.cards.values():
        move = ATTUNED_MOVE[card.mode]
        replies = set()
        for seed in range(6):
            voice = ScriptedVoice(card, seed=seed)
            outcome = _outcome(85, [(move, "that makes sense", -4.0, 3.0, None)])
            plan = voice.plan(outcome)
            assert plan.heat == "hot" and plan.stance in ("soften", "open_up"), card.id
            replies.add(voice.reply(outcome, plan))
        hot = card.reaction_lines(plan.reacting_to.family, "hot")
        for reply in replies:
            assert any(reply.startswith(line) for line in hot), (card.id, reply)
            assert not DEFENSIVE.search(reply), (card.id, reply)


@pytest.mark.parametrize("confidence", [0.55, 0.8])
def test_a_weakly_read_misstep_is_not_named(card: PersonaCard, confidence: float) -> None:
    outcome = _outcome(85, [("minimize", "it was just", 12.0, -6.0, confidence)])
    plan = plan_reply(card, outcome)
    assert plan.reacting_to.family == "minimizing" and not plan.reacting_to.clear
    assert plan.stance == "stay_guarded"
    reply = ScriptedVoice(card).reply(outcome, plan)
    assert reply in card.reaction_lines("nothing_recognised", "hot")
    assert reply not in card.reaction_lines("minimizing", "hot")
    said, _ = plan_words(plan)
    assert said == get_mode(card.mode).planning.nothing_said  # type: ignore[union-attr]


def test_a_plainly_read_misstep_is_still_pushed_back_on(card: PersonaCard) -> None:
    for confidence in (None, 0.95):
        outcome = _outcome(85, [("minimize", "it's no big deal", 12.0, -6.0, confidence)])
        plan = plan_reply(card, outcome)
        assert plan.reacting_to.clear and plan.stance == "push_back"
        assert ScriptedVoice(card).reply(outcome, plan) in card.reaction_lines("minimizing", "hot")
        assert "not a big deal" in plan_words(plan)[0]


def test_a_misstep_said_with_an_attuned_move_is_not_named(card: PersonaCard) -> None:
    # "Sorry, that came out wrong, that's not what I meant", read as repair and explaining.
    outcome = _outcome(
        85,
        [
            ("repair", "sorry that came out wrong", -3.0, 2.0, None),
            ("explain", "thats not what i mean", 9.0, -4.0, None),
        ],
    )
    plan = plan_reply(card, outcome)
    # The reply answers what was said plainly (the apology), in the guarded stance the
    # turn as a whole earned; the explaining it was read beside is never named.
    assert plan.reacting_to.family == "repair" and plan.reacting_to.clear
    assert plan.stance == "stay_guarded"
    reply = ScriptedVoice(card).reply(outcome, plan)
    assert reply not in card.reaction_lines("explaining", "hot")
    assert reply in card.reaction_lines("repair", "hot")


def test_nothing_recognised_lines_engage_rather_than_fill(catalog: Catalog) -> None:
    # A bare "Hm." or "Okay." would fit after anything: every line says something.
    short = [
        f"{card.id}/{heat}: {line!r}"
        for card in catalog.cards.values()
        for heat in HEATS
        for line in card.reaction_lines("nothing_recognised", heat)  # type: ignore[arg-type]
        if len(re.findall(r"[A-Za-z']+", line)) < 3
    ]
    assert short == []


def test_a_line_said_earlier_in_the_session_waits_while_another_is_left(
    card: PersonaCard,
) -> None:
    hot = card.reaction_lines("nothing_recognised", "hot")
    assert len(hot) >= 3
    session = Session(card, ScriptedVoice(card, seed=3))
    replies = [session.respond("Hmm.").reply for _ in hot]
    assert all(reply in hot for reply in replies)
    # Turn after turn the partner does not say the line just said; once they have restated
    # the complaint they answer with a line shaped as an answer, but never with "Maybe.",
    # which takes up an offer ("Hmm." offers nothing: blind raters called it unbothered).
    assert all(a != b for a, b in itertools.pairwise(replies))
    answering = [line for line in hot if ANSWERING.match(line) and not shouted(line)]
    plain = [line for line in answering if not line.lower().startswith("maybe")]
    assert plain and len(plain) < len(answering)
    assert set(plain) <= set(replies)
    assert not any(reply.lower().startswith("maybe") for reply in replies)


def test_asking_what_they_need_is_answered_as_an_offer_of_support(card: PersonaCard) -> None:
    record = Session(card, ScriptedVoice(card)).respond("Is there anything you need right now?")
    assert record.plan is not None and record.plan.reacting_to.family == "support"


def test_a_line_quoting_the_learner_is_said_only_when_they_said_those_words(
    card: PersonaCard,
) -> None:
    quoting = [
        line
        for line in card.reaction_lines("minimizing", "hot")
        if quotes_fit(line, "") is not None
    ]
    assert quoting, "Priya has a minimizing line that quotes the learner"
    echoed = Session(card, ScriptedVoice(card)).respond("Relax, it's just a text.")
    assert echoed.plan is not None and echoed.plan.reacting_to.family == "minimizing"
    assert echoed.reply in quoting
    for seed in range(6):
        other = Session(card, ScriptedVoice(card, seed=seed)).respond("It's not a big deal.")
        assert other.plan is not None and other.plan.reacting_to.family == "minimizing"
        assert other.reply not in quoting, other.reply


def test_every_misstep_reaction_has_a_line_for_any_wording(catalog: Catalog) -> None:
    # A line quoting the learner ('just a text') waits for those words, so each misstep
    # family a card answers must also have lines that quote nothing.
    for card in catalog.cards.values():
        for family in ("minimizing", "correcting", "explaining", "fixing", "counter_attack"):
            for heat in HEATS:
                lines = card.reaction_lines(family, heat)  # type: ignore[arg-type]
                if not lines:
                    continue
                unquoted = [line for line in lines if quotes_fit(line, "") is None]
                assert unquoted, f"{card.id}/{family}/{heat} needs a line for any wording"


def test_an_early_offer_to_solve_said_with_an_attuned_move_is_not_pushed_back_on(
    card: PersonaCard,
) -> None:
    # "Can we figure it out later? Right now I just want to hear how you feel."
    outcome = _outcome(
        85,
        [
            ("invite_solutions", "can we figure it out later", 7.0, -4.0, None),
            ("open_question", "how you feel", -2.0, 1.0, None),
        ],
    )
    plan = plan_reply(card, outcome)
    # The plain question is what the reply answers, still guarded: the early offer beside
    # it is neither pushed back on nor answered as welcome.
    assert plan.reacting_to.family == "questions" and plan.reacting_to.clear
    assert plan.stance == "stay_guarded"
    reply = ScriptedVoice(card).reply(outcome, plan)
    assert reply in card.reaction_lines("questions", "hot")
    assert "too soon" not in plan_words(plan)[0]


def test_a_welcome_offer_to_solve_keeps_its_lines_however_it_was_read(
    card: PersonaCard,
) -> None:
    outcome = _outcome(15, [("invite_solutions", "what could we do", -6.0, 5.0, 0.7)])
    plan = plan_reply(card, outcome)
    assert plan.heat == "cool" and not plan.reacting_to.clear
    reply = ScriptedVoice(card).reply(outcome, plan)
    assert reply in card.reaction_lines("inviting_solutions", "cool")


# Lines that say the partner did not understand: in the blind rating R2 they answered plain
# questions and disclosures ("how did it feel?" -> "I'm not sure what you mean").
PUZZLED = re.compile(
    r"not sure what you (mean|need)|what do you mean|what are you saying|what does that mean"
    r"|don't follow|i'm lost|sorry, what\b|what do you need( from me)?\?$",
    re.IGNORECASE,
)


def test_nothing_recognised_lines_answer_without_claiming_to_be_lost(catalog: Catalog) -> None:
    puzzled = [
        f"{card.id}/{heat}: {line!r}"
        for card in catalog.cards.values()
        for heat in HEATS
        for line in card.reaction_lines("nothing_recognised", heat)  # type: ignore[arg-type]
        if PUZZLED.search(line)
    ]
    assert puzzled == []


def test_the_pattern_catches_the_lines_r2_flagged() -> None:
    # Guards the yardstick above: replies the R2 rater turned down must match it.
    for line in ("I'm not sure what you mean.", "Sorry, what do you need from me?"):
        assert PUZZLED.search(line)


def test_a_guessed_move_does_not_outrank_one_read_plainly(card: PersonaCard) -> None:
    # A learned guess weighs more than the plain validation beside it; the reply answers
    # the validation (what was plainly said), in the stance the whole turn earned.
    outcome = _outcome(
        50,
        [
            ("validate", "ur not overreacting", -3.0, 2.0, None),
            ("minimize", "thats how it goes", 8.0, -5.0, 0.6),
        ],
    )
    plan = plan_reply(card, outcome)
    assert plan.reacting_to.family == "validating" and plan.reacting_to.clear
    assert plan.stance == "stay_guarded"
    assert ScriptedVoice(card).reply(outcome, plan) in card.reaction_lines("validating", "wary")


@pytest.mark.parametrize("heat_arousal", [85, 50, 20])
def test_in_ask_mode_a_request_said_with_thanks_is_what_the_reply_answers(
    catalog: Catalog, heat_arousal: float
) -> None:
    # "I love that you sort stuff, but tonight I just need you": the thanks weighs more,
    # but the request asks for an answer.
    for card in _cards_in(catalog, "ask"):
        outcome = _outcome(
            heat_arousal,
            [
                ("appreciate", "i love that u do", -6.0, 5.0, None),
                ("name_need", "tonight i just need u", -3.0, 2.0, None),
            ],
        )
        plan = plan_reply(card, outcome)
        assert plan.reacting_to.move == "name_need", card.id
        reply = ScriptedVoice(card).reply(outcome, plan)
        assert reply.startswith(tuple(card.reaction_lines("support", plan.heat))), card.id


def test_every_ask_mode_card_answers_a_disclosure_it_did_not_recognise(catalog: Catalog) -> None:
    # In ask mode the learner is the one telling: a message nothing was recognised in is
    # mostly more of what happened, so no line is a bare "I'm listening" / "I'm here".
    bare = re.compile(r"^(okay\. )?(i'm listening|i'm here)\.?$", re.IGNORECASE)
    asks = [c for c in catalog.cards.values() if c.mode == "ask"]
    assert len(asks) >= 2
    flat = [
        f"{card.id}/{heat}: {line!r}"
        for card in asks
        for heat in HEATS
        for line in card.reaction_lines("nothing_recognised", heat)  # type: ignore[arg-type]
        if bare.match(line)
    ]
    assert flat == []
    assert bare.match("Okay. I'm listening.") and bare.match("Okay. I'm here.")


# What the listener says, not the upset partner: asking for more or announcing that they
# listen. R3's rater marked "Say a bit more? I'm listening." from a hurt partner incoherent.
LISTENER = re.compile(r"say (a bit )?more|i'm listening|\bgo on\b|keep going|tell me more", re.I)


def test_a_listen_mode_partner_never_answers_an_unread_message_as_the_listener(
    catalog: Catalog,
) -> None:
    found = [
        f"{card.id}/{heat}: {line!r}"
        for card in catalog.cards.values()
        if card.mode == "listen"
        for heat in HEATS
        for line in card.reaction_lines("nothing_recognised", heat)  # type: ignore[arg-type]
        if LISTENER.search(line)
    ]
    assert found == []


# An attuned line that opens by agreeing with words the learner may not have said ("It does
# make sense", "I know you are") answers someone else when the move was read from other words.
PRESUMES = re.compile(r"^(yeah\. )?(it does\b|i know you (are|do|did)\b)", re.I)


def test_no_attuned_line_opens_by_agreeing_with_words_nobody_said(catalog: Catalog) -> None:
    assert _attuned_lines_matching(catalog, PRESUMES) == []


def _unread_hot_replies(card: PersonaCard, learner: str, recent: list[str]) -> set[str]:
    """The replies over six seeds to a hot turn with nothing recognised."""
    replies = set()
    for seed in range(6):
        voice = ScriptedVoice(card, seed=seed)
        for turn in (3, 4, 5):
            outcome = _outcome(85, [])
            outcome = outcome.model_copy(
                update={"after": outcome.after.model_copy(update={"turn": turn})}
            )
            plan = voice.plan(outcome)
            assert plan.reacting_to.family == "nothing_recognised" and plan.heat == "hot"
            replies.add(voice.reply(outcome, plan, recent, learner))
    return replies


@pytest.mark.parametrize(
    ("learner", "offer"),
    [
        ("ok what if i come for the second half instead", True),
        ("I could drive over straight after, let me sort it", True),
        ("what do you want me to do?", False),
    ],
)
def test_an_unread_offer_or_question_is_not_met_with_the_stock_complaint(
    catalog: Catalog, learner: str, offer: bool
) -> None:
    for card in _cards_in(catalog, "listen"):
        hot = card.reaction_lines("nothing_recognised", "hot")
        answering = [line for line in hot if ANSWERING.match(line) and not shouted(line)]
        assert answering, card.id
        replies = _unread_hot_replies(card, learner, [card.opening[0]])
        assert replies <= set(answering), (card.id, replies - set(answering))
        if offer and any(line.lower().startswith("maybe") for line in hot):
            # An offer is taken up with a "maybe": neither yes nor the old complaint.
            assert all(reply.lower().startswith("maybe") for reply in replies), card.id


@pytest.mark.parametrize(
    ("learner", "family"),
    [
        ("were you more worried or more angry", "questions"),
        ("how did the rest of it go", "questions"),
        ("whats happened", "questions"),
        ("ok so tell me about it. what was the worst bit", "questions"),
        ("u were on ur own the whole time werent u", "questions"),
        # "am i getting that right": a reflection the classifier did not read, confirmed.
        ("so it was the waiting more than the texts. am i getting that right", "reflecting"),
    ],
)
def test_an_unread_question_is_answered_as_its_kind(
    catalog: Catalog, learner: str, family: str
) -> None:
    # Blind raters marked "Maybe." and "Okay." as non-answers to questions the classifier
    # did not read; the partner answers from their side, as to a read open question.
    for card in _cards_in(catalog, "listen"):
        answers = set(card.reaction_lines(family, "hot"))
        assert answers, card.id
        replies = _unread_hot_replies(card, learner, [card.opening[0]])
        assert replies <= answers, (card.id, replies - answers)


def test_an_unread_question_that_blames_is_still_pushed_back_on(catalog: Catalog) -> None:
    learner = "why are u making such a big deal of it?"
    for card in _cards_in(catalog, "listen"):
        answers = set(card.reaction_lines("questions", "hot"))
        replies = _unread_hot_replies(card, learner, [card.opening[0]])
        assert not replies & answers, (card.id, replies & answers)


def test_the_complaint_is_not_restated_turn_after_turn(catalog: Catalog) -> None:
    # A message with no cue of blame (a blaming one is pushed back on, tested below).
    learner = "i dont know what to say"
    for card in _cards_in(catalog, "listen"):
        hot = card.reaction_lines("nothing_recognised", "hot")
        answering = {line for line in hot if ANSWERING.match(line) and not shouted(line)}
        for said in hot:
            replies = _unread_hot_replies(card, learner, [said])
            if said in answering:
                # After an answer the partner neither repeats it nor opens alike again.
                assert said not in replies, (card.id, said)
            else:
                assert replies <= answering, (card.id, said, replies - answering)
            # Without a restatement just before, the card's other lines are still said.
        other = _unread_hot_replies(card, learner, [card.opening[0]])
        assert other - answering or set(hot) == answering, card.id


# R4's "no"s: the partner gave way with a "maybe" after lines that shift the blame, belittle
# the hurt or excuse it, which the classifier did not read (wordings of our own here).
BLAMING = [
    "30 mins isnt that late honestly",
    "its only a couple of hours, chill",
    "nothing i do is ever enough for you",
    "u always do this, hear what u want",
    "the trains were awful and parking was worse",
    "i never said yes, i said probably",
    "what if u just dont make it such a big deal",
    # R8's: sarcasm and brush-offs met with "Maybe." (our own wordings of their forms).
    "ill be in the kitchen, shout when ur done being angry",
    "wow ok, so im the villain now. great",
    "dunno what else u want me to say tbh",
    "that text was a bit much ngl",
    "u were literally the one who told me to go",
    # R9's: "let me know when" is no offer.
    "going for a shower, let me know when ur done being cross",
]


@pytest.mark.parametrize("learner", BLAMING)
def test_a_heated_partner_pushes_back_on_unread_blame_instead_of_giving_way(
    catalog: Catalog, learner: str
) -> None:
    for card in _cards_in(catalog, "listen"):
        hot = card.reaction_lines("nothing_recognised", "hot")
        complaints = {line for line in hot if not (ANSWERING.match(line) and not shouted(line))}
        for recent in ([card.opening[0]], [sorted(complaints)[0]]):
            replies = _unread_hot_replies(card, learner, recent)
            assert recent[-1] not in replies, (card.id, recent[-1])
            assert not any(reply.lower().startswith("maybe") for reply in replies), card.id
            if complaints - set(recent):
                assert replies <= complaints, (card.id, replies - complaints)


def test_a_genuine_offer_still_gets_its_answer_and_ask_mode_does_not_push_back(
    catalog: Catalog,
) -> None:
    for card in catalog.cards.values():
        plan = ScriptedVoice(card).plan(_outcome(85, []))
        assert not pushes("I could drive over straight after, let me sort it", plan)
        # Only a partner who is the one hurt meets blame with their complaint.
        hurt = get_mode(card.mode).planning.pushes_back_on_blame  # type: ignore[union-attr]
        assert pushes("nothing i do is ever enough for you", plan) == hurt, card.id
        assert hurt == (card.mode == "listen"), card.id


def test_a_misstep_guessed_below_the_clear_read_keeps_a_heated_partner_guarded(
    catalog: Catalog,
) -> None:
    # "or what if u ask to redo it next week", half read as one more fix after "no tips".
    learner = "or what if u ask to redo it next week"
    for card in _cards_in(catalog, "listen"):
        hot = card.reaction_lines("nothing_recognised", "hot")
        complaints = {line for line in hot if not (ANSWERING.match(line) and not shouted(line))}
        for seed in range(6):
            outcome = _outcome(85, [("fix", "ask to redo it", 9.0, -4.0, 0.8)])
            voice = ScriptedVoice(card, seed=seed)
            plan = voice.plan(outcome)
            assert plan.reacting_to.family == "fixing" and not plan.reacting_to.clear
            assert voice.reply(outcome, plan, [card.opening[0]], learner) in complaints


def test_the_partner_never_says_their_previous_line_again(catalog: Catalog) -> None:
    # An offer narrows the answer to a "maybe"; a card with one "maybe" said it just before.
    for card in catalog.cards.values():
        for said in card.reaction_lines("nothing_recognised", "hot"):
            for learner in ("what if i come for the second half instead", "ok", "were you ok?"):
                assert said not in _unread_hot_replies(card, learner, [said]), (card.id, said)


@pytest.mark.parametrize(
    ("learner", "effects"),
    [
        # R4: a counter-attack with "its my fault" read as owning the impact.
        (
            "u always do this. u hear what u want then its my fault",
            [
                ("criticize", "u always do this", 28.0, -15.0, None),
                ("acknowledge_impact", "its my fault", -1.7, 1.5, None),
            ],
        ),
        # An apology that goes straight on to an offer admits nothing more than sorry.
        (
            "im sorry about it, what if i call them tonight and explain",
            [("acknowledge_impact", "im sorry about it", -1.8, 1.3, None)],
        ),
    ],
)
def test_a_line_crediting_an_admission_needs_a_message_that_made_one(
    catalog: Catalog, learner: str, effects: list[tuple[str, str, float, float, float | None]]
) -> None:
    for card in _cards_in(catalog, "listen"):
        for seed, turn in itertools.product(range(6), (3, 4, 5)):
            outcome = _outcome(85, effects)
            outcome = outcome.model_copy(
                update={"after": outcome.after.model_copy(update={"turn": turn})}
            )
            voice = ScriptedVoice(card, seed=seed)
            reply = voice.reply(outcome, voice.plan(outcome), [card.opening[0]], learner)
            assert not CREDITS.search(reply), (card.id, reply)


def test_a_plain_admission_is_still_credited(catalog: Catalog) -> None:
    card = catalog.get("different-memory")
    outcome = _outcome(85, [("acknowledge_impact", "that was on me", -1.8, 1.3, None)])
    replies = set()
    for seed, turn in itertools.product(range(6), (3, 4, 5)):
        turned = outcome.model_copy(
            update={"after": outcome.after.model_copy(update={"turn": turn})}
        )
        voice = ScriptedVoice(card, seed=seed)
        replies.add(voice.reply(turned, voice.plan(turned), [card.opening[0]], "that was on me"))
    assert any(CREDITS.search(reply) for reply in replies), replies


@pytest.mark.parametrize(
    "learner",
    [
        "im here, im not going anywhere. tell me whatever u need to",
        "that makes total sense. what was going through ur head",
    ],
)
def test_support_or_validation_that_ends_in_a_question_gets_the_question_answered(
    card: PersonaCard, learner: str
) -> None:
    # R8's raters: "Okay. You're here." to "tell me whatever u need to" answers nothing.
    record = Session(card, ScriptedVoice(card, seed=3)).respond(learner)
    assert record.plan is not None
    assert record.plan.reacting_to.family in {"support", "validating"}
    heat = record.plan.heat
    assert record.reply in card.reaction_lines("questions", heat), record.reply

"""Checks over one case's transcript: the engine's dynamics, the voice, and robustness.

Each check is one function registered by name (`@scorer`, evals/scorers.py) that
gives one named result with what was seen (numbers, quotes), so a failing case
says why without re-running it, or None when the case does not ask for it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from simulator.classifier.meta import breaks_role_play
from simulator.domain.zones import Zone, zone_for
from simulator.engine import Engine, PartnerState
from simulator.evals.cases import EvalCase
from simulator.evals.scorers import CheckResult as CheckResult
from simulator.evals.scorers import Transcript, score, scorer
from simulator.evals.voicefig import INCOHERENT, OUT_OF_CHARACTER
from simulator.guard.reasons import Finding, GuardReason
from simulator.guard.sense import HOLDING
from simulator.modes import AnyMove, get_mode
from simulator.personas.card import PersonaCard
from simulator.turns.session import TurnRecord

# How much higher than the start arousal must end for an arc to count as escalating.
ESCALATION_MARGIN = 10.0
QUOTE_CHARS = 90

IN_CHARACTER: frozenset[GuardReason] = frozenset(
    {
        GuardReason.AI_ADMISSION,
        GuardReason.LEAK,
        GuardReason.THERAPIST_VOICE,
        GuardReason.SPEAKS_AS_LEARNER,
        # An empty reply is no partner at all.
        GuardReason.EMPTY,
    }
)


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


# The partner agreeing to solutions or starting to problem-solve. Before it has
# settled that would skip the documents' order: support first, solutions second.
GIVING_IN = _rx(
    r"\b(?:ok(?:ay)?|sure|fine|alright|all right|yes|yeah),? let's (?:make|do|try|come up with|figure out|plan|fix|sort|write|set up|put)\b",  # noqa: E501
    r"\byou(?:'re| are) (?:probably |totally |completely )?right,? (?:let's|i'll|i should|we should)\b",  # noqa: E501
    r"\b(?:fine|ok(?:ay)?|sure|alright),? i'll (?:do|try) (?:that|it|this)\b",
    r"\bsounds like a (?:good |great |plan|solid )",
    r"\b(?:that's|what) a (?:good|great|nice) (?:idea|plan)\b|\bgood idea\b",
    r"\blet's (?:make|come up with|write|draw up|put together|agree on) (?:a|the) (?:plan|list|schedule|rule)\b",  # noqa: E501
    r"\blet's (?:fix|solve|sort out) (?:it|this|that)\b|\bi'll (?:do|try) what you (?:said|suggested)\b",  # noqa: E501
    r"\bnext time,? (?:you|we|i) (?:could|should|can|will)\b|\bmaybe (?:on days|we could|you could)\b",  # noqa: E501
    r"\bhow about (?:we|you) (?:just )?(?:make|try|set|plan|do|put|send|agree)\b",
    r"(?:^|[.!?]\s+)deal[.!]",
)
# A negation or quotation before the phrase means the partner is refusing it or
# throwing it back: "Don't tell me 'let's make a plan'."
_REFUSED = re.compile(
    r"\b(?:don't|do not|not|stop|never|quit|say|saying|said)\b|[\"'\u201c\u2018]\s*$", re.I
)


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > QUOTE_CHARS:
        flat = flat[: QUOTE_CHARS - 3].rstrip() + "..."
    return repr(flat)


def _result(name: str, passed: bool, detail: str) -> CheckResult:
    return CheckResult(name=name, passed=passed, detail=detail)


def _arousals(start: PartnerState, turns: Sequence[TurnRecord]) -> list[float]:
    """Arousal before turn 1 (index 0) and after each turn (index t)."""
    return [round(start.arousal, 1), *(t.arousal for t in turns)]


def _too_few(name: str, needed: int, turns: Sequence[TurnRecord]) -> CheckResult | None:
    if needed > len(turns):
        return _result(name, False, f"needs turn {needed}, but only {len(turns)} turn(s) ran")
    return None


def _settles_within(limit: int, turns: Sequence[TurnRecord]) -> CheckResult:
    for record in turns[:limit]:
        if Zone(record.zone).is_settled:
            return _result(
                "settles_within",
                True,
                f"{record.zone} at turn {record.index} (arousal {record.arousal}), within {limit}",
            )
    seen = turns[:limit]
    if not seen:
        return _result("settles_within", False, "no turns ran")
    low = min(seen, key=lambda r: r.arousal)
    last = seen[-1]
    return _result(
        "settles_within",
        False,
        f"still {last.zone} at turn {last.index} (arousal {last.arousal}); lowest arousal "
        f"{low.arousal} at turn {low.index}, settling needs < {40.0}",
    )


def _escalates(expected: bool, start: PartnerState, turns: Sequence[TurnRecord]) -> CheckResult:
    if not turns:
        return _result("escalates", False, "no turns ran")
    final = turns[-1].arousal
    peak = max(turns, key=lambda r: r.arousal)
    rose = final - start.arousal
    observed = rose > ESCALATION_MARGIN and peak.arousal >= 60.0
    detail = (
        f"arousal {start.arousal:.1f} -> {final:.1f} ({rose:+.1f}, "
        f"needs > +{ESCALATION_MARGIN:g}), "
        f"peak {peak.arousal} ({zone_for(peak.arousal).value}) at turn {peak.index}"
    )
    return _result("escalates", observed == expected, detail)


def _never_settles(expected: bool, turns: Sequence[TurnRecord]) -> CheckResult:
    settled = next((r for r in turns if Zone(r.zone).is_settled), None)
    if settled is None:
        low = min((r.arousal for r in turns), default=float("nan"))
        detail = f"never settled over {len(turns)} turn(s); lowest arousal {low}"
    else:
        detail = f"{settled.zone} at turn {settled.index} (arousal {settled.arousal})"
    return _result("never_settles", (settled is None) == expected, detail)


def _surfaced(turns: Sequence[TurnRecord]) -> TurnRecord | None:
    return next((r for r in turns if r.surfaced_now), None)


def _softens(expected: bool, card: PersonaCard, turns: Sequence[TurnRecord]) -> CheckResult:
    record = _surfaced(turns)
    if record is None:
        top = max((r.connection for r in turns), default=0.0)
        detail = (
            f"the softer {card.underneath.emotion.value} never surfaced; connection peaked at "
            f"{top} (surfaces at {card.underneath.surfaces_at:g})"
        )
    else:
        detail = (
            f"the softer {card.underneath.emotion.value} surfaced at turn {record.index} "
            f"(connection {record.connection}, arousal {record.arousal}): {_quote(record.reply)}"
        )
    return _result("softens", (record is not None) == expected, detail)


def _softens_after_connection(
    expected: bool, card: PersonaCard, start: PartnerState, turns: Sequence[TurnRecord]
) -> CheckResult:
    record = _surfaced(turns)
    threshold = card.underneath.surfaces_at
    if record is None:
        return _result(
            "softens_after_connection", not expected, "the softer emotion never surfaced"
        )
    observed = record.connection >= threshold and record.connection > start.connection
    detail = (
        f"surfaced at turn {record.index} with connection {record.connection} "
        f"(started at {start.connection:.1f}, threshold {threshold:g})"
    )
    return _result("softens_after_connection", observed == expected, detail)


def _direction(
    name: str,
    wanted: str,
    turn_numbers: list[int],
    start: PartnerState,
    turns: Sequence[TurnRecord],
    measure: str = "arousal",
) -> CheckResult:
    arousal = (
        _arousals(start, turns)
        if measure == "arousal"
        else [round(start.connection, 1), *(t.connection for t in turns)]
    )
    seen: list[str] = []
    for t in turn_numbers:
        short = _too_few(name, t, turns)
        if short:
            return short
        delta = arousal[t] - arousal[t - 1]
        ok = delta > 0 if wanted == "up" else delta < 0
        step = f"turn {t}: {arousal[t - 1]} -> {arousal[t]} ({delta:+.1f})"
        if not ok:
            return _result(
                name,
                False,
                f"{step}, expected {measure} {wanted}; you> {_quote(turns[t - 1].user)}",
            )
        seen.append(step)
    return _result(name, True, "; ".join(seen))


def _welcomed(
    turn_numbers: list[int],
    start: PartnerState,
    turns: Sequence[TurnRecord],
    solving: frozenset[AnyMove],
) -> CheckResult:
    arousal = _arousals(start, turns)
    seen: list[str] = []
    for t in turn_numbers:
        short = _too_few("welcomed", t, turns)
        if short:
            return short
        record = turns[t - 1]
        before = zone_for(arousal[t - 1]).value
        proposed = [e for e in record.effects if e.move in solving]
        step = (
            f"turn {t} in {before}: arousal {arousal[t - 1]} -> {arousal[t]} "
            f"({arousal[t] - arousal[t - 1]:+.1f})"
        )
        if not proposed:
            moves = ", ".join(m.value for m in record.moves) or "none"
            return _result(
                "welcomed",
                False,
                f"turn {t} has no problem-solving move (moves: {moves}); "
                f"you> {_quote(record.user)}",
            )
        worst = max(proposed, key=lambda e: e.arousal)
        if worst.arousal >= 0 or arousal[t] >= arousal[t - 1]:
            return _result(
                "welcomed",
                False,
                f"{step}; {worst.move.value} {_quote(worst.span)} counted {worst.arousal:+.1f} "
                f"({'; '.join(worst.reasons) or 'no reason'})",
            )
        seen.append(f"{step}, {worst.move.value} welcome")
    return _result("welcomed", True, "; ".join(seen))


def _normalized(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def _wears_off(
    pair: tuple[int, int], start: PartnerState, turns: Sequence[TurnRecord]
) -> CheckResult:
    first, later = pair
    short = _too_few("wears_off", later, turns)
    if short:
        return short
    a, b = turns[first - 1], turns[later - 1]
    if _normalized(a.user) != _normalized(b.user):
        return _result(
            "wears_off",
            False,
            f"turns {first} and {later} differ: {_quote(a.user)} vs {_quote(b.user)}",
        )
    arousal = _arousals(start, turns)
    drop_first = arousal[first - 1] - arousal[first]
    drop_later = arousal[later - 1] - arousal[later]
    detail = (
        f"{_quote(a.user)} calmed {drop_first:+.1f} at turn {first} and {drop_later:+.1f} "
        f"at turn {later}"
    )
    return _result("wears_off", drop_later < drop_first, detail)


@scorer("settles_within", "dynamics")
def settles_within(t: Transcript) -> CheckResult | None:
    """The zone settles at or before the case's turn."""
    limit = t.case.dynamics.settles_within
    return None if limit is None else _settles_within(limit, t.turns)


@scorer("escalates", "dynamics")
def escalates(t: Transcript) -> CheckResult | None:
    """Arousal ends well above the start and peaks escalated (or, expected False, does not)."""
    want = t.case.dynamics.escalates
    return None if want is None else _escalates(want, t.start, t.turns)


@scorer("never_settles", "dynamics")
def never_settles(t: Transcript) -> CheckResult | None:
    """No turn reaches settling or regulated (or, expected False, one does)."""
    want = t.case.dynamics.never_settles
    return None if want is None else _never_settles(want, t.turns)


@scorer("softens", "dynamics")
def softens(t: Transcript) -> CheckResult | None:
    """The softer emotion surfaces (or, expected False, it does not)."""
    want = t.case.dynamics.softens
    return None if want is None else _softens(want, t.card, t.turns)


@scorer("softens_after_connection", "dynamics")
def softens_after_connection(t: Transcript) -> CheckResult | None:
    """The softer emotion surfaces only once connection reached the card's threshold."""
    want = t.case.dynamics.softens_after_connection
    if want is None:
        return None
    return _softens_after_connection(want, t.card, t.start, t.turns)


@scorer("arousal_up", "dynamics")
def arousal_up(t: Transcript) -> CheckResult | None:
    """Arousal rises on each listed turn."""
    turns = t.case.dynamics.arousal_up_on_turns
    return _direction("arousal_up", "up", turns, t.start, t.turns) if turns else None


@scorer("arousal_down", "dynamics")
def arousal_down(t: Transcript) -> CheckResult | None:
    """Arousal falls on each listed turn."""
    turns = t.case.dynamics.arousal_down_on_turns
    return _direction("arousal_down", "down", turns, t.start, t.turns) if turns else None


@scorer("connection_up", "dynamics")
def connection_up(t: Transcript) -> CheckResult | None:
    """Connection (ask mode: turning toward) rises on each listed turn."""
    turns = t.case.dynamics.connection_up_on_turns
    if not turns:
        return None
    return _direction("connection_up", "up", turns, t.start, t.turns, "connection")


@scorer("welcomed", "dynamics")
def welcomed(t: Transcript) -> CheckResult | None:
    """A problem-solving move on each listed turn calms the partner."""
    turns = t.case.dynamics.welcomed_on_turns
    if not turns:
        return None
    return _welcomed(turns, t.start, t.turns, get_mode(t.card.mode).solving)


@scorer("wears_off", "dynamics")
def wears_off(t: Transcript) -> CheckResult | None:
    """The same words calm less the second time."""
    pair = t.case.dynamics.wears_off
    return None if pair is None else _wears_off(pair, t.start, t.turns)


def dynamics_checks(
    case: EvalCase, card: PersonaCard, start: PartnerState, turns: list[TurnRecord]
) -> list[CheckResult]:
    """One result per dynamics expectation the case sets, in the schema's order."""
    return score(Transcript(case, card, start, turns, voiced=False), ["dynamics"])


def giving_in(text: str) -> str | None:
    """The words in a reply that agree to solutions or start problem-solving, if any."""
    for match in GIVING_IN.finditer(text):
        sentence_start = max(text.rfind(c, 0, match.start()) for c in ".!?\n") + 1
        if not _REFUSED.search(text[sentence_start : match.start()]):
            return match.group(0)
    return None


Finder = Callable[[TurnRecord, list[Finding]], str | None]


def _over_replies(
    name: str, turns: Sequence[TurnRecord], findings: list[list[Finding]], find: Finder
) -> CheckResult:
    for record, found in zip(turns, findings, strict=True):
        evidence = find(record, found)
        if evidence is not None:
            return _result(
                name,
                False,
                f"turn {record.index} ({record.zone}): {_quote(record.reply)} ({evidence})",
            )
    return _result(name, True, f"{len(turns)} replies")


def _reasons(wanted: frozenset[GuardReason]) -> Finder:
    def find(record: TurnRecord, found: list[Finding]) -> str | None:
        hits = [f for f in found if f.reason in wanted]
        return "; ".join(str(f) for f in hits) if hits else None

    return find


def _giving_in_while_hot(record: TurnRecord, found: list[Finding]) -> str | None:
    if Zone(record.zone).is_settled:
        return None
    words = giving_in(record.reply)
    return f"agrees to solutions while {record.zone}: {words!r}" if words else None


@scorer("in_character", "voice", voiced_only=True)
def in_character(t: Transcript) -> CheckResult | None:
    """No reply admits to being an AI, leaks the prompt, sounds like a therapist or is empty."""
    if not t.case.voice.in_character:
        return None
    return _over_replies("in_character", t.turns, t.findings, _reasons(IN_CHARACTER))


@scorer("zone_fit", "voice", voiced_only=True)
def zone_fit(t: Transcript) -> CheckResult | None:
    """Every reply sounds like the zone the partner is in."""
    if not t.case.voice.zone_fit:
        return None
    zone = frozenset({GuardReason.ZONE_MISMATCH})
    return _over_replies("zone_fit", t.turns, t.findings, _reasons(zone))


@scorer("length", "voice", voiced_only=True)
def length(t: Transcript) -> CheckResult:
    """Every reply stays within the case's length limits."""
    too_long = frozenset({GuardReason.TOO_LONG})
    return _over_replies("length", t.turns, t.findings, _reasons(too_long))


@scorer("no_giving_in", "voice", voiced_only=True)
def no_giving_in(t: Transcript) -> CheckResult | None:
    """The partner does not agree to solutions before it has settled."""
    # Where the learner asks, offering solutions is the partner's habit, not giving in.
    if not t.case.voice.no_giving_in_before_settled or get_mode(t.card.mode).words.learner_asks:
        return None
    return _over_replies("no_giving_in", t.turns, t.findings, _giving_in_while_hot)


def _raw_lapses(t: Transcript, wanted: frozenset[GuardReason], only_holding: bool) -> CheckResult:
    name = "raw_stance_held" if only_holding else "raw_coherent"
    judged = [r for r in t.raw if not only_holding or r.stance in HOLDING]
    lapses = [r for r in judged if r.has(wanted)]
    if not lapses:
        return _result(name, True, f"{len(judged)} first attempts, none lapsed")
    first = lapses[0]
    return _result(
        name,
        False,
        f"{len(lapses)}/{len(judged)} first attempts lapsed; turn {first.turn}: "
        f"{_quote(first.raw)} ({', '.join(first.findings)})",
    )


@scorer("raw_coherent", "voice", voiced_only=True)
def raw_coherent(t: Transcript) -> CheckResult | None:
    """Every first attempt, as the model wrote it, is in character and makes sense in the scene."""
    if not t.raw:
        return None
    return _raw_lapses(t, OUT_OF_CHARACTER | INCOHERENT, only_holding=False)


@scorer("raw_stance_held", "voice", voiced_only=True)
def raw_stance_held(t: Transcript) -> CheckResult | None:
    """No first attempt warms up, thanks or apologises while the turn's plan holds back."""
    if not any(r.stance in HOLDING for r in t.raw):
        return None
    return _raw_lapses(t, frozenset({GuardReason.STANCE}), only_holding=True)


def voice_checks(case: EvalCase, card: PersonaCard, turns: list[TurnRecord]) -> list[CheckResult]:
    """The guard's own checks over every reply, grouped into named checks (one result each)."""
    start = Engine(card).start()
    return score(Transcript(case, card, start, turns, voiced=True), ["voice"])


def _guard_counts(turns: Sequence[TurnRecord]) -> str:
    counts = Counter(r.guard.result for r in turns)
    return ", ".join(f"{counts.get(k, 0)} {k}" for k in ("pass", "retry", "fallback"))


@scorer("robust_state", "robustness")
def robust_state(t: Transcript) -> CheckResult | None:
    """No role-play-breaking turn is taken as attunement; a robustness case must have one."""
    breaking = [r for r in t.turns if breaks_role_play(r.user)]
    if not breaking:
        if t.case.kind != "robustness":
            return None
        return _result("robust_state", False, "no role-play-breaking learner turn in this case")
    helpful = get_mode(t.card.mode).helpful
    attuned = next((r for r in breaking if helpful & set(r.moves)), None)
    if attuned is None:
        return _result(
            "robust_state",
            True,
            f"{len(breaking)} role-play-breaking turn(s), none taken as attunement",
        )
    moves = ", ".join(m.value for m in attuned.moves)
    return _result(
        "robust_state",
        False,
        f"turn {attuned.index} {_quote(attuned.user)} was classified as {moves}",
    )


@scorer("robust_in_character", "robustness", voiced_only=True)
def robust_in_character(t: Transcript) -> CheckResult | None:
    """The partner answers role-play-breaking turns in character."""
    pairs = [(r, f) for r, f in zip(t.turns, t.findings, strict=True) if breaks_role_play(r.user)]
    if not pairs:
        return None
    breaking = [r for r, _ in pairs]
    found = [f for _, f in pairs]
    checked = _over_replies("robust_in_character", breaking, found, _reasons(IN_CHARACTER))
    detail = f"{checked.detail}; guard over all turns: {_guard_counts(t.turns)}"
    return checked.model_copy(update={"detail": detail})


def robustness_checks(
    case: EvalCase, card: PersonaCard, turns: list[TurnRecord], *, voiced: bool = True
) -> list[CheckResult]:
    """Role-play-breaking turns: never taken as attunement, and (voiced) answered in character.

    Returns nothing for a case without such turns unless it is a robustness case,
    which then fails for want of one.
    """
    start = Engine(card).start()
    return score(Transcript(case, card, start, turns, voiced), ["robustness"])


def run_checks(
    case: EvalCase,
    card: PersonaCard,
    start: PartnerState,
    turns: list[TurnRecord],
    voiced: bool,
) -> list[CheckResult]:
    """Every registered check that applies: dynamics always; voice and robustness when voiced.

    With the scripted backend the replies are the card's authored lines, so only
    the engine is under test (and the classifier's handling of role-play breaks).
    """
    return score(Transcript(case, card, start, turns, voiced))

"""Optional LLM judge for moves: structured JSON, validated, merged with the rule classifier.

The rules stay the ground truth: the judge can only add moves the rules missed,
and only with a quote that really occurs in the learner's message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from simulator.classifier.combine import classify
from simulator.classifier.schema import Classification, Span
from simulator.llm.client import CallOptions, complete_chat_sync
from simulator.modes import PracticeMode, get_mode, move_info
from simulator.prompting import JudgeContext, MoveChoice, render

JUDGE_MAX_TOKENS = 300
_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


class JudgedMove(BaseModel):
    """One move the judge saw, with the words that show it."""

    model_config = ConfigDict(extra="ignore")

    move: str
    quote: str = Field(min_length=1, max_length=500)


class JudgeVerdict(BaseModel):
    """The judge's whole answer."""

    model_config = ConfigDict(extra="ignore")

    moves: list[JudgedMove] = Field(default_factory=list, max_length=16)


def parse_verdict(raw: str) -> JudgeVerdict | None:
    """The verdict in a model's reply (fenced or bare JSON), or None if it is not valid."""
    match = _OBJECT.search(raw)
    if match is None:
        return None
    try:
        return JudgeVerdict.model_validate(json.loads(match.group(0)))
    except (ValueError, ValidationError, RecursionError):
        return None


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    start = text.lower().find(quote.strip().lower())
    return None if start < 0 else (start, start + len(quote.strip()))


def merge(
    rules: Classification, verdict: JudgeVerdict, mode: PracticeMode = "listen"
) -> Classification:
    """Add the judge's moves that the rules missed and that quote the message exactly."""
    known = {m.value: m for m in get_mode(mode).move_ids}
    added: list[Span] = []
    for item in verdict.moves:
        if item.move not in known or known[item.move] in rules.moves:
            continue
        where = _locate(rules.text, item.quote)
        if where is None or any(s.move == item.move for s in added):
            continue
        start, end = where
        added.append(Span(move=known[item.move], start=start, end=end, text=rules.text[start:end]))
    if not added:
        return rules
    spans = sorted([*rules.spans, *added], key=lambda s: (s.start, s.end))
    moves = list(dict.fromkeys(s.move for s in spans))
    # The judge's tags replace a guess: the closest one only matters when nothing was tagged.
    return rules.model_copy(
        update={"moves": moves, "spans": spans, "judged": [s.move for s in added], "closest": None}
    )


def judge_messages(
    text: str, partner_said: str = "", mode: PracticeMode = "listen"
) -> list[dict[str, str]]:
    """The judge prompt for one learner message, over one practice mode's move set."""
    context = JudgeContext(
        message=text,
        partner_said=partner_said or get_mode(mode).words.partner_default,
        moves=[
            MoveChoice(id=m.value, description=move_info(m).description)
            for m in get_mode(mode).move_ids
        ],
        asking=get_mode(mode).words.learner_asks,
    )
    return [{"role": "user", "content": render("judge_moves.j2", context)}]


class JudgedClassifier:
    """Rules first, then the judge; a judge reply that is not valid JSON is ignored."""

    def __init__(
        self,
        options: CallOptions,
        rules: Callable[[str], Classification] = classify,
        mode: PracticeMode = "listen",
    ) -> None:
        self.options = options
        self.rules = rules
        self.mode = mode
        self.invalid_replies = 0

    def __call__(self, text: str) -> Classification:
        found = self.rules(text)
        raw = complete_chat_sync(
            judge_messages(text, mode=self.mode),
            self.options,
            temperature=0.0,
            max_tokens=JUDGE_MAX_TOKENS,
            response_format={"type": "json_object"},
        )
        verdict = parse_verdict(raw)
        if verdict is None:
            self.invalid_replies += 1
            return found
        return merge(found, verdict, self.mode)

"""A language model voices the persona: prompt from the state, guard on the way out.

The engine has already decided the state; the model only says it. Each reply is
streamed through the sentence gate. If the first attempt shows nothing in
character, one retry runs with a stricter prompt, then an authored line is used.
"""

from __future__ import annotations

import random
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import replace

from simulator.domain.zones import Zone
from simulator.engine.plan import answered_family, plan_reply, plan_words
from simulator.guard import GuardContext, SentenceGate
from simulator.guard.reasons import Finding
from simulator.guard.sense import card_text
from simulator.llm.client import CallOptions, stream_chat
from simulator.modes import get_mode
from simulator.personas.card import PersonaCard
from simulator.prompting import PersonaContext, render_block
from simulator.replyplan import ReplyPlan
from simulator.voices.base import Attempt, GuardRecord, Reply, ReplyRequest, ReplyStream
from simulator.voices.scripted import ScriptedVoice, recent_replies

Chat = Callable[[list[dict[str, str]], CallOptions], AsyncGenerator[str, None]]
"""Streams one chat completion; `stream_chat` (litellm) unless a test swaps it."""

# Enough context for the reply to follow the thread, short enough that a small
# model keeps its footing and prompts stay cheap.
MAX_HISTORY = 8
# The window drops this many exchanges at once rather than one per turn: sliding by
# one would change the prompt right after the scene every turn, so the server's
# prompt cache would miss and the whole history would be read again each time.
HISTORY_STEP = 4
EXAMPLES_PER_PROMPT = 2
# Stances in which the partner may not warm up on their own.
GUARDED = ("push_back", "stay_guarded")
RETRY_TEMPERATURE = 0.4
# One spoken turn: the gate stops a reply after this much and keeps what it has.
SPOKEN_SENTENCES = 2
SPOKEN_CHARS = 320
# A withdrawer who is flooded or escalated goes quiet: a few words, not a speech.
QUIET_SENTENCES = 2
QUIET_CHARS = 160


def closeness(connection: float) -> str:
    """Connection (0-100) as the words the prompt uses; numbers never reach the model."""
    if connection < 30:
        return "alone"
    if connection < 50:
        return "unsure"
    if connection < 70:
        return "heard"
    return "close"


def reply_plan(request: ReplyRequest, seed: int) -> ReplyPlan:
    """The engine's plan for this reply (made here when the request carries none)."""
    return request.plan or plan_reply(request.card, request.outcome, seed)


def persona_context(
    request: ReplyRequest,
    seed: int,
    strict: bool = False,
    problem: str | None = None,
    follow_plan: bool = True,
) -> PersonaContext:
    """The prompt context for one reply; without `follow_plan`, a prompt-only persona."""
    card, after = request.card, request.outcome.after
    plan = reply_plan(request, seed)
    # The plan decides when the partner softens: the softer feeling may show when it
    # comes out now, or once it has surfaced while the partner is not pushing back.
    softer = plan.reveal_softer or (
        (after.softened or request.outcome.surfaced_now) and plan.stance not in GUARDED
    )
    rng = random.Random(f"{seed}:{card.id}:{after.turn}")
    reactions = card.reaction_lines(answered_family(plan), plan.heat) if follow_plan else []
    pool = reactions or card.lines.for_zone(after.zone)
    examples = rng.sample(pool, min(EXAMPLES_PER_PROMPT, len(pool)))
    if plan.reveal_softer and plan.softer_line:
        examples = [*examples[: EXAMPLES_PER_PROMPT - 1], plan.softer_line]
    elif softer and after.zone != Zone.REGULATED:
        examples = [*examples[: EXAMPLES_PER_PROMPT - 1], rng.choice(card.underneath.lines)]
    just_happened, take = plan_words(plan) if follow_plan else ("", "")
    return PersonaContext(
        name=card.name,
        situation=card.situation
        or f"This is the scene, as your partner was told it: {card.summary}",
        style=card.style.value,
        zone=after.zone.value,
        closeness=closeness(after.connection),  # type: ignore[arg-type]
        emotion=card.underneath.emotion.value,
        softer_may_show=softer,
        examples=examples,
        strict=strict,
        problem=problem,
        just_happened=just_happened,
        take=take,
        reacting=bool(reactions),
    )


def history_start(exchanges: int) -> int:
    """Index of the first exchange the prompt keeps: at most MAX_HISTORY, moved in steps."""
    if exchanges <= MAX_HISTORY:
        return 0
    return -(-(exchanges - MAX_HISTORY) // HISTORY_STEP) * HISTORY_STEP


def build_messages(
    request: ReplyRequest, scene: str, mood: str | None = None
) -> list[dict[str, str]]:
    """The scene, the recent conversation, the learner's new message, then this turn's mood.

    The scene never changes within a session and the history only grows, so the
    server's prompt cache covers everything but the newest exchange and the mood.
    """
    messages = [{"role": "system", "content": scene}]
    history = request.history[history_start(len(request.history)) :]
    if len(history) == len(request.history):
        messages.append({"role": "assistant", "content": request.opening})
    for exchange in history:
        messages.append({"role": "user", "content": exchange.learner})
        messages.append({"role": "assistant", "content": exchange.partner})
    messages.append({"role": "user", "content": request.learner})
    if mood:
        messages.append({"role": "system", "content": mood})
    return messages


def guard_context(request: ReplyRequest, ctx: PersonaContext, system: str) -> GuardContext:
    """What the guard checks this turn's reply against."""
    scene = " ".join([ctx.situation, *request.card.lines.for_zone(ctx.zone)])
    quiet = ctx.style == "withdraw" and request.outcome.after.zone.is_hot
    return GuardContext(
        mode=request.card.mode,
        name=request.card.name,
        style=request.card.style.value,
        zone=request.outcome.after.zone,
        learner=request.learner,
        instructions=system,
        scene=" ".join([scene, *request.card.underneath.lines]),
        previous=[request.opening, *(e.partner for e in request.history)],
        said=[e.learner for e in request.history],
        card_text=card_text(request.card),
        # The stance check holds the reply to the engine's plan (even for a prompt-only
        # persona, whose prompt does not say it).
        plan=request.plan,
        max_sentences=QUIET_SENTENCES if quiet else SPOKEN_SENTENCES,
        max_chars=QUIET_CHARS if quiet else SPOKEN_CHARS,
    )


class ModelVoice:
    """Voices a persona with any litellm model (including the embedded `local`)."""

    def __init__(
        self, card: PersonaCard, options: CallOptions, seed: int = 0, chat: Chat = stream_chat
    ) -> None:
        self.card = card
        self.options = options
        self.seed = seed
        self.chat = chat
        self.name = options.model
        self.authored = ScriptedVoice(card, seed=seed)
        self.on_attempt: Callable[[Attempt], None] | None = None
        """Told of every attempt as the model wrote it (an eval judges the raw replies)."""
        self.follow_plan = True
        """False: the prompt-only persona an eval compares the planned voice against (the
        prompt leaves out what the plan says; the guard still knows the plan)."""

    def opening(self) -> str:
        """The scene opens on an authored line, so it starts in character."""
        return self.authored.opening()

    def _options(self, turn: int, attempt: int) -> CallOptions:
        extra = {"seed": (self.seed * 7919 + turn * 31 + attempt) % 2**31, **self.options.extra}
        if attempt == 0:
            return replace(self.options, extra=extra)
        cooler = min(self.options.temperature, RETRY_TEMPERATURE)
        return replace(self.options, extra=extra, temperature=cooler)

    def stream(self, request: ReplyRequest) -> ReplyStream:
        """Stream a guarded reply: attempt, stricter retry, then the authored line."""

        async def produce(stream: ReplyStream) -> AsyncIterator[str]:
            started = time.perf_counter()
            first: float | None = None
            reasons: list[str] = []
            problem: str | None = None
            turn = request.outcome.after.turn
            # The plan is made once per reply (a Session's request already carries it), so
            # the prompt, the guard and both attempts follow the same one.
            planned = request
            if request.plan is None:
                planned = request.model_copy(update={"plan": reply_plan(request, self.seed)})
            for attempt in range(2):
                ctx = persona_context(
                    planned,
                    self.seed,
                    strict=attempt > 0,
                    problem=problem,
                    follow_plan=self.follow_plan,
                )
                template = get_mode(request.card.mode).persona_template
                scene = render_block(template, "scene", ctx)
                mood = render_block(template, "mood", ctx)
                gate = SentenceGate(guard_context(planned, ctx, scene + mood))
                messages = build_messages(planned, scene, mood)
                chunks = self.chat(messages, self._options(turn, attempt))
                shown = raw = ""
                try:
                    async for chunk in chunks:
                        raw += chunk
                        released = gate.feed(chunk)
                        if released:
                            first = first if first is not None else time.perf_counter() - started
                            shown += released
                            yield released
                        if gate.stopped:
                            break
                finally:
                    await chunks.aclose()
                result = gate.finish()
                if self.on_attempt is not None:
                    self.on_attempt(
                        Attempt(
                            number=attempt + 1, raw=raw, context=gate.ctx, findings=result.findings
                        )
                    )
                if len(result.text) > len(shown):
                    # The last sentence is only checked once the stream has ended.
                    first = first if first is not None else time.perf_counter() - started
                    yield result.text[len(shown) :]
                reasons += [f"attempt {attempt + 1}: {f}" for f in result.findings]
                if result.accepted:
                    stream.finish(
                        Reply(
                            text=result.text,
                            guard=GuardRecord(
                                result="pass" if attempt == 0 else "retry",
                                trimmed=result.trimmed,
                                reasons=reasons,
                                attempts=attempt + 1,
                            ),
                            latency_s=round(time.perf_counter() - started, 3),
                            first_text_s=None if first is None else round(first, 3),
                        )
                    )
                    return
                problem = _problem(result.findings)
            text = self.authored.reply(
                request.outcome, planned.plan, recent_replies(request), request.learner
            )
            yield text
            elapsed = round(time.perf_counter() - started, 3)
            stream.finish(
                Reply(
                    text=text,
                    guard=GuardRecord(result="fallback", reasons=reasons, attempts=2),
                    latency_s=elapsed,
                    first_text_s=elapsed,
                )
            )

        return ReplyStream(produce)


def _problem(found: list[Finding]) -> str | None:
    return found[0].reason.plain if found else None

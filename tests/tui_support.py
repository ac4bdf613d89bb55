"""Helpers for the TUI tests: an app context with a temporary store and fake voices."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen

from simulator.personas import PersonaCard, load_catalog, persona_dirs
from simulator.settings.config import Settings
from simulator.store.sqlite import SessionStore
from simulator.support.errors import ModelError
from simulator.tui.app import AttuneApp
from simulator.tui.context import AppContext, VoiceFactory
from simulator.voices.base import Reply, ReplyRequest, ReplyStream, Voice
from simulator.voices.scripted import ScriptedVoice

HOME_LABEL = "~/.local/share/attune/sessions.db"


def scripted_factory(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
    """Authored lines, whatever model was asked for."""
    return ScriptedVoice(card, seed=seed)


VoiceT = TypeVar("VoiceT", bound=Voice)
ScreenT = TypeVar("ScreenT", bound=Screen[Any])


def recording(make: Callable[[PersonaCard], VoiceT]) -> tuple[VoiceFactory, list[VoiceT]]:
    """A voice factory that builds each voice with `make` and keeps them for the test."""
    made: list[VoiceT] = []

    def factory(model: str, card: PersonaCard, settings: Settings, seed: int) -> Voice:
        made.append(make(card))
        return made[-1]

    return factory, made


def instant_warm_up(model: str, settings: Settings) -> str:
    """A model that is ready at once."""
    return f"{model} (test)"


def make_context(
    tmp_path: Path,
    *,
    store: bool = True,
    voice_factory: VoiceFactory = scripted_factory,
    model: str = "scripted",
) -> AppContext:
    """The shipped personas, a store in tmp_path (or none), fakes for the model."""
    return AppContext(
        settings=Settings(),
        catalog=load_catalog(persona_dirs(environ={}, user=False)),
        model=model,
        store=SessionStore(tmp_path / "home" / "sessions.db") if store else None,
        store_problem=None if store else "saving is off in this test",
        voice_factory=voice_factory,
        warm_up=instant_warm_up,
        home_label=HOME_LABEL,
    )


def make_test_app(tmp_path: Path, **kwargs: object) -> AttuneApp:
    """An app over `make_context`."""
    return AttuneApp(make_context(tmp_path, **kwargs))  # type: ignore[arg-type]


class FailingVoice(ScriptedVoice):
    """Fails the first `failures` replies with a ModelError, then speaks authored lines."""

    def __init__(self, card: PersonaCard, kind: str = "timeout", failures: int = 1) -> None:
        super().__init__(card)
        self.kind = kind
        self.failures = failures
        self.calls = 0

    def stream(self, request: ReplyRequest) -> ReplyStream:
        self.calls += 1
        if self.calls > self.failures:
            return super().stream(request)
        kind = self.kind

        async def produce(stream: ReplyStream) -> AsyncIterator[str]:
            raise ModelError("fake", kind, f"fake {kind}")
            yield ""  # pragma: no cover - makes this an async generator

        return ReplyStream(produce)


class GatedVoice(ScriptedVoice):
    """Streams two sentences, holding the second until `release` is set."""

    def __init__(self, card: PersonaCard) -> None:
        super().__init__(card)
        self.release = asyncio.Event()
        self.first_sent = asyncio.Event()

    def stream(self, request: ReplyRequest) -> ReplyStream:
        async def produce(stream: ReplyStream) -> AsyncIterator[str]:
            yield "First sentence here."
            self.first_sent.set()
            await self.release.wait()
            yield "Second sentence now."
            stream.finish(Reply(text="First sentence here. Second sentence now."))

        return ReplyStream(produce)


class CutVoice(ScriptedVoice):
    """The first reply shows a sentence, then the connection drops; later replies work."""

    def __init__(self, card: PersonaCard) -> None:
        super().__init__(card)
        self.calls = 0

    def stream(self, request: ReplyRequest) -> ReplyStream:
        self.calls += 1
        if self.calls > 1:
            return super().stream(request)

        async def produce(stream: ReplyStream) -> AsyncIterator[str]:
            yield "Five hours."
            raise ModelError("fake", "unreachable", "connection reset mid-reply")

        return ReplyStream(produce)


async def screen_of(pilot: Pilot[None], kind: type[ScreenT]) -> ScreenT:
    """Wait (briefly) until a screen of `kind` is on top; workers may be waiting on it."""
    for _ in range(50):
        await pilot.pause(0.02)
        if isinstance(pilot.app.screen, kind):
            return pilot.app.screen
    raise AssertionError(f"no {kind.__name__}; on {type(pilot.app.screen).__name__}")


# The answers a learner types into the scenario form in the tests that build a card.
SAM = {
    "name": "Sam",
    "about": "I forgot our anniversary dinner",
    "feels": "hurt and let down",
    "says_first": "So you finally remembered?",
    "soothes": "when I just listen",
    "sets_off": "when I explain myself",
}


async def end_and_skip_rating(pilot: Pilot[None]) -> None:
    """End the scene (Esc), then skip the rate-yourself screen (Esc again) to the debrief."""
    from simulator.tui.screens.self_rating import SelfRatingScreen

    await pilot.press("escape")
    await screen_of(pilot, SelfRatingScreen)
    await pilot.press("escape")

"""The attune practice app: picker, practice, debrief and saved sessions."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from simulator.support.errors import AttuneError
from simulator.support.textsafe import printable
from simulator.tui.context import AppContext
from simulator.turns.choices import PracticeSetup

if TYPE_CHECKING:
    from simulator.practice.conversation import Practice

MODEL_LOADING = "loading"
MODEL_READY = "ready"
MODEL_FAILED = "failed"


class AttuneApp(App[None]):
    """Rehearse a hard conversation with a partner persona whose nervous system responds."""

    CSS_PATH = "attune.tcss"
    TITLE = "attune"
    SUB_TITLE = "practise emotional attunement"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    model_state: reactive[str] = reactive(MODEL_LOADING)
    model_message: reactive[str] = reactive("")

    def __init__(self, context: AppContext, start: PracticeSetup | None = None) -> None:
        super().__init__()
        self.context = context
        self.start_setup = start
        self._model_ready = asyncio.Event()

    def on_mount(self) -> None:
        from simulator.tui.screens.picker import PickerScreen

        self.push_screen(PickerScreen())
        # After the first frame: importing litellm holds the GIL for seconds.
        self.call_after_refresh(self.warm_up_model)
        self.call_after_refresh(self.warm_up_safety)
        self.call_after_refresh(self.warm_up_classifier)
        if self.start_setup is not None:
            self.begin_practice(self.start_setup)

    def personas_changed(self, highlight: str) -> None:
        """Relist the personas on the picker under the current screen, `highlight` selected."""
        from simulator.tui.screens.picker import PickerScreen

        for screen in self.screen_stack:
            if isinstance(screen, PickerScreen):
                screen.refresh_personas(highlight=highlight)

    @property
    def model(self) -> str:
        """The model that voices the persona."""
        return self.context.model

    @work(thread=True, exclusive=True, group="warm-up")
    def warm_up_model(self) -> None:
        """Import litellm and load the model off the UI thread; the first frame never waits."""
        self.call_from_thread(self._set_model_state, MODEL_LOADING, f"Loading {self.model}...")
        try:
            what = self.context.warm_up(self.model, self.context.settings)
        except AttuneError as exc:
            self.call_from_thread(self._set_model_state, MODEL_FAILED, str(exc))
            return
        self.call_from_thread(self._set_model_state, MODEL_READY, f"Ready: {what}")

    @work(thread=True, exclusive=True, group="warm-up-safety")
    def warm_up_safety(self) -> None:
        """Load the safety check's learned signal off the UI thread, before the first message."""
        from simulator.safety import warm_up

        warm_up()

    @work(thread=True, exclusive=True, group="warm-up-classifier")
    def warm_up_classifier(self) -> None:
        """Load the classifier's learned layer off the UI thread, before the first message."""
        from simulator.classifier import warm_up

        warm_up()

    def _set_model_state(self, state: str, message: str) -> None:
        self.model_state = state
        self.model_message = message
        if state != MODEL_LOADING:
            self._model_ready.set()

    async def model_settled(self) -> None:
        """Wait until the model has loaded or failed to."""
        await self._model_ready.wait()

    @work(exclusive=True, group="begin")
    async def begin_practice(self, setup: PracticeSetup) -> None:
        """Build the session (voice, classifier) off the UI thread, then open the practice."""
        from simulator.tui.screens.practice import PracticeScreen

        try:
            practice = await asyncio.to_thread(self._build_practice, setup)
        except AttuneError as exc:
            self.notify(
                printable(str(exc)), title="Cannot start", severity="error", timeout=8, markup=False
            )
            return
        await self.push_screen(PracticeScreen(practice))

    def _build_practice(self, setup: PracticeSetup) -> Practice:
        # Imported here, off the UI thread, so the picker's first frame never waits for them.
        from simulator.practice.conversation import Practice
        from simulator.voices.factory import make_classifier

        context = self.context
        card = context.catalog.get(setup.persona_id)
        voice = context.voice_factory(setup.model, card, context.settings, setup.seed)
        classifier = make_classifier(context.judge, context.settings, card.mode)
        resources = context.settings.safety.resources
        return Practice(card, voice, setup, context.store, classifier, resources, context.safety)

    @work(thread=True, group="save")
    def save_practice(self, practice: Practice) -> None:
        """Write a session's queued turns to the store, off the UI thread."""
        if not practice.flush():
            self.call_from_thread(
                self.notify,
                f"Not saved yet (will retry): {practice.save_problem}",
                severity="warning",
            )

    def open_sessions(self) -> None:
        """Show the saved sessions (never to a guest: they are the owner's)."""
        from simulator.tui.screens.sessions import SessionsScreen

        if self.context.guest:
            return
        self.push_screen(SessionsScreen())

    def back_to_picker(self) -> None:
        """Close every screen above the persona picker."""
        while len(self.screen_stack) > 2:
            self.pop_screen()


def make_app(
    model: str | None = None,
    persona_folders: tuple[Path, ...] = (),
    start: PracticeSetup | None = None,
    context: AppContext | None = None,
    *,
    guest: bool = False,
) -> AttuneApp:
    """The app, as the CLI and the tests build it (`guest` when no context is given)."""
    from simulator.tui.context import build_context

    return AttuneApp(context or build_context(model, persona_folders, guest=guest), start)

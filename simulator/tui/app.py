"""The attune practice app: picker, practice, debrief and saved sessions."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from simulator.personas.index import PersonaIndex, index_of
from simulator.support.errors import AttuneError
from simulator.support.textsafe import printable
from simulator.tui.preview import Preview, picker_cache

if TYPE_CHECKING:
    from simulator.practice.conversation import Practice
    from simulator.tui.context import AppContext
    from simulator.turns.choices import PracticeSetup

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

    def __init__(self, context: AppContext | Preview, start: PracticeSetup | None = None) -> None:
        """Run with a loaded context, or with a preview whose context loads after the first
        frame (a bare `attune` whose picker cache answered)."""
        super().__init__()
        self._app_context: AppContext | None = None
        self._preview: Preview | None = None
        self.personas = PersonaIndex({}, {})
        """What the picker lists: the preview's cached index, then the loaded catalog's."""
        self._model = context.model
        self.start_setup = start
        self._model_ready = asyncio.Event()
        self._loaded = asyncio.Event()
        self._after_load: list[Callable[[], object]] = []
        self.load_failure: Exception | None = None
        """Why the context could not be loaded after the first frame (the app exits)."""
        if isinstance(context, Preview):
            self._preview = context
            self.personas = context.personas
        else:
            self._adopt(context)

    def _adopt(self, context: AppContext) -> None:
        self._app_context = context
        self._model = context.model
        self.personas = index_of(context.catalog)

    @property
    def context(self) -> AppContext:
        """Settings, personas, store and model. A preview's loads after the first frame: reach
        it through `after_load` (or await `loaded_context`) from anything the picker starts."""
        if self._app_context is None:
            raise RuntimeError("attune is still loading its context")
        return self._app_context

    @property
    def context_loaded(self) -> bool:
        """False until the context has loaded (a preview's first moments)."""
        return self._app_context is not None

    @property
    def preview_home_label(self) -> str:
        """Where sessions will be kept, as the preview shows it before the store opens."""
        return self._preview.home_label if self._preview is not None else ""

    @property
    def guest(self) -> bool:
        """A visitor's tab under `attune serve` (a preview is never one)."""
        return self._app_context is not None and self._app_context.guest

    def get_default_screen(self) -> Screen[None]:
        """The picker is the app's first screen (no blank screen under it to draw first)."""
        from simulator.tui.screens.picker import PickerScreen

        return PickerScreen()

    def on_mount(self) -> None:
        if self._app_context is None:
            # After the first frame: validating the cards and opening the store take longer
            # than drawing the picker.
            self.call_after_refresh(self.load_context)
        else:
            self._loaded.set()
            self._warm_up_after_refresh()
        if self.start_setup is not None:
            self.begin_practice(self.start_setup)

    def _warm_up_after_refresh(self) -> None:
        # After the first frame: importing litellm holds the GIL for seconds.
        self.call_after_refresh(self.warm_up_model)
        self.call_after_refresh(self.warm_up_safety)
        self.call_after_refresh(self.warm_up_classifier)

    @work(thread=True, exclusive=True, group="load")
    def load_context(self) -> None:
        """Load the settings, every card (validated) and the store off the UI thread."""
        assert self._preview is not None
        try:
            context = self._preview.load()
        except Exception as exc:
            # A card or the config changed under the cache (AttuneError), or a bug: either
            # way the app stops and `attune` reports it as its slow path would have.
            self.call_from_thread(self._load_failed, exc)
            return
        self.call_from_thread(self._context_loaded, context)

    def _load_failed(self, exc: Exception) -> None:
        self.load_failure = exc
        self.exit(return_code=2)

    def _context_loaded(self, context: AppContext) -> None:
        shown = self.personas
        self._adopt(context)
        self._loaded.set()
        if self.personas != shown:
            # The cache was out of date after all (attune itself changed): show the truth.
            self.personas_changed(highlight=None)
            for problem in self.personas.problems:
                if problem not in shown.problems:
                    self.notify(
                        printable(f"Skipped one of your cards: {problem}"), severity="warning"
                    )
        self.refresh_notice()
        self._warm_up_after_refresh()
        pending, self._after_load = self._after_load, []
        for action in pending:
            action()

    def after_load(self, action: Callable[[], object]) -> None:
        """Run `action` now if the context has loaded, else as soon as it has."""
        if self._app_context is not None:
            action()
        else:
            self._after_load.append(action)

    async def loaded_context(self) -> AppContext:
        """The context, once it has loaded."""
        await self._loaded.wait()
        return self.context

    def refresh_notice(self) -> None:
        """Redraw the picker's notice (where sessions are kept, or why they cannot be)."""
        from simulator.tui.screens.picker import PickerScreen

        for screen in self.screen_stack:
            if isinstance(screen, PickerScreen):
                screen.refresh_notice()

    def personas_changed(self, highlight: str | None) -> None:
        """Relist the personas on the picker under the current screen, `highlight` selected."""
        from simulator.tui.screens.picker import PickerScreen

        for screen in self.screen_stack:
            if isinstance(screen, PickerScreen):
                screen.refresh_personas(highlight=highlight)

    def reindex(self) -> None:
        """List the catalog as it is now (after a card was added or deleted)."""
        if self._app_context is not None:
            self.personas = index_of(self._app_context.catalog)

    @property
    def model(self) -> str:
        """The model that voices the persona."""
        return self._model

    @work(thread=True, exclusive=True, group="warm-up")
    def warm_up_model(self) -> None:
        """Import litellm and load the model off the UI thread; the first frame never waits."""
        self.call_from_thread(self._set_model_state, MODEL_LOADING, f"Loading {self.model}...")
        try:
            what = self.context.warm_up(self.model, self.context.settings)
        except AttuneError as exc:
            self.call_from_thread(self._set_model_state, MODEL_FAILED, str(exc))
            return
        from simulator.llm.catalog import better_model_hint

        # Only the embedded model here (no Ollama, no key): one line on a better partner.
        hint = better_model_hint(self.model, self.context.settings)
        message = f"Ready: {what}" + (f". {hint}" if hint else "")
        self.call_from_thread(self._set_model_state, MODEL_READY, message)

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

        await self._loaded.wait()
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
        # The guard's off-topic signal embeds the card's lines once (seconds): start now, in
        # the background, so a model's first reply does not wait for it.
        from simulator.voices.factory import warm_up_guard

        threading.Thread(
            target=warm_up_guard, args=(setup.model, card), name="guard-warm-up", daemon=True
        ).start()
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

        if not self.context.guest:
            self.push_screen(SessionsScreen())

    def back_to_picker(self) -> None:
        """Close every screen above the persona picker."""
        while len(self.screen_stack) > 1:
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


def open_picker() -> bool:
    """A bare `attune`: the picker drawn from its cache, the rest loaded after the first frame.

    False, having run nothing, when the cache does not answer (a card or the config changed,
    or none was written yet): the caller then starts the slow way, which writes it. A failure
    to load after the first frame is raised once the app has closed, as the slow path would
    have raised it before opening.
    """
    try:
        cache = picker_cache()
    except (OSError, AttuneError):
        return False
    preview = cache.read()
    if preview is None:
        return False
    app = AttuneApp(preview)
    app.run()
    if app.load_failure is not None:
        cache.forget()
        raise app.load_failure
    return True

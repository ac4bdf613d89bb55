"""What the TUI needs from the core, gathered once: settings, personas, the store, the model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from simulator.llm.client import CallOptions
from simulator.personas import Catalog, PersonaCard
from simulator.personas.files import persona_dirs
from simulator.personas.loader import load_catalog, load_default_catalog
from simulator.safety import Distress, detect_distress
from simulator.settings.config import Settings, load_settings
from simulator.store.sqlite import SessionStore
from simulator.support import paths
from simulator.support.errors import AttuneError
from simulator.voices.base import Voice
from simulator.voices.factory import make_voice, warm_up

VoiceFactory = Callable[[str, PersonaCard, Settings, int], Voice]
WarmUp = Callable[[str, Settings], str]
DraftOptions = Callable[[str, Settings], CallOptions]


def draft_options(model: str, settings: Settings) -> CallOptions:
    """How the new-scenario form calls the drafting model (imported on use: the first frame
    never pays for the scenario builder)."""
    from simulator.scenario.draft import draft_options as options

    return options(model, settings)


@dataclass
class AppContext:
    """The app's dependencies; tests build one with fakes."""

    settings: Settings
    catalog: Catalog
    model: str
    store: SessionStore | None = None
    store_problem: str | None = None
    """Why sessions cannot be saved (shown in the UI), if they cannot."""
    voice_factory: VoiceFactory = make_voice
    warm_up: WarmUp = warm_up
    judge: str | None = None
    draft_options: DraftOptions = draft_options
    """Call options for drafting a learner's card with the model (tests mock the model)."""
    home_label: str = field(default="")
    """Where sessions are kept, as shown to the learner."""
    guest: bool = False
    """A visitor's tab under `attune serve`: practise and save, but no saved-sessions list,
    no other session's debrief, no card made, edited or deleted."""
    safety: Callable[[str], Distress | None] = detect_distress
    """The check for real distress in a learner's message (tests bring their own)."""

    def __post_init__(self) -> None:
        if not self.home_label and self.store is not None:
            self.home_label = paths.home_label(self.store.path)


def build_context(
    model: str | None = None, persona_folders: tuple[Path, ...] = (), *, guest: bool = False
) -> AppContext:
    """Read settings and personas (errors raise) and open the store (errors are kept).

    A guest gets the shipped and --personas cards but not the owner's own folder: those
    cards tell the owner's own story.
    """
    settings = load_settings()
    if guest:
        catalog = load_catalog(persona_dirs(persona_folders, user=False))
    else:
        catalog = load_default_catalog(persona_folders)
    store: SessionStore | None = None
    problem: str | None = None
    try:
        store = SessionStore.default()
    except AttuneError as exc:
        problem = str(exc)
    return AppContext(
        settings=settings,
        catalog=catalog,
        model=model or settings.model.name,
        store=store,
        store_problem=problem,
        judge=settings.model.judge,
        guest=guest,
    )

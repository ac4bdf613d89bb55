"""Pick the voice for a model name: authored lines, the embedded model, or any litellm model."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from simulator.llm.client import LOCAL, SCRIPTED, CallOptions, check_model, missing_keys
from simulator.modes import PracticeMode
from simulator.personas.card import PersonaCard
from simulator.settings.config import Settings
from simulator.support.errors import ModelError, UnknownModelError
from simulator.voices.base import Voice

if TYPE_CHECKING:
    from simulator.classifier import Classification

# Voices and the classifier are imported when first asked for: the model voice pulls in
# the prompt templates and their schemas, which the TUI's first frame must not wait for.


def make_voice(model: str, card: PersonaCard, settings: Settings, seed: int = 0) -> Voice:
    """A voice for `model`; raises UnknownModelError for names litellm cannot route.

    For `local` the embedded model starts loading in the background right away.
    """
    if model == SCRIPTED:
        from simulator.voices.scripted import ScriptedVoice

        return ScriptedVoice(card, seed=seed)
    check_model(model, settings.local)
    if model == LOCAL:
        from simulator.llm.local_model import local_model

        local_model(settings.local).start()
    from simulator.voices.model import ModelVoice

    return ModelVoice(
        card, CallOptions.from_settings(settings.model, settings.local, model=model), seed
    )


def make_classifier(
    judge: str | None, settings: Settings, mode: PracticeMode = "listen"
) -> Callable[[str], Classification]:
    """A practice mode's rule classifier, merged with an LLM judge when `judge` names a model."""
    from simulator.classifier import classify

    rules: Callable[[str], Classification] = partial(classify, mode=mode)
    if not judge:
        return rules
    if judge == SCRIPTED:
        raise UnknownModelError("the judge must be a model: 'scripted' has no judgement")
    check_model(judge, settings.local)
    from simulator.classifier.judge import JudgedClassifier

    options = CallOptions.from_settings(settings.model, settings.local, model=judge)
    return JudgedClassifier(options, rules, mode)


def warm_up_guard(model: str, card: PersonaCard) -> bool:
    """Embed `card`'s lines for the guard's off-topic check now (seconds on 2 cores), so a
    model's first reply does not wait; False for the authored voice, which is never guarded.

    Blocking: a UI runs it on a worker thread.
    """
    if model == SCRIPTED:
        return False
    from simulator.guard import warm_up as warm_up_topic
    from simulator.guard.sense import card_text

    return warm_up_topic(card_text(card))


def warm_up(model: str, settings: Settings, timeout_s: float = 120.0) -> str:
    """Load what `model` needs (litellm; the embedded model's weights) and say what is ready.

    Blocking: a UI runs it on a worker thread. Raises UnknownModelError or ModelError.
    """
    if model == SCRIPTED:
        return "authored lines (no model)"
    check_model(model, settings.local)
    if model == LOCAL:
        from simulator.llm.local_model import local_model

        loaded = local_model(settings.local)
        loaded.start()
        loaded.server(timeout=timeout_s)
        path = settings.local.model_path
        return "the embedded model (SmolLM2-135M)" if path is None else f"{path.name} (llama.cpp)"
    missing = missing_keys(model)
    if missing:
        raise ModelError(model, "auth", f"needs {', '.join(missing)} in the environment")
    return model

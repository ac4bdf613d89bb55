"""Prompt templates (`prompts/*.j2`) and the pydantic context each one is rendered with."""

from simulator.prompting.contexts import (
    TEMPLATES,
    JudgeContext,
    MoveChoice,
    PersonaContext,
)
from simulator.prompting.render import environment, render, render_block

__all__ = [
    "TEMPLATES",
    "JudgeContext",
    "MoveChoice",
    "PersonaContext",
    "environment",
    "render",
    "render_block",
]

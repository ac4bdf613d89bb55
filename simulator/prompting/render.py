"""The single jinja2 environment and a typed `render()`."""

from __future__ import annotations

from functools import lru_cache

import jinja2
from pydantic import BaseModel

from simulator.prompting.contexts import TEMPLATES
from simulator.support.paths import data_dir


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The prompts environment: strict about undefined names, tidy about whitespace."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("prompts")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # plain-text prompts, not HTML
    )


def _checked(template: str, context: BaseModel) -> jinja2.Template:
    expected = TEMPLATES.get(template)
    if expected is None or not isinstance(context, expected):
        raise TypeError(f"{template} is rendered with {expected}, not {type(context).__name__}")
    return environment().get_template(template)


def render(template: str, context: BaseModel) -> str:
    """Render `template` with its declared context model (anything else is a bug)."""
    return _checked(template, context).render(**dict(context))


def render_block(template: str, block: str, context: BaseModel) -> str:
    """Render one `{% block %}` of a template on its own (e.g. the stable part of a prompt)."""
    compiled = _checked(template, context)
    if block not in compiled.blocks:
        raise KeyError(f"{template} has no block '{block}'")
    return "".join(compiled.blocks[block](compiled.new_context(dict(context)))).strip("\n") + "\n"

"""User-facing errors: each carries a one-line message that names what is wrong."""

from __future__ import annotations

from pathlib import Path


class AttuneError(Exception):
    """A problem caused by input the user can fix; the CLI prints it and exits 2."""


class PersonaError(AttuneError):
    """A persona card that cannot be used, with every problem found in it."""

    def __init__(self, path: Path, problems: list[str], hidden: int = 0) -> None:
        self.path = path
        self.problems = problems
        # Only the first MAX_REPORTED_PROBLEMS are worded; `hidden` more were counted.
        self.hidden = hidden
        others = len(problems) - 1 + hidden
        more = f" (and {others} more problem(s))" if others else ""
        super().__init__(f"{path}: {problems[0]}{more}")


class UnknownPersonaError(AttuneError):
    """A persona id that no loaded card has."""


class ScriptError(AttuneError):
    """A replay script that cannot be used."""


class UnknownModelError(AttuneError):
    """A model name that no backend can serve."""


class ConfigError(AttuneError):
    """A config file that cannot be used."""


class ModelError(AttuneError):
    """A model call that failed: timeout, auth, rate limit, unreachable, bad reply.

    `kind` lets a UI offer the right next step (retry, check a key, pick another model).
    """

    def __init__(self, model: str, kind: str, detail: str) -> None:
        self.model = model
        self.kind = kind
        self.detail = detail
        super().__init__(f"model '{model}': {detail}")


class StoreError(AttuneError):
    """The sessions database cannot be used: corrupt, locked, unwritable or too new."""


class UnreadableSessionError(StoreError):
    """A saved session with a stored value of the wrong type (edited by hand, or damaged)."""

    def __init__(self, session_id: str, column: str, message: str) -> None:
        self.session_id = session_id
        self.column = column
        super().__init__(message)


class UnknownSessionError(AttuneError):
    """A session id (or prefix) that matches no saved session, or more than one."""


class MessageError(AttuneError):
    """A learner message that cannot be a turn (empty, or far too long)."""

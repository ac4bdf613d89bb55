"""Release a streamed reply sentence by sentence, each one checked before it is shown.

A sentence that breaks character stops the stream: what was already shown stays
(the reply is trimmed there), or, if nothing was shown yet, the caller retries.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from simulator.guard.checks import GuardContext, findings, sentences
from simulator.guard.reasons import Finding, GuardReason
from simulator.guard.tidy import tidy

_TERMINAL = (".", "!", "?", "…", '"', "”")
_OPEN_QUOTES = ('"', "“")


class GateResult(BaseModel):
    """What a gate let through, and why it stopped early (if it did)."""

    model_config = ConfigDict(frozen=True)

    text: str
    """The released sentences, joined: exactly what the learner saw."""
    findings: list[Finding]
    """Why the rest was held back (empty when the whole reply passed)."""

    @property
    def accepted(self) -> bool:
        """True when at least one sentence was released."""
        return bool(self.text)

    @property
    def trimmed(self) -> bool:
        """True when part of the reply was released and the rest held back."""
        return bool(self.text) and bool(self.findings)


def _strip_quotes(sentence: str, first: bool) -> str:
    out = sentence
    if first and out.startswith(_OPEN_QUOTES):
        out = out[1:].lstrip()
    if out.endswith(('"', "”")) and (out.count('"') + out.count("“") + out.count("”")) % 2 == 1:
        out = out[:-1].rstrip()
    return out


class SentenceGate:
    """Feed it a model's chunks; it returns the text that may be shown now."""

    def __init__(self, ctx: GuardContext) -> None:
        self.ctx = ctx
        self._raw = ""
        self._released: list[str] = []
        self._findings: list[Finding] = []
        self.stopped = False

    def feed(self, chunk: str) -> str:
        """Add a chunk; return newly released text ('' if none). Stops at the first problem."""
        if self.stopped:
            return ""
        self._raw += chunk
        parts = sentences(tidy(self._raw, self.ctx.name))
        # The last part is complete only once whitespace follows its full stop.
        ended = self._raw[-1:].isspace() and bool(parts) and parts[-1].endswith(_TERMINAL)
        complete = parts if ended else parts[:-1]
        out = self._release(complete[len(self._released) :])
        if not self.stopped and not ended and parts:
            pending = " ".join([*self._released, parts[-1]])
            if len(pending) > self.ctx.max_chars:
                # This sentence can only fail the length check; judge it now, not when it ends.
                out += self._release(parts[-1:])
        return out

    def finish(self) -> GateResult:
        """End of stream: check the last sentence and report what was let through."""
        if not self.stopped:
            parts = sentences(tidy(self._raw, self.ctx.name))
            tail = parts[len(self._released) :]
            # A final fragment cut off by the token limit is dropped if anything was said.
            if tail and self._released and not tail[-1].endswith(_TERMINAL):
                tail = tail[:-1]
            self._release(tail)
        if not self._released and not self._findings:
            self._findings.append(Finding(reason=GuardReason.EMPTY, evidence="no words"))
        self.stopped = True
        return GateResult(text=" ".join(self._released), findings=list(self._findings))

    def _release(self, new: list[str]) -> str:
        out: list[str] = []
        for raw_sentence in new:
            if len(self._released) >= self.ctx.max_sentences:
                break
            sentence = " ".join(_strip_quotes(raw_sentence, not self._released).split())
            if not sentence:
                continue
            candidate = " ".join([*self._released, sentence])
            problems = list(findings(candidate, self.ctx))
            if problems:
                self._findings.extend(problems)
                self.stopped = True
                break
            self._released.append(sentence)
            out.append(sentence)
        if len(self._released) >= self.ctx.max_sentences:
            # A full turn has been said; the rest is not decoded, let alone shown.
            self.stopped = True
        if not out:
            return ""
        lead = " " if len(self._released) > len(out) else ""
        return lead + " ".join(out)

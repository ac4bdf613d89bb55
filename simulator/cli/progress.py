"""Download progress on stderr: a tqdm bar in a terminal, a line per tenth elsewhere."""

from __future__ import annotations

import importlib
from types import TracebackType
from typing import Any, TextIO

from simulator.support.textsafe import printable


class LineProgress:
    """A tqdm-shaped progress report that prints `NAME: 30% (150 of 491 MB)` per tenth.

    For logs and pipes, where a redrawn bar would be a wall of carriage returns.
    """

    stream: TextIO

    def __init__(
        self,
        *,
        total: int | None = None,
        initial: int = 0,
        desc: str = "",
        **_: Any,
    ) -> None:
        self.total = total
        self.n = initial
        self.desc = printable(desc)
        self._shown = self._tenth()
        if initial and total:
            self._print()

    def _tenth(self) -> int:
        return int(10 * self.n / self.total) if self.total else 0

    def _print(self) -> None:
        mb = f"{self.n / 1e6:.1f} of {self.total / 1e6:.1f} MB" if self.total else ""
        pct = 100 * self.n // self.total if self.total else 0
        self.stream.write(f"{self.desc}: {pct}% ({mb})\n")
        self.stream.flush()

    def update(self, n: int = 1) -> None:
        """Count `n` more bytes; print when a new tenth is reached."""
        self.n += n
        tenth = self._tenth()
        if tenth != self._shown:
            self._shown = tenth
            self._print()

    def close(self) -> None:
        """Nothing to tidy up (tqdm's interface)."""

    def __enter__(self) -> LineProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def progress_class(stream: TextIO) -> Any:
    """The class huggingface_hub builds its progress bar from (`tqdm_class`) for `stream`."""
    if stream.isatty():
        # tqdm has no type information; its bar is built as a subclass at run time.
        base: Any = importlib.import_module("tqdm").tqdm

        def init(self: Any, *args: Any, **kwargs: Any) -> None:
            kwargs.pop("name", None)
            base.__init__(self, *args, file=stream, dynamic_ncols=True, **kwargs)

        return type("Bar", (base,), {"__init__": init})

    class Lines(LineProgress):
        pass

    Lines.stream = stream
    return Lines

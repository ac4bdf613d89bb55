"""Read files and stdin from outside as text, never more than a limit, one line per failure."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from simulator.support.errors import AttuneError
from simulator.support.limits import MAX_FILE_BYTES, MAX_LINE_BYTES, MAX_STDIN_BYTES
from simulator.support.textsafe import scrub

STDIN = "<stdin>"
# Opening a FIFO for reading blocks until a writer comes; non-blocking, it opens at
# once and fstat then says what it is. Regular files ignore the flag.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 64 * 1024


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """A regular UTF-8 file's text; AttuneError for a folder, FIFO, device or one too large."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise AttuneError(f"{path}: no such file") from None
    except OSError as exc:
        raise AttuneError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise AttuneError(f"{path}: is a folder, expected a file")
        if not stat.S_ISREG(mode):
            raise AttuneError(f"{path}: is {_kind(mode)}, expected a regular file")
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as exc:
        raise AttuneError(f"{path}: cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise AttuneError(f"{path}: file is more than the {max_bytes:,} bytes allowed")
    return decode(path, data)


def _read_at_most(fd: int, limit: int) -> bytes:
    # The size stat reports can lie (a file still growing, /proc): read, and count.
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def decode(source: Path | str, data: bytes) -> str:
    """UTF-8 bytes as text with surrogates scrubbed; AttuneError naming the first bad byte."""
    try:
        return scrub(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise AttuneError(f"{source}: not valid UTF-8 (byte {exc.start})") from None


def read_stdin(max_bytes: int = MAX_FILE_BYTES) -> str:
    """All of stdin as text, refused (one line) when it is more than `max_bytes`."""
    stream = sys.stdin
    if stream is None:
        return ""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_much(max_bytes)
        return decode(STDIN, data)
    # A text stream without bytes underneath (a test's StringIO): count what it holds.
    text: str = stream.read(max_bytes + 1)
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise _too_much(max_bytes)
    return scrub(text)


def _too_much(max_bytes: int) -> AttuneError:
    return AttuneError(f"{STDIN}: more than the {max_bytes:,} bytes allowed")


def read_line(max_bytes: int = MAX_LINE_BYTES) -> str | None:
    """One line from stdin without its line ending; None at the end of input."""
    stream = sys.stdin
    if stream is None:
        return None
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        raw: bytes = buffer.readline(max_bytes + 1)
        if not raw:
            return None
        if len(raw.rstrip(b"\r\n")) > max_bytes:
            raise _line_too_long(max_bytes)
        return decode(STDIN, raw.rstrip(b"\r\n"))
    line: str = stream.readline(max_bytes + 1)
    if not line:
        return None
    line = line.rstrip("\r\n")
    if len(line.encode("utf-8", "surrogatepass")) > max_bytes:
        raise _line_too_long(max_bytes)
    return scrub(line)


def _line_too_long(max_bytes: int) -> AttuneError:
    return AttuneError(f"{STDIN}: a line longer than the {max_bytes:,} bytes allowed")


def stdin_lines(
    max_line_bytes: int = MAX_LINE_BYTES, max_total: int | None = None
) -> Iterator[str]:
    """Stdin line by line (endings removed), each and all together within their limits."""
    max_total = MAX_STDIN_BYTES if max_total is None else max_total
    total = 0
    number = 0
    while True:
        try:
            line = read_line(max_line_bytes)
        except AttuneError as exc:
            raise AttuneError(f"{exc}".replace(STDIN, f"{STDIN} line {number + 1}", 1)) from None
        if line is None:
            return
        number += 1
        total += len(line.encode("utf-8", "surrogatepass")) + 1
        if total > max_total:
            raise AttuneError(
                f"{STDIN}: more than the {max_total:,} bytes allowed at once (at line {number}); "
                "split the input"
            )
        yield line

"""The practice screen served to a web browser with textual-serve (`attune serve`)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

# textual-serve's page asks a public font service for a font; practice stays on this machine.
_REMOTE_FONT = re.compile(r"<link\b[^>]*fonts\.googleapis\.com[^>]*>", re.IGNORECASE | re.DOTALL)


def local_templates(folder: Path) -> Path:
    """textual-serve's page template, minus the remote font, written into `folder`."""
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    page = _REMOTE_FONT.sub("", source.read_text(encoding="utf-8"))
    (folder / "app_index.html").write_text(page, encoding="utf-8")
    return folder


def serve_in_browser(command: str, host: str, port: int, public_url: str) -> None:
    """Serve `command` (the practice TUI) on host:port until interrupted; OSError if it can't."""
    from textual_serve.server import Server

    with tempfile.TemporaryDirectory(prefix="attune-serve-") as templates:
        server = Server(
            command,
            host=host,
            port=port,
            title="attune",
            public_url=public_url,
            templates_path=local_templates(Path(templates)),
        )
        server.serve()

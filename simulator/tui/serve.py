"""The practice screen served to a web browser with textual-serve (`attune serve`)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import textual_serve
from aiohttp import web
from textual_serve.server import Server

from simulator.tui.serve_gate import TokenGate

# textual-serve's page asks a public font service for a font; practice stays on this machine.
_REMOTE_FONT = re.compile(r"<link\b[^>]*fonts\.googleapis\.com[^>]*>", re.IGNORECASE | re.DOTALL)


def local_templates(folder: Path) -> Path:
    """textual-serve's page template, minus the remote font, written into `folder`."""
    source = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    page = _REMOTE_FONT.sub("", source.read_text(encoding="utf-8"))
    (folder / "app_index.html").write_text(page, encoding="utf-8")
    return folder


class GatedServer(Server):
    """textual-serve's server with every route (page, websocket, downloads, static files)
    behind the token gate."""

    def __init__(
        self,
        command: str,
        gate: TokenGate,
        *,
        host: str,
        port: int,
        public_url: str,
        templates_path: Path,
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title="attune",
            public_url=public_url,
            templates_path=templates_path,
        )
        self.gate = gate

    async def _make_app(self) -> web.Application:
        # textual-serve is pinned (1.1.3), so this one private hook is stable; the gate goes
        # first so no route of theirs, present or future, answers without the token.
        app = await super()._make_app()
        app.middlewares.insert(0, self.gate.middleware)
        return app


def serve_in_browser(command: str, host: str, port: int, public_url: str, token: str) -> None:
    """Serve `command` (the practice TUI) on host:port to holders of `token` until interrupted;
    OSError if it can't."""
    # One cookie name per port: two servers on this machine share the host's cookies.
    gate = TokenGate(token, cookie=f"attune-token-{port}")
    with tempfile.TemporaryDirectory(prefix="attune-serve-") as templates:
        server = GatedServer(
            command,
            gate,
            host=host,
            port=port,
            public_url=public_url,
            templates_path=local_templates(Path(templates)),
        )
        server.serve()

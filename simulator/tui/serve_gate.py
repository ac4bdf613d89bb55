"""The token that `attune serve` asks of every request, as Jupyter does: no token, no app."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from aiohttp import web
from aiohttp.typedefs import Handler

TOKEN_PARAM = "token"
FORBIDDEN = (
    "403 Forbidden\n\n"
    "Open the address `attune serve` printed, with its ?token=... (a new one each time it "
    "starts). This browser must also accept the page's cookie.\n"
)


def forbidden() -> web.Response:
    """A plain 403 page that shows nothing of the app."""
    return web.Response(
        status=403, text=FORBIDDEN, content_type="text/plain", headers={"Cache-Control": "no-store"}
    )


@dataclass(frozen=True)
class TokenGate:
    """Admits a request carrying the token in `?token=` or in the cookie the first page set."""

    token: str
    cookie: str

    def _matches(self, offered: str | None) -> bool:
        # Bytes: compare_digest refuses str with non-ASCII characters, which a visitor can send.
        return offered is not None and hmac.compare_digest(
            offered.encode("utf-8"), self.token.encode("utf-8")
        )

    def admits(self, request: web.Request) -> bool:
        """True when the query or the cookie carries the token."""
        return self._matches(request.query.get(TOKEN_PARAM)) or self._matches(
            request.cookies.get(self.cookie)
        )

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every route (page, websocket, downloads, static files) goes through here first."""
        if not self.admits(request) or not same_origin(request):
            return forbidden()
        if request.path == "/" and TOKEN_PARAM in request.query:
            return self._trade_for_cookie(request)
        return await handler(request)

    def _trade_for_cookie(self, request: web.Request) -> web.Response:
        # The address bar (shared on a video call) stops showing the token; the page, its
        # websocket and its downloads then carry the cookie instead.
        query = {k: v for k, v in request.query.items() if k != TOKEN_PARAM}
        response = web.Response(
            status=303,
            headers={
                "Location": str(request.rel_url.with_query(query)),
                "Cache-Control": "no-store",
            },
        )
        response.set_cookie(self.cookie, self.token, path="/", httponly=True, samesite="Strict")
        return response


def same_origin(request: web.Request) -> bool:
    """False for a request a page from another origin made (its browser says so in Origin).

    A websocket has no same-origin policy: without this, any page on this machine's other
    ports (the cookie is shared across ports) could drive a tab.
    """
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return origin.lower() == f"{request.scheme}://{request.host}".lower()

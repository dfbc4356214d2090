"""The ASGI guard around the app: GET only (unless ingest is on), bounded requests, strict headers."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Scripts only from this server, never inline. Styles may be inline: Plotly writes style attributes on its SVG.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
READ_METHODS = ("GET", "HEAD")
MAX_QUERY_BYTES = 2048  # a URL's query string
MAX_BODY_BYTES = 2_500_000  # a posted article record: the 2 MB article limit, JSON-escaped, with metadata


class Guard:
    """Refuses what a read-only server must not take, and adds security headers to every response.

    ``writable`` names the (method, path) pairs that may carry a body (POST /api/articles with --allow-ingest).
    """

    def __init__(self, app: ASGIApp, writable: frozenset[tuple[str, str]] = frozenset()):
        self.app = app
        self.writable = writable

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        refusal = self._refusal(scope)
        if refusal:
            status, detail, extra = refusal
            await _json(send_with_headers, status, detail, extra)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        method, path = scope["method"], scope["path"]
        if method not in READ_METHODS and (method, path) not in self.writable:
            return 405, "this server is read-only", [(b"allow", b"GET, HEAD")]
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            return 414, f"query string over {MAX_QUERY_BYTES} bytes", []
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            return 413, f"request body over {MAX_BODY_BYTES} bytes", []
        return None


async def _json(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *headers],
        }
    )
    await send({"type": "http.response.body", "body": body})

"""Fetching a feed the user named by its http(s) URL: newsgraph's only network access."""

from __future__ import annotations

import http.client
import re
import socket
import threading
from typing import IO
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import HTTPHandler, HTTPRedirectHandler, HTTPSHandler, Request, build_opener

from newsgraph.ingest.files import read_bounded, size_text

SCHEMES = ("http", "https")
URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")
HEADERS = {
    "User-Agent": "newsgraph (feed reader)",
    "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
}


def is_url(source: str) -> bool:
    """Whether a source names a URL (any scheme) rather than a path."""
    return URL_START.match(source) is not None


class _HttpOnlyRedirects(HTTPRedirectHandler):
    """Redirects are followed only to other http(s) URLs."""

    def redirect_request(
        self, req: Request, fp: IO[bytes], code: int, msg: str, headers: http.client.HTTPMessage, newurl: str
    ) -> Request | None:
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise HTTPError(newurl, code, f"redirect to {newurl} refused (not http or https)", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """An overall time limit on a fetch: when it passes, every connection the fetch opened is shut
    down, so a server that drips bytes (each read within the per-read timeout) is cut off too."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.passed = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        """Cut ``sock`` off at the deadline (at once if it has passed)."""
        with self._lock:
            self._sockets.append(sock)
            if self.passed:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.passed = True
            for sock in self._sockets:
                _shut(sock)

    def handlers(self) -> list[HTTPHandler | HTTPSHandler]:
        """urllib handlers whose connections this deadline watches."""
        deadline = self

        class Watched(http.client.HTTPConnection):
            def connect(self) -> None:
                super().connect()
                deadline.watch(self.sock)

        class WatchedTLS(http.client.HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                deadline.watch(self.sock)

        class Http(HTTPHandler):
            def http_open(self, req: Request) -> http.client.HTTPResponse:
                return self.do_open(Watched, req)

        class Https(HTTPSHandler):
            def https_open(self, req: Request) -> http.client.HTTPResponse:
                # the handler's own SSL context; typeshed does not declare HTTPSHandler's private _context
                return self.do_open(WatchedTLS, req, context=self._context)  # type: ignore[attr-defined]

        return [Http(), Https()]


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # closed already


def fetch(url: str, timeout: float, max_bytes: int, deadline: float = 60.0) -> bytes:
    """The body at ``url``, at most ``max_bytes``, within ``timeout`` seconds per read and
    ``deadline`` seconds in all; ValueError with a one-line reason otherwise."""
    if urlsplit(url).scheme.lower() not in SCHEMES:
        raise ValueError("only http and https URLs are fetched")
    with _Deadline(deadline) as limit:
        try:
            return _fetch(url, timeout, max_bytes, limit)
        except ValueError:
            if limit.passed:
                raise ValueError(f"fetch failed: no complete response within the {deadline:g}-second limit") from None
            raise


def _fetch(url: str, timeout: float, max_bytes: int, limit: _Deadline) -> bytes:
    # The opener is built per call: proxy settings are read from the environment now.
    opener = build_opener(_HttpOnlyRedirects, *limit.handlers())
    try:
        with opener.open(Request(url, headers=HEADERS), timeout=timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise ValueError(
                    f"response of {size_text(int(declared))} is over the {size_text(max_bytes)} limit for one fetch"
                )
            body = read_bounded(response, max_bytes, "one fetch")
    except HTTPError as exc:
        raise ValueError(f"fetch failed: HTTP {exc.code} {exc.reason}") from exc
    except URLError as exc:
        raise ValueError(f"fetch failed: {exc.reason}") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise ValueError(f"fetch failed: {exc or type(exc).__name__}") from exc
    if limit.passed:
        raise ValueError("deadline passed")  # the connection was cut: the body may be incomplete
    if not body:
        raise ValueError("empty response")
    return body

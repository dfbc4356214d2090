"""Fetching a feed the user named by its http(s) URL: newsgraph's only network access."""

from __future__ import annotations

import http.client
import re
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

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

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise HTTPError(newurl, code, f"redirect to {newurl} refused (not http or https)", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float, max_bytes: int) -> bytes:
    """The body at ``url``, at most ``max_bytes``; ValueError with a one-line reason otherwise."""
    if urlsplit(url).scheme.lower() not in SCHEMES:
        raise ValueError("only http and https URLs are fetched")
    opener = build_opener(_HttpOnlyRedirects)  # built per call: proxy settings are read from the environment now
    try:
        with opener.open(Request(url, headers=HEADERS), timeout=timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise ValueError(f"response of {size_text(int(declared))} is over the "
                                 f"{size_text(max_bytes)} limit for one fetch")
            body = read_bounded(response, max_bytes, "one fetch")
    except HTTPError as exc:
        raise ValueError(f"fetch failed: HTTP {exc.code} {exc.reason}") from exc
    except URLError as exc:
        raise ValueError(f"fetch failed: {exc.reason}") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise ValueError(f"fetch failed: {exc or type(exc).__name__}") from exc
    if not body:
        raise ValueError("empty response")
    return body

"""The FastAPI app: pages, the JSON API, static files (Plotly from the installed package) and the guard."""

from __future__ import annotations

import gzip
import hashlib
from functools import lru_cache
from pathlib import Path

import plotly
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markdown_it import MarkdownIt
from markupsafe import Markup
from starlette.exceptions import HTTPException

from newsgraph.api import Corpus
from newsgraph.web import api, meetings, pages
from newsgraph.web.plover import quad
from newsgraph.web.posting import posting_router
from newsgraph.web.security import Guard
from newsgraph.web.urls import actor_url, article_url, external_url, meeting_url

HERE = Path(__file__).parent
PLOTLY_PATH = "/static/plotly.min.js"
MARKDOWN = MarkdownIt("commonmark", {"html": False})  # raw HTML in a description is shown as text


def create_app(corpus: Corpus, *, ingest_token: str | None = None) -> FastAPI:
    """The web app over an open corpus; ``ingest_token`` turns on ``POST /api/articles`` (bearer token)."""
    app = FastAPI(
        title="newsgraph",
        version="1",
        docs_url=None,
        redoc_url=None,
        description="Who said what, who did what to whom, when and where: the corpus as JSON. "
        "Read-only unless the server was started with --allow-ingest.",
    )
    app.state.corpus = corpus
    app.state.templates = Jinja2Templates(env=_environment())
    # Starlette types a handler as taking any Exception, though it calls one only with the class it is registered
    # for: a handler of HTTPException (as FastAPI's own are) does not match that type.
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.get(PLOTLY_PATH, include_in_schema=False)(plotly_js)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    if ingest_token:
        app.include_router(posting_router(ingest_token))
    app.include_router(api.router)
    app.include_router(meetings.api_router)
    app.include_router(pages.router)
    app.include_router(meetings.page_router)
    writable = frozenset({("POST", "/api/articles")}) if ingest_token else frozenset()
    app.add_middleware(Guard, writable=writable)
    return app


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["markdown"] = markdown
    env.globals.update(
        actor_url=actor_url,
        article_url=article_url,
        external_url=external_url,
        meeting_url=meeting_url,
        quad=quad,
        plotly_src=f"{PLOTLY_PATH}?v={plotly.__version__}",
    )
    return env


def markdown(text: str | None) -> Markup:
    """The API's own descriptions (route docstrings, Markdown) as HTML for /docs."""
    return Markup(MARKDOWN.render(text or ""))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


async def _http_error(request: Request, exc: HTTPException) -> Response:
    if _wants_json(request):
        return await http_exception_handler(request, exc)
    return pages.render(request, "error.html", exc.status_code, code=exc.status_code, detail=exc.detail)


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    if _wants_json(request):
        return await request_validation_exception_handler(request, exc)
    detail = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
    return pages.render(request, "error.html", 422, code=422, detail=detail)


@lru_cache(maxsize=1)
def _plotly_bundle() -> tuple[bytes, bytes, str]:
    """plotly.min.js from the installed plotly package, its gzip form and an ETag."""
    raw = plotly.offline.get_plotlyjs().encode("utf-8")
    return raw, gzip.compress(raw, compresslevel=6), '"' + hashlib.sha256(raw).hexdigest()[:20] + '"'


def plotly_js(request: Request) -> Response:
    """Plotly's JavaScript, cached a year (the page links it with the version), gzipped when accepted."""
    raw, packed, etag = _plotly_bundle()
    headers = {"Cache-Control": "public, max-age=31536000, immutable", "ETag": etag, "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(packed, media_type="text/javascript", headers={**headers, "Content-Encoding": "gzip"})
    return Response(raw, media_type="text/javascript", headers=headers)

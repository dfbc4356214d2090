"""Posting articles to the server: ``POST /api/articles`` (only with ``newsgraph serve --allow-ingest``)
analyses and stores one posted article record.

The bearer token is checked (constant time) before the body is read; the body is read up to a limit.
The record gets the checks ``newsgraph ingest`` applies (types, length, English, publication date),
and is analysed in a worker process within the per-article time and memory limits: any failure is
a 422 with its one-line reason, and the server goes on.
"""

from __future__ import annotations

import hmac
import threading
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool

from newsgraph.web.security import MAX_BODY_BYTES
from newsgraph.web.urls import article_url

if TYPE_CHECKING:  # the NLP stack loads on the first post, not when the server starts
    from newsgraph.analyze import WorkerPool
    from newsgraph.api import Corpus
    from newsgraph.corpus import IngestReport
    from newsgraph.model import Article

ARTICLE_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {key: {"type": "string"} for key in ("text", "title", "published", "url", "source", "id")},
}


def authorised(header: str | None, token: str) -> bool:
    """``Authorization: Bearer <token>``, compared in constant time."""
    scheme, _, given = (header or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, refused (413) past ``limit`` bytes whatever Content-Length said."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"request body over {limit} bytes")
    return bytes(body)


def checked_article(body: bytes) -> Article:
    """The article a posted body holds, with the checks of ``newsgraph ingest``; ValueError with the reason."""
    from newsgraph.ingest.files import article_from_record, decode, parse_json, unfit_reason

    article = article_from_record(parse_json(decode(body)))
    reason = unfit_reason(article)
    if reason:
        raise ValueError(reason)
    return article


def posting_router(token: str) -> APIRouter:
    """The route, bound to ``token``; one ingest runs at a time, analysed in one worker process
    started on the first post and kept while the server runs."""
    lock = threading.Lock()
    workers: list[WorkerPool] = []

    def close_workers() -> None:
        while workers:
            workers.pop().close()

    router = APIRouter(prefix="/api", tags=["ingest"], on_shutdown=[close_workers])

    def analyse_and_store(corpus: Corpus, article: Article) -> IngestReport:
        """Analyse in the worker process, then store; a failed analysis is the report's one failure."""
        from newsgraph.analyze import WorkerPool
        from newsgraph.corpus import IngestReport
        from newsgraph.problems import Problem

        with lock:
            if not workers:
                workers.append(WorkerPool(1))
            outcome = next(workers[0].analyze([article]))
            if isinstance(outcome, Problem):
                return IngestReport(read=1, failed=[outcome])
            return corpus.ingest([outcome])

    @router.post(
        "/articles",
        status_code=201,
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": ARTICLE_SCHEMA}}}},
    )
    async def post_article(request: Request, response: Response) -> dict[str, Any]:
        """Analyse and store an article record (``text``; optional title, published, url, source, id).

        Needs ``Authorization: Bearer <token>``. 201 when stored, 200 when that id was stored already,
        422 with the reason when the record is refused or its analysis fails.
        """
        if not authorised(request.headers.get("authorization"), token):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        body = await read_body(request)
        try:
            article = await run_in_threadpool(checked_article, body)
        except ValueError as exc:
            raise HTTPException(422, f"not an article record: {exc}") from exc
        report = await run_in_threadpool(analyse_and_store, request.app.state.corpus, article)
        if report.skipped or report.failed:
            raise HTTPException(422, str((report.skipped or report.failed)[0]))
        if report.already_stored:
            response.status_code = 200
        status = "already stored" if report.already_stored else "near-duplicate" if report.duplicates else "stored"
        page = article_url(article.id)
        return {"id": article.id, "status": status, "record": "/api" + page, "page": page}

    return router

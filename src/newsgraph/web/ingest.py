"""``POST /api/articles`` (only with ``newsgraph serve --allow-ingest``): analyse and store one posted article.

The bearer token is checked (constant time) before the body is read; the body is read up to a limit.
"""

from __future__ import annotations

import hmac
import json
import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool

from newsgraph.ingest.files import article_from_record
from newsgraph.web.security import MAX_BODY_BYTES
from newsgraph.web.urls import article_url

ARTICLE_SCHEMA = {
    "type": "object", "required": ["text"],
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


def ingest_router(token: str) -> APIRouter:
    """The route, bound to ``token``; one ingest runs at a time."""
    router = APIRouter(prefix="/api", tags=["ingest"])
    lock = threading.Lock()

    @router.post("/articles", status_code=201, openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": ARTICLE_SCHEMA}}}})
    async def post_article(request: Request, response: Response) -> dict[str, Any]:
        """Analyse and store an article record (``text``; optional title, published, url, source, id).

        Needs ``Authorization: Bearer <token>``. 201 when stored, 200 when that id was stored already.
        """
        if not authorised(request.headers.get("authorization"), token):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        try:
            article = article_from_record(json.loads(await read_body(request)))
        except (ValueError, UnicodeDecodeError) as exc:
            raise HTTPException(422, f"not an article record: {exc}") from exc

        def store() -> Any:
            with lock:
                return request.app.state.corpus.ingest([article])

        report = await run_in_threadpool(store)
        if report.skipped or report.failed:
            raise HTTPException(422, str((report.skipped or report.failed)[0]))
        if report.already_stored:
            response.status_code = 200
        status = "already stored" if report.already_stored else "near-duplicate" if report.duplicates else "stored"
        page = article_url(article.id)
        return {"id": article.id, "status": status, "record": "/api" + page, "page": page}

    return router

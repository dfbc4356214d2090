"""``newsgraph serve``: the web UI and JSON API over a corpus database (see ``register``)."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli_corpus import DbOption, _fail, _open

MIN_TOKEN_CHARS = 16


def _token(token_file: Path | None) -> str:
    if token_file is None:
        _fail("--allow-ingest needs --token-file FILE (a secret of at least 16 characters)")
    try:
        token = token_file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        _fail(f"{token_file}: {exc.strerror or exc}")
    if len(token) < MIN_TOKEN_CHARS or any(c.isspace() for c in token):
        _fail(f"{token_file}: the token must be one word of at least {MIN_TOKEN_CHARS} characters")
    return token


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on (default: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="accept POST /api/articles (needs --token-file)")
    ] = False,
    token_file: Annotated[Path | None, typer.Option(help="file holding the bearer token for --allow-ingest")] = None,
) -> None:
    """Serve the web UI (search, actors, articles, overview) and the JSON API (/api, reference at /docs)."""
    import uvicorn

    from newsgraph.store.engine import DEFAULT_DB, database_url
    from newsgraph.web import create_app

    token = _token(token_file) if allow_ingest else None
    url = database_url(db)
    if url.startswith("sqlite:///") and not allow_ingest and not Path(url.removeprefix("sqlite:///")).exists():
        _fail(f"no database at {db or DEFAULT_DB}: run `newsgraph ingest FILES --db {db or DEFAULT_DB}` first")
    corpus = _open(db)
    if not _loopback(host):
        sys.stderr.write(f"newsgraph serve: listening on {host}, reachable from other machines\n")
    shown = f"[{host}]" if ":" in host else host
    sys.stderr.write(
        f"newsgraph serve: {corpus.engine.url.render_as_string(hide_password=True)}"
        f"{' (ingest on)' if token else ' (read-only)'}\n"
        f"  open http://{shown}:{port}/   (API reference: http://{shown}:{port}/docs; Ctrl+C stops)\n"
    )
    try:
        uvicorn.run(
            create_app(corpus, ingest_token=token),
            host=host,
            port=port,
            log_level="warning",
            limit_concurrency=64,
            server_header=False,
        )
    finally:
        corpus.close()


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``newsgraph`` app."""
    app.command("serve")(serve)

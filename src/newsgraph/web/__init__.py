"""The web UI and JSON API over a corpus database: ``create_app(corpus)``, served by ``newsgraph serve``."""

from newsgraph.web.app import create_app

__all__ = ["create_app"]

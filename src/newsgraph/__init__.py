"""newsgraph: who said what, who did what to whom, when and where, with evidence from news.

``newsgraph.open(db)`` opens a corpus (see ``newsgraph.api``); it is imported on first use so that
``import newsgraph`` stays cheap.
"""

from typing import Any

__all__ = ["open"]


def __getattr__(name: str) -> Any:
    if name == "open":
        from newsgraph.api import open as open_corpus

        return open_corpus
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")

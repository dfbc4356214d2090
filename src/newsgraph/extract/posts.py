"""Social-media posts embedded in article text ("… pic.twitter.com/x — Name (@handle) May 2, 2019").

Pages that embed a post keep, after extraction to text, the post's words followed by a link, a
dash, the author's name and handle and the date. The words are the author's own, a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SIGNATURE = re.compile(
    rf"—\s*(?P<name>[^—\n()]{{2,80}}?)\s*\(@\w{{1,30}}\)\s*(?:{MONTHS})\.? \d{{1,2}}, \d{{4}}[ \t]*$",
    re.MULTILINE,
)
LINK = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://\S+)\s*$")


@dataclass(frozen=True)
class EmbeddedPost:
    """Character ranges of a post's words and of its author's name."""

    start: int
    end: int
    name_start: int
    name_end: int


def embedded_posts(text: str) -> list[EmbeddedPost]:
    """Posts that end a paragraph with an author signature, their words running from the
    paragraph's start to the link before the signature."""
    posts = []
    for match in SIGNATURE.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        words = text[start : match.start()]
        link = LINK.search(words)
        end = start + (link.start() if link else len(words.rstrip()))
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start >= 10:
            posts.append(EmbeddedPost(start, end, match.start("name"), match.end("name")))
    return posts

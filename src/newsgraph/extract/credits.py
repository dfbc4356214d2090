"""Credit lines of news agencies ("(Reporting by A and B in Kyiv; Editing by C)") and photo credits
("(Ana Ruiz/Reuters)"): the journalists they name wrote, edited or photographed the story and are none of
its actors."""

from __future__ import annotations

import re

from newsgraph.extract.layout import DocLayout
from newsgraph.lang.en.names import CREDIT_ROLES

_ROLES = "|".join(re.escape(role) for role in CREDIT_ROLES)
# A parenthesised credit anywhere, or a paragraph that is one: "(Reporting by …)", "Editing by …".
CREDIT_LINE = re.compile(rf"\((?:{_ROLES}) by\b[^)\n]*\)?|^(?:{_ROLES}) by\b[^\n]*", re.IGNORECASE | re.MULTILINE)
# A photo credit: a name of two words or more and its agency in parentheses, "(Ana Ruiz/Reuters)",
# "( Ana Ruiz / Daily Star )"; not "(Ukraine/Russia)".
PHOTO_CREDIT = re.compile(r"\(\s?[A-Z][\w.'’-]* [A-Z][\w.'’ -]{1,40}?\s?/\s?[A-Z][^()\n]{1,50}\)")


def credit_tokens(layout: DocLayout) -> set[int]:
    """Indices of the tokens of the document's credit lines."""
    found = [*CREDIT_LINE.finditer(layout.text), *PHOTO_CREDIT.finditer(layout.text)]
    return {t.i for m in found for t in layout.tokens_between(m.start(), m.end())}

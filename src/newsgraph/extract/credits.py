"""Credit lines of news agencies ("(Reporting by A and B in Kyiv; Editing by C)"): the journalists they
name wrote or edited the story and are none of its actors."""

from __future__ import annotations

import re

from newsgraph.extract.layout import DocLayout
from newsgraph.lang.en.names import CREDIT_ROLES

_ROLES = "|".join(re.escape(role) for role in CREDIT_ROLES)
# A parenthesised credit anywhere, or a paragraph that is one: "(Reporting by …)", "Editing by …".
CREDIT_LINE = re.compile(rf"\((?:{_ROLES}) by\b[^)\n]*\)?|^(?:{_ROLES}) by\b[^\n]*", re.IGNORECASE | re.MULTILINE)


def credit_tokens(layout: DocLayout) -> set[int]:
    """Indices of the tokens of the document's credit lines."""
    return {t.i for m in CREDIT_LINE.finditer(layout.text) for t in layout.tokens_between(m.start(), m.end())}

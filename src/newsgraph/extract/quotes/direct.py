"""Direct speech: quotations with an adjacent cue, their chains and continuations, quoted
sentences standing alone, and embedded social-media posts."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.posts import embedded_posts
from newsgraph.extract.quotemarks import Quotation
from newsgraph.extract.quotes import speakers
from newsgraph.extract.quotes.cues import is_according_to, is_cue
from newsgraph.extract.quotes.state import Found, State
from newsgraph.lang.en.quotes import CUE_FORMS, SUBJECT_DEPS
from newsgraph.model import Actor

CUE_WINDOW = 7
SUBJECT_WINDOW = 16  # “…?” Canada’s envoy to the alliance, Paul Girard, told reporters
INTRODUCTION_WINDOW = 12  # "told reporters in Atlanta on Thursday morning: “…”"
CONTINUATION_CHARS = 200  # a quoted sentence right after another quote continues it…
CONTINUATION_PARAGRAPH_CHARS = 1200  # …and a quoted paragraph may follow a few paragraphs later


def direct_quotes(state: State) -> None:
    """Pass 1: quotations with a cue right after or before them, quotations that go on from the
    previous quote, and the quotations of a multi-paragraph chain."""
    text = state.text
    previous: Found | None = None
    chain: Found | None = None
    for quotation in state.quotations:
        inner = text[quotation.inner_start : quotation.inner_end]
        if not inner.strip():
            continue
        after = cue_after(state, quotation)
        before = cue_before(state, quotation) if after is None or is_according_to(after) else None
        if before is not None:
            after = None  # "X told Y: “…,” according to Z": X speaks, Z reports it
        cue = after or before
        found = None
        if cue is not None and (sentence_like(text, quotation, inner) or after is None):
            speaker, speaker_text = speakers.adjacent_speaker(state, quotation, cue) if after else (None, None)
            if speaker is None:
                speaker, speaker_text = speakers.speaker(state, cue)
            found = Found(
                speaker,
                speaker_text,
                "direct",
                cue,
                speakers.addressee(state, cue),
                quotation.inner_start,
                quotation.inner_end,
            )
        elif (source := carried_over(state, chain, previous, quotation)) is not None:
            found = Found(
                source.speaker,
                source.speaker_text,
                "direct",
                source.cue,
                source.addressee,
                quotation.inner_start,
                quotation.inner_end,
            )
        if found is not None:
            if chain is not None and chain.speaker is None and found.speaker is not None:
                chain.speaker, chain.speaker_text = found.speaker, found.speaker_text
            state.found.append(found)
            previous = found
        chain = found if quotation.continues else None


def carried_over(state: State, chain: Found | None, previous: Found | None, quotation: Quotation) -> Found | None:
    """The quote whose speaker a quotation without a cue of its own takes: the multi-paragraph
    quote it continues, else the previous quote when it goes on from it or is joined to it by "and"."""
    if chain is not None:
        return chain
    if previous is not None and (continues(state, previous, quotation) or coordinated(state.text, previous, quotation)):
        return previous
    return None


def sentence_like(text: str, quotation: Quotation, inner: str) -> bool:
    """A quotation that is a sentence of its own rather than words inside one."""
    stripped = inner.strip()
    if stripped[:1].isupper() or stripped[:1] in "…'‘":
        return True
    before = text[: quotation.start].rstrip()
    return not before or before[-1] in ".:\n"


def cue_after(state: State, quotation: Quotation) -> Token | None:
    """`“…,” she said`, `“…,” said X` and `“…?” X's envoy to Y, Z, told reporters`: a cue right
    after the closing mark, or after a longer phrase that is all its subject."""
    doc = state.doc
    token = state.layout.token_at_or_after(quotation.end)
    if token is None:
        return None
    if token.sent.start > doc[max(token.i - 1, 0)].i and not asks_or_exclaims(state.text, quotation):
        return None  # a new sentence after a quoted statement; after “…?” the parser splits too eagerly
    limit = next((q.start for q in state.quotations if q.start >= quotation.end), len(state.text))
    words: list[Token] = []
    while token is not None and len(words) < SUBJECT_WINDOW and token.idx < limit:
        if token.text in {".", "!", "?", "\n"} or "\n" in token.text:
            return None
        if is_cue(token) or (token.lower_ in CUE_FORMS and not token.ent_type_) or is_according_to(token):
            return token if len(words) < CUE_WINDOW or subject_from(token, words[0]) else None
        words.append(token)
        token = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return None


def asks_or_exclaims(text: str, quotation: Quotation) -> bool:
    """A quotation ending in "?", "!" or ",": what follows it may still be its attribution."""
    return text[quotation.inner_start : quotation.inner_end].rstrip()[-1:] in {"?", "!", ","}


def subject_from(cue: Token, first: Token) -> bool:
    """The cue's subject starts at ``first``: the words between quotation and cue all name the speaker."""
    return any(c.dep_ in SUBJECT_DEPS and c.left_edge.i == first.i for c in cue.children)


def cue_before(state: State, quotation: Quotation) -> Token | None:
    """`X said: “…”` or `X said, “…”`: a cue just before the opening mark."""
    preceding = state.layout.tokens_between(0, quotation.start)
    tokens = list(preceding[max(len(preceding) - INTRODUCTION_WINDOW, 0) :])
    if not tokens or tokens[-1].text not in {":", ","}:
        return None
    for token in reversed(tokens[:-1]):
        if token.text in {".", "!", "?"} or "\n" in token.text or state.inside_quotation(token):
            return None
        if is_cue(token):
            return token
    return None


def continues(state: State, previous: Found, quotation: Quotation) -> bool:
    """A quoted sentence with no cue right after a quote: the same speaker goes on."""
    before = state.text[: quotation.start].rstrip()
    if before and before[-1] not in '.!?\n”"':
        return False
    starts_paragraph = before[-1:] in ("", "\n")
    limit = CONTINUATION_PARAGRAPH_CHARS if starts_paragraph else CONTINUATION_CHARS
    if len(state.text[previous.end : quotation.start]) > limit:
        return False
    tokens = state.tokens_in(previous.end, quotation.start)
    speaker_id = previous.speaker.id if previous.speaker else None
    for token in tokens:
        actor = state.actors.actor_at(token)
        if actor is None or actor.id == speaker_id or state.inside_quotation(token):
            continue
        if actor.kind == "person" and token.dep_ in SUBJECT_DEPS:
            return False
    return True


def coordinated(text: str, previous: Found, quotation: Quotation) -> bool:
    """“Build that wall!” and “Go back!”: a quotation joined to the previous one by "and"/"or"."""
    gap = text[previous.end : quotation.start].strip(' ,”"’').lower()
    return gap in {"and", "or"}


def standalone_quotations(state: State) -> None:
    """Pass 4: a quoted sentence with no cue at all: the speaker of the nearest earlier quote, else
    the person the previous paragraph is about (its last person subject)."""
    text = state.text
    for quotation in state.quotations:
        if any(f.start <= quotation.inner_start < f.end for f in state.found):
            continue
        first = state.layout.token_at_or_after(quotation.start)
        if first is None or first.i in state.heading_tokens:
            continue  # marks inside the last word; a quoted phrase in a headline or a "READ MORE:" link
        inner = text[quotation.inner_start : quotation.inner_end]
        before = text[: quotation.start].rstrip(" ")
        if not inner.strip() or not inner.strip()[:1].isupper() or before[-1:] not in ("", "\n", ".", "!", "?", ":"):
            continue
        earlier = [f for f in state.found if f.end <= quotation.start]
        previous = max(earlier, key=lambda f: f.end) if earlier else None
        if previous is not None and continues(state, previous, quotation):
            speaker, speaker_text, cue = previous.speaker, previous.speaker_text, previous.cue
        elif (quoted := previous_paragraph_speaker(state, quotation)) is not None:
            speaker, speaker_text, cue = quoted.speaker, quoted.speaker_text, quoted.cue
        else:
            speaker, speaker_text, cue = paragraph_subject(state, quotation), None, None
        if speaker is not None or speaker_text is not None:
            state.found.append(
                Found(speaker, speaker_text, "direct", cue, None, quotation.inner_start, quotation.inner_end)
            )


def previous_paragraph_speaker(state: State, quotation: Quotation) -> Found | None:
    """The last person quoted directly in the paragraph before a quoted paragraph: it goes on."""
    layout = state.layout
    here = layout.paragraph_of(quotation.start)
    if state.text[: quotation.start].rstrip(" ")[-1:] not in ("", "\n"):
        return None
    quoted = [
        f
        for f in state.found
        if f.kind == "direct"
        and f.speaker is not None
        and f.speaker.kind == "person"
        and layout.paragraph_of(f.start) == here - 1
    ]
    return max(quoted, key=lambda f: f.end) if quoted else None


def paragraph_subject(state: State, quotation: Quotation) -> Actor | None:
    """The last person subject (outside quotations) of the paragraph before the quotation."""
    text = state.text
    para_start = text.rfind("\n", 0, quotation.start)
    previous_start = text.rfind("\n", 0, max(para_start - 1, 0))
    window = state.layout.tokens_between(previous_start + 1, quotation.start)
    for token in reversed(window):
        actor = state.actors.actor_at(token)
        subject = token.dep_ in SUBJECT_DEPS or (token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS)
        if actor is not None and actor.kind == "person" and subject and not state.inside_quotation(token):
            return actor  # the subject, or its possessor ("Her message is simple: …")
    return None


def posts(state: State) -> None:
    """Pass 5: a post embedded in the page, signed "— Name (@handle) date": its author's words."""
    for post in embedded_posts(state.text):
        if state.covered(post.start, post.end):
            continue
        named = [state.actors.actor_at(t) for t in state.tokens_in(post.name_start, post.name_end)]
        speaker = next((a for a in named if a is not None), None)
        state.found.append(
            Found(speaker, state.text[post.name_start : post.name_end], "direct", None, None, post.start, post.end)
        )

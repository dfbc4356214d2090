"""Reported speech: direct, partial and indirect quotes with a resolved speaker.

Three passes over one parsed document:
1. quotations (paired marks) attached to an adjacent cue: `“…,” she said`, `said X`,
   `X told reporters: “…”`, split quotes, multi-paragraph quotes, and a quoted sentence with no
   cue of its own that follows a quote of the same speaker;
2. cue verbs with a clausal complement (indirect speech, or partial when the clause holds
   quoted words), and "according to X";
3. quoted fragments governed by a cue verb outside such a clause (called him “a predator”).
A quotation attached to nothing (a scare quote such as a “buffer zone”) is not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.actors import ActorIndex, main_clause_subject
from newsgraph.extract.layout import layout_of
from newsgraph.extract.posts import embedded_posts
from newsgraph.extract.quotemarks import Quotation
from newsgraph.lang.en.quotes import (
    ADDRESSEE_VERBS,
    ADVICE_VERBS,
    CLIMB_DEPS,
    CONTENT_DEPS,
    CUE_FORMS,
    DOCUMENT_NOUNS,
    LEADING_MARKS,
    NAMING_VERBS,
    PARTITIVES,
    PHRASAL_CUES,
    PHRASAL_LEMMAS,
    QUOTE_MARKS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    VOICE_NOUNS,
    WH_TAGS,
    WH_WORDS,
)
from newsgraph.model import Actor, Quote

CUE_WINDOW = 7
INTRODUCTION_WINDOW = 12  # "told reporters in Atlanta on Thursday morning: “…”"
CONTINUATION_CHARS = 200  # a quoted sentence right after another quote continues it…
CONTINUATION_PARAGRAPH_CHARS = 1200  # …and a quoted paragraph may follow a few paragraphs later
# A dateline opening a paragraph: "KYIV, Ukraine — ", "BEIJING (Reuters) - ".
DATELINE = re.compile(r"[A-Z]{2}[A-Z.'’ -]*[A-Z.](?:, [A-Z][\w.'’ ]{0,30}?)?(?: \([^)\n]{1,30}\))? [—–-]+ ")
WORD = re.compile(r"\w+(?:[-‐]\w+)*")  # a word, hyphenated ones whole
# What may lie between two pieces of one reported clause: "co" + "-" + "chair", "“terrorists” left".
PIECE_GAP = re.compile(r"[\s\-‐“”\"‘’]*")


@dataclass
class _Found:
    speaker: Actor | None
    speaker_text: str | None
    kind: str
    cue: Token | None
    addressee: Actor | None
    start: int
    end: int


def is_cue(token: Token) -> bool:
    """A reporting verb (by lemma), including phrasal ones ("ruled out")."""
    lemma = token.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in PHRASAL_LEMMAS:
        return False
    if token.pos_ not in {"VERB", "AUX"} and token.tag_[:2] != "VB":
        return False
    return lemma in SPEECH_VERBS or any(
        (lemma, c.lower_) in PHRASAL_CUES for c in token.children if c.dep_ == "prt")


def cue_text(token: Token) -> str:
    """The cue as printed, with its particle ("ruled out")."""
    particles = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text, *particles])


class _Extractor:
    def __init__(self, doc: Doc, actors: ActorIndex):
        self.doc = doc
        self.actors = actors
        self.layout = layout_of(doc)
        self.text = self.layout.text
        self.quotations = self.layout.quotations
        self.heading_tokens = self.layout.heading_tokens
        self.found: list[_Found] = []
        self.datelines = self.dateline_tokens()

    # -- tokens ------------------------------------------------------------------------
    def tokens_in(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def token_at_or_after(self, char: int) -> Token | None:
        return self.layout.token_at_or_after(char)

    def covered(self, start: int, end: int) -> bool:
        """True when most of the range is already part of a found quote."""
        for quote in self.found:
            overlap = min(end, quote.end) - max(start, quote.start)
            if overlap > 0.5 * (end - start):
                return True
        return False

    def inside_quotation(self, token: Token) -> bool:
        return self.layout.in_quotation(token)

    def dateline_tokens(self) -> set[int]:
        """Tokens of a dateline opening a paragraph ("KYIV, Ukraine —"): neither speaker nor content."""
        ids: set[int] = set()
        for paragraph in self.layout.paras:
            match = DATELINE.match(self.text, paragraph.start, paragraph.end)
            if match is not None:
                ids.update(t.i for t in self.layout.tokens_between(match.start(), match.end()))
        return ids

    # -- speakers ----------------------------------------------------------------------
    def resolve(self, token: Token) -> Actor | None:
        """The actor a noun phrase headed by ``token`` names: the head, else a modifier
        ("a State Department spokesperson"), else, for a statement or spokesperson, whoever
        it is from ("a statement from the ministry")."""
        actor = self.actors.actor_at(token)
        if actor is not None:
            return actor
        for child in token.children:  # "His father, Joseph Spindler, said"
            named = self.actors.actor_at(child) if child.dep_ == "appos" else None
            if named is not None and named.kind in {"person", "organization"}:
                return named  # "the aid group Gatsby", "the UN mission in Congo, MONUSCO,"
        voice = token.lemma_.lower() in VOICE_NOUNS or token.lower_ in VOICE_NOUNS
        # A possessor is not the speaker ("Norman's lawyers said"), except for whom a voice speaks.
        owners = set() if voice else {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
        named = [self.actors.actor_at(t) for t in token.subtree
                 if (voice or t.i < token.i) and t.i not in owners]
        named = [a for a in named if a is not None]
        persons = [a for a in named if a.kind == "person"]
        if persons:
            return persons[-1]  # "WHL commissioner Ron Robison": the name, not the employer
        return named[0] if named else None

    def speaker(self, cue: Token) -> tuple[Actor | None, str | None]:
        """The subject of the cue, climbing to governing clauses when the cue has none."""
        verb = cue
        shared = True  # the subject found is the cue's own, or shared ("…, saying", "and have alleged")
        for _ in range(5):
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if not subjects and verb.dep_ == "xcomp":  # "prompting the city to urge residents …"
                subjects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
            if verb.dep_ == "prep" and verb.lower_ == "according":
                subjects = [g for c in verb.children for g in c.children if g.dep_ == "pobj"]
            subjects = [c for c in subjects if not self.inside_quotation(c)  # “nobody knows …,” and added
                        and c.i not in self.datelines]  # "KYIV, Ukraine — …, officials said"
            if subjects:  # of two subjects (a misparsed "The charity Brightwater said"), a named one
                subject, actor = next(((c, a) for c in subjects if (a := self.resolve(c)) is not None),
                                      (subjects[0], None))
                if subject.tag_ in WH_TAGS and verb.dep_ == "relcl":
                    subject = verb.head  # "critics, who say …": the noun the clause describes
                    actor = self.resolve(subject)
                introduced = self.earlier_introduction(subject) if actor is None else None
                if introduced is not None:  # "The spokesperson added" after "A State Department spokesperson said"
                    return introduced.speaker, introduced.speaker_text
                actor = self.described_person(subject) or actor
                if actor is None and verb is cue and (subject.lower_ == "it" or _document_voice(subject)):
                    actor = self.recent_organization(subject)  # "it said", "a statement said"
                if actor is None and subject.lower_ == "they" and verb is cue:
                    group = self.plural_antecedent(subject)  # "The Conservatives believe …; they say …"
                    if group is not None:
                        return self.resolve(group), self.phrase(group)
                if actor is not None:
                    return actor, self.phrase(subject)
                main_clause = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
                if shared and (verb is cue or main_clause) and subject.tag_ != "PRP":
                    return None, self.phrase(subject)
            if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
                break
            shared = shared and (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG")
            verb = verb.head
        return None, None

    def described_person(self, subject: Token) -> Actor | None:
        """ "the WHL commissioner said", "A Vancouver hockey coach says": the one person of the
        article given that role, when the description names no person itself."""
        if _determiner(subject) not in {"the", "a", "an"} or subject.pos_ != "NOUN" or self.actors.actor_at(subject):
            return None
        if any(self.actors.actor_at(t) is not None and self.actors.actor_at(t).kind == "person" for t in subject.subtree):
            return None
        word = subject.lower_
        # A word of the description that names something (the "WHL" of "the WHL commissioner") must
        # also describe the person: in a role, or right before a mention ("WHL commissioner Ron Robison").
        named = {t.lower_ for t in subject.subtree if self.actors.actor_at(t) is not None}
        holders = []
        for actor in self.actors.actors:
            if actor.kind != "person" or not any(word in role.lower().split() for role in actor.roles):
                continue
            described = {w for role in actor.roles for w in role.lower().split()}
            described.update(w for m in actor.mentions for w in self.text[max(0, m.start - 40):m.start].lower().split())
            if named <= described:
                holders.append(actor)
        return holders[0] if len(holders) == 1 else None

    def plural_antecedent(self, pronoun: Token) -> Token | None:
        """The plural noun "they" stands for: the nearest plural subject or possessor before it
        in its sentence or the one before, outside quotations."""
        sentence = pronoun.sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        if self.layout.paragraph_of(self.doc[start].idx) != self.layout.paragraph_of(pronoun.idx):
            start = sentence.start
        verb = pronoun.head
        reported = {t.i for t in verb.head.subtree} if verb.dep_ == "parataxis" else set()  # "X, they say, …"
        for token in reversed(self.doc[start:pronoun.i]):
            if token.i in reported:
                continue
            if token.tag_ in {"NNS", "NNPS"} and token.dep_ in SUBJECT_DEPS | {"poss"} \
                    and not self.inside_quotation(token):
                return token
        return None

    def earlier_introduction(self, subject: Token) -> _Found | None:
        """ "the person said" after "A person familiar with the talks said", "the spokesperson added"
        after "A State Department spokesperson said": the quote that introduced that unnamed speaker."""
        if _determiner(subject) != "the":
            return None
        for found in sorted(self.found, key=lambda f: -f.start):
            text = found.speaker_text
            if found.start < subject.idx and text and text.lower().startswith(("a ", "an ")):
                words = [w.lower() for w in text.split()]
                if subject.lower_ in words[1:4]:
                    return found
        return None

    def recent_organization(self, token: Token) -> Actor | None:
        """"it said": the organisation last named as a main-clause subject in this or the previous
        paragraph, else the one named most recently before, outside quotations."""
        here = self.layout.paragraph_of(token.idx)
        latest = None
        for earlier in reversed(self.doc[max(0, token.i - 200):token.i]):
            actor = self.actors.actor_at(earlier)
            if actor is None or actor.kind != "organization" or self.inside_quotation(earlier):
                continue
            latest = latest or actor
            if main_clause_subject(earlier) and here - self.layout.paragraph_of(earlier.idx) <= 1:
                return actor
        return latest

    def phrase(self, head: Token) -> str:
        """The subject noun phrase as written, up to a comma or dash ("A person familiar with the talks")."""
        tokens = list(head.subtree)
        group = next((p for p in head.children if p.dep_ == "prep" and p.lower_ == "of"), None) \
            if head.lower_ in PARTITIVES else None
        noun = next((c for c in group.children if c.dep_ == "pobj"), None) if group is not None else None
        if noun is not None:  # "one of the players (in the video)"
            return self.doc[tokens[0].i:noun.i + 1].text
        end = head.i + 1
        clauses = [c.left_edge.i for c in head.children if c.dep_ == "relcl" and c.i > head.i]
        for token in tokens:
            if token.i > head.i and (token.text in {",", "—", "–", "("} or token.i >= min(clauses, default=token.i + 1)):
                break
            end = max(end, token.i + 1)
        return self.doc[tokens[0].i:end].text

    def addressee(self, cue: Token) -> Actor | None:
        for child in cue.children:
            if child.dep_ in {"dobj", "dative"} and cue.lemma_.lower() in ADDRESSEE_VERBS:
                return self.resolve(child)
            if child.dep_ == "prep" and child.lower_ == "to":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return self.resolve(grandchild)
        return None

    # -- pass 1: quotations with an adjacent cue ----------------------------------------
    def direct_quotes(self) -> None:
        previous: _Found | None = None
        chain: _Found | None = None
        for quotation in self.quotations:
            inner = self.text[quotation.inner_start:quotation.inner_end]
            if not inner.strip():
                continue
            after = self.cue_after(quotation)
            cue = after or self.cue_before(quotation)
            found = None
            if cue is not None and (self.sentence_like(quotation, inner) or after is None):
                speaker, speaker_text = self.adjacent_speaker(quotation, cue) if after else (None, None)
                if speaker is None:
                    speaker, speaker_text = self.speaker(cue)
                found = _Found(speaker, speaker_text, "direct", cue, self.addressee(cue),
                               quotation.inner_start, quotation.inner_end)
            elif chain is not None or (previous is not None and (
                    self.continues(previous, quotation) or self.coordinated(previous, quotation))):
                source = chain or previous
                found = _Found(source.speaker, source.speaker_text, "direct", source.cue,
                               source.addressee, quotation.inner_start, quotation.inner_end)
            if found is not None:
                if chain is not None and chain.speaker is None and found.speaker is not None:
                    chain.speaker, chain.speaker_text = found.speaker, found.speaker_text
                self.found.append(found)
                previous = found
            chain = found if quotation.continues else None

    def sentence_like(self, quotation: Quotation, inner: str) -> bool:
        """A quotation that is a sentence of its own rather than words inside one."""
        stripped = inner.strip()
        if stripped[:1].isupper() or stripped[:1] in "…'‘":
            return True
        before = self.text[:quotation.start].rstrip()
        return not before or before[-1] in ".:\n"

    def cue_after(self, quotation: Quotation) -> Token | None:
        """`“…,” she said` and `“…,” said X`: a cue right after the closing mark."""
        token = self.token_at_or_after(quotation.end)
        if token is None or token.sent.start > self.doc[max(token.i - 1, 0)].i:
            return None
        limit = next((q.start for q in self.quotations if q.start >= quotation.end), len(self.text))
        steps = 0
        while token is not None and steps < CUE_WINDOW and token.idx < limit:
            if token.text in {".", "!", "?", "\n"} or "\n" in token.text:
                return None
            if is_cue(token) or token.lower_ in CUE_FORMS or _according_to(token):
                return token
            steps += 1
            token = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        return None

    def cue_before(self, quotation: Quotation) -> Token | None:
        """`X said: “…”` or `X said, “…”`: a cue just before the opening mark."""
        end = quotation.start
        preceding = self.layout.tokens_between(0, end)
        tokens = list(preceding[max(len(preceding) - INTRODUCTION_WINDOW, 0):])
        if not tokens or tokens[-1].text not in {":", ","}:
            return None
        for token in reversed(tokens[:-1]):
            if token.text in {".", "!", "?"} or "\n" in token.text or self.inside_quotation(token):
                return None
            if is_cue(token):
                return token
        return None

    def continues(self, previous: _Found, quotation: Quotation) -> bool:
        """A quoted sentence with no cue right after a quote: the same speaker goes on."""
        before = self.text[:quotation.start].rstrip()
        if before and before[-1] not in ".!?\n”\"":
            return False
        starts_paragraph = before[-1:] in ("", "\n")
        limit = CONTINUATION_PARAGRAPH_CHARS if starts_paragraph else CONTINUATION_CHARS
        if len(self.text[previous.end:quotation.start]) > limit:
            return False
        tokens = self.tokens_in(previous.end, quotation.start)
        speaker = previous.speaker.id if previous.speaker else None
        for token in tokens:
            actor = self.actors.actor_at(token)
            if actor is None or actor.id == speaker or self.inside_quotation(token):
                continue
            if actor.kind == "person" and token.dep_ in SUBJECT_DEPS:
                return False
        return True

    def coordinated(self, previous: _Found, quotation: Quotation) -> bool:
        """ “Build that wall!” and “Go back!”: a quotation joined to the previous one by "and"/"or"."""
        gap = self.text[previous.end:quotation.start].strip(" ,”\"’").lower()
        return gap in {"and", "or"}

    def adjacent_speaker(self, quotation: Quotation, cue: Token) -> tuple[Actor | None, str | None]:
        """The speaker named between the closing mark and the cue ("…,” Sinclair states), else
        right after the cue ("…,” said the minister)."""
        between = list(self.layout.tokens_between(quotation.end, cue.idx))
        after = list(self.doc[cue.i + 1:min(cue.i + 5, len(self.doc))])
        for token in [*between, *after]:
            if token.is_punct and token in after:
                break
            if token.dep_ == "pobj" and token in between:
                continue  # "…” on Twitter, writing": a place of publication, not the speaker
            actor = self.actors.actor_at(token)
            if actor is None and token.lower_ == "it" and token in between:
                actor = self.recent_organization(token)
            if actor is not None:
                return self.resolve(_noun_head(token)) or actor, None  # "said MaRS director Adam Jagelewski"
        return None, None

    # -- pass 2: cue verbs with a clause -------------------------------------------------
    def reported_clauses(self) -> None:
        """ "According to X, …" opening a sentence first, then cue verbs, then any other
        "according to X" where no cue verb already reported the clause."""
        for token in self.doc:
            if _according_to(token) and token.i == token.sent.start:
                self.according_to(token)
        for token in self.doc:
            if not is_cue(token) or self.inside_quotation(token) or token.i in self.heading_tokens:
                continue
            if any(c.dep_ == "neg" for c in token.children):
                continue  # "did not say that …" reports nothing said
            if token.lemma_.lower() in ADDRESSEE_VERBS and any(c.dep_ == "nsubjpass" for c in token.children):
                continue  # "the company was informed that …": its subject heard it, nobody says who spoke
            if token.dep_ == "parataxis" and any(c.dep_ in SUBJECT_DEPS for c in token.children):
                self.parenthetical(token)
                continue
            contents = [c for c in (self.content_of(child, token) for child in token.children) if c]
            if not contents and token.lemma_.lower() == "say":
                contents = [c for c in [self.misparsed_object_clause(token)] if c]
            if contents:
                contents = self.with_coordinated_clauses(token, contents)
                contents = self.joined_pieces(contents)
            for start, end in contents:
                if self.covered(start, end) or self.embedded_question(start):
                    continue
                if end <= token.idx and ";" in self.text[end:token.idx]:
                    continue  # "X believe …; they say …": the clause before the semicolon is not reported
                speaker, speaker_text = self.speaker(token)
                if speaker is None and speaker_text is None:
                    continue  # nobody is reported to say it (an imperative, a fragment)
                kind = "partial" if self.has_quotation(start, end) else "indirect"
                self.found.append(_Found(speaker, speaker_text, kind, token, self.addressee(token), start, end))

        for token in self.doc:
            if _according_to(token) and token.i != token.sent.start:
                self.according_to(token)

    def with_coordinated_clauses(self, cue: Token, contents: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "said the news came as a “shock,” and the government will fight on": a clause with its
        own subject coordinated to the cue (a common misparse) is reported too; it extends a
        reported clause that is not itself a quotation, else it stands as a quote of its own."""
        result = list(contents)
        for verb in cue.children:
            if verb.dep_ != "conj" or verb.i < cue.i or is_cue(verb) or verb.pos_ not in {"VERB", "AUX"}:
                continue
            if not any(c.dep_ in SUBJECT_DEPS and c.tag_ not in WH_TAGS for c in verb.children):
                continue
            bounds = self.trim([t for t in verb.subtree if t.dep_ != "cc" or t.head.i != verb.i])
            if bounds is None:
                continue
            last_start, last_end = result[-1]
            if _is_mark(self.doc.char_span(last_start, last_end, alignment_mode="expand")[0]):
                result.append(bounds)
            else:  # the clause may also come before the reported one (a misparse)
                result[-1] = (min(last_start, bounds[0]), max(last_end, bounds[1]))
        return result

    def joined_pieces(self, contents: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Pieces of one reported clause that the parser hung on the cue separately ("would co" +
        "chair …", "on condition “terrorists”" + "left …"): adjacent ranges become one."""
        joined: list[tuple[int, int]] = []
        for start, end in sorted(contents):
            if joined and PIECE_GAP.fullmatch(self.text, joined[-1][1], start) is not None:
                joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
            else:
                joined.append((start, end))
        return joined

    def misparsed_object_clause(self, cue: Token) -> tuple[int, int] | None:
        """ "Oh said the pairing came because …", parsed as an object plus a coordinated verb:
        "say" takes no such object, so the rest of the sentence is what was said."""
        objects = [c for c in cue.children if c.dep_ == "dobj"]
        verbs = [c for c in cue.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                 and any(g.dep_ in SUBJECT_DEPS for g in c.children)]
        if len(objects) != 1 or not verbs or objects[0].tag_ == "PRP" or objects[0].left_edge.i != cue.i + 1:
            return None
        return self.trim(list(cue.doc[cue.i + 1:verbs[-1].right_edge.i + 1]))

    def parenthetical(self, cue: Token) -> None:
        """ "The drugs have few uses, Strang says, and …": the clause the cue interrupts, its
        part before the cue and its part after it."""
        coordinated = {t.i for c in cue.children if c.dep_ == "conj" and not is_cue(c) for t in c.subtree}
        coordinated |= {c.i for c in cue.children if c.dep_ == "cc" and coordinated}
        inside = {t.i for t in cue.subtree} - coordinated  # "…, he says, and are mostly meant …"
        clause = [t for t in cue.head.subtree if t.i not in inside]
        speaker, speaker_text = self.speaker(cue)
        before = [t for t in clause if t.i < cue.i]
        if any(t.text == ";" for t in before):
            before = []  # "X believe …; they say, …": the cue reports what follows it
        after = [t for t in clause if t.i > cue.i]
        if not any(t.pos_ in {"VERB", "AUX"} and not _according_to(t) for t in after):
            after = []  # ", he said, according to the complaint": no clause of its own
        for part in (before, after):
            bounds = self.trim(part)
            if bounds is None or self.covered(*bounds):
                continue
            kind = "partial" if self.has_quotation(*bounds) else "indirect"
            self.found.append(_Found(speaker, speaker_text, kind, cue, self.addressee(cue), *bounds))

    def trim(self, tokens: list[Token]) -> tuple[int, int] | None:
        """Character range of tokens without leading "that" and edge punctuation (quote marks kept)."""
        tokens = sorted(tokens, key=lambda t: t.i)  # an object or clause put before may come from later
        while tokens and (tokens[0].lower_ in LEADING_MARKS or tokens[0].is_punct and not _is_mark(tokens[0])
                          or tokens[0].i in self.datelines):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and not _is_mark(tokens[-1]):
            tokens = tokens[:-1]
        if len(tokens) < 2:
            return None
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def content_of(self, child: Token, cue: Token) -> tuple[int, int] | None:
        """Character range of a cue's reported clause, or None."""
        accepted = child.dep_ in CONTENT_DEPS
        if child.dep_ == "xcomp" and cue.lemma_.lower() in ADVICE_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            accepted = True
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and any(c.dep_ == "prt" for c in cue.children):
            accepted = True
        if child.dep_ == "dobj" and any(
                c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children) for c in child.children):
            accepted = True  # "expressed concern that …"
        if child.dep_ == "oprd" and cue.lemma_.lower() in NAMING_VERBS and cue.tag_ != "VBN" \
                and child.pos_ != "PROPN" and not self.inside_quotation(child):
            return self.trim(list(child.subtree))  # "called the sign the clearest reference point"
        hearer_clause = self.misparsed_hearer_clause(child, cue)
        if hearer_clause is not None:
            return self.trim(hearer_clause)
        if not accepted:
            return None
        tokens = self.clause_tokens(child)
        if child.dep_ == "ccomp":  # without a leading date; with an "if" clause hung on the cue
            tokens = _without_leading_date(tokens, child, cue)
            tokens = [t for c in cue.children if c.dep_ == "advcl" and cue.i < c.left_edge.i
                      and c.right_edge.i < child.left_edge.i for t in c.subtree] + tokens
        reports_object = child.dep_ == "ccomp" and cue.lemma_.lower() not in ADDRESSEE_VERBS
        obj = self.object_before(child, cue) if reports_object else None
        if obj is not None:
            tokens = list(obj.subtree) + tokens
        return self.trim(tokens)

    def misparsed_hearer_clause(self, child: Token, cue: Token) -> list[Token] | None:
        """ "told detectives he attached stolen plates …", parsed as a relative clause on the
        hearer: a clause opening with a personal pronoun is what was told, to the sentence end."""
        if child.dep_ != "dobj" or cue.lemma_.lower() not in ADDRESSEE_VERBS:
            return None
        for clause in child.children:
            first = clause.left_edge
            if clause.dep_ == "relcl" and first.tag_ == "PRP" and first.dep_ in SUBJECT_DEPS \
                    and first.i == child.i + 1:
                return list(self.doc[first.i:cue.sent.end])
        return None

    def clause_tokens(self, head: Token) -> list[Token]:
        """The clause's subtree without speech acts of their own ("but warned …", ", voicing …")."""
        excluded: set[int] = set()
        for token in head.subtree:
            own_act = token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG")
            reported = any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)  # "and that X would respond"
            narration = token.dep_ == "conj" and token.head.i == head.i and _narration_conjunct(token)
            if token.i != head.i and (own_act and is_cue(token) and not reported or narration):
                excluded.update(t.i for t in token.subtree)
                excluded.update(t.i for t in token.head.children
                                if t.dep_ in {"cc", "mark"} and t.i < token.i and t.i > token.head.i)
        return [t for t in head.subtree if t.i not in excluded]

    def object_before(self, clause: Token, cue: Token) -> Token | None:
        """A direct object right before the clause: "expressing doubt that …" reports both."""
        for child in cue.children:
            if child.dep_ == "dobj" and child.i < clause.i:
                gap = self.doc[child.right_edge.i + 1:clause.left_edge.i]
                if all(t.is_punct or t.lower_ in LEADING_MARKS for t in gap):
                    return child
        return None

    def embedded_question(self, start: int) -> bool:
        """ "asked what …", "did not say why …": a question, not a statement."""
        first = self.token_at_or_after(start)
        return first is not None and first.lower_ in WH_WORDS

    def has_quotation(self, start: int, end: int) -> bool:
        return any(start <= q.inner_start and q.inner_end <= end + 1 for q in self.quotations)

    def according_to(self, according: Token) -> None:
        pobj = [g for c in according.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if not pobj:
            return
        excluded = {t.i for t in according.subtree}
        tokens = [t for t in according.sent if t.i not in excluded and not t.is_space]
        cue = self.trailing_cue(tokens)
        if cue is not None:  # "According to X, …, Zelenskyy said": he said it, X reports it
            opening = min(c.left_edge.i for c in cue.children if c.dep_ in SUBJECT_DEPS)
            tokens = [t for t in tokens if t.i < opening]
        bounds = self.trim(tokens)
        if bounds is None or any(f.start < bounds[1] and bounds[0] < f.end for f in self.found):
            return  # a reporting verb in the clause already says who spoke
        start, end = bounds
        speaker, speaker_text = self.resolve(pobj[0]), self.phrase(pobj[0])
        introduced = self.earlier_introduction(pobj[0]) if speaker is None else None
        if introduced is not None:
            speaker, speaker_text = introduced.speaker, introduced.speaker_text
        if cue is not None:
            speaker, speaker_text = self.speaker(cue)
        kind = "partial" if self.has_quotation(start, end) else "indirect"
        self.found.append(_Found(speaker, speaker_text, kind, cue or according, None, start, end))

    def trailing_cue(self, tokens: list[Token]) -> Token | None:
        """ "…, likely in Miami, Zelenskyy said (on Sunday).": a cue with its subject closing the
        tokens after a comma; the cue and everything after it are not reported content."""
        words = [t for t in tokens if not t.is_punct]
        for cue in reversed(words[-6:]):
            subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i]
            if not (is_cue(cue) and subjects) or self.inside_quotation(cue):
                continue
            opening = subjects[0].left_edge
            clauses = {t.i for c in cue.children if c.dep_ in CONTENT_DEPS | {"conj"} and c.i > cue.i for t in c.subtree}
            after = [t for t in words if t.i > cue.i]
            if opening.i > 0 and opening.nbor(-1).text == "," and not any(t.i in clauses for t in after):
                return cue
        return None

    # -- pass 3: quoted fragments governed by a cue --------------------------------------
    def governed_fragments(self) -> None:
        for quotation in self.quotations:
            if self.covered(quotation.inner_start, quotation.inner_end):
                continue
            if any(q.start <= quotation.inner_start and quotation.inner_end <= q.end for q in self.found):
                continue
            tokens = self.tokens_in(quotation.inner_start, quotation.inner_end)
            if not tokens:
                continue
            cue = self.governing_cue(tokens[0])
            if cue is None or cue.i in self.heading_tokens:
                continue
            same_cue = [f for f in self.found if f.cue is not None and f.cue.i == cue.i and f.kind == "partial" and f.start < quotation.start
                        and cue.sent.start_char <= f.start]
            if same_cue:  # “completely unfair” for the students “to be drug through the mud”: one quote
                same_cue[-1].end = quotation.inner_end
                continue
            speaker, speaker_text = self.speaker(cue)
            self.found.append(_Found(speaker, speaker_text, "partial", cue, self.addressee(cue),
                                     quotation.inner_start, quotation.inner_end))

    # -- pass 4: quoted sentences standing alone ----------------------------------------
    def standalone_quotations(self) -> None:
        """A quoted sentence with no cue at all: the speaker of the nearest earlier quote, else
        the person the previous paragraph is about (its last person subject)."""
        for quotation in self.quotations:
            if any(f.start <= quotation.inner_start < f.end for f in self.found):
                continue
            first = self.layout.token_at_or_after(quotation.start)
            if first is None or first.i in self.heading_tokens:
                continue  # marks inside the last word; a quoted phrase in a headline or a "READ MORE:" link
            inner = self.text[quotation.inner_start:quotation.inner_end]
            before = self.text[:quotation.start].rstrip(" ")
            if not inner.strip() or not inner.strip()[:1].isupper() or before[-1:] not in ("", "\n", ".", "!", "?", ":"):
                continue
            earlier = [f for f in self.found if f.end <= quotation.start]
            previous = max(earlier, key=lambda f: f.end) if earlier else None
            if previous is not None and self.continues(previous, quotation):
                speaker, speaker_text, cue = previous.speaker, previous.speaker_text, previous.cue
            elif (quoted := self.previous_paragraph_speaker(quotation)) is not None:
                speaker, speaker_text, cue = quoted.speaker, quoted.speaker_text, quoted.cue
            else:
                speaker, speaker_text, cue = self.paragraph_subject(quotation), None, None
            if speaker is not None or speaker_text is not None:
                self.found.append(_Found(speaker, speaker_text, "direct", cue, None,
                                         quotation.inner_start, quotation.inner_end))

    def previous_paragraph_speaker(self, quotation: Quotation) -> _Found | None:
        """The last person quoted directly in the paragraph before a quoted paragraph: it goes on."""
        here = self.layout.paragraph_of(quotation.start)
        if self.text[:quotation.start].rstrip(" ")[-1:] not in ("", "\n"):
            return None
        quoted = [f for f in self.found if f.kind == "direct" and f.speaker is not None
                  and f.speaker.kind == "person" and self.layout.paragraph_of(f.start) == here - 1]
        return max(quoted, key=lambda f: f.end) if quoted else None

    def paragraph_subject(self, quotation: Quotation) -> Actor | None:
        """The last person subject (outside quotations) of the paragraph before the quotation."""
        para_start = self.text.rfind("\n", 0, quotation.start)
        previous_start = self.text.rfind("\n", 0, max(para_start - 1, 0))
        window = self.layout.tokens_between(previous_start + 1, quotation.start)
        for token in reversed(window):
            actor = self.actors.actor_at(token)
            subject = token.dep_ in SUBJECT_DEPS or (token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS)
            if actor is not None and actor.kind == "person" and subject and not self.inside_quotation(token):
                return actor  # the subject, or its possessor ("Her message is simple: …")
        return None

    def governing_cue(self, token: Token) -> Token | None:
        """The nearest cue verb above ``token`` in the same sentence, through noun phrases only."""
        node = token
        for _ in range(8):
            if node.head.i == node.i:
                return None
            node = node.head
            if is_cue(node):
                return node
            if node.pos_ == "VERB":  # "called the plan “bold” and based on “one assumption”"
                shares_cue = node.dep_ == "conj" and is_cue(node.head) and not any(
                    c.dep_ in SUBJECT_DEPS for c in node.children)
                return node.head if shares_cue else None
        return None

    # -- pass 5: embedded social-media posts --------------------------------------------
    def posts(self) -> None:
        """A post embedded in the page, signed "— Name (@handle) date": its author's words."""
        for post in embedded_posts(self.text):
            if self.covered(post.start, post.end):
                continue
            named = [self.actors.actor_at(t) for t in self.tokens_in(post.name_start, post.name_end)]
            speaker = next((a for a in named if a is not None), None)
            self.found.append(_Found(speaker, self.text[post.name_start:post.name_end], "direct", None, None,
                                     post.start, post.end))

    # -- output --------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        self.direct_quotes()
        self.reported_clauses()
        self.governed_fragments()
        self.standalone_quotations()
        self.posts()
        result = []
        for number, found in enumerate(sorted(self.found, key=lambda f: f.start), start=1):
            found.start, found.end = _word_bounds(self.text, found.start, found.end)
            text = self.text[found.start:found.end]
            result.append(Quote(
                id=f"Q{number}",
                speaker=found.speaker.id if found.speaker else None,
                speaker_name=found.speaker.name if found.speaker else found.speaker_text,
                kind=found.kind,
                cue=cue_text(found.cue) if found.cue is not None else None,
                addressee=found.addressee.id if found.addressee else None,
                text=text, start=found.start, end=found.end,
            ))
        return result


def _without_leading_date(tokens: list[Token], clause: Token, cue: Token) -> list[Token]:
    """ "said on Monday it would appeal", parsed with the date inside the clause: the date is
    when it was said, not part of what was said."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    for child in clause.children:
        dated = any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)
        if child.dep_ in {"prep", "npadvmod"} and child.left_edge.i == cue.i + 1 and dated \
                and subject is not None and child.right_edge.i < subject.left_edge.i:
            leading = {t.i for t in child.subtree}
            return [t for t in tokens if t.i not in leading]
    return tokens


def _narration_conjunct(verb: Token) -> bool:
    """ "said 40 soldiers had been killed, but gave no details": a finite verb joined after a comma
    with no subject or auxiliary of its own, to a clause built with auxiliaries, is the cue's
    subject acting again (narration), not more of what was said."""
    clause = verb.head
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children):
        return False
    if not any(c.dep_ in {"aux", "auxpass"} for c in clause.children):
        return False
    before = verb.doc[verb.i - 2:verb.i] if verb.i >= 2 else verb.doc[0:0]
    return len(before) == 2 and before[0].text == "," and before[1].dep_ == "cc"


def _determiner(token: Token) -> str | None:
    """The article or determiner of a noun ("the", "a"), lower-cased."""
    return next((c.lower_ for c in token.children if c.dep_ == "det"), None)


def _document_voice(token: Token) -> bool:
    """A statement, release or post: it speaks for whoever issued it."""
    return token.lemma_.lower() in DOCUMENT_NOUNS and not any(c.dep_ == "prep" for c in token.children)


def _noun_head(token: Token) -> Token:
    """The noun a name word modifies inside its noun phrase ("MaRS" in "MaRS director Adam Jagelewski")."""
    while token.dep_ in {"compound", "amod", "nmod"} and token.head.i > token.i and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head
    return token


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The range widened to whole words: a span never starts or ends inside a word ("co-chair")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    for word in WORD.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if word.start() < start < word.end():
            start = word.start()
        if word.start() < end < word.end():
            end = word.end()
        if word.start() >= end:
            break
    return start, end


def _according_to(token: Token) -> bool:
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"


def _is_mark(token: Token) -> bool:
    return token.text in QUOTE_MARKS


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    """All reported speech in ``doc``, speakers resolved through ``actors``."""
    return _Extractor(doc, actors).quotes()


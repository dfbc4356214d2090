from newsgraph.extract.layout import is_heading, paragraphs


def test_title_case_line_without_punctuation_is_a_heading():
    assert is_heading("Merkel Presses for Talks, Rejects Critics’ Demands")
    assert is_heading("READ MORE: Budget talks stall again")


def test_sentences_are_not_headings():
    assert not is_heading("The minister said the talks would resume on Monday.")
    assert not is_heading("the talks were postponed again without a new date")


def test_paragraph_offsets():
    text = "One.\n\nTwo two.\n"
    spans = [(p.start, p.end) for p in paragraphs(text)]
    assert [text[s:e] for s, e in spans] == ["One.", "Two two."]

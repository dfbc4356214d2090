from newsgraph.extract.quotemarks import find_quotations


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotations(text)]


def test_curly_and_straight_marks_pair():
    assert inner("He said “yes” and “no”.") == ["yes", "no"]
    assert inner('She said "maybe" twice, "maybe".') == ["maybe", "maybe"]


def test_apostrophes_are_not_quotes():
    assert inner("Kyiv’s leaders and the minister’s aides met ‘quietly’ on Monday.") == ["quietly"]


def test_guillemets():
    assert inner("Il a dit «non» hier.") == ["non"]


def test_stray_mark_does_not_shift_later_quotes():
    text = "A stray “ mark here.\nThen “a real quote,” she said."
    assert inner(text) == ["a real quote,"]


def test_multi_paragraph_quote_is_chained():
    text = "“The first part goes on.\n“And the second part ends,” he said."
    quotations = find_quotations(text)
    assert [q.continues for q in quotations] == [True, False]
    assert text[quotations[0].inner_start : quotations[0].inner_end] == "The first part goes on."


def test_quote_left_unclosed_at_sentence_start_runs_to_the_paragraph_end():
    text = "“The odds have narrowed. Nobody knows what comes next.\nThe vote is on Tuesday."
    assert inner(text) == ["The odds have narrowed. Nobody knows what comes next."]


def test_marks_with_nothing_between_them_quote_nothing():
    assert inner("He called it ‹› and “ ” and then “real”.") == ["real"]

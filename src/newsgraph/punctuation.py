"""Punctuation shared by the input readers and the extractors, without spaCy."""

FINAL_PUNCT = tuple('.!?:;”"’)…»')  # a line ending in one of these is a sentence, not a title or heading

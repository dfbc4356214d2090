"""English punctuation shared by the input readers and the extractors (no spaCy import)."""

FINAL_PUNCT = tuple('.!?:;”"’)…»')  # a line ending in one of these is a sentence, not a title or heading

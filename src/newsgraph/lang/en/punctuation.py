"""English punctuation shared by the input readers and the extractors (no spaCy import)."""

FINAL_PUNCT = tuple('.!?:;”"’)…»')  # a line ending in one of these is a sentence, not a title or heading

# A possessive written with an opening single quote for the apostrophe ("Schmidt‘s"), split off as
# a suffix like "’s" (a tokenizer suffix pattern).
MISQUOTED_POSSESSIVE = r"‘[sS]$"

"""Spelling families of personal names as English news writes them (used by `newsgraph.namekey`).

A name key is made word by word: the word is folded to lower-case ASCII, the rules below rewrite
it in order, and a word still in ``GIVEN_NAME_FAMILIES`` becomes its family's first member.
"""

# Rewrites applied in order to one folded word of a name (regular expressions, replacement).
# Together they put the romanisations of one Slavic name under one form: doubled letters
# ("Kirill"/"Kiril"), "x"/"ks" ("Maxim"/"Maksim"), "iy"/"y" before a vowel ("Dmitriyev"/
# "Dmitriev"), "-off"/"-ov" ("Smirnoff"/"Smirnov"), and the adjectival endings -y, -iy, -yy,
# -yi, -ii, -ij ("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi").
SPELLING_RULES: tuple[tuple[str, str], ...] = (
    (r"x", "ks"),
    (r"(.)\1", r"\1"),
    (r"(?<=[bcdfghjklmnpqrstvwz])[iy]{1,2}(?=[aeiou])", "i"),
    (r"(?<=\w\w\w)(?:iy|yy|yi|ii|ij|y)$", "i"),
    (r"(?<=\w\w\w)of$", "ov"),
)

# The endings English writes one name's pet form with ("Jody", "Jodie", "Jodi"; "Bobby", "Bobbie"),
# after a consonant, rewritten to the last of them in words of at least MIN_PET_FORM_LENGTH letters
# ("Guy", "Amy" stay as written).
PET_FORM_ENDING = (r"(?<=[bcdfghjklmnpqrstvwxz])(?:ie|ey|y)$", "i")
MIN_PET_FORM_LENGTH = 4

# Only words at least this long are rewritten (initials and short names stay as written: "Coon"
# is not "Conn").
MIN_REWRITTEN_LENGTH = 5

# Given names written differently in their Ukrainian, Russian and English romanisations, as
# families of keys (after SPELLING_RULES); each family's first member stands for all of them.
GIVEN_NAME_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("vladimir", "volodimir", "wladimir", "volodymyr"),
    ("aleksandr", "oleksandr", "aleksander", "oleksander", "aleksandar"),
    ("aleksei", "oleksi", "aleksi", "aleksey", "oleksii"),
    ("andrei", "andri", "andre"),
    ("sergei", "serhi", "sergi"),
    ("evgeni", "yevgeni", "ievgeni", "jevgeni"),
    ("dmitri", "dmitro", "dmytro"),
    ("nikolai", "mikola", "mykola", "nikola"),
    ("oleg", "oleh"),
    ("juri", "yuri", "iuri"),
    ("pavel", "pavlo"),
    ("petr", "petro", "piotr", "pyotr"),
    ("mihail", "mikhail", "mykhailo", "mihailo", "mikhailo", "michail"),
    ("grigori", "hrihori", "hryhori"),
    ("kiril", "kyril", "kirilo", "kyrylo"),
    ("denis", "denys"),
    ("igor", "ihor"),
    ("vasili", "vasyl", "vasil"),
)

# Generational suffixes dropped from keys, so that the surname is the last word ("Joseph R. Biden
# Jr."). Regnal numbers stay: "George III" is not "George".
KEY_STOPWORDS = frozenset({"jr", "sr"})

# How alike (rapidfuzz ratio, 0-100) a KB alias's last word must be to a person's surname to stand
# for it as a bare surname ("Lukashenka" for "Lukashenko"; "Sweden" of "… of Sweden" is not).
SURNAME_SPELLING_SIMILARITY = 75

# Words that open a news agency's credit line ("(Reporting by …; Editing by …)"): the staff it names
# are no actors of the story.
CREDIT_ROLES = ("reporting", "additional reporting", "writing", "editing", "compiled", "research", "photos", "graphics")

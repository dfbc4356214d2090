"""English word forms the KB's lookups read by: the other spelling of a demonym, the singulars of a plural."""

from __future__ import annotations


def demonym_variant(demonym: str) -> str:
    """The other common spelling of a demonym ending in -ean/-ian ("Ecuadorean" <-> "Ecuadorian"), else
    the demonym itself."""
    for ending, other in (("ean", "ian"), ("eans", "ians"), ("ian", "ean"), ("ians", "eans")):
        if demonym.endswith(ending):
            return demonym[: -len(ending)] + other
    return demonym


def singulars(key: str) -> tuple[str, ...]:
    """The singulars a regular English plural may stand for: "farmers" -> "farmer", "families"
    -> "family", "witnesses" -> "witness" (the last word of a phrase only)."""
    if not key.endswith("s") or key.endswith("ss"):
        return ()
    forms = [key[:-1]]
    if key.endswith("ies"):
        forms.append(key[:-3] + "y")
    if key.endswith("es"):
        forms.append(key[:-2])
    return tuple(forms)

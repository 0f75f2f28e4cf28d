"""Free text compared as people read it across exports: lower case, without accents, with the letters no
Unicode decomposition strips written plainly ("Händler" -> "handler", "Złoty" -> "zloty", "Œuvre" ->
"oeuvre") and typographic apostrophes made plain. One fold for the warehouse's and the reports' readings of
words (support models, partner tiers)."""

from __future__ import annotations

import unicodedata

#: letters NFKD does not decompose, and apostrophes written otherwise
_PLAIN_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "œ": "oe",
                                "’": "'", "‘": "'", "`": "'"})


def fold(text: str) -> str:
    """Case folded, accents and marks stripped, width folded (NFKD), plain letters for the rest."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_PLAIN_LETTERS)

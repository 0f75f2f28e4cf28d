"""A word compared as people read it across exports: without case and accents."""

from __future__ import annotations

import unicodedata


def fold_word(text: str) -> str:
    """`text` without case and accents ("März" -> "marz", "Crédito" -> "credito", Turkish "Kasım" ->
    "kasim"): NFKD with the combining marks dropped, then casefolded."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.casefold().replace("ı", "i")

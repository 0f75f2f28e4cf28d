"""Serial-number and SKU normalisation (vectorised over distinct values).

"fcw-2231-x0ab", "S/N: FCW2231X0AB" and "FCW 2231 X0AB" share the key "FCW2231X0AB": upper case,
label prefixes and separators removed. The serial itself is never rewritten for look-alike
characters; `lookalike_keys` gives a second key with O->0 and I->1 (and L->1) folded that matching
uses to compare and block (O->0, I and L->1, S->5, B->8: characters a person or an OCR misreads
for each other), so "FCW2231XOAB" can be recognised as a look-alike of "FCW2231X0AB" without
losing what the source wrote. SKUs lose Cisco's spare-part "=" and localisation suffixes
("-EU", "-UK") to give the product family a serial's SKU must agree with.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from matching.text import as_text, blank_to_null, on_unique

#: a label is only removed when something that looks like a separator followed it
_LABEL_WITH_SEPARATOR: Final[str] = (
    r"^(?:S */ *N *[:#.-]?|SN *[:#-]|SN +|SERIAL(?: *(?:NO\.?|NUM(?:BER)?|NR\.?|#))? *[:#.-]?)"
)
LOOKALIKE_FROM: Final[str] = "OILSB"
LOOKALIKE_TO: Final[str] = "01158"
#: localisation / region suffixes on SKUs ("C9300-48P-E" is not one: single letters are kept)
SKU_LOCALE_SUFFIX: Final[str] = (
    r"-(?:EU|UK|US|NA|AP|APAC|EMEA|LA|LATAM|JP|CN|AU|BR|IN|KR|CA|DE|FR|IT|ES|NL|CH|WW|INTL)$"
)


def normalise_serials(raw: pd.Series) -> pd.Series:
    """Serial keys: upper case, "S/N:"-style labels and every non-alphanumeric removed."""

    def _distinct(u: pd.Series) -> pd.Series:
        s = u.str.upper().str.strip()
        s = s.str.replace(_LABEL_WITH_SEPARATOR, "", regex=True)
        s = s.str.replace("[^0-9A-Z]", "", regex=True)
        return blank_to_null(s)

    return on_unique(as_text(raw), _distinct)


def lookalike_keys(serial_keys: pd.Series) -> pd.Series:
    """Serial keys with look-alike characters folded (O->0, I->1, L->1, S->5, B->8), for matching
    only."""

    def _distinct(u: pd.Series) -> pd.Series:
        for src, dst in zip(LOOKALIKE_FROM, LOOKALIKE_TO, strict=True):
            u = u.str.replace(src, dst, regex=False)
        return u

    return on_unique(serial_keys, _distinct)


def normalise_skus(raw: pd.Series) -> pd.Series:
    """SKUs upper-cased, inner spaces removed, trailing spare-part "=" dropped."""

    def _distinct(u: pd.Series) -> pd.Series:
        s = u.str.upper().str.replace(" +", "", regex=True).str.replace("=+$", "", regex=True)
        return blank_to_null(s)

    return on_unique(as_text(raw), _distinct)


def sku_families(skus: pd.Series) -> pd.Series:
    """Product family of normalised SKUs: the SKU without its localisation suffix."""
    return on_unique(
        skus, lambda u: blank_to_null(u.str.replace(SKU_LOCALE_SUFFIX, "", regex=True))
    )

"""Serial-number and SKU normalisation (vectorised over distinct values).

"fcw-2231-x0ab", "S/N: FCW2231X0AB" and "FCW 2231 X0AB" share the key "FCW2231X0AB": upper case,
label prefixes and separators removed. The serial itself is never rewritten for look-alike
characters; `lookalike_keys` gives a second key with O->0 and I->1 (and L->1) folded that matching
uses to compare and block (characters a person or an OCR misreads for each other), so
"FCW2231XOAB" can be recognised as a look-alike of "FCW2231X0AB" without losing what the source
wrote. Within one customer S/5 and B/8 are folded as well (`customer_lookalike_keys`): across a
whole install base they separate too many real serials. SKUs lose Cisco's spare-part "=" and
localisation suffixes ("-EU", "-UK") to give the product family a serial's SKU must agree with.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from matching.text import as_text, blank_to_null, on_unique

#: a label is only removed when something that looks like a separator followed it
_LABEL_WITH_SEPARATOR: Final[str] = (
    r"^(?:S */ *N *[:#.-]?|SN *[:#-]|SN +|SERIAL(?: *(?:NO\.?|NUM(?:BER)?|NR\.?|#))? *[:#.-]?)"
)
#: the zeros an all-digit serial starts with (one digit is kept: "000" stays "0"); no look-ahead, which
#: pyarrow's RE2 (pandas 2's Arrow strings) does not have
_LEADING_ZEROS: Final[str] = r"^0+([0-9]+)$"
LOOKALIKE_FROM: Final[str] = "OIL"
LOOKALIKE_TO: Final[str] = "011"
#: look-alikes only trusted within one customer: S/5 and B/8 also tell real serials apart
CUSTOMER_LOOKALIKE_FROM: Final[str] = "SB"
CUSTOMER_LOOKALIKE_TO: Final[str] = "58"
#: an HP option code after the product number ("5CD123#ABA": the keyboard and power cord of a region)
_OPTION_CODE: Final[str] = r"#[0-9A-Z]{2,4}$"
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
    """Serial keys with look-alike characters folded (O->0, I->1, L->1), for matching only, and an
    all-digit one without its leading zeros (a CSV tool or a spreadsheet read "000123456" as the
    number 123456: the same unit, its serial shown as most sources write it)."""
    return on_unique(serial_keys, lambda u: _fold(u, LOOKALIKE_FROM, LOOKALIKE_TO).str.replace(
        _LEADING_ZEROS, r"\1", regex=True))


def customer_lookalike_keys(serial_keys: pd.Series) -> pd.Series:
    """`lookalike_keys` with S->5 and B->8 folded too (compared within one customer only)."""
    both_from = LOOKALIKE_FROM + CUSTOMER_LOOKALIKE_FROM
    both_to = LOOKALIKE_TO + CUSTOMER_LOOKALIKE_TO
    return on_unique(serial_keys, lambda u: _fold(u, both_from, both_to))


def _fold(values: pd.Series, sources: str, targets: str) -> pd.Series:
    for src, dst in zip(sources, targets, strict=True):
        values = values.str.replace(src, dst, regex=False)
    return values


def normalise_skus(raw: pd.Series) -> pd.Series:
    """SKUs upper-cased, inner spaces removed, trailing spare-part "=" dropped."""

    def _distinct(u: pd.Series) -> pd.Series:
        s = u.str.upper().str.replace(" +", "", regex=True).str.replace("=+$", "", regex=True)
        return blank_to_null(s)

    return on_unique(as_text(raw), _distinct)


def sku_families(skus: pd.Series) -> pd.Series:
    """Product family of normalised SKUs, as a key to compare: the SKU without its localisation suffix or
    an HP option code ("#ABA"), and without punctuation - one product spelled two ways ("P12345-B21",
    "P12345B21") is one family, so its serials' look-alikes and slips still join."""
    return on_unique(skus, lambda u: blank_to_null(
        u.str.replace(SKU_LOCALE_SUFFIX, "", regex=True).str.replace(_OPTION_CODE, "", regex=True)
        .str.replace("[^0-9A-Z]", "", regex=True)))

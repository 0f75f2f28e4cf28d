"""The unit an amount column's header writes its values in: thousands ("Sales (USD 000)", "Umsatz TEUR", "($K)",
"in thousands"), millions ("(EUR m)", "Mio. €") or cents ("(in cents)", "(pence)"). A management report writes
4.5 for 4,500; read as written, a file of such lines is worth a thousandth of what it says.
"""

from __future__ import annotations

import re

from sources.currency import code_of

#: words that say a group's values are thousands, millions or hundredths of the currency
_SCALE_WORDS: dict[float, frozenset[str]] = {
    1_000.0: frozenset({
        "000", "'000", "000s", "'000s", "k", "thousand", "thousands", "tsd", "tds", "tausend", "milliers", "miles",
        "migliaia", "duizenden", "tys", "тыс", "tusen", "tuhat", "ezer", "tkr",
    }),
    1_000_000.0: frozenset({
        "m", "mn", "mm", "mio", "mln", "million", "millions", "millionen", "millones", "milioni", "miljoen",
        "miljoner", "млн", "mkr", "mnkr",
    }),
    0.01: frozenset({"cents", "cent", "pence", "centimes", "céntimos", "centavos", "öre", "øre", "kopecks", "копеек"}),
}  # fmt: skip
_SCALE_OF = {word: scale for scale, words in _SCALE_WORDS.items() for word in words}
#: a currency code with a scale letter glued before it: TEUR / KEUR / kUSD (thousands), MEUR / MUSD (millions)
_GLUED = re.compile(r"(?<![A-Za-z])([TtKkMm])([A-Z]{3})(?![A-Za-z])")
_GLUED_SCALE = {"t": 1_000.0, "k": 1_000.0, "m": 1_000_000.0}
#: a bracketed group, and a phrase "in thousands" standing anywhere
_GROUP = re.compile(r"[(\[]([^()\[\]]{1,30})[)\]]")
_PHRASE = re.compile(r"\bin\s+(thousands|millions|cents|000s?|'000s?|tsd|tausend|mio|milliers|miles|millones)\b",
                     re.IGNORECASE)
_TOKEN = re.compile(r"'?\w+|[^\w\s.,]")
_SCALE_NAMES = {1_000.0: "thousands", 1_000_000.0: "millions", 0.01: "cents (hundredths)"}


def header_scale(header: str) -> tuple[float, str] | None:
    """(the factor that turns the column's values into the currency's units, what the header says) or None."""
    phrase = _PHRASE.search(header)
    if phrase is not None:
        scale = _SCALE_OF.get(phrase.group(1).lower())
        if scale is not None:
            return scale, _SCALE_NAMES[scale]
    glued = _GLUED.search(header)
    if glued is not None and code_of(glued.group(2)) == glued.group(2):
        scale = _GLUED_SCALE[glued.group(1).lower()]
        return scale, _SCALE_NAMES[scale]
    for group in _GROUP.findall(header):
        scale = _group_scale(group)
        if scale is not None:
            return scale, _SCALE_NAMES[scale]
    return None


def _group_scale(group: str) -> float | None:
    """The scale a bracketed group says, when its words are a scale and at most a currency ("USD 000", "$K",
    "k€", "in thousands", "Mio. €"); None when anything else stands in it ("Qty (k units)" is no amount's)."""
    scales: set[float] = set()
    for token in _TOKEN.findall(group.replace(".", " ")):
        word = token.lower()
        if word in ("in", "of", "en", "em", "x", "de", "di", "der"):
            continue
        if word in _SCALE_OF:
            scales.add(_SCALE_OF[word])
        elif len(token) > 1 and word[0] in _GLUED_SCALE and code_of(token[1:]) is not None:  # "k€", "TUSD"
            scales.add(_GLUED_SCALE[word[0]])
        elif code_of(token) is None:
            return None
    return scales.pop() if len(scales) == 1 else None

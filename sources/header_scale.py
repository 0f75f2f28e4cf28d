"""The unit an amount column's header writes its values in: thousands ("Sales (USD 000)", "Umsatz TEUR", "($K)",
"in thousands"), millions ("(EUR m)", "Mio. €"), cents ("(in cents)", "(pence)"), India's lakhs and crores
("(Rs. in Lakhs)", "(₹ Cr)") or the East Asian myriads ("（万元）" 10,000 yuan, "(千円)", "(천원)", "(억원)"). A
management report writes 4.5 for 4,500; read as written, a file of such lines is worth a thousandth of what it says.
"""

from __future__ import annotations

import re

from sources.currency import code_of, meanings

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
    100_000.0: frozenset({"lakh", "lakhs", "lac", "lacs"}),
    10_000_000.0: frozenset({"crore", "crores"}),
}  # fmt: skip
#: Chinese, Japanese and Korean number words a unit is counted in, written before the currency ("万元", "千円", "천원")
_CJK_SCALES = {"千": 1e3, "천": 1e3, "万": 1e4, "萬": 1e4, "만": 1e4, "十万": 1e5, "십만": 1e5, "百万": 1e6,
               "백만": 1e6, "千万": 1e7, "천만": 1e7, "亿": 1e8, "億": 1e8, "억": 1e8}
_SCALE_OF = {word: scale for scale, words in _SCALE_WORDS.items() for word in words}
#: a currency code with a scale letter glued before it: TEUR / KEUR / kUSD (thousands), MEUR / MUSD (millions)
_GLUED = re.compile(r"(?<![A-Za-z])([TtKkMm])([A-Z]{3})(?![A-Za-z])")
_GLUED_SCALE = {"t": 1_000.0, "k": 1_000.0, "m": 1_000_000.0}
#: a bracketed group, and a phrase "in thousands" standing anywhere
_GROUP = re.compile(r"[(\[（【]([^()\[\]（）【】]{1,30})[)\]）】]")
_PHRASE = re.compile(r"\bin\s+(thousands|millions|cents|000s?|'000s?|tsd|tausend|mio|milliers|miles|millones|lakhs?"
                     r"|crores?)\b", re.IGNORECASE)
_TOKEN = re.compile(r"'?\w+|[^\w\s.,]")
_SCALE_NAMES = {1_000.0: "thousands", 1_000_000.0: "millions", 0.01: "cents (hundredths)", 1e4: "ten thousands",
                100_000.0: "lakhs (hundred thousands)", 10_000_000.0: "crores (ten millions)", 1e8: "hundred millions"}


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
    tokens = _TOKEN.findall(group.replace(".", " "))
    for token in tokens:
        word = token.lower()
        if word in ("cr", "crs"):  # crores beside a currency ("₹ Cr", "Rs. Cr"); alone, "(Cr)" is a ledger's credit
            if len(tokens) == 1:
                return None
            scales.add(10_000_000.0)
            continue
        if word in ("in", "of", "en", "em", "x", "de", "di", "der"):
            continue
        if word in _SCALE_OF:
            scales.add(_SCALE_OF[word])
        elif (cjk := _cjk_scale(token)) is not None:
            scales.add(cjk)
        elif len(token) > 1 and word[0] in _GLUED_SCALE and code_of(token[1:]) is not None:  # "k€", "TUSD"
            scales.add(_GLUED_SCALE[word[0]])
        elif code_of(token) is None and not meanings(token):  # "Rs" is a rupee, whichever
            return None
    return scales.pop() if len(scales) == 1 else None


def _cjk_scale(token: str) -> float | None:
    """The scale of a Chinese, Japanese or Korean unit: a number word alone ("万") or before its currency ("万元",
    "百万円", "천원", "억원", "万美元")."""
    for size in (2, 1):
        word, rest = token[:size], token[size:]
        if word in _CJK_SCALES and (not rest or code_of(rest) is not None):
            return _CJK_SCALES[word]
    return None

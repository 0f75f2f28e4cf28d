"""Ambiguous legal forms dropped where the same data names the company without them.

"AS", "AB", "SE" or "PT" are legal forms in some countries and words or codes elsewhere, so a
name keeps them unless its record's country, separators ("A/S") or capitals say they are a form
(`legal_forms`). A record without a country ("Johansen og Løken AS" in a rep's tracker, "Doğan
Elektrik Elektronik AŞ" in a distributor report) then fails to equal the spelling its CRM record
normalised to ("johansen loken"). Here the data itself is the evidence: a normalised name that is
another normalised name of the same data plus one ambiguous form, trailing or leading ("oy
hamalainen nieminen" beside "hamalainen nieminen"), loses the form. A name no other record writes
bare keeps it, as `glued` keeps a split only when the spaced name is itself a name of the data.
Nor does a trailing form that begins a longer word of another name: "Quantum Packaging As" beside
"Quantum Packaging Associates" is a name cut short (`cut_names`), not the Norwegian AS.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Final

import pandas as pd
import pyarrow as pa

from matching.legal_forms import LEADING_BY_COUNTRY, all_forms, compact
from matching.text import TEXT_DTYPE, extract, is_in, matches_regex, string_set

#: ambiguous forms that are as often a name's own last word as a form ("Pure Me", "Art Is")
WORDS_NOT_FORMS: Final[frozenset[str]] = frozenset({"is", "me", "sad"})
#: how many forms a name loses at most this way ("oy virtanen ab": two)
MAX_DROPPED: Final[int] = 2


@lru_cache(maxsize=1)
def _patterns() -> tuple[str, str]:
    """RE2s on normalised names: (name, trailing ambiguous form) and (leading form, name)."""
    _, ambiguous = all_forms()
    trailing = sorted(ambiguous - WORDS_NOT_FORMS, key=lambda f: (-len(f), f))
    leading = sorted({compact(f) for forms in LEADING_BY_COUNTRY.values() for f in forms}, key=lambda f: (-len(f), f))
    return (
        rf"^(?P<bare>.*[^ ]) (?:{'|'.join(trailing)})$",
        rf"^(?:{'|'.join(leading)}) (?P<bare>[^ ].*)$",
    )


def drop_forms_named_without(names: pd.Series) -> pd.Series:
    """Normalised names (object, nulls None) with an ambiguous trailing or leading legal form
    dropped where the bare name is itself one of `names`; index and every other value kept."""
    present = names.dropna()
    if present.empty:
        return names
    distinct = present.unique()
    known, ordered = string_set(distinct), sorted(distinct)
    out = names.astype(object).copy()
    for _ in range(MAX_DROPPED):  # "oy virtanen ab" -> "virtanen ab" -> "virtanen"
        found = _bare_in(pd.Series(out.dropna().unique(), dtype=TEXT_DTYPE), known, ordered)
        if not found:
            break
        changed = out.isin(list(found)).to_numpy(dtype=bool)
        out[changed] = out[changed].map(found)
    return out


def _bare_in(names: pd.Series, known: pa.Array, ordered: list[str]) -> dict[str, str]:
    """Name -> its bare name, for the `names` whose bare name is in `known` (the trailing form tried
    first) and whose trailing form starts no longer word of a name in `ordered` (all names, sorted)."""
    found: dict[str, str] = {}
    for trailing, pattern in zip((True, False), _patterns(), strict=True):
        hit = matches_regex(names, pattern)
        if not hit.any():
            continue
        chosen = names[hit]
        bare = extract(chosen, pattern)["bare"]
        ok = is_in(bare, known)
        for name, value in zip(chosen[ok].astype(object), bare[ok].astype(object), strict=True):
            if not (trailing and _starts_a_longer_word(name, ordered)):
                found.setdefault(name, value)
    return found


def _starts_a_longer_word(name: str, ordered: list[str]) -> bool:
    """Whether a name of `ordered` (sorted) continues `name` with more letters of its last word
    ("quantum packaging as" -> "quantum packaging associates"): normalised names hold letters, digits
    and single spaces only, so those names sort right after `name` + "!" and before `name` + a last
    code point."""
    at = bisect.bisect_left(ordered, name + "!")
    return at < len(ordered) and ordered[at].startswith(name)

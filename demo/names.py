"""Company names, serial numbers and the ways people misspell both.

Each entity gets a fixed row of spelling variants up front (one column per style), so the
source renderers pick a style per row with one vectorised index instead of string work per row.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from demo.vocab_companies import ABBREVIATIONS, SUFFIX_FORMS

#: name styles, the column order of `name_variants`
NAME_STYLES: tuple[str, ...] = (
    "legal",
    "upper",
    "suffix_alt",
    "nosuffix",
    "abbrev",
    "trunc20",
    "upper_trunc30",
    "the",
    "amp",
    "typo",
    "lower",
    "informal_first",
    "informal_hq",
    "informal_dept",
    "typo_upper",
    "typo_nosuffix",
)
STYLE = {name: i for i, name in enumerate(NAME_STYLES)}

#: serial styles, the column order of `serial_variants`
SERIAL_STYLES: tuple[str, ...] = ("exact", "lower", "dashed", "dashed_lower", "swap", "drop")
SSTYLE = {name: i for i, name in enumerate(SERIAL_STYLES)}

_LOOKALIKE = {"O": "0", "0": "O", "I": "1", "1": "I"}
_ALNUM = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))


@dataclass(frozen=True)
class CompanyName:
    """The parts of one legal name; `base` is the name without its legal suffix."""

    stem: str
    base: str
    suffix_class: str
    suffix: str
    sibling: bool = False

    @property
    def legal(self) -> str:
        return f"{self.base} {self.suffix}".strip()


def typo(word: str, rng: np.random.Generator) -> str:
    """One keyboard slip inside a word (drop, swap or double a letter; never the first one)."""
    if len(word) < 5:
        return word + word[-1]
    i = int(rng.integers(1, len(word) - 2))
    kind = int(rng.integers(0, 3))
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def _abbreviate(text: str) -> str:
    """Apply the channel's usual abbreviations word by word."""
    return " ".join(ABBREVIATIONS.get(w, w) for w in text.split(" "))


def _swap_amp(text: str) -> str:
    """Swap "&" and "and" (the tidy spelling is kept when there is neither)."""
    if " & " in text:
        return text.replace(" & ", " and ")
    if " and " in text:
        return text.replace(" and ", " & ")
    return text


def name_variants(
    name: CompanyName, rng: np.random.Generator, stem_shared: bool = False
) -> list[str]:
    """Every style of NAME_STYLES for one company, in that order (no bare stem when others share it)."""
    forms = SUFFIX_FORMS[name.suffix_class]
    alt = forms[(forms.index(name.suffix) + 1) % len(forms)] if name.suffix in forms else forms[0]
    legal = name.legal
    words = name.base.split(" ")
    longest = max(range(len(words)), key=lambda k: len(words[k]))
    slipped = " ".join(typo(w, rng) if k == longest else w for k, w in enumerate(words))
    abbrev = _abbreviate(f"{name.base} {name.suffix}")
    if abbrev == legal:
        abbrev = f"{name.base} {alt.rstrip('.')}"
    first = name.base if name.sibling or stem_shared or len(name.stem) < 5 else name.stem
    return [
        legal,
        legal.upper(),
        f"{name.base} {alt}",
        name.base,
        abbrev,
        legal[:20].rstrip(" ,"),
        legal.upper()[:30].rstrip(" ,"),
        f"The {name.base} {forms[0] if name.suffix_class == 'co' else ''}".strip(),
        _swap_amp(legal),
        f"{slipped} {name.suffix}",
        legal.lower(),
        first,
        f"{name.base} - HQ",
        f"The {name.base} (AP Dept)",
        slipped.upper(),
        slipped,
    ]


def variant_matrix(names: list[CompanyName], seed: int) -> np.ndarray:
    """An (entity x style) object array of spellings, reproducible for a seed."""
    rng = np.random.default_rng(seed)
    stems = Counter(n.stem for n in names)
    out = np.empty((len(names), len(NAME_STYLES)), dtype=object)
    for i, name in enumerate(names):
        out[i, :] = name_variants(name, rng, stems[name.stem] > 1)
    return out


def pick_styles(rng: np.random.Generator, n: int, weights: dict[str, float]) -> np.ndarray:
    """Draw a style index per row from a {style: weight} table."""
    styles = np.array([STYLE[s] for s in weights])
    p = np.array(list(weights.values()), dtype=float)
    return styles[rng.choice(len(styles), size=n, p=p / p.sum())]


def make_serials(
    rng: np.random.Generator, prefixes: np.ndarray, numeric: np.ndarray, ship: np.ndarray
) -> np.ndarray:
    """Unique serials: vendor style (3 letters + YYWW + 4 alnum) or 10-12 digits when `numeric`."""
    n = len(prefixes)
    out = np.empty(n, dtype=object)
    todo = np.arange(n)
    seen: set[str] = set()
    years = ship.astype("datetime64[Y]").astype(int) + 1970
    weeks = np.minimum((ship - ship.astype("datetime64[Y]")).astype(int) // 7 + 1, 52)
    while len(todo):
        tail = _ALNUM[rng.integers(0, len(_ALNUM), size=(len(todo), 4))]
        lengths = rng.integers(10, 13, size=len(todo))
        digits = rng.integers(0, 10, size=(len(todo), 12)).astype(str)
        digits[:, 0] = rng.integers(1, 10, size=len(todo)).astype(str)
        retry = []
        for j, i in enumerate(todo):
            if numeric[i]:
                s = "".join(digits[j, : lengths[j]])
            else:
                s = f"{prefixes[i]}{years[i] % 100:02d}{weeks[i]:02d}{''.join(tail[j])}"
            if s in seen:
                retry.append(i)
            else:
                seen.add(s)
                out[i] = s
        todo = np.array(retry, dtype=int)
    return out


def _dashed(s: str) -> str:
    """Group a serial with dashes the way labels print it (FCW-2231-X0AB)."""
    return f"{s[:3]}-{s[3:7]}-{s[7:]}" if not s.isdigit() else f"{s[:4]}-{s[4:8]}-{s[8:]}"


def serial_variants(serial: str, rng: np.random.Generator) -> list[str]:
    """Every style of SERIAL_STYLES for one serial, in that order."""
    start = 0 if serial.isdigit() else 3
    spots = [i for i in range(start, len(serial)) if serial[i] in _LOOKALIKE]
    i_drop = int(rng.integers(start + 1, len(serial) - 1))
    dropped = serial[:i_drop] + serial[i_drop + 1 :]
    if spots:
        i = spots[int(rng.integers(0, len(spots)))]
        swapped = serial[:i] + _LOOKALIKE[serial[i]] + serial[i + 1 :]
    else:
        swapped = dropped
    return [serial, serial.lower(), _dashed(serial), _dashed(serial).lower(), swapped, dropped]


def serial_matrix(serials: np.ndarray, seed: int) -> np.ndarray:
    """An (asset x style) object array of serial spellings, reproducible for a seed."""
    rng = np.random.default_rng(seed)
    out = np.empty((len(serials), len(SERIAL_STYLES)), dtype=object)
    for i, s in enumerate(serials):
        out[i, :] = serial_variants(s, rng)
    return out

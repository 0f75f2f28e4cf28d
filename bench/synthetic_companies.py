"""Synthetic company master data (planted siblings and same-name twins) and the spellers the sources use."""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench.synthetic_vocab import (
    ABBREVIATE,
    COMBO_A,
    COMBO_B,
    DIRECTIONS,
    INDUSTRY,
    LEGAL,
    STATES,
    STREET_TYPES,
    SURNAMES,
    SYLLABLES_END,
    SYLLABLES_ON,
    SYLLABLES_V,
)


def coined_words(rng: np.random.Generator, n: int) -> np.ndarray:
    """Pronounceable invented words ("Kavoteq"), mostly distinct."""
    parts = []
    for _k in range(3):
        on = np.array(SYLLABLES_ON)[rng.integers(0, len(SYLLABLES_ON), n)]
        v = np.array(SYLLABLES_V)[rng.integers(0, len(SYLLABLES_V), n)]
        parts.append(np.char.add(on, v))
    end = np.array(SYLLABLES_END)[rng.integers(0, len(SYLLABLES_END), n)]
    two = rng.random(n) < 0.5
    word = np.char.add(np.char.add(parts[0], parts[1]), np.where(two, "", parts[2]))
    return np.char.capitalize(np.char.add(word, end))


def with_typo(names: pd.Series, rng: np.random.Generator) -> pd.Series:
    """One random edit (drop, swap, double or replace a letter) inside the first long word."""
    out = []
    for name in names:
        words = name.split(" ")
        idx = next((i for i, w in enumerate(words) if len(w) >= 6), None)
        if idx is None:
            out.append(name)
            continue
        w = words[idx]
        pos = int(rng.integers(1, len(w) - 1))
        kind = int(rng.integers(0, 4))
        if kind == 0:
            w = w[:pos] + w[pos + 1 :]
        elif kind == 1:
            w = w[:pos] + w[pos + 1] + w[pos] + w[pos + 2 :]
        elif kind == 2:
            w = w[:pos] + w[pos] + w[pos:]
        else:
            w = w[:pos] + "aeiou"[int(rng.integers(0, 5))] + w[pos + 1 :]
        words[idx] = w
        out.append(" ".join(words))
    return pd.Series(out, index=names.index)


def companies(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """Company master data with planted siblings and same-name-other-city pairs."""
    style = rng.random(n)
    coined = coined_words(rng, n)
    combo = np.char.capitalize(
        np.char.add(
            np.array(COMBO_A)[rng.integers(0, len(COMBO_A), n)],
            np.array(COMBO_B)[rng.integers(0, len(COMBO_B), n)],
        )
    )
    s1 = np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)]
    s2 = np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)]
    surname = np.char.add(np.char.add(s1, " & "), s2)
    stem = np.where(style < 0.6, coined, np.where(style < 0.85, combo, surname))
    ind1 = np.array(INDUSTRY)[rng.integers(0, len(INDUSTRY), n)]
    ind2 = np.array(INDUSTRY)[rng.integers(0, len(INDUSTRY), n)]
    two_ind = rng.random(n) < 0.3
    base = np.char.add(
        np.char.add(stem, " "), np.where(two_ind, np.char.add(np.char.add(ind1, " "), ind2), ind1)
    )
    legal = np.array(LEGAL)[rng.integers(0, len(LEGAL), n)]
    city_words = coined_words(rng, 400)
    city_idx = rng.integers(0, 400, n)
    state_idx = city_idx % len(STATES)
    zip_base = (city_idx * 211 + 1000) % 99000
    frame = pd.DataFrame(
        {
            "company": np.arange(n),
            "base": base,
            "legal": legal,
            "house": rng.integers(1, 9999, n),
            "dir": rng.integers(0, len(DIRECTIONS), n),
            "street": coined_words(rng, n),
            "stype": rng.integers(0, len(STREET_TYPES), n),
            "suite": np.where(rng.random(n) < 0.4, rng.integers(100, 999, n), 0),
            "city": city_words[city_idx],
            "state": state_idx,
            "zip": zip_base + rng.integers(0, 90, n),
            "phone": rng.integers(2000000000, 9999999999, n, dtype=np.int64),
            "has_domain": rng.random(n) < 0.75,
        }
    )
    # siblings: the next company shares the stem, adds or swaps an industry word, other city
    sib = np.flatnonzero(rng.random(n) < 0.08)
    sib = sib[sib + 1 < n]
    extra = np.array(
        [
            "Labs",
            "Holdings",
            "Partners",
            "Ventures",
            "Health",
            "Systems",
            "Group",
            "Foundation",
            "Realty",
            "Services",
        ]
    )[rng.integers(0, 10, len(sib))]
    frame.loc[sib + 1, "base"] = np.char.add(
        np.char.add(frame.loc[sib, "base"].to_numpy().astype(str), " "), extra
    )
    # same generic name, different company in another city
    twin = np.flatnonzero(rng.random(n) < 0.04)
    twin = twin[twin + 2 < n]
    frame.loc[twin + 2, "base"] = frame.loc[twin, "base"].to_numpy()
    frame["stem"] = stem
    frame.loc[twin + 2, "stem"] = frame.loc[twin, "stem"].to_numpy()
    frame.loc[sib + 1, "stem"] = frame.loc[sib, "stem"].to_numpy()
    frame["display"] = (
        frame["base"] + np.where(frame["legal"] == "", "", " ") + frame["legal"]
    ).str.strip()
    frame["domain"] = np.where(
        frame["has_domain"],
        frame["base"].str.lower().str.replace("[^a-z]", "", regex=True).str.slice(0, 18)
        + np.array([".com", ".net", ".io", ".co"])[rng.integers(0, 4, n)],
        None,
    )
    frame["account"] = "ACC-" + pd.Series(np.arange(n) + 100000).astype(str)
    return frame


def street_address(c: pd.DataFrame, long_form: np.ndarray, rng: np.random.Generator) -> pd.Series:
    dirs = np.array(DIRECTIONS, dtype=object)[c["dir"].to_numpy()]
    types = np.array(STREET_TYPES, dtype=object)[c["stype"].to_numpy()]
    d = np.where(long_form, dirs[:, 0], dirs[:, 1])
    t = np.where(long_form, types[:, 0], types[:, 1])
    suite_word = np.array(["Suite ", "Ste ", "#", "Ste. "], dtype=object)[
        rng.integers(0, 4, len(c))
    ]
    suite = np.where(
        c["suite"].to_numpy() > 0, ", " + suite_word + c["suite"].astype(str).to_numpy(), ""
    )
    parts = (
        c["house"].astype(str).to_numpy()
        + " "
        + np.where(d == "", "", d + " ")
        + c["street"].to_numpy()
        + " "
        + t
    )
    return pd.Series(parts + suite, index=c.index).str.replace("  ", " ")


def phone_number(c: pd.DataFrame, style: int) -> pd.Series:
    s = c["phone"].astype(str)
    if style == 0:
        return "(" + s.str.slice(0, 3) + ") " + s.str.slice(3, 6) + "-" + s.str.slice(6)
    if style == 1:
        return "+1 " + s.str.slice(0, 3) + " " + s.str.slice(3, 6) + " " + s.str.slice(6)
    return s.str.slice(0, 3) + "." + s.str.slice(3, 6) + "." + s.str.slice(6)


def zip_code(c: pd.DataFrame, lose_zero: np.ndarray) -> pd.Series:
    z = c["zip"].astype(str).str.zfill(5)
    return z.where(~lose_zero, c["zip"].astype(str))


def abbreviate(names: pd.Series, rate: float, rng: np.random.Generator) -> pd.Series:
    pick = rng.random(len(names)) < rate
    out = names.copy()
    for full, short in ABBREVIATE.items():
        out = out.where(~pick, out.str.replace(full, short, regex=False))
    return out


def serial_strings(n: int, rng: np.random.Generator) -> np.ndarray:
    letters = np.array(list("ABCDEFGHJKLMNPRSTUVWXYZ"))
    head = np.char.add(
        np.char.add(letters[rng.integers(0, 23, n)], letters[rng.integers(0, 23, n)]),
        letters[rng.integers(0, 23, n)],
    )
    mid = rng.integers(1000, 9999, n).astype(str)
    tail = np.char.add(
        np.char.add(letters[rng.integers(0, 23, n)], rng.integers(0, 10, n).astype(str)),
        letters[rng.integers(0, 23, n)],
    )
    return np.char.add(np.char.add(head, mid), tail)

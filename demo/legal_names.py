"""The customers' legal names: pinned and drawn foreign ones, sibling groups, unique US word pairs."""

from __future__ import annotations

import numpy as np

from demo.names import CompanyName
from demo.vocab_companies import INDUSTRIES, STEM_HEADS, STEM_TAILS, SURNAMES, THIRD_WORDS, US_STEMS, US_SUFFIXES
from demo.vocab_foreign import FOREIGN_INDUSTRIES, FOREIGN_STEMS, FOREIGN_SUFFIXES, PINNED_FOREIGN


def _stem_pool(rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """Stems for US names and their draw weights (real-looking words first)."""
    synth = [h + t for h in STEM_HEADS for t in STEM_TAILS]
    pairs = [f"{a} & {b}" for a in SURNAMES for b in SURNAMES if a != b]
    pairs = [pairs[i] for i in rng.permutation(len(pairs))[:80]]
    stems = list(US_STEMS) + synth + pairs
    w = np.r_[np.full(len(US_STEMS), 15.0), np.ones(len(synth)), np.full(len(pairs), 0.8)]
    return stems, w / w.sum()


def unique_pairs(
    rng: np.random.Generator,
    n: int,
    firsts: list[str],
    p: np.ndarray | None,
    seconds: list[str],
    taken: set[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Draw n distinct (first, second) word pairs not in `taken` (fewer if the pool runs out)."""
    out: list[tuple[str, str]] = []
    fs, ss = set(firsts), set(seconds)
    capacity = len(fs) * len(ss) - sum(1 for a, b in taken if a in fs and b in ss)
    n = min(n, capacity)
    while len(out) < n:
        k = 2 * (n - len(out)) + 16
        a = rng.choice(len(firsts), size=k, p=p)
        b = rng.integers(0, len(seconds), size=k)
        for i, j in zip(a, b, strict=True):
            pair = (firsts[i], seconds[j])
            if pair not in taken:
                taken.add(pair)
                out.append(pair)
                if len(out) == n:
                    break
    return out


def customer_legal_names(
    rng: np.random.Generator, n: int
) -> tuple[list[CompanyName], list[str], list[int]]:
    """Legal names, countries and sibling-group ids (0 = none) for n customers."""
    taken: set[tuple[str, str]] = set()
    names: list[CompanyName] = []
    countries: list[str] = []
    groups: list[int] = []
    # foreign customers first: the pinned accented names, then generated ones
    n_foreign = max(len(PINNED_FOREIGN), round(0.08 * n))
    pinned_cc = ("DE", "FR", "SE", "ES", "CA")
    for (stem, ind, cls, suf), cc in zip(PINNED_FOREIGN, pinned_cc, strict=True):
        names.append(CompanyName(stem, f"{stem} {ind}", cls, suf))
        countries.append(cc)
        taken.add((stem, ind))
    ccs = sorted(FOREIGN_STEMS)
    per_cc = np.bincount(
        rng.integers(0, len(ccs), size=max(0, n_foreign - len(names))), minlength=len(ccs)
    )
    for cc, k in zip(ccs, per_cc, strict=True):
        singles = list(FOREIGN_STEMS[cc])
        stems = singles + [f"{a} & {b}" for a in singles for b in singles if a != b]
        w = np.r_[np.full(len(singles), 3.0 * len(singles)), np.ones(len(stems) - len(singles))]
        suffixes = FOREIGN_SUFFIXES[cc]
        for stem, ind in unique_pairs(
            rng, int(k), stems, w / w.sum(), list(FOREIGN_INDUSTRIES[cc]), taken
        ):
            cls, suf = suffixes[int(rng.integers(0, len(suffixes)))]
            names.append(CompanyName(stem, f"{stem} {ind}", cls, suf))
            countries.append(cc)
    # sibling groups (~10% of customers), the first one pinned
    n_sib_target = max(2, round(0.10 * n))
    stems, p = _stem_pool(rng)
    industries = list(INDUSTRIES)
    sib_pairs = [("Northbridge", "Capital")]
    taken.add(sib_pairs[0])
    sizes = [2]
    while sum(sizes) < n_sib_target:
        sizes.append(3 if rng.random() < 0.25 else 2)
    sib_pairs += unique_pairs(rng, len(sizes) - 1, stems, p, industries, taken)
    us_suffixes = US_SUFFIXES
    for g, ((stem, ind), size) in enumerate(zip(sib_pairs, sizes, strict=False), start=1):
        thirds = [""] + list(rng.choice(THIRD_WORDS, size=size - 1, replace=False))
        if g == 1:
            thirds = ["", "Labs"][:size]
        cls_used: set[str] = set()
        for k, third in enumerate(thirds):
            if g == 1:
                cls, suf = ("corp", "Corp") if k == 0 else ("llc", "LLC")
            else:
                options = [s for s in us_suffixes if s[0] not in cls_used]
                cls, suf = options[int(rng.integers(0, len(options)))]
            cls_used.add(cls)
            base = f"{stem} {ind} {third}".strip()
            names.append(CompanyName(stem, base, cls, suf, sibling=True))
            countries.append("US")
            groups.append(g)
    groups = [0] * (len(names) - len(groups)) + groups
    # everyone else: US companies with unique (stem, industry)
    names.append(CompanyName("Acme", "Acme Manufacturing", "co", "Co."))
    taken.add(("Acme", "Manufacturing"))
    countries.append("US")
    groups.append(0)
    rest = unique_pairs(rng, max(0, n - len(names)), stems, p, industries, taken)
    third_mask = rng.random(len(rest)) < 0.25
    third_words = rng.choice(THIRD_WORDS, size=len(rest))
    suffix_idx = rng.integers(0, len(us_suffixes), size=len(rest))
    for (stem, ind), has3, third, si in zip(rest, third_mask, third_words, suffix_idx, strict=True):
        cls, suf = us_suffixes[si]
        base = f"{stem} {ind} {third}" if has3 else f"{stem} {ind}"
        names.append(CompanyName(stem, base, cls, suf))
        countries.append("US")
        groups.append(0)
    for stem, second in _overflow_pairs(rng, n - len(names), taken):
        cls, suf = us_suffixes[int(rng.integers(0, len(us_suffixes)))]
        names.append(CompanyName(stem, f"{stem} {second}", cls, suf))
        countries.append("US")
        groups.append(0)
    return names[:n], countries[:n], groups[:n]


def _overflow_pairs(rng: np.random.Generator, n: int, taken: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Names for the customers a world of more than about 40,000 (4M source rows) has beyond the
    (stem, industry) pool: every stem, surname pairs too, with an industry and a third word
    ("Belford Logistics Group"), so "Belford Logistics" has several namesakes, as in a big market.
    Drawn only when the pool ran out, so smaller worlds stay as they were."""
    if n <= 0:
        return []
    stems, _ = _stem_pool(np.random.default_rng(0))
    stems = list(dict.fromkeys(stems + [f"{a} & {b}" for a in SURNAMES for b in SURNAMES if a != b]))
    seconds = [f"{ind} {third}" for ind in INDUSTRIES for third in THIRD_WORDS]
    return unique_pairs(rng, n, stems, None, seconds, taken)

"""Assets by serial number: raw serial tokens from every source -> one asset per physical unit.

1. Exact: serials equal after upper-casing and dropping labels and separators
   ("fcw-2231-x0ab" = "S/N: FCW2231X0AB") are one *form* and always one asset.
2. Look-alike: forms equal once O/0 and I/L/1 are folded ("FCW2231XOAB") join when their SKU
   families agree or one side has no SKU; a form without SKU joins only a group whose forms all
   agree, so it cannot bridge two products.
3. Typo: forms one slip apart (a dropped or doubled character, or two neighbours swapped, on
   the folded key, keys of 8+ characters) join only when the SKU family agrees or is missing,
   the typo is unambiguous (each side has exactly one such neighbour), no single record lists
   both forms, and a swap comes from the less attested form (fewer records; a dropped
   character changes the length, which serial schemes keep fixed, so it counts as a typo even
   between equally attested forms). A substituted character is never taken for a typo: that
   is exactly how the serials of units shipped together differ.
   "No exact competing serial": a form that is itself equally attested is never rewritten.
SKU families only count for product SKUs: a service SKU written next to a serial (a support
contract line) says nothing about which product the serial is, so rows whose `category` is
"service" (or, without a category, whose SKU looks like a service part: SERVICE_SKU_PATTERN)
count as having no SKU.
The canonical serial of an asset is its most attested form (records, then sources, then the
longer one), digits preferred over look-alike letters on ties.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd
from rapidfuzz import distance, process

from matching.graph import connected_components, group_pairs
from matching.serials import lookalike_keys, normalise_serials, normalise_skus, sku_families
from matching.text import TEXT_DTYPE, as_text

#: shortest folded key considered for one-edit typo matching
MIN_TYPO_LENGTH: Final[int] = 8
#: SKUs of support/service parts when no category is given ("CON-SNT-C93004", "CS-NBD-STO")
SERVICE_SKU_PATTERN: Final[str] = (
    r"^(?:CON|CS|SVC|SRVC|SUP|SUPPORT|CARE|WTY|WARR|WARRANTY|SNT|SMARTNET|MNT|MAINT|SS|EXT)[-_]"
)
ASSET_COLUMNS: Final[tuple[str, ...]] = (
    "record_id",
    "raw_serial",
    "sku",
    "serial_key",
    "asset_key",
    "serial_number",
    "sku_family",
    "match_rule",
)


def _forms(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct serial key: records, sources, SKU families, look-alike key."""
    agg = rows.groupby("serial_key", sort=True).agg(
        n=("serial_key", "size"), sources=("source", "nunique"), first=("_pos", "min")
    )
    forms = agg.reset_index()
    forms["lookalike"] = lookalike_keys(forms["serial_key"]).to_numpy()
    return forms


def _family_sets(rows: pd.DataFrame, forms: pd.DataFrame) -> pd.DataFrame:
    """(form, family) rows: which product SKU families each form was seen with."""
    index = pd.Series(np.arange(len(forms)), index=forms["serial_key"].to_numpy())
    fam = rows.loc[
        rows["product_family"].notna(), ["serial_key", "product_family"]
    ].drop_duplicates()
    return pd.DataFrame(
        {"form": index[fam["serial_key"]].to_numpy(), "family": fam["product_family"].to_numpy()}
    )


def _compatible(
    left: np.ndarray, right: np.ndarray, families: pd.DataFrame, n_forms: int
) -> np.ndarray:
    """SKU families agree (share one) or either form has none."""
    has = np.zeros(n_forms, dtype=bool)
    has[families["form"].to_numpy()] = True
    pairs = pd.DataFrame({"l": left, "r": right, "i": np.arange(len(left))})
    shared = (
        pairs.merge(families.rename(columns={"form": "l"}), on="l")
        .merge(families.rename(columns={"form": "r"}), on=["r", "family"])["i"]
        .unique()
    )
    ok = ~has[left] | ~has[right]
    ok[shared] = True
    return ok


def _lookalike_edges(forms: pd.DataFrame, families: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of forms with the same folded key that may be joined (see module docstring)."""
    codes, _ = pd.factorize(forms["lookalike"])
    sizes = np.bincount(codes)
    l, r = group_pairs(codes, np.flatnonzero(sizes > 1))
    if len(l) == 0:
        return l, r
    ok = _compatible(l, r, families, len(forms))
    # a group where some pair disagrees: only pairs sharing a family join (no SKU-less bridges)
    bad_groups = np.unique(codes[l[~ok]])
    has = np.zeros(len(forms), dtype=bool)
    has[families["form"].to_numpy()] = True
    bridge = np.isin(codes[l], bad_groups) & (~has[l] | ~has[r])
    keep = ok & ~bridge
    return l[keep], r[keep]


def _deletion_variants(keys: pd.Series) -> pd.DataFrame:
    """(form, variant) rows: each key itself and each key with one character deleted.

    Keys that share a variant are at most one substitution, insertion, deletion or adjacent
    swap apart (the candidates are verified with OSA distance afterwards). Vectorised over the
    keys; the loop runs over character positions only.
    """
    arr = keys.to_numpy(dtype=str)
    n = len(arr)
    width = max(arr.dtype.itemsize // 4, 1)
    chars = np.ascontiguousarray(arr.astype(f"U{width}")).view("U1").reshape(n, width)
    lengths = np.char.str_len(arr)
    forms = [np.arange(n)]
    variants = [arr.astype(object)]
    for p in range(width):
        rows = np.flatnonzero(lengths > p)
        cut = np.ascontiguousarray(np.delete(chars[rows], p, axis=1))
        forms.append(rows)
        variants.append(
            cut.view(f"U{max(width - 1, 1)}").reshape(len(rows)).astype(object)
            if width > 1
            else np.full(len(rows), "", dtype=object)
        )
    return pd.DataFrame({"form": np.concatenate(forms), "variant": np.concatenate(variants)})


def _sorted_chars(values: np.ndarray) -> np.ndarray:
    """Each string's characters in sorted order (an anagram key), vectorised."""
    if len(values) == 0:
        return values.astype(object)
    width = max(values.dtype.itemsize // 4, 1)
    chars = np.ascontiguousarray(values.astype(f"U{width}")).view("U1").reshape(len(values), width)
    return (
        np.ascontiguousarray(np.sort(chars, axis=1))
        .view(f"U{width}")
        .reshape(len(values))
        .astype(object)
    )


def _typo_edges(
    forms: pd.DataFrame, families: pd.DataFrame, form_records: pd.DataFrame
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of forms one edit apart that pass every typo guard (see module docstring).

    Works on look-alike groups (forms with the same folded key are one candidate), so a typo'd
    "7792746104" next to both "77927469104" and "779274691O4" still has one neighbour.
    """
    group, folded = pd.factorize(forms["lookalike"])
    n_groups = len(folded)
    by_n = np.lexsort((np.arange(len(forms)), -forms["n"].to_numpy()))
    rep = np.full(n_groups, -1, dtype=np.int64)
    rep[group[by_n[::-1]]] = by_n[::-1]  # most attested form of each group (last write wins)
    g_n = np.bincount(group, weights=forms["n"].to_numpy(), minlength=n_groups)
    keys = pd.Series(np.asarray(folded, dtype=object), dtype=TEXT_DTYPE)
    long = np.flatnonzero(keys.str.len().to_numpy() >= MIN_TYPO_LENGTH)
    empty = np.empty(0, dtype=np.int64)
    if len(long) < 2:
        return empty, empty
    dv = _deletion_variants(keys.iloc[long].reset_index(drop=True))
    dv["form"] = long[dv["form"].to_numpy()]
    cand = dv.merge(dv, on="variant")
    cand = cand[cand["form_x"] < cand["form_y"]][["form_x", "form_y"]].drop_duplicates()
    l, r = cand["form_x"].to_numpy(np.int64), cand["form_y"].to_numpy(np.int64)
    if len(l) == 0:
        return empty, empty
    kv = keys.to_numpy(dtype=object)
    dist = process.cpdist(
        kv[l], kv[r], scorer=distance.OSA.distance, processor=None, score_cutoff=1, workers=-1
    )
    one = np.asarray(dist) <= 1
    l, r = l[one], r[one]
    g_families = pd.DataFrame(
        {"form": group[families["form"].to_numpy()], "family": families["family"].to_numpy()}
    ).drop_duplicates()
    ok = _compatible(l, r, g_families, n_groups)
    # a same-length change must be a swap of two neighbours as written: a substituted character
    # is how the serials of two units from one batch differ, and look-alike folding must not
    # turn two differences into one ("FDO2452LNQM" vs "FDO2452IZQM")
    raw = forms["serial_key"].to_numpy(dtype=object)
    a, b = raw[rep[l]], raw[rep[r]]
    same_len = (
        pd.Series(a, dtype=TEXT_DTYPE).str.len().to_numpy()
        == pd.Series(b, dtype=TEXT_DTYPE).str.len().to_numpy()
    )
    raw_dist = np.asarray(
        process.cpdist(
            a, b, scorer=distance.OSA.distance, processor=None, score_cutoff=2, workers=-1
        )
    )
    anagram = _sorted_chars(a.astype(str)) == _sorted_chars(b.astype(str))
    substituted = same_len & ~((raw_dist <= 1) & anagram)
    # a record listing both forms lists two units
    g_records = pd.DataFrame(
        {
            "form": group[form_records["form"].to_numpy()],
            "record_id": form_records["record_id"].to_numpy(),
        }
    ).drop_duplicates()
    both = pd.DataFrame({"l": l, "r": r, "i": np.arange(len(l))})
    co = (
        both.merge(g_records.rename(columns={"form": "l"}), on="l")
        .merge(g_records.rename(columns={"form": "r"}), on=["r", "record_id"])["i"]
        .unique()
    )
    shared_record = np.zeros(len(l), dtype=bool)
    shared_record[co] = True
    # a dropped or doubled character changes the length, which serial schemes keep fixed: a typo
    # even when both forms were seen equally often; a same-length change needs the variant to be
    # the rarer form
    attested_differently = (g_n[l] != g_n[r]) | ~same_len
    keep = ok & ~substituted & ~shared_record & attested_differently
    l, r = l[keep], r[keep]
    # unambiguous: each group has exactly one typo neighbour
    degree = np.bincount(np.r_[l, r], minlength=n_groups)
    single = (degree[l] == 1) & (degree[r] == 1)
    return rep[l[single]], rep[r[single]]


def resolve_serials(rows: pd.DataFrame) -> pd.DataFrame:
    """Asset clusters of raw serial tokens.

    `rows` has record_id, raw_serial and optionally sku, category (hardware / software /
    service) and source (one row per serial token; explode list cells first). Returns
    ASSET_COLUMNS per input row (same order): the normalised `serial_key`, `asset_key` (int,
    numbered by first appearance; null without a serial), the asset's canonical
    `serial_number`, the row's `sku_family`, and `match_rule`: "exact" (raw text is the
    canonical serial), "normalised" (same after case/label/separator clean-up), "lookalike"
    or "typo".
    """
    frame = pd.DataFrame(
        {
            "record_id": rows["record_id"].to_numpy(),
            "raw_serial": rows["raw_serial"].to_numpy(),
            "sku": rows["sku"].to_numpy() if "sku" in rows else None,
        }
    )
    frame["serial_key"] = normalise_serials(frame["raw_serial"]).to_numpy()
    sku = (
        normalise_skus(frame["sku"])
        if "sku" in rows
        else pd.Series(None, index=frame.index, dtype=object)
    )
    frame["sku_family"] = sku_families(sku).to_numpy()
    if "category" in rows:
        service = as_text(rows["category"]).fillna("").str.lower().eq("service").to_numpy()
    else:
        service = sku.fillna("").str.contains(SERVICE_SKU_PATTERN, regex=True).to_numpy(dtype=bool)
    product_family = np.where(service, None, frame["sku_family"].to_numpy(dtype=object))
    source = as_text(rows["source"]) if "source" in rows else pd.Series("", index=rows.index)
    has_key = frame["serial_key"].notna().to_numpy()
    work = frame[has_key].assign(
        source=source.to_numpy()[has_key],
        product_family=product_family[has_key],
        _pos=np.flatnonzero(has_key),
    )
    frame["asset_key"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    frame["serial_number"] = None
    frame["match_rule"] = None
    if work.empty:
        return frame[list(ASSET_COLUMNS)]
    forms = _forms(work)
    families = _family_sets(work, forms)
    form_of = pd.Series(np.arange(len(forms)), index=forms["serial_key"].to_numpy())
    fr = work[["serial_key", "record_id"]].drop_duplicates()
    form_records = pd.DataFrame(
        {"form": form_of[fr["serial_key"]].to_numpy(), "record_id": fr["record_id"].to_numpy()}
    )

    ll, lr = _lookalike_edges(forms, families)
    tl, tr = _typo_edges(forms, families, form_records)
    labels = connected_components(len(forms), np.r_[ll, tl], np.r_[lr, tr])

    # canonical form per asset: most records, most sources, longer (a dropped character is the
    # usual slip), then smallest key (digits before look-alike letters)
    ranked = forms.assign(label=labels, length=forms["serial_key"].str.len()).sort_values(
        ["label", "n", "sources", "length", "serial_key"],
        ascending=[True, False, False, False, True],
        kind="stable",
    )
    canonical = ranked.drop_duplicates("label").set_index("label")["serial_key"]
    via_typo = np.zeros(len(forms), dtype=bool)
    via_typo[np.r_[tl, tr]] = True
    form = form_of[work["serial_key"]].to_numpy()
    label = labels[form]
    canon = canonical[label].to_numpy()
    same_key = work["serial_key"].to_numpy() == canon
    fold_same = forms["lookalike"].to_numpy()[form] == lookalike_keys(pd.Series(canon)).to_numpy()
    rule = np.where(
        same_key,
        np.where(work["raw_serial"].astype(str).to_numpy() == canon, "exact", "normalised"),
        np.where(fold_same, "lookalike", "typo"),
    )
    order = pd.factorize(pd.Series(label).iloc[np.argsort(work["_pos"].to_numpy(), kind="stable")])
    asset_number = pd.Series(np.arange(len(order[1])), index=order[1])
    pos = work["_pos"].to_numpy()
    frame.loc[pos, "asset_key"] = asset_number[label].to_numpy()
    frame.loc[pos, "serial_number"] = canon
    frame.loc[pos, "match_rule"] = rule
    return frame[list(ASSET_COLUMNS)]

"""Assets by serial number: raw serial tokens from every source -> one asset per physical unit.

1. Exact: serials equal after upper-casing and dropping labels and separators
   ("fcw-2231-x0ab" = "S/N: FCW2231X0AB") are one *form* and always one asset.
2. Look-alike: forms equal once O/0, I/L/1, S/5 and B/8 are folded ("FCW2231XOAB"), in any
   position, join when their SKU families agree or one side has no SKU; a form without SKU
   joins only a group whose forms all agree, so it cannot bridge two products. Look-alikes
   join across customers unless each form is known only at customers the other never was
   (two units whose serials fold alike; then a form without customer bridges nothing either),
   and never two forms one record lists side by side (a batch of units).
3. Typo: forms one slip apart (a dropped, doubled or substituted character, or two neighbours
   swapped) join under the rules of `serial_typos`: within one customer and SKU family when
   the rows carry their customer, never across customers, and without customers only when
   the slip is unambiguous and not a substitution (how the serials of units shipped together
   differ).
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

from matching.form_links import compatible, form_links, listed
from matching.graph import connected_components, group_pairs, pairs_sharing
from matching.serial_misreads import customer_readings
from matching.serial_typos import typo_edges
from matching.serials import lookalike_keys, normalise_serials, normalise_skus, sku_families
from matching.text import as_text

#: SKUs of support/service parts when no category is given ("CON-SNT-C93004", "CS-NBD-STO")
SERVICE_SKU_PATTERN: Final[str] = (
    r"^(?:CON|CS|SVC|SRVC|SUP|SUPPORT|CARE|WTY|WARR|WARRANTY|SNT|SMARTNET|MNT|MAINT|SS|EXT)[-_]"
)
#: `match_rule` values: the raw text is the canonical serial, equal once normalised, a look-alike, a typo
MATCH_RULES: Final[np.ndarray] = np.array(["exact", "normalised", "lookalike", "typo"], dtype=object)
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


def _forms(rows: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per distinct serial key, in sorted order (records, sources, look-alike key), and
    each row's form: counted on integer codes, not grouped by the keys' strings (at 13M mentions
    the grouping and the lookup of each row's form held 2 GiB more)."""
    form, keys = pd.factorize(rows["serial_key"], sort=True)
    k = len(keys)
    source = pd.factorize(rows["source"])[0]
    seen = source >= 0  # a missing source counts for none, as `nunique` had it
    width = int(source.max()) + 1 if seen.any() else 1
    form_sources = np.unique(form[seen].astype(np.int64) * width + source[seen])
    forms = pd.DataFrame(
        {
            "serial_key": np.asarray(keys, dtype=object),
            "n": np.bincount(form, minlength=k),
            "sources": np.bincount(form_sources // width, minlength=k),
        }
    )
    forms["lookalike"] = lookalike_keys(forms["serial_key"]).to_numpy()
    return forms, form


def _lookalike_edges(forms: pd.DataFrame, families: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of forms with the same folded key that may be joined (see module docstring)."""
    codes, _ = pd.factorize(forms["lookalike"])
    sizes = np.bincount(codes)
    l, r = group_pairs(codes, np.flatnonzero(sizes > 1))
    if len(l) == 0:
        return l, r
    ok = compatible(l, r, families, len(forms))
    # a group where some pair disagrees: only pairs sharing a family join (no SKU-less bridges)
    bad_groups = np.unique(codes[l[~ok]])
    has = listed(families, len(forms))
    bridge = np.isin(codes[l], bad_groups) & (~has[l] | ~has[r])
    keep = ok & ~bridge
    return l[keep], r[keep]


def _listed_together(left: np.ndarray, right: np.ndarray, form_records: pd.DataFrame) -> np.ndarray:
    """Which look-alike pairs one record lists side by side: two units (a batch whose serials differ in
    one character, "PFNXZ48I" and "PFNXZ48L" on one invoice line), never one unit written twice."""
    if len(left) == 0:
        return np.zeros(0, dtype=bool)
    return pairs_sharing(left, right, form_records["form"].to_numpy(), form_records["record_id"].to_numpy())


def _kept_across_customers(
    left: np.ndarray, right: np.ndarray, form_customers: pd.DataFrame | None, n_forms: int
) -> np.ndarray:
    """Which look-alike pairs to keep: not two forms each seen only at customers the other never was.

    "FOC2252GB0L" at one customer and "FOC2252GBOL" at another are two units once an install
    base is large (a serial scheme of year, week and four characters repeats its folded forms
    by chance: 299 false merges in 354k units at a million source rows); a misread serial is
    misread at the customer that owns the unit. In a group where such a pair stands apart, a
    form without a known customer joins nothing (it cannot bridge the two units).
    """
    keep = np.ones(len(left), dtype=bool)
    if form_customers is None or len(form_customers) == 0 or len(left) == 0:
        return keep
    known = listed(form_customers, n_forms)
    apart = known[left] & known[right] & ~pairs_sharing(
        left, right, form_customers["form"].to_numpy(), form_customers["customer"].to_numpy()
    )
    if not apart.any():
        return keep
    group = connected_components(n_forms, left, right)
    split = np.isin(group[left], np.unique(group[left[apart]]))
    return ~apart & ~(split & (~known[left] | ~known[right]))


def _typo_edges(
    forms: pd.DataFrame,
    lookalike_groups: np.ndarray,
    families: pd.DataFrame,
    form_records: pd.DataFrame,
    form_customers: pd.DataFrame | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Form pairs joined as typos (`serial_typos`), worked out on look-alike groups.

    Forms joined as look-alikes (`lookalike_groups`, a label per form) are one candidate, so a
    typo'd "7792746104" next to both "77927469104" and "779274691O4" still has one neighbour;
    each group is represented by its most attested form.
    """
    group, _ = pd.factorize(lookalike_groups)
    n_groups = int(group.max()) + 1 if len(group) else 0
    by_n = np.lexsort((np.arange(len(forms)), -forms["n"].to_numpy()))
    rep = np.full(n_groups, -1, dtype=np.int64)
    rep[group[by_n[::-1]]] = by_n[::-1]  # most attested form of each group (last write wins)
    folded = forms["lookalike"].to_numpy(dtype=object)[rep]
    attested = pd.DataFrame(
        {
            "n": np.bincount(group, weights=forms["n"].to_numpy(), minlength=n_groups),
            "sources": np.bincount(group, weights=forms["sources"].to_numpy(), minlength=n_groups),
        }
    )
    g_families = pd.DataFrame(
        {"form": group[families["form"].to_numpy()], "family": families["family"].to_numpy()}
    ).drop_duplicates()
    g_records = pd.DataFrame(
        {
            "group": group[form_records["form"].to_numpy()],
            "record_id": form_records["record_id"].to_numpy(),
        }
    ).drop_duplicates()
    g_customers = None
    if form_customers is not None:
        g_customers = pd.DataFrame(
            {
                "group": group[form_customers["form"].to_numpy()],
                "customer": form_customers["customer"].to_numpy(),
            }
        ).drop_duplicates()
    l, r = typo_edges(
        pd.Series(np.asarray(folded, dtype=object)),
        forms["serial_key"].to_numpy(dtype=object)[rep],
        attested,
        lambda a, b: compatible(a, b, g_families, n_groups),
        g_records,
        g_customers,
    )
    return rep[l], rep[r]


def resolve_serials(rows: pd.DataFrame) -> pd.DataFrame:
    """Asset clusters of raw serial tokens.

    `rows` has record_id, raw_serial and optionally sku, category (hardware / software /
    service), source and customer (the resolved customer of the row: typos are then joined
    only within one customer, and more freely there, see `serial_typos`; one row per serial
    token, explode list cells first). Returns
    ASSET_COLUMNS per input row (same order): the normalised `serial_key`, `asset_key` (int,
    numbered by first appearance; null without a serial), the asset's canonical
    `serial_number`, the row's `sku_family`, and `match_rule`: "exact" (raw text is the
    canonical serial), "normalised" (same after case/label/separator clean-up), "lookalike"
    or "typo".
    """
    # the columns' own arrays (Arrow strings on pandas 3), shared, not a Python string per cell
    frame = pd.DataFrame(
        {
            "record_id": rows["record_id"].array,
            "raw_serial": rows["raw_serial"].array,
            "sku": rows["sku"].array if "sku" in rows else None,
        },
        copy=False,
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
    customer = as_text(rows["customer"]) if "customer" in rows else None
    has_key = frame["serial_key"].notna().to_numpy()
    work = frame[has_key].assign(
        source=source.to_numpy()[has_key],
        customer=customer.to_numpy()[has_key] if customer is not None else None,
        product_family=product_family[has_key],
        _pos=np.flatnonzero(has_key),
    )
    if customer is not None:  # a slip that spells another customer's serial is read as the customer's own
        own_key = work["serial_key"].to_numpy(dtype=object)
        work["serial_key"] = customer_readings(
            work["serial_key"], work["customer"], work["source"], work["product_family"], work["record_id"]
        ).to_numpy(dtype=object)
        read_again = work["serial_key"].to_numpy(dtype=object) != own_key
    frame["asset_key"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    frame["serial_number"] = None
    frame["match_rule"] = None
    if work.empty:
        return frame[list(ASSET_COLUMNS)]
    forms, form = _forms(work)  # form: each row's
    families = form_links(form, work["product_family"].to_numpy(), "family")
    form_records = form_links(form, work["record_id"], "record_id")
    form_customers = form_links(form, work["customer"], "customer") if customer is not None else None

    ll, lr = _lookalike_edges(forms, families)
    keep = _kept_across_customers(ll, lr, form_customers, len(forms)) & ~_listed_together(ll, lr, form_records)
    ll, lr = ll[keep], lr[keep]
    groups = connected_components(len(forms), ll, lr)
    tl, tr = _typo_edges(forms, groups, families, form_records, form_customers)
    labels = connected_components(len(forms), np.r_[ll, tl], np.r_[lr, tr])

    # canonical form per asset: most records, most sources, longer (a dropped character is the
    # usual slip), then smallest key (digits before look-alike letters)
    ranked = forms.assign(label=labels, length=forms["serial_key"].str.len()).sort_values(
        ["label", "n", "sources", "length", "serial_key"],
        ascending=[True, False, False, False, True],
        kind="stable",
    )
    first = ranked.drop_duplicates("label")
    canon_form = np.zeros(int(labels.max()) + 1, dtype=np.int64)  # labels need not be 0..k-1
    canon_form[first["label"].to_numpy()] = first.index.to_numpy()  # forms are numbered 0..n-1
    # per row as positions among the forms: one Python string per form, none per row
    label = labels[form]
    canon_at = canon_form[label]
    canon = forms["serial_key"].to_numpy(dtype=object)[canon_at]
    folded = pd.factorize(forms["lookalike"])[0]
    raw = work["raw_serial"].astype(str)
    written = (raw == pd.Series(canon, index=raw.index, dtype=raw.dtype)).to_numpy(dtype=bool)
    rule = MATCH_RULES[
        np.where(form == canon_at, np.where(written, 0, 1), np.where(folded[form] == folded[canon_at], 2, 3))
    ]
    if customer is not None and read_again.any():  # the rule of the serial as written, not as read
        own_folded = lookalike_keys(pd.Series(own_key[read_again], dtype=object)).to_numpy(dtype=object)
        canon_folded = forms["lookalike"].to_numpy(dtype=object)[canon_at[read_again]]
        rule[read_again] = MATCH_RULES[np.where(own_folded == canon_folded, 2, 3)]
    order = pd.factorize(pd.Series(label).iloc[np.argsort(work["_pos"].to_numpy(), kind="stable")])
    asset_number = pd.Series(np.arange(len(order[1])), index=order[1])
    pos = work["_pos"].to_numpy()
    frame.loc[pos, "asset_key"] = asset_number[label].to_numpy()
    frame.loc[pos, "serial_number"] = canon
    frame.loc[pos, "match_rule"] = rule
    return frame[list(ASSET_COLUMNS)]

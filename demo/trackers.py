"""Row specs of the sales reps' Excel trackers: each rep's contracts, grouped by customer, written loosely."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo import fmt
from demo.context import Ctx, draw, expand_contracts, spec
from demo.vocab_channel import TRACKER_NOTES

TRACKER_ROWS_PER_FILE = 60_000
_SERIAL_PREFIXES = np.array(["S/N: ", "S/N ", "SN:", "Serial: "], dtype=object)


def _expiry_cells(rng: np.random.Generator, ends: np.ndarray) -> np.ndarray:
    """Expiry written five ways (date cell, "3/15/2026", ISO, "15-Mar-2026", "March 15, 2026"), never day-first."""
    n = len(ends)
    kind = rng.choice(5, size=n, p=[0.35, 0.25, 0.15, 0.15, 0.10])
    late = fmt.day_of_month(ends) > 12
    if late.any():
        kind[np.flatnonzero(late)[0]] = 1  # one unambiguous m/d/Y string shows the order
    else:
        kind[kind == 1] = 0  # no m/d/Y string at all when none could show the order
    options = [
        fmt.py_dates(ends),
        fmt.fmt_dates(ends, "m/d/Y"),
        fmt.fmt_dates(ends, "%Y-%m-%d"),
        fmt.fmt_dates(ends, "%d-%b-%Y"),
        fmt.fmt_dates(ends, "Month d, Y"),
    ]
    return np.choose(kind, options)


def _money_cells(rng: np.random.Generator, amounts: np.ndarray) -> np.ndarray:
    """Renewal values mostly as text "$3,000.00", some as numbers, some as bare text."""
    kind = rng.choice(3, size=len(amounts), p=[0.85, 0.10, 0.05])
    text = fmt.fmt_grouped(amounts, prefix="$")
    bare = np.array([f"{a:.0f}" if a == int(a) else f"{a:.2f}" for a in amounts], dtype=object)
    return np.choose(kind, [text, amounts.astype(object), bare])


def _contacts(ctx: Ctx, rng: np.random.Generator, keys: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The contact a rep noted on each row: the customer's contact when that contract ran (an earlier
    one before a change), on about two rows in three; the phone on most of those."""
    people = ctx.world.contacts.set_index("customer_key").reindex(keys)
    earlier = (people.old_contact_name.fillna("").to_numpy() != "") & (ends < people.contact_since.to_numpy())
    old_name = people.old_contact_name.to_numpy(dtype=object)
    old_phone = people.old_contact_phone.to_numpy(dtype=object)
    name = np.where(earlier, old_name, people.contact_name.to_numpy(dtype=object))
    phone = np.where(earlier, old_phone, people.contact_phone.to_numpy(dtype=object))
    noted = rng.random(len(keys)) < 0.65
    with_phone = noted & (rng.random(len(keys)) < 0.8)
    name, phone = name.astype(object), phone.astype(object)
    name[~noted] = None
    phone[~with_phone] = None
    return name, phone


def _tracker(ctx: Ctx, first: str, source: str, c: pd.DataFrame) -> pd.DataFrame:
    """One rep's tracker rows, grouped by customer (groups become blank-row separated blocks)."""
    rng = ctx.rng(source)
    n_c = len(c)
    mode = rng.choice(3, size=n_c, p=[0.6, 0.15, 0.25])  # one row / a row per serial / no serials
    form = rng.choice(
        [0, 3, 2, -1], size=n_c, p=[0.55, 0.10, 0.10, 0.25]
    )  # SC-1234567, SC1234567, 1234567, blank
    hw_product = rng.random(n_c) < 0.5
    rank = {k: i for i, k in enumerate(rng.permutation(sorted(set(c.customer_key))))}
    c = c.assign(mode=mode, form=form, hw_product=hw_product, grp=c.customer_key.map(rank))
    c = c.sort_values(["grp", "end_date", "contract_number"], kind="stable")
    rows = expand_contracts(c, ctx, c["mode"].to_numpy() == 1)
    rows["aidx"] = pd.Series(
        [np.zeros(0, int) if m == 2 else a for a, m in zip(rows.aidx, rows["mode"], strict=True)],
        dtype=object,
        index=rows.index,
    )
    n = len(rows)
    written, truth = ctx.serial_cells(
        rng,
        list(rows.aidx),
        {"exact": 0.45, "lower": 0.1, "swap": 0.2, "drop": 0.1, "dashed": 0.15},
    )
    seps = draw(rng, [", ", "\n", " / ", " "], n)
    prefix = np.where(rng.random(n) < 0.3, draw(rng, list(_SERIAL_PREFIXES), n), "")
    serial_cell = np.array(
        [(p + s.join(w)) if w else None for p, s, w in zip(prefix, seps, written, strict=True)],
        dtype=object,
    )
    form = rows.form.to_numpy()
    raw_contract = np.where(
        form < 0, np.array(None, dtype=object), fmt.contract_forms(rows.contract_number.to_numpy(), np.maximum(form, 0))
    )
    hw_sku = ctx.world.assets.sku.to_numpy()[[ctx.contract_aidx[i][0] for i in rows.contract_idx]]
    product = np.where(rows.hw_product.to_numpy(), hw_sku, rows.sku.to_numpy()).astype(object)
    names = ctx.customer_names(
        rng,
        rows.cust_idx.to_numpy(),
        {
            "informal_first": 2,
            "informal_hq": 1,
            "informal_dept": 0.7,
            "typo_upper": 1,
            "typo_nosuffix": 2,
            "upper": 1,
            "nosuffix": 2,
            "legal": 1,
            "lower": 0.5,
        },
    )
    ends = rows.end_date.to_numpy().astype("datetime64[D]")
    amounts = rows.row_amount.to_numpy(dtype=float)
    contact, phone = _contacts(ctx, ctx.rng(f"{source}:contacts"), rows.customer_key.to_numpy(), ends)
    cells = {
        "Customer": names,
        "Contract #": raw_contract,
        "Serial #": serial_cell,
        "Product": product,
        "Expiry": _expiry_cells(rng, ends),
        "Renewal Value": _money_cells(rng, amounts),
        "Contact": contact,
        "Contact Phone": phone,
        "Notes": draw(rng, list(TRACKER_NOTES), n),
    }
    part = np.arange(n) // TRACKER_ROWS_PER_FILE
    files = np.array(
        [f"inbox/reps/{first}_renewals_2026{f'_part{k + 1}' if k else ''}.xlsx" for k in part],
        dtype=object,
    )
    columns = {
        "source_file": files,
        "source_sheet": np.full(n, "Renewals", dtype=object),
        "group": rows.grp.to_numpy(),
        "customer_key": rows.customer_key.to_numpy(),
        "reseller_key": rows.reseller_key.to_numpy(),
        "bill_to_key": rows.bill_to_key.to_numpy(),
        "contract_number": rows.contract_number.to_numpy(),
        "raw_contract_number": raw_contract,
        "sku": product,
        "serials": written,
        "serial_truth": truth,
        "service_end": ends,
        "amount": amounts,
        "raw_customer_name": names,
    }
    return spec(n, source, columns, cells)


def trackers(ctx: Ctx) -> list[pd.DataFrame]:
    """Every sales rep's tracker: the current and recent contracts of the customers the rep owns."""
    w = ctx.world
    sel = w.contracts[ctx.plan.tracker.to_numpy()]
    out = []
    for rep in w.reps[w.reps.role == "sales"].itertuples():
        mine = sel[sel.rep == rep.name]
        if mine.empty:  # every rep keeps a tracker, if only of the latest contracts
            mine = w.contracts[w.contracts.rep == rep.name].nlargest(3, "end_date")
        out.append(_tracker(ctx, rep.first_name.lower(), rep.source, mine))
    return out

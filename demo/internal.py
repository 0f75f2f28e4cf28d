"""Row specs of the vendor's own systems: reps' trackers, accounting, CRM accounts and contracts, price list."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo import fmt
from demo.context import Ctx, spec
from demo.vocab import COUNTRY_NAMES, LEVEL_SPELLINGS, TRACKER_NOTES
from demo.world import AS_OF

TRACKER_ROWS_PER_FILE = 60_000
_SERIAL_PREFIXES = np.array(["S/N: ", "S/N ", "SN:", "Serial: "], dtype=object)


def _choice(
    rng: np.random.Generator,
    options: list[object] | tuple[object, ...],
    n: int,
    p: list[float] | None = None,
) -> np.ndarray:
    """n draws from `options` (object array)."""
    arr = np.empty(len(options), dtype=object)
    arr[:] = list(options)
    return arr[rng.choice(len(options), size=n, p=p)]


def _expand(c: pd.DataFrame, ctx: Ctx, split: np.ndarray) -> pd.DataFrame:
    """One row per contract, or one per covered asset where `split` (with the asset's line amount)."""
    per = np.where(split, c.n_assets.to_numpy(), 1)
    rows = c.loc[c.index.repeat(per)].copy()
    aidx = []
    for i, s in zip(c.index, split, strict=True):
        a = ctx.contract_aidx[i]
        aidx.extend([a[k : k + 1] for k in range(len(a))] if s else [a])
    rows["aidx"] = pd.Series(aidx, dtype=object, index=rows.index)
    rows["split"] = np.repeat(split, per)
    rows["row_amount"] = np.where(rows.split, rows.line_amount, rows.amount)
    rows["row_qty"] = np.where(rows.split, 1, rows.n_assets)
    return rows.reset_index(drop=False).rename(columns={"index": "contract_idx"})


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
    rows = _expand(c, ctx, c["mode"].to_numpy() == 1)
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
    seps = _choice(rng, [", ", "\n", " / ", " "], n)
    prefix = np.where(rng.random(n) < 0.3, _choice(rng, list(_SERIAL_PREFIXES), n), "")
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
    cells = {
        "Customer": names,
        "Contract #": raw_contract,
        "Serial #": serial_cell,
        "Product": product,
        "Expiry": _expiry_cells(rng, ends),
        "Renewal Value": _money_cells(rng, amounts),
        "Notes": _choice(rng, list(TRACKER_NOTES), n),
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


def _hardware_invoices(ctx: Ctx, rng: np.random.Generator) -> pd.DataFrame:
    """Direct hardware orders (no distributor) invoiced by the vendor, billed to the reseller or the customer."""
    o = ctx.world.orders[ctx.world.orders.distributor == ""]
    to_customer = rng.random(len(o)) < 0.15
    return pd.DataFrame(
        {
            "date": o.ship_date.to_numpy().astype("datetime64[D]"),
            "cust_idx": o.cust_idx.to_numpy(),
            "customer_key": o.customer_key.to_numpy(),
            "reseller_key": o.reseller_key.to_numpy(),
            "bill_to_key": np.where(to_customer, o.customer_key, o.reseller_key),
            "sku": o.sku.to_numpy(),
            "aidx": pd.Series(
                [ctx.order_aidx[int(i)] for i in o.order_id], dtype=object
            ).to_numpy(),
            "row_qty": o.qty.to_numpy(),
            "unit": o.unit_price.to_numpy(),
            "row_amount": np.round(o.unit_price * o.qty, 2).to_numpy(),
            "contract_number": None,
            "start_date": np.datetime64("NaT", "D"),
            "end_date": np.datetime64("NaT", "D"),
            "form": 0,
            "key": o.order_id.to_numpy() + 10_000_000,
        }
    )


def accounting(ctx: Ctx) -> pd.DataFrame:
    """The vendor's invoice export: service contracts (per asset or consolidated) and direct hardware."""
    rng = ctx.rng("accounting")
    c = ctx.world.contracts[ctx.plan.acct.to_numpy()]
    svc = _expand(c, ctx, rng.random(len(c)) < 0.5)
    svc = pd.DataFrame(
        {
            "date": svc.booked.to_numpy().astype("datetime64[D]"),
            "cust_idx": svc.cust_idx.to_numpy(),
            "customer_key": svc.customer_key.to_numpy(),
            "reseller_key": svc.reseller_key.to_numpy(),
            "bill_to_key": svc.bill_to_key.to_numpy(),
            "sku": svc.sku.to_numpy(),
            "aidx": svc.aidx.to_numpy(),
            "row_qty": svc.row_qty.to_numpy(),
            "unit": svc.line_amount.to_numpy(),
            "row_amount": svc.row_amount.to_numpy(),
            "contract_number": svc.contract_number.to_numpy(),
            "start_date": svc.start_date.to_numpy().astype("datetime64[D]"),
            "end_date": svc.end_date.to_numpy().astype("datetime64[D]"),
            "form": svc.contract_idx.to_numpy() % 4,
            "key": svc.contract_idx.to_numpy(),
        }
    )
    rows = pd.concat([svc, _hardware_invoices(ctx, rng)], ignore_index=True)
    rows = rows.sort_values(["date", "key"], kind="stable").reset_index(drop=True)
    year = pd.DatetimeIndex(rows.date).year.to_numpy()
    first = ~rows.key.duplicated().to_numpy()
    seq = pd.Series(first.astype(int)).groupby(year).cumsum().to_numpy()
    inv_no = np.array([f"INV-{y}-{s:06d}" for y, s in zip(year, seq, strict=True)], dtype=object)
    n = len(rows)
    written, truth = ctx.serial_cells(
        rng, list(rows.aidx), {"exact": 0.8, "dashed": 0.1, "lower": 0.1}
    )
    seps = _choice(rng, [", ", " "], n)
    bill_keys = rows.bill_to_key.to_numpy()
    bill_is_cust = np.char.startswith(bill_keys.astype(str), "C")
    cust_lookup = {k: i for i, k in enumerate(ctx.world.customers.customer_key)}
    bill_name = np.empty(n, dtype=object)
    if bill_is_cust.any():
        idx = np.array([cust_lookup[k] for k in bill_keys[bill_is_cust]])
        bill_name[bill_is_cust] = ctx.customer_names(rng, idx, {"trunc20": 2, "legal": 2})
    if (~bill_is_cust).any():
        bill_name[~bill_is_cust] = ctx.partner_names_for(
            rng, bill_keys[~bill_is_cust], {"legal": 3, "upper": 1, "trunc20": 1}
        )
    ship_to = ctx.customer_names(
        rng, rows.cust_idx.to_numpy(), {"trunc20": 3, "legal": 3, "upper": 1}
    )
    form = np.where(
        rows.form.to_numpy() >= 2, rows.form.to_numpy() - 1, 0
    )  # 0 half, then sc1234567, 1234567
    raw_contract = np.where(
        rows.contract_number.isna(), np.array(None, dtype=object), fmt.contract_forms(rows.contract_number.to_numpy(), form)
    )
    files = np.array([f"inbox/accounting/invoices_{y}.csv" for y in year], dtype=object)
    cells = {
        "Invoice Number": inv_no,
        "Invoice Date": fmt.fmt_dates(rows.date, "%Y-%m-%d"),
        "Bill To Account": np.array([ctx.primary_account[k] for k in bill_keys], dtype=object),
        "Bill To": bill_name,
        "Ship To Name": ship_to,
        "Item": rows.sku.to_numpy(),
        "Description": ctx.world.products.set_index("sku").description.reindex(rows.sku).to_numpy(),
        "Serial No": np.array(
            [s.join(w) for s, w in zip(seps, written, strict=True)], dtype=object
        ),
        "Contract Ref": np.where(pd.isna(raw_contract), "", raw_contract),
        "Service Start": fmt.fmt_dates(rows.start_date, "%Y-%m-%d"),
        "Service End": fmt.fmt_dates(rows.end_date, "%Y-%m-%d"),
        "Qty": rows.row_qty.astype(int).astype(str).to_numpy(),
        "Unit Price": fmt.fmt_plain(rows.unit),
        "Amount": fmt.fmt_plain(rows.row_amount),
        "Currency": np.full(n, "USD", dtype=object),
    }
    truth_cols = {
        "source_file": files,
        "customer_key": rows.customer_key.to_numpy(),
        "reseller_key": rows.reseller_key.to_numpy(),
        "bill_to_key": bill_keys,
        "contract_number": rows.contract_number.to_numpy(dtype=object),
        "raw_contract_number": raw_contract,
        "sku": rows.sku.to_numpy(),
        "serials": written,
        "serial_truth": truth,
        "invoice_date": rows.date.to_numpy(),
        "service_start": rows.start_date.to_numpy(),
        "service_end": rows.end_date.to_numpy(),
        "amount": rows.row_amount.to_numpy(dtype=float),
        "quantity": rows.row_qty.to_numpy(dtype=float),
        "raw_customer_name": ship_to,
    }
    return spec(n, "accounting", truth_cols, cells)


def _phones(rng: np.random.Generator, phones: np.ndarray) -> np.ndarray:
    """US phone numbers in the formats people type them; foreign ones as given."""
    out = []
    for p, k in zip(phones, rng.integers(0, 5, size=len(phones)), strict=True):
        if not p.startswith("("):
            out.append(p)
            continue
        a, b, c = p[1:4], p[6:9], p[10:14]
        out.append([p, f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"{a}{b}{c}"][k])
    return np.array(out, dtype=object)


def crm_accounts(ctx: Ctx) -> pd.DataFrame:
    """CRM account export: customers (some twice), resellers and leasing companies."""
    rng = ctx.rng("crm_accounts")
    w = ctx.world
    acc = (
        w.crm_accounts.assign(name=ctx.account_names)
        .sort_values("account_id")
        .reset_index(drop=True)
    )
    n = len(acc)
    is_cust = (acc.account_type == "Customer").to_numpy()
    cust = w.customers.set_index("customer_key")
    part = w.partners.set_index("partner_key")
    keys = acc.entity_key.to_numpy()

    def col(name: str) -> np.ndarray:
        out = np.full(n, "US" if name == "country" else "", dtype=object)
        if name in cust.columns:
            out[is_cust] = cust[name].reindex(keys[is_cust]).to_numpy()
        if name in part.columns:
            out[~is_cust] = part[name].reindex(keys[~is_cust]).to_numpy()
        return out

    postal, country = col("postal_code"), col("country")
    lose = (country == "US") & np.char.startswith(postal.astype(str), "0") & (rng.random(n) < 0.5)
    postal = np.where(lose, np.char.lstrip(postal.astype(str), "0"), postal).astype(object)
    country_cell = np.array(
        [
            COUNTRY_NAMES[cc][int(k) if cc == "US" else 0]
            for cc, k in zip(country, rng.integers(0, 3, size=n), strict=True)
        ],
        dtype=object,
    )
    domain = col("domain")
    web = np.array(
        [
            "" if not d else [f"https://www.{d}/", f"www.{d}", d, f"http://{d}"][int(k)]
            for d, k in zip(domain, rng.integers(0, 4, size=n), strict=True)
        ],
        dtype=object,
    )
    owner = np.where(
        is_cust, col("rep"), np.where(acc.account_type == "Reseller", col("channel_rep"), "")
    )
    group = col("sibling_group")
    first_of_group: dict[str, str] = {}
    for k, g in zip(w.customers.customer_key, w.customers.sibling_group, strict=True):
        if g and g not in first_of_group:
            first_of_group[g] = ctx.primary_account[k]
    parent = np.array(
        [first_of_group.get(g, "") if g and rng.random() < 0.4 else "" for g in group], dtype=object
    )
    parent = np.where(parent == acc.account_id.to_numpy(), "", parent)
    kind = acc.account_type.to_numpy()
    cells = {
        "Account ID": acc.account_id.to_numpy(),
        "Account Name": acc.name.to_numpy(),
        "Type": kind,
        "Billing Street": col("address"),
        "Billing City": col("city"),
        "Billing State": col("state"),
        "Billing Zip": postal,
        "Billing Country": country_cell,
        "Website": web,
        "Phone": _phones(rng, col("phone")),
        "Account Owner": owner,
        "Parent Account": parent,
    }
    truth = {
        "source_file": np.full(n, "inbox/crm/accounts.csv", dtype=object),
        "customer_key": np.where(is_cust, keys, None),
        "reseller_key": np.where(kind == "Reseller", keys, None),
        "bill_to_key": np.where(kind == "Leasing", keys, None),
        "raw_customer_name": acc.name.to_numpy(),
    }
    return spec(n, "crm_accounts", truth, cells)


def crm_contracts(ctx: Ctx) -> pd.DataFrame:
    """CRM contract export: most contracts, US dates, sometimes the serials, sometimes a duplicate account."""
    rng = ctx.rng("crm_contracts")
    w = ctx.world
    c = w.contracts[ctx.plan.crm.to_numpy()].sort_values(
        ["start_date", "contract_number"], kind="stable"
    )
    n = len(c)
    acc = w.crm_accounts.assign(name=ctx.account_names)
    dup = acc[acc.duplicate].drop_duplicates("entity_key").set_index("entity_key")
    prim = acc[~acc.duplicate].set_index("entity_key")
    use_dup = c.customer_key.isin(dup.index).to_numpy() & (rng.random(n) < 0.5)
    acc_id = np.where(
        use_dup,
        dup.account_id.reindex(c.customer_key).to_numpy(),
        prim.account_id.reindex(c.customer_key).to_numpy(),
    )
    acc_name = np.where(
        use_dup,
        dup.name.reindex(c.customer_key).to_numpy(),
        prim.name.reindex(c.customer_key).to_numpy(),
    )
    level = np.array(
        [
            LEVEL_SPELLINGS[lv][int(k)]
            for lv, k in zip(c.service_level, rng.choice(3, size=n, p=[0.6, 0.3, 0.1]), strict=True)
        ],
        dtype=object,
    )
    end = c.end_date.to_numpy().astype("datetime64[D]")
    status = np.where(
        end >= AS_OF, "Active", np.where(c.renewed_by.to_numpy() != "", "Renewed", "Expired")
    )
    with_serials = rng.random(n) < 0.5
    aidx = [
        ctx.contract_aidx[i] if s else np.zeros(0, int)
        for i, s in zip(c.index, with_serials, strict=True)
    ]
    written, truth = ctx.serial_cells(rng, aidx, {"exact": 1.0})
    cells = {
        "Contract Number": c.contract_number.to_numpy(),
        "Account ID": acc_id,
        "Account Name": acc_name,
        "Service Level": level,
        "Start Date": fmt.fmt_dates(c.start_date, "m/d/Y"),
        "End Date": fmt.fmt_dates(end, "m/d/Y"),
        "Amount": fmt.fmt_plain(c.amount),
        "Currency": c.currency.to_numpy(),
        "Reseller": ctx.partner_names_for(
            rng, c.reseller_key.to_numpy(), {"legal": 3, "nosuffix": 1}
        ),
        "Status": status,
        "Owner": c.rep.to_numpy(),
        "Serial Numbers": np.array(["; ".join(x) for x in written], dtype=object),
    }
    truth_cols = {
        "source_file": np.full(n, "inbox/crm/contracts.csv", dtype=object),
        "customer_key": c.customer_key.to_numpy(),
        "reseller_key": c.reseller_key.to_numpy(),
        "bill_to_key": c.bill_to_key.to_numpy(),
        "contract_number": c.contract_number.to_numpy(),
        "raw_contract_number": c.contract_number.to_numpy(),
        "serials": written,
        "serial_truth": truth,
        "service_start": c.start_date.to_numpy().astype("datetime64[D]"),
        "service_end": end,
        "amount": c.amount.to_numpy(dtype=float),
        "raw_customer_name": acc_name,
    }
    return spec(n, "crm_contracts", truth_cols, cells)


def price_list(ctx: Ctx) -> pd.DataFrame:
    """The vendor price list: every SKU with description, category and list price."""
    p = ctx.world.products
    n = len(p)
    cells = {
        "SKU": p.sku.to_numpy(),
        "Description": p.description.to_numpy(),
        "Category": p.category.to_numpy(),
        "List Price": p.list_price.to_numpy(dtype=object),
    }
    truth = {
        "source_file": np.full(n, "inbox/pricelist/price_list.xlsx", dtype=object),
        "source_sheet": np.full(n, "Price List", dtype=object),
        "sku": p.sku.to_numpy(),
        "list_price": p.list_price.to_numpy(dtype=float),
    }
    return spec(n, "price_list", truth, cells)

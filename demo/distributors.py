"""Row specs of the four distributors' sell-through reports (hardware, service and software lines).

Each distributor sees the hardware orders, service contracts and licences that went through it,
and writes them its own way: one serial per line or many per cell, its own date and money styles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo import fmt
from demo.context import NAT, Ctx, spec
from demo.periods import file_period, month_sheet
from demo.vocab_products import FAMILY_NAMES_DE, SERVICE_LEVELS

EUROLINK_COUNTRY = {
    "US": "USA",
    "DE": "Deutschland",
    "FR": "France",
    "CA": "Canada",
    "GB": "United Kingdom",
    "ES": "España",
    "SE": "Sverige",
}
INVOICE_PREFIX = {"westbridge": "WB", "eurolink": "EL-", "summit": "SM", "pacific": "PS-"}


def events(ctx: Ctx, src: str) -> pd.DataFrame:
    """Everything `src` sold: hardware orders, service contracts and licences, by date."""
    w = ctx.world
    o = w.orders[w.orders.distributor == src]
    c = w.contracts[(w.contracts.distributor == src) & ctx.plan.dist.to_numpy()]
    s = w.software[w.software.distributor == src]
    parts = [
        pd.DataFrame(
            {
                "kind": "hw",
                "date": o.ship_date.to_numpy(),
                "cust_idx": o.cust_idx,
                "reseller_key": o.reseller_key,
                "sku": o.sku,
                "aidx": [ctx.order_aidx[int(i)] for i in o.order_id],
                "qty": o.qty,
                "unit": o.unit_price,
                "amount": np.round(o.unit_price * o.qty, 2),
                "contract": None,
                "bill_to_key": None,
                "start": NAT,
                "end": NAT,
                "key": o.order_id,
            }
        ),
        pd.DataFrame(
            {
                "kind": "svc",
                "date": c.booked.to_numpy(),
                "cust_idx": c.cust_idx,
                "reseller_key": c.reseller_key,
                "sku": c.sku,
                "aidx": [ctx.contract_aidx[i] for i in c.index],
                "qty": c.n_assets,
                "unit": c.line_amount,
                "amount": c.amount,
                "contract": c.contract_number,
                "bill_to_key": c.bill_to_key,
                "start": c.start_date.to_numpy(),
                "end": c.end_date.to_numpy(),
                "key": c.index,
            }
        ),
        pd.DataFrame(
            {
                "kind": "sw",
                "date": s.date.to_numpy(),
                "cust_idx": s.cust_idx,
                "reseller_key": s.reseller_key,
                "sku": s.sku,
                "aidx": [np.zeros(0, int) for _ in range(len(s))],
                "qty": s.qty,
                "unit": s.unit_price,
                "amount": np.round(s.unit_price * s.qty, 2),
                "contract": None,
                "bill_to_key": None,
                "start": NAT,
                "end": NAT,
                "key": s.sale_id,
            }
        ),
    ]
    ev = pd.concat([p for p in parts if len(p)], ignore_index=True)
    for col in ("date", "start", "end"):
        ev[col] = ev[col].to_numpy().astype("datetime64[D]")
    ev = ev.sort_values(["date", "kind", "key"], kind="stable").reset_index(drop=True)
    ev["invoice_no"] = [f"{INVOICE_PREFIX[src]}{7000001 + i}" for i in range(len(ev))]
    return ev


def _truth(
    ev: pd.DataFrame, ctx: Ctx, written: list[list[str]], truth: list[list[str]], names: np.ndarray
) -> dict[str, object]:
    """Truth columns shared by every distributor row."""
    return {
        "customer_key": ctx.world.customers.customer_key.to_numpy()[ev.cust_idx.to_numpy()],
        "reseller_key": ev.reseller_key.to_numpy(),
        "bill_to_key": ev.bill_to_key.to_numpy(dtype=object),
        "contract_number": ev.contract.to_numpy(dtype=object),
        "raw_contract_number": ev.contract.to_numpy(dtype=object),
        "sku": ev.sku.to_numpy(dtype=object),
        "serials": written,
        "serial_truth": truth,
        "invoice_date": ev.date.to_numpy(),
        "service_start": ev.start.to_numpy(),
        "service_end": ev.end.to_numpy(),
        "amount": ev.amount.to_numpy(dtype=float),
        "quantity": ev.qty.to_numpy(dtype=float),
        "raw_customer_name": names,
    }


def _descriptions(ctx: Ctx, skus: np.ndarray) -> np.ndarray:
    return ctx.world.products.set_index("sku").description.reindex(skus).to_numpy(dtype=object)


def westbridge(ctx: Ctx) -> pd.DataFrame:
    """Comma CSV, US dates, one serial per line (quantity 1), monthly files."""
    rng = ctx.rng("westbridge")
    ev = events(ctx, "westbridge")
    pieces = [[a[i : i + 1] for i in range(len(a))] or [a] for a in ev.aidx]  # licences: one line
    rows = ev.loc[ev.index.repeat([len(p) for p in pieces])].reset_index(drop=True)
    rows["aidx"] = pd.Series([one for p in pieces for one in p], dtype=object)
    line = rows.kind.to_numpy() != "sw"
    rows["qty"] = np.where(line, 1, rows.qty)
    rows["amount"] = np.where(line, rows.unit, np.round(rows.unit * rows.qty, 2))
    written, truth = ctx.serial_cells(rng, list(rows.aidx), {"exact": 0.93, "dashed": 0.07})
    names = ctx.customer_names(
        rng, rows.cust_idx.to_numpy(), {"upper": 5, "upper_trunc30": 3, "legal": 1, "suffix_alt": 1}
    )
    cust = ctx.world.customers.iloc[rows.cust_idx.to_numpy()]
    period = file_period("westbridge", rows.date.to_numpy())
    files = np.char.add(
        np.char.add("inbox/distributors/westbridge/westbridge_", period.astype(str)), ".csv"
    )
    cells = {
        "Invoice Date": fmt.fmt_dates(rows.date, "%m/%d/%Y"),
        "Invoice No": rows.invoice_no.to_numpy(),
        "Reseller": ctx.partner_names_for(
            rng, rows.reseller_key.to_numpy(), {"upper": 3, "legal": 2, "nosuffix": 1}
        ),
        "Reseller ID": np.array(
            [f"WB{10000 + 7 * ctx.partner_idx[k]}" for k in rows.reseller_key], dtype=object
        ),
        "End User": names,
        "End User City": cust.city.to_numpy(),
        "End User State": cust.state.to_numpy(),
        "End User Zip": cust.postal_code.to_numpy(),
        "Part Number": rows.sku.to_numpy(),
        "Description": _descriptions(ctx, rows.sku.to_numpy()),
        "Serial Number": np.array([w[0] if w else "" for w in written], dtype=object),
        "Qty": rows.qty.astype(int).astype(str).to_numpy(),
        "Unit Price": fmt.fmt_plain(rows.unit),
        "Ext Price": fmt.fmt_plain(rows.amount),
        "Contract Number": rows.contract.fillna("").to_numpy(),
        "Service Start": fmt.fmt_dates(rows.start, "%m/%d/%Y"),
        "Service End": fmt.fmt_dates(rows.end, "%m/%d/%Y"),
    }
    truth_cols = _truth(rows, ctx, written, truth, names) | {"source_file": files}
    return spec(len(rows), "westbridge", truth_cols, cells)


def _german(ctx: Ctx, rows: pd.DataFrame) -> np.ndarray:
    """Eurolink's German article descriptions (always with a non-ASCII letter)."""
    prod = ctx.world.products.set_index("sku")
    levels = {lv[0]: lv[4] for lv in SERVICE_LEVELS}
    out = []
    for sku, kind in zip(rows.sku, rows.kind, strict=True):
        if kind == "svc":
            code, fam = sku.split("-")[1], sku.split("-")[2]
            out.append(f"{levels[code]}, {FAMILY_NAMES_DE[fam]}, 1 Jahr")
        elif kind == "sw":
            out.append(f"Lizenz für {prod.description[sku]}")
        else:
            out.append(f"Gerät: {prod.description[sku]}")
    return np.array(out, dtype=object)


def eurolink(ctx: Ctx) -> pd.DataFrame:
    """Semicolon CSV in cp1252, day-first dates (dots or slashes per file), decimal commas, serials in one
    cell; the latest quarter an HTML page named .xls (a portal's "Export to Excel"), in cp1252 too."""
    rng = ctx.rng("eurolink")
    rows = events(ctx, "eurolink")
    written, truth = ctx.serial_cells(rng, list(rows.aidx), {"exact": 1.0})
    seps = np.array([", ", " / ", "; "], dtype=object)[rng.integers(0, 3, size=len(rows))]
    names = ctx.customer_names(
        rng, rows.cust_idx.to_numpy(), {"legal": 5, "suffix_alt": 2, "nosuffix": 2, "typo": 0.5}
    )
    cust = ctx.world.customers.iloc[rows.cust_idx.to_numpy()]
    period = file_period("eurolink", rows.date.to_numpy()).astype(str)
    # the latest quarter comes from the new partner portal: an HTML page saved as .xls
    latest = max(np.unique(period), default="")  # period labels sort as time does
    portal = np.where((period == latest) & ("Q" in latest), ".xls", ".csv")
    sheets = np.full(len(portal), None, dtype=object)
    sheets[portal == ".xls"] = "table 1"  # the page's one table, as the reader names it
    files = np.char.add(np.char.add("inbox/distributors/eurolink/eurolink_", period), portal)
    order = {f: i for i, f in enumerate(sorted(set(files)))}
    dotted = np.array([order[f] % 2 == 0 for f in files])

    def dates(d: pd.Series) -> np.ndarray:
        return np.where(dotted, fmt.fmt_dates(d, "%d.%m.%Y"), fmt.fmt_dates(d, "%d/%m/%Y"))

    cells = {
        "Invoice Date": dates(rows.date),
        "Invoice Number": rows.invoice_no.to_numpy(),
        "Sold To": ctx.partner_names_for(
            rng, rows.reseller_key.to_numpy(), {"legal": 3, "upper": 1}
        ),
        "Sold To ID": np.array(
            [f"DE-{50000 + 13 * ctx.partner_idx[k]}" for k in rows.reseller_key], dtype=object
        ),
        "End Customer": names,
        "City": cust.city.to_numpy(),
        "Country": cust.country.map(EUROLINK_COUNTRY).to_numpy(),
        "Article No.": rows.sku.to_numpy(),
        "Article Description": _german(ctx, rows),
        "Serial Numbers": np.array(
            [s.join(w) for s, w in zip(seps, written, strict=True)], dtype=object
        ),
        "Quantity": rows.qty.astype(int).astype(str).to_numpy(),
        "Net Price": fmt.fmt_grouped(rows.unit, decimal_comma=True),
        "Net Amount": fmt.fmt_grouped(rows.amount, decimal_comma=True),
        "Currency": np.full(len(rows), "USD"),
        "Contract No.": rows.contract.fillna("").to_numpy(),
        "Coverage Start": dates(rows.start),
        "Coverage End": dates(rows.end),
    }
    return spec(
        len(rows),
        "eurolink",
        _truth(rows, ctx, written, truth, names) | {"source_file": files, "source_sheet": sheets},
        cells,
    )


def summit(ctx: Ctx) -> pd.DataFrame:
    """Tab-separated, ISO dates, an undeclared consignee header, serials separated by spaces."""
    rng = ctx.rng("summit")
    rows = events(ctx, "summit")
    written, truth = ctx.serial_cells(rng, list(rows.aidx), {"exact": 0.7, "lower": 0.3})
    names = ctx.customer_names(
        rng, rows.cust_idx.to_numpy(), {"legal": 3, "abbrev": 3, "nosuffix": 2, "lower": 0.5}
    )
    cust = ctx.world.customers.iloc[rows.cust_idx.to_numpy()]
    year = file_period("summit", rows.date.to_numpy()).astype(str)
    files = np.char.add(np.char.add("inbox/distributors/summit/summit_pos_", year), ".tsv")
    cells = {
        "Ship Date": fmt.fmt_dates(rows.date, "%Y-%m-%d"),
        "Invoice": rows.invoice_no.to_numpy(),
        "Partner Name": ctx.partner_names_for(
            rng, rows.reseller_key.to_numpy(), {"legal": 2, "nosuffix": 2, "abbrev": 1}
        ),
        "Partner ID": np.array(
            [f"P-{3000 + ctx.partner_idx[k]}" for k in rows.reseller_key], dtype=object
        ),
        "Ultimate Consignee": names,
        "City": cust.city.to_numpy(),
        "State": cust.state.to_numpy(),
        "Zip Code": cust.postal_code.to_numpy(),
        "SKU": rows.sku.to_numpy(),
        "Description": _descriptions(ctx, rows.sku.to_numpy()),
        "S/N": np.array([" ".join(w) for w in written], dtype=object),
        "Units": rows.qty.astype(int).astype(str).to_numpy(),
        "Unit Price": fmt.fmt_plain(rows.unit),
        "Extended Amount": fmt.fmt_plain(rows.amount),
        "Agreement Number": rows.contract.fillna("").to_numpy(),
        "Start Date": fmt.fmt_dates(rows.start, "%Y-%m-%d"),
        "End Date": fmt.fmt_dates(rows.end, "%Y-%m-%d"),
    }
    return spec(
        len(rows),
        "summit",
        _truth(rows, ctx, written, truth, names) | {"source_file": files},
        cells,
    )


def pacific(ctx: Ctx) -> pd.DataFrame:
    """Yearly workbooks, a sheet per month, typed cells, serials one per line inside the cell."""
    rng = ctx.rng("pacific")
    rows = events(ctx, "pacific")
    written, truth = ctx.serial_cells(rng, list(rows.aidx), {"exact": 1.0})
    names = ctx.customer_names(
        rng, rows.cust_idx.to_numpy(), {"legal": 4, "the": 1, "amp": 2, "suffix_alt": 1}
    )
    cust = ctx.world.customers.iloc[rows.cust_idx.to_numpy()]
    year = file_period("pacific", rows.date.to_numpy()).astype(str)
    files = np.char.add(
        np.char.add("inbox/distributors/pacific/Pacific_SellThrough_", year), ".xlsx"
    )
    serial_cell = np.array(
        [int(w[0]) if len(w) == 1 and w[0].isdigit() else "\n".join(w) for w in written],
        dtype=object,
    )
    cells = {
        "Invoice Date": fmt.py_dates(rows.date),
        "Invoice No.": rows.invoice_no.to_numpy(),
        "Reseller Name": ctx.partner_names_for(
            rng, rows.reseller_key.to_numpy(), {"legal": 3, "nosuffix": 1}
        ),
        "End Customer Name": names,
        "Ship To City": cust.city.to_numpy(),
        "State": cust.state.to_numpy(),
        "Product Code": rows.sku.to_numpy(),
        "Product Description": _descriptions(ctx, rows.sku.to_numpy()),
        "Serial Numbers": serial_cell,
        "Qty": rows.qty.astype(int).to_numpy(dtype=object),
        "Unit Price": rows.unit.to_numpy(dtype=object),
        "Line Total": rows.amount.to_numpy(dtype=object),
        "Contract #": rows.contract.to_numpy(dtype=object),
        "Coverage Start": fmt.py_dates(rows.start),
        "Coverage End": fmt.py_dates(rows.end),
    }
    truth_cols = _truth(rows, ctx, written, truth, names) | {
        "source_file": files,
        "source_sheet": month_sheet(rows.date.to_numpy()).astype(object),
    }
    return spec(len(rows), "pacific", truth_cols, cells)

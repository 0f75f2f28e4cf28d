"""Row specs of the vendor's invoice export: service contracts (per asset or consolidated) and direct hardware."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo import fmt
from demo.context import Ctx, draw, expand_contracts, spec


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
    svc = expand_contracts(c, ctx, rng.random(len(c)) < 0.5)
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
    seps = draw(rng, [", ", " "], n)
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
        rows.contract_number.isna(),
        np.array(None, dtype=object),
        fmt.contract_forms(rows.contract_number.to_numpy(), form),
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

"""The installed base's lines as reports.workbooks made them before 2026-12-05 (one named aggregation,
serials listed through a pandas sort and two groupings): the reference the faster code must equal."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reports.workbooks import contact_text


def first_serials(group: np.ndarray, serials: pd.Series, groups: int, shown: int = 3) -> list[str]:
    present = serials.notna().to_numpy()
    rows = pd.DataFrame({"group": group[present], "serial": serials[present].astype(object).astype(str)})
    rows = rows.sort_values(["group", "serial"], kind="stable")
    count = np.bincount(rows["group"].to_numpy(), minlength=groups)
    first = rows[rows.groupby("group").cumcount().to_numpy() < shown]
    joined = first.groupby("group")["serial"].agg(", ".join).reindex(range(groups), fill_value="")
    return [text + (f" (+{n - shown} more)" if n > shown else "") for text, n in zip(joined, count, strict=True)]


def installed_base_rows(base: pd.DataFrame) -> pd.DataFrame:
    keys = ["customer_id", "reseller_id", "sku"]
    grouped = base.assign(**{k: base[k].fillna("") for k in keys}).groupby(keys, sort=False, dropna=False)
    group = grouped.ngroup().to_numpy()
    out = grouped.agg(
        customer_name=("customer_name", "first"), reseller_name=("reseller_name", "first"), rep=("rep", "first"),
        contact_name=("contact_name", "first"), contact_phone=("contact_phone", "first"),
        assets=("asset_id", "count"),
        ship_date=("ship_date", "min"), covered_until=("uncovered_since", "max"),
        years_uncovered=("years_uncovered", "min"), value_if_covered=("value_if_covered", "sum"),
        currency=("currency", "first"),
    ).reset_index()
    out.insert(out.columns.get_loc("assets") + 1, "serials", first_serials(group, base["serial_number"], len(out)))
    out["years_uncovered"] = pd.to_numeric(out["years_uncovered"], errors="coerce").astype(float).round(0)
    out["contact"] = contact_text(out)
    return out.sort_values(["value_if_covered", "customer_name"], ascending=[False, True]).reset_index(drop=True)

"""What every row builder needs: the world, spellings, lookups, who sees which contract, shared row helpers."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from demo.names import SSTYLE, pick_styles, serial_matrix, variant_matrix
from demo.timeline import AS_OF
from demo.world import World

TRUTH_COLUMNS: tuple[str, ...] = (
    "source",
    "source_file",
    "source_sheet",
    "group",
    "customer_key",
    "reseller_key",
    "bill_to_key",
    "contract_number",
    "raw_contract_number",
    "sku",
    "serials",
    "serial_truth",
    "invoice_date",
    "service_start",
    "service_end",
    "amount",
    "quantity",
    "list_price",
    "raw_customer_name",
)
DATE_COLUMNS = ("invoice_date", "service_start", "service_end")
NAT = np.datetime64("NaT", "D")


@dataclass
class Ctx:
    """The world plus precomputed spellings, lookups and the visibility plan of each contract."""

    world: World
    seed: int
    cust_names: np.ndarray = field(init=False)
    partner_names: np.ndarray = field(init=False)
    serial_var: np.ndarray = field(init=False)
    serials: np.ndarray = field(init=False)
    partner_idx: dict[str, int] = field(init=False)
    contract_aidx: list[np.ndarray] = field(init=False)
    order_aidx: dict[int, np.ndarray] = field(init=False)
    primary_account: dict[str, str] = field(init=False)
    account_names: np.ndarray = field(init=False)
    plan: pd.DataFrame = field(init=False)

    def __post_init__(self) -> None:
        w = self.world
        self.cust_names = variant_matrix(w.customer_names, self.seed + 11)
        self.partner_names = variant_matrix(w.partner_names, self.seed + 12)
        self.serials = w.assets.serial_number.to_numpy(dtype=object)
        self.serial_var = serial_matrix(self.serials, self.seed + 13)
        self.partner_idx = {k: i for i, k in enumerate(w.partners.partner_key)}
        order_ids = w.assets.order_id.to_numpy()
        starts = np.flatnonzero(np.r_[True, order_ids[1:] != order_ids[:-1]])
        bounds = np.r_[starts, len(order_ids)]
        self.order_aidx = {int(order_ids[s]): np.arange(s, e) for s, e in pairwise(bounds)}
        self.contract_aidx = [self.order_aidx[int(o)] for o in w.contracts.order_id]
        prim = w.crm_accounts[~w.crm_accounts.duplicate]
        self.primary_account = dict(zip(prim.entity_key, prim.account_id, strict=True))
        self.account_names = self._account_names()
        self.plan = self._plan()

    def rng(self, name: str) -> np.random.Generator:
        """A generator of its own per source, so one source's changes never reshuffle another's."""
        return np.random.default_rng([self.seed, zlib.crc32(name.encode())])

    def _account_names(self) -> np.ndarray:
        """The name each CRM account carries: legal names, a slightly different one on duplicates."""
        acc = self.world.crm_accounts
        idx = acc.entity_idx.to_numpy()
        is_cust = (acc.account_type == "Customer").to_numpy()
        styles = pick_styles(
            self.rng("crm_names"),
            len(acc),
            {"suffix_alt": 2, "abbrev": 2, "typo": 1, "nosuffix": 2, "upper": 1},
        )
        styles = np.where(acc.duplicate.to_numpy(), styles, 0)
        out = np.empty(len(acc), dtype=object)
        out[is_cust] = self.cust_names[idx[is_cust], styles[is_cust]]
        out[~is_cust] = self.partner_names[idx[~is_cust], styles[~is_cust]]
        return out

    def _plan(self) -> pd.DataFrame:
        """Which systems see each contract: distributor channel, CRM, accounting, the rep's tracker."""
        c = self.world.contracts
        rng = self.rng("plan")
        n = len(c)
        dist = c.distributor.to_numpy() != ""
        crm = rng.random(n) < 0.85
        acct = rng.random(n) < 0.6
        crm = crm | ~(dist | acct)
        end = c.end_date.to_numpy().astype("datetime64[D]")
        current = (end >= AS_OF - np.timedelta64(365, "D")) & (
            end <= AS_OF + np.timedelta64(460, "D")
        )
        r = rng.random(n)
        tracker = np.where(current, r < 0.55, r < 0.03)
        return pd.DataFrame({"dist": dist, "crm": crm, "acct": acct, "tracker": tracker})

    def customer_names(
        self, rng: np.random.Generator, cust_idx: np.ndarray, weights: dict[str, float]
    ) -> np.ndarray:
        """One spelling per row of each row's customer, styles drawn from `weights`."""
        return self.cust_names[cust_idx, pick_styles(rng, len(cust_idx), weights)]

    def partner_names_for(
        self, rng: np.random.Generator, keys: np.ndarray, weights: dict[str, float]
    ) -> np.ndarray:
        """One spelling per row of each row's partner (by key)."""
        idx = np.array([self.partner_idx[k] for k in keys], dtype=int)
        return self.partner_names[idx, pick_styles(rng, len(idx), weights)]

    def serial_cells(
        self, rng: np.random.Generator, aidx: list[np.ndarray], weights: dict[str, float]
    ) -> tuple[list[list[str]], list[list[str]]]:
        """Written and canonical serial lists per row, each token spelled in a style from `weights`."""
        lengths = np.array([len(a) for a in aidx], dtype=int)
        flat = np.concatenate(aidx).astype(int) if len(aidx) and lengths.sum() else np.zeros(0, int)
        styles = np.array([SSTYLE[s] for s in weights])
        p = np.array(list(weights.values()), dtype=float)
        pick = styles[rng.choice(len(styles), size=len(flat), p=p / p.sum())]
        written = self.serial_var[flat, pick].tolist()
        truth = self.serials[flat].tolist()
        out_w, out_t, pos = [], [], 0
        for k in lengths:
            out_w.append(written[pos : pos + k])
            out_t.append(truth[pos : pos + k])
            pos += k
        return out_w, out_t


def spec(n: int, source: str, truth: dict[str, object], cells: dict[str, object]) -> pd.DataFrame:
    """A row-spec frame: the truth columns (defaults null) plus one `c:<header>` column per cell."""
    data: dict[str, Any] = {}
    for col in TRUTH_COLUMNS:
        if col in truth:
            data[col] = truth[col]
        elif col in DATE_COLUMNS:
            data[col] = np.full(n, NAT)
        elif col in ("amount", "quantity", "list_price"):
            data[col] = np.full(n, np.nan)
        elif col in ("serials", "serial_truth"):
            data[col] = [[] for _ in range(n)]
        elif col == "group":
            data[col] = np.zeros(n, dtype=int)
        elif col == "source":
            data[col] = np.full(n, source, dtype=object)
        else:
            data[col] = np.full(n, None, dtype=object)
    for col, values in cells.items():
        data[f"c:{col}"] = values
    df = pd.DataFrame(data, index=pd.RangeIndex(n))
    for col in ("serials", "serial_truth"):
        df[col] = pd.Series(list(data[col]), dtype=object, index=df.index)
    return df


def draw(
    rng: np.random.Generator,
    options: list[object] | tuple[object, ...],
    n: int,
    p: list[float] | None = None,
) -> np.ndarray:
    """n draws from `options` (object array)."""
    arr = np.empty(len(options), dtype=object)
    arr[:] = list(options)
    return arr[rng.choice(len(options), size=n, p=p)]


def expand_contracts(c: pd.DataFrame, ctx: Ctx, split: np.ndarray) -> pd.DataFrame:
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

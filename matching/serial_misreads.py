"""Serials read in the light of the customer's own install base.

A rep copying serials into a tracker by hand slips ("JAE252SXN6" for "JAE2352SXN6", "FOC2252GB0L"
for "FOC2252GBOL"). In a large install base the slip often spells a serial that exists - another
customer's unit - and an equal serial is always one asset (`matching.assets`), so the slip would
join the rep's row to a stranger's unit and, through it, bridge two units. So a serial seen at two
or more customers is read, at each of them, against the serials seen more often at that same
customer: when exactly one of them is a slip away under the rules `serial_typos` applies within one
customer, the rows there are that unit's (`customer_readings`):

- a look-alike character (O/0, I/1, L/1, S/5, B/8), or a character dropped or doubled (keys of
  MIN_TYPO_LENGTH characters or more);
- a changed character or two neighbours swapped only when the written serial has one source at
  the customer and the other several, and a change is not the next unit of a batch
  (`serial_typos.looks_sequential`);
- never when the SKU families disagree, or when one record lists both serials (two units).

A serial seen at one customer only is left to the asset rules as it is.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import distance, process

from matching.form_links import compatible, form_links
from matching.graph import pairs_sharing
from matching.serial_typos import MIN_TYPO_LENGTH, looks_sequential, sorted_chars
from matching.serials import customer_lookalike_keys


def customer_readings(
    serial_keys: pd.Series,
    customers: pd.Series,
    sources: pd.Series | None = None,
    families: pd.Series | None = None,
    records: pd.Series | None = None,
) -> pd.Series:
    """Each row's serial key, or the key of its customer's own unit that it is a slip of (same
    index; module docstring). All arguments are aligned per row; `families` are product SKU
    families (None where unknown), `records` the row's source record."""
    form, keys = pd.factorize(serial_keys, use_na_sentinel=True)
    customer, _ = pd.factorize(customers, use_na_sentinel=True)
    known = (form >= 0) & (customer >= 0)
    if not known.any():
        return serial_keys
    n_forms = len(keys)
    row_cell_code = customer[known].astype(np.int64) * n_forms + form[known]
    cells, cell_of_row, rows_per_cell = np.unique(row_cell_code, return_inverse=True, return_counts=True)
    cell_form, cell_customer = cells % n_forms, cells // n_forms
    shared = np.bincount(cell_form, minlength=n_forms)[cell_form] >= 2  # the serial is seen elsewhere too
    if not shared.any():
        return serial_keys
    ids = np.arange(len(cells))
    asked = pd.DataFrame({"customer": cell_customer[shared], "a": ids[shared]})
    own = pd.DataFrame({"customer": cell_customer, "b": ids})
    pairs = asked.merge(own, on="customer")
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    keep = (a != b) & (rows_per_cell[b] > rows_per_cell[a])
    a, b = a[keep], b[keep]
    text = np.asarray(keys, dtype=object)
    left, right = text[cell_form[a]], text[cell_form[b]]
    wide = customer_lookalike_keys(pd.Series(np.concatenate([left, right]), dtype=object)).to_numpy(dtype=object)
    alike = wide[: len(a)] == wide[len(a):]
    edits = np.asarray(process.cpdist(left, right, scorer=distance.OSA.distance, processor=None,
                                      score_cutoff=1, workers=-1)) if len(a) else np.zeros(0)
    lengths = pd.Series(left, dtype=object).str.len().to_numpy(), pd.Series(right, dtype=object).str.len().to_numpy()
    one_edit = (edits == 1) & (np.minimum(*lengths) >= MIN_TYPO_LENGTH)
    same_length = lengths[0] == lengths[1]
    anagram = sorted_chars(left.astype(str)) == sorted_chars(right.astype(str))
    n_sources = np.ones(len(cells), dtype=np.int64)  # without sources, each cell counts as one source's
    if sources is not None:
        n_sources = np.bincount(form_links(cell_of_row, np.asarray(sources)[known], "source")["form"],
                                minlength=len(cells))
    evidenced = (n_sources[a] == 1) & (n_sources[b] >= 2)
    changed = one_edit & same_length & ~anagram & ~looks_sequential(left, right) & evidenced
    swapped = one_edit & same_length & anagram & evidenced
    slip = alike | (one_edit & ~same_length) | changed | swapped
    if families is not None:
        slip &= compatible(a, b, form_links(cell_of_row, np.asarray(families)[known], "family"), len(cells))
    if records is not None:
        listing = form_links(cell_of_row, np.asarray(records)[known], "record_id")
        slip &= ~pairs_sharing(a, b, listing["form"].to_numpy(), listing["record_id"].to_numpy())
    a, b = a[slip], b[slip]
    if len(a) == 0:
        return serial_keys
    # the most attested slip target of each asked cell, when no other has that many rows
    found = pd.DataFrame({"a": a, "b": b, "n": rows_per_cell[b]})
    top = found[found["n"] == found.groupby("a")["n"].transform("max")]
    top = top[~top.duplicated("a", keep=False)]
    target = np.full(len(cells), -1, dtype=np.int64)
    target[top["a"].to_numpy()] = cell_form[top["b"].to_numpy()]
    row_target = np.full(len(form), -1, dtype=np.int64)
    row_target[known] = target[cell_of_row]
    out = serial_keys.to_numpy(dtype=object).copy()
    read_again = row_target >= 0
    out[read_again] = text[row_target[read_again]]
    return pd.Series(out, index=serial_keys.index, dtype=object)

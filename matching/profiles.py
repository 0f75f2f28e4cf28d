"""Source records -> normalised profiles: every record normalised, identical ones collapsed.

A distributor report names the same customer on hundreds of lines; after normalisation those lines
are one *profile* (same name, address, city, state, postal code, country, domain, e-mail, phone
and CRM account). Blocking, scoring and clustering work on profiles, which is both faster and
fairer (a customer with 500 invoice lines does not outvote one with a single CRM row); the
result is broadcast back to records at the end. Serial and contract numbers are evidence, not
identity, so a profile carries the union of its records' serials and contracts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from matching.addresses import (
    normalise_addresses,
    normalise_cities,
    normalise_countries,
    normalise_postal_codes,
    normalise_states,
)
from matching.aliases import AliasTable, apply_renames, group_labels, must_link_renames
from matching.contacts import email_domains, normalise_domains, normalise_emails, normalise_phones
from matching.contract_numbers import normalise_contract_numbers
from matching.cut_names import complete_cut_names
from matching.name_typos import correct_name_typos
from matching.names import compact_names, company_name_parts
from matching.serials import lookalike_keys, normalise_serials
from matching.text import as_text, on_unique

#: what a record says about its entity (one value each), and so what a golden record holds
ATTRIBUTE_COLUMNS: Final[tuple[str, ...]] = (
    "name", "address", "city", "state", "postal_code", "country", "domain", "phone", "email", "account",
)
#: the columns `resolve_entities` understands (all but record_id optional)
RECORD_COLUMNS: Final[tuple[str, ...]] = (
    "record_id", *ATTRIBUTE_COLUMNS, "serials", "contract_numbers", "source", "source_priority",
)
#: normalised columns that define a profile (records equal on all of them are one profile)
IDENTITY_COLUMNS: Final[tuple[str, ...]] = (
    "name_norm",
    "street",
    "unit",
    "city_norm",
    "state_norm",
    "postal",
    "country_norm",
    "domain_norm",
    "email_norm",
    "phone_norm",
    "account_norm",
)


@dataclass(frozen=True)
class Profiles:
    """Distinct normalised identities and the link from records to them.

    `table` has one row per profile (index 0..P-1) with the normalised columns and `n_records`;
    `record_profile[i]` is the profile of input row i; `serials` and `contracts` are long frames
    (profile, key) of the look-alike-folded serial keys and normalised contract numbers.
    """

    table: pd.DataFrame
    record_profile: np.ndarray
    serials: pd.DataFrame
    contracts: pd.DataFrame

    def __len__(self) -> int:
        return len(self.table)


def _column(records: pd.DataFrame, name: str) -> pd.Series:
    if name in records.columns:
        return records[name]
    return pd.Series(None, index=records.index, dtype=object)


def normalise_records(records: pd.DataFrame) -> pd.DataFrame:
    """Every identity column of RECORD_COLUMNS normalised, one row per record (index kept)."""
    names = company_name_parts(
        _column(records, "name"), _column(records, "country"), _column(records, "city")
    )
    sources = records["source"] if "source" in records.columns else pd.Series("", index=records.index)
    name_norm = complete_cut_names(_column(records, "name"), sources, names["name_norm"])
    address = normalise_addresses(_column(records, "address"))
    country = normalise_countries(_column(records, "country"))
    country = country.where(country.notna(), names["name_country"])
    city = _column(records, "city")
    city = normalise_cities(city.where(city.notna(), names["name_city"]), country)  # a city named in the name too
    state = normalise_states(_column(records, "state"))
    state = state.where(state.notna(), names["name_region"])
    postal = normalise_postal_codes(_column(records, "postal_code"), _column(records, "country"))
    postal = postal.where(postal.notna(), address["zip_in_address"])
    email = normalise_emails(_column(records, "email"))
    domain = normalise_domains(_column(records, "domain"))
    domain = domain.where(domain.notna(), email_domains(email))
    phones = normalise_phones(_column(records, "phone"))
    account = on_unique(as_text(_column(records, "account")), lambda u: u.str.upper())
    return pd.DataFrame(
        {
            "name_norm": name_norm,
            "street": address["street"],
            "street_key": address["street_key"],
            "house_number": address["house_number"],
            "unit": address["unit"],
            "city_norm": city,
            "state_norm": state,
            "postal": postal,
            "country_norm": country,
            "domain_norm": domain,
            "email_norm": email,
            "phone_norm": phones["phone"],
            "phone_local": phones["phone_local"],
            "account_norm": account,
        },
        index=records.index,
    )


def _exploded_keys(lists: pd.Series, profile: np.ndarray) -> pd.DataFrame:
    """(profile, value) rows of a list-valued column; a scalar cell counts as a one-item list."""
    if isinstance(lists.dtype, pd.ArrowDtype) and pa.types.is_list(lists.dtype.pyarrow_dtype):
        arrow = lists.array.__arrow_array__()  # the Arrow lists as they are, no Python object per cell
        arrow = arrow.combine_chunks() if isinstance(arrow, pa.ChunkedArray) else arrow
        return _flattened(arrow.cast(pa.list_(pa.string())), profile)
    cells = lists.to_numpy(dtype=object).copy()
    scalar = pd.Series(cells).map(lambda v: isinstance(v, (str, int, np.integer))).to_numpy(bool)
    for i in np.flatnonzero(scalar):  # only the cells holding a single value, not every row
        cells[i] = [str(cells[i])]
    try:
        arr = pa.array(cells, type=pa.list_(pa.string()), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        wrapped = [
            None
            if v is None or (isinstance(v, float) and np.isnan(v))
            else [None if x is None else str(x) for x in v]
            if isinstance(v, (list, tuple, np.ndarray))
            else [str(v)]
            for v in cells
        ]
        arr = pa.array(wrapped, type=pa.list_(pa.string()))
    return _flattened(arr, profile)


def _flattened(arr: pa.Array, profile: np.ndarray) -> pd.DataFrame:
    """(profile, value) rows of an Arrow list<string> array, nulls left out."""
    parents = np.asarray(pc.list_parent_indices(arr))
    flat = pc.list_flatten(arr).to_numpy(zero_copy_only=False)
    frame = pd.DataFrame({"profile": profile[parents], "value": flat})
    return frame[frame["value"].notna()]


def _record_serials(records: pd.DataFrame) -> pd.DataFrame:
    """(record, key) rows: look-alike-folded serial keys of each record (4+ characters)."""
    frame = _exploded_keys(_column(records, "serials"), np.arange(len(records)))
    keys = lookalike_keys(normalise_serials(frame["value"]))
    out = pd.DataFrame({"record": frame["profile"].to_numpy(np.int64), "key": keys.to_numpy()})
    return out[out["key"].notna() & (out["key"].str.len() >= 4)]


def _record_contracts(records: pd.DataFrame) -> pd.DataFrame:
    """(record, key) rows: normalised contract numbers of each record (3+ characters)."""
    frame = _exploded_keys(_column(records, "contract_numbers"), np.arange(len(records)))
    keys = normalise_contract_numbers(frame["value"])
    out = pd.DataFrame({"record": frame["profile"].to_numpy(np.int64), "key": keys.to_numpy()})
    return out[out["key"].notna() & (out["key"].str.len() >= 3)]


def _evidence_hash(which: np.ndarray, *frames: pd.DataFrame) -> np.ndarray:
    """Order-free hash of the serial and contract keys of each record `which` marks (0 for the
    others and for a record with none)."""
    out = np.zeros(len(which), dtype=np.uint64)
    for salt, frame in enumerate(frames, start=1):
        record = frame["record"].to_numpy()
        mine = which[record]
        if not mine.any():
            continue
        h = pd.util.hash_array(frame["key"].to_numpy(dtype=object)[mine]) * np.uint64(2 * salt + 1)
        np.add.at(out, record[mine], h)
    return out


def _identity_codes(columns: list[pd.Series]) -> np.ndarray:
    """One int32 code per row, equal for rows equal on every column (nulls alike), numbered by first
    appearance: each column factorised as it is (no Python string per cell, as a million records
    of eleven text columns would need) and the codes combined exactly, column by column."""
    combined = np.zeros(len(columns[0]) if columns else 0, dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column)
        combined = combined * (len(uniques) + 1) + (codes.astype(np.int64) + 1)  # < rows x (values + 1)
        combined = pd.factorize(combined)[0].astype(np.int64)
    return combined.astype(np.int32)


def _by_profile(frame: pd.DataFrame, profile: np.ndarray) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "profile": profile[frame["record"].to_numpy()].astype(np.int32),
            "key": frame["key"].to_numpy(),
        }
    )
    return out.drop_duplicates(ignore_index=True)


def build_profiles(
    records: pd.DataFrame,
    aliases: AliasTable | None = None,
    name_links: tuple[np.ndarray, np.ndarray] | None = None,
) -> Profiles:
    """Normalise `records` and collapse records with equal IDENTITY_COLUMNS into profiles.

    A record that carries nothing but a name (no address, city, postal code, domain, e-mail,
    phone or account) is too weak an identity to pool with every other record of that name: a
    truncated "Silverline Environme" may stand for two sibling companies. Such records only
    collapse when their serials and contract numbers are the same too, so each keeps its own
    evidence. Profiles are numbered in order of first appearance (same input, same ids).
    Declared renames (`aliases`) and the names of must-linked record pairs (`name_links`,
    record positions) are replaced by their canonical name; `group` is each profile's declared
    parent/child group.
    """
    norm = normalise_records(records)
    weak = norm[[c for c in IDENTITY_COLUMNS if c != "name_norm"]].isna().all(axis=1).to_numpy()  # name-only
    norm["name_norm"] = correct_name_typos(norm["name_norm"], weak)
    table_of_aliases = aliases if aliases is not None else AliasTable()
    if name_links is not None:
        table_of_aliases = must_link_renames(norm["name_norm"], *name_links, table_of_aliases)
    norm["name_norm"] = apply_renames(norm["name_norm"], table_of_aliases)
    serials = _record_serials(records)
    contracts = _record_contracts(records)
    evidence = _evidence_hash(weak, serials, contracts)  # only name-only records pool by evidence
    profile = _identity_codes([norm[c] for c in IDENTITY_COLUMNS] + [pd.Series(evidence)])
    first = pd.Series(np.arange(len(profile))).groupby(profile).min().to_numpy()
    table = norm.iloc[first].reset_index(drop=True)
    table["n_records"] = np.bincount(profile, minlength=len(first)).astype(np.int32)
    table["name_compact"] = compact_names(table["name_norm"])
    table["group"] = group_labels(table["name_norm"], table_of_aliases)
    return Profiles(
        table=table,
        record_profile=profile,
        serials=_by_profile(serials, profile),
        contracts=_by_profile(contracts, profile),
    )

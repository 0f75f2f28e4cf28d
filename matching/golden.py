"""Golden records: one row per resolved entity, each attribute from its most trusted source.

For every entity and attribute, the non-blank values of its records compete: values from the
most trusted source present win (lower `source_priority`, or an explicit source order), and
among those the most frequent value, then the value seen first. Identifier-like attributes
(domain, phone, postal code, state, country) are compared and returned in normalised form, so
"https://www.foo.com" and "foo.com" count as one value; names, addresses and cities keep the
spelling the winning source used. `<attribute>_source` says which source supplied each value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from matching.addresses import normalise_countries, normalise_postal_codes, normalise_states
from matching.contacts import email_domains, normalise_domains, normalise_emails, normalise_phones
from matching.profiles import ATTRIBUTE_COLUMNS
from matching.sql_files import sql_text
from matching.text import as_text

GOLDEN_ATTRIBUTES: Final[tuple[str, ...]] = ATTRIBUTE_COLUMNS
#: priority of records whose source has no priority
UNRANKED: Final[int] = 1_000_000


def _column(records: pd.DataFrame, name: str) -> pd.Series:
    if name in records.columns:
        return records[name]
    return pd.Series(None, index=records.index, dtype=object)


def comparable_value(records: pd.DataFrame, attr: str) -> pd.Series:
    """One attribute as golden records show it: an identifier normalised, text stripped."""
    raw = _column(records, attr)
    if attr == "domain":
        email = normalise_emails(_column(records, "email"))
        value = normalise_domains(raw)
        return value.where(value.notna(), email_domains(email))
    if attr == "email":
        return normalise_emails(raw)
    if attr == "phone":
        return normalise_phones(raw)["phone"]
    if attr == "postal_code":
        return normalise_postal_codes(raw, _column(records, "country"))
    if attr == "state":
        return normalise_states(raw)
    if attr == "country":
        return normalise_countries(raw)
    return as_text(raw)


def comparable_values(records: pd.DataFrame, attributes: Sequence[str]) -> pd.DataFrame:
    """The attributes as golden records show them: identifiers normalised, text stripped."""
    return pd.DataFrame({attr: comparable_value(records, attr) for attr in attributes}, index=records.index)


GOLDEN_WINNERS_SQL: Final[str] = sql_text("golden_winners.sql")
GOLDEN_COUNTS_SQL: Final[str] = sql_text("golden_counts.sql")


def _text_array(values: pd.Series) -> pa.Array:
    """A column as Arrow strings, nulls kept (a non-text value by its text)."""
    cells = values.to_numpy(dtype=object, na_value=None)
    try:
        return pa.array(cells, type=pa.string())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in cells], type=pa.string())


def _compete(
    con: duckdb.DuckDBPyConnection,
    records: pd.DataFrame,
    attributes: Sequence[str],
    priority: np.ndarray,
    source: pd.Series,
    entities: pd.DataFrame,
    entity_column: str,
) -> tuple[pd.DataFrame, pd.Series]:
    """Each entity's winning (attribute, value, source) rows and its record count, in DuckDB
    (golden_winners.sql, golden_counts.sql); entity ids go in as codes and come back as they were.
    Each attribute's comparable values become Arrow as they are made, so the Python strings of one
    attribute are held at a time, not of all (at three million records about 2 GB)."""
    codes, uniques = pd.factorize(entities[entity_column])
    ids = np.asarray(uniques, dtype=object)
    record_table = pa.table({
        "record_id": _text_array(records["record_id"]),
        "_priority": pa.array(priority, type=pa.int64()),
        "_pos": pa.array(np.arange(len(records)), type=pa.int64()),
        "_source": _text_array(source),
        **{f"a{i}": _text_array(comparable_value(records, attr)) for i, attr in enumerate(attributes)},
    })
    entity_table = pa.table({
        "record_id": _text_array(entities["record_id"]),
        "_entity": pa.array(codes, type=pa.int64()),
        "_row": pa.array(np.arange(len(entities)), type=pa.int64()),
    })
    con.register("_golden_records", record_table)
    con.register("_golden_entities", entity_table)
    try:
        won = con.sql(GOLDEN_WINNERS_SQL).to_arrow_table().to_pandas()
        counted = con.sql(GOLDEN_COUNTS_SQL).to_arrow_table().to_pandas()
    finally:
        con.unregister("_golden_records")
        con.unregister("_golden_entities")
    names = {f"a{i}": attr for i, attr in enumerate(attributes)}  # no attribute name reaches the SQL
    won = won.assign(_entity=ids[won["_entity"].to_numpy(np.int64)], attribute=won["attribute"].map(names))
    counts = pd.Series(counted["records"].to_numpy(np.int64), name="records",
                       index=pd.Index(ids[counted["_entity"].to_numpy(np.int64)], name=entity_column))
    return won, counts.sort_index()


def build_golden_records(
    records: pd.DataFrame,
    entities: pd.DataFrame,
    entity_column: str = "entity_id",
    attributes: Sequence[str] = GOLDEN_ATTRIBUTES,
    source_order: Sequence[str] | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """One row per entity: `entity_column`, each attribute, `<attribute>_source`, `records`.

    `records` are the resolved records (record_id, source, source_priority and attributes);
    `entities` maps record_id -> `entity_column`. `source_order` (most trusted first) overrides
    `source_priority`; sources it does not list rank after those it does. The competition runs in
    DuckDB (`con`, an in-memory connection by default): at a million records it is ten million
    (entity, attribute, value) rows.
    """
    recs = records.reset_index(drop=True)
    source = _column(recs, "source").astype(object)
    if source_order is not None:
        rank = {s: i for i, s in enumerate(source_order)}
        priority = source.map(rank).fillna(UNRANKED + len(rank)).to_numpy(np.int64)
    else:
        priority = (
            pd.to_numeric(_column(recs, "source_priority"), errors="coerce")
            .fillna(UNRANKED)
            .to_numpy(np.int64)
        )
    own = con is None
    con = duckdb.connect() if con is None else con
    try:
        winners, counts = _compete(con, recs, attributes, priority, source, entities, entity_column)
    finally:
        if own:
            con.close()
    wide = winners.pivot(index="_entity", columns="attribute", values="value")
    src = winners.pivot(index="_entity", columns="attribute", values="source").add_suffix("_source")
    out = pd.DataFrame(index=counts.index)
    for attr in attributes:
        out[attr] = wide[attr] if attr in wide.columns else None
        out[f"{attr}_source"] = src[f"{attr}_source"] if f"{attr}_source" in src.columns else None
    out["records"] = counts
    out.index.name = entity_column
    return out.reset_index()

"""What the Dagster UI shows about each table a stage wrote: row count, columns with their types and
the data dictionary's comments, match rates, quarantine by reason, a preview of the top
opportunities. Read from the warehouse being built (or the live one, after publishing)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from pipelines.stages.context import RunContext


@dataclass(frozen=True)
class TableFacts:
    """A table's row count, description and (name, type, comment) per column."""

    table: str
    rows: int
    description: str | None
    columns: list[tuple[str, str, str | None]]


def _facts(con: duckdb.DuckDBPyConnection, table: str) -> TableFacts:
    rows = int(con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0])
    described = con.execute(
        "SELECT comment FROM duckdb_tables() WHERE database_name = current_database() AND table_name = ?", [table]
    ).fetchall()
    columns = con.execute(
        "SELECT column_name, data_type, comment FROM duckdb_columns() "
        "WHERE database_name = current_database() AND table_name = ? ORDER BY column_index", [table]
    ).fetchall()
    return TableFacts(table, rows, described[0][0] if described else None, [(n, t, c) for n, t, c in columns])


def table_facts(run: RunContext, tables: list[str], *, live: bool = False) -> list[TableFacts]:
    """Facts of each table, from the build (or the live warehouse)."""
    with (run.live() if live else run.building()) as con:
        return [_facts(con, t) for t in tables]


def match_rates(run: RunContext, table: str, id_column: str) -> dict[str, float]:
    """How well records matched: records, entities, the share of records that joined another
    record's entity, and the share of entities seen in two sources or more."""
    with run.building() as con:
        row = con.execute(f"""
            WITH per AS (SELECT "{id_column}" AS id, count(*) AS n, count(DISTINCT source) AS sources
                         FROM "{table}" GROUP BY 1)
            SELECT coalesce(sum(n), 0), count(*), coalesce(sum(n) FILTER (WHERE n > 1), 0),
                   count(*) FILTER (WHERE sources > 1)
            FROM per""").fetchall()[0]
    records, entities, matched, multi = (int(v) for v in row)
    return {
        "records": records, "entities": entities,
        "matched_record_share": round(matched / records, 4) if records else 0.0,
        "multi_source_entity_share": round(multi / entities, 4) if entities else 0.0,
    }


def quarantine_by_reason(run: RunContext) -> pd.DataFrame:
    """Quarantined rows per source and the field at fault, most first."""
    with run.building() as con:
        return con.execute("""
            SELECT source, coalesce(field, '(none)') AS field, count(*) AS rows
            FROM quarantine GROUP BY ALL ORDER BY rows DESC, source, field""").df()


def opportunity_highlights(run: RunContext, top: int = 10, risk_days: int = 90) -> tuple[pd.DataFrame, float]:
    """The top opportunities by weighted value (co-terms, which are alternatives, left out), and the
    value at risk: renewals due within `risk_days` plus win-backs of contracts already lapsed."""
    with run.building() as con:
        preview = con.execute("""
            SELECT customer_name AS customer, kind, expiry_date AS expiry, rep,
                   value::DOUBLE AS value, weighted_value::DOUBLE AS weighted
            FROM renewal_opportunities WHERE kind <> 'coterm'
            ORDER BY weighted_value DESC NULLS LAST, opportunity_id LIMIT ?""", [top]).df()
        risk = con.execute("""
            SELECT coalesce(sum(value), 0)::DOUBLE FROM renewal_opportunities
            WHERE kind = 'lapsed' OR (kind = 'renewal' AND expiry_date <= as_of_date + ?::INTEGER)""",
                           [risk_days]).fetchall()[0][0]
    return preview, float(risk)


def markdown_table(df: pd.DataFrame, money: tuple[str, ...] = ()) -> str:
    """A small DataFrame as a Markdown table (money columns with thousands separators)."""
    if df.empty:
        return "_none_"
    shown = df.copy()
    for column in money:
        shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:,.0f}")
    shown = shown.astype(object).where(shown.notna(), "")
    head = "| " + " | ".join(shown.columns) + " |"
    rule = "| " + " | ".join("---:" if c in money else "---" for c in shown.columns) + " |"
    body = ["| " + " | ".join(str(v).replace("|", "/") for v in row) + " |" for row in shown.itertuples(index=False)]
    return "\n".join([head, rule, *body])

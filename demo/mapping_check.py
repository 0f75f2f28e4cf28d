"""The demo world read with and without `columns:` (`radar demo --no-mapping`), side by side.

`python -m demo.mapping_check MAPPED_HOME UNMAPPED_HOME` prints, for two homes the nightly job
has run on, the figures a missing mapping would cost: rows loaded and quarantined, customer and
serial mentions, contracts found, due-90 renewals listed, and every row the unmapped run
quarantined or lost that the mapped run loaded.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from demo.quality import renewal_quality

_KEY = "source_file || '#' || coalesce(source_sheet, '') || '#' || source_row::VARCHAR"


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def mapping_figures(home: Path) -> dict[str, float]:
    """The figures of one home's published warehouse."""
    con = duckdb.connect(str(Path(home) / "warehouse.duckdb"), read_only=True)
    try:
        figures: dict[str, float] = {
            "rows_loaded": _scalar(con, "SELECT count(*) FROM source_records"),
            "rows_quarantined": _scalar(con, "SELECT count(*) FROM quarantine"),
            "files_needs_mapping": _scalar(
                con, "SELECT count(*) FROM ingested_files WHERE status = 'needs_mapping'"),
            "customer_mentions": _scalar(con, "SELECT count(*) FROM source_records WHERE customer_name IS NOT NULL"),
            "serial_mentions": _scalar(con, "SELECT count(*) FROM asset_sources"),
            "contracts": _scalar(con, "SELECT count(*) FROM contracts"),
        }
    finally:
        con.close()
    renewals = renewal_quality(Path(home))
    figures["due_90_listed"] = round(renewals["due_90"] * renewals["due_90_recall"])
    figures["contracts_found_once"] = renewals["contracts_found_once"]
    return figures


def lost_rows(mapped: Path, unmapped: Path) -> dict[str, int]:
    """Rows the mapped run loaded that the unmapped run quarantined, or did not load at all, and
    loaded rows whose end customer, reseller, SKU, serials or dates differ between the runs."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{Path(mapped) / 'warehouse.duckdb'}' AS m (READ_ONLY)")
        con.execute(f"ATTACH '{Path(unmapped) / 'warehouse.duckdb'}' AS u (READ_ONLY)")
        fields = ["customer_name", "reseller_name", "bill_to_name", "sku", "serial_numbers", "invoice_date",
                  "service_start", "service_end", "amount", "contract_number"]
        differ = " OR ".join(f"a.{f} IS DISTINCT FROM b.{f}" for f in fields)
        return {
            "quarantined_but_loaded_when_mapped": _scalar(con, f"""
                SELECT count(*) FROM u.quarantine q
                WHERE {_KEY.replace('source_', 'q.source_')} IN (SELECT {_KEY} FROM m.source_records)"""),
            "not_loaded_but_loaded_when_mapped": _scalar(con, f"""
                SELECT count(*) FROM m.source_records
                WHERE {_KEY} NOT IN (SELECT {_KEY} FROM u.source_records)"""),
            "loaded_rows_that_differ": _scalar(con, f"""
                SELECT count(*) FROM m.source_records a JOIN u.source_records b USING (record_id)
                WHERE {differ}"""),
        }
    finally:
        con.close()


def compare(mapped: Path, unmapped: Path) -> str:
    """A plain table: each figure for both runs and the relative difference."""
    a, b = mapping_figures(mapped), mapping_figures(unmapped)
    lines = [f"{'figure':<36}{'mapped':>12}{'no columns:':>14}{'diff':>9}"]
    for key in a:
        diff = (b[key] - a[key]) / a[key] if a[key] else 0.0
        fmt = "{:>12.4f}{:>14.4f}" if isinstance(a[key], float) and a[key] < 2 else "{:>12,.0f}{:>14,.0f}"
        lines.append(f"{key:<36}" + fmt.format(a[key], b[key]) + f"{diff:>9.2%}")
    lines += [f"{k:<36}{v:>12,}" for k, v in lost_rows(mapped, unmapped).items()]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(compare(Path(sys.argv[1]), Path(sys.argv[2])))

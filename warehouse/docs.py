"""Render docs/warehouse.md: the data dictionary read back from a built warehouse's COMMENTs, plus
example queries that are run against it while rendering (a query that fails stops the render).

    python -m warehouse.docs path/to/warehouse.duckdb docs/warehouse.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.comments import dictionary
from warehouse.steps import EXAMPLES_GLOB, WAREHOUSE_SQL
from warehouse.text_hygiene import clean_str

SAMPLE_ROWS = 5
#: how contracts are consolidated: the rules behind the contract tables, for analysts
CONTRACT_RULES = """\
## How contracts are consolidated

- **One contract per number.** Contract numbers are normalised before joining: case, spaces and
  separators, a short letter prefix in front of the digits and leading zeros are ignored, so
  "SC-1234567", "sc1234567", "SC 1234567" and "1234567" are one contract, `SC-1234567`.
- **Amounts.** Within one source a contract's amount is the sum of its lines (one line per
  covered asset is common); a line repeated identically in a later file of the same source counts
  once. Across sources the same contract is seen again and never added up.
- **Conflicts.** Per field the most trusted source wins (`source_priority` in sources.yaml, or a
  source's own `priority:`), then the most recent (latest invoice date, then latest file). Every
  losing value is kept in `contract_conflicts` with its source row.
- **Rows without a contract number** (a rep's tracker line with a serial and an expiry) join the
  numbered contract with the same end date that covers one of their serials; failing that, the
  one numbered contract with the same end date of their customer (or of their serials' customer).
  Rows that match nothing are still evidence: the rows of one customer and end date form an
  unnumbered contract (`UC-...`, `numbered = false`), so a renewal only a rep knows about is not lost.
- **Assets.** `contract_assets` holds every asset whose serial appears on any row of the contract
  (`basis` serial) and, for a contract none of whose rows names a serial, the assets inferred for it
  (`basis` inferred): those of the nearest contract along its renewal chain that names serials
  (same customer), else the customer's hardware that shipped before it started, of the hardware SKU
  its own rows name (a tracker line) or of a product its SKU names, that no other contract covers
  over the same months - inferred only when the evidence leaves one choice (one candidate shipment,
  the one of exactly its quantity, or all when they make no more than it; a shipment a contract of
  overlapping term took is no candidate). Candidates it cannot choose between are `basis`
  `inferred_ambiguous` (possibly covered: never gaps, not counted as the contract's assets).
  `rule` says which.
- **Renewals.** A contract is renewed by a later one that covers the same assets (or, with no
  serial in common, is the same customer's contract of the same SKU family and service level) and
  starts within 60 days of its end, before or after (a same-customer contract whose SKU or level
  is unknown on one side: never before its end). Without a serial in common, two contracts
  that both name their units, or a later one whose units shipped after the earlier one started,
  are not a renewal of each other. Each contract renews and is renewed at most once;
  shared assets beat the weaker match, then the smallest gap wins.
- **Status** as of the run's as-of date: `renewed` (by a later contract, or as a source's status
  says: "Renewed", "Closed Won"), `lost` (a source's status says the customer will not renew:
  "Closed Lost", "Churned", "Not renewing"; no renewal, no win-back), `credited` (called off - its
  invoices credited in full, or the status a source gives says cancelled, terminated or void: no renewal),
  `expired`, `expiring` (ends within `valuation.renewal_days`, default 120 - the horizon of the
  renewal list too), `active` (`unknown` without an end date).
- **Numbers** are shown in one form, letters-hyphen-digits (`SC-1234567`), however a source wrote them.
- **Counterparties kept apart.** `customer_id` is the end customer, `reseller_id` who sold the
  contract (as of that contract: an older contract keeps its reseller when the customer changes
  reseller), `bill_to_id` who is invoiced: a partner (reseller, leasing company, distributor) or the
  customer itself. When no row of the contract names a reseller, the invoiced reseller or the
  customer's reseller at the contract's start is used (`reseller_basis` says which). The bill-to is
  only known when some source names it (invoices); it is never guessed.
"""


#: how the opportunity tables are made, for analysts
OPPORTUNITY_RULES = """\
## How the opportunity list is made

- **The headline is renewals and win-backs** (`kind` renewal, lapsed). Coverage gaps and co-term
  proposals are opportunities of their own kinds with their own totals (`renewal_summary` sections
  `gaps`, `coterms`); co-terms are alternatives to the renewals they fold and never added to them.
- **Gaps** count every coverage, serial or inferred (`contract_assets`): an asset an inferred
  contract covers is never a gap, and one whose contract lapsed within `lapsed_days` is a win-back.
  Assets uncovered for over `gap_max_age_years` (default 3) are the `installed_base`, not gaps.
- **Priority** 1-3 from the value band (`value_bands`) and urgency; **action date** = expiry minus
  the band's lead time (`lead_days`), and what is already due is spread per rep over the working
  days from the as-of date (`daily_actions` a day), most urgent first - never before the as-of date.
- **Who to call**: `contact_name`, `contact_email`, `contact_phone` of the customer (the most trusted
  source naming a contact, then its most recent row), with the CRM account and owner ids the CRM sent.
- **Since the last run**: each run compares itself with the warehouse it replaces
  (`since_last_run`, `opportunity_changes`: added, dropped with the reason, value or kind changed).
- `window` is kept as an alias of `expiry_window` (a keyword in SQL: quote it as `"window"`).
"""
_TABLE_REFERENCE = re.compile(r"\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)
#: a common table expression's name: "name AS (" or "name(a, b) AS ("
_CTE_NAME = re.compile(r"\b([a-z_][a-z0-9_]*)\s*(?:\([^()]*\))?\s+AS\s*\(", re.IGNORECASE)


@dataclass(frozen=True)
class Example:
    """One example query: a title (the file's first comment line) and its SQL."""

    title: str
    sql: str


def example_queries() -> list[Example]:
    """The example queries in warehouse/sql/examples/, in file-name order."""
    out = []
    for name in WAREHOUSE_SQL.files(EXAMPLES_GLOB):
        text = WAREHOUSE_SQL.text(name).strip()
        first, _, rest = text.partition("\n")
        if not first.startswith("--"):
            raise ValueError(f"{name}: the first line must be a '-- title' comment")
        out.append(Example(first.lstrip("- ").strip(), rest.strip()))
    return out


def _cell(value: object) -> str:
    """A value as markdown table text (pipes escaped, no line breaks, no escape sequences or controls)."""
    if value is None:
        return ""
    if isinstance(value, float | decimal.Decimal):
        text = f"{value:,.2f}"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, list | tuple):
        text = ", ".join(_cell(v) for v in value)
    else:
        text = str(value)
    return clean_str(text).replace("|", "\\|").replace("\n", " ").replace("\t", " ")


def _table(header: list[str], rows: list[tuple]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def run_example(
    con: duckdb.DuckDBPyConnection, example: Example, rows: int = SAMPLE_ROWS
) -> tuple[list[str], list[tuple]]:
    """Run an example; its column names and first rows (raises if the query fails)."""
    rel = con.sql(example.sql)
    return list(rel.columns), rel.limit(rows).fetchall()


def missing_tables(con: duckdb.DuckDBPyConnection, example: Example) -> list[str]:
    """The tables an example reads that this warehouse lacks (a partial build); [] for a full one."""
    present = {t for (t,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
    named = {m.group(1).lower() for m in _TABLE_REFERENCE.finditer(example.sql)}
    ctes = {m.group(1).lower() for m in _CTE_NAME.finditer(example.sql)}
    return sorted(t for t in named - ctes if t not in present)


def _documented_tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(table, comment) for every commented table, in dictionary order, then any others by name."""
    found = dict(con.execute(
        "SELECT table_name, comment FROM duckdb_tables() "
        "WHERE database_name = current_database() AND comment IS NOT NULL ORDER BY table_name"
    ).fetchall())
    order = [t for t in dictionary() if t in found] + sorted(t for t in found if t not in dictionary())
    return [(t, found[t]) for t in order]


def render_warehouse_docs(con: duckdb.DuckDBPyConnection, examples: list[Example] | None = None,
                          strict: bool = False) -> str:
    """The markdown data dictionary of the warehouse `con` points at, with verified example queries.

    `strict`: every example must run (a full warehouse, as `make docs` renders); else an example
    reading a table this partial build lacks is shown as not run.
    """
    tables = _documented_tables(con)
    lines = [
        "# The Renewal Radar warehouse",
        "",
        "Generated by `python -m warehouse.docs WAREHOUSE.duckdb docs/warehouse.md` from the COMMENTs of a",
        "built warehouse (the data dictionary, `warehouse/dictionary.yaml`). Open `warehouse.duckdb`",
        "read-only with any DuckDB client; every table and column below carries the same text as a comment",
        "(`SELECT * FROM duckdb_columns() WHERE table_name = 'contracts'`).",
        "",
        "## Tables",
        "",
    ]
    lines += [f"- [`{t}`](#{t}): {_cell(c)}" for t, c in tables]
    if any(t == "contracts" for t, _ in tables):
        lines += ["", CONTRACT_RULES.rstrip()]
    if any(t == "renewal_opportunities" for t, _ in tables):
        lines += ["", OPPORTUNITY_RULES.rstrip()]
    for table, comment in tables:
        cols = con.execute(
            "SELECT column_name, data_type, comment FROM duckdb_columns() "
            "WHERE database_name = current_database() AND table_name = ? ORDER BY column_index",
            [table],
        ).fetchall()
        lines += ["", f"## {table}", "", comment, ""]
        lines += _table(["column", "type", "meaning"], [(f"`{c}`", t, m) for c, t, m in cols])
    lines += ["", "## Example queries", "",
              "Each query below was run against the warehouse these docs were generated from; the first",
              f"{SAMPLE_ROWS} rows of its result are shown.", ""]
    for example in example_queries() if examples is None else examples:
        lines += [f"### {example.title}", "", "```sql", example.sql, "```", ""]
        absent = missing_tables(con, example)
        if absent and strict:
            raise ValueError(f"example {example.title!r} reads {absent}, which this warehouse lacks")
        if absent:  # a partial build (a test's): said, never silently skipped
            lines += [f"(not run: this warehouse has no {', '.join(absent)})", ""]
            continue
        header, rows = run_example(con, example)
        lines += _table(header, rows) if rows else ["(no rows)"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_warehouse_docs(con: duckdb.DuckDBPyConnection, path: Path, strict: bool = False) -> Path:
    """Render the docs and write them to `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_warehouse_docs(con, strict=strict), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: render the docs of a built warehouse file."""
    parser = argparse.ArgumentParser(prog="python -m warehouse.docs", description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path, help="a built warehouse.duckdb")
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/warehouse.md"))
    args = parser.parse_args(argv)
    con = duckdb.connect(str(args.warehouse), read_only=True)
    try:
        print(write_warehouse_docs(con, args.out, strict=True))
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A partner program's tier as written read as the configured tier it names (reports/sql/program_tiers.sql)."""

import duckdb
import pandas as pd

from reports.steps import PROGRAM_TIERS, REPORTS_SQL


def test_a_tier_written_with_more_words_is_the_configured_tier_it_names() -> None:
    con = duckdb.connect()
    written = ["gold", "gold certified partner", "platinum plus", "silver-partner", "registered", "goldsmith",
               "premier"]
    con.register("terms", pd.DataFrame({"tier": [*written, None]}))
    con.execute("CREATE TABLE partner_terms AS SELECT tier FROM terms")
    con.register("shares", pd.DataFrame({"tier": ["default", "direct", "gold", "silver", "platinum", "platinum plus",
                                                   "Premier"],
                                         "share": [0.1, 0.0, 0.3, 0.2, 0.4, 0.5, 0.45]}))
    con.execute("CREATE TEMP TABLE rv_partner_share AS SELECT * FROM shares")
    REPORTS_SQL.run(con, PROGRAM_TIERS)
    got = dict(con.execute("SELECT written, tier FROM rv_program_tiers").fetchall())
    # whole words only ("goldsmith" names no tier), the longest of several, a tier nobody configured left out
    assert got == {"gold": "gold", "gold certified partner": "gold", "platinum plus": "platinum plus",
                   "silver-partner": "silver", "premier": "Premier"}

"""The SQL runner's frame registration."""

import duckdb
import pandas as pd

from warehouse.sql_runner import registered


def test_an_empty_frame_joins_on_text_columns() -> None:
    # an inbox without serials gives an empty asset map; its object columns must stay text
    con = duckdb.connect()
    con.execute("CREATE TABLE source_records AS SELECT '66b30c2348fa41e2' AS record_id")
    empty = pd.DataFrame({"asset_id": pd.Series([], dtype=object), "record_id": pd.Series([], dtype=object)})
    with registered(con, {"asset_map": empty}):
        rows = con.execute("SELECT * FROM asset_map JOIN source_records USING (record_id)").fetchall()
        kinds = con.execute("SELECT column_type FROM (DESCRIBE asset_map)").fetchall()
    assert rows == [] and kinds == [("VARCHAR",), ("VARCHAR",)]

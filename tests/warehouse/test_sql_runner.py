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


def test_a_query_via_arrow_gives_the_values_query_gives(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from warehouse.sql_runner import SqlLibrary

    (tmp_path / "mentions.sql").write_text(
        "SELECT record_id, name, serials, rank FROM m ORDER BY record_id", encoding="utf-8")
    con = duckdb.connect()
    con.execute("""CREATE TABLE m AS SELECT * FROM (VALUES
        ('r1', 'Müller GmbH', ['SN-1', 'SN-2'], 1), ('r2', NULL, NULL, NULL), ('r3', '', [], 2),
        ('r4', 'Café Ōsaka 株式会社', ['SN-3'], 3)) t(record_id, name, serials, rank)""")
    sql = SqlLibrary(tmp_path)
    plain, arrow = sql.query(con, "mentions.sql"), sql.query_via_arrow(con, "mentions.sql")
    assert list(arrow.columns) == list(plain.columns) and len(arrow) == 4
    for column in ("record_id", "name"):
        assert arrow[column].astype(object).where(arrow[column].notna(), None).tolist() == \
            plain[column].astype(object).where(plain[column].notna(), None).tolist()
    as_lists = [None if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)) else list(v)
                for v in arrow["serials"]]
    assert as_lists == [["SN-1", "SN-2"], None, [], ["SN-3"]]
    assert isinstance(arrow["serials"].dtype, pd.ArrowDtype)  # Arrow lists, not a NumPy array per cell
    assert arrow["rank"].fillna(-1).tolist() == plain["rank"].fillna(-1).tolist() == [1, -1, 2, 3]

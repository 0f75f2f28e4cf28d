"""The DuckDB budget: sizes read as DuckDB reads them, and connections that keep to it and spill
inside the home rather than in the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.budget import DuckDBBudget, check_memory_limit, size_bytes


@pytest.mark.parametrize(("text", "expected"), [
    ("2GiB", 2 * 2**30), ("1500MB", 1_500_000_000), ("512 mib", 512 * 2**20), (" 1.5GB ", 1_500_000_000),
])
def test_sizes_read_in_duckdb_notation(text: str, expected: int) -> None:
    assert size_bytes(text) == expected


@pytest.mark.parametrize("text", ["lots", "2", "2 GB of RAM", "-1GB", "1e3MB", ""])
def test_a_size_without_a_unit_is_refused_with_the_units_named(text: str) -> None:
    with pytest.raises(ValueError, match="KiB, MiB, GiB"):
        size_bytes(text)


def test_a_limit_too_small_for_the_nights_joins_is_refused() -> None:
    with pytest.raises(ValueError, match="below the 128MiB"):
        check_memory_limit("64MiB")
    assert check_memory_limit(" 1GiB ") == "1GiB"
    assert check_memory_limit(None) is None


def test_a_budgeted_connection_keeps_its_limit_and_spills_inside_the_home(tmp_path: Path) -> None:
    spill = tmp_path / "home" / ".radar" / "spill"
    con = DuckDBBudget("256MiB", spill).connect()
    try:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        temp = con.execute("SELECT current_setting('temp_directory')").fetchone()[0]
        # a sort of ~800 MB of rows cannot stay within 256 MiB: it has to spill, and still finish
        total = con.execute(
            "SELECT count(*), sum(hash(s)) FROM (SELECT i, repeat('x', 80) || i::VARCHAR AS s "
            "FROM range(8000000) t(i) ORDER BY s DESC)"
        ).fetchone()
    finally:
        con.close()
    assert limit in ("256.0 MiB", "268.4 MB")  # DuckDB prints the limit in its own units
    assert Path(temp) == spill and spill.is_dir()
    assert total is not None and total[0] == 8_000_000


def test_no_budget_leaves_duckdbs_defaults(tmp_path: Path) -> None:
    assert DuckDBBudget().config() == {}
    con = DuckDBBudget().connect(str(tmp_path / "w.duckdb"))
    try:
        assert con.execute("SELECT 1").fetchone() == (1,)
    finally:
        con.close()

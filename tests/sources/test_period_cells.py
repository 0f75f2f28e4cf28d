"""A column holding a whole service period in each cell ("03/14/2026 - 03/13/2027", "14.03.2026 bis 13.03.2027") is
read as the service start and end; a column of one date each, or where the start and end have their own columns, is
left as it is. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import csv_text, read, src

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount"]
ROWS = [["03/13/2026", "Rosbrook Technology", "Union Steel Inc", "CS-NBD-SRV", 1, "1046.00"],
        ["03/14/2026", "Quinmore Infrastructure", "Magnolia Insurance", "CS-NBD-SRV", 2, "2166.50"]]


def test_a_period_in_one_cell_is_the_service_start_and_end(tmp_path: Path) -> None:
    rows = [[*ROWS[0], "03/14/2026 - 03/13/2027"], [*ROWS[1], "03/15/2026 - 03/14/2029"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=[*HEADER, "Coverage Period"]))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert [str(d) for d in out.records["service_start"]] == ["2026-03-14", "2026-03-15"]
    assert [str(d) for d in out.records["service_end"]] == ["2027-03-13", "2029-03-14"]
    assert any("column 'Coverage Period' holds a whole period in each cell (e.g. '03/14/2026 - 03/13/2027')" in w
               for w in out.warnings)


def test_a_german_period_with_bis(tmp_path: Path) -> None:
    text = ("Kunde;Seriennummer;Laufzeit\r\nStadtwerke Kiel;FCW2231X0AB;14.03.2026 bis 13.03.2027\r\n"
            "Uniklinik Kiel;FCW2231X0AC;01.07.2026 bis 30.06.2028\r\n")
    out = read(tmp_path, "vertraege.csv", text, src("sales_rep"))
    assert [str(d) for d in out.records["service_end"]] == ["2027-03-13", "2028-06-30"]


def test_a_period_beside_its_own_end_column_is_left_alone(tmp_path: Path) -> None:
    rows = [[*ROWS[0], "03/14/2026 - 03/13/2027", "03/13/2027"], [*ROWS[1], "03/15/2026 - 03/14/2029", "03/14/2029"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=[*HEADER, "Coverage Period", "Service End"]))
    assert out.sheets[0].mapping["Service End"] == "service_end"
    assert not any("holds a whole period" in w for w in out.warnings)

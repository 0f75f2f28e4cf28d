"""Text-file cells as exports write them: Excel text protection, US date-times with AM/PM,
decimal-comma quantities, serials Excel turned into scientific notation."""

from __future__ import annotations

from pathlib import Path

from sources.config import SourceConfig
from sources.reader import FileOutcome, read_source_file

SRC = SourceConfig(name="dist", kind="distributor", path="inbox/*.csv")
HEADER = ["Invoice Date", "Invoice No", "Reseller", "End User", "End User Zip", "Part Number", "Serial Number",
          "Qty", "Ext Price", "Service Start", "Service End"]


def _read(tmp_path: Path, rows: list[list[str]], delim: str = ",", header: list[str] = HEADER) -> FileOutcome:
    """Write a CSV (every cell quoted) and read it as a distributor file."""
    lines = [delim.join(f'"{c}"' if delim in c or '"' in c else c for c in header)]
    lines += [delim.join('"' + c.replace('"', '""') + '"' if delim in c or '"' in c else c for c in r) for r in rows]
    path = tmp_path / "export.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_source_file(path, "export.csv", SRC)


def _row(n: int, zip_code: str, serial: str, invoice: str | None = None, start: str = "", end: str = "",
         date: str = "2026-03-02", qty: str = "1", amount: str = "100.00") -> list[str]:
    return [date, invoice or f"INV-{n:04d}", "Acme Reseller Inc", f"Customer {n} LLC", zip_code, "SKU-1",
            serial, qty, amount, start, end]


def test_excel_text_protection_is_stripped_keeping_leading_zeros(tmp_path: Path) -> None:
    rows = [_row(n, f'="0{2900 + n}"', f'="00052345{n}"', invoice=f'="INV-{n:04d}"') for n in range(8)]
    rows += [_row(n, f"'0{2900 + n}", f"'00062345{n}") for n in range(8, 16)]
    out = _read(tmp_path, rows)

    recs = out.records
    assert list(recs["customer_postal_code"][:2]) == ["02900", "02901"]
    assert list(recs["customer_postal_code"][8:10]) == ["02908", "02909"]
    assert recs["serial_numbers"][0] == ["000523450"] and recs["serial_numbers"][8] == ["000623458"]
    assert recs["invoice_number"][0] == "INV-0000"


def test_apostrophe_in_a_name_is_kept(tmp_path: Path) -> None:
    rows = [_row(n, "02909", f"SN{n:06d}") for n in range(6)]
    for r in rows:
        r[3] = "'s-Hertogenbosch Zorg BV"
    out = _read(tmp_path, rows)
    assert set(out.records["customer_name"]) == {"'s-Hertogenbosch Zorg BV"}


def test_us_datetimes_with_am_pm_keep_service_dates(tmp_path: Path) -> None:
    rows = [_row(n, "02909", f"SN{n:06d}", date=f"6/{n + 1}/2023 2:35:00 PM", start=f"6/{n + 7}/2023 2:35:00 PM",
                 end=f"6/{n + 6}/2024 11:05:00 AM") for n in range(8)]
    out = _read(tmp_path, rows)

    recs = out.records
    assert str(recs["service_start"][0]) == "2023-06-07" and str(recs["service_end"][0]) == "2024-06-06"
    assert recs["service_end"].notna().all()
    assert str(recs["invoice_date"][2]) == "2023-06-03"


def test_decimal_comma_file_reads_sap_quantities_with_three_decimals(tmp_path: Path) -> None:
    rows = [_row(n, "02909", f"SN{n:06d}", qty="7,000" if n == 3 else "1,000", amount=f"{n + 1}4.009,43")
            for n in range(8)]
    out = _read(tmp_path, rows, delim=";")

    assert list(out.records["quantity"]) == [1, 1, 1, 7, 1, 1, 1, 1]
    assert float(out.records["amount"][0]) == 14009.43


def test_comma_thousands_quantity_in_a_us_file_stays_a_thousand(tmp_path: Path) -> None:
    rows = [_row(n, "02909", f"SN{n:06d}", qty="1,720" if n == 0 else "486", amount="$1,234.50") for n in range(8)]
    out = _read(tmp_path, rows)
    assert list(out.records["quantity"][:2]) == [1720, 486]


def test_scientific_notation_serials_are_not_taken(tmp_path: Path) -> None:
    rows = [_row(n, "02909", "8.18489E+11" if n % 4 == 0 else f"FDO{n:08d}") for n in range(24)]
    out = _read(tmp_path, rows)

    serials = out.records["serial_numbers"]
    assert not any("E+" in s.upper() for ss in serials for s in ss)
    assert serials[1] == ["FDO00000001"] and serials[0] == []
    assert len(out.records) == 24
    assert any("scientific notation" in w and "6" in w and "Serial Number" in w for w in out.warnings)


def test_a_column_of_scientific_serials_says_to_export_them_as_text(tmp_path: Path) -> None:
    rows = [_row(n, "02909", f"{8.18 + n / 100:.5f}E+11") for n in range(12)]
    out = _read(tmp_path, rows)

    assert all(ss == [] for ss in out.records["serial_numbers"])
    assert any("scientific notation" in w and "as text" in w for w in out.warnings), out.warnings


def test_a_number_cell_of_sixteen_digits_or_more_names_no_unit(tmp_path: Path) -> None:
    # an .xlsx number cell keeps fifteen significant digits: an 18-digit serial typed into it is rounded
    # (4.35e+16), and its text would split at "+" into pieces that join unrelated units
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for n in range(12):
        serial: object = 435012345678901234 + n if n % 3 == 0 else f"FDO{n:08d}"
        sheet.append(_row(n, "02909", "")[:6] + [serial] + _row(n, "02909", "")[7:])
    path = tmp_path / "export.xlsx"
    book.save(path)
    out = read_source_file(path, "export.xlsx", SourceConfig(name="dist", kind="distributor", path="inbox/*"))
    serials = out.records["serial_numbers"]
    assert serials[0] == [] and serials[1] == ["FDO00000001"] and len(out.records) == 12
    assert all(ss == [] or ss == [f"FDO{n:08d}"] for n, ss in enumerate(serials))
    assert any("scientific notation" in w and "4" in w for w in out.warnings), out.warnings

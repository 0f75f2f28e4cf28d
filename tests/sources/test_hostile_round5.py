"""The fifth round of hostile files (s39): what exports and people write into cells and sheets beside the data.
Each file is written in tmp_path and read as the nightly run reads it."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import csv_text, read, read_path, src, workbook_sheets

HEADER = ["Invoice No", "Invoice Date", "Reseller", "End User", "SKU", "Serial Number", "Qty", "Unit Price",
          "Ext Price", "Contract Number"]


def _line(k: int, **cells: object) -> list[object]:
    row: dict[str, object] = {"Invoice No": f"HX-{k:03d}", "Invoice Date": f"2026-03-{k:02d}", "Reseller": "Rosbrook",
                              "End User": f"Customer {k} Inc", "SKU": "CS-NBD-SRV", "Serial Number": f"HXS{k:06d}Q0",
                              "Qty": "1", "Unit Price": f"{1000 + k}.00", "Ext Price": f"{1000 + k}.00",
                              "Contract Number": f"SC-91800{k:02d}"}
    row.update(cells)
    return list(row.values())


def test_whole_amounts_written_with_a_dash_for_cents(tmp_path: Path) -> None:
    rows = [_line(k, **{"Unit Price": f"1.{k:03d},-", "Ext Price": f"1.{k:03d},{'--' if k % 2 else '-'}"})
            for k in range(1, 9)]
    out = read(tmp_path, "dash.csv", csv_text(rows, HEADER), src())
    assert out.rows_quarantined == 0 and [float(a) for a in out.records["amount"]] == [1000.0 + k for k in range(1, 9)]


def test_direction_marks_before_numbers_and_dates_are_no_part_of_them(tmp_path: Path) -> None:
    rows = [_line(k, **{"Invoice Date": f"\u200e2026-03-{k:02d}", "Qty": "\u200f1", "Ext Price": f"\u061c{1000 + k}.00"})
            for k in range(1, 9)]
    out = read(tmp_path, "bidi.csv", csv_text(rows, HEADER), src())
    assert out.rows_loaded == 8 and out.rows_quarantined == 0
    assert out.sheets[0].mapping["Invoice Date"] == "invoice_date"
    assert float(out.records["amount"].iloc[0]) == 1001.0 and str(out.records["invoice_date"].iloc[0]) == "2026-03-01"


def test_a_quantity_in_brackets_is_negative(tmp_path: Path) -> None:
    rows = [_line(k) for k in range(1, 8)] + [_line(8, Qty="(1)", **{"Ext Price": "(1008.00)"})]
    out = read(tmp_path, "paren.csv", csv_text(rows, HEADER), src())
    assert out.rows_quarantined == 0 and int(out.records["quantity"].iloc[-1]) == -1


def test_excels_apostrophe_before_a_code_or_a_spaced_number_goes(tmp_path: Path) -> None:
    rows = [_line(k, **({"Invoice No": f"'HX-{k:03d}", "Contract Number": f"'SC-91800{k:02d}", "Qty": "' 2"}
                        if k % 3 == 0 else {})) for k in range(1, 9)]
    out = read(tmp_path, "apostrophes.csv", csv_text(rows, HEADER), src())
    assert out.rows_quarantined == 0
    assert "HX-003" in set(out.records["invoice_number"]) and "SC-9180003" in set(out.records["contract_number"])
    assert int(out.records["quantity"].iloc[2]) == 2


def test_serials_with_a_label_or_printed_in_digit_groups(tmp_path: Path) -> None:
    labelled = [_line(k, **{"Serial Number": f"{('S/N: ', 'SN ', 'Serial# ', 's/n:')[k % 4]}HXS{k:06d}Q0"})
                for k in range(1, 9)]
    out = read(tmp_path, "sn.csv", csv_text(labelled, HEADER), src())
    assert out.sheets[0].mapping["Serial Number"] == "serial_numbers"
    assert [list(s) for s in out.records["serial_numbers"]][:2] == [["HXS000001Q0"], ["HXS000002Q0"]]
    grouped = [_line(k, **{"Serial Number": f"48{k:02d} 7730 1299" + (f", 48{k:02d} 7731 1299" if k % 2 else "")})
               for k in range(1, 9)]
    out = read(tmp_path, "groups.csv", csv_text(grouped, HEADER), src())
    assert [list(s) for s in out.records["serial_numbers"]][:2] == [["480177301299", "480177311299"],
                                                                    ["480277301299"]]


def test_a_note_or_label_beside_a_contract_number(tmp_path: Path) -> None:
    notes = {1: "SC-9180001 (renewal)", 2: "SC-9180002 - see email", 3: "#SC-9180003", 4: "SC-9180004 / PO 7731",
             5: "Contract: SC-9180005"}
    rows = [_line(k, **({"Contract Number": notes[k]} if k in notes else {})) for k in range(1, 11)]
    out = read(tmp_path, "notes.csv", csv_text(rows, HEADER), src())
    assert list(out.records["contract_number"]) == [f"SC-91800{k:02d}" for k in range(1, 11)]
    assert any("5 value(s) write a note or a label beside the number" in w for w in out.warnings)


def test_estimates_and_orders_in_an_accounting_export_are_no_invoices(tmp_path: Path) -> None:
    header = ["Type", "Date", "Num", "Name", "Item", "Qty", "Amount"]
    kinds = ["Invoice", "Estimate", "Invoice", "Sales Order", "Pro Forma Invoice", "Invoice", "Credit Memo", "Invoice"]
    rows = [[t, f"03/{k + 10}/2026", f"{1000 + k}", f"Customer {k} Inc", "CS-NBD-SRV", "1", f"{1300 + 10 * k}.00"]
            for k, t in enumerate(kinds)]
    out = read(tmp_path, "qb.csv", csv_text(rows, header), src("accounting"))
    assert out.rows_loaded == 5 and out.rows_quarantined == 0
    assert sorted(float(a) for a in out.records["amount"]) == [-1360.0, 1300.0, 1320.0, 1350.0, 1370.0]
    assert any("3 rows are no invoice ('Estimate', 'Pro Forma Invoice', 'Sales Order')" in w for w in out.warnings)


def test_a_template_sheet_beside_the_data_is_not_read(tmp_path: Path) -> None:
    real = [HEADER, *[_line(k) for k in range(1, 6)]]
    example = [["Fill in one line per invoice"], HEADER,
               _line(1, **{"End User": "ACME Example Corp", "Reseller": "Your Reseller Name", "SKU": "XXX-EXAMPLE"})]
    out = read_path(workbook_sheets(tmp_path / "inbox" / "pos.xlsx", {"Mar 2026": real, "Template": example}), src())
    assert out.rows_loaded == 5 and "ACME Example Corp" not in set(out.records["customer_name"])
    assert any(s.sheet == "Template" and "template or example sheet" in (s.skipped or "") for s in out.sheets)
    assert any("sheet 'Template' is a template or example sheet beside the data: not read" in w for w in out.warnings)
    # a template filled in as the only sheet is the data
    alone = read_path(workbook_sheets(tmp_path / "inbox" / "alone.xlsx", {"Template": real}), src())
    assert alone.rows_loaded == 5


def test_a_templates_example_line_is_no_line_and_no_evidence(tmp_path: Path) -> None:
    header = ["Customer", "Contract #", "Product", "Expiry", "Renewal Value"]
    rows = [["e.g. Acme Corp", "SC-1234567", "CS-XXXX", "2027-01-31", 1000],
            *[[f"Customer {k} Inc", f"SC-98600{k:02d}", "CS-NBD-SRV", f"2027-01-{10 + k}", 1500 + 100 * k]
              for k in range(1, 9)]]
    out = read_path(workbook_sheets(tmp_path / "inbox" / "tracker.xlsx", {"Renewals": [header, *rows]}),
                    src("sales_rep"))
    assert out.rows_loaded == 8 and "e.g. Acme Corp" not in set(out.records["customer_name"])
    assert out.sheets[0].mapping["Product"] == "sku" and set(out.records["sku"]) == {"CS-NBD-SRV"}
    assert any("row 2: a template's example ('e.g. Acme Corp'), no line" in w for w in out.warnings)


def test_a_file_with_no_extension_is_read_by_its_content(tmp_path: Path) -> None:
    out = read(tmp_path, "HX10_export", csv_text([_line(k) for k in range(1, 6)], HEADER), src())
    assert out.status == "loaded" and out.rows_loaded == 5
    assert any("has no extension: read as a text table (its content); name it HX10_export.csv" in w
               for w in out.warnings)
    book = workbook_sheets(tmp_path / "inbox" / "book", {"Mar": [HEADER, *[_line(k) for k in range(1, 4)]]})
    assert read_path(book, src()).rows_loaded == 3


def test_a_formula_kept_as_text_says_so(tmp_path: Path) -> None:
    rows = [_line(k) for k in range(1, 6)] + [_line(6, **{"Ext Price": "=2*1049.25"}), _line(7, Qty="=1+2")]
    out = read(tmp_path, "formulas.csv", csv_text(rows, HEADER), src())
    assert out.rows_quarantined == 2
    reasons = list(out.quarantine["reason"])
    assert "a formula kept as text, not its value: '=2*1049.25' (enter the amount itself)" in reasons[0]
    assert "a formula kept as text, not its value: '=1+2' (enter the count itself)" in reasons[1]


def test_unix_times_in_a_date_column(tmp_path: Path) -> None:
    """An API's export: seconds, or milliseconds, since 1970 on every row of a date column (midnight UTC)."""
    day = 1773360000  # 2026-03-13 00:00 UTC
    rows = [_line(k, **{"Invoice Date": str(day + 86400 * k), "Qty": "1"}) for k in range(1, 7)]
    rows += [_line(7, **{"Invoice Date": str((day + 86400 * 7) * 1000)})]
    out = read(tmp_path, "api.csv", csv_text(rows, HEADER), src())
    assert out.sheets[0].mapping["Invoice Date"] == "invoice_date" and out.rows_quarantined == 0
    assert [str(d) for d in out.records["invoice_date"]][:2] == ["2026-03-14", "2026-03-15"]
    assert str(out.records["invoice_date"].iloc[-1]) == "2026-03-20"
    assert any("whole numbers read as Unix time" in w for w in out.warnings)


def test_ten_digit_document_numbers_are_no_dates(tmp_path: Path) -> None:
    rows = [_line(k, **{"Invoice No": str(1400000123 + 7 * k)}) for k in range(1, 9)]
    out = read(tmp_path, "sap.csv", csv_text(rows, HEADER), src())
    assert out.sheets[0].mapping["Invoice No"] == "invoice_number"
    assert not any("Unix time" in w for w in out.warnings)


def test_group_headings_holding_their_lines_sums_are_structure(tmp_path: Path) -> None:
    """An SSRS report grouped by reseller writes each group's name and sums on a row above its lines."""
    grid: list[list[object]] = [HEADER]
    for g, size in enumerate((3, 2, 1)):
        lines = [_line(10 * g + k, Reseller=f"Reseller {'ABC'[g]}") for k in range(1, size + 1)]
        heading = [None] * len(HEADER)
        heading[2] = f"Reseller {'ABC'[g]}"
        heading[6] = sum(int(str(r[6])) for r in lines)
        heading[8] = round(sum(float(str(r[8])) for r in lines), 2)
        grid += [heading, *lines]
    out = read_path(workbook_sheets(tmp_path / "inbox" / "ssrs.xlsx", {"Mar 2026": grid}), src())
    assert out.rows_loaded == 6 and out.rows_quarantined == 0
    assert any("rows 2, 6, 9 are subtotals (amounts summing the lines of their group" in w for w in out.warnings)

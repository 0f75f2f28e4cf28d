"""Names and codes are one line, without the characters no reader sees: a line break or a tab inside a customer
cell made a second customer ("Union Steel\\nInc"), a zero-width space copied from a web page stayed in a contract
number and reached the CRM import."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import csv_text, read, src


def test_names_are_one_line_and_codes_lose_invisible_characters(tmp_path: Path) -> None:
    header = ["Invoice Date", "Reseller", "End User", "SKU", "Serial Number", "Qty", "Amount", "Notes"]
    rows = [["2024-03-01", "Infocore", "Union Steel\nInc", "C9300\u200b-48P", "FOC12\u00ad34X", 1, 100, "line 1\nline 2"],
            ["2024-03-02", "North\twire", "Kestrel\u200b Analytics", "C9200", "FOC99\u200d88Y", 1, 100, ""]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=header))
    assert out.status == "loaded" and out.rows_loaded == 2
    assert list(out.records["customer_name"]) == ["Union Steel Inc", "Kestrel Analytics"]
    assert list(out.records["reseller_name"]) == ["Infocore", "North wire"]
    assert list(out.records["sku"]) == ["C9300-48P", "C9200"]
    assert [list(s) for s in out.records["serial_numbers"]] == [["FOC1234X"], ["FOC9988Y"]]
    assert out.records["notes"].iloc[0] == "line 1\nline 2"  # a note may be written on several lines


def test_a_joiner_inside_a_name_of_an_indic_script_stays(tmp_path: Path) -> None:
    text = "Customer,Expiry\nශ්\u200dරී ලංකා Telecom,2027-01-01\n"
    out = read(tmp_path, "tracker.csv", text, src("sales_rep"))
    assert out.records["customer_name"].iloc[0] == "ශ්\u200dරී ලංකා Telecom"

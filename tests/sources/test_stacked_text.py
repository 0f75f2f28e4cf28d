"""Two exports pasted into one text file, the second with its columns in another order: the line that repeats
the header in the other order starts a table of its own, read by its own names (before: read with the first
header's positions, reseller and customer swapped and the price taken as the quantity, with no word)."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import read

TEXT = ("Invoice Date,Reseller,End User,SKU,Qty,Unit Price,Amount\n"
        "2024-03-01,Infocore,Delta Legal,C9300,1,2100,2100\n"
        "2024-03-02,Northwire,Kestrel Analytics,C9200,2,900,1800\n"
        "Invoice Date,End User,Reseller,SKU,Unit Price,Qty,Amount\n"
        "2024-04-01,Orchard Mining,Infocore,C9300,1327,3,3981\n"
        "2024-04-02,Union Steel,Northwire,C9200,450,2,900\n")


def test_a_header_repeated_in_another_order_starts_a_table_of_its_own(tmp_path: Path) -> None:
    out = read(tmp_path, "pos.csv", TEXT)
    assert out.status == "loaded" and out.rows_loaded == 4 and out.rows_quarantined == 0
    assert list(out.records["reseller_name"]) == ["Infocore", "Northwire", "Infocore", "Northwire"]
    assert list(out.records["customer_name"]) == ["Delta Legal", "Kestrel Analytics", "Orchard Mining", "Union Steel"]
    assert [int(q) for q in out.records["quantity"]] == [1, 2, 3, 2]
    assert any("line 4 repeats the header with the columns in another order" in w for w in out.warnings)


def test_a_header_repeated_in_the_same_order_stays_page_furniture(tmp_path: Path) -> None:
    lines = TEXT.splitlines()
    same = "\n".join([*lines[:3], lines[0], *lines[4:]]) + "\n"
    out = read(tmp_path, "pos.csv", same)
    assert out.rows_loaded == 4 and not any("another order" in w for w in out.warnings)


def test_a_returns_table_after_a_titled_gap_is_its_own_table_of_credits(tmp_path: Path) -> None:
    """A blank line, a title "Returns" and a header of other names: the returns are read by their own names, as
    credits (negative), and the title line is no line to quarantine."""
    text = ("Invoice Date,Reseller,End User,SKU,Description,Qty,Amount\n"
            "2024-03-01,Infocore,Delta Legal,C9300,Support 1 year,1,2100\n"
            "2024-03-02,Northwire,Kestrel Analytics,C9200,Support 1 year,2,1800\n"
            ",,,,,,\n"
            "Returns,,,,,,\n"
            "Return Date,RMA No.,Reseller,End User,SKU,Qty Returned,Credit Amount\n"
            "2024-03-20,RMA-1,Infocore,Delta Legal,C9300,1,2100\n"
            "2024-03-21,RMA-2,Northwire,Kestrel Analytics,C9200,1,900\n"
            "2024-03-22,RMA-3,Northwire,Kestrel Analytics,C9200,1,900\n")
    out = read(tmp_path, "pos.csv", text)
    assert out.status == "loaded" and out.rows_loaded == 5 and out.rows_quarantined == 0
    assert [float(a) for a in out.records["amount"]] == [2100.0, 1800.0, -2100.0, -900.0, -900.0]
    assert list(out.records["description"])[:2] == ["Support 1 year"] * 2
    assert any(w.endswith("line 6 is the header of another table ('Return Date', 'RMA No.', 'Reseller', 'End User', "
                          "'SKU', 'Qty Returned', 'Credit Amount'): the lines below it are read as a table of their "
                          "own, with their own mapping (lines 4-5 above it, blank or its title, are not read)")
               for w in out.warnings), out.warnings

"""An invoice export writing each document as a header record and its line records (Croatian "Z"/"S"): the header's
date and customer are read on its lines, the header itself is no line (its total is theirs); a ledger whose rows are
all lines is read as before. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import read, src

RECORDS = """\
Vrsta;Broj računa;Datum;Šifra kupca;Kupac;Šifra artikla;Naziv artikla;Količina;Cijena;Iznos
Z;118-1-1;05.01.2026.;K0047;Grad Rijeka;;;;;5.643,53
S;118-1-1;;;;FAP-231F;FortiAP-231F;1;366,97;366,97
S;118-1-1;;;;21AHCTO1WW;ThinkPad T14 Gen 3;4;1.319,14;5.276,56
Z;119-1-1;14.01.2026.;K0031;KBC Split;;;;;437,03
S;119-1-1;;;;5WS0D80996;3Y Onsite NBD Upgrade;2;158,93;317,86
S;119-1-1;;;;FC-10-F231F-247-02-12;FortiAP-231F 1 Year FortiCare;1;119,17;119,17
"""


def test_header_records_give_their_lines_the_date_and_customer(tmp_path: Path) -> None:
    out = read(tmp_path, "izlazni_racuni.csv", RECORDS, src("accounting"))
    assert out.status == "loaded" and out.rows_quarantined == 0 and len(out.records) == 4
    assert list(out.records["bill_to_name"]) == ["Grad Rijeka", "Grad Rijeka", "KBC Split", "KBC Split"]
    assert [str(d) for d in out.records["invoice_date"]] == ["2026-01-05", "2026-01-05", "2026-01-14", "2026-01-14"]
    assert round(sum(float(a) for a in out.records["amount"]), 2) == 6080.56
    assert any("rows 2, 5: each a document's header record above the line records that share its number" in w
               for w in out.warnings)


def test_a_ledger_of_lines_alone_is_read_as_before(tmp_path: Path) -> None:
    text = ("Invoice;Date;Customer;Item;Qty;Amount\n"
            "INV-1;05.01.2026;Grad Rijeka;FAP-231F;1;366,97\nINV-1;05.01.2026;Grad Rijeka;;;50,00\n"
            "INV-2;14.01.2026;KBC Split;5WS0D80996;2;317,86\n")
    out = read(tmp_path, "ledger.csv", text, src("accounting"))
    assert len(out.records) == 3 and not any("header record" in w for w in out.warnings)

"""A report printed to a file with a rule of dash groups under its header: the rule draws the columns, so a value that
fills its column to one space before the next is cut right; a title block above the header is no header; and the
decimal commas of its amounts are no delimiter. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import read, src

TIGHT = """\
Invoice Date Invoice No Reseller                      End User                      ST Part Number Qty  Ext Price
------------ ---------- ----------------------------- ----------------------------- -- ----------- --- ----------
03/13/2026   HX38-001   Rosbrook Technology Partners  Union Steel Inc               CA CS-NBD-SRV  1      1038.00
03/14/2026   HX38-002   Quinmore Infrastructure Corp  Magnolia Insurance Llc        WA CS-NBD-SRV  2      2150.50
03/15/2026   HX38-003   Alstead Computer Services Inc Orchard Mining LLC            CA CS-NBD-SRV  3      3337.50
"""

SPOOL = """\
LSTFAC01     LISTADO DE FACTURAS EMITIDAS                         PAG.    1\r
EMPRESA: 01  SUMINISTROS INFORMATICOS DEL LEVANTE S.A.\r
PERIODO: 01/01/26 A 31/03/26\r
\r
FEC.FACT  N.FACTURA  NOMBRE CLIENTE                ARTICULO         CANT.     PRECIO    IMPORTE\r
--------  ---------  ----------------------------  ---------------  -----  ---------  ---------\r
06/01/26  0260118    HOSPITAL COMARCAL DE VINAROS  ME5012           4       9.210,58  36.842,32\r
19/01/26  0260119    AYTO. DE ALCALA DE HENARES    R0Q76B           2       9.859,90  19.719,80\r
23/01/26  0260120    CONSERVAS ORTIZ S.L.          PSP-4H-R750XS    1       3.651,56   3.651,56\r
"""


def test_a_rule_of_dashes_draws_the_columns(tmp_path: Path) -> None:
    out = read(tmp_path, "report.txt", TIGHT, src("distributor"))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert list(out.records["reseller_name"]) == ["Rosbrook Technology Partners", "Quinmore Infrastructure Corp",
                                                  "Alstead Computer Services Inc"]
    assert any("where the rule of dashes under the header parts its columns" in w for w in out.warnings)


def test_a_spool_with_a_title_block_and_decimal_commas(tmp_path: Path) -> None:
    out = read(tmp_path, "LISTFACT.TXT", SPOOL, src("accounting"))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert list(out.records["invoice_number"]) == ["0260118", "0260119", "0260120"]
    assert [float(a) for a in out.records["amount"]] == [36842.32, 19719.80, 3651.56]
    assert [str(d) for d in out.records["invoice_date"]] == ["2026-01-06", "2026-01-19", "2026-01-23"]

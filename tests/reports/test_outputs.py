"""The files sales ops receive: workbooks opened with openpyxl, the CRM CSV, the run summary, atomic writes."""

import csv
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart

from reports import outputs, write_pool
from reports.books import slug
from reports.frames import ReportData
from reports.outputs import ReportFiles, book_parts, write_report_files
from reports.safe_text import FORMULA_LEADERS
from reports.summary import summarise_books
from reports.valuation import ValuationSettings
from tests.reports.fixtures import FORMULA_NAMES, HYPERLINK


def _write(data: ReportData, settings: ValuationSettings, out: Path) -> ReportFiles:
    """write_report_files with the book's totals computed as the renewal_summary stage stores them."""
    return write_report_files(data, summarise_books(book_parts(data), settings), settings, out)

SHEETS = ["Summary", "Renewals", "Coverage gaps", "Co-term proposals", "Installed base", "Changes", "Missed renewals"]
OUR_FORMULA = re.compile(r"^=SUBTOTAL\(109,([A-Z]+)2:\1\d+\)$")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, data: ReportData, settings) -> ReportFiles:
    return _write(data, settings, tmp_path_factory.mktemp("out") / "out")


def _books(files: ReportFiles) -> list[Path]:
    direct = [files.direct_workbook] if files.direct_workbook else []
    return [files.overall, *files.rep_workbooks.values(), *files.reseller_workbooks.values(), *direct]


def test_one_workbook_per_rep_and_reseller_plus_the_overall_one(files: ReportFiles) -> None:
    out = files.overall.parent
    assert files.overall == out / "renewal_opportunities.xlsx"
    names = sorted(p.name for p in (out / "workbooks").iterdir())
    assert names == sorted([
        "rep_alice_moreno.xlsx", "rep_bob_tracker.xlsx", "rep_carol_contracts.xlsx", "rep_dan_channel.xlsx",
        "rep_tom_tracker.xlsx",  # only a renewal due in 11 months (renewal_forecast): still his book
        "rep_unassigned.xlsx", "reseller_gold_reseller_inc.xlsx", "reseller_cmd_c_calc_a0.xlsx",
        "vendor_direct.xlsx",  # the deals without a reseller: the vendor's own list
    ])
    assert files.direct_workbook == out / "workbooks" / "vendor_direct.xlsx"
    assert not [p for p in out.iterdir() if p.name.startswith(".reports-staging")]


def test_list_sheets_have_formats_frozen_header_autofilter_widths_and_print_setup(files: ReportFiles) -> None:
    for path in _books(files):
        wb = openpyxl.load_workbook(path)
        assert wb.sheetnames == SHEETS, path
        for name in SHEETS[1:]:
            ws = wb[name]
            assert ws.freeze_panes in ("F2", "E2", "D2", "B2") and ws.auto_filter.ref.startswith("A1:")
            assert ws["A1"].font.b and ws["A1"].fill.start_color.rgb.endswith("1F4E78")
            assert all(ws.column_dimensions[c].width >= 6 for c in "ABCDEFG")
            # one page wide, any number of pages long; a fitToWidth left out is 1 (ECMA-376's default)
            assert ws.page_setup.orientation == "landscape" and (ws.page_setup.fitToWidth or 1) == 1
            assert ws.page_setup.fitToHeight == 0
            assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$1"
    wb = openpyxl.load_workbook(files.overall)
    ws = wb["Renewals"]  # renewals and win-backs first (issue 12): gaps and co-terms have sheets of their own
    headers = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(headers)}
    for needed in ("Prio", "Action date", "Since last run", "Customer", "Contact", "Contract", "SKU", "Level", "Expiry",
                   "Value", "Weighted value", "Reseller", "Status", "Next step", "How the value was computed"):
        assert needed in col
    rows = [r for r in ws.iter_rows(min_row=2) if r[0].value is not None and r[col["Customer"] - 1].value]
    assert len(rows) == 6 and {r[col["Kind"] - 1].value for r in rows} == {"Renewal", "Win-back (lapsed)"}
    dates = [r[col["Action date"] - 1].value for r in rows]
    assert dates == sorted(dates)
    assert all(r[col["Action date"] - 1].number_format == "yyyy-mm-dd" for r in rows)
    assert all(r[col["Value"] - 1].number_format == '"$"#,##0.00' for r in rows if r[col["Value"] - 1].value)
    assert all(r[col["Win %"] - 1].number_format == "0%" for r in rows)
    assert all(r[col["Status"] - 1].value is None and r[col["Next step"] - 1].value is None for r in rows)
    k1 = next(r for r in rows if r[col["Contract"] - 1].value == "SC-001")
    assert k1[col["Contact"] - 1].value == "Jane O'Brien\n+1 212 555 0101\njane.obrien@example.com"
    assert (k1[col["SKU"] - 1].value, k1[col["Level"] - 1].value, k1[col["Prio"] - 1].value) == ("CS-NBD", "NBD", 2)
    k2 = next(r for r in rows if r[col["Contract"] - 1].value == "SC-002")
    assert k2[col["Value"] - 1].value == 1236.0
    # a contact without a phone of their own: the company's main line, marked; a formula-like name stays text
    assert k2[col["Contact"] - 1].value == "-Dash Person\n(646) 555-0199 (main)" and k2[col["Contact"] - 1].quotePrefix
    assert any(dv.sqref and "Open" in dv.formula1 for dv in ws.data_validations.dataValidation)  # a Status pick list
    gaps = wb["Coverage gaps"]
    gcol = {c.value: i for i, c in enumerate(gaps[1])}
    grows = [r for r in gaps.iter_rows(min_row=2) if r[0].value is not None and r[gcol["Customer"]].value]
    assert len(grows) == 3 and sum(1 for r in grows if r[gcol["Value a year"]].value is None) == 1  # no list price
    assert {r[gcol["Serial numbers"]].value for r in grows} >= {"SN-A2", "SN-A3"}


def test_summary_sheet_has_the_bar_chart_of_value_by_month(files: ReportFiles) -> None:
    for path in _books(files):
        ws = openpyxl.load_workbook(path)["Summary"]
        charts = ws._charts
        assert len(charts) == 1 and isinstance(charts[0], BarChart), path
        chart = charts[0]
        assert len(chart.series) == (1 if path.name.startswith("reseller_") else 2)  # partners: no weighted
        ref = chart.series[0].val.numRef.f
        first, last = (int(n) for n in re.findall(r"\$(\d+)", ref))
        assert last - first + 1 == 12
        assert ws.cell(row=first, column=1).value == "Nov 2026"
        assert ws.cell(row=first, column=3).number_format == '"$"#,##0'


def test_no_cell_holds_a_formula_from_source_text(files: ReportFiles) -> None:
    seen = set()
    for path in _books(files):
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        assert OUR_FORMULA.match(str(cell.value)), (path.name, ws.title, cell.coordinate, cell.value)
                    elif isinstance(cell.value, str) and cell.value.startswith(FORMULA_LEADERS):
                        assert cell.data_type == "s" and cell.quotePrefix, (path.name, cell.coordinate, cell.value)
                        seen.add(cell.value)
        with zipfile.ZipFile(path) as z:  # and no formula element in the XML mentions the names
            for name in z.namelist():
                if name.startswith("xl/worksheets/"):
                    xml = z.read(name).decode("utf-8")
                    assert not [f for f in re.findall(r"<f>(.*?)</f>", xml) if "SUBTOTAL" not in f]
    assert set(FORMULA_NAMES) <= seen  # the names are shown exactly as the customers are called


def test_a_reps_workbook_holds_only_that_reps_rows(files: ReportFiles) -> None:
    wb = openpyxl.load_workbook(files.rep_workbooks["Alice Moreno"])
    customers = set()
    for name in ("Renewals", "Coverage gaps"):
        ws = wb[name]
        headers = [c.value for c in ws[1]]
        assert "Rep" not in headers
        customers |= {r[headers.index("Customer")].value for r in ws.iter_rows(min_row=2) if r[0].value is not None}
    assert customers - {None} == {HYPERLINK, "Müller & Söhne"}
    assert wb["Summary"]["A1"].value == "Renewal opportunities: Alice Moreno"


def test_crm_import_csv(files: ReportFiles, data: ReportData) -> None:
    with open(files.crm_csv, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    # Salesforce Opportunity field labels, then the lines a standard opportunity lacks (issue 12)
    assert list(rows[0])[:13] == ["Opportunity Name", "Account ID", "Account Name", "Close Date", "Amount",
                                  "Opportunity Currency", "Stage", "Probability (%)", "Owner ID", "Opportunity Owner",
                                  "Type", "Next Step", "Description"]
    assert len(rows) == 9 and len({r["External ID"] for r in rows}) == 9  # co-terms are not exported
    k1 = next(r for r in rows if r["Contract Number"] == "SC-001")
    assert (k1["Close Date"], k1["Amount"], k1["Stage"], k1["Probability (%)"], k1["Opportunity Owner"], k1["Type"]) == (
        "2026-11-10", "1236.00", "Qualification", "80", "Alice Moreno", "Renewal")
    # the ids the CRM sent: the customer's account, the rep's user id
    assert (k1["Account ID"], k1["Owner ID"]) == ("0015e00000AAA111", "0055e00000ALICE1")
    assert (k1["Contact Name"], k1["Contact Email"], k1["Contact Phone"]) == (
        "Jane O'Brien", "jane.obrien@example.com", "'+1 212 555 0101")
    assert (k1["Product Code"], k1["Quantity"], k1["Service Level"], k1["Priority"]) == ("CS-NBD", "1", "NBD", "2")
    assert k1["Account Name"] == "'" + HYPERLINK and k1["Opportunity Name"].startswith("Renewal: =HYPERLINK")
    lapsed = next(r for r in rows if r["Contract Number"] == "SC-003")  # action date (first working day) + 30
    assert (lapsed["Close Date"], lapsed["Type"], lapsed["Stage"]) == ("2026-12-02", "Win-back", "Prospecting")
    assert lapsed["Account ID"] == "" and lapsed["Owner ID"] == ""  # no CRM id sent for them: blank, never guessed
    for r in rows:
        for v in r.values():
            assert not v.startswith(FORMULA_LEADERS), r


def test_run_summary_is_written(files: ReportFiles) -> None:
    text = files.run_summary.read_text(encoding="utf-8")
    assert "## Renewals due by month" in text and "## Missed renewals" in text


def test_a_failed_write_leaves_the_previous_files_and_a_rerun_drops_stale_workbooks(
    tmp_path: Path, data: ReportData, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _write(data, settings, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(outputs, "write_crm_csv", broken)
    with pytest.raises(OSError, match="disk full"):
        _write(data, settings, out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    monkeypatch.undo()
    without_bob = data.opportunities[data.opportunities["rep"] != "Bob Tracker"]
    from dataclasses import replace

    part = replace(data, opportunities=without_bob, forecast=data.forecast[data.forecast["rep"] != "Bob Tracker"],
                   missed=data.missed[data.missed["rep"] != "Bob Tracker"])
    files = _write(part, settings, out)
    assert "Bob Tracker" not in files.rep_workbooks and not (out / "workbooks" / "rep_bob_tracker.xlsx").exists()
    assert (out / "workbooks" / "rep_alice_moreno.xlsx").exists()


def test_slugs() -> None:
    assert slug("Müller & Söhne GmbH") == "muller_sohne_gmbh"
    assert slug("=cmd|' /C calc'!A0") == "cmd_c_calc_a0"
    assert slug("../../etc/passwd") == "etc_passwd"
    assert slug("!!!") == "unnamed"


def test_an_empty_book_still_makes_readable_files(tmp_path: Path, settings) -> None:

    from reports.frames import load_report_data
    from reports.opportunities import build_opportunities
    from tests.reports.fixtures import AS_OF, DDL, open_build

    con = open_build(tmp_path / "empty.duckdb", settings)
    con.execute(DDL)
    build_opportunities(con, settings)
    data = load_report_data(con, AS_OF, "USD")
    files = _write(data, settings, tmp_path / "out")
    con.close()
    wb = openpyxl.load_workbook(files.overall)
    assert wb["Renewals"]["A2"].value == "No renewals or win-backs." and wb["Summary"]._charts
    assert files.rep_workbooks == {} and files.reseller_workbooks == {}
    assert "Renewals and win-backs: 0 worth 0" in files.run_summary.read_text(encoding="utf-8")


def test_the_vendors_direct_list_holds_exactly_the_deals_without_a_reseller(files: ReportFiles) -> None:
    def renewals(path: Path) -> list[dict[str, object]]:
        ws = openpyxl.load_workbook(path)["Renewals"]
        head = [c.value for c in ws[1]]
        return [dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None]

    assert files.direct_workbook is not None
    direct = renewals(files.direct_workbook)
    unresold = [r for r in renewals(files.overall) if not r["Reseller"] and r["Customer"]]
    assert direct and all(not r["Reseller"] for r in direct if r["Customer"])
    assert sorted(str(r["Contract"]) for r in direct if r["Customer"]) == sorted(str(r["Contract"]) for r in unresold)


def _cells(path: Path) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def test_workbooks_written_by_worker_processes_equal_those_written_here(
        tmp_path: Path, data: ReportData, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_pool, "PARALLEL_MIN_ROWS", 10**9)
    files = _write(data, settings, tmp_path / "here")
    monkeypatch.setattr(write_pool, "PARALLEL_MIN_ROWS", 0)
    monkeypatch.setattr(write_pool.os, "cpu_count", lambda: 2)
    parallel = _write(data, settings, tmp_path / "out")
    assert sorted(p.name for p in _books(parallel)) == sorted(p.name for p in _books(files))
    for here in _books(files):
        there = next(p for p in _books(parallel) if p.name == here.name)
        assert _cells(there) == _cells(here), here.name

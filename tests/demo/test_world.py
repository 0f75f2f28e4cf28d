"""The demo world: deterministic, every layout present, messy as promised, and its truth matches its files."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import lxml.html
import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml
from openpyxl import load_workbook

from demo import DEMO_AS_OF, generate_demo_world
from demo.render import BENCH_LAYOUTS, layout_of, write_bench_file
from sources.fields import REQUIRED_FIELDS
from sources.headers import recognise_header

SCALE = 0.1
_PREFIX = re.compile(r"^\s*(S/N:|S/N|SN:|SN#|Serial:|Serial #:|Serial No:)\s*", re.IGNORECASE)
_SPLIT = re.compile(r"[,;/\s]+")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo")
    generate_demo_world(path, scale=SCALE, seed=7)  # its speed is measured by `make bench`, not here
    return path


@pytest.fixture(scope="module")
def rows(home: Path) -> pd.DataFrame:
    return pq.read_table(home / "truth" / "source_rows.parquet").to_pandas()


@pytest.fixture(scope="module")
def truth(home: Path) -> dict[str, pd.DataFrame]:
    names = (
        "customers",
        "partners",
        "assets",
        "contracts",
        "contract_assets",
        "files",
        "reps",
        "products",
    )
    return {
        n: pd.read_csv(home / "truth" / f"{n}.csv", dtype=str, keep_default_na=False) for n in names
    }


def _inbox_files(home: Path) -> dict[str, bytes]:
    return {
        p.relative_to(home).as_posix(): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file()
    }


def test_same_scale_and_seed_give_identical_bytes(home: Path, tmp_path: Path) -> None:
    summary = generate_demo_world(tmp_path / "again", scale=SCALE, seed=7)
    assert summary.as_of == DEMO_AS_OF
    first, second = _inbox_files(home), _inbox_files(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_another_seed_gives_another_world(home: Path, tmp_path: Path) -> None:
    generate_demo_world(tmp_path / "other", scale=SCALE, seed=8)
    assert (home / "truth/contracts.csv").read_bytes() != (
        tmp_path / "other/truth/contracts.csv"
    ).read_bytes()


def _config(home: Path) -> dict:
    return yaml.safe_load((home / "sources.yaml").read_text(encoding="utf-8"))


def test_sources_yaml_names_every_source_and_each_glob_finds_files(home: Path) -> None:
    cfg = _config(home)
    assert set(cfg) == {"as_of", "currency", "sources"}
    assert cfg["as_of"] == date(2026, 11, 1) and cfg["currency"] == "USD"
    by_name = {s["name"]: s for s in cfg["sources"]}
    assert {
        "westbridge",
        "eurolink",
        "summit",
        "pacific",
        "accounting",
        "crm_accounts",
        "crm_contracts",
        "price_list",
    } <= set(by_name)
    trackers = [s for s in cfg["sources"] if s["kind"] == "sales_rep"]
    assert 5 <= len(trackers) <= 8 and all(
        s["rep"] and s["name"] == f"tracker_{s['rep'].split()[0].lower()}" for s in trackers
    )
    assert by_name["summit"]["columns"] == {"customer_name": "Ultimate Consignee"}
    assert "date_format" not in by_name["westbridge"] and "date_format" not in by_name["eurolink"]
    for src in cfg["sources"]:
        assert set(src) <= {
            "name",
            "kind",
            "path",
            "columns",
            "sheet",
            "header_row",
            "date_format",
            "rep",
        }
        assert list(home.glob(src["path"])), src["name"]
    # no match decision is planted; the only override is the reseller switch (demo/reassign.py)
    assert (home / "overrides").is_dir() and {p.name for p in (home / "overrides").iterdir()} <= {"assignments.csv"}


def test_every_header_is_recognised_with_its_required_fields(home: Path) -> None:
    for src in _config(home)["sources"]:
        headers = layout_of(src["name"]).headers
        match = recognise_header(headers, src.get("columns"), kind=src["kind"])
        assert len(match.mapping) == len(headers), (
            src["name"],
            set(headers) - {headers[i] for i in match.mapping},
        )
        for req in REQUIRED_FIELDS[src["kind"]]:
            assert set(req if isinstance(req, tuple) else (req,)) & match.fields, (src["name"], req)
    # summit's "Ultimate Consignee" (the export-control word for the end user) is named by its header since the
    # thirty-first session; a header no phrase names is left to content in tests/sources/test_mapping.py
    summit = layout_of("summit").headers
    assert recognise_header(summit).mapping[summit.index("Ultimate Consignee")] == "customer_name"


def test_westbridge_has_a_bom_file_a_duplicate_copy_and_an_empty_file(
    home: Path, truth: dict[str, pd.DataFrame]
) -> None:
    files = truth["files"]
    wb = sorted((home / "inbox/distributors/westbridge").glob("*.csv"))
    assert sum(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in wb) == 1
    dup = files[files.expected_status == "duplicate"]
    assert len(dup) == 1
    copy = home / dup.path.iat[0]
    original = home / dup.path.iat[0].replace(" (1)", "")
    assert copy.read_bytes() == original.read_bytes()
    empty = files[files.expected_status == "empty"]
    assert len(empty) == 1
    assert len((home / empty.path.iat[0]).read_text(encoding="utf-8").splitlines()) == 1


def test_eurolink_is_really_cp1252(home: Path) -> None:
    names = set(pd.read_csv(home / "truth/customers.csv").name)
    found = False
    for path in (home / "inbox/distributors/eurolink").glob("*.csv"):
        raw = path.read_bytes()
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        text = raw.decode("cp1252")
        assert any(ch in text for ch in "äöüéèÉ")
        found |= any(n in text for n in names if not n.isascii())
    assert found


def test_row_counts_match_files_and_the_duplicate_has_no_truth(
    rows: pd.DataFrame, truth: dict[str, pd.DataFrame]
) -> None:
    files = truth["files"]
    counted = rows.groupby("source_file").size()
    loaded = files[files.expected_status == "loaded"]
    assert dict(zip(loaded.path, loaded.data_rows.astype(int), strict=True)) == counted.to_dict()
    assert not rows.source_file.isin(files.path[files.expected_status != "loaded"]).any()
    assert files[files.source.str.startswith("tracker_")].blank_rows.astype(int).sum() > 0
    assert files[files.source == "pacific"].total_rows.astype(int).min() >= 1


def test_broken_rows_exist_in_several_sources(rows: pd.DataFrame) -> None:
    bad = rows[rows.expect == "quarantined"]
    assert len(bad) >= 3 and bad.source.str.replace(r"_.*", "", regex=True).nunique() >= 3
    assert (
        bad.broken_field.notna().all() and rows[rows.expect == "loaded"].broken_field.isna().all()
    )
    assert {"customer_name", "invoice_date", "service_end", "amount"} <= set(bad.broken_field)


def test_every_contract_and_asset_is_visible_in_a_loaded_row(
    rows: pd.DataFrame, truth: dict[str, pd.DataFrame]
) -> None:
    ok = rows[rows.expect == "loaded"]
    numbered = set(ok.contract_number[ok.raw_contract_number.notna()])
    assert set(truth["contracts"].contract_number) <= numbered
    seen = {s for lst in ok.serial_truth for s in lst}
    assert set(truth["assets"].serial_number) <= seen


def test_renewal_chains_lapses_windows_and_gaps(truth: dict[str, pd.DataFrame]) -> None:
    c = truth["contracts"].set_index("contract_number")
    start, end = pd.to_datetime(c.start_date), pd.to_datetime(c.end_date)
    ca = truth["contract_assets"].groupby("contract_number").serial_number.agg(frozenset)
    renewed = c[c.renewed_by != ""]
    assert len(renewed) > len(c) / 3
    for num, nxt in renewed.renewed_by.items():
        gap = (start[nxt] - end[num]).days
        assert 1 <= gap <= 45 and ca[num] == ca[nxt]
    as_of = pd.Timestamp(DEMO_AS_OF)
    last = c.renewed_by == ""
    days = (end - as_of).dt.days
    assert (last & days.between(-180, -1)).any() and (last & (days < -180)).any()
    for lo, hi in ((0, 30), (31, 60), (61, 90), (91, 120), (121, 460)):
        assert (last & days.between(lo, hi)).any(), (lo, hi)
    assert (start <= as_of).all() and set(c.bill_to_role) == {"customer", "reseller", "leasing"}
    assets = truth["assets"]
    never = assets[assets.ever_covered == "False"]
    assert (pd.to_datetime(never.ship_date) < as_of - timedelta(days=365)).any()
    assert c.sku.str.startswith("CS-").all() and (pd.to_numeric(c.amount) > 0).all()


def test_sibling_companies_are_different_customers_in_different_cities(
    truth: dict[str, pd.DataFrame],
) -> None:
    cust = truth["customers"]
    groups = cust[cust.sibling_group != ""].groupby("sibling_group")
    assert groups.ngroups >= 2 and (groups.size() >= 2).all()
    for _, g in groups:
        assert g.city.nunique() == len(g) and g.name.nunique() == len(g)
        assert g.name.str.split().str[:2].str.join(" ").nunique() == 1
    assert {"Northbridge Capital Corp", "Northbridge Capital Labs LLC"} <= set(cust.name)
    assert (cust.country != "US").any() and cust.postal_code.str.startswith("0").any()
    assert cust.crm_account_ids.str.contains(";").any()


@cache
def _sheet_rows(path: Path, sheet: str) -> list[tuple]:
    wb = load_workbook(path, read_only=True, data_only=True)
    return list(wb[sheet].iter_rows(values_only=True))


@cache
def _page_rows(path: Path) -> list[list[str]]:
    """A web export's rows as a browser shows them (lxml's HTML parser, not the reader under test)."""
    page = lxml.html.parse(str(path))
    return [[" ".join(td.text_content().split()) for td in tr.xpath("td|th")] for tr in page.iter("tr")]


@cache
def _text_rows(path: Path, delimiter: str, encoding: str) -> list[list[str]]:
    text = path.read_bytes().decode(encoding).removeprefix("\ufeff")
    lines = text.split("\r\n")[:-1]
    recs = list(csv.reader(lines, delimiter=delimiter))
    assert len(recs) == len(lines)  # one physical line per record
    return recs


def _split_serials(cell: object) -> list[str]:
    if cell is None or cell == "":
        return []
    text = str(cell) if not isinstance(cell, float) else str(int(cell))
    return [t for t in _SPLIT.split(_PREFIX.sub("", text)) if t]


def _parse_date(cell: object, source: str) -> date | None:
    if isinstance(cell, datetime):
        return cell.date()
    text = str(cell)
    fmts = {
        "westbridge": ["%m/%d/%Y"],
        "eurolink": ["%d.%m.%Y", "%d/%m/%Y"],
        "crm_contracts": ["%m/%d/%Y"],
    }.get(source, ["%Y-%m-%d", "%m/%d/%Y", "%d-%b-%Y", "%B %d, %Y"])
    for f in fmts:
        try:
            return datetime.strptime(text, f).date()
        except ValueError:
            pass
    return None


def _parse_money(cell: object, source: str) -> float | None:
    if isinstance(cell, (int, float)):
        return round(float(cell), 2)
    text = str(cell).replace("$", "")
    text = (
        text.replace(".", "").replace(",", ".") if source == "eurolink" else text.replace(",", "")
    )
    try:
        return round(float(text), 2)
    except ValueError:
        return None


def _none(value: object) -> object:
    return None if pd.isna(value) else value


def test_truth_rows_describe_the_cells_in_the_files(home: Path, rows: pd.DataFrame) -> None:
    serial_col = {
        "westbridge": "Serial Number",
        "eurolink": "Serial Numbers",
        "summit": "S/N",
        "pacific": "Serial Numbers",
        "tracker": "Serial #",
        "accounting": "Serial No",
        "crm_contracts": "Serial Numbers",
    }
    name_col = {
        "westbridge": "End User",
        "eurolink": "End Customer",
        "summit": "Ultimate Consignee",
        "pacific": "End Customer Name",
        "tracker": "Customer",
        "accounting": "Ship To Name",
        "crm_contracts": "Account Name",
        "crm_accounts": "Account Name",
    }
    date_col = {
        "westbridge": ("invoice_date", "Invoice Date"),
        "eurolink": ("invoice_date", "Invoice Date"),
        "summit": ("invoice_date", "Ship Date"),
        "pacific": ("invoice_date", "Invoice Date"),
        "tracker": ("service_end", "Expiry"),
        "accounting": ("invoice_date", "Invoice Date"),
        "crm_contracts": ("service_end", "End Date"),
    }
    money_col = {
        "westbridge": "Ext Price",
        "eurolink": "Net Amount",
        "summit": "Extended Amount",
        "pacific": "Line Total",
        "tracker": "Renewal Value",
        "accounting": "Amount",
        "crm_contracts": "Amount",
    }
    for r in rows.itertuples():
        layout = layout_of(r.source)
        key = "tracker" if r.source.startswith("tracker_") else r.source
        path = home / r.source_file
        if layout.fmt == "xlsx":
            cells = _sheet_rows(path, r.source_sheet)[r.source_row - 1]
        elif path.suffix == ".xls":
            cells = _page_rows(path)[r.source_row - 1]
        else:
            cells = _text_rows(path, layout.delimiter, layout.encoding)[r.source_row - 1]
        cell = dict(zip(layout.headers, cells, strict=False))
        if key in serial_col:
            assert _split_serials(cell[serial_col[key]]) == list(r.serials), r
            assert len(r.serials) == len(r.serial_truth)
            if key != "tracker":
                assert [s.upper().replace("-", "") for s in r.serials] == list(r.serial_truth), r
        if key in name_col:
            assert (cell[name_col[key]] or None) == _none(r.raw_customer_name), r
        if key in date_col:
            field, header = date_col[key]
            parsed = _parse_date(cell[header], key)
            expected = getattr(r, field)
            assert parsed == _none(expected), r
            if r.broken_field == field:
                assert parsed is None
        if key in money_col and r.broken_field != "amount":
            assert _parse_money(cell[money_col[key]], key) == r.amount, r
        if r.expect == "quarantined" and r.broken_field == "amount":
            assert _parse_money(cell[money_col[key]], key) is None


def test_day_first_and_month_first_files_each_show_their_order(rows: pd.DataFrame) -> None:
    ok = rows[(rows.expect == "loaded") & rows.source.isin(["westbridge", "eurolink"])]
    late = ok.groupby("source_file").invoice_date.agg(
        lambda d: any(x.day > 12 for x in d if not pd.isna(x))
    )
    assert late.all(), late[~late]


def test_bench_files_have_the_rows_asked_for(tmp_path: Path) -> None:
    for layout in BENCH_LAYOUTS:
        suffix = ".xlsx" if "xlsx" in layout else ".tsv" if "tsv" in layout else ".csv"
        path = tmp_path / f"{layout}{suffix}"
        assert write_bench_file(path, layout, 150, seed=3) == 150
        assert path.stat().st_size > 0


def test_regenerating_replaces_an_earlier_demo_but_never_a_real_inbox(tmp_path: Path) -> None:
    generate_demo_world(tmp_path / "h", scale=0.05, seed=1)
    stale = tmp_path / "h/inbox/distributors/westbridge/stale.csv"
    stale.write_text("x\n")
    generate_demo_world(tmp_path / "h", scale=0.05, seed=1)
    assert not stale.exists()
    (tmp_path / "real/inbox").mkdir(parents=True)
    (tmp_path / "real/inbox/pos.csv").write_text("x\n")
    with pytest.raises(FileExistsError):
        generate_demo_world(tmp_path / "real", scale=0.05, seed=1)


def test_workbooks_look_like_people_made_them(home: Path) -> None:
    pacific = load_workbook(max((home / "inbox/distributors/pacific").glob("*.xlsx")))
    assert pacific.sheetnames[0] == "Read me" and len(pacific.sheetnames) >= 3
    sheet = pacific.worksheets[1]
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:O1"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[2] == (None,) * 15 and values[3][0] == "Invoice Date"
    assert values[-1][0] == "Total" and isinstance(values[-1][11], float)
    assert isinstance(values[4][0], datetime)
    tracker_cells = []
    for path in (home / "inbox/reps").glob("*.xlsx"):
        ws = load_workbook(path).active
        rows = list(ws.iter_rows(values_only=True))
        assert len(ws.merged_cells.ranges) == 1 and rows[0][0].endswith("renewals 2026!!")
        width = len(rows[2])  # the trackers' columns, the contact ones (issue 12) included
        assert width == 9 and rows[2][6:8] == ("Contact", "Contact Phone")
        assert rows[1] == (None,) * width and rows[2][0] == "Customer" and rows[-1][4] == "TOTAL"
        tracker_cells += rows[3:-1]
    expiry = [r[4] for r in tracker_cells if any(r)]
    assert any(isinstance(v, datetime) for v in expiry)
    for pattern in (
        r"^\d{1,2}/\d{1,2}/\d{4}$",
        r"^\d{4}-\d{2}-\d{2}$",
        r"^\d{2}-[A-Z][a-z]{2}-\d{4}$",
        r"^[A-Z][a-z]+ \d{1,2}, \d{4}$",
    ):
        assert any(isinstance(v, str) and re.match(pattern, v) for v in expiry), pattern
    assert any(isinstance(r[5], str) and r[5].startswith("$") for r in tracker_cells)
    assert any(r == (None,) * 9 for r in tracker_cells)
    assert any(isinstance(r[6], str) and " " in r[6] for r in tracker_cells)  # a contact person noted


def test_names_and_serials_are_spelled_many_ways(
    rows: pd.DataFrame, truth: dict[str, pd.DataFrame]
) -> None:
    legal = dict(zip(truth["customers"].customer_key, truth["customers"].name, strict=True))
    named = rows[rows.customer_key.notna() & rows.raw_customer_name.notna()]
    spellings = named.groupby("customer_key").raw_customer_name.nunique()
    assert spellings.max() >= 4
    assert (named.raw_customer_name != named.customer_key.map(legal)).mean() > 0.3
    written = [
        (w, t)
        for ws, ts in zip(rows.serials, rows.serial_truth, strict=True)
        for w, t in zip(ws, ts, strict=True)
    ]
    assert any(w == t.lower() for w, t in written) and any("-" in w for w, _ in written)
    typos = [w for w, t in written if w.upper().replace("-", "") != t]
    assert typos and any(re.search(r"[O0I1]", w) for w in typos)
    forms = rows.raw_contract_number.dropna()
    assert (
        forms.str.match(r"^SC-\d{7}$").any()
        and forms.str.match(r"^sc\d{7}$").any()
        and forms.str.match(r"^\d{7}$").any()
    )

"""A partner-program file (kind partner_program) read like any source: headers recognised, shares,
fees, staff counts and validity dates typed; a row with a partner and no terms quarantined."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from sources.columns import type_column
from sources.config import SourceConfig
from sources.reader import read_source_file


def test_a_partner_program_workbook_is_read_and_typed(tmp_path: Path) -> None:
    path = tmp_path / "inbox" / "program.xlsx"
    path.parent.mkdir(parents=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Partners 2026"
    ws.append(["Partner Name", "Partner Level", "Certification", "Certified Engineers", "Support Model",
               "Revenue Share", "Annual Fee", "Effective From", "Valid Until", "Serviced By"])
    ws.append(["Northwind Partners", "Silver", "Professional", 4, "Reseller first-line", "35%", None,
               dt.datetime(2026, 1, 1), dt.datetime(2026, 11, 30), None])
    ws.append(["Northwind Partners", "Gold", "Expert", 9, "Reseller first-line", "40%", None,
               dt.datetime(2026, 12, 1), None, None])
    ws.append(["Harbor Systems LLC", "Registered", "Associate", 1, "Vendor direct", None, 1200,
               dt.datetime(2026, 1, 1), None, "Keystone Field Services"])
    ws.append(["Nobody Terms Inc", None, None, None, None, None, None, dt.datetime(2026, 1, 1), None, None])
    wb.save(path)
    src = SourceConfig(name="program", kind="partner_program", path="inbox/*.xlsx")
    out = read_source_file(path, "inbox/program.xlsx", src)
    assert out.status == "loaded", out.error
    r = out.records.set_index("source_row")
    assert list(r.partner_name) == ["Northwind Partners", "Northwind Partners", "Harbor Systems LLC"]
    assert list(r.tier) == ["Silver", "Gold", "Registered"]
    assert list(r.certified_staff) == [4, 9, 1]
    assert r.split_percent.tolist()[:2] == [0.35, 0.40] and pd.isna(r.split_percent.iloc[2])
    assert r.fixed_fee.iloc[2] == 1200.0 and r.support_model.iloc[2] == "Vendor direct"
    assert r.service_provider.iloc[2] == "Keystone Field Services"
    assert list(pd.to_datetime(r.valid_from).dt.date) == [dt.date(2026, 1, 1), dt.date(2026, 12, 1), dt.date(2026, 1, 1)]
    assert pd.to_datetime(r.valid_to).iloc[0].date() == dt.date(2026, 11, 30) and pd.isna(r.valid_to.iloc[1])
    assert list(out.quarantine.source_row) == [5]  # a partner with no tier, split, fee or support model
    assert "tier" in out.quarantine.reason.iloc[0]


def test_a_share_column_reads_percent_signs_points_and_fractions() -> None:
    marked = type_column("split_percent", pd.Series(["40%", "35 %", "0,3", None, "n/a"], dtype=object), "Split")
    assert marked.values.tolist()[:3] == [0.40, 0.35, 0.30] and marked.values.iloc[3:].isna().all()
    assert not marked.problems[0][0].any()  # "n/a": no share known, blank (not a bad cell), and said
    assert any("1 value(s) say no number is known (e.g. 'n/a')" in w for w in marked.warnings), marked.warnings
    bad = type_column("split_percent", pd.Series(["40%", "forty"], dtype=object), "Split")
    assert bad.problems[0][0].tolist() == [False, True]
    points = type_column("split_percent", pd.Series([40, 25.5, None], dtype=object), "Split")
    assert points.values.tolist()[:2] == [0.40, 0.255]  # a plain number above 1: percentage points
    fractions = type_column("split_percent", pd.Series(["0.4", "0.375"], dtype=object), "Split")
    assert fractions.values.tolist() == [0.4, 0.375]
    too_much = type_column("split_percent", pd.Series(["140%"], dtype=object), "Split")
    assert too_much.values.isna().all() and too_much.problems[1][0].tolist() == [True]


def test_a_share_column_mixing_points_and_fractions_reads_each_value_as_written() -> None:
    """"15%", a plain 15 and a plain 0.10 (a percent cell exported as its value) in one column: each is
    the share it says (the whole column was read as points once one plain value was above 1: 0.1%)."""
    mixed = type_column("split_percent", pd.Series(["15%", "0.10", "12.5", "1", "15 %"], dtype=object), "Share")
    assert mixed.values.tolist() == [0.15, 0.10, 0.125, 0.01, 0.15]
    assert any("0.10 is 10%" in w for w in mixed.warnings)
    alone = type_column("split_percent", pd.Series(["0.25", "1"], dtype=object), "Share")
    assert alone.values.tolist() == [0.25, 1.0] and not alone.warnings


PROGRAM_HEADERS = {
    "de": ["Partner", "Partnerstufe", "Zertifizierte Mitarbeiter", "Supportmodell", "Partner-Marge", "Jahresgebühr"],
    "es": ["Socio", "Nivel", "Personal certificado", "Modelo de soporte", "Margen del socio", "Cuota anual"],
    "fr": ["Partenaire", "Niveau", "Personnel certifié", "Modèle de support", "Marge partenaire", "Redevance annuelle"],
    "nl": ["Partner", "Niveau", "Gecertificeerde medewerkers", "Supportmodel", "Partnermarge", "Jaarlijkse vergoeding"],
    "it": ["Partner", "Livello", "Personale certificato", "Modello di supporto", "Margine partner", "Canone annuo"],
}


def test_a_partner_program_in_its_vendors_language(tmp_path: Path) -> None:
    fields = ["partner_name", "tier", "certified_staff", "support_model", "split_percent", "fixed_fee"]
    for lang, headers in PROGRAM_HEADERS.items():
        path = tmp_path / f"program_{lang}.csv"
        rows = [f"Partner {i} GmbH,Gold,{i + 2},Partner delivers L1,{30 + i}%," for i in range(4)]
        path.write_text("\n".join([",".join(headers), *rows, "Partner 9 GmbH,Registered,1,Vendor,,6000"]) + "\n",
                        encoding="utf-8")
        src = SourceConfig(name="program", kind="partner_program", path="*.csv")
        out = read_source_file(path, path.name, src)
        assert out.status == "loaded", (lang, out.error)
        assert out.sheets[0].mapping == dict(zip(headers, fields, strict=True)), lang
        assert out.records["fixed_fee"].iloc[-1] == 6000.0 and out.records["split_percent"].iloc[0] == 0.30


def test_the_vendors_share_gives_the_partners_share_it_leaves(tmp_path: Path) -> None:
    # "Vendor Share" is the other side of the split: read as the partner's, every split would flip
    path = tmp_path / "program.csv"
    rows = [f"Partner {i} Ltd,Gold,Partner delivers L1,{60 + i}%" for i in range(6)]
    path.write_text("\n".join(["Partner,Tier,Support Model,Vendor Share", *rows]) + "\n", encoding="utf-8")
    out = read_source_file(path, "program.csv", SourceConfig(name="program", kind="partner_program", path="*.csv"))
    assert out.sheets[0].mapping["Vendor Share"] == "vendor_split_percent"
    assert out.records["split_percent"].round(4).tolist() == [0.40, 0.39, 0.38, 0.37, 0.36, 0.35]
    assert "vendor_split_percent" not in out.records.columns
    assert any("the vendor's share ('Vendor Share')" in w for w in out.warnings), out.warnings


def test_terms_without_an_end_are_open_ended_not_lost(tmp_path: Path) -> None:
    # SAP's 31.12.9999, Oracle's 4712-12-31 and words for "no end": the terms hold until further notice
    ends = ["31.12.9999", "9999-12-31", "4712-12-31", "ongoing", "unbefristet", "-", "31.12.2027"]
    path = tmp_path / "program.csv"
    rows = [f"Partner {i} GmbH,Gold,40%,01.01.2026,{end}" for i, end in enumerate(ends)]
    path.write_text("\n".join(["Partner,Tier,Revenue Share,Valid From,Valid To", *rows]) + "\n", encoding="utf-8")
    out = read_source_file(path, "program.csv", SourceConfig(name="program", kind="partner_program", path="*.csv"))
    assert out.status == "loaded" and out.quarantine.empty
    valid_to = pd.to_datetime(out.records["valid_to"])
    assert valid_to.iloc[:-1].isna().all() and valid_to.iloc[-1].date() == dt.date(2027, 12, 31)
    assert any("no end" in w and "6 value(s)" in w for w in out.warnings), out.warnings


def test_the_end_of_terms_beside_their_named_start_is_read_by_its_one_word_and_its_later_dates(tmp_path: Path) -> None:
    """"Effective From" is a known header and "Effective To" beside it was not: every partner's terms stayed in
    force until further notice. A column whose header differs from the named end's by one word, with dates after
    it on every row, is the period's other end."""
    from tests.sources.hostile import read, src

    text = ("Partner,Partner Code,Partner Tier,Rev. Share %,Effective From,Effective To\n"
            "Gujarat Infonet,IN-01,Gold,35%,01-Apr-2026,30-Sep-2026\n"
            "Pune Systems,IN-02,Silver,30%,01-Apr-2026,31-Mar-2027\n"
            "Delhi Cloudworks,IN-03,Gold,35%,01-Apr-2026,31-Mar-2027\n")
    out = read(tmp_path, "programme.csv", text, src("partner_program"))
    assert out.status == "loaded"
    assert [str(d) for d in out.records["valid_to"]] == ["2026-09-30", "2027-03-31", "2027-03-31"]
    assert [str(d) for d in out.records["valid_from"]] == ["2026-04-01"] * 3

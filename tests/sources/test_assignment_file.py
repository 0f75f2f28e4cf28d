"""overrides/assignments.csv read from real files: header spellings, dates, and a clear problem
naming the file, row and field for each bad row (never an exception)."""

from pathlib import Path

import pandas as pd

from sources.assignment_file import read_assignments
from sources.override_files import read_overrides


def _write(home: Path, text: str) -> None:
    (home / "overrides").mkdir(parents=True, exist_ok=True)
    (home / "overrides" / "assignments.csv").write_text(text, encoding="utf-8")


def test_absent_file_is_an_empty_frame(tmp_path: Path) -> None:
    df = read_assignments(tmp_path)
    assert df.empty and {"customer", "contract", "effective_date", "problem"} <= set(df.columns)


def test_rows_read_with_other_header_spellings_and_dates(tmp_path: Path) -> None:
    _write(tmp_path, "Customer Name,Contract Number,New Reseller,New Bill-To,Effective Date,Notes\n"
                     "Acme GmbH,,Kraft IT AG,,2026-03-01,moved\n"
                     ",SC-12,,Leasing SA,2026-04-15,\n"
                     "\n")
    df = read_assignments(tmp_path)
    assert len(df) == 2  # the blank line is not a row
    assert list(df.source_row) == [2, 3]
    assert df.problem.isna().all()
    assert list(df.effective_date.dt.strftime("%Y-%m-%d")) == ["2026-03-01", "2026-04-15"]
    assert df.customer[0] == "Acme GmbH" and pd.isna(df.contract[0]) and df.new_bill_to[1] == "Leasing SA"
    assert pd.isna(df.new_reseller[1])  # an empty cell stays missing, never the text 'None'


def test_each_bad_row_names_file_row_and_field(tmp_path: Path) -> None:
    _write(tmp_path, "customer,contract,new_reseller,new_bill_to,effective_date,note\n"
                     ",,Kraft IT AG,,2026-03-01,no customer\n"
                     "Acme,SC-1,Kraft IT AG,,2026-03-01,both\n"
                     "Acme,,,,2026-03-01,nothing new\n"
                     "Acme,,Kraft IT AG,,soon,no date\n"
                     "Acme,,Kraft IT AG,,2026-03-02,fine\n")
    df = read_assignments(tmp_path)
    assert list(df.field) == ["customer", "contract", "new_reseller", "effective_date", None]
    assert df.problem[0].startswith("overrides/assignments.csv, row 2, field 'customer': ")
    assert "'soon' is not a date" in df.problem[3]
    assert df.problem[4] is None and df.raw[4].startswith("{")


def test_a_file_without_the_date_column_quarantines_every_row(tmp_path: Path) -> None:
    _write(tmp_path, "customer,new_reseller\nAcme,Kraft\nBeta,Kraft\n")
    df = read_assignments(tmp_path)
    assert (df.field == "effective_date").all() and df.problem.str.contains("no effective_date column").all()


def test_the_match_decision_reader_skips_the_assignments_file(tmp_path: Path) -> None:
    _write(tmp_path, "customer,new_reseller,effective_date\nAcme,Kraft,2026-01-01\n")
    assert read_overrides(tmp_path).empty


def test_a_file_that_is_not_csv_is_one_quarantined_row(tmp_path: Path) -> None:
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "assignments.csv").write_bytes(b"\x00\xff\xfe not text \x81\x82")
    df = read_assignments(tmp_path)
    assert len(df) == 1 and df.field[0] == "file" and df.source_row[0] == 1
    assert df.problem[0].startswith("overrides/assignments.csv: cannot be read as CSV")

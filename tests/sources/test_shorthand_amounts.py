"""Amounts as reps write them in a tracker: in thousands or millions ("4.2k€", "$1.1M") and as about so much
("~12,500", "ca. 4.000 €") are the number they say, with a warning; a range or a measure stays no amount."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sources.config import SourceConfig
from sources.reader import read_source_file
from sources.values import parse_money_column, shorthand_text


@pytest.mark.parametrize(("text", "read"), [
    ("4.2k€", ("4.2€", 1000)), ("$1.1k", ("$1.1", 1000)), ("~4k", ("4", 1000)), ("12k USD", ("12 USD", 1000)),
    ("$1.2M", ("$1.2", 1_000_000)), ("3 Mio. €", ("3 €", 1_000_000)), ("1.5MM", ("1.5", 1_000_000)),
    ("~12,500", ("12,500", 1)), ("ca. 4.000 €", ("4.000 €", 1)), ("approx. $900", ("$900", 1)),
    ("5 m", None), ("12 MXN", None), ("12kg", None), ("4k/yr", None), ("12,500.00", None),
])
def test_a_magnitude_letter_or_about_mark_and_nothing_else(text: str, read: tuple[str, int] | None) -> None:
    assert shorthand_text(text) == read


def test_shorthand_amounts_are_numbers_and_a_range_is_none() -> None:
    money = parse_money_column(pd.Series(["4.2k€", "$1.1k", "~4k", "12,500.00", "$1.2M", "4k-5k"]))
    assert money.values.tolist()[:5] == [4200.0, 1100.0, 4000.0, 12500.0, 1_200_000.0]
    assert pd.isna(money.values.iloc[5]) and money.failed.iloc[5]  # a range names no one amount
    assert money.shorthand is not None and money.shorthand.tolist() == [True, True, True, False, True, False]
    assert money.currency.tolist()[:2] == ["EUR", "USD"]


def test_a_trackers_shorthand_amounts_keep_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    values = ["~4k", "4.2k", "12,500.00", "$1.1k", "ca. 3,000"]
    path.write_text("Customer,Contract,Expiry,Renewal Value\n" + "\n".join(
        f"Kunde {i} Inc,SC-10{i},2026-12-31,\"{v}\"" for i, v in enumerate(values)) + "\n", encoding="utf-8")
    out = read_source_file(path, path.name, SourceConfig(name="t", kind="sales_rep", path="*.csv"))
    assert out.status == "loaded" and out.quarantine.empty
    assert list(out.parts[0].frame()["amount"].astype(float)) == [4000.0, 4200.0, 12500.0, 1100.0, 3000.0]
    assert any("4 value(s) are written in thousands or millions or as about so much" in w for w in out.warnings), \
        out.warnings

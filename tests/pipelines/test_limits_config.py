"""`limits:` in sources.yaml sets sources.limits.ReadLimits: validated with the key named, passed to
the reader (a lowered limit refuses a file, naming the limit, while the others load), and a changed
limit reads refused files again."""

import dataclasses
from pathlib import Path

import pytest

from pipelines.config import ConfigError, LimitsSettings, parse_config
from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox
from sources.limits import DEFAULT_LIMITS, ReadLimits

HEADER = "Invoice Date,Reseller,End User,SKU\n"
ROW = "2026-01-{day:02d},Acme Resale,Customer {day},SRV-{day}\n"
SOURCE = [{"name": "ingram", "kind": "distributor", "path": "inbox/*.csv"}]


def _write(home: Path, limits: str = "") -> None:
    (home / "sources.yaml").write_text(
        "sources:\n  - name: ingram\n    kind: distributor\n    path: inbox/*.csv\n" + limits, encoding="utf-8")


def test_every_read_limit_is_a_key_and_the_defaults_agree() -> None:
    assert set(LimitsSettings.model_fields) == {f.name for f in dataclasses.fields(ReadLimits)}
    assert LimitsSettings().read_limits() == DEFAULT_LIMITS
    assert LimitsSettings().changed() == {}


@pytest.mark.parametrize(("limits", "message"), [
    ({"max_rowz": 10}, "key 'limits.max_rowz': unknown key"),
    ({"max_rows": "many"}, "key 'limits.max_rows'"),
    ({"max_rows": 0}, "key 'limits.max_rows'"),
    ({"max_abs_amount": 1e18}, "key 'limits.max_abs_amount'"),
    ({"min_date": "2030-01-01", "max_date": "2020-01-01"}, "min_date 2030-01-01 is not before max_date"),
])
def test_bad_limits_are_refused_with_the_key_named(limits: dict, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_config({"sources": SOURCE, "limits": limits})
    assert message in str(err.value)


def test_a_lowered_limit_refuses_one_file_naming_the_limit_and_the_others_load(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox/big.csv").write_text(HEADER + "".join(ROW.format(day=d) for d in range(1, 8)), encoding="utf-8")
    (tmp_path / "inbox/small.csv").write_text(HEADER + ROW.format(day=1) + ROW.format(day=2), encoding="utf-8")
    _write(tmp_path, "limits:\n  max_rows: 5\n")
    got = {r.path: r for r in ingest_inbox(RunContext.load(tmp_path))}
    assert got["inbox/small.csv"].status == "loaded" and got["inbox/small.csv"].rows_loaded == 2
    assert got["inbox/big.csv"].status == "error"
    assert "max_rows=5" in (got["inbox/big.csv"].error or "")
    _write(tmp_path, "limits:\n  max_rows: 50\n")  # raised: the refused file is read again
    again = {r.path: (r.action, r.status) for r in ingest_inbox(RunContext.load(tmp_path))}
    assert again["inbox/big.csv"] == ("reread", "loaded")

"""Writing accepted `columns:` into a user's sources.yaml: every other line stays as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipelines.config import ConfigError, load_config
from pipelines.sources_yaml import mapping_step, with_columns, write_columns

INDENTED = """\
# my home
as_of: 2026-11-01   # fixed for the quarter
sources:
  # the distributors
  - name: westbridge
    kind: distributor
    path: inbox/westbridge/*.csv   # monthly POS
    rep: Bob

  - name: summit
    kind: distributor
    path: inbox/summit/*.tsv
    columns:
      sku: 'Part #'   # theirs
  - name: crm
    kind: crm_accounts
    path: inbox/crm.csv
    columns: {}   # none yet
valuation:
    uplift: 0.05   # four spaces here
"""

FLUSH = """\
sources:
- name: westbridge
  kind: distributor
  path: inbox/westbridge/*.csv
- name: flow
  kind: crm_accounts
  path: inbox/flow.csv
  columns: {customer_name: Acct}   # short form
"""


def test_lines_are_added_where_a_person_would_put_them() -> None:
    text, written = with_columns(INDENTED, {
        "westbridge": {"customer_name": "End User", "sku": "Mfr P/N #"},
        "summit": {"sku": "Item", "customer_name": "Ult. Consignee"},  # sku is the user's already
        "crm": {"customer_account": 'Acct "No"'},
        "nowhere": {"sku": "x"},
    })
    assert written == {"westbridge": {"customer_name": "End User", "sku": "Mfr P/N #"},
                       "summit": {"customer_name": "Ult. Consignee"}, "crm": {"customer_account": 'Acct "No"'}}
    assert text == INDENTED.replace(  # after name, kind and path, as in the design's example
        "    path: inbox/westbridge/*.csv   # monthly POS\n",
        '    path: inbox/westbridge/*.csv   # monthly POS\n    columns:\n      customer_name: "End User"\n'
        '      sku: "Mfr P/N #"\n'
    ).replace(
        "      sku: 'Part #'   # theirs\n", "      sku: 'Part #'   # theirs\n      customer_name: \"Ult. Consignee\"\n"
    ).replace("    columns: {}   # none yet\n", '    columns:   # none yet\n      customer_account: "Acct \\"No\\""\n')
    parsed = yaml.safe_load(text)["sources"]
    assert parsed[0]["columns"] == {"customer_name": "End User", "sku": "Mfr P/N #"}
    assert parsed[2]["columns"] == {"customer_account": 'Acct "No"'}


def test_the_files_own_indentation_is_kept() -> None:
    assert mapping_step(INDENTED) == 2 and mapping_step(FLUSH) == 2
    assert mapping_step("sources:\n- name: a\n  columns:\n      sku: x\n") == 4
    text, _ = with_columns(FLUSH, {"westbridge": {"sku": "Part"}})
    assert text == FLUSH.replace("  path: inbox/westbridge/*.csv\n",
                                 '  path: inbox/westbridge/*.csv\n  columns:\n    sku: "Part"\n')


def test_a_flow_style_block_goes_through_the_round_trip_dump_keeping_comments() -> None:
    text, written = with_columns(FLUSH, {"flow": {"customer_account": "Acct No"}})
    assert written == {"flow": {"customer_account": "Acct No"}}
    line = next(line for line in text.splitlines() if "columns:" in line)
    assert line.startswith('  columns: {customer_name: Acct, customer_account: "Acct No"}') and line.endswith("# short form")
    assert text.startswith("sources:\n- name: westbridge\n  kind: distributor\n")


def test_nothing_to_add_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(INDENTED, encoding="utf-8")
    assert write_columns(path, {"summit": {"sku": "Part #"}}) == {}
    assert path.read_text(encoding="utf-8") == INDENTED


def test_an_invalid_result_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(INDENTED, encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown canonical field"):
        write_columns(path, {"westbridge": {"customer_nmae": "End User"}})
    assert path.read_text(encoding="utf-8") == INDENTED
    assert write_columns(path, {"westbridge": {"customer_name": "End User"}}) == {
        "westbridge": {"customer_name": "End User"}}
    assert load_config(tmp_path).source("westbridge").columns == {"customer_name": "End User"}
    assert [p.name for p in tmp_path.iterdir()] == ["sources.yaml"]  # no temporary file left behind

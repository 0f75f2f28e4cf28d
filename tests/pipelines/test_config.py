"""sources.yaml validation: one typed RadarConfig, and errors that name the file, the source and the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from pipelines.config import ConfigError, load_config, parse_config
from reports.registration import RegistrationSettings
from sources.config import SourceConfig

GOOD_YAML = """\
as_of: 2026-06-30
currency: EUR
sources:
  - name: ingram
    kind: distributor
    path: inbox/ingram/*.csv
    columns:
      customer_name: "End User Name"
    date_format: "%d/%m/%Y"
  - name: alice_tracker
    kind: sales_rep
    path: inbox/reps/alice*.xlsx
    sheet: [Renewals, "Q3 & Q4"]
    header_row: 3
    rep: Alice Smith
    defaults:
      currency: EUR
  - name: crm
    kind: crm_contracts
    path: inbox/crm/contracts.csv
    priority: 0
"""


def _error(raw: object) -> str:
    with pytest.raises(ConfigError) as info:
        parse_config(raw)
    return str(info.value)


def _one(**entry: object) -> dict:
    return {"sources": [{"name": "ingram", "kind": "distributor", "path": "inbox/*.csv", **entry}]}


def test_load_config_reads_every_documented_key(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(GOOD_YAML, encoding="utf-8")
    cfg = load_config(tmp_path)
    assert cfg.as_of == dt.date(2026, 6, 30)
    assert cfg.currency == "EUR"
    assert [s.name for s in cfg.sources] == ["ingram", "alice_tracker", "crm"]
    ingram = cfg.source("ingram")
    assert ingram.kind == "distributor"
    assert ingram.path == "inbox/ingram/*.csv"
    assert ingram.columns == {"customer_name": "End User Name"}
    assert ingram.date_format == "%d/%m/%Y"
    assert ingram.sheets is None  # every sheet with a recognisable header
    alice = cfg.source("alice_tracker")
    assert alice.sheets == ["Renewals", "Q3 & Q4"]
    assert alice.header_row == 3
    assert alice.fixed_values == {"currency": "EUR", "rep": "Alice Smith"}
    assert SourceConfig(name="x", kind="price_list", path="p.csv", sheet="Prices").sheets == ["Prices"]


def test_priority_follows_kind_order_unless_explicit(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(GOOD_YAML, encoding="utf-8")
    cfg = load_config(tmp_path)
    # default order: crm_accounts, crm_contracts, accounting, price_list, distributor, sales_rep
    assert cfg.priority_of(cfg.source("ingram")) == 4
    assert cfg.priority_of(cfg.source("alice_tracker")) == 5
    assert cfg.priority_of(cfg.source("crm")) == 0  # explicit
    with pytest.raises(KeyError):
        cfg.source("nope")


def test_defaults_when_keys_are_left_out() -> None:
    cfg = parse_config({"sources": [{"name": "a", "kind": "accounting", "path": "inbox/a.csv"}]})
    src = cfg.sources[0]
    assert cfg.as_of is None and cfg.currency == "USD"
    assert (src.columns, src.sheet, src.header_row, src.date_format, src.rep) == ({}, None, None, None, None)
    assert src.fixed_values == {}


def test_source_config_is_frozen() -> None:
    src = SourceConfig(name="a", kind="accounting", path="a.csv")
    with pytest.raises(ValidationError, match="frozen"):
        src.name = "b"  # type: ignore[misc]


def test_unknown_key_names_source_and_key() -> None:
    msg = _error(_one(colums={"customer_name": "End User"}))
    assert msg == "sources.yaml: source 'ingram' (sources[0]), key 'colums': unknown key"


def test_unknown_top_level_key() -> None:
    msg = _error({"sources": [], "sourcs": []})
    assert msg == "sources.yaml: key 'sourcs': unknown key"


def test_unknown_kind_lists_the_valid_kinds() -> None:
    msg = _error(_one(kind="distributer"))
    assert msg.startswith("sources.yaml: source 'ingram' (sources[0]), key 'kind': unknown value 'distributer'")
    for kind in ("distributor", "sales_rep", "accounting", "crm_accounts", "crm_contracts", "price_list"):
        assert kind in msg


def test_missing_path() -> None:
    raw = {"sources": [{"name": "ingram", "kind": "distributor"}]}
    assert _error(raw) == "sources.yaml: source 'ingram' (sources[0]), key 'path': missing required key"


def test_missing_name_is_located_by_position() -> None:
    raw = {"sources": [{"name": "a", "kind": "distributor", "path": "a"}, {"kind": "distributor", "path": "b"}]}
    assert _error(raw) == "sources.yaml: sources[1], key 'name': missing required key"


def test_bad_columns_field_name() -> None:
    msg = _error(_one(columns={"customer": "End User", "sku": "Part"}))
    assert msg == "sources.yaml: source 'ingram' (sources[0]), key 'columns': unknown canonical field(s) ['customer']"


def test_bad_defaults_field_name() -> None:
    msg = _error(_one(defaults={"salesman": "Bob"}))
    assert "source 'ingram' (sources[0]), key 'defaults'" in msg
    assert "['salesman']" in msg


def test_columns_naming_one_header_for_two_fields_is_an_error() -> None:
    msg = _error(_one(columns={"customer_name": "End User", "bill_to_name": "end user"}))
    assert "source 'ingram' (sources[0]), key 'columns'" in msg
    assert "'customer_name' and 'bill_to_name' both name header 'end user'" in msg


def test_duplicate_source_name_names_both_entries() -> None:
    raw = {"sources": [
        {"name": "ingram", "kind": "distributor", "path": "a/*.csv"},
        {"name": "td", "kind": "distributor", "path": "b/*.csv"},
        {"name": "ingram", "kind": "sales_rep", "path": "c/*.xlsx"},
    ]}
    assert _error(raw) == (
        "sources.yaml: source 'ingram' (sources[2]), key 'name': the name is already used by sources[0]"
    )


@pytest.mark.parametrize("path", ["/abs/inbox/*.csv", "../elsewhere/*.csv", "inbox/../../x.csv"])
def test_path_must_stay_inside_the_home(path: str) -> None:
    msg = _error(_one(path=path))
    assert "source 'ingram' (sources[0]), key 'path'" in msg
    assert "relative to the home directory" in msg


def test_date_format_must_be_strptime() -> None:
    msg = _error(_one(date_format="dd/mm/yyyy"))
    assert "key 'date_format'" in msg and "strptime" in msg


def test_header_row_is_one_based() -> None:
    assert "source 'ingram' (sources[0]), key 'header_row'" in _error(_one(header_row=0))


def test_name_with_spaces_is_refused() -> None:
    msg = _error({"sources": [{"name": "ingram micro", "kind": "distributor", "path": "a"}]})
    assert "source 'ingram micro' (sources[0]), key 'name'" in msg


def test_every_error_is_reported_at_once() -> None:
    raw = {"sources": [
        {"name": "a", "kind": "nope", "path": "a"},
        {"name": "b", "kind": "distributor", "path": "b", "colour": "red"},
    ]}
    lines = _error(raw).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("sources.yaml: source 'a' (sources[0]), key 'kind'")
    assert lines[1] == "sources.yaml: source 'b' (sources[1]), key 'colour': unknown key"


@pytest.mark.parametrize("raw", [None, [], "sources: x", 3])
def test_top_level_must_be_a_mapping(raw: object) -> None:
    assert "expected a mapping with a 'sources:' list" in _error(raw)


def test_missing_sources_list() -> None:
    assert _error({"currency": "USD"}) == "sources.yaml: key 'sources': missing required key"


def test_load_config_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="sources.yaml: not found"):
        load_config(tmp_path)
    (tmp_path / "sources.yaml").write_text("sources: [\n  - name: a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(tmp_path)
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - name: a\n    kind: distributor\n    path: a.csv\n    sheet_name: x\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value) == f"{tmp_path / 'sources.yaml'}: source 'a' (sources[0]), key 'sheet_name': unknown key"


def test_every_section_is_typed_by_the_package_that_reads_it() -> None:
    cfg = parse_config({
        "sources": [{"name": "a", "kind": "accounting", "path": "inbox/a.csv"}],
        "currency": "EUR",
        "warranty": {"hardware": 36, "software": 0},
        "valuation": {"uplift": 0.05, "renewal_window_days": 45},
        "matching": {"review_band": [0.3, 0.7]},
        "warehouse": {"storage_version": None},
    })
    assert cfg.valuation.uplift == 0.05 and cfg.valuation.currency == "EUR"
    assert cfg.valuation.renewal_window_days == 45  # a contract rule the warehouse reads from the same block
    assert cfg.matching.review_band == (0.3, 0.7)
    build = cfg.build_settings(dt.date(2026, 1, 1))
    assert build.rules is cfg.valuation and build.warranty == {"hardware": 36, "software": 0}
    assert build.source_ranks == {"a": 2}


@pytest.mark.parametrize(("section", "message"), [
    ({"warranty": {"hardwre": 36}}, "key 'warranty.hardwre.[key]': unknown value 'hardwre'"),
    ({"warranty": {"hardware": -5}}, "key 'warranty': Value error, hardware: -5 months is not between 0 and 240"),
    ({"matching": {"link_wieght": 1.0}}, "key 'matching.link_wieght': unknown key"),
    ({"matching": {"review_band": [0.8, 0.2]}}, "review_band must be two probabilities"),
    ({"currency": "euro"}, "key 'currency': String should match pattern"),
    ({"valuation": {"upliftt": 0.03}}, "valuation: unknown key 'upliftt' (did you mean 'uplift'?)"),
    ({"warehouse": {"storage_version": "1.4"}}, "key 'warehouse.storage_version'"),
    ({"source_priority": ["distributor", "distributor"]}, "listed more than once"),
])
def test_every_section_is_checked_when_the_file_is_read(section: dict, message: str) -> None:
    msg = _error({"sources": [{"name": "a", "kind": "accounting", "path": "inbox/a.csv"}], **section})
    assert message.replace("Value error, ", "") in msg


def test_trust_order_is_computed_once_for_every_source() -> None:
    cfg = parse_config({"source_priority": ["sales_rep", "distributor"], "sources": [
        {"name": "crm", "kind": "crm_accounts", "path": "a"},
        {"name": "rep", "kind": "sales_rep", "path": "b"},
        {"name": "dist", "kind": "distributor", "path": "c", "priority": 7},
    ]})
    # listed kinds first, in the listed order; kinds left out follow in DESIGN's order
    assert cfg.source_ranks == {"crm": 3, "rep": 0, "dist": 7}  # after accounting


def test_channel_partners_give_renewal_owners_and_a_wrong_owner_names_the_key() -> None:
    src = [{"name": "p", "kind": "partner_program", "path": "inbox/p.csv"}]
    cfg = parse_config({"sources": src, "channel": {"partners": {"Orbit Data Corp": {"renewal_owner": "vendor"}}}})
    assert cfg.channel.owners() == {"Orbit Data Corp": "vendor"} and cfg.sources[0].kind == "partner_program"
    with pytest.raises(ConfigError) as err:
        parse_config({"sources": src, "channel": {"partners": {"Orbit": {"renewal_owner": "distributor"}}}})
    assert "channel.partners.Orbit.renewal_owner" in str(err.value) and "third_party" in str(err.value)


def test_currency_must_be_an_iso_4217_code() -> None:
    raw = {**_one(), "currency": "XYZ"}
    msg = _error(raw)
    assert "key 'currency'" in msg and "'XYZ' is not an ISO 4217 currency code" in msg
    assert "key 'currency'" in _error({**_one(), "currency": "EURO"})
    assert parse_config({**_one(), "currency": "CHF"}).currency == "CHF"


def test_the_audit_horizons_are_settings_with_bounds() -> None:
    assert parse_config(_one()).channel.audit.registration() == RegistrationSettings()
    cfg = parse_config({**_one(), "channel": {"audit": {"attach_days": 60, "risk_days": 90}}})
    assert cfg.channel.audit.registration() == RegistrationSettings(attach_days=60, risk_days=90)
    with pytest.raises(ConfigError) as err:
        parse_config({**_one(), "channel": {"audit": {"attach_days": 0, "audit_dayz": 365}}})
    assert "channel.audit.attach_days" in str(err.value) and "channel.audit.audit_dayz" in str(err.value)


def test_warehouse_memory_limit_is_a_duckdb_size_checked_when_read() -> None:
    assert parse_config(_one()).warehouse.memory_limit == "1536MiB"
    assert parse_config({**_one(), "warehouse": {"memory_limit": "6 GB"}}).warehouse.memory_limit == "6 GB"
    assert parse_config({**_one(), "warehouse": {"memory_limit": None}}).warehouse.memory_limit is None
    message = _error({**_one(), "warehouse": {"memory_limit": "lots"}})
    assert "memory_limit" in message and "'lots' is not a size" in message
    assert "below the 128MiB" in _error({**_one(), "warehouse": {"memory_limit": "16MB"}})


def test_review_rows_is_a_count_a_worksheet_can_hold() -> None:
    assert parse_config(_one()).reports.review_rows == 20_000
    assert parse_config({**_one(), "reports": {"review_rows": 500}}).reports.review_rows == 500
    assert "review_rows" in _error({**_one(), "reports": {"review_rows": 0}})
    too_many = _error({**_one(), "reports": {"review_rows": 2_000_000}})
    assert "review_rows" in too_many and "1048575" in too_many.replace(",", "")


def test_a_sources_yaml_saved_in_a_windows_code_page_is_a_config_error_naming_the_line(tmp_path: Path) -> None:
    """It printed a UnicodeDecodeError traceback and exited 1; other config errors exit 2 with the key named."""
    text = "currency: EUR\nsources:\n  - name: muller\n    kind: distributor\n    path: inbox/müller/*.csv\n"
    (tmp_path / "sources.yaml").write_bytes(text.encode("cp1252"))
    with pytest.raises(ConfigError, match=r"sources.yaml: line 5: byte 0xfc is not UTF-8; save the file as UTF-8"):
        load_config(tmp_path)
    (tmp_path / "sources.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # Notepad's BOM is fine
    assert load_config(tmp_path).sources[0].path == "inbox/müller/*.csv"


@pytest.mark.parametrize(("text", "said"), [
    ("as_of: 2026-11-01\nsources:\n  - name: westbridge\n    kind: distributor\n    path: inbox/w/*.csv\n"
     "    path: inbox/westbrige/*.csv\n", "line 6: key 'path' is written twice in one mapping (lines 5 and 6)"),
    ("sources:\n  - name: crm\n    kind: crm_contracts\n    path: inbox/crm.csv\nas_of: 2026-11-01\n"
     "sources:\n  - name: new\n    kind: distributor\n    path: inbox/new/*.csv\n",
     "line 6: key 'sources' is written twice in one mapping (lines 1 and 6); YAML would keep only the last - keep "
     "one, and add the new sources to the first list"),
])
def test_a_key_written_twice_is_named_not_taken_last(tmp_path: Path, text: str, said: str) -> None:
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert said in str(err.value) and str(tmp_path / "sources.yaml") in str(err.value)

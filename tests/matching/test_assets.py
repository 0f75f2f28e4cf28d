"""resolve_serials: format variants, look-alikes and typos merge only when it is safe."""

import pandas as pd

from matching import resolve_serials


def _assets(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["record_id", "raw_serial", "sku", "source"])
    return resolve_serials(frame).set_index("record_id")


def test_issue_example_serial_variants_are_one_asset() -> None:
    out = _assets(
        [
            ("a", "fcw-2231-x0ab", "C9300-48P-E", "dist"),
            ("b", "S/N: FCW2231X0AB", "C9300-48P-E=", "crm"),
            ("c", "FCW2231XOAB", None, "tracker"),
        ]
    )
    assert out["asset_key"].nunique() == 1
    assert (out["serial_number"] == "FCW2231X0AB").all()
    assert out.loc["a", "match_rule"] == "normalised"
    assert out.loc["c", "match_rule"] == "lookalike"
    assert out.loc["c", "serial_key"] == "FCW2231XOAB"  # the serial itself is never rewritten


def test_lookalike_with_a_different_product_stays_apart() -> None:
    out = _assets(
        [
            ("a", "ABC1234O", "C9300-48P-E", "dist"),
            ("b", "ABC12340", "ISR4331/K9", "dist"),
        ]
    )
    assert out.loc["a", "asset_key"] != out.loc["b", "asset_key"]


def test_skuless_lookalike_does_not_bridge_two_products() -> None:
    out = _assets(
        [
            ("a", "ABC1234O", "C9300-48P-E", "dist"),
            ("b", "ABC12340", "ISR4331/K9", "dist"),
            ("c", "ABC1234O", None, "tracker"),  # same exact form as a: joins a only
            ("d", "ABCI234O", None, "tracker"),  # look-alike of both: must not chain them
        ]
    )
    assert out.loc["a", "asset_key"] == out.loc["c", "asset_key"]
    assert out.loc["a", "asset_key"] != out.loc["b", "asset_key"]
    assert out.loc["d", "asset_key"] not in {out.loc["a", "asset_key"], out.loc["b", "asset_key"]}


def test_one_edit_typo_merges_when_sku_agrees_and_unambiguous() -> None:
    out = _assets(
        [
            ("a", "JAE12345678", "ISR4331/K9", "dist"),
            ("b", "JAE12345678", None, "crm"),
            ("c", "JAE1234678", "ISR4331/K9", "tracker"),  # dropped character
            ("d", "JAE12354678", "C9300-48P-E", "tracker"),  # one edit too, another product
        ]
    )
    assert out.loc["c", "asset_key"] == out.loc["a", "asset_key"]
    assert out.loc["c", "match_rule"] == "typo"
    assert out.loc["c", "serial_number"] == "JAE12345678"


def test_typo_needs_agreeing_sku() -> None:
    out = _assets(
        [
            ("a", "JAE12345678", "ISR4331/K9", "dist"),
            ("b", "JAE12345678", "ISR4331/K9", "crm"),
            ("c", "JAE1234678", "C9300-48P-E", "tracker"),
        ]
    )
    assert out.loc["c", "asset_key"] != out.loc["a", "asset_key"]


def test_consecutive_serials_are_different_units() -> None:
    out = _assets(
        [
            ("a", "FCW2231X0AB", "C9300-48P-E", "dist"),
            ("b", "FCW2231X0AB", "C9300-48P-E", "crm"),
            ("c", "FCW2231X0AC", "C9300-48P-E", "dist"),
            ("d", "FOC12345670", "C9300-48P-E", "dist"),
            ("e", "FOC12345670", "C9300-48P-E", "crm"),
            ("f", "FOC12345671", "C9300-48P-E", "dist"),
        ]
    )
    assert out.loc["a", "asset_key"] != out.loc["c", "asset_key"]
    assert out.loc["d", "asset_key"] != out.loc["f", "asset_key"]


def test_one_record_listing_both_forms_lists_two_units() -> None:
    out = _assets(
        [
            ("r1", "JAE12345678", "ISR4331/K9", "dist"),
            ("r1", "JAE1234678", "ISR4331/K9", "dist"),
            ("r2", "JAE12345678", "ISR4331/K9", "crm"),
        ]
    )
    assert out["asset_key"].nunique() == 2


def test_service_skus_do_not_block_a_match() -> None:
    out = _assets(
        [
            ("a", "77927469104", "SRV-T440-S", "dist"),
            ("b", "77927469104", None, "crm"),
            ("c", "7792746104", "CS-4HR-SRV", "tracker"),  # support contract line, typo'd serial
        ]
    )
    assert out.loc["c", "asset_key"] == out.loc["a", "asset_key"]


def test_blank_serials_have_no_asset_and_order_is_kept() -> None:
    rows = pd.DataFrame({"record_id": [3, 1, 2], "raw_serial": [None, "XYZ99999", " "]})
    out = resolve_serials(rows)
    assert out["record_id"].tolist() == [3, 1, 2]
    assert out["asset_key"].isna().tolist() == [True, False, True]


def test_a_substituted_character_is_another_unit_but_a_swap_is_a_typo() -> None:
    out = _assets(
        [
            ("a", "JAE12345678", "ISR4331/K9", "dist"),
            ("b", "JAE12345678", "ISR4331/K9", "crm"),
            ("c", "JAE12845678", "ISR4331/K9", "dist"),  # one character different: another unit
            ("d", "JAE12354678", "ISR4331/K9", "tracker"),  # two neighbours swapped: a typo
        ]
    )
    assert out.loc["c", "asset_key"] != out.loc["a", "asset_key"]
    assert out.loc["d", "asset_key"] == out.loc["a", "asset_key"]


def test_same_assets_whatever_the_text_dtype_and_index() -> None:
    """The mentions come from DuckDB through Arrow (pandas' string dtype) in the night and as
    Python objects elsewhere; either way, and under any index, every output column is the same."""
    rows = pd.DataFrame(
        [
            ("a", "fcw-2231-x0ab", "C9300-48P-E", "dist", "C1"),
            ("b", "FCW2231X0AB", "C9300-48P-E", "crm", "C1"),
            ("c", "FCW2231XOAB", None, "tracker", "C1"),
            ("d", "JAE12345678", "ISR4331/K9", "dist", "C2"),
            ("e", "JAE12345678", "ISR4331/K9", "crm", "C2"),
            ("f", "JAE1234567", "ISR4331/K9", "tracker", "C2"),
            ("g", None, "ISR4331/K9", "tracker", None),
            ("h", "ZZZ98765432", None, "dist", None),
        ],
        columns=["record_id", "raw_serial", "sku", "source", "customer"],
    )
    as_objects = resolve_serials(rows.astype(object))
    as_strings = resolve_serials(rows.astype("string").set_axis(range(10, 18)))
    assert as_objects["match_rule"].tolist() == [
        "normalised", "exact", "lookalike", "exact", "exact", "typo", None, "exact"
    ]
    assert as_objects["serial_number"].tolist()[:6] == ["FCW2231X0AB"] * 3 + ["JAE12345678"] * 3
    for column in as_objects.columns:
        assert as_objects[column].astype(object).where(as_objects[column].notna(), None).tolist() == (
            as_strings[column].astype(object).where(as_strings[column].notna(), None).tolist()
        ), column


def test_look_alikes_one_record_lists_side_by_side_are_a_batch_of_units() -> None:
    frame = pd.DataFrame(
        [
            ("r1", "PFNXZ48I", "20XW0026GE", "inv"),
            ("r1", "PFNXZ48L", "20XW0026GE", "inv"),
            ("r1", "PFNXZ481", "20XW0026GE", "inv"),
            ("r2", "PFNXZ48I", "20XW0026GE", "dist"),
            ("r3", "PFNXZ48L", "20XW0026GE", "crm"),
            ("r4", "CZJ912O0AB", "P12345-B21", "crm"),  # a misread of r5's unit, written alone: still one unit
            ("r5", "CZJ91200AB", "P12345-B21", "dist"),
        ],
        columns=["record_id", "raw_serial", "sku", "source"],
    )
    out = resolve_serials(frame)
    assert out["asset_key"].iloc[:3].nunique() == 3
    assert out["asset_key"].iloc[3] == out["asset_key"].iloc[0] and out["asset_key"].iloc[4] == out["asset_key"].iloc[1]
    assert out["asset_key"].iloc[5] == out["asset_key"].iloc[6] and out["match_rule"].iloc[5] == "lookalike"


def test_an_all_digit_serial_without_its_leading_zeros_is_the_same_unit() -> None:
    out = _assets(
        [
            ("a", "000123456789", "DS-2000", "crm"),
            ("b", "123456789", "DS-2000", "accounting"),  # a CSV tool read it as a number
            ("c", "0A123456789", "DS-2000", "dist"),  # not all digits: its zero is part of it
        ]
    )
    assert out.loc["a", "asset_key"] == out.loc["b", "asset_key"] != out.loc["c", "asset_key"]
    assert out.loc["b", "serial_number"] == "000123456789"  # the zeros kept: a tie goes to the longer form

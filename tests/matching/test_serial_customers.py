"""Serial typos with the customer known: one slip apart is one asset within a customer and SKU
family, never across customers; O/0 and I/1 look-alikes join unless each form is known only at
customers the other never was, S/5 and B/8 within one customer."""

import pandas as pd

from matching import resolve_serials


def _assets(rows: list[tuple]) -> pd.Series:
    frame = pd.DataFrame(rows, columns=["record_id", "raw_serial", "sku", "source", "customer"])
    return resolve_serials(frame).set_index("record_id")["asset_key"]


def test_a_dropped_character_within_one_customer_is_one_asset() -> None:
    out = _assets(
        [
            ("a", "FGT3005216034", "FG-300E", "dist", "CUST-1"),
            ("b", "FGT3005216034", "FG-300E", "crm", "CUST-1"),
            ("c", "FGT305216034", "FG-300E", "tracker", "CUST-1"),
        ]
    )
    assert out["a"] == out["c"]


def test_the_same_slip_across_customers_is_two_assets() -> None:
    out = _assets(
        [
            ("a", "FGT3005216034", "FG-300E", "dist", "CUST-1"),
            ("b", "FGT3005216034", "FG-300E", "crm", "CUST-1"),
            ("c", "FGT305216034", "FG-300E", "tracker", "CUST-2"),
        ]
    )
    assert out["a"] != out["c"]
    # without customers the unambiguous dropped character is still read as a typo
    rows = pd.DataFrame(
        [("a", "FGT3005216034", "FG-300E", "dist"), ("b", "FGT3005216034", "FG-300E", "crm"),
         ("c", "FGT305216034", "FG-300E", "tracker")],
        columns=["record_id", "raw_serial", "sku", "source"],
    )
    keys = resolve_serials(rows)["asset_key"]
    assert keys.nunique() == 1


def test_a_substituted_character_within_one_customer_is_a_typo_but_a_batch_neighbour_is_not() -> None:
    out = _assets(
        [
            ("a", "JAE12345678", "ISR4331/K9", "dist", "CUST-1"),
            ("b", "JAE12345678", "ISR4331/K9", "crm", "CUST-1"),
            ("c", "JAE12375678", "ISR4331/K9", "tracker", "CUST-1"),  # a slip, seen once
            ("d", "FCW2231X0AB", "C9300-48P-E", "dist", "CUST-1"),
            ("e", "FCW2231X0AB", "C9300-48P-E", "crm", "CUST-1"),
            ("f", "FCW2231X0AC", "C9300-48P-E", "tracker", "CUST-1"),  # the next unit
            ("g", "JAE99345678", "ISR4331/K9", "dist", "CUST-1"),
            ("h", "JAE99345678", "ISR4331/K9", "crm", "CUST-1"),
            ("i", "JAE99345178", "ISR4331/K9", "dist", "CUST-1"),  # another unit, two sources
            ("j", "JAE99345178", "ISR4331/K9", "crm", "CUST-1"),
        ]
    )
    assert out["a"] == out["c"]
    assert out["d"] != out["f"]
    assert out["g"] != out["i"]


def test_a_slip_needs_the_same_product_family() -> None:
    out = _assets(
        [
            ("a", "JAE12345678", "ISR4331/K9", "dist", "CUST-1"),
            ("b", "JAE12345678", "ISR4331/K9", "crm", "CUST-1"),
            ("c", "JAE1234678", "C9300-48P-E", "tracker", "CUST-1"),
        ]
    )
    assert out["a"] != out["c"]


def test_lookalikes_join_in_any_position_s5_b8_only_within_a_customer() -> None:
    out = _assets(
        [
            ("a", "S8C1O2345I78", "FG-100F", "dist", "CUST-1"),
            ("b", "58C10234517B", "FG-100F", "crm", "CUST-1"),  # S/5, O/0, I/1, B/8 apart
            ("c", "S8CIO2345178", None, "tracker", None),  # O/0 and I/1 only, customer unknown
            ("e", "58C1O2345I78", "FG-100F", "dist", "CUST-3"),  # S/5 at another customer
            ("d", "S8C1O2345I79", "FG-100F", "dist", "CUST-1"),  # another unit: a digit differs
        ]
    )
    assert out["a"] == out["b"] == out["c"]
    assert out["e"] != out["a"]
    assert out["d"] != out["a"]


def test_rows_without_a_customer_keep_the_rules_without_customers() -> None:
    out = _assets(
        [
            ("a", "JAE12345678", "ISR4331/K9", "dist", "CUST-1"),
            ("b", "JAE12345678", "ISR4331/K9", "crm", "CUST-1"),
            ("c", "JAE1234678", "ISR4331/K9", "tracker", None),  # dropped character
            ("d", "JAE12375678", "ISR4331/K9", "tracker", None),  # substitution: another unit
        ]
    )
    assert out["a"] == out["c"]
    assert out["d"] != out["a"]


def test_serials_that_fold_alike_at_different_customers_are_two_units() -> None:
    out = _assets(
        [
            ("a", "FOC2252GB0L", "SRV-T440", "dist", "CUST-1"),
            ("b", "FOC2252GB0L", "SRV-T440", "crm", "CUST-1"),
            ("c", "FOC2252GBOL", "SRV-T440", "dist", "CUST-2"),  # O for 0: another unit, another customer
            ("d", "FOC2252GBOL", "SRV-T440", "crm", "CUST-2"),
            ("e", "F0C2252GBOL", "SRV-T440", "tracker", None),  # no customer: it may be either, joins neither
        ]
    )
    assert out["a"] == out["b"] and out["c"] == out["d"]
    assert out["a"] != out["c"]
    assert out["e"] not in {out["a"], out["c"]}


def test_a_lookalike_seen_at_a_customer_of_the_other_form_joins() -> None:
    out = _assets(
        [
            ("a", "FOC2252GB0L", "SRV-T440", "dist", "CUST-1"),
            ("b", "FOC2252GB0L", "SRV-T440", "crm", "CUST-2"),  # the unit moved: seen at both
            ("c", "FOC2252GBOL", "SRV-T440", "tracker", "CUST-2"),
            ("d", "F0C2252GB0L", "SRV-T440", "tracker", None),
        ]
    )
    assert out["a"] == out["b"] == out["c"] == out["d"]


def test_a_slip_at_one_of_two_alike_units_goes_to_its_customers_unit() -> None:
    out = _assets(
        [
            ("a", "FCW23521YVG", "SRV-T440", "dist", "CUST-1"),
            ("b", "FCW23521YVG", "SRV-T440", "crm", "CUST-1"),
            ("c", "FCW2352LYVG", "SRV-T440", "dist", "CUST-2"),
            ("d", "FCW2352LYVG", "SRV-T440", "crm", "CUST-2"),
            ("e", "FCW235LYVG", "SRV-T440", "tracker", "CUST-2"),  # a dropped character at CUST-2
        ]
    )
    assert out["e"] == out["c"] == out["d"] != out["a"]


def test_a_sequential_batch_at_one_customer_stays_one_asset_per_serial() -> None:
    # 130 units shipped to one customer, one row each: "...068" and "...086" are two units
    rows = [(f"r{i}", f"JMX2452FDBP{i:03d}", "AP-C9130AX", "dist", "CUST-1") for i in range(1, 131)]
    out = _assets(rows)
    assert out.nunique() == 130


def test_a_swapped_pair_is_a_typo_when_the_other_form_is_attested_by_several_sources() -> None:
    out = _assets(
        [
            ("a", "JMX2452FDBP086", "AP-C9130AX", "dist", "CUST-1"),
            ("b", "JMX2452FDBP086", "AP-C9130AX", "crm", "CUST-1"),
            ("c", "JMX2452FDBP068", "AP-C9130AX", "tracker", "CUST-1"),
        ]
    )
    assert out["a"] == out["c"]

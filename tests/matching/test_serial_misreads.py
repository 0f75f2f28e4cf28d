"""A serial that also is another customer's, written at a customer where it is one slip from that
customer's own unit, is read as the customer's own unit - under the rules typos follow within one
customer - and the two customers' units stay two assets."""

import random

import pandas as pd
import pytest

from matching import resolve_serials
from matching.serial_misreads import customer_readings

COLUMNS = ["record_id", "raw_serial", "sku", "source", "customer"]


def _resolved(rows: list[tuple]) -> pd.DataFrame:
    return resolve_serials(pd.DataFrame(rows, columns=COLUMNS)).set_index("record_id")


def _unit(prefix: str, serial: str, sku: str, customer: str, sources: tuple[str, ...]) -> list[tuple]:
    return [(f"{prefix}{i}", serial, sku, source, customer) for i, source in enumerate(sources)]


def test_a_look_alike_that_spells_another_customers_serial_is_the_customers_own_unit() -> None:
    rows = [
        *_unit("own", "FOC2252GBOL", "C9300-48P", "CUST-1", ("dist", "crm", "acct", "dist")),
        *_unit("other", "FOC2252GB0L", "C9300-48P", "CUST-2", ("dist", "crm", "acct")),
        ("rep", "FOC2252GB0L", "C9300-48P", "tracker", "CUST-1"),  # the rep wrote 0 for O
    ]
    out = _resolved(rows)
    assert out.loc["rep", "asset_key"] == out.loc["own0", "asset_key"]
    assert out.loc["own0", "asset_key"] != out.loc["other0", "asset_key"]
    assert out.loc["rep", "match_rule"] == "lookalike"
    assert out.loc["rep", "serial_number"] == "FOC2252GBOL"
    assert out.loc["rep", "serial_key"] == "FOC2252GB0L"  # the row's own key, as written


def test_a_dropped_character_that_spells_another_customers_serial_is_read_as_the_customers_own() -> None:
    rows = [
        *_unit("own", "JAE2352SXN6", "ISR4331/K9", "CUST-1", ("dist", "crm", "acct")),
        *_unit("other", "JAE252SXN6", "ISR4331/K9", "CUST-2", ("dist", "crm")),
        ("rep", "JAE252SXN6", "ISR4331/K9", "tracker", "CUST-1"),
    ]
    out = _resolved(rows)
    assert out.loc["rep", "asset_key"] == out.loc["own0", "asset_key"]
    assert out.loc["other0", "asset_key"] != out.loc["own0", "asset_key"]
    assert out.loc["rep", "match_rule"] == "typo"


def test_what_the_typo_rules_refuse_within_a_customer_is_not_read_again() -> None:
    rows = [
        # the next unit of a batch: a changed last character one step on
        *_unit("batch", "FCW2231X0AB", "C9300-48P", "CUST-1", ("dist", "crm", "acct")),
        *_unit("next", "FCW2231X0AC", "C9300-48P", "CUST-2", ("dist", "crm")),
        ("resold", "FCW2231X0AC", "C9300-48P", "dist", "CUST-1"),
        # another product family
        *_unit("switch", "JAE2352SXN6", "C9300-48P", "CUST-1", ("dist", "crm", "acct")),
        *_unit("router", "JAE252SXN6", "ISR4331/K9", "CUST-3", ("dist", "crm")),
        ("router-rep", "JAE252SXN6", "ISR4331/K9", "tracker", "CUST-1"),
        # one record lists both serials: two units
        *_unit("pair", "FDO2452VNXC", "C9200-24T", "CUST-1", ("dist", "crm", "acct")),
        *_unit("far", "FDO2452NXC", "C9200-24T", "CUST-4", ("dist", "crm")),
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    both = pd.DataFrame([("pair0", "FDO2452NXC", "C9200-24T", "dist", "CUST-1")], columns=COLUMNS)
    out = resolve_serials(pd.concat([frame, both], ignore_index=True))
    key = out.groupby("record_id")["asset_key"].agg(set)
    assert key["resold"] == key["next0"]
    assert key["router-rep"] == key["router0"]
    assert key["far0"] <= key["pair0"]  # the record's second serial stays the other unit's


def test_ties_and_serials_seen_at_one_customer_keep_their_own_key() -> None:
    keys = pd.Series(["FOC2252GB0L", "FOC2252GBOL", "FOC2252GBOL", "F0C2252GB0L", "F0C2252GB0L",
                      "FOC2252GB0L", "ABCD1234567"])
    customers = pd.Series(["C1", "C1", "C1", "C1", "C1", "C2", "C1"])
    # at C1 the written FOC2252GB0L is a look-alike of two serials seen twice each: no reading
    assert customer_readings(keys, customers).tolist() == keys.tolist()
    # without the tie it is read; a serial seen at C1 only is not
    got = customer_readings(keys.iloc[:6].drop(index=4), customers.iloc[:6].drop(index=4))
    assert got.tolist() == ["FOC2252GBOL", "FOC2252GBOL", "FOC2252GBOL", "F0C2252GB0L", "FOC2252GB0L"]
    assert got.index.tolist() == [0, 1, 2, 3, 5]
    # a serial of the customer seen no more often than the written one there is no reading of it
    even = pd.Series(["FOC2252GB0L", "FOC2252GBOL", "FOC2252GB0L"])
    assert customer_readings(even, pd.Series(["C1", "C1", "C2"])).tolist() == even.tolist()


@pytest.mark.parametrize("seed", [3, 8])
def test_readings_never_change_serials_that_are_not_shared(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "0123456789ABCDEFGHJKMNPQRTUVWXYZOIL"
    serials = ["".join(rng.choice(alphabet) for _ in range(11)) for _ in range(300)]
    rows = [(serials[rng.randrange(300)], f"C{rng.randrange(40)}") for _ in range(3_000)]
    frame = pd.DataFrame(rows, columns=["serial", "customer"])
    got = customer_readings(frame["serial"], frame["customer"])
    per_serial = frame.groupby("serial")["customer"].nunique()
    single = frame["serial"].map(per_serial) == 1
    assert (got[single] == frame.loc[single, "serial"]).all()
    changed = got != frame["serial"]
    # a row read again takes a serial seen more often at its own customer
    for i in changed[changed].index:
        at = frame[frame["customer"] == frame.loc[i, "customer"]]["serial"].value_counts()
        assert at[got[i]] > at[frame.loc[i, "serial"]]

"""Names cut by a fixed-width field: the widths found from the names' lengths, and each cut name
completed only when every uncut name that starts with it means one company."""

import random

import numpy as np
import pandas as pd
import pytest

from matching import resolve_entities
from matching.cut_names import complete_cut_names, cut_mask, cut_widths, prefix_keys
from matching.names import normalise_company_names
from matching.profiles import build_profiles
from matching.text import TEXT_DTYPE

FIRST = ["Quinmere", "Dorwick", "Alhaven", "Belport", "Kelstead", "Tidewater", "Silverline", "Meadowbrook",
         "Harborview", "Crestline", "Evergreen", "Falmere", "Lorwell", "Whitehall", "Brightwater", "Rosewood",
         "Ashcombe", "Thornbury", "Marchetti", "Lindqvist", "Bélanger", "Weiß & Schäfer", "Porter & Quinn",
         "Galmore", "Stonebridge", "Wexford"]
TRADE = ["Manufacturing", "Communications", "Pharmaceuticals", "Environmental", "Semiconductor", "Hospitality",
         "Architecture", "Distribution", "Instruments", "Engineering", "Datensysteme", "Énergie"]
FORMS = ["Corp.", "Inc", "LLC", "Ltd", "Corporation", "Incorporated", "GmbH", "SARL", "AB", "Holdings Co."]
CITIES = ["Boston", "Denver", "Leeds", "Lyon", "Malmö", "Graz"]


def _companies(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < n:
        names.add(f"{rng.choice(FIRST)} {rng.choice(TRADE)} {rng.choice(FORMS)}")
    return sorted(names)


def _cut(name: str, width: int) -> str:
    return name[:width].rstrip()


def test_a_spike_of_lengths_is_a_width_and_a_natural_tail_is_not() -> None:
    whole = _companies(150, 1)
    long_names = [n for n in whole if len(n) > 24]
    names = pd.Series(
        [*whole, *(_cut(n, 20) for n in whole[:100]), *whole[100:], *(_cut(n, 30) for n in long_names)]
    )
    sources = pd.Series(["crm"] * len(whole) + ["accounting"] * 150 + ["westbridge"] * len(long_names))
    widths = cut_widths(names, sources)
    assert widths == {"accounting": (20,), "westbridge": (30,)}
    # the accounting names at 19 and 20 characters are the cut ones; none of the CRM's
    mask = cut_mask(names, sources)
    assert not mask[: len(whole)].any()
    lengths = names.str.len()
    assert (mask == (((sources == "accounting") & lengths.between(19, 20))
                     | ((sources == "westbridge") & lengths.between(29, 30)))).all()


def test_names_of_every_length_have_no_width() -> None:
    rng = random.Random(3)
    words = ["North", "Bridge", "Capital", "Labs", "Data", "Systems", "Nordic", "Acme", "Holdings", "Group", "Ab"]
    names = pd.Series([" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(20_000)])
    assert cut_widths(names, pd.Series(["tracker"] * len(names))) == {}
    assert cut_widths(pd.Series([], dtype=object), pd.Series([], dtype=object)) == {}
    assert cut_widths(names, pd.Series([None] * len(names), dtype=object)) == {}


def test_prefix_keys_keep_a_cut_name_a_prefix_of_its_whole_name() -> None:
    pairs = [("Crestline Motors L.L.C.", "Crestline Motors L.L"), ("WEISS & GÜNTHER ANLAGENBAU AG", "Weiss & Günther Anl"),
             ("Rhodes & Jensen Realty Inc", "RHODES & JENSEN REAL"), ("Baxter-Walsh Foods Group", "Baxter-Walsh Foods G")]
    keys = prefix_keys(pd.Series([p for pair in pairs for p in pair], dtype=TEXT_DTYPE)).tolist()
    for whole, cut in zip(keys[::2], keys[1::2], strict=True):
        assert whole.startswith(cut), (whole, cut)


def _reference(names: list[str], sources: list[str], norms: list[object]) -> list[object]:
    """complete_cut_names as first written: every cut name against every uncut name, one by one."""
    frame = pd.Series(names)
    mask = cut_mask(frame, pd.Series(sources))
    keys = prefix_keys(frame).tolist()
    whole = [(k, n) for k, n, m in zip(keys, norms, mask, strict=True) if not m and k is not None and n is not None]
    out = list(norms)
    for i, (key, norm, cut) in enumerate(zip(keys, norms, mask, strict=True)):
        if not cut or key is None or norm is None:
            continue
        found = {n for k, n in whole if k.startswith(key)}
        if len(found) == 1:
            out[i] = found.pop()
    return out


@pytest.mark.parametrize("seed", [5, 17])
def test_completion_equals_a_name_by_name_search(seed: int) -> None:
    rng = random.Random(seed)
    whole = _companies(120, seed)
    names: list[str] = []
    sources: list[str] = []
    for name in whole:
        for _ in range(rng.randint(1, 3)):
            names.append(name.upper() if rng.random() < 0.3 else name)
            sources.append(rng.choice(["crm", "distributor"]))
        for _ in range(rng.randint(0, 3)):
            names.append(_cut(name, 20) if rng.random() < 0.8 else name)
            sources.append("accounting")
    names += ["Quinmere", None, "   "]  # a name shorter than any cut, and blanks
    sources += ["accounting", "accounting", None]
    norms = normalise_company_names(pd.Series(names, dtype=object))
    got = complete_cut_names(pd.Series(names, dtype=object), pd.Series(sources), norms)
    want = _reference(names, sources, norms.tolist())
    assert got.tolist() == want
    assert got.index.equals(norms.index)
    changed = sum(g != n for g, n in zip(got.tolist(), norms.tolist(), strict=True))
    assert changed > 20  # the cut names of companies with one name that starts so


def test_a_cut_name_two_companies_start_with_keeps_its_own_normalisation() -> None:
    filler = [n for n in _companies(200, 7) if len(n) > 21][:60]
    names = ["Cardinal Materials Corporation", "Cardinal Materials Consulting LLC", "Quinmere Manufacturing Corp.",
             "Quinmere Manufacturing Corp", *filler,
             "Cardinal Materials C", "Quinmere Manufacturi", "Quinmere Manufacturing", *(_cut(n, 20) for n in filler)]
    sources = ["crm"] * (4 + len(filler)) + ["accounting"] * (3 + len(filler))
    series = pd.Series(names)
    norms = normalise_company_names(series)
    got = complete_cut_names(series, pd.Series(sources), norms).tolist()
    at = {n: i for i, n in enumerate(names)}
    assert got[at["Cardinal Materials C"]] == norms[at["Cardinal Materials C"]]  # Corporation or Consulting
    assert got[at["Quinmere Manufacturi"]] == "quinmere manufacturing"
    # "Quinmere Manufacturing" (22 characters) is longer than the width: a whole name, kept
    assert got[at["Quinmere Manufacturing"]] == norms[at["Quinmere Manufacturing"]]


def test_no_source_column_means_one_source() -> None:
    records = pd.DataFrame({"record_id": ["a", "b"], "name": ["Acme Ltd", "Acme"]})
    resolved = resolve_entities(records)
    assert len(resolved.records) == 2


def test_cut_accounting_names_join_their_customers_and_namesakes_stay_apart() -> None:
    """A CRM with located customers, a distributor naming them too, and an accounting system that keeps
    20 characters of every name and nothing else: each cut invoice row joins its customer; the one
    whose cut two customers start with joins neither."""
    rng = random.Random(23)
    by_cut = {_cut(n, 20).lower(): n for n in _companies(400, 23) if len(n) > 22}  # one company per cut
    whole = list(by_cut.values())[:60]
    whole += ["Cardinal Materials Corporation", "Cardinal Materials Consulting LLC"]
    rows = []
    for i, name in enumerate(whole):
        city = CITIES[i % len(CITIES)]
        rows.append({"record_id": f"crm-{i}", "name": name, "city": city, "domain": f"c{i}.example",
                     "account": f"A{i}", "source": "crm"})
        rows.append({"record_id": f"dist-{i}", "name": name.upper(), "city": city, "domain": f"c{i}.example",
                     "source": "distributor"})
        for j in range(2):
            rows.append({"record_id": f"inv-{i}-{j}", "name": _cut(name, 20), "source": "accounting",
                         "serials": [f"SN{i:03d}{j}{rng.randint(0, 999):03d}"]})
    records = pd.DataFrame(rows)
    profiles = build_profiles(records)
    name = pd.Series(profiles.table["name_norm"].to_numpy()[profiles.record_profile], index=records["record_id"])
    completed = [name[f"inv-{i}-0"] == name[f"crm-{i}"] for i in range(len(whole) - 2)]
    assert all(completed)
    assert name[f"inv-{len(whole) - 1}-0"] == "cardinal material c"
    cluster = resolve_entities(records).records.set_index("record_id")["cluster_id"]
    joined = [cluster[f"inv-{i}-0"] == cluster[f"crm-{i}"] == cluster[f"inv-{i}-1"] for i in range(len(whole) - 2)]
    assert np.mean(joined) > 0.9
    for i in (len(whole) - 2, len(whole) - 1):  # "Cardinal Materials C"
        assert cluster[f"inv-{i}-0"] != cluster[f"crm-{i}"]
    assert cluster[f"crm-{len(whole) - 2}"] != cluster[f"crm-{len(whole) - 1}"]

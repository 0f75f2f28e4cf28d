"""Comparison levels of profile pairs, vectorised: integer codes for exact tests, rapidfuzz text.

For every (left, right) pair of profile indices this computes one small-int level per comparison
(-1 = a side has no value, 0 = disagree, higher = closer agreement; see `weights.MatchModel`) and
the number of profiles holding the agreed value (for the term-frequency adjustment). Exact tests
compare integer codes gathered by index; text similarities run in rapidfuzz `process.cpdist`
(workers=-1, explicit processor=None and score_cutoff) on just the pairs that need them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import distance, fuzz, process

from matching.addresses import BOX_PREFIX
from matching.blocking import contains_pairs, shared_value_pairs
from matching.graph import connected_components
from matching.profiles import Profiles
from matching.text import as_strings
from matching.tokens import NameTokens, soft_token_coverage

#: profile columns compared for equality through integer codes
CODED_COLUMNS: dict[str, str] = {
    "name": "name_norm",
    "name_compact": "name_compact",
    "street": "street_key",
    "house_number": "house_number",
    "unit": "unit",
    "postal": "postal",
    "city": "city_norm",
    "state": "state_norm",
    "country": "country_norm",
    "phone": "phone_norm",
    "phone_local": "phone_local",
    "domain": "domain_norm",
    "email": "email_norm",
    "account": "account_norm",
    "group": "group",
}
#: columns that make a profile an identified company (not just a name)
IDENTIFYING_COLUMNS: tuple[str, ...] = (
    "street",
    "city_norm",
    "postal",
    "domain_norm",
    "email_norm",
    "phone_norm",
    "account_norm",
)
#: least name similarity for a contained name ("Willowport" in "Willowport Pharmaceuticals")
#: to count as a near match
CONTAINED_MIN_COVERAGE = 0.6
#: names agreeing on at least this many tokens are long ones: one whole word only one of them has
#: ("Anadolu Makina *Kalip* San. ve Tic." / "Anadolu Makina San. ve Tic.", "Infotech Systems
#: *& Services* India" / "Infotech Systems India") names another company, yet hardly moves their
#: soft TF-IDF coverage, so the similarity is held below "name>=0.88" (EXTRA_WORD_MAX_SIMILARITY)
#: (several words more are a longer form of the name, "Henry Booth House - Jones Academy" /
#: "Jones Academy": the coverage and the contained-name rule judge those as before)
LONG_NAME_SHARED_TOKENS = 2
EXTRA_WORD_MAX_SIMILARITY = 0.87
#: a value held by more profiles than this is not evidence of identity (serial "N/A", "TBD")
MAX_SHARED_HOLDERS = 1000


@dataclass(frozen=True)
class ComparisonInputs:
    """Per-profile arrays the comparisons read, prepared once per resolution."""

    profiles: Profiles
    tokens: NameTokens
    codes: dict[str, np.ndarray]  # key -> int32 code per profile (-1 = missing)
    holders: dict[str, np.ndarray]  # key -> number of profiles holding each code
    text: dict[str, np.ndarray]  # key -> object array of strings ("" = missing)
    has_serials: np.ndarray
    has_contracts: np.ndarray
    anchored_name: np.ndarray  # profile's name is also the name of an identified profile
    name_countries: np.ndarray  # distinct countries of the profiles holding the profile's name
    shared_serials: np.ndarray
    shared_contracts: np.ndarray


def comparison_inputs(
    profiles: Profiles, tokens: NameTokens, con: duckdb.DuckDBPyConnection
) -> ComparisonInputs:
    """Factorise the compared columns and find the profile pairs sharing serials or contracts."""
    codes: dict[str, np.ndarray] = {}
    holders: dict[str, np.ndarray] = {}
    for key, column in CODED_COLUMNS.items():
        c, uniques = pd.factorize(profiles.table[column], use_na_sentinel=True)
        codes[key] = c.astype(np.int32)
        holders[key] = np.bincount(c[c >= 0], minlength=max(len(uniques), 1)).astype(np.int32)
    # account ids are comparable only within one system: "CRM:0015X" vs "WESTBRIDGE:WB10" is unknown,
    # not a disagreement (an id without a "system:" prefix is its own system)
    system = as_strings(profiles.table["account_norm"]).str.extract(r"^([^:]*):", expand=False)
    codes["account_system"] = pd.factorize(system, use_na_sentinel=True)[0].astype(np.int32)
    codes["name_script"] = _other_script(profiles.table["name_norm"])
    # a country cell no code was found for ("Repubblika ta' Malta" before it was read) says nothing against a
    # coded one: only two coded or two uncoded countries are compared
    countries = profiles.table["country_norm"]
    coded = pa.array(countries.astype(object).where(countries.notna(), None), type=pa.string())
    codes["country_coded"] = np.asarray(pc.match_substring_regex(coded, "^[A-Z]{2}$").fill_null(False), dtype=np.int8)
    # the postal code's first three characters (a district), factorised once, not per chunk of pairs; a box's
    # number is no district: the whole value
    postal = as_strings(profiles.table["postal"])
    box = np.asarray(postal.str.startswith(BOX_PREFIX, na=False), dtype=bool)
    district = postal.str.slice(0, 3).where(~box, postal)
    codes["postal3"] = pd.factorize(district)[0].astype(np.int32)
    text = {
        key: profiles.table[column]
        .astype(object)
        .where(profiles.table[column].notna(), "")
        .to_numpy()
        for key, column in (
            ("name_compact", "name_compact"),
            ("street", "street_key"),
            ("city", "city_norm"),
        )
    }
    n = len(profiles)
    identified = profiles.table[list(IDENTIFYING_COLUMNS)].notna().any(axis=1).to_numpy()
    name_code = codes["name"]
    anchored_code = np.zeros(max(len(holders["name"]), 1), dtype=bool)
    anchored_code[name_code[identified & (name_code >= 0)]] = True
    anchored_name = (name_code >= 0) & anchored_code[np.maximum(name_code, 0)]
    name_countries = _name_countries(name_code, codes["country"], codes["city"])
    has_serials = np.zeros(n, dtype=bool)
    has_serials[profiles.serials["profile"].to_numpy()] = True
    has_contracts = np.zeros(n, dtype=bool)
    has_contracts[profiles.contracts["profile"].to_numpy()] = True
    return ComparisonInputs(
        profiles=profiles,
        tokens=tokens,
        codes=codes,
        holders=holders,
        text=text,
        has_serials=has_serials,
        has_contracts=has_contracts,
        anchored_name=anchored_name,
        name_countries=name_countries,
        shared_serials=shared_value_pairs(con, profiles.serials, MAX_SHARED_HOLDERS),
        shared_contracts=shared_value_pairs(con, profiles.contracts, MAX_SHARED_HOLDERS),
    )


#: a character of any script but Latin, by its Unicode script property (RE2), after `text.spell_in_latin`
#: wrote the scripts it spells in Latin letters: kana, ideographs, hangul, Arabic, Hebrew, Thaana,
#: Tibetan, Mongolian ... (a hand-made list of ranges had missed Tibetan: its names were compared
#: letter by letter with Latin ones, a disagreement). Digits, punctuation and marks are Common or
#: Inherited, never another script.
_OTHER_SCRIPT = r"[^\p{Latin}\p{Common}\p{Inherited}]"


def _other_script(names: pd.Series) -> np.ndarray:
    """Per profile: 1 when its name is written in a script other than Latin (after Greek and Cyrillic
    were spelled in Latin), else 0. Two names in different scripts say nothing about each other
    ("주식회사 부산철강" / "Busan Steel Co."): their comparison is unknown, not a disagreement."""
    arr = pa.array(names.astype(object).where(names.notna(), None), type=pa.string())
    return np.asarray(pc.match_substring_regex(arr, _OTHER_SCRIPT).fill_null(False), dtype=np.int8)


def _name_countries(
    name_code: np.ndarray, country_code: np.ndarray, city_code: np.ndarray
) -> np.ndarray:
    """Per profile: in how many countries the profiles of its normalised name lie (0 = none
    known). "Siemens" in Italy, Romania and Estonia is the name of three companies. Two countries
    seen with one city of the name count once: one of the cells is a slip ("Milwaukee", "España").
    """
    known = (name_code >= 0) & (country_code >= 0)
    nodes, node = np.unique(
        np.stack([name_code[known], country_code[known]]).astype(np.int64), axis=1, return_inverse=True
    )
    node = node.ravel()
    # countries of one name meeting in one city are joined (consecutive nodes of each name and city)
    city = city_code[known]
    placed = np.flatnonzero(city >= 0)
    order = placed[np.lexsort((node[placed], city[placed], name_code[known][placed]))]
    same = (np.diff(name_code[known][order]) == 0) & (np.diff(city[order]) == 0)
    label = connected_components(len(nodes[0]), node[order][:-1][same], node[order][1:][same])
    per_name = np.bincount(
        np.unique(np.stack([nodes[0], label]), axis=1)[0],
        minlength=int(name_code.max(initial=-1)) + 2,
    )
    return np.where(name_code >= 0, per_name[np.maximum(name_code, 0)], 0).astype(np.int32)


def _exact(
    inputs: ComparisonInputs, key: str, left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(both present, equal, holders of the left value) for a coded column."""
    a, b = inputs.codes[key][left], inputs.codes[key][right]
    present = (a >= 0) & (b >= 0)
    equal = present & (a == b)
    count = np.where(equal, inputs.holders[key][np.maximum(a, 0)], 0)
    return present, equal, count


def _similarity(
    scorer: Callable[..., float],
    texts: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    mask: np.ndarray,
    cutoff: float,
) -> np.ndarray:
    """rapidfuzz similarity (0..1) of the pairs under `mask`; 0 elsewhere or below `cutoff`."""
    out = np.zeros(len(left), dtype=np.float32)
    idx = np.flatnonzero(mask)
    if len(idx):
        scores = process.cpdist(
            texts[left[idx]],
            texts[right[idx]],
            scorer=scorer,
            processor=None,
            score_cutoff=cutoff,
            workers=-1,
        )
        out[idx] = np.asarray(scores, dtype=np.float32)
    return out


def name_similarity(
    inputs: ComparisonInputs, left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Name similarity 0..1 (NaN if a name is missing), containment and name ambiguity.

    The similarity is the soft TF-IDF token coverage, or, when higher, the character similarity
    of the compact names minus 0.1 (catches "North Bridge" vs "Northbridge", where tokens
    differ). Containment is the contained name's own covered share, counted only when that
    shorter name is not itself the name of an identified company ("Willowport" in
    "Willowport Pharmaceuticals" is a nickname; "Goldleaf Industries" in "Goldleaf Industries
    Group" is a sibling when a located or CRM record is called "Goldleaf Industries"). See
    `tokens.soft_token_coverage` for the ambiguity.

    Long names (agreeing on LONG_NAME_SHARED_TOKENS tokens or more) where one has one whole word
    the other lacks ("Anadolu Makina Kalip San. ve Tic." / "Anadolu Makina San. ve Tic.") are
    held to EXTRA_WORD_MAX_SIMILARITY: a word more in a long name of common words is what tells
    two companies apart. The fourth array marks those of them whose shorter name is not a
    leading or trailing run of the longer one's words (the word is inserted inside it): the
    shorter is then no nickname of the longer (`compare_pairs`). The fifth marks names that share
    a token and each have a whole word of their own ("Schelde Services" / "Schelde Techniek"):
    two companies of one group, whose shared web domain is the group's (`scoring`).
    """
    agreement = soft_token_coverage(inputs.tokens, left, right)
    coverage, ambiguity = agreement.coverage, agreement.ambiguity
    extra_word = (agreement.shared_tokens >= LONG_NAME_SHARED_TOKENS) & (agreement.distinct_words == 1)
    uncapped = coverage
    coverage = np.where(extra_word, np.fmin(coverage, EXTRA_WORD_MAX_SIMILARITY), coverage)
    left_inside = np.nan_to_num(agreement.own_left) >= np.nan_to_num(agreement.own_right)
    inner = np.where(left_inside, left, right)
    contained = np.where(left_inside, agreement.own_left, agreement.own_right)
    contained = np.where(inputs.anchored_name[inner], 0.0, contained)
    a = inputs.codes["name_compact"][left]
    b = inputs.codes["name_compact"][right]
    # names in two scripts are no evidence either way (`_other_script`)
    present = (a >= 0) & (b >= 0) & (inputs.codes["name_script"][left] == inputs.codes["name_script"][right])
    need = present & (a != b) & (coverage < 0.97)
    char = _similarity(fuzz.ratio, inputs.text["name_compact"], left, right, need, 60.0) / 100
    char = np.where(present & (a == b), 1.0, char)
    sim = np.fmax(coverage, np.where(char > 0, char - 0.1, 0.0))
    sim = np.where(present & (a == b), np.fmax(sim, 0.97), sim)
    # a contained name counts when the names are still close (before the extra-word hold)
    close = np.nan_to_num(np.fmax(uncapped, sim)) >= CONTAINED_MIN_COVERAGE
    contained = np.where(close & present, contained, 0.0)
    ambiguity = np.where(present & (a == b) & (ambiguity == 0), 1.0, ambiguity)
    # names of one declared group (a parent and its subsidiaries) are different companies
    ga, gb = inputs.codes["group"][left], inputs.codes["group"][right]
    grouped = present & (ga >= 0) & (ga == gb) & (a != b)
    sim = np.where(grouped, 0.0, sim)
    contained = np.where(grouped, 0.0, contained)
    ambiguity = np.where(grouped, 0.0, ambiguity)
    inserted = extra_word & (np.nan_to_num(contained) >= 0.97)
    names = inputs.profiles.table["name_norm"]  # only the few pairs' names become Python strings
    inserted[inserted] = ~_runs_of(names.iloc[left[inserted]].to_numpy(dtype=object),
                                   names.iloc[right[inserted]].to_numpy(dtype=object))
    # one stem, a word of its own on each side ("Schelde Services" / "Schelde Techniek"): the
    # names of two companies of one group (`compare_pairs`)
    swapped = present & (agreement.shared_tokens >= 1) & (agreement.own_words >= 1) & (a != b)
    return (
        np.where(present, sim, np.nan).astype(np.float32),
        contained,
        ambiguity,
        inserted,
        swapped,
    )


def _runs_of(left_names: np.ndarray, right_names: np.ndarray) -> np.ndarray:
    """Per pair of normalised names: the shorter is a run of the longer one's words (few pairs)."""
    out = np.zeros(len(left_names), dtype=bool)
    for k, (x, y) in enumerate(zip(left_names.tolist(), right_names.tolist(), strict=True)):
        a, b = f" {x} ", f" {y} "
        out[k] = a in b or b in a
    return out


def compare_pairs(
    inputs: ComparisonInputs,
    left: np.ndarray,
    right: np.ndarray,
    name_thresholds: tuple[float, ...],
) -> pd.DataFrame:
    """Levels (int8) and agreed-value holder counts of every comparison, one row per pair."""
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    out: dict[str, np.ndarray] = {}

    # name: 0..5 by similarity thresholds, 6 exact normalised name; a short name wholly inside
    # a longer one ("Willowport" in "Willowport Pharmaceuticals LLC") counts as level 4 when the
    # tokens it lacks are common ones (coverage still >= CONTAINED_MIN_COVERAGE); as level 3 only when
    # both are long names and the longer has a whole word inserted inside the shorter's words
    # (`name_similarity`): "Anadolu Makina Kalip San. ve Tic." is no longer form of "Anadolu Makina
    # San. ve Tic." the way "Banco Itau Leasing" is of "Itau Leasing"; the other evidence decides
    sim, contained, ambiguity, extra_word, swapped = name_similarity(inputs, left, right)
    present, equal, _ = _exact(inputs, "name", left, right)
    level = np.searchsorted(np.asarray(name_thresholds), np.nan_to_num(sim, nan=0.0), side="right")
    inside = np.nan_to_num(contained) >= 0.97  # and the names close (`name_similarity`)
    level = np.where(inside, np.maximum(level, np.where(extra_word, 3, 4)), level)
    level = np.where(equal, len(name_thresholds) + 1, level)
    out["name"] = np.where(np.isnan(sim), -1, level).astype(np.int8)
    out["name_similarity"] = sim
    out["name_holders"] = ambiguity  # term frequency of the name agreement
    # companies in how many countries go by either name ("Global Trading" in Dubai, London and
    # Singapore): with a side's country unknown, the name alone cannot say which one it is
    spread = np.maximum(inputs.name_countries[left], inputs.name_countries[right])
    out["name_countries"] = spread
    out["name_swapped"] = swapped

    # street: 4 same key (units not contradicting), 2 same key other unit, 3 same number and a
    # similar street, 1 same number only, 0 different
    present, equal, count = _exact(inputs, "street", left, right)
    _, unit_equal, _ = _exact(inputs, "unit", left, right)
    unit_present = (inputs.codes["unit"][left] >= 0) & (inputs.codes["unit"][right] >= 0)
    _, same_number, _ = _exact(inputs, "house_number", left, right)
    fuzzy = _similarity(
        distance.Levenshtein.normalized_similarity,
        inputs.text["street"],
        left,
        right,
        present & ~equal & same_number,
        0.8,
    )
    street = np.where(present, np.where(same_number, 1, 0), -1)
    street = np.where(fuzzy > 0, 3, street)
    street = np.where(equal, np.where(unit_present & ~unit_equal, 2, 4), street)
    out["street"] = street.astype(np.int8)
    out["street_holders"] = count

    # postal: 2 same, 1 same first three characters, 0 different
    present, equal, count = _exact(inputs, "postal", left, right)
    p3 = inputs.codes["postal3"]
    near = present & (p3[left] == p3[right])
    out["postal"] = np.where(present, np.where(equal, 2, np.where(near, 1, 0)), -1).astype(np.int8)
    out["postal_holders"] = count

    # city: 2 same, 1 Jaro-Winkler >= 0.9, 0 different
    present, equal, count = _exact(inputs, "city", left, right)
    close = _similarity(
        distance.JaroWinkler.normalized_similarity,
        inputs.text["city"],
        left,
        right,
        present & ~equal,
        0.9,
    )
    out["city"] = np.where(present, np.where(equal, 2, np.where(close > 0, 1, 0)), -1).astype(
        np.int8
    )
    out["city_holders"] = count

    for key in ("state", "country", "domain", "email", "account"):
        present, equal, count = _exact(inputs, key, left, right)
        if key == "account":
            system = inputs.codes["account_system"]
            present &= system[left] == system[right]
        elif key == "country":
            coded = inputs.codes["country_coded"]
            present &= coded[left] == coded[right]
        out[key] = np.where(present, equal.astype(np.int8), -1).astype(np.int8)
        out[f"{key}_holders"] = count

    # phone: 2 same number, 1 same last seven digits, 0 different
    present, equal, count = _exact(inputs, "phone", left, right)
    _, local_equal, local_count = _exact(inputs, "phone_local", left, right)
    out["phone"] = np.where(present, np.where(equal, 2, np.where(local_equal, 1, 0)), -1).astype(
        np.int8
    )
    out["phone_holders"] = np.where(equal, count, local_count)

    for key, has, shared in (
        ("serial", inputs.has_serials, inputs.shared_serials),
        ("contract", inputs.has_contracts, inputs.shared_contracts),
    ):
        both = has[left] & has[right]
        hit = contains_pairs(shared, left, right)
        out[key] = np.where(both, hit.astype(np.int8), -1).astype(np.int8)
        out[f"{key}_holders"] = np.zeros(len(left), dtype=np.int32)

    return pd.DataFrame(out)

"""Hostile names, streets and cities through the whole resolution: the rules for other countries'
legal forms, joining words, bare places, floors and city words must neither raise nor warn, on
either pandas major, whatever a cell holds (control and direction marks, combining signs, emoji,
5,000-character names, only punctuation)."""

from __future__ import annotations

import random
import warnings

import pandas as pd

from matching.resolve import resolve_entities

#: pieces the session-27 rules look for, and ones no rule expects
_PIECES = (
    "Limitada", "S.A.S.", "SAS", "S.C.", "S.R.L.", "PT", "Tbk", "(Persero)", "(1998)", 'בע"מ', "ش.ذ.م.م", "บริษัท",
    "จำกัด", "(유)", "주식회사", "Hnos.", "Cía", "és", "și", "dan", "và", "an", "al", "el", "Noor", "Nour", "fajr",
    "fajer", "q", "y", "Brussel", "San Miguel de Tucumán", "Ha Noi", "Bank", "of", "&", "#", "º", "3º", "Piso", "Plot",
    "No.", "Unit", "\u200f", "\u202e", "\u0301", "\u064b", "🙂", "\x00", "\t", "''", "...", "-", "/", "Biel/Bienne",
    "D.C.", "(QC)", "Co.", "Dublin 2", "1138", "Budapest,", "Váci", "út", "12.", "Calle", "55", "45-23", "Jl.", "Kav.",
    "Str.", "utca", "x" * 300,
)  # fmt: skip


def _hostile_records(n: int, seed: int) -> pd.DataFrame:
    rng = random.Random(seed)

    def junk(most: int) -> str:
        return " ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, most)))

    return pd.DataFrame({
        "record_id": [f"r{i}" for i in range(n)],
        "name": [junk(6) if i % 20 else rng.choice([None, "", " ", "x" * 5000]) for i in range(n)],
        "address": [junk(5) for _ in range(n)],
        "city": [junk(3) if rng.random() < 0.7 else None for _ in range(n)],
        "country": [rng.choice([None, "", "CO", "RO", "Colombia", "España", "XX", "ישראל", "대한민국"]) for _ in range(n)],
        "postal_code": [rng.choice([None, "1138", "00000", "abc"]) for _ in range(n)],
    })  # fmt: skip


def test_hostile_cells_resolve_without_an_error_or_a_warning() -> None:
    records = _hostile_records(400, seed=3)
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)  # pandas 2's downcasting notices, say
        warnings.simplefilter("error", DeprecationWarning)
        result = resolve_entities(records)
    assert sorted(result.records["record_id"]) == sorted(records["record_id"])
    assert result.records["cluster_id"].notna().all()


def test_the_same_hostile_name_twice_is_one_company() -> None:
    records = _hostile_records(200, seed=5)
    twin = records.iloc[[7]].assign(record_id="twin")
    result = resolve_entities(pd.concat([records, twin], ignore_index=True))
    clusters = result.records.set_index("record_id")["cluster_id"]
    assert clusters["twin"] == clusters["r7"]

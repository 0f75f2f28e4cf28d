"""Blocking key values per profile, by key name: what a blocking rule's `keys` refer to.

Each key source turns the profiles into long (profile, code) rows, where equal codes mean equal
key values (codes are integers so DuckDB joins integers, not strings). Multi-valued keys (a
profile's rarest name tokens, its serials) give several rows per profile. A rule naming several
keys joins on all of them, so its code is the combination of the parts' codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
import pandas as pd

from matching.profiles import Profiles
from matching.text import as_strings
from matching.tokens import NameTokens, rarest_tokens


@dataclass(frozen=True)
class KeyInputs:
    """What key sources read: the profiles and their name-token statistics."""

    profiles: Profiles
    tokens: NameTokens


KeyFrame: TypeAlias = pd.DataFrame  # columns: profile (int32), code (int64)


def _scalar(column: str) -> Callable[[KeyInputs], KeyFrame]:
    def source(inputs: KeyInputs) -> KeyFrame:
        codes, _ = pd.factorize(inputs.profiles.table[column], use_na_sentinel=True)
        keep = codes >= 0
        return pd.DataFrame(
            {"profile": np.flatnonzero(keep).astype(np.int32), "code": codes[keep].astype(np.int64)}
        )

    source.__doc__ = f"The profile's `{column}` value."
    return source


def _long(frame: pd.DataFrame, value: str) -> KeyFrame:
    codes, _ = pd.factorize(frame[value], use_na_sentinel=True)
    keep = codes >= 0
    return pd.DataFrame(
        {
            "profile": frame["profile"].to_numpy(np.int32)[keep],
            "code": codes[keep].astype(np.int64),
        }
    )


def _serials(inputs: KeyInputs) -> KeyFrame:
    """Each look-alike-folded serial key the profile's records carry."""
    return _long(inputs.profiles.serials, "key")


def _contracts(inputs: KeyInputs) -> KeyFrame:
    """Each normalised contract number the profile's records carry."""
    return _long(inputs.profiles.contracts, "key")


def _rare_tokens(inputs: KeyInputs) -> KeyFrame:
    """Each of the profile's two rarest name tokens (common words never qualify)."""
    frame = rarest_tokens(inputs.tokens, per_profile=2, max_document_frequency=2000, min_length=3)
    return pd.DataFrame(
        {"profile": frame["profile"].to_numpy(np.int32), "code": frame["token"].to_numpy(np.int64)}
    )


def _rare_token_pair(inputs: KeyInputs) -> KeyFrame:
    """The profile's two rarest tokens together (useful when each alone is too common)."""
    frame = rarest_tokens(inputs.tokens, per_profile=2, max_document_frequency=10**9, min_length=2)
    first = frame.groupby("profile")["token"].min()
    second = frame.groupby("profile")["token"].max()
    both = frame.groupby("profile").size() == 2
    combined = first[both].to_numpy(np.int64) * len(inputs.tokens.vocabulary) + second[
        both
    ].to_numpy(np.int64)
    return pd.DataFrame({"profile": first[both].index.to_numpy(np.int32), "code": combined})


def skeletons(words: np.ndarray) -> np.ndarray:
    """Consonant skeletons: first letter, then the other letters without vowels, runs collapsed.

    "northbridge", "nrthbridge", "northbirdge" -> "nrthbrdg"/"nrthbrdg"/"nrthbrdg"; survives the
    usual typos (a dropped, doubled or swapped vowel; a doubled consonant).
    """
    arr = np.asarray(words, dtype=str)
    if len(arr) == 0:
        return arr.astype(object)
    width = max(arr.dtype.itemsize // 4, 1)
    chars = np.ascontiguousarray(arr.astype(f"U{width}")).view("U1").reshape(len(arr), width)
    vowel = np.isin(chars, list("aeiouy"))
    vowel[:, 0] = False
    repeat = np.zeros_like(vowel)
    kept = np.where(vowel, "", chars)
    # collapse runs: drop a character equal to the previous kept one
    prev = np.full(len(arr), "", dtype="U1")
    for col in range(width):  # loop over character positions, vectorised over words
        c = kept[:, col]
        repeat[:, col] = (c != "") & (c == prev)
        prev = np.where(c != "", c, prev)
    kept = np.where(repeat, "", kept)
    order = np.argsort(kept == "", axis=1, kind="stable")
    packed = np.ascontiguousarray(np.take_along_axis(kept, order, axis=1))
    return packed.view(f"U{width}").reshape(len(arr)).astype(object)


def _token_skeleton(inputs: KeyInputs) -> KeyFrame:
    """Consonant skeleton of the profile's rarest long token ("nrthbridge" ~ "northbridge")."""
    frame = rarest_tokens(inputs.tokens, per_profile=1, max_document_frequency=10**9, min_length=5)
    skeleton = skeletons(inputs.tokens.vocabulary)
    values = skeleton[frame["token"].to_numpy()]
    return _long(pd.DataFrame({"profile": frame["profile"].to_numpy(), "v": values}), "v")


def _skeleton_pairs(inputs: KeyInputs) -> KeyFrame:
    """Skeletons of the profile's rarest token paired with each of the next two rarest.

    Typo-tolerant and specific at once: a name-only record with a slip in one word ("riverpoint
    helath") still meets its company ("riverpoint health") on the pair of its most telling
    words; pairs of two common words are never formed.
    """
    frame = rarest_tokens(inputs.tokens, per_profile=3, max_document_frequency=10**9, min_length=3)
    codes, _ = pd.factorize(skeletons(inputs.tokens.vocabulary))
    frame["s"] = codes[frame["token"].to_numpy()].astype(np.int64)
    frame["rank"] = frame.groupby("profile").cumcount()
    pairs = frame[frame["rank"] == 0].merge(frame[frame["rank"] > 0], on="profile")
    lo = np.minimum(pairs["s_x"].to_numpy(), pairs["s_y"].to_numpy())
    hi = np.maximum(pairs["s_x"].to_numpy(), pairs["s_y"].to_numpy())
    pairs = pd.DataFrame({"profile": pairs["profile"].to_numpy(), "s_x": lo, "s_y": hi})
    pairs = pairs[pairs["s_x"] != pairs["s_y"]]
    width = np.int64(codes.max() + 1 if len(codes) else 1)
    return pd.DataFrame(
        {
            "profile": pairs["profile"].to_numpy(np.int32),
            "code": pairs["s_x"].to_numpy() * width + pairs["s_y"].to_numpy(),
        }
    ).drop_duplicates()


def _name_prefix(inputs: KeyInputs) -> KeyFrame:
    """First five characters of the compact normalised name."""
    prefix = as_strings(inputs.profiles.table["name_compact"]).str.slice(0, 5)
    frame = pd.DataFrame({"profile": np.arange(len(prefix), dtype=np.int32), "v": prefix})
    return _long(frame[prefix.str.len() >= 3], "v")


def _postal3(inputs: KeyInputs) -> KeyFrame:
    """First three characters of the postal code (a ZIP's sectional centre)."""
    prefix = as_strings(inputs.profiles.table["postal"]).str.slice(0, 3)
    frame = pd.DataFrame({"profile": np.arange(len(prefix), dtype=np.int32), "v": prefix})
    return _long(frame, "v")


KEY_SOURCES: dict[str, Callable[[KeyInputs], KeyFrame]] = {
    "account": _scalar("account_norm"),
    "email": _scalar("email_norm"),
    "domain": _scalar("domain_norm"),
    "phone": _scalar("phone_norm"),
    "phone_local": _scalar("phone_local"),
    "name": _scalar("name_norm"),
    "name_compact": _scalar("name_compact"),
    "street_key": _scalar("street_key"),
    "house_number": _scalar("house_number"),
    "postal": _scalar("postal"),
    "postal3": _postal3,
    "city": _scalar("city_norm"),
    "serial": _serials,
    "contract": _contracts,
    "rare_token": _rare_tokens,
    "rare_token_pair": _rare_token_pair,
    "token_skeleton": _token_skeleton,
    "skeleton_pair": _skeleton_pairs,
    "name_prefix": _name_prefix,
}


def combine_keys(parts: list[KeyFrame]) -> KeyFrame:
    """Rows for profiles having every part; the code identifies the combination of values."""
    combined = parts[0]
    for part in parts[1:]:
        merged = combined.merge(part, on="profile", suffixes=("", "_b"))
        width = np.int64(int(part["code"].max()) + 1 if len(part) else 1)
        codes, _ = pd.factorize(merged["code"].to_numpy() * width + merged["code_b"].to_numpy())
        combined = pd.DataFrame(
            {"profile": merged["profile"].to_numpy(np.int32), "code": codes.astype(np.int64)}
        )
    return combined


def key_frame(inputs: KeyInputs, keys: tuple[str, ...], cache: dict[str, KeyFrame]) -> KeyFrame:
    """The (profile, code) rows of a combination of key names (parts computed once, cached)."""
    unknown = [k for k in keys if k not in KEY_SOURCES]
    if unknown:
        raise ValueError(f"unknown blocking key(s) {unknown}; known: {sorted(KEY_SOURCES)}")
    parts = []
    for k in keys:
        if k not in cache:
            cache[k] = KEY_SOURCES[k](inputs)
        parts.append(cache[k])
    return combine_keys(parts) if len(parts) > 1 else parts[0]

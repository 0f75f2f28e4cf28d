"""Name-token statistics: vocabulary, document frequency, IDF weights and per-profile token rows.

Rare tokens carry identity ("Northbridge"), common ones do not ("Services", "Technology"): the
document frequency of each token over the profiles drives both blocking (join on each profile's
rarest tokens, never on common words) and the term-frequency-weighted name similarity used in
scoring (shared rare tokens count more than shared common ones; an extra rare token on one side,
like "Labs", counts against the pair).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from matching.text import TEXT_DTYPE

#: pseudo-count of unseen names added to the corpus size in the IDF, so a token shared by most of a
#: handful of profiles (a small test set) is not treated as a stop word
BACKGROUND_NAMES = 1000
#: tokens per profile kept in the dense matrices (longer names keep their rarest ones, so the
#: dropped tokens are the common words that carry least weight)
MAX_TOKENS = 8
#: spellings of one sound in Latin-letter company names, folded in order to a comparable key
#: (`sound_keys`): Indonesian old spelling (Djaja = Jaya, Tjahaja = Cahaya, Oetama = Utama,
#: Sentausa = Sentosa), Arabic, Hindi and Hebrew romanisations (Khaleej = Khalij, Shree = Sri,
#: Saqr = Sakr, Noor = Nour, Raghavan = Ragavan); doubled letters are folded after these
SOUND_FOLDS: tuple[tuple[str, str], ...] = (
    ("dj", "j"),
    ("tj", "c"),
    ("([aeiou])ja", r"\1ya"),  # old Indonesian "j" between vowels is "y" (Djaja, Tjahaja)
    ("oe", "u"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("au", "o"),
    ("sh", "s"),
    ("ph", "f"),
    ("kh", "h"),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("q", "k"),
    ("y", "i"),
)
#: short words spelled otherwise in some romanisations: the Arabic article ("El Nour" = "Al Noor")
SOUND_WORDS: dict[str, str] = {"el": "al"}
#: credit of a token that sounds like the other name's token but is spelled otherwise
#: (`SOUND_FOLDS`, or one vowel put between two consonants: "fajr" / "fajer"): a partial credit,
#: below an exact token, as a token only near in spelling gets
SOUND_CREDIT = 0.85
_VOWELS = "aeiou"
_DOUBLED_LETTER = "|".join(c + c for c in "abcdefghijklmnopqrstuvwxyz")  # RE2: no back-references
_DOUBLED_LETTERS = re.compile(r"([a-z])\1+")


@dataclass(frozen=True)
class NameTokens:
    """Tokens of every profile's normalised name as dense int/float matrices.

    `ids[p, k]` is the vocabulary id of profile p's k-th distinct token (-1 = none; rarest
    first), `weights` its IDF weight (0 for padding). `document_frequency[t]` counts the distinct
    names with token t, not the profiles: a customer written the same way on 500 rows is one
    name, so its words do not look common, while a stem used by 40 companies is in 40 names.
    """

    n_names: int
    vocabulary: np.ndarray
    document_frequency: np.ndarray
    idf: np.ndarray
    ids: np.ndarray
    weights: np.ndarray
    profile: np.ndarray  # long form: profile of each (profile, token) row
    token: np.ndarray  # long form: token id of each row
    #: each profile's name as a code (one per distinct name, nulls one code of their own): profiles
    #: with one code have the same `ids` and `weights` rows, so a pair's agreement is its names'
    name: np.ndarray
    #: each vocabulary token's sound key (`sound_keys`) as text, and as a code (-1: no key)
    sound_text: np.ndarray
    sound: np.ndarray


def sound_keys(vocabulary: np.ndarray) -> np.ndarray:
    """Each token's spelling with `SOUND_WORDS`, `SOUND_FOLDS` and doubled letters folded ("" for
    other tokens not of three or more letters a-z): "noor" and "nour", "djaja" and "jaya" get one key."""
    words = pd.Series(vocabulary, dtype=object)
    arr = pa.array(words.replace(SOUND_WORDS), type=pa.string())
    keyed = pc.or_(pc.match_substring_regex(arr, "^[a-z]{3,}$"), pc.is_in(arr, pa.array(list(SOUND_WORDS.values()))))
    keys = pc.if_else(keyed, arr, "")
    for pattern, replacement in SOUND_FOLDS:
        keys = pc.replace_substring_regex(keys, pattern, replacement)
    out = np.asarray(keys.to_numpy(zero_copy_only=False), dtype=object)
    doubled = np.flatnonzero(np.asarray(pc.match_substring_regex(keys, _DOUBLED_LETTER).fill_null(False)))
    out[doubled] = [_DOUBLED_LETTERS.sub(r"\1", key) for key in out[doubled].tolist()]
    return out


def name_tokens(names: pd.Series, max_tokens: int = MAX_TOKENS) -> NameTokens:
    """Token statistics of normalised names (a Series indexed 0..P-1; nulls have no tokens)."""
    n = len(names)
    name_code, distinct_names = pd.factorize(names, use_na_sentinel=True)
    arr = pa.array(names.astype(object).where(names.notna(), None), type=pa.string())
    lists = pc.split_pattern(arr, " ")
    flat = pc.list_flatten(lists).to_numpy(zero_copy_only=False)
    parents = np.asarray(pc.list_parent_indices(lists)).astype(np.int64)
    codes, vocabulary = pd.factorize(flat)
    long = pd.DataFrame({"p": parents, "t": codes}).drop_duplicates()
    long = long[long["t"] >= 0]
    profile = long["p"].to_numpy(np.int32)
    token = long["t"].to_numpy(np.int32)
    per_name = pd.DataFrame({"n": name_code[profile], "t": token}).drop_duplicates()
    df = np.bincount(per_name["t"].to_numpy(), minlength=len(vocabulary)).astype(np.int32)
    n_names = max(len(distinct_names), 1)
    idf = np.log((n_names + BACKGROUND_NAMES) / (df + 0.5)).astype(np.float32)
    order = np.lexsort((token, df[token], profile))  # by profile, rarest token first
    profile, token = profile[order], token[order]
    # position of each token within its profile
    start = np.r_[0, np.flatnonzero(np.diff(profile)) + 1]
    run_lengths = np.diff(np.r_[start, len(profile)])
    position = np.arange(len(profile)) - np.repeat(start, run_lengths)
    keep = position < max_tokens
    ids = np.full((n, max_tokens), -1, dtype=np.int32)
    ids[profile[keep], position[keep]] = token[keep]
    weights = np.r_[idf, np.float32(0)][ids].astype(np.float32)  # -1 (padding) picks the 0
    sound_text = sound_keys(np.asarray(vocabulary, dtype=object))
    sound = pd.factorize(pd.Series(sound_text, dtype=object).replace("", None), use_na_sentinel=True)[0]
    return NameTokens(
        n_names=n_names,
        vocabulary=np.asarray(vocabulary, dtype=object),
        document_frequency=df,
        idf=idf,
        ids=ids,
        weights=weights,
        profile=profile,
        token=token,
        name=np.where(name_code >= 0, name_code, len(distinct_names)).astype(np.int64),
        sound_text=sound_text,
        sound=sound.astype(np.int32),
    )


def rarest_tokens(
    tokens: NameTokens,
    per_profile: int = 2,
    max_document_frequency: int = 1000,
    min_length: int = 2,
) -> pd.DataFrame:
    """(profile, token) rows: each profile's `per_profile` rarest tokens (ties: earlier token).

    Tokens shorter than `min_length` or in more than `max_document_frequency` profiles are never
    chosen: joining on a common word makes huge blocks of unrelated names.
    """
    frame = pd.DataFrame({"profile": tokens.profile, "token": tokens.token})
    frame["df"] = tokens.document_frequency[frame["token"].to_numpy()]
    length = pd.Series(tokens.vocabulary).str.len().to_numpy()[frame["token"].to_numpy()]
    frame = frame[(frame["df"] <= max_document_frequency) & (length >= min_length)]
    frame = frame.sort_values(["profile", "df", "token"], kind="stable")
    rank = frame.groupby("profile").cumcount()
    return frame.loc[rank < per_profile, ["profile", "token"]].reset_index(drop=True)


@dataclass(frozen=True)
class NameAgreement:
    """Per pair: soft TF-IDF coverage, each side's own covered share, and the name ambiguity."""

    coverage: np.ndarray
    own_left: np.ndarray
    own_right: np.ndarray
    ambiguity: np.ndarray
    #: how many tokens the two names agree on (the smaller count of the two sides)
    shared_tokens: np.ndarray
    #: how many whole words (3+ characters) with no counterpart at all in the other name ("kalip" of
    #: "anadolu makina kalip san ve tic" against "anadolu makina san ve tic") the side with more has
    distinct_words: np.ndarray
    #: the same for the side with fewer: 1 or more when each name has a word of its own ("schelde
    #: *services*" / "schelde *techniek*": one stem, two different companies' names)
    own_words: np.ndarray


#: credit of a token that the other name has only cut short ("environme" of "environmental")
PREFIX_CREDIT = 0.9


#: below this share of distinct name pairs among the pairs, each distinct pair is computed once
DISTINCT_NAME_PAIRS_SHARE = 0.7


def soft_token_coverage(
    tokens: NameTokens,
    left: np.ndarray,
    right: np.ndarray,
    min_token_similarity: float = 0.8,
    chunk: int = 250_000,
) -> NameAgreement:
    """`name_agreement` of each pair, computed once per distinct pair of names: many profiles share a
    name (one company on several sources' rows), and at a million source rows a batch of pairs holds
    about one distinct pair of names in five."""
    if len(left) < 2:
        return name_agreement(tokens, left, right, min_token_similarity, chunk)
    key = tokens.name[left] * np.int64(tokens.name.max() + 1) + tokens.name[right]
    distinct, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    if len(distinct) > DISTINCT_NAME_PAIRS_SHARE * len(left):
        return name_agreement(tokens, left, right, min_token_similarity, chunk)
    once = name_agreement(tokens, left[first], right[first], min_token_similarity, chunk)
    inverse = inverse.ravel()
    return NameAgreement(*(getattr(once, f.name)[inverse] for f in fields(NameAgreement)))


def _vowel_put_between(a: str, b: str) -> bool:
    """Whether one key is the other with one vowel put between two consonants ("fajr" / "fajer",
    "nasr" / "naser"): a vowel written or not in a romanisation; "far" / "fair" is another word."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1 or Indel.distance(short, long) != 1:
        return False
    k = next(i for i in range(len(long)) if i == len(short) or short[i] != long[i])
    inner = 0 < k < len(long) - 1
    return inner and long[k] in _VOWELS and long[k - 1] not in _VOWELS and long[k + 1] not in _VOWELS


def _sound_alike(
    tokens: NameTokens, key_length: np.ndarray, skeleton: np.ndarray, da: np.ndarray, db: np.ndarray
) -> np.ndarray:
    """Per pair of vocabulary tokens: the same sound key, or keys one vowel apart (`_vowel_put_between`;
    the few pairs with the same consonants and keys one letter apart are tested one by one)."""
    ka, kb = tokens.sound[da], tokens.sound[db]
    alike = (ka >= 0) & (ka == kb)
    la, lb = key_length[da], key_length[db]
    maybe = np.flatnonzero((ka >= 0) & (kb >= 0) & (skeleton[da] == skeleton[db]) & (np.abs(la - lb) == 1))
    ta, tb = tokens.sound_text[da[maybe]], tokens.sound_text[db[maybe]]
    for k, a, b in zip(maybe.tolist(), ta.tolist(), tb.tolist(), strict=True):
        alike[k] = a[0] == b[0] and _vowel_put_between(a, b)
    return alike


def name_agreement(
    tokens: NameTokens,
    left: np.ndarray,
    right: np.ndarray,
    min_token_similarity: float = 0.8,
    chunk: int = 250_000,
) -> NameAgreement:
    """IDF-weighted share of both names' tokens found in the other name ("soft TF-IDF").

    A token counts as found when the other name has it exactly; or (tokens of 5+ characters) a
    token at least `min_token_similarity` similar (rapidfuzz ratio), credited by that similarity;
    or (3+ characters) it is the start of the other's token, a name cut short by a 20-character
    field, credited PREFIX_CREDIT; or (3+ letters) it sounds like the other's token, spelled by
    another romanisation ("noor" / "nour", "shri" / "sri", "djaja" / "jaya", "fajr" / "fajer":
    `_sound_alike`), credited SOUND_CREDIT. "nrthbridge capital" ~ "northbridge capital" scores about
    0.95, "northbridge capital" vs "northbridge capital labs" falls by the weight of "labs",
    names sharing only "services" score low. NaN when either name has no tokens. Works on the
    dense token matrices chunk by chunk; token similarities are computed once per distinct token
    pair with `process.cpdist`.

    `own_left` / `own_right` are each name's own covered share (1.0 for "willowport" against
    "willowport pharmaceuticals"). `ambiguity` is how many distinct names are expected to carry
    every token the two names agree on, estimated as N * prod(df_t / N) over the agreed tokens
    (N distinct names, tokens taken as independent), for the less specific side (a typo'd token
    is rare only on its own side): "capital group" agrees on two common words (hundreds of
    names), "riverpoint health" on a stem shared by 80 companies and a common word (about one),
    a lone "riverpoint" on the stem (80). 0 when nothing agrees.

    `distinct_words` is the number of whole words one name has that the other lacks (no exact,
    near or prefix counterpart; 3+ characters, so an initial does not count), for the side with
    more, and `shared_tokens` the number of tokens the names agree on (`comparisons.name_similarity`
    reads both).
    """
    coverage = np.full(len(left), np.nan, dtype=np.float32)
    own_left = np.full(len(left), np.nan, dtype=np.float32)
    own_right = np.full(len(left), np.nan, dtype=np.float32)
    ambiguity = np.zeros(len(left), dtype=np.float64)
    shared_tokens = np.zeros(len(left), dtype=np.int8)
    distinct_words = np.zeros(len(left), dtype=np.int8)
    own_words = np.zeros(len(left), dtype=np.int8)
    n_names = tokens.n_names
    # vocabulary-indexed arrays get one extra entry at the end, which padding (-1) selects
    log_share = np.r_[np.log(np.maximum(tokens.document_frequency, 1) / n_names), 0.0]
    vocab = tokens.vocabulary
    length = np.r_[pd.Series(vocab, dtype=TEXT_DTYPE).str.len().to_numpy(dtype=np.int64), 0]
    n_vocab = np.int64(len(vocab))
    sound = np.r_[tokens.sound, -1]
    keys = pd.Series(tokens.sound_text, dtype=TEXT_DTYPE)
    key_length = keys.str.len().to_numpy(dtype=np.int64)
    skeleton = pd.factorize(keys.str.replace(f"[{_VOWELS}]", "", regex=True))[0]  # the consonants of each key
    for lo in range(0, len(left), chunk):
        li, ri = left[lo : lo + chunk], right[lo : lo + chunk]
        a, b = tokens.ids[li], tokens.ids[ri]
        wa, wb = tokens.weights[li], tokens.weights[ri]
        valid_a, valid_b = a >= 0, b >= 0
        eq = (a[:, :, None] == b[:, None, :]) & valid_a[:, :, None]
        credit_a = eq.any(axis=2).astype(np.float32)
        credit_b = eq.any(axis=1).astype(np.float32)
        open_a = valid_a & ((length[a] >= 3) | (sound[a] >= 0)) & (credit_a == 0)
        open_b = valid_b & ((length[b] >= 3) | (sound[b] >= 0)) & (credit_b == 0)
        pi, i, j = np.nonzero(open_a[:, :, None] & open_b[:, None, :])
        if len(pi):
            ta, tb = a[pi, i].astype(np.int64), b[pi, j].astype(np.int64)
            distinct, inverse = np.unique(ta * n_vocab + tb, return_inverse=True)
            da, db = distinct // n_vocab, distinct % n_vocab
            sims = process.cpdist(
                vocab[da],
                vocab[db],
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=min_token_similarity * 100,
                workers=-1,
            )
            sims = np.where((length[da] >= 5) & (length[db] >= 5), np.asarray(sims) / 100, 0.0)
            sa, sb = vocab[da].astype(str), vocab[db].astype(str)
            prefix = np.char.startswith(sa, sb) | np.char.startswith(sb, sa)
            prefix &= (length[da] >= 3) & (length[db] >= 3)  # "al" is a word, not "alfajr" cut short
            sims = np.maximum(sims, np.where(prefix, PREFIX_CREDIT, 0.0))
            alike = _sound_alike(tokens, key_length, skeleton, da, db)
            sims = np.maximum(sims, np.where(alike, SOUND_CREDIT, 0.0)).astype(np.float32)
            s = sims[inverse.ravel()]
            hit = s > 0
            best_a = np.zeros_like(credit_a)
            best_b = np.zeros_like(credit_b)
            np.maximum.at(best_a, (pi[hit], i[hit]), s[hit])
            np.maximum.at(best_b, (pi[hit], j[hit]), s[hit])
            credit_a = np.maximum(credit_a, best_a)
            credit_b = np.maximum(credit_b, best_b)
        got_a, got_b = (wa * credit_a).sum(axis=1), (wb * credit_b).sum(axis=1)
        tot_a, tot_b = wa.sum(axis=1), wb.sum(axis=1)
        total = tot_a + tot_b
        both = valid_a[:, 0] & valid_b[:, 0]
        cov = np.where(total > 0, (got_a + got_b) / np.maximum(total, 1e-9), 1.0)
        coverage[lo : lo + chunk] = np.where(both, cov, np.nan)
        own_left[lo : lo + chunk] = np.where(both, got_a / np.maximum(tot_a, 1e-9), np.nan)
        own_right[lo : lo + chunk] = np.where(both, got_b / np.maximum(tot_b, 1e-9), np.nan)
        share_a = np.where(credit_a > 0, log_share[a], 0.0).sum(axis=1)
        share_b = np.where(credit_b > 0, log_share[b], 0.0).sum(axis=1)
        agreed = (credit_a > 0).any(axis=1)
        expected = n_names * np.exp(np.maximum(share_a, share_b))
        ambiguity[lo : lo + chunk] = np.where(agreed, np.maximum(expected, 1.0), 0.0)
        lone_a = valid_a & (credit_a == 0) & (length[a] >= 3)
        lone_b = valid_b & (credit_b == 0) & (length[b] >= 3)
        shared = np.minimum((credit_a > 0).sum(axis=1), (credit_b > 0).sum(axis=1))
        shared_tokens[lo : lo + chunk] = np.where(both, shared, 0)
        words = np.maximum(lone_a.sum(axis=1), lone_b.sum(axis=1))
        distinct_words[lo : lo + chunk] = np.where(both, words, 0)
        fewer = np.minimum(lone_a.sum(axis=1), lone_b.sum(axis=1))
        own_words[lo : lo + chunk] = np.where(both, fewer, 0)
    return NameAgreement(
        coverage, own_left, own_right, ambiguity, shared_tokens, distinct_words, own_words
    )

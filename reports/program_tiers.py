"""A partner program's tier as written ("Partenaire Or", "Goldpartner", "Auth.") read as the configured
tier of `valuation.partner_share` it names; the table `rv_program_tiers` (reports/sql/program_tiers.sql).

Both sides are read the same way, word by word:

1. a trailing "(formerly …)", "(upgraded from …)", ", vormals …", "ex-…", "anciennement …" clause is
   dropped (the tier it names is history, not the tier in force);
2. case, accents and punctuation are folded ("agréé" = "agree", "Złoty" = "zloty"), UK spellings read
   as US ones ("authorised" = "authorized", "licenced" = "licensed", "programme" = "program");
3. a compound that starts or ends with a generic word is split ("goldpartner" = "gold partner",
   "T1" = "tier 1"); generic words (partner, tier, level, status, member, certified, reseller and
   their translations) are dropped - unless a configured key is made of nothing else;
4. tier words of other languages read as the English one ("oro", "argent", "złoty", "ゴールド");
5. a word of 3+ letters that is the start of exactly one configured tier word is that word
   ("auth" = "authorized", "plat" = "platinum").

A configured tier is named when all its words are among the written ones. Of the tiers named, one
whose words are all among another's gives way to it ("platinum plus" over "platinum"); when two
different tiers remain ("gold / silver") the written tier is ambiguous and reads as none. A tier
that names none, or is ambiguous, keeps its row with no tier and a `note` saying why: its partners
get the default share and their opportunities' basis says so (reports/sql/opportunity_split.sql).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import duckdb
import pandas as pd

from reports.steps import PROGRAM_TIERS, REPORTS_SQL
from warehouse.text_fold import fold

#: configured keys that are no tier (the share without terms, and without a reseller)
SPECIAL_KEYS: frozenset[str] = frozenset({"default", "direct"})

#: words that say "this is a tier" but name none (folded form, every language the exports came in)
_GENERIC_RAW: tuple[str, ...] = (
    # English
    "partner", "partners", "partnership", "tier", "tiers", "level", "levels", "status", "member", "membership",
    "program", "programme", "certified", "certification", "reseller", "resellers", "channel",
    # German
    "partnerstufe", "partnerstatus", "partnerprogramm", "stufe", "status", "mitglied", "mitgliedschaft",
    "programm", "zertifiziert", "zertifizierter", "zertifizierte", "handler", "händler", "wiederverkäufer",
    "vertriebspartner",
    # French
    "partenaire", "partenaires", "niveau", "statut", "membre", "programme", "certifié", "certifiée",
    "revendeur", "palier",
    # Spanish / Portuguese
    "socio", "socia", "nivel", "estado", "estatus", "miembro", "programa", "certificado", "certificada",
    "distribuidor", "revendedor", "parceiro", "parceira", "membro", "categoria", "categoría",
    # Italian
    "livello", "stato", "membro", "programma", "certificato", "certificata", "rivenditore",
    # Dutch
    "niveau", "programma", "gecertificeerd", "gecertificeerde", "wederverkoper",
    # Swedish / Danish / Norwegian
    "partnernivå", "nivå", "niva", "medlem", "certifierad", "återförsäljare",
    # Polish
    "partnera", "poziom", "członek", "certyfikowany", "status",
    # Japanese
    "パートナー", "ティア", "レベル", "認定",
)

#: a compound of a tier/level word and a number ("t1", "lvl2", "tier3")
_ORDINAL = re.compile(r"^(?:t|l|lv|lvl|tier|level|stufe|niveau|nivel|livello|poziom)(\d+)$")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
#: words after which a roman numeral is a number ("tier ii")
_ORDINAL_WORDS_RAW = ("tier", "level", "stufe", "niveau", "nivel", "livello", "poziom", "t", "l")

#: tier words of other languages -> the English tier word
_TRANSLATIONS_RAW: dict[str, tuple[str, ...]] = {
    "gold": ("or", "oro", "ouro", "goud", "gouden", "guld", "gull", "złoty", "złota", "złote", "golden",
             "dorado", "doré", "ゴールド", "金"),
    "silver": ("argent", "plata", "argento", "prata", "zilver", "zilveren", "silber", "srebrny", "srebrna",
               "srebrne", "sølv", "silberner", "シルバー", "銀"),
    "bronze": ("bronce", "bronzo", "brons", "brąz", "brązowy", "brązowa", "ブロンズ", "銅"),
    "platinum": ("platine", "platino", "platin", "platyna", "platina", "プラチナ"),
    "diamond": ("diamant", "diamante", "ダイヤモンド"),
    "authorized": ("autorisé", "autorisée", "agréé", "agréée", "agree", "autorizado", "autorizada", "autorizzato",
                   "autorizzata", "geautoriseerd", "geautoriseerde", "autorisiert", "autorisierter",
                   "autorisierte", "auktoriserad", "autoryzowany", "autoryzowana", "autorizovaný"),
    "registered": ("enregistré", "enregistrée", "registrado", "registrada", "registrato", "registrata",
                   "geregistreerd", "geregistreerde", "registriert", "registrierter", "registrierte",
                   "registrerad", "zarejestrowany", "zarejestrowana"),
    "preferred": ("préféré", "préférée", "privilégié", "preferido", "preferida", "preferente", "preferito",
                  "bevorzugt", "bevorzugter", "voorkeur"),
    "premier": ("première",),
    "select": ("sélect", "selecto", "selezionato"),
}

#: tier words that are English words too ("or"): a tier only first or last ("Partenaire Or", "Or Partner")
_EDGE_ONLY: frozenset[str] = frozenset({"or"})

#: UK spellings folded to US ones, whole-word suffix rules (applied to both sides)
_SPELLING: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\w{3,})is(e|ed|er|ers|es|ing|ation|ations)$"), r"\1iz\2"),
    (re.compile(r"^licenc(e|ed|es|ing)$"), r"licens\1"),
    (re.compile(r"^(\w+)tre$"), r"\1ter"),
    (re.compile(r"^programme(s?)$"), r"program\1"),
    (re.compile(r"^(colo|hono|favo|labo)ur(\w*)$"), r"\1r\2"),
)

#: a clause naming an earlier tier: dropped before reading (parenthesised, or trailing after a separator)
_HISTORY_WORDS = (
    r"formerly|previously|prior|upgraded|downgraded|promoted|demoted|moved|changed|was|since|ex|"
    r"vormals|ehemals|fruher|früher|bisher|zuvor|anciennement|auparavant|ancien|"
    r"antes|anteriormente|antiguo|precedentemente|gia|già|prima|voorheen|vroeger|tidigare|forut|dawniej|"
    r"wczesniej|wcześniej|旧|元"
)
_HISTORY_PAREN = re.compile(rf"[(\[]\s*(?:{_HISTORY_WORDS})\b[^)\]]*[)\]]?", re.IGNORECASE)
_HISTORY_TRAIL = re.compile(
    rf"(?:[,;/|–—]|\s-\s|\s)\s*(?:{_HISTORY_WORDS})(?:\b|(?=-))\s*-?.*$", re.IGNORECASE)
#: "ex-gold" / "ex gold" as a trailing clause
_EX_TRAIL = re.compile(r"(?:^|[\s,;(])ex[-\s]\s*\S.*$", re.IGNORECASE)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
def _spelling(word: str) -> str:
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


def _fold_word(word: str) -> str:
    return _spelling(fold(word))


def _folded_words(raw: Iterable[str]) -> frozenset[str]:
    return frozenset(w for r in raw for w in (_fold_word(t) for t in _WORD.findall(fold(r))))


GENERIC: frozenset[str] = _folded_words(_GENERIC_RAW)
_ORDINAL_WORDS: frozenset[str] = _folded_words(_ORDINAL_WORDS_RAW)
TRANSLATIONS: dict[str, str] = {
    _fold_word(word): _fold_word(english)
    for english, words in _TRANSLATIONS_RAW.items() for word in words for word in _WORD.findall(fold(word))
}


def drop_history(text: str) -> str:
    """The text without a clause naming an earlier tier ("gold (upgraded from silver)" -> "gold")."""
    text = _HISTORY_PAREN.sub(" ", text)
    text = _EX_TRAIL.sub(" ", text)
    stripped = _HISTORY_TRAIL.sub(" ", text)
    return stripped if _WORD.search(stripped) else text  # a tier that is nothing but the clause stays


def _split_compound(word: str) -> list[str]:
    """"goldpartner" -> ["gold", "partner"], "t1" -> ["tier", "1"]; a word that is no compound as is."""
    if word in GENERIC or word in TRANSLATIONS:
        return [word]
    ordinal = _ORDINAL.match(word)
    if ordinal:
        return ["tier", ordinal.group(1)]
    for generic in sorted(GENERIC, key=len, reverse=True):
        if len(word) - len(generic) < 3:
            continue
        if word.startswith(generic):
            return [generic, *_split_compound(word[len(generic):])]
        if word.endswith(generic):
            return [*_split_compound(word[:-len(generic)]), generic]
    return [word]


def words(text: str) -> list[str]:
    """A tier's words as compared: history dropped, folded, compounds split, other languages in English
    (generic words still in)."""
    split = [w for token in _WORD.findall(fold(drop_history(text))) for w in _split_compound(_fold_word(token))]
    out: list[str] = []
    for i, word in enumerate(split):
        if word in _ROMAN and out and out[-1] in _ORDINAL_WORDS:
            word = _ROMAN[word]
        elif word in _EDGE_ONLY and 0 < i < len(split) - 1:  # "partner or reseller": English, no tier
            out.append(word)
            continue
        out.append(_spelling(TRANSLATIONS.get(word, word)))
    return out


def key_words(key: str) -> frozenset[str]:
    """A configured tier's words without the generic ones - all of them when it has no other."""
    every = words(key)
    specific = frozenset(w for w in every if w not in GENERIC)
    return specific or frozenset(every)


@dataclass(frozen=True)
class TierReading:
    """What a written tier reads as: the configured tier, or none with the reason (`note`)."""

    tier: str | None
    note: str | None = None


def _expand(word: str, vocabulary: frozenset[str]) -> str:
    """A 3+ letter start of exactly one configured tier word is that word ("auth" -> "authorized")."""
    if word in vocabulary or word in GENERIC or len(word) < 3 or word.isdigit():
        return word
    starts = [v for v in vocabulary if v.startswith(word)]
    return starts[0] if len(starts) == 1 else word


def read_tier(written: str, configured: Mapping[str, frozenset[str]]) -> TierReading:
    """The configured tier (key of `configured`: its `key_words`) a written tier names."""
    vocabulary = frozenset(w for ws in configured.values() for w in ws)
    every = [_expand(w, vocabulary) for w in words(written)]
    specific = frozenset(w for w in every if w not in GENERIC)
    named = {key: ws for key, ws in configured.items()
             if ws and ws <= (specific if not ws <= GENERIC else frozenset(every))}
    # a tier whose words are all among another named tier's gives way ("platinum" to "platinum plus",
    # a tier of generic words only to any other)
    widest = {key: ws for key, ws in named.items()
              if not any(other != key and (ws < o or (ws <= GENERIC and not o <= GENERIC))
                         for other, o in named.items())}
    if not widest:
        return TierReading(None, "names no tier of valuation.partner_share")
    if len(set(widest.values())) > 1:
        *first, last = sorted(widest)
        return TierReading(None, f"names both {', '.join(first)} and {last} of valuation.partner_share")
    return TierReading(min(widest, key=lambda k: (-len(k), k)))


def configured_tiers(keys: Iterable[str]) -> dict[str, frozenset[str]]:
    """The configured tiers (`valuation.partner_share` keys, `default` and `direct` left out) with their words."""
    return {key: key_words(key) for key in keys if key.strip().lower() not in SPECIAL_KEYS}


def tier_readings(written: Iterable[str], keys: Iterable[str]) -> pd.DataFrame:
    """(written, tier, note) for every distinct written tier: the configured tier it names, or none and why."""
    configured = configured_tiers(keys)
    rows = [(w, *_as_row(read_tier(w, configured))) for w in dict.fromkeys(written)]
    return pd.DataFrame({
        "written": pd.Series([r[0] for r in rows], dtype="string"),
        "tier": pd.Series([r[1] for r in rows], dtype="string"),
        "note": pd.Series([r[2] for r in rows], dtype="string"),
    })


def _as_row(reading: TierReading) -> tuple[str | None, str | None]:
    return reading.tier, reading.note


def build_program_tiers(con: duckdb.DuckDBPyConnection) -> None:
    """TEMP rv_program_tiers from partner_terms' distinct tiers and rv_partner_share's keys."""
    written = [w for (w,) in con.execute(
        "SELECT DISTINCT tier FROM partner_terms WHERE tier IS NOT NULL ORDER BY tier").fetchall()]
    keys = [k for (k,) in con.execute("SELECT tier FROM rv_partner_share WHERE tier IS NOT NULL").fetchall()]
    REPORTS_SQL.run(con, PROGRAM_TIERS, frames={"program_tier_readings": tier_readings(written, keys)})

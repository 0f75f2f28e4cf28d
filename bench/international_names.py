"""Customer matching on company names, streets and cities of other countries, as five sources write them.

Measures `matching.resolve.resolve_entities` on a generated world with ground truth: companies of 21
countries (vocabulary: `bench.international_vocab`), each written as a CRM, an ERP export, two
distributor reports and a sales rep's tracker write them (legal forms spelled out, cut or left off,
upper case, fixed-width fields, native script or Latin, streets abbreviated, English city names, a city
after the name), with namesakes and sibling companies planted beside them. It prints pairwise precision,
recall and F1 overall, per subset and per country, then the errors: missed true pairs and false merges,
with the normalised names the code made (records.csv, fn_pairs.csv and fp_pairs.csv in --out).

The matching rules of 2026-12-06 were tuned on seed 7; seeds 11 and 23 were held out.

`--vocab` chooses the countries (`VOCABS`): "tuned" (the default, `bench.international_vocab`, the 21
countries above), "heldout" (`bench.international_vocab_heldout`, 21 other countries; the matcher was
tuned on it in sessions 26-27) or "heldout3" (`bench.international_vocab_heldout3`, 22 more, never tuned
on: the yardstick). A vocabulary turns on the generator's features by what it declares; the tuned one
declares none of them, so its worlds are those of before the features existed:

* a name pattern with "||" variants ("I S||S I") and industry words with "|" variants: a company named in
  two or more languages or name orders, the CRM writing the first one mostly (`given`: first names, "G");
* a legal-form spelling with "{}": a template around the name ("PT {} Tbk"); `prefix`: a spelling written
  before a name that keeps its form ("S.C. ... S.R.L.");
* `spellings`: groups of spellings of one word a source swaps ("Agarwal" / "Aggarwal");
  `char_variants`: a character table a source writes now and then ("ş" / "ș");
* cities of four fields, the fourth the city's other names (renames, exonyms: "Bombay", "Kiev");
* streets with "{n}" (the house number) in Latin-script countries too; `addr_city_prefix`: the share of
  addresses written with "postal city, " in front; `native_digits`: digits a native-script address may
  be written in (Persian);
* `phone_local`: the national phone formats; `latin_share`: how often each source writes a
  native-script company in Latin letters.

`--off` switches off some of these kinds of noise (an ablation; it draws other random numbers).

    python -m bench.international_names --seed 7 [--vocab tuned|heldout|heldout3|heldout4] [--off KIND ...]
        [--out DIR] [--no-addr-variants] [--no-exonyms] [--json FILE]
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from matching.addresses import normalise_cities
from matching.legal_forms import _cut_spellings, all_forms
from matching.profiles import build_profiles
from matching.resolve import resolve_entities
from matching.text import fold_ascii

ROOT = Path(__file__).resolve().parents[1]

SOURCES = ("crm", "erp", "dist_a", "dist_b", "tracker")
#: the columns `resolve_entities` is given
RECORD_COLUMNS = ("record_id", "name", "address", "city", "postal_code", "country", "phone", "domain", "email",
                  "account", "source")

T = TypeVar("T")
Spec = dict[str, Any]
Subsets = tuple[tuple[str, str, Callable[[pd.DataFrame], pd.Series]], ...]

#: the vocabularies by name: the module of each
VOCABS = {"tuned": "bench.international_vocab", "heldout": "bench.international_vocab_heldout",
          "heldout3": "bench.international_vocab_heldout3", "heldout4": "bench.international_vocab_heldout4"}
#: the kinds of noise --off switches off: "variants" (every source writes a company's first language),
#: "respell" (spelling variants), "city_alts" (other city names), "addr_prefix" (a city before the street)
OFF_KINDS = ("variants", "respell", "city_alts", "addr_prefix")
#: the probabilities that (crm, erp, dist_a, dist_b) write a native-script company in Latin letters
DEFAULT_LATIN_SHARE = (0.5, 0.3, 0.6, 0.85)


@dataclass(frozen=True)
class Vocab:
    """The countries of a world, and the words that make sibling companies' names."""

    name: str
    countries: dict[str, Spec]
    sibling_words: dict[str, list[str]]
    native_sibling_words: dict[str, list[tuple[str, str]]]
    compound_siblings: dict[str, str]

    @property
    def native_script(self) -> frozenset[str]:
        """The countries whose companies are written in their own script as well as in Latin letters."""
        return frozenset(cc for cc, spec in self.countries.items() if spec.get("native"))

    @property
    def native_label(self) -> str:
        """The native-script countries as the report names them ("RU/GR/JP/CN")."""
        return "/".join(cc for cc, spec in self.countries.items() if spec.get("native"))

    def subsets(self) -> Subsets:
        """The subsets scored besides all records: key, label, which records."""
        native = self.native_script
        return (
            ("without_tracker", "without tracker (name-only-ish) records", lambda df: df["source"] != "tracker"),
            ("latin_script", "Latin-script countries only", lambda df: ~df["cc"].isin(native)),
            ("native_script", f"{self.native_label} only", lambda df: df["cc"].isin(native)),
            ("base_only", "base entities only (no planted relatives)", lambda df: df["kind"] == "base"),
        )


def load_vocab(name: str) -> Vocab:
    """The vocabulary `name` of `VOCABS`."""
    module = importlib.import_module(VOCABS[name])
    return Vocab(name, module.COUNTRIES, module.SIBLING_WORDS, module.NATIVE_SIBLING_WORDS, module.COMPOUND_SIBLINGS)


TUNED = load_vocab("tuned")
#: the tuned vocabulary's countries, native-script countries and subsets
COUNTRIES = TUNED.countries
NATIVE_SCRIPT = TUNED.native_script
SUBSETS = TUNED.subsets()


# --------------------------------------------------------------------------- text helpers
def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def translit(s: str, table: dict[str, str]) -> str:
    """`s` as an old ASCII export writes it: the country's transliteration, then accents dropped."""
    for k, v in table.items():
        s = s.replace(k, v)
    return strip_accents(s)


def pick(rng: np.random.Generator, seq: Sequence[T]) -> T:
    return seq[int(rng.choice(len(seq)))]


def slug_of(name: str) -> str:
    """The web-domain label of a name: "Müller & Söhne" -> "muller-sohne"."""
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(name.lower())).strip("-")


# --------------------------------------------------------------------------- companies
@dataclass(frozen=True)
class Company:
    """One company of the world (the ground truth of its records)."""

    cc: str
    base: str  #: the name without legal form (the native-script name in RU, GR, JP, CN)
    pattern: str  #: the vocabulary's name pattern ("S I", ...), "stem" for a native-script name
    native: str | None  #: the native-script name, None in Latin-script countries
    latins: tuple[str, ...] | None  #: the native-script name's Latin spellings
    form_i: int  #: its legal form: index into the country's `forms`
    city_i: int
    city: str
    city_latin: str  #: the city as an English-language source writes it ("Munich")
    postal: str
    street_i: int
    number: int
    phone_cc: str
    area: str
    subscriber: str
    slug: str  #: its web domain's label
    kind: str  #: "base", "namesake" or "sibling"
    of: int | None  #: a namesake's or sibling's base company
    variants: tuple[str, ...] | None = None  #: a Latin name in each language / name order (the first = base)
    city_alts: tuple[str, ...] = ()  #: other names of the city (renames, exonyms)


def base_name(rng: np.random.Generator, spec: Spec) -> tuple[str, str, tuple[str, ...] | None]:
    """(base name, pattern, variants) of a Latin-script company: the variants are the name in each
    language or name order of a "||" pattern (None for a name of one language)."""
    pattern = pick(rng, spec["patterns"])
    s, s2 = pick(rng, spec["surnames"]), pick(rng, spec["surnames"])
    while s2 == s:
        s2 = pick(rng, spec["surnames"])
    industry = pick(rng, spec["industry"]).split("|")
    given = pick(rng, spec["given"]) if spec.get("given") else ""
    names = []
    for k, pat in enumerate(pattern.split("||")):
        words = {"S": s, "S2": s2, "Ss": s if s.endswith("s") else s + "s", "I": industry[min(k, len(industry) - 1)],
                 "G": given}
        names.append(" ".join(words.get(tok, tok) for tok in pat.split(" ")))
    variants = tuple(names) if len(set(names)) > 1 else None
    return names[0], pattern, variants


def new_company(rng: np.random.Generator, vocab: Vocab, cc: str, base: str, pattern: str,
                native: tuple[str, Sequence[str]] | None, city_i: int, kind: str, of: int | None = None,
                form_i: int | None = None, variants: tuple[str, ...] | None = None) -> Company:
    """A company named `base` (`native`: its native-script name and Latin spellings; `variants`: its
    names in other languages) in city `city_i`."""
    spec = vocab.countries[cc]
    if form_i is None:
        weights = [w for _, w in spec["forms"]]
        form_i = int(rng.choice(len(weights), p=np.array(weights, float) / sum(weights)))
    city, city_latin, postal_code, *other_names = spec["cities"][city_i]
    street_i = int(rng.integers(0, len(spec["streets"])))
    number = int(rng.integers(1, 180))
    phone_cc, areas = spec["phone"]
    subscriber = str(int(rng.integers(1_000_000, 9_999_999)))
    latins = tuple(native[1]) if native else None
    slug = slug_of(translit(latins[0] if latins else base, spec.get("translit", {})))
    slug = slug.replace("-and-", "-").replace("-s-", "-")
    return Company(
        cc=cc, base=base, pattern=pattern, native=native[0] if native else None, latins=latins, form_i=form_i,
        city_i=city_i, city=city, city_latin=city_latin, postal=postal_code(rng), street_i=street_i, number=number,
        phone_cc=phone_cc, area=areas[city_i % len(areas)], subscriber=subscriber, slug=slug, kind=kind, of=of,
        variants=variants, city_alts=tuple(other_names[0]) if other_names else (),
    )


def make_companies(rng: np.random.Generator, vocab: Vocab, per_country: int) -> list[Company]:
    """`per_country` companies of each Latin-script country, one of each stem of the native-script ones."""
    companies: list[Company] = []
    for cc, spec in vocab.countries.items():
        n_cities = len(spec["cities"])
        if spec.get("native"):
            for stem, latins in spec["stems"]:
                city_i = int(rng.integers(0, n_cities))
                companies.append(new_company(rng, vocab, cc, stem, "stem", (stem, latins), city_i, "base"))
            continue
        used: set[str] = set()
        for _ in range(per_country):
            for _attempt in range(50):  # a name not used yet in the country, if 50 draws find one
                base, pattern, variants = base_name(rng, spec)
                city_i = int(rng.integers(0, n_cities))
                if base not in used:
                    break
            used.add(base)
            companies.append(new_company(rng, vocab, cc, base, pattern, None, city_i, "base", variants=variants))
    return companies


def namesake(rng: np.random.Generator, vocab: Vocab, companies: list[Company], k: int) -> Company:
    """Another company of the same name, elsewhere in the country (a quarter of them in the same city)."""
    c = companies[k]
    n_cities = len(vocab.countries[c.cc]["cities"])
    same_city = rng.random() < 0.25
    city_i = c.city_i if same_city else int((c.city_i + 1 + rng.integers(0, n_cities - 1)) % n_cities)
    form_i = c.form_i if rng.random() < 0.7 else None
    native = (c.native, c.latins) if c.native is not None and c.latins is not None else None
    made = new_company(rng, vocab, c.cc, c.base, c.pattern, native, city_i, "namesake", of=k, form_i=form_i,
                       variants=c.variants)
    city_latin = vocab.countries[c.cc]["cities"][city_i][1]
    return replace(made, slug=c.slug + "-" + re.sub(r"[^a-z]+", "", strip_accents(city_latin.lower())))


def sibling(rng: np.random.Generator, vocab: Vocab, companies: list[Company], k: int) -> Company:
    """A related company whose name has a word more ("Müller Bau Service") or a longer word ("Müller
    Bautechnik"); a company named in several languages gets the word in each."""
    c = companies[k]
    spec = vocab.countries[c.cc]
    city_i = c.city_i if rng.random() < 0.5 else int(rng.integers(0, len(spec["cities"])))
    last = c.base.split(" ")[-1]
    native: tuple[str, list[str]] | None = None
    if c.latins is not None:
        native_word, latin_word = pick(rng, vocab.native_sibling_words[c.cc])
        base = c.base + " " + native_word
        native = (base, [latin + " " + latin_word for latin in c.latins])
    elif last in vocab.compound_siblings and c.variants is None and rng.random() < 0.8:
        base = c.base[: -len(last)] + vocab.compound_siblings[last]
    else:
        base = c.base + " " + pick(rng, vocab.sibling_words[c.cc])
    variants = None
    if c.variants is not None and c.latins is None:
        variants = tuple(v + base[len(c.base):] for v in c.variants)
    form_i = c.form_i if rng.random() < 0.6 else None
    made = new_company(rng, vocab, c.cc, base, c.pattern, native, city_i, "sibling", of=k, form_i=form_i,
                       variants=variants)
    return replace(made, slug=slug_of(native[1][0] if native else base))


def plant_relatives(rng: np.random.Generator, vocab: Vocab, companies: list[Company], namesake_share: float,
                    sibling_share: float) -> list[Company]:
    """The companies and, after them, namesakes and siblings of a random share of them."""
    order = rng.permutation(len(companies))
    n_namesakes = int(namesake_share * len(companies))
    n_siblings = int(sibling_share * len(companies))
    out = list(companies)
    out.extend(namesake(rng, vocab, companies, int(k)) for k in order[:n_namesakes])
    out.extend(sibling(rng, vocab, companies, int(k)) for k in order[n_namesakes:n_namesakes + n_siblings])
    return out


# --------------------------------------------------------------------------- writing a record
@dataclass
class Draft:
    """One record of a company as one source writes it: the draws, and the variations as tags."""

    rng: np.random.Generator
    company: Company
    spec: Spec
    addr_variants: bool
    off: frozenset[str] = frozenset()  #: the kinds of noise switched off (`OFF_KINDS`)
    tags: list[str] = field(default_factory=list)
    #: the probability that a company named in several languages is written in its first (the CRM: more)
    prefer_first: float = 0.4

    @property
    def native(self) -> bool:
        return self.company.native is not None

    def core(self, latin: bool) -> str:
        """The name without legal form: a native-script company's in Latin letters if `latin`, a company's of
        several languages in one of them."""
        c = self.company
        if c.native is None or c.latins is None:
            if c.variants is None or "variants" in self.off:
                return c.base
            k = 0 if self.rng.random() < self.prefer_first else int(self.rng.integers(0, len(c.variants)))
            self.tags.append("lang_variant" if k else "lang_first")
            return c.variants[k]
        if latin:
            k = int(self.rng.integers(0, len(c.latins)))
            self.tags.append("latin" if k == 0 else "latin_variant")
            return c.latins[k]
        self.tags.append("native")
        return c.native

    def form(self, mode: str, latin: bool) -> str | None:
        """A spelling of the legal form. mode: "canonical" (mostly the short one), "short" or "any"."""
        variants = self.spec["forms"][self.company.form_i][0]
        if self.native:
            native_script = [v for v in variants if is_native_script(v)]
            variants = [v for v in variants if v not in native_script] if latin else native_script
            if not variants:
                return None
        if mode == "canonical":
            v = variants[0] if self.rng.random() < 0.7 else pick(self.rng, variants)
        elif mode == "short":
            v = pick(self.rng, [v for v in variants if len(v) <= 12] or variants)
        else:
            v = pick(self.rng, variants)
        if v != variants[0]:
            self.tags.append("form_variant")
        if len(v) > 14:
            self.tags.append("form_long")
        return v

    def leading_form(self, form: str, latin: bool) -> str | None:
        """The form written before the name ("ООО Ромашка", "AB Volvo"), or None."""
        if self.native and not latin and self.spec.get("leading_native"):
            return form if self.rng.random() < 0.5 else None
        for leading, p in self.spec.get("leading") or []:
            if self.rng.random() < p and self.company.form_i == 0:
                return leading
        return None

    def attach(self, core: str, form: str | None, latin: bool) -> str:
        """The name with its legal form, before or after it or around it as the country writes it, and now
        and then a prefix before it ("S.C. ... S.R.L.")."""
        name = self._attach(core, form, latin)
        for prefix, p in self.spec.get("prefix") or []:
            if form is not None and self.rng.random() < p:
                self.tags.append("form_prefix")
                return f"{prefix} {name}"
        return name

    def _attach(self, core: str, form: str | None, latin: bool) -> str:
        if form is None:
            self.tags.append("no_form")
            return core
        if "{}" in form:
            self.tags.append("form_template")
            return re.sub(" +", " ", form.replace("{}", core)).strip()
        cc = self.company.cc
        leading = self.leading_form(form, latin)
        if leading is not None:
            self.tags.append("form_leading")
            if self.native and cc == "RU" and self.rng.random() < 0.6:
                return f"{leading} «{core}»"
            if cc == "JP" and not latin:
                return f"{leading}{core}"
            return f"{leading} {core}"
        if cc in ("JP", "CN") and not latin:
            return f"{core}{form}"
        if cc == "RU" and not latin and self.rng.random() < 0.3:
            return f"{form} \"{core}\""
        sep = ", " if self.rng.random() < 0.15 else " "
        return f"{core}{sep}{form}"

    def abbreviate(self, s: str, p: float) -> str:
        for full, short in self.spec.get("abbr", []):
            if full in s and self.rng.random() < p:
                s = s.replace(full, short, 1)
                self.tags.append("abbrev")
        return s

    def swap_and(self, s: str, p: float) -> str:
        """Write " & " as the country's word for "and", or that word as " & "."""
        words = self.spec.get("and_words") or []
        if not words:
            return s
        if " & " in s and self.rng.random() < p:
            self.tags.append("and_word")
            return s.replace(" & ", f" {pick(self.rng, words)} ", 1)
        for w in words:
            if f" {w} " in s and self.rng.random() < p:
                self.tags.append("and_sign")
                return s.replace(f" {w} ", " & ", 1)
        return s

    def swap_order(self, s: str, p: float) -> str:
        parts = s.split(" ")
        if len(parts) == 2 and self.rng.random() < p:
            self.tags.append("word_order")
            return f"{parts[1]} {parts[0]}"
        return s

    def cut(self, s: str, width: int) -> str:
        """`s` cut by a fixed-width field."""
        if len(s) > width:
            self.tags.append(f"trunc{width}")
            return s[:width].rstrip()
        return s

    def maybe_translit(self, name: str, p: float) -> str:
        """A Latin-script name in ASCII letters with probability `p`."""
        if self.native or self.rng.random() >= p:
            return name
        ascii_name = translit(name, self.spec.get("translit", {}))
        if ascii_name != name:
            self.tags.append("translit")
        return ascii_name

    def upper(self, name: str) -> str:
        self.tags.append("upper")
        return name.upper()

    def respell(self, s: str, p: float) -> str:
        """Another spelling of a word of the name ("Agarwal" / "Aggarwal", "Jaya" / "Djaja")."""
        if "respell" in self.off:
            return s
        for group in self.spec.get("spellings") or []:
            for w in group:
                if re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", s) and self.rng.random() < p:
                    other = pick(self.rng, [g for g in group if g != w])
                    s = re.sub(rf"(?<![\w']){re.escape(w)}(?![\w'])", other, s, count=1)
                    self.tags.append("respell")
                    break
        return s

    def char_variants(self, s: str, p: float) -> str:
        """`s` with the country's character variants ("ş" for "ș") with probability `p`."""
        table = self.spec.get("char_variants") or {}
        if table and self.rng.random() < p and any(k in s for k in table):
            self.tags.append("char_variant")
            for k, v in table.items():
                s = s.replace(k, v)
        return s

    def city_name(self, latin: bool, p_alt: float) -> str:
        """The city as this source writes it: the local or the English name, or with probability `p_alt`
        another name of it (a rename or exonym: "Bombay", "Kiev", "Zurigo")."""
        c = self.company
        if c.city_alts and self.rng.random() < p_alt and "city_alts" not in self.off:
            self.tags.append("city_alt")
            return pick(self.rng, c.city_alts)
        return c.city_latin if latin else c.city

    def city_suffix(self, s: str, p: float, latin_city: bool) -> str:
        """The city after the name, four ways ("Weber GmbH, Köln"), with probability `p`."""
        if self.rng.random() >= p:
            return s
        city = self.city_name(latin_city, 0.25)
        style = int(self.rng.integers(0, 4))
        self.tags.append(["city_suffix_space", "city_suffix_comma", "city_suffix_dash", "city_suffix_paren"][style])
        return [f"{s} {city}", f"{s}, {city}", f"{s} - {city}", f"{s} ({city})"][style]

    def address(self, abbreviated: bool, latin: bool) -> str:
        c, spec = self.company, self.spec
        full, short = spec["streets"][c.street_i]
        street = short if abbreviated else full
        if self.native:  # native-script countries: (native, Latin) spelling, not (full, short)
            street = spec["streets"][c.street_i][1 if latin else 0]
        if "{n}" in street:  # a street written the local way around the number
            return self.local_address(street.format(n=c.number), latin)
        if spec.get("number_after") is False:
            return f"{c.number} {street}"
        sep = spec.get("latin_number_sep" if latin else "number_sep", " ")
        return f"{street}{sep}{c.number}"

    def local_address(self, line: str, latin: bool) -> str:
        """An address line in native digits now and then, and "postal city, " in front of it now and then."""
        c, spec = self.company, self.spec
        digits = spec.get("native_digits")
        if self.native and not latin and digits and self.rng.random() < 0.5:
            self.tags.append("native_digits")
            line = "".join(digits.get(ch, ch) for ch in line)
        share = spec.get("addr_city_prefix")
        if share and self.rng.random() < share and "addr_prefix" not in self.off:
            self.tags.append("addr_city_prefix")
            city = c.city if self.rng.random() < 0.7 else c.city_latin
            line = f"{c.postal} {city}, {line}" if self.rng.random() < 0.5 else f"{city}, {line}"
        return line

    def varied_address(self, latin: bool) -> str:
        """The address, its street abbreviated half the time (drawn even when every source writes it in
        full, so that the rest of the world stays the same)."""
        abbreviated = self.rng.random() < 0.5
        return self.address(self.addr_variants and abbreviated, latin)

    def phone(self, intl: bool) -> str:
        c = self.company
        sub = c.subscriber
        sub_fmt = f"{sub[:3]} {sub[3:]}" if self.rng.random() < 0.4 else sub
        if intl:
            style = int(self.rng.integers(0, 3))
            return [f"+{c.phone_cc} {c.area} {sub_fmt}", f"+{c.phone_cc} ({c.area}) {sub_fmt}",
                    f"00{c.phone_cc}-{c.area}-{sub}"][style]
        if self.spec.get("phone_local"):  # the national formats: the subscriber number cut in groups
            template = pick(self.rng, self.spec["phone_local"])
            return str(template.format(area=c.area, sub=sub, sub_fmt=sub_fmt, sub3=sub[:3], sub4=sub[3:],
                                       sub2=sub[3:5], sub2b=sub[5:], p1=sub[:1], p2=sub[1:3], p3=sub[3:5],
                                       p4=sub[5:]))
        if c.cc in ("DK", "NO", "GR", "ES", "IT"):
            return f"{c.area}{sub_fmt}"
        trunk = "" if c.cc == "FR" else "0"
        return f"{trunk}{c.area}/{sub}" if self.rng.random() < 0.5 else f"{trunk}{c.area} {sub_fmt}"


#: account numbers of the CRM and the ERP per (source, company): numbered in the order first written
Accounts = dict[tuple[str, int], int]


def latin_share(d: Draft, k: int) -> float:
    """The probability that source `k` of (crm, erp, dist_a, dist_b) writes a native-script company in Latin."""
    return float((d.spec.get("latin_share") or DEFAULT_LATIN_SHARE)[k])


def is_native_script(text: str) -> bool:
    """Whether a legal-form spelling is written in a non-Latin script ("(주)", "ТОВ «{}»", 'בע"מ')."""
    return any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in text)


def write_crm(d: Draft, rec: dict[str, str], company_id: int, accounts: Accounts) -> None:
    """The CRM: the canonical form, full address, international phone, its account number."""
    latin = d.native and d.rng.random() < latin_share(d, 0)
    d.prefer_first = 0.85
    core = d.core(latin)
    name = d.attach(core, d.form("canonical", latin or not d.native), latin or not d.native)
    name = d.char_variants(name, 0.3)
    c = d.company
    rec.update(name=name, address=d.address(False, latin), postal_code=c.postal,
               city=d.city_name(latin, 0.05), country=d.spec["country"][0], phone=d.phone(True),
               account=f"CRM:{accounts.setdefault(('crm', company_id), 100000 + len(accounts))}")
    if d.rng.random() < 0.6:
        rec["domain"] = f"www.{c.slug}.{d.spec['tld']}"


def write_erp(d: Draft, rec: dict[str, str], company_id: int, accounts: Accounts) -> None:
    """The ERP export: upper case, a short form, the name cut at 30 characters, ASCII half the time."""
    latin = d.native and d.rng.random() < latin_share(d, 1)
    core = d.respell(d.core(latin), 0.3)
    name = d.attach(core, d.form("short", latin or not d.native), latin or not d.native)
    name = d.cut(d.upper(d.maybe_translit(name, 0.5)), 30)
    c = d.company
    city = d.city_name(latin, 0.4)
    rec.update(name=name, address=d.varied_address(latin).upper(), postal_code=c.postal,
               city=strip_accents(city).upper() if d.rng.random() < 0.5 else city.upper(),
               country=d.spec["country"][1],
               account=f"ERP:{accounts.setdefault(('erp', company_id), 500000 + len(accounts))}")
    if d.rng.random() < 0.5:
        rec["phone"] = d.phone(False)


def write_distributor(d: Draft, rec: dict[str, str], source: str) -> None:
    """A distributor's report: abbreviations, any form or none, a city after the name; dist_b strips
    accents, writes upper case and cuts at 40 characters."""
    latin = d.native and d.rng.random() < latin_share(d, 2 if source == "dist_a" else 3)
    core = d.swap_and(d.abbreviate(d.respell(d.core(latin), 0.4), 0.4), 0.3)
    form = None if d.rng.random() < 0.2 else d.form("any", latin or not d.native)
    name = d.attach(core, form, latin or not d.native)
    name = d.city_suffix(name, 0.3, latin_city=latin or d.rng.random() < 0.2)
    if source == "dist_b":
        if d.rng.random() < 0.4:
            name = strip_accents(name)
            d.tags.append("accents_stripped")
        if d.rng.random() < 0.6:
            name = d.upper(name)
        name = d.cut(name, 40)
    else:
        name = d.char_variants(name, 0.3)
    c = d.company
    city_latin = latin or d.rng.random() < 0.2
    rec.update(name=name, address=d.varied_address(latin), postal_code=c.postal,
               city=d.city_name(city_latin, 0.2), country=pick(d.rng, d.spec["country"]))
    if city_latin and c.city_latin != c.city:
        d.tags.append("city_exonym")
    if d.rng.random() < 0.3:
        mailbox = pick(d.rng, ["info", "office", "einkauf", "compras", "orders"])
        rec["email"] = f"{mailbox}@{c.slug}.{d.spec['tld']}"


def write_tracker(d: Draft, rec: dict[str, str]) -> None:
    """A sales rep's tracker: the name as the rep types it (Latin letters, mostly no form, words
    swapped), a city now and then, rarely a phone."""
    latin = d.native
    core = d.swap_order(d.swap_and(d.abbreviate(d.respell(d.core(latin), 0.4), 0.5), 0.4), 0.15)
    form = None if d.rng.random() < 0.6 else d.form("any", True)
    name = d.maybe_translit(d.attach(core, form, True), 0.25)
    name = d.city_suffix(name, 0.2, latin_city=latin)
    if d.rng.random() < 0.15:
        name = name.lower()
        d.tags.append("lower")
    rec["name"] = name
    c = d.company
    if d.rng.random() < 0.5 or c.kind != "base":
        rec["city"] = d.city_name(latin, 0.3)
    if d.rng.random() < 0.25:
        rec["phone"] = d.phone(True)


def render(rng: np.random.Generator, companies: list[Company], company_id: int, source: str, addr_variants: bool,
           accounts: Accounts, exonyms: bool = True, vocab: Vocab = TUNED,
           off: frozenset[str] = frozenset()) -> tuple[dict[str, str], list[str]]:
    """One record of a company as `source` writes it, and its variation tags. Without `exonyms` the
    Latin-script countries' sources write every city in its local form; `off`: the kinds of noise
    switched off."""
    c = companies[company_id]
    if not exonyms and c.native is None:
        c = replace(c, city_latin=c.city)
    d = Draft(rng, c, vocab.countries[c.cc], addr_variants, off)
    rec = {"source": source}
    if source == "crm":
        write_crm(d, rec, company_id, accounts)
    elif source == "erp":
        write_erp(d, rec, company_id, accounts)
    elif source in ("dist_a", "dist_b"):
        write_distributor(d, rec, source)
    else:
        write_tracker(d, rec)
    return rec, d.tags


def draw_sources(rng: np.random.Generator) -> list[str]:
    """The sources that write a company: 3 to 6 records, the CRM's first (85 %), at most one ERP's."""
    n = int(rng.integers(3, 7))
    sources = ["crm"] if rng.random() < 0.85 else []
    pool = ["erp", "dist_a", "dist_b", "tracker", "dist_a", "tracker", "dist_b"]
    while len(sources) < n:
        s = pick(rng, pool)
        if not (s == "erp" and "erp" in sources):
            sources.append(s)
    return sources


def make_records(rng: np.random.Generator, companies: list[Company], addr_variants: bool,
                 exonyms: bool = True, vocab: Vocab = TUNED, off: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Every source's records of the companies, with the truth: entity (company index), cc, kind, tags."""
    rows = []
    accounts: Accounts = {}
    for company_id, c in enumerate(companies):
        for source in draw_sources(rng):
            rec, tags = render(rng, companies, company_id, source, addr_variants, accounts, exonyms, vocab, off)
            rows.append({**rec, "entity": company_id, "cc": c.cc, "kind": c.kind, "tags": " ".join(sorted(set(tags)))})
    df = pd.DataFrame(rows)
    df.insert(0, "record_id", [f"r{i:05d}" for i in range(len(df))])
    return df


@dataclass(frozen=True)
class World:
    companies: list[Company]
    records: pd.DataFrame
    vocab: Vocab = TUNED


def generate(seed: int, per_country: int = 24, namesakes: float = 0.12, siblings: float = 0.08,
             addr_variants: bool = True, exonyms: bool = True, vocab: str | Vocab = "tuned",
             off: Sequence[str] = ()) -> World:
    """The world of a seed: companies, their namesakes and siblings, and every source's records, in the
    countries of `vocab` (a name of `VOCABS`); `off`: kinds of noise of `OFF_KINDS` switched off."""
    unknown = set(off) - set(OFF_KINDS)
    if unknown:
        raise ValueError(f"unknown kinds of noise {sorted(unknown)}: choose from {OFF_KINDS}")
    v = load_vocab(vocab) if isinstance(vocab, str) else vocab
    rng = np.random.default_rng(seed)
    companies = plant_relatives(rng, v, make_companies(rng, v, per_country), namesakes, siblings)
    return World(companies, make_records(rng, companies, addr_variants, exonyms, v, frozenset(off)), v)


# --------------------------------------------------------------------------- resolving and scoring
@dataclass(frozen=True)
class Resolved:
    """The world's records with `cluster`, `profile` and `name_norm` added; the scored pairs."""

    records: pd.DataFrame
    pairs: pd.DataFrame
    stats: dict[str, Any]
    seconds: float


def resolve(world: World) -> Resolved:
    df = world.records.copy()
    records = df[[c for c in RECORD_COLUMNS if c in df.columns]].copy()
    start = time.perf_counter()
    res = resolve_entities(records)
    seconds = time.perf_counter() - start
    df["cluster"] = res.records.set_index("record_id")["cluster_id"].reindex(df["record_id"]).to_numpy()
    profiles = build_profiles(records)
    df["profile"] = profiles.record_profile
    df["name_norm"] = profiles.table["name_norm"].to_numpy(dtype=object)[profiles.record_profile]
    return Resolved(df, res.pairs, res.stats, seconds)


def _pairs_within(group_sizes: np.ndarray) -> int:
    return int((group_sizes * (group_sizes - 1) // 2).sum())


def pair_counts(truth: np.ndarray, predicted: np.ndarray) -> tuple[int, int, int]:
    """(true pairs, predicted pairs, true-positive pairs) of truth labels and predicted labels."""
    both = pd.Series(1, index=pd.MultiIndex.from_arrays([truth, predicted])).groupby(level=[0, 1]).size()
    return (_pairs_within(np.bincount(pd.factorize(truth)[0])), _pairs_within(np.bincount(pd.factorize(predicted)[0])),
            _pairs_within(both.to_numpy()))


@dataclass(frozen=True)
class Score:
    """Pairwise precision, recall and F1 of a set of records."""

    records: int
    true_pairs: int
    predicted_pairs: int
    true_positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"

    def line(self, label: str) -> str:
        return (f"  {label:<44} recs {self.records:5d} true {self.true_pairs:5d} pred {self.predicted_pairs:5d} "
                f"TP {self.true_positives:5d}  {self.prf()}")

    def as_dict(self) -> dict[str, float | int]:
        return {"records": self.records, "true_pairs": self.true_pairs, "predicted_pairs": self.predicted_pairs,
                "true_positive_pairs": self.true_positives, "precision": round(self.precision, 5),
                "recall": round(self.recall, 5), "f1": round(self.f1, 5)}


def score(records: pd.DataFrame) -> Score:
    """Pairwise scores of resolved records (`entity` the truth, `cluster` the prediction)."""
    return Score(len(records), *pair_counts(records["entity"].to_numpy(), records["cluster"].to_numpy()))


def subset_scores(records: pd.DataFrame, vocab: Vocab = TUNED) -> dict[str, Score]:
    return {key: score(records[which(records)]) for key, _, which in vocab.subsets()}


def country_scores(records: pd.DataFrame, vocab: Vocab = TUNED) -> dict[str, Score]:
    return {cc: score(records[records["cc"] == cc]) for cc in vocab.countries}


def results_json(world: World, resolved: Resolved, settings: dict[str, Any]) -> dict[str, Any]:
    """The figures as JSON: overall, per subset and per country."""
    return {
        "benchmark": "international_names",
        **settings,
        "companies": len(world.companies),
        "records": len(world.records),
        "clusters": resolved.stats["clusters"],
        "resolve_seconds": round(resolved.seconds, 2),
        "overall": score(resolved.records).as_dict(),
        "subsets": {key: s.as_dict() for key, s in subset_scores(resolved.records, world.vocab).items()},
        "countries": {cc: s.as_dict() for cc, s in country_scores(resolved.records, world.vocab).items()},
    }


# --------------------------------------------------------------------------- the errors
NON_LATIN = re.compile(r"[^\x00-\x7f]")
JOINING_WORDS = {"og", "en", "ja", "u", "a", "и", "και", "ve", "e", "y", "i", "et", "und", "och", "and"}
NOT_REPORTED = "not_reported(unblocked or < -10 bits)"
LEVEL_COLUMNS = ("name", "street", "postal", "city", "country", "phone", "domain", "email", "account")


@dataclass(frozen=True)
class PairEvidence:
    """What the resolution reported of a pair of profiles."""

    weight: float
    rule: str
    block: str
    levels: str  #: "name=6 street=-1 ..."
    name_sim: float


def record_pairs(df: pd.DataFrame, key: str) -> list[tuple[int, int]]:
    """Every pair of row positions with the same `key`."""
    out: list[tuple[int, int]] = []
    for idx in df.groupby(key).indices.values():
        out.extend(itertools.combinations(sorted(idx), 2))
    return out


def reported_pairs(resolved: Resolved) -> dict[tuple[int, int], PairEvidence]:
    """The scored pairs by (lower, higher) profile."""
    pairs, df = resolved.pairs, resolved.records
    if not len(pairs):
        return {}
    profile = df["profile"].to_numpy()
    row_of = pd.Series(np.arange(len(df)), index=df["record_id"])
    left = profile[row_of[pairs["left_record_id"].astype(str)].to_numpy()]
    right = profile[row_of[pairs["right_record_id"].astype(str)].to_numpy()]
    level_cols = [c for c in LEVEL_COLUMNS if c in pairs.columns]
    levels = pairs[level_cols].to_numpy()
    sims = pairs["name_similarity"] if "name_similarity" in pairs.columns else pd.Series(np.nan, index=pairs.index)
    columns = (pairs["match_weight"], pairs["match_rule"], pairs["blocking_rule"], sims)
    out = {}
    for a, b, row, (w, rule, block, sim) in zip(left, right, levels, zip(*columns, strict=True), strict=True):
        described = " ".join(f"{c}={int(v)}" for c, v in zip(level_cols, row, strict=True))
        out[(min(a, b), max(a, b))] = PairEvidence(float(w), str(rule), str(block), described, float(sim))
    return out


def relation(companies: list[Company], ei: int, ej: int) -> str:
    """How two wrongly merged companies are related: "namesake", "sibling" or "unrelated"."""
    of_i, of_j = companies[ei].of, companies[ej].of
    if of_j == ei or of_i == ej or (of_i is not None and of_i == of_j):
        return companies[ej].kind if of_j == ei else companies[ei].kind
    return "unrelated"


def pair_table(resolved: Resolved, companies: list[Company], pairs: list[tuple[int, int]], false_merges: bool,
               reported: dict[tuple[int, int], PairEvidence]) -> pd.DataFrame:
    """The two records of each pair side by side, with what the resolution reported of them."""
    df = resolved.records
    profile, entity = df["profile"].to_numpy(), df["entity"].to_numpy()
    rows = []
    for i, j in pairs:
        a, b = profile[i], profile[j]
        ev = None if a == b else reported.get((min(a, b), max(a, b)))
        block = "same_profile" if a == b else ev.block if ev else NOT_REPORTED
        rows.append(dict(
            cc=df["cc"].iat[i], rel=relation(companies, int(entity[i]), int(entity[j])) if false_merges else "",
            src=f"{df['source'].iat[i]}|{df['source'].iat[j]}", left=df["name"].iat[i], right=df["name"].iat[j],
            left_norm=df["name_norm"].iat[i], right_norm=df["name_norm"].iat[j], left_tags=df["tags"].iat[i],
            right_tags=df["tags"].iat[j], left_city=df["city"].iat[i], right_city=df["city"].iat[j],
            left_address=df["address"].iat[i], right_address=df["address"].iat[j], block=block,
            weight=ev.weight if ev else np.nan, rule=ev.rule if ev else "", levels=ev.levels if ev else "",
            name_sim=f"{ev.name_sim:.2f}" if ev else "",
            left_id=df["record_id"].iat[i], right_id=df["record_id"].iat[j]))
    return pd.DataFrame(rows)


def form_words() -> set[str]:
    """Every legal form as a compact token, and every word of a spelled-out form."""
    unambiguous, ambiguous = all_forms()
    words = set(unambiguous) | set(ambiguous)
    for spelling in _cut_spellings():
        words.update(w for w in spelling.split(" ") if len(w) >= 2)
    return words


def city_words(records: pd.DataFrame, vocab: Vocab = TUNED) -> set[str]:
    """The words of every city written in the records or known to the vocabulary (3 letters or more)."""
    known = [name for spec in vocab.countries.values() for city in spec["cities"]
             for name in [*city[:2], *(city[3] if len(city) > 3 else ())]]
    cities = fold_ascii(pd.concat([records["city"], pd.Series(known)]).dropna().astype(str))
    return {w for c in cities.str.replace(r"[^\w ]", " ", regex=True) for w in c.split() if len(w) >= 3}


def _fold_vowels(words: list[str]) -> list[str]:
    return [re.sub("ue", "u", re.sub("oe", "o", re.sub("ae", "a", re.sub("aa", "a", w)))) for w in words]


def fn_cause(a: object, b: object, cities: set[str], forms: set[str]) -> str:
    """The first of a cumulative series of name fixes that makes two normalised names equal."""
    if not isinstance(a, str) or not isinstance(b, str):
        return "missing_name"
    if bool(NON_LATIN.search(a)) != bool(NON_LATIN.search(b)):
        return "cross_script"
    if a == b:
        return "same_norm_name"
    steps: list[tuple[str, Callable[[list[str]], list[str]]]] = [
        ("legal_form_left_in_name", lambda t: [w for w in t if w not in forms]),
        ("city_left_in_name", lambda t: [w for w in t if w not in cities]),
        ("joining_word(og/en/ja/u)", lambda t: [w for w in t if w not in JOINING_WORDS]),
        ("word_order", sorted),
        ("umlaut_ue_oe_aa", _fold_vowels),
    ]
    ta, tb = a.split(" "), b.split(" ")
    for label, fix in steps:
        ta, tb = fix(ta), fix(tb)
        if ta == tb:
            return label
    return "other(abbrev/translit/cut)"


def fp_causes(fp: pd.DataFrame) -> list[str]:
    """A false merge's relation, and whether the two records name the same city."""
    same_city = (normalise_cities(fp["left_city"]).to_numpy() == normalise_cities(fp["right_city"]).to_numpy())
    out = []
    for rel, lc, rc, same in zip(fp["rel"], fp["left_city"], fp["right_city"], same_city, strict=True):
        if pd.isna(lc) or pd.isna(rc):
            out.append("a side has no city (name-only namesake)" if rel == "namesake" else f"{rel}: a side has no city")
        else:
            out.append(f"{rel}: same city" if same else f"{rel}: different cities")
    return out


@dataclass(frozen=True)
class Errors:
    true_pairs: list[tuple[int, int]]
    predicted_pairs: list[tuple[int, int]]
    missed: list[tuple[int, int]]
    fn: pd.DataFrame  #: the missed true pairs, with `cause`
    fp: pd.DataFrame  #: the false-merge pairs, with `cause`


def find_errors(world: World, resolved: Resolved) -> Errors:
    df = resolved.records
    cluster, entity = df["cluster"].to_numpy(), df["entity"].to_numpy()
    true_pairs, predicted_pairs = record_pairs(df, "entity"), record_pairs(df, "cluster")
    missed = [(i, j) for i, j in true_pairs if cluster[i] != cluster[j]]
    merged = [(i, j) for i, j in predicted_pairs if entity[i] != entity[j]]
    reported = reported_pairs(resolved)
    fn = pair_table(resolved, world.companies, missed, False, reported)
    fp = pair_table(resolved, world.companies, merged, True, reported)
    if len(fn):
        cities, forms = city_words(df, world.vocab), form_words()
        fn["cause"] = [fn_cause(a, b, cities, forms) for a, b in zip(fn["left_norm"], fn["right_norm"], strict=True)]
    if len(fp):
        fp["cause"] = fp_causes(fp)
    return Errors(true_pairs, predicted_pairs, missed, fn, fp)


# --------------------------------------------------------------------------- the report
def print_scores(world: World, resolved: Resolved) -> None:
    kinds = Counter(c.kind for c in world.companies)
    print(f"entities {len(world.companies)} (base {kinds['base']}, namesakes {kinds['namesake']}, siblings "
          f"{kinds['sibling']}), records {len(resolved.records)}, clusters {resolved.stats['clusters']}, "
          f"resolve {resolved.seconds:.1f}s, stats {resolved.stats}")
    overall = score(resolved.records)
    print(f"\nALL records: true pairs {overall.true_pairs}, predicted {overall.predicted_pairs}, "
          f"TP {overall.true_positives}  {overall.prf()}")
    subsets = subset_scores(resolved.records, world.vocab)
    for key, label, _ in world.vocab.subsets():
        print(subsets[key].line(label))
    print("\nper country (pairwise within the country's records):")
    for cc, s in country_scores(resolved.records, world.vocab).items():
        print(s.line(cc))


def print_miss_causes(fn: pd.DataFrame, examples: int, vocab: Vocab = TUNED) -> None:
    print("\nmissed pairs by why-not (blocking rule that reported the pair, or not reported):")
    print(fn["block"].value_counts().head(10).to_string())
    print("\nmissed pairs by name cause (first cumulative fix that equalises the normalised names):")
    script = np.where(fn["cc"].isin(vocab.native_script), vocab.native_label, "latin")
    print(pd.crosstab(fn["cause"], script, margins=True).to_string())
    print("\n  same_norm_name missed pairs by disagreeing evidence:")
    disagreeing = ("street=0", "city=0", "postal=0", "phone=0", "country=0", "domain=0")
    levels = fn.loc[fn["cause"] == "same_norm_name", "levels"].fillna("")
    evidence = levels.map(lambda s: "+".join(k for k in disagreeing if k in s.split())
                          or ("not reported" if not s else "none<0"))
    print("  " + evidence.value_counts().head(8).to_string().replace("\n", "\n  "))
    for cause, g in fn.groupby("cause"):
        print(f"\n  [{cause}] examples:")
        g = g.drop_duplicates(["left_norm", "right_norm"])
        for _, ex in g.sample(min(examples, len(g)), random_state=1).iterrows():
            print(f"    {ex['left']!r} / {ex['right']!r} -> {ex['left_norm']!r} / {ex['right_norm']!r}; "
                  f"{ex['block']} w={ex['weight']} {ex['levels']}")


def print_miss_rates(records: pd.DataFrame, errors: Errors) -> None:
    """The share of true pairs missed, by variation tag on either record and by pair of sources."""
    missed = set(errors.missed)
    tags = records["tags"].fillna("").str.split().to_numpy()
    tagged: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, j in errors.true_pairs:
        for t in sorted(set(tags[i]) | set(tags[j])):
            tagged[t][0] += 1
            tagged[t][1] += (i, j) in missed
    print("\nmiss rate of true pairs by variation tag on either record (pairs, missed, rate):")
    for t, (n, m) in sorted(tagged.items(), key=lambda kv: -kv[1][1] / max(kv[1][0], 1)):
        if n >= 20:
            print(f"  {t:<22} {n:6d} {m:6d} {m / n:6.1%}")
    print("\nmiss rate by source pair:")
    source = records["source"].to_numpy()
    pairs: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for i, j in errors.true_pairs:
        k = "|".join(sorted((source[i], source[j])))
        pairs[k] += 1
        misses[k] += (i, j) in missed
    for k in sorted(pairs, key=lambda k: -misses[k] / pairs[k]):
        print(f"  {k:<18} {pairs[k]:6d} {misses[k]:6d} {misses[k] / pairs[k]:6.1%}")


def print_missed_names(fn: pd.DataFrame) -> None:
    print("\nmost frequent missed normalised-name pairs (left_norm != right_norm):")
    diff = fn[fn["left_norm"] != fn["right_norm"]]
    k = diff.apply(lambda r: " <> ".join(sorted([str(r["left_norm"]), str(r["right_norm"])])), axis=1)
    for name_pair, n in k.value_counts().head(25).items():
        ex = diff[k == name_pair].iloc[0]
        print(f"  {n:3d}  {name_pair}   [{ex['left']!r} / {ex['right']!r}; {ex['block']}; w={ex['weight']}]")


def print_false_merges(fp: pd.DataFrame, examples: int) -> None:
    print("\nfalse merges by relation of the two companies:")
    located = np.where(fp["left_address"].notna() & fp["right_address"].notna(), "both records have an address",
                       "a record without address")
    print(pd.crosstab(fp["cause"], located, margins=True).to_string())
    print("\nfalse-merge examples:")
    for rel, g in fp.groupby("cause"):
        for _, ex in g.drop_duplicates(["left_norm", "right_norm"]).head(examples * 2).iterrows():
            print(f"  [{rel}] {ex['left']!r} ({ex['left_city']}) / {ex['right']!r} ({ex['right_city']}) -> "
                  f"{ex['left_norm']!r} / {ex['right_norm']!r}; {ex['block']} w={ex['weight']} {ex['rule']} "
                  f"{ex['levels']}")


def print_errors(resolved: Resolved, errors: Errors, examples: int, vocab: Vocab = TUNED) -> None:
    print(f"\nmissed true pairs: {len(errors.fn)} of {len(errors.true_pairs)}; false-merge pairs: {len(errors.fp)} "
          f"of {len(errors.predicted_pairs)}")
    if len(errors.fn):
        print_miss_causes(errors.fn, examples, vocab)
        print_miss_rates(resolved.records, errors)
        print_missed_names(errors.fn)
    if len(errors.fp):
        print_false_merges(errors.fp, examples)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--vocab", choices=list(VOCABS), default="tuned",
                        help="the countries: tuned (tuned on), heldout (tuned on in sessions 26-27), heldout3 "
                             "(never tuned on)")
    parser.add_argument("--off", nargs="*", default=[], choices=OFF_KINDS,
                        help="switch off kinds of noise of the held-out vocabularies (ablation)")
    parser.add_argument("--per-country", type=int, default=24, help="companies per Latin-script country")
    parser.add_argument("--namesakes", type=float, default=0.12, help="share of companies given a namesake")
    parser.add_argument("--siblings", type=float, default=0.08, help="share of companies given a sibling")
    parser.add_argument("--no-addr-variants", action="store_true",
                        help="every source writes the street the same way")
    parser.add_argument("--no-exonyms", action="store_true",
                        help="every Latin source writes the city in the local form")
    parser.add_argument("--out", default=None,
                        help="the CSV files' folder (default bench/results/international_names[_<vocab>]_seed<N>,"
                             " no <vocab> for tuned)")
    parser.add_argument("--examples", type=int, default=4, help="examples per error class")
    parser.add_argument("--json", default=None, help="write the overall, per-subset and per-country figures here")
    args = parser.parse_args(argv)
    tag = "" if args.vocab == "tuned" else f"_{args.vocab}"
    out_dir = Path(args.out or ROOT / "bench" / "results" / f"international_names{tag}_seed{args.seed}")
    out_dir.mkdir(parents=True, exist_ok=True)

    settings: dict[str, Any] = {"seed": args.seed, "per_country": args.per_country, "namesakes": args.namesakes,
                "siblings": args.siblings, "addr_variants": not args.no_addr_variants,
                "exonyms": not args.no_exonyms}
    if args.vocab != "tuned":  # the tuned vocabulary's JSON stays as it was before there were others
        settings["vocab"] = args.vocab
    if args.off:
        settings["off"] = sorted(args.off)
    world = generate(args.seed, args.per_country, args.namesakes, args.siblings, settings["addr_variants"],
                     settings["exonyms"], args.vocab, args.off)
    resolved = resolve(world)
    resolved.records.to_csv(out_dir / "records.csv", index=False)
    print_scores(world, resolved)
    errors = find_errors(world, resolved)
    errors.fn.to_csv(out_dir / "fn_pairs.csv", index=False)
    errors.fp.to_csv(out_dir / "fp_pairs.csv", index=False)
    print_errors(resolved, errors, args.examples, world.vocab)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results_json(world, resolved, settings), indent=2) + "\n")
    print(f"\nwrote {out_dir}/records.csv, fn_pairs.csv, fp_pairs.csv" + (f", {args.json}" if args.json else ""))


if __name__ == "__main__":
    main()

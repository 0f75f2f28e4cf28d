"""Word lists for company-name normalisation: abbreviations, qualifiers, stop words, legal forms.

Kept apart from the code so an analyst can read (and extend) the vocabulary in one place. Legal
forms come from cleanco's term data; the short ones that are also ordinary words or country codes
("UK", "AT", "Private", "Unlimited") are only stripped when they are not the whole remaining name,
and some are never stripped because they carry identity ("Acme UK" is not "Acme").
"""

from __future__ import annotations

import re
from typing import Final

from cleanco.clean import prepare_default_terms

#: token -> canonical token (applied after punctuation removal, lower case)
NAME_ABBREVIATIONS: Final[dict[str, str]] = {
    "intl": "international",
    "internat": "international",
    "internatl": "international",
    "mfg": "manufacturing",
    "mfr": "manufacturing",
    "mfrs": "manufacturing",
    "manuf": "manufacturing",
    "mnfg": "manufacturing",
    "svcs": "services",
    "svc": "services",
    "srvcs": "services",
    "servs": "services",
    "service": "services",
    "svcs.": "services",
    "tech": "technology",
    "techs": "technology",
    "technologies": "technology",
    "techn": "technology",
    "tek": "technology",
    "sys": "systems",
    "syst": "systems",
    "system": "systems",
    "soln": "solutions",
    "solns": "solutions",
    "solution": "solutions",
    "assoc": "association",
    "assn": "association",
    "asso": "association",
    "assocs": "associates",
    "natl": "national",
    "mgmt": "management",
    "mgt": "management",
    "grp": "group",
    "cap": "capital",
    "hlth": "health",
    "hlthcare": "healthcare",
    "sol": "solutions",
    "bros": "brothers",
    "univ": "university",
    "hosp": "hospital",
    "med": "medical",
    "ctr": "center",
    "cntr": "center",
    "centre": "center",
    "centers": "center",
    "dept": "department",
    "dev": "development",
    "devel": "development",
    "eng": "engineering",
    "engr": "engineering",
    "engg": "engineering",
    "govt": "government",
    "hldgs": "holdings",
    "hldg": "holdings",
    "holding": "holdings",
    "inst": "institute",
    "ins": "insurance",
    "fin": "financial",
    "finl": "financial",
    "lab": "labs",
    "laboratory": "labs",
    "laboratories": "labs",
    "amer": "america",
    "st": "saint",
    "mt": "mount",
    "ft": "fort",
    "elec": "electric",
    "comm": "communications",
    "comms": "communications",
    "communication": "communications",
    "dist": "distribution",
    "distr": "distribution",
    "acad": "academy",
    "sch": "school",
    "schl": "school",
    "chldrn": "children",
    "childrens": "children",
    "mkt": "market",
    "mktg": "marketing",
    "prod": "products",
    "prods": "products",
    "product": "products",
    "ind": "industries",
    "inds": "industries",
    "industry": "industries",
    "ent": "enterprises",
    "enterprise": "enterprises",
    "pharm": "pharmaceuticals",
    "pharma": "pharmaceuticals",
    "constr": "construction",
    "co-op": "cooperative",
    "coop": "cooperative",
}

#: tokens ignored when comparing names (kept when a name has nothing else)
NAME_STOPWORDS: Final[frozenset[str]] = frozenset({"the", "and", "of", "a", "an", "at", "for"})

#: words that qualify a site or department of a customer rather than name it ("- HQ", "(AP Dept)")
_QUALIFIER_WORDS = (
    r"hq|headquarters?|head +office|main(?: +office)?|corporate(?: +(?:office|hq))?|"
    r"billing|bill +to|ship +to|accounts? +payable|a */? *p(?: +dep(?:t|artment))?|"
    r"purchasing|procurement|it(?: +dep(?:t|artment))?|finance(?: +dep(?:t|artment))?|"
    r"receiving|warehouse|shipping|remit(?: +to)?|legal|admin(?:istration)?|"
    r"dep(?:t|artment)|office|branch|site|campus|do +not +use|inactive|old|duplicate|dup"
)
_DASHES = "-" + chr(0x2013) + chr(0x2014) + "/|:"
#: a trailing "(qualifier)" or " - qualifier" (also "/", "|", ":", en and em dashes); lower case,
#: single spaces (RE2 syntax: no \\s, no look-arounds)
QUALIFIER_PATTERN: Final[str] = (
    rf" *(?:\( *(?:{_QUALIFIER_WORDS}) *\)| [{_DASHES}] *(?:{_QUALIFIER_WORDS})\.?) *$"
)
#: "attn: ...", "c/o ..." to the end of the name
ATTENTION_PATTERN: Final[str] = r" *(?:\b(?:attn|attention)\b *:?|\bc */ *o\b).*$"

#: cleanco single-token forms that are also words or country codes: never stripped
_NEVER_STRIP: Final[frozenset[str]] = frozenset(
    {
        "uk",
        "eu",
        "at",
        "private",
        "unlimited",
        "ent",
        "vat",
        "ok",
        "et",
        "ei",
        "ee",
        "ae",
        "ad",
        "ba",
        "bl",
        "bm",
        "ca",
        "da",
        "ec",
        "fa",
        "gk",
        "ij",
        "ik",
        "kb",
        "kd",
        "kf",
        "ks",
        "kt",
        "kv",
        "ky",
        "mb",
        "nl",
        "od",
        "oe",
        "og",
        "ou",
        "pp",
        "ps",
        "pt",
        "sc",
        "sd",
        "sf",
        "sp",
        "ss",
        "ud",
        "xk",
        "xt",
        "ong",
        "sem",
        "teo",
        "sal",
        "sha",
        "cv",
        "ep",
        "ev",
        "dd",
        "ay",
        "aj",
        "bt",
        "cio",
        "eg",
        "hb",
        "hf",
        "kk",
        "rt",
        "se",
        "sia",
        "ltda",
    }
)
#: extra English forms cleanco lacks once "&" became "and"
_EXTRA_LEGAL: Final[tuple[str, ...]] = (
    "and co",
    "and company",
    "corp",
    "co",
    "sa rl",
    "s a r l",
    "aktiebolag",
    "s l",
    "s a",
)


def legal_form_pattern() -> str:
    """A regex matching one trailing legal form (cleanco's terms, punctuation already removed)."""
    forms: set[str] = {" ".join(parts) for _, parts in prepare_default_terms()}
    forms.update(_EXTRA_LEGAL)
    forms = {f.replace("&", "and") for f in forms if f and f not in _NEVER_STRIP}
    forms = {f for f in forms if re.fullmatch(r"[a-z0-9 ]+", f)}
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    alternation = "|".join(" +".join(re.escape(p) for p in f.split()) for f in ordered)
    return rf"^(.*[^ ]) +(?:{alternation})$"

"""Word lists for company-name normalisation: abbreviations, qualifiers and stop words.

Kept apart from the code so an analyst can read (and extend) the vocabulary in one place; legal
forms are in `legal_forms`.
"""

from __future__ import annotations

from typing import Final

#: token -> canonical token (applied after punctuation removal, lower case)
NAME_ABBREVIATIONS: Final[dict[str, str]] = {
    "intl": "international",
    "flli": "fratelli",
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
    # Spanish "Hnos." (Hermanos, brothers) and "Cía." (Compañía): contractions, which no
    # comparison of a word's start can credit
    "hnos": "hermanos",
    "hno": "hermano",
    "hmnos": "hermanos",
    "cia": "compania",
    "co-op": "cooperative",
    "coop": "cooperative",
}

#: tokens ignored when comparing names (kept when a name has nothing else): English articles and
#: prepositions, and "and" in the languages whose company names use it ("&" is read as "and";
#: "Kowalski i Wspolnicy" = "Kowalski & Wspolnicy", "San. ve Tic." = "San. Tic.")
NAME_STOPWORDS: Final[frozenset[str]] = frozenset(
    # "and" in English, German, French, Spanish, Portuguese/Italian, Catalan, Turkish, Swedish,
    # Danish/Norwegian, Dutch and Finnish ("Rasmussen og Jakobsen" is "Rasmussen & Jakobsen")
    {"the", "and", "of", "a", "an", "at", "for", "und", "et", "y", "e", "i", "ve", "och", "og", "en", "ja"}
)
#: "and" in languages where the same spelling is also a name word or code ("Dan", "VA"): dropped only
#: between two words ("Popescu și Popa", "Kis és Fia", "Maju dan Jaya", "Xây dựng và Thương mại");
#: Romanian, Hungarian, Indonesian/Malay, Vietnamese. Not Irish "agus", a common Indonesian given name.
AND_WORDS: Final[tuple[str, ...]] = ("si", "es", "dan", "va")
#: a joining word between two words (folded names, single spaces; RE2)
AND_BETWEEN_WORDS: Final[str] = rf"([^ ]) (?:{'|'.join(AND_WORDS)}) ([^ ])"
#: a year in brackets that tells re-registered companies apart in Israel ("Cohen Systems (1998) Ltd")
YEAR_PATTERN: Final[str] = r" *\( *(?:19|20)[0-9][0-9] *\)"

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
#: a trade name after the legal name to the end ("Acme (Pty) Ltd t/a Acme Security", "d/b/a ...");
#: a plain "dba" is left alone ("Remote DBA Services")
TRADE_NAME_PATTERN: Final[str] = (
    r"^(.*[^ ]) +(?:t */ *as?|trading +as|d */ *b */ *a|d\.b\.a\.?|doing +business +as) +[^ ].*$"
)

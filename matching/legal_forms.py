"""Legal forms of companies across languages, as regexes that ignore spacing and punctuation.

Forms come from cleanco's country-aware term data plus the full-word and spaced spellings it
lacks ("Naamloze Vennootschap", "Gesellschaft mit beschränkter Haftung", "S.à r.l.",
"Sp. z o.o.", "Kabushiki Kaisha", "Pty Ltd"...). Each form is reduced to its letters ("N. V." ->
"nv", "Sp. z o.o." -> "spzoo") and matched with optional spaces between the letters, so any
spacing of it is recognised once punctuation has become spaces.

Forms that are also words or codes ("AB", "AS", "SE", "KK", "SPA") are *ambiguous*: they are
stripped when written with separators between their letters ("K.K.", "A/S", "S.E.") or when the
record's country uses that form (cleanco's terms by country), never otherwise. Country and
region codes that carry identity ("Acme UK" is not "Acme US") are never stripped. Some forms
also lead a name ("N.V. Philips", "PT Astra", "OOO Romashka") and are stripped there too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Final

from cleanco import termdata

from matching.gazetteer import country_iso_by_name, fold
from matching.text import fold_text

#: full and spaced spellings cleanco lacks (any case, accents and punctuation)
EXTRA_FORMS: Final[tuple[str, ...]] = (
    "& co",
    "and co",
    "and company",
    "corp",
    "co",
    "naamloze vennootschap",
    "besloten vennootschap",
    "besloten vennootschap met beperkte aansprakelijkheid",
    "commanditaire vennootschap",
    "vennootschap onder firma",
    "gesellschaft mit beschrankter haftung",
    "gesellschaft mbh",
    "ges mbh",
    "gmbh & co",
    "aktiengesellschaft",
    "kommanditgesellschaft",
    "offene handelsgesellschaft",
    "societe anonyme",
    "societe a responsabilite limitee",
    "societe par actions simplifiee",
    "s a r l",
    "s a",
    "s l",
    "s a s",
    "sociedad anonima",
    "sociedad limitada",
    "sociedad de responsabilidad limitada",
    "sociedade anonima",
    "sociedade limitada",
    "societa per azioni",
    "societa a responsabilita limitata",
    "spolka z ograniczona odpowiedzialnoscia",
    "spolka akcyjna",
    "sp z o o",
    # the other Polish forms in full (cleanco has their short spellings "sp. j.", "sp. k.",
    # "S.K.A.", "sp. p.", "s.c.")
    "spolka jawna",
    "spolka komandytowa",
    "spolka komandytowo akcyjna",
    "spolka partnerska",
    "spolka cywilna",
    "aktiebolag",
    "aktiebolaget",
    "aktieselskab",
    "aktieselskap",
    "allmennaksjeselskap",
    "anpartsselskab",
    "osakeyhtio",
    "julkinen osakeyhtio",
    "kabushiki kaisha",
    "kabushikigaisha",
    "godo kaisha",
    "yugen kaisha",
    "proprietary limited",
    "pty limited",
    "private limited",
    "pvt limited",
    "public limited company",
    "limited liability company",
    "limited partnership",
    "sendirian berhad",
    "berhad",
    "perseroan terbatas",
    "tbk",
    "anonim sirketi",
    "limited sirketi",
    "ltd sti",
    "spol s r o",
    "s r o",
    "a s",
    "kft",
    "zrt",
    "nyrt",
    "sa de cv",
    "s de rl de cv",
    "sapi de cv",
    "eireli",
    "ltda me",
    "plc",
    "ag & co kg",
    "se & co kg",
    "kgaa",
    "n a",
    "national association",
    # a form split by a dotted ambiguous part already stripped ("S.A. de C.V." loses "C.V." first)
    "sa de",
    "s de rl de",
    "sapi de",
    # Finnish companies' two-language form ("Nokia Oy Ab")
    "oy ab",
    "oyj abp",
    # Cyrillic, Greek and Korean spellings (letters of any script are kept by normalisation)
    "ооо", "оао", "зао", "пао", "тов", "пат", "ип",
    "общество с ограниченной ответственностью",
    "αε", "επε", "ικε", "οε",
    "주식회사", "유한회사",
    "ذمم",
    "株", "有",  # "ミナト電機(株)": ㈱ and ㈲, the short forms of 株式会社 and 有限会社
    "주",  # "(주) 한빛시스템": ㈜, the short form of 주식회사
    # Gulf free-zone and limited-liability forms
    "w l l", "fze", "fzco", "fzc", "fz llc",
    # Spanish single-member forms, Portuguese and Latin American long spellings
    "s l u", "sociedad anonima cerrada", "sociedad por acciones simplificada",
    "sab de cv", "saic", "unipessoal lda", "unipessoal", "unip lda", "unip",
    # Czech and Slovak long spellings, Nordic partnerships, Swedish listed companies
    "akciova spolecnost", "spolecnost s rucenim omezenym", "handelsbolag", "kommanditbolag",
    "ab publ", "oyj abp", "publ ab", "publ",  # a listed company's "(publ)", before or after "AB"
    # Baltic, Hungarian, Icelandic and Irish long spellings
    "osauhing", "aktsiaselts", "uzdaroji akcine bendrove", "akcine bendrove",
    "sabiedriba ar ierobezotu atbildibu", "korlatolt felelossegu tarsasag", "einkahlutafelag",
    "designated activity company", "teoranta", "unlimited company",
    # Thai listed companies, Indian "(P) Ltd", Canadian French and unlimited forms
    "public company limited", "public co ltd", "p ltd", "ltee", "limitee", "ulc",
    # German entrepreneurial company and the Polish limited partnership with a GmbH partner
    "ug haftungsbeschrankt", "sp z o o sp k",
    # German limited partnerships with a company as partner, "und"/"u." for "&"; Norwegian and
    # Finnish long spellings; Mexican variable-capital forms written out
    "gmbh und co kg", "gmbh u co kg", "gmbh und co", "gmbh u co", "ag und co kg", "ag u co kg",
    "aksjeselskap", "kommandiittiyhtio", "avoin yhtio",
    "sociedad anonima de capital variable", "sociedad de responsabilidad limitada de capital variable",
    # joint-stock companies of the former Soviet Union in Latin letters, and Cyrillic forms
    "jsc", "pjsc", "cjsc", "ojsc", "prjsc", "joint stock company", "closed joint stock company",
    "ао", "ат", "прат", "тзов", "еоод", "оод", "ад", "еад",
    "товариство з обмеженою відповідальністю", "акционерное общество",
    # Spanish and Portuguese "Limitada", Romanian forms written out and the one-founder "SRL-D",
    # Argentine multi-purpose forms (S.A.C.I.F.I.A.), Indonesian state-owned "(Persero)"
    "limitada", "unipessoal limitada", "sociedade unipessoal", "srl d",
    "societate cu raspundere limitata", "societate pe actiuni", "societate in nume colectiv",
    "societate in comandita simpla", "societate in comandita pe actiuni",
    "saci", "sacif", "sacifi", "sacifia", "saici", "saicf", "saicyf", "persero", "persero tbk",
    # Swiss Italian and Romansh, Belgian partnership by shares, Quebec, Irish guarantee companies,
    # South African close corporations, Hungarian partnerships and companies written out
    "societa anonima", "societad anonima", "scomm", "incorporee", "clg", "company limited by guarantee",
    "close corporation", "beteti tarsasag", "kozkereseti tarsasag", "reszvenytarsasag",
    "zartkoruen mukodo reszvenytarsasag", "nyilvanosan mukodo reszvenytarsasag",
    # Vietnamese forms alone and in English, Gulf establishments and free-zone forms
    "tnhh", "tnhh mtv", "one member co ltd", "one member company limited",
    "one member limited liability company", "one member llc", "establishment",
    "free zone establishment", "free zone company", "free zone llc", "egyptian joint stock company",
    "egyptian joint stock co", "private jsc", "private joint stock company",
    # native-script forms: Arabic (punctuation removal turns "ش.ذ.م.م" into "شذمم"), Hebrew
    # ('בע"מ' becomes "בע מ", any spacing matches), Thai, Korean "(유)", Ukrainian joint-stock
    "شذمم", "ذمم", "ممح", "شمح", "شمم", "المحدودة", "المساهمة", "شركة مساهمة مصرية", "ذات مسؤولية محدودة",
    "בעמ", "בערבון מוגבל",
    "จำกัด", "จำกัด มหาชน", "มหาชน",
    "유",
    "приватне акціонерне товариство", "публічне акціонерне товариство", "акціонерне товариство",
    # native-script forms of Kazakhstan (ТОО), Mongolia (ХХК), North Macedonia and Serbia (ДОО, ДООЕЛ),
    # Belarus (ТАА), Uzbekistan (МЧЖ), Armenia (ՍՊԸ, ՓԲԸ, ԲԲԸ) and Georgia (შპს, სს)
    "тоо", "ххк", "доо", "дооел", "таа", "мчж", "սպը", "փբը", "բբը", "შპს", "სს",
    # forms written out in the Balkans and Latin America, Kyrgyzstan's (ОсОО, ЖЧК), Kuwait's closed shareholding
    # company, Paraguay's simplified company (E.A.S.), Nepal's and India's "pra. li." (प्रा. लि., Pvt. Ltd.)
    "drustvo s ogranicenom odgovornoscu", "drustvo sa ogranicenom odgovornoscu", "empresa individual",
    "empresa individual de responsabilidad limitada", "осоо", "жчк", "osoo", "zhchk", "ksc closed", "kscc",
    "eas", "pra li",
    # West Africa's one-person SARL (SUARL, SARLU), Lao English "Sole Co., Ltd", France's GIE written out;
    # native forms: Lao limited (ຈຳກັດ, sole ຈຳກັດຜູ້ດຽວ), Tajik LLC (ҶДММ, also typed ЧДММ), Oman's
    # listed and closed joint-stock companies (ش.م.ع.ع, ش.م.ع.م), Iran's joint-stock and limited forms
    # and the English "limited" written in Persian letters, Kurdish limited
    "suarl", "sarlu", "sole co ltd", "sole company limited", "groupement d interet economique",
    "ຈຳກັດ", "ຈຳກັດຜູ້ດຽວ", "ҷдмм", "чдмм", "jdmm", "chdmm", "شمعع", "شمعم",
    "سهامی خاص", "سهامی عام", "با مسئولیت محدود", "لمیتد", "سنووردار",
)
#: fewest letters of a one-word form that a cut field must leave for them to count as the form
MIN_CUT: Final[int] = 5
#: forms that are country or region codes or ordinary words: never stripped
NEVER_STRIP: Final[frozenset[str]] = frozenset(
    {"uk", "at", "nl", "private", "unlimited", "ent", "vat", "ok", "ec", "ee", "ad"}
)
#: short forms that are also words or codes: stripped only when spaced/dotted or by country
AMBIGUOUS: Final[frozenset[str]] = frozenset(
    {
        "ab", "ae", "aj", "as", "ay", "ba", "bl", "bm", "bt", "cio", "cv", "da", "dd", "ei",
        "eg", "ep", "et", "ev", "fa", "gk", "hb", "hf", "ij", "ik", "kb", "kd", "kf", "kk",
        "ks", "kt", "kv", "ky", "mb", "od", "oe", "og", "ong", "ou", "pp", "ps", "pt", "rt",
        "sal", "sc", "sd", "se", "sem", "sf", "sha", "sia", "sp", "spa", "ss", "teo", "ud",
        "xk", "xt", "sas", "sep", "sca", "scs", "snc", "me", "is", "gs", "sad", "koop", "ses",
        "vos", "pc", "na", "sau", "pcl", "sb", "eu", "ug", "ek", "cc", "dac", "sac", "sag", "est", "sam",
        "ca",  # Venezuela's compañía anónima ("C.A."), and California, Canada: dotted or by country only
    }
)  # fmt: skip
#: forms that lead a name as well as trail it ("N.V. Philips", "OOO Romashka")
LEADING_FORMS: Final[tuple[str, ...]] = (
    "nv", "bv", "ooo", "oao", "zao", "pao", "tov", "pjsc", "ojsc", "cjsc", "jsc", "uab",
    "kabushiki kaisha", "kabushikigaisha", "aktiebolaget", "aktiebolag", "osakeyhtiö",
    "ооо", "оао", "зао", "пао", "тов", "пат", "ип", "주식회사", "유한회사", "شركة", "株", "有",
    "ао", "ат", "прат", "тзов", "주", "prjsc",
    "общество с ограниченной ответственностью", "товариство з обмеженою відповідальністю",
    "акционерное общество", "perseroan terbatas", "uzdaroji akcine bendrove",
    # Vietnamese: "Công ty TNHH" (limited), "Công ty Cổ phần" / "CTCP" (joint stock), "MTV" (one member)
    "cong ty tnhh mtv", "cong ty tnhh", "cty tnhh", "cong ty trach nhiem huu han", "cong ty co phan",
    "cong ty cp", "cty cp", "ctcp", "cong ty", "cty",
    "cty tnhh mtv", "cong ty tnhh mot thanh vien", "tnhh mtv", "tnhh",
    # Ukrainian forms in Latin letters and Cyrillic, Arabic establishment, Thai company and its
    # short forms (บจก. limited, บมจ. public limited, หจก. limited partnership), Korean "(유)"
    "llc", "tzov", "private jsc", "private joint stock company",
    "приватне акціонерне товариство", "публічне акціонерне товариство", "акціонерне товариство",
    "مؤسسة", "บริษัท", "บจก", "บมจ", "หจก", "ห้างหุ้นส่วนจำกัด", "유",
    "тоо", "ххк", "доо", "дооел", "таа", "мчж", "սպը", "փբը", "բբը", "შპს", "სს",
    # forms that lead a name in Moldova, Romania and the French-speaking Maghreb ("SRL Codru Grup", "SARL Atlas
    # Distribution", "EURL Benali", "Établissements Kacem")
    "srl", "sarl", "eurl", "etablissements", "ets",
    # Montenegro's and Serbia's "DOO" written first ("DOO Jadran Trade"), Kyrgyzstan's ОсОО
    "doo", "осоо", "osoo",
    # "company" leading a name in Lao (ບໍລິສັດ), Persian (شرکت, its own letters for Arabic شركة) and
    # Malay (Syarikat); not French "Sté" (société), which folds to the "Ste" of "Ste Marie"
    "ບໍລິສັດ", "شرکت", "syarikat",
)  # fmt: skip
#: Japanese and Chinese forms, written with no space before or after the name ("株式会社ミナト電機",
#: "ミナト電機株式会社", "深圳市华强电子有限公司"); longest first where one ends another
UNSPACED_FORMS: Final[tuple[str, ...]] = (
    "股份有限公司", "有限责任公司", "有限責任公司", "集团有限公司", "集團有限公司", "一人有限公司", "有限公司",
    "股份公司", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
)  # fmt: skip
#: leading forms that are also words, stripped only in their country ("PT Astra" in Indonesia)
LEADING_BY_COUNTRY: Final[dict[str, tuple[str, ...]]] = {
    "ID": ("pt", "cv"),
    "RU": ("ao",),
    "KZ": ("ao", "too"),
    "JP": ("kk",),
    "LV": ("sia", "as"),
    "LT": ("ab",),
    "RO": ("sc",),
    "SE": ("ab",),
    "FI": ("oy", "oyj", "ab"),
    "EE": ("as",),
    "NO": ("as", "asa"),
}
#: forms used in a country beyond cleanco's lists (ISO-2 code -> spellings)
EXTRA_BY_COUNTRY: Final[dict[str, tuple[str, ...]]] = {
    "JP": ("kk", "gk", "yk", "kabushiki kaisha", "godo kaisha"),
    "SE": ("ab", "hb", "kb", "aktiebolag"),
    "FI": ("oy", "oyj", "ab", "ay", "ky"),
    "NO": ("as", "asa", "ans", "da"),
    "DK": ("as", "aps", "is", "ks"),
    "EE": ("as", "ou"),
    "CZ": ("as", "sro"),
    "SK": ("as", "sro"),
    "DE": ("se", "ag", "kg", "ev", "eg", "ug", "ek"),
    "AT": ("se", "ag", "kg", "og", "eu"),
    "FR": ("sa", "sas", "sca", "scs", "snc", "se"),
    "BE": ("sa", "nv", "bv", "sca", "scs", "snc"),
    "LU": ("sa", "sarl", "sas", "sca", "scs", "secs", "se"),
    "IT": ("spa", "srl", "sas", "snc", "ss"),
    "ES": ("sa", "sl", "sc", "sau"),
    "PL": ("sa", "sp", "sc", "spk", "spj"),
    "ID": ("pt", "cv", "tbk", "ud"),
    "TR": ("as", "ltd sti"),
    "TH": ("pcl",),
    "MY": ("sb",),
    "ZA": ("cc",),
    "CH": ("sag",),
    "AE": ("est",),
    "SA": ("est",),
    "RO": ("srl d", "societate cu raspundere limitata", "societate pe actiuni"),
    "CO": ("sas", "ltda", "limitada"),
    "CL": ("spa", "ltda", "limitada"),
    "AR": ("sas", "saci", "sacifia"),
    "IE": ("dac",),
    "PE": ("sac",),
    "IL": ("bm",),
    "HU": ("bt", "kft", "rt", "zrt", "nyrt", "kkt"),
    "BR": ("sa", "ltda", "me", "eireli"),
    "MX": ("sa", "sc", "sa de cv"),
    "GR": ("ae", "oe", "ee", "epe"),
    "LT": ("ab", "uab", "mb", "ij"),
    "LV": ("as", "sia", "ik", "ks"),
    "NL": ("bv", "nv", "cv", "vof"),
    "AZ": ("mmc", "asc", "qsc"),
    # Venezuela's "Compañía Anónima" (its "C.A." is Canada's code: never stripped), Monaco's "Société Anonyme
    # Monégasque" (S.A.M.; "Sam" is a name: stripped dotted or in Monaco, as the other ambiguous forms are)
    "VE": ("compania anonima", "ca", "sa"),
    "MC": ("sam", "societe anonyme monegasque", "sarl"),
}


#: ambiguous forms written in this mixed case as a legal form ("Constructora Díaz SpA")
MIXED_CASE_FORMS: Final[tuple[str, ...]] = ("SpA",)
#: fewest letters of an ambiguous form that capitals alone show to be a legal form ("SAS", not "AB")
MIN_CAPITALS: Final[int] = 3
#: countries whose forms are too common in names to tell a name's country ("Ltd", "Inc")
GENERIC_FORM_COUNTRIES: Final[tuple[str, ...]] = ("US", "GB")


def compact(form: str) -> str:
    """A form's letters, marks and digits only ("S.à r.l." -> "sarl", "GmbH & Co. KG" -> "gmbhandcokg").

    Marks that folding keeps (Thai vowels, "บริษัท") stay, as they do in the names."""
    text = fold_text(form.replace("&", " and ").replace("'", "").replace(".", ""))
    return "".join(c for c in text if unicodedata.category(c)[0] in "LNM")


def _spaced(form: str) -> str:
    """RE2 for a compact form with optional spaces between its characters."""
    return " ?".join(re.escape(c) for c in form)


def _separated(form: str) -> str:
    """RE2 for a compact form written with a separator between every two letters ("k.k.")."""
    return "(?:[./] *| +)".join(re.escape(c) for c in form) + r"\.?"


def _alternation(forms: frozenset[str] | set[str]) -> str:
    """Longest first, so "gmbhandcokg" wins over "kg"."""
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return "|".join(_spaced(f) for f in ordered)


@lru_cache(maxsize=1)
def all_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(unambiguous, ambiguous) compact legal forms of every country."""
    terms: set[str] = set(EXTRA_FORMS)
    for values in (*termdata.terms_by_country.values(), *termdata.terms_by_type.values()):
        terms.update(values)
    forms = {compact(t) for t in terms} - {""}
    forms |= {compact(f) for spellings in EXTRA_BY_COUNTRY.values() for f in spellings}
    forms -= NEVER_STRIP
    ambiguous = frozenset(f for f in forms if f in AMBIGUOUS)
    return frozenset(forms - ambiguous), ambiguous


@lru_cache(maxsize=1)
def forms_by_country() -> dict[str, frozenset[str]]:
    """ISO-2 country code -> the compact legal forms used there (cleanco's data and extras)."""
    iso = country_iso_by_name()
    aliases = {"Luxemborg": "LU", "Columbia": "CO", "Bosnia / Herzegovina": "BA",
               "Czech Republic": "CZ", "Macedonia": "MK", "United States of America": "US",
               "Russia": "RU", "Turkey": "TR"}  # fmt: skip
    out: dict[str, set[str]] = {}
    for country, terms in termdata.terms_by_country.items():
        code = aliases.get(country) or iso.get(country)
        if code:
            out.setdefault(code, set()).update(compact(t) for t in terms)
    for code, spellings in EXTRA_BY_COUNTRY.items():
        out.setdefault(code, set()).update(compact(f) for f in spellings)
    return {k: frozenset(v - NEVER_STRIP - {""}) for k, v in out.items()}


@lru_cache(maxsize=1)
def trailing_pattern() -> str:
    """RE2: a name (group 1) followed by one unambiguous legal form in any spacing."""
    unambiguous, _ = all_forms()
    return rf"^(.*?[^ ]) +(?:{_alternation(unambiguous)})$"


@lru_cache(maxsize=1)
def separated_pattern() -> str:
    """RE2: a name (group 1) followed by an ambiguous form written with separators ("K.K.").

    Applied before dots and slashes are removed (the separators are the evidence).
    """
    _, ambiguous = all_forms()
    ordered = sorted((f for f in ambiguous if len(f) >= 2), key=lambda f: (-len(f), f))
    alternation = "|".join(_separated(f) for f in ordered)
    return rf"^(.*?[^ ,]) *[ ,] *(?:{alternation})$"


@cache
def country_pattern(forms: frozenset[str]) -> str:
    """RE2: a name (group 1) followed by one of `forms` (a country's ambiguous forms)."""
    return rf"^(.*?[^ ]) +(?:{_alternation(forms)})$"


@cache
def leading_pattern(forms: frozenset[str] = frozenset()) -> str:
    """RE2: a leading legal form (LEADING_FORMS, or `forms`) followed by the name (group 1)."""
    chosen = forms or frozenset(compact(f) for f in LEADING_FORMS)
    return rf"^(?:{_alternation(chosen)}) +([^ ].*)$"


@lru_cache(maxsize=1)
def quoted_leading_pattern() -> str:
    """RE2: any legal form, ambiguous ones too, leading a quoted name (group 1): 'SIA "Gauja"'.

    The quotes say where the name begins, so the form before them is no word of the name.
    Applied to folded names before punctuation is removed.
    """
    unambiguous, ambiguous = all_forms()
    quotes = "\"'" + "".join(chr(c) for c in (0xAB, 0x201C, 0x201D, 0x201E, 0x2018, 0x2019))
    return rf"^(?:{_alternation(unambiguous | ambiguous)}) *[{quotes}] *([^ ].*)$"


def _cut_spellings() -> set[str]:
    """Folded multi-letter spellings of every form (words kept apart: "sociedad limitada")."""
    terms: set[str] = set(EXTRA_FORMS)
    for values in (*termdata.terms_by_country.values(), *termdata.terms_by_type.values()):
        terms.update(values)
    return {fold(t.replace("&", " and ")) for t in terms} - {""}


def _cut(spelling: str) -> str | None:
    """RE2 for a strict prefix of a spelled form that a cut field leaves, or None.

    A one-word form counts when cut inside the word after at least MIN_CUT letters
    ("aktiengese"); a longer form when the cut passes its first word ("sociedad limitad",
    "spolka z ograni"), so a lone "national" or "public" never looks like a cut form.
    """
    words = spelling.split(" ")
    form = "".join(words)
    first = MIN_CUT if len(words) == 1 else max(MIN_CUT, len(words[0]) + 1)
    if len(form) <= first or compact(spelling) in NEVER_STRIP:
        return None
    tail = ""
    for c in reversed(form[first:-1]):
        tail = f"(?: ?{re.escape(c)}{tail})?"
    return _spaced(form[:first]) + tail


@lru_cache(maxsize=1)
def cut_form_pattern() -> str:
    """RE2: a name (group 1) ending in the start of a spelled-out legal form that a fixed-width
    field cut short ("Gotthard Informatik Aktiengese", "Baltyk Technologie Spolka z ograni")."""
    cuts = sorted({c for f in _cut_spellings() if (c := _cut(f))}, key=lambda c: (-len(c), c))
    return rf"^(.*?[^ ]) +(?:{'|'.join(cuts)})$"


@cache
def unspaced_leading_pattern() -> str:
    """RE2: a leading `UNSPACED_FORMS` form, with or without a space, then the name (group 1)."""
    return rf"^(?:{'|'.join(UNSPACED_FORMS)}) *([^ ].*)$"


@cache
def unspaced_trailing_pattern() -> str:
    """RE2: the name (group 1), then a trailing `UNSPACED_FORMS` form (or 公司), with or without a space."""
    return rf"^(.*?[^ ]) *(?:{'|'.join((*UNSPACED_FORMS, '公司'))})$"


def country_leading_forms(country: str) -> frozenset[str]:
    """The ambiguous leading forms of one country (empty when it has none)."""
    return frozenset(compact(f) for f in LEADING_BY_COUNTRY.get(country, ()))


@lru_cache(maxsize=1)
def circumfix_patterns() -> tuple[str, dict[str, str]]:
    """RE2s: a folded name led by a `LEADING_BY_COUNTRY` form, dotted or not ("s.c.", "pt"); and,
    for names without punctuation, per country that leads with one: its leading form, then a
    trailing form it uses that `GENERIC_FORM_COUNTRIES` do not ("sc ... srl" in Romania,
    "pt ... tbk" in Indonesia): the trailing form tells the country of the leading one."""
    by_country = forms_by_country()
    generic = frozenset().union(*(by_country.get(c, frozenset()) for c in GENERIC_FORM_COUNTRIES))
    leading = {compact(f) for spellings in LEADING_BY_COUNTRY.values() for f in spellings}
    per_country = {}
    for country, spellings in LEADING_BY_COUNTRY.items():
        evidence = by_country.get(country, frozenset()) - generic
        if evidence:
            lead = _alternation(frozenset(compact(f) for f in spellings))
            per_country[country] = rf"^(?:{lead}) +.*[^ ] +(?:{_alternation(evidence)})$"
    dotted = "|".join("[. ]?".join(re.escape(c) for c in f) for f in sorted(leading, key=lambda f: (-len(f), f)))
    return rf"^(?:{dotted})[^\p{{L}}\p{{N}}]", per_country


@lru_cache(maxsize=1)
def cased_patterns() -> tuple[str, str]:
    """RE2s (case-sensitive) on raw names with the group `form`: an ambiguous form written as a
    legal form, as a whole word: in capitals ("Gómez y Ospina SAS", "Lynch Properties DAC"; at least
    MIN_CAPITALS letters, as two capitals are as often a state, a code or initials: "Acme AB"), in
    its own mixed case ("SpA") or capitalised with an abbreviation dot ("Gallagher Bros Teo."); and
    a leading `LEADING_BY_COUNTRY` form in capitals with its dot ("PT. Karya Abadi")."""
    _, ambiguous = all_forms()
    plain = sorted((f for f in ambiguous if f.isascii() and f.isalpha()), key=lambda f: (-len(f), f))
    spelled = [f.upper() + r"\.?" for f in plain if len(f) >= MIN_CAPITALS]
    spelled += [re.escape(f) + r"\.?" for f in MIXED_CASE_FORMS] + [f.capitalize() + r"\." for f in plain]
    trailing = rf"(?:^|[ \t,(])(?P<form>{'|'.join(spelled)})(?:$|[ \t,)])"
    leading = sorted({compact(f).upper() for forms in LEADING_BY_COUNTRY.values() for f in forms})
    return trailing, rf"^(?P<form>{'|'.join(leading)})\. "

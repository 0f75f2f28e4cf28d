"""A partner program's free-text SUPPORT MODEL read as the owner of the partner's renewals.

Who delivers the support owns the renewal: 'reseller' (the partner does), 'vendor' (the vendor /
manufacturer does), 'service_org', 'third_party', or None when the text says neither. The build
calls `support_owner` from SQL (partner_terms.sql) as a function registered on the connection
(warehouse.steps.register_macros).

Why Python and not a regular expression: the wordings come in many languages and say the same
thing in opposite ways ("Herstellersupport", "Kein Partnersupport", "Partner resells only",
"Partner L1, vendor delivers L2", "Indirect"), and a pattern that looks for a role word anywhere
reads half of them backwards. The reading here is:

1. The whole cell a yes / no (in many languages, 1/0, true/false, x, check marks) answers "does
   the partner deliver the support": yes = 'reseller', no = 'vendor'.
2. Service organisations and third-party maintainers keep their patterns (checked next).
3. Otherwise the text is folded (case, accents) and cut into clauses at , ; . ( ) and at "but" in
   several languages. In each clause, whole words (a word that starts or ends with a role word
   counts: "Herstellersupport", "Fachhändler", "Partneren") give a ROLE (vendor side or partner
   side; "direct" is the vendor, "indirect" the channel), a NEGATION, a SUPPORT word, a FIRST-LINE
   (L1) or SECOND-LINE (L2) mark, a RESALE word ("resell only", "transactional"), or "-assisted".
4. Each clause gives evidence with a weight: a first-line clause names its role (weight 3); a
   support clause names its role (2), "X-assisted" and "X L2" name the other side (2); a bare
   role names itself (1); "resells only" / "no support" name the vendor (1). A negation turns the
   role to the other side ("Kein Partnersupport" = vendor). The heaviest evidence decides; when it
   disagrees, None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from warehouse.text_fold import fold

Side = Literal["vendor", "partner"]

def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# -- whole-cell answers to "does the partner deliver the support?"
YES = _folded("yes y true ja oui si sí sim tak x kyllä 1 ✓ ✔ ☑ はい 是 예")
#: a lone dash is no answer: exports write it for an empty cell
NO = _folded("no n false nein non nie não nao nee nej nei ei 0 ✗ ✘ ☒ いいえ 否 아니오")

# -- roles: the vendor's side and the partner's side
VENDOR_WORDS = _folded(
    "vendor vendors manufacturer manufacturers oem oems maker makers mfr brand-owner principal hersteller herstellers"
    " fabricant fabricants constructeur constructeurs editeur éditeur fabricante fabricantes produttore produttori"
    " fabbricante fabbricanti costruttore leverancier leveranciers fabrikant fabrikanten producent producenta"
    " producenten producentem tillverkare tillverkaren tillverkarens leverandør leverandøren valmistaja"
    " direct directly direkt direkte directo directa direto direta diretto diretta rechtstreeks bezpośrednio"
)
PARTNER_WORDS = _folded(
    "partner partners partnera partnerzy partneren partnere reseller resellers dealer dealers händler fachhändler"
    " revendeur revendeurs partenaire partenaires distribuidor distribuidores distributor distributors socio socios"
    " rivenditore rivenditori wederverkoper wederverkopers återförsäljare återförsäljaren forhandler forhandleren"
    " forhandlere revendedor revendedores parceiro parceiros sprzedawca dystrybutor channel kanal integrator"
    " systemhaus self indirect indirecto indirecta indirekt indirekte indiretto indireto indireta"
)
#: role words a longer word may start or end with ("Herstellersupport", "Fachhändler", "Vertriebspartner")
COMPOUND_ROLES: dict[str, Side] = {
    **{w: "vendor" for w in _folded("vendor manufacturer hersteller fabrikant leverancier producent tillverkare"
                                    " leverandør fabricante produttore constructeur")},
    **{w: "partner" for w in _folded("partner reseller dealer händler forhandler wederverkoper återförsäljare"
                                     " rivenditore revendedor revendeur partenaire distribuidor")},
}
#: endings of an inflected role word ("Partneren", "producenta", "tillverkarens")
INFLECTIONS = ("'s", "s", "es", "n", "en", "ns", "ens", "a", "e", "er", "ern", "erne", "et", "ets", "em", "ship", "i")
#: words of scripts without spaces, found inside a word
CJK_ROLES: dict[str, Side] = {
    **{w: "vendor" for w in _folded("メーカー ベンダー 製造元 製造業者 直接 厂商 原厂 厂家 제조사 벤더")},
    **{w: "partner" for w in _folded("販売店 パートナー 代理店 リセラー 经销商 合作伙伴 渠道 파트너 리셀러 대리점")},
}

# -- what a clause says about its role
NEGATIONS = _folded(
    "no not non none without never neither nor cannot doesnt dont isnt arent didnt cant wont excluded"
    " kein keine keinen keiner keinem nicht ohne nie niemals pas sans aucun aucune ni jamais sin ningun ninguno ninguna"
    " nunca senza nessun nessuno nessuna mai sem nenhum nenhuma nao geen niet zonder nooit ingen inte ej icke"
    " ikke uden aldrig bez brak zadnego zadna ei"
)
CJK_NEGATIONS = _folded("なし 無し ない 不可 対象外 无 不 없음 없는")
#: stems of support words ("supported", "Unterstützung", "ondersteuning", "wsparcie")
SUPPORT_STEMS = tuple(_folded(
    "support suport soport deliver provid handl manag maintain maintenance servic helpdesk assistance"
    " assistenza asistencia assistencia assure fourni ondersteun levert leverer levererar leveret unterstutz"
    " betreu wartung erbracht erbringt liefert geliefert fornisc fornit prestad prestat fornec wsparc zapewn"
    " swiadcz obslug serwis tillhandahall yder ydes soutien"))
SUPPORT_WORDS = _folded("run runs led l1 l2 l3 1st 2nd")
CJK_SUPPORT = _folded("サポート 保守 支援 対応 支持 服务 지원")
#: the first line of support, which decides over the second
FIRST_LINE = _folded("l1 1st tier1 level1 first-line firstline 一次 1차")
FIRST_WITH_CONTEXT = _folded("first front primary erste ersten erster premier premiere primer primera primo prima"
                             " primeiro primeira pierwsza pierwszej pierwszy forsta forste eerste eerstelijns")
LINE_WORDS = _folded("line level tier lijn linie linje niveau nivel livello nivå nivello poziom call contact"
                     " response support supporto soporte suporte")
SECOND_LINE = _folded("l2 l3 2nd 3rd tier2 tier3 level2 level3 second secondary zweite zweiter deuxieme segundo"
                      " segunda secondo seconda tweede andra anden andet druga drugiej escalation eskalation backline")
#: "vendor-assisted": the named side helps, the other side delivers
ASSISTS = _folded("assisted backed")
#: the partner only sells ("Resell only", "Transactional", "handles billing only")
RESALE = _folded("resell resells resale reselling resold sold sells sell selling transactional transaction"
                 " fulfilment fulfillment fulfils fulfills billing invoicing revenda reventa revente rivendita"
                 " wiederverkauf verkauf doorverkoop videresalg aterforsaljning odsprzedaz")
ONLY = _folded("only just solely nur lediglich seulement uniquement solo solamente apenas somente soltanto"
               " tylko endast bara kun alleen のみ だけ")
#: "by X": X is the one who does it, when a clause names both sides
AGENT_MARKS = _folded("by durch von par por door da dal dalla dai pelo pela przez av af fra from via through")

SERVICE_ORG = re.compile(r"(service org|organi[sz]ation|\basp\b|authori[sz]ed service)")
THIRD_PARTY = re.compile(r"(third[- ]party|3rd[- ]party|\btpm\b)")
CLAUSES = re.compile(r"[,;.()\[\]{}|\n]|\s[/\-–—]\s|\b(?:but|however|whereas|while|aber|jedoch|sondern|mais|pero"
                     r"|sino|ma|mas|porem|maar|men|ale)\b")
WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
VAR_ABBREVIATION = re.compile(r"\bVARs?\b")  # "VAR" only in capitals: "var" is a word in Nordic languages


@dataclass(frozen=True)
class Evidence:
    """What one clause says: the owner and how firmly (3 first line, 2 support, 1 a bare role)."""

    owner: Literal["vendor", "reseller"]
    weight: int


def _owner(side: Side, negated: bool) -> Literal["vendor", "reseller"]:
    if negated:
        return "reseller" if side == "vendor" else "vendor"
    return "vendor" if side == "vendor" else "reseller"


def _role(word: str) -> tuple[Side | None, str]:
    """The side a word names, and what is left of it ("herstellersupport" -> vendor, "support")."""
    if word in VENDOR_WORDS:
        return "vendor", ""
    if word in PARTNER_WORDS:
        return "partner", ""
    for role, side in COMPOUND_ROLES.items():
        if word.startswith(role):
            rest = word[len(role):]
            if rest in INFLECTIONS or len(rest) >= 4:
                return side, "" if rest in INFLECTIONS else rest
        if word.endswith(role) and len(word) - len(role) >= 3:
            return side, word[: -len(role)]
    for cjk, side in CJK_ROLES.items():
        if cjk in word:
            return side, word
    return None, word


def _is_support(word: str) -> bool:
    return (word in SUPPORT_WORDS or word.startswith(SUPPORT_STEMS)
            or any(w in word for w in CJK_SUPPORT))


def _read_clause(clause: str, original: str) -> Evidence | None:
    words = WORDS.findall(clause.replace("n't", " not"))
    roles: list[tuple[int, Side]] = []
    negated = support = first = second = assisted = resale = only = False
    line_word = False
    for i, word in enumerate(words):
        side, rest = _role(word)
        if side is not None:
            roles.append((i, side))
        elif word == "var" and VAR_ABBREVIATION.search(original):
            roles.append((i, "partner"))
        for w in (rest,) if rest else ():  # a word, what is left of a compound beside its role, or nothing
            negated |= (w in NEGATIONS or any(n in w for n in CJK_NEGATIONS)
                        or w.startswith(("un", "non")) and _is_support(w.removeprefix("un").removeprefix("non")))
            support |= _is_support(w)
            first |= w in FIRST_LINE or w in FIRST_WITH_CONTEXT
            line_word |= w in LINE_WORDS or _is_support(w)
            second |= w in SECOND_LINE
            assisted |= w in ASSISTS
            resale |= w in RESALE
            only |= w in ONLY
    first = first and (line_word or any(w in FIRST_LINE for w in words))
    if resale and not first and (only or not support) and all(s == "partner" for _, s in roles):
        return Evidence("vendor", 1)  # the partner only sells
    if not roles:
        if negated and support:
            return Evidence("vendor", 1)  # "no support": the partner delivers none
        if first and not negated:
            return Evidence("reseller", 1)  # first-line support: the partner's
        return None
    # the side doing it: the one after "by" when the clause names both, else the first named
    agents = [s for i, s in roles if i > 0 and words[i - 1] in AGENT_MARKS]
    side = agents[0] if agents and len({s for _, s in roles}) > 1 else roles[0][1]
    if first:
        return Evidence(_owner(side, negated), 3)
    if assisted or second:
        return Evidence(_owner(side, not negated), 2)  # the other side delivers
    return Evidence(_owner(side, negated), 2 if support else 1)


def support_owner(text: str | None) -> str | None:
    """The owner of the partner's renewals a support model names: 'reseller', 'vendor', 'service_org',
    'third_party', or None when it says neither (see the module's docstring for the reading)."""
    if text is None:
        return None
    folded = fold(text).strip()
    cell = folded.rstrip(".!")
    if cell in YES:
        return "reseller"
    if cell in NO:
        return "vendor"
    if SERVICE_ORG.search(folded):
        return "service_org"
    if THIRD_PARTY.search(folded):
        return "third_party"
    evidence = [e for clause in CLAUSES.split(folded) if clause and (e := _read_clause(clause, text)) is not None]
    if not evidence:
        return None
    top = max(e.weight for e in evidence)
    owners = {e.owner for e in evidence if e.weight == top}
    return owners.pop() if len(owners) == 1 else None

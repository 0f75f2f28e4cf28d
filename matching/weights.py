"""The customer match model: Fellegi-Sunter weights per comparison level, in bits.

Each comparison of a pair lands on a level (-1 = a side is missing, 0 = disagree, higher = closer
agreement). A level's weight is log2(m / u): m the chance of that level for a true match, u for a
non-match. These hand-set weights are the prior: each run moves them by at most a couple of bits
toward what its own data shows (`learning`: u from random pairs, m by EM), so a pair's score
drifts little as unrelated data arrives and entity ids stay stable; they were set from the m/u
reasoning noted beside each comparison and checked on the Chicago benchmark, the generated demo
world and the synthetic multi-source world of `bench/synthetic_records.py`
(`bench/matching_quality.py`).
Exact-value levels get a term-frequency adjustment at scoring time (a phone shared by 30
sites, an address shared by a whole office building say less), and every agreeing name level
one from the name's ambiguity (how many distinct names share the agreed tokens: a bare stem
used by 40 companies says little). The prior makes a pair with no evidence improbable. The
score is prior + sum of weights (with the interactions of `scoring`: place evidence capped
when names share nothing, a phone capped across different streets, a bonus for specific name
agreement at one address); probability = 1 / (1 + 2^-score). Probabilities are roughly
calibrated on Chicago; on name-only pairs they are conservative (clustering adds the context).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final


@dataclass(frozen=True)
class Comparison:
    """Weights (bits) per level 0..n of one comparison, and what a level contributes to rules.

    `rule_labels[level]` names the level in a pair's match_rule ("" = not shown); `tf_reference`
    is the number of holders a value may have before its exact agreement is down-weighted by
    log2(holders / tf_reference) (None: no term-frequency adjustment); `tf_floor` is the least
    an adjusted agreement keeps; `tf_all_levels` applies the adjustment to every agreeing level,
    not just the top one.
    """

    weights: tuple[float, ...]
    rule_labels: tuple[str, ...]
    tf_reference: float | None = None
    tf_floor: float = 0.0
    tf_all_levels: bool = False


@dataclass(frozen=True)
class MatchModel:
    """Prior and comparisons of the customer match model (see the module docstring)."""

    prior: float
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    #: name similarity thresholds of levels 1..5 (6 = exact normalised name)
    name_thresholds: tuple[float, ...] = (0.35, 0.55, 0.75, 0.88, 0.97)
    #: comparisons that only say where a record is (a building, its switchboard), not who
    place_comparisons: tuple[str, ...] = ("street", "postal", "city", "state", "phone")
    #: when the names clearly differ (name level <= `distinct_name_level`, no token shared), the place
    #: comparisons together add at most this many bits: outlets in one mall and tenants of one
    #: office share an address and often a phone, yet are different customers
    place_cap: float | None = 10.0
    distinct_name_level: int = 0
    #: a phone shared by records at clearly different streets is a head office's or a central
    #: switchboard's number: its agreement adds at most this many bits there
    phone_cap_other_street: float | None = 2.0
    #: at one exact street address, names agreeing on specific tokens (at most
    #: `specific_holders` distinct names expected to share them) but differing in the rest
    #: ("Carole Robertson Center - Roosevelt" / "Carole Robertson Center for Learning") are the
    #: same customer's programmes or departments: the partial name levels gain these bits
    same_site_bonus: float = 3.0
    specific_holders: float = 2.0
    same_site_name_levels: tuple[int, ...] = (1, 2)
    #: a name held by records in two or more countries is the name of as many companies (a
    #: multinational's subsidiaries, a generic "Global Trading"): when a side's country is unknown,
    #: the name agreement adds at most this many bits, so the name alone does not link (-prior:
    #: even odds at best) and a city, postcode, domain or phone has to say which company it is
    spread_name_cap: float | None = 8.0
    #: records in two countries belong to two companies (a multinational's subsidiaries): their
    #: conflict (`scoring.PairScores`) is at least this many bits, so clustering keeps them apart,
    #: unless their cities agree (then one country cell is a slip: "Milwaukee", "España")
    country_conflict: float | None = -8.0
    #: names of one stem with a word of its own on each side ("Schelde Services" / "Schelde
    #: Techniek") are two companies of one group: their shared web domain is the group's, and
    #: adds at most this many bits
    swapped_domain_cap: float | None = 2.0


CUSTOMER_MODEL: Final[MatchModel] = MatchModel(
    prior=-8.0,
    comparisons={
        # names: soft TF-IDF token coverage levels; exact = same normalised name. A near-exact
        # name is rare among non-matches (u ~ 1e-4..1e-5), so a clean name alone links (weight
        # above -prior); every agreeing level is down-weighted when more than `tf_reference`
        # distinct names are expected to share the agreed tokens (a name made of common words,
        # or a bare stem shared by many companies, says little).
        "name": Comparison(
            weights=(-6.0, -2.0, 1.0, 4.5, 8.5, 10.0, 11.0),
            rule_labels=(
                "",
                "",
                "name>=0.55",
                "name>=0.75",
                "name>=0.88",
                "name>=0.97",
                "name=exact",
            ),
            tf_reference=4.0,
            tf_floor=2.0,
            tf_all_levels=True,
        ),
        # street key (house number + street name): 0 different, 1 same house number on a
        # differently written street, 2 same building other unit, 3 same number and similar
        # street, 4 same key. Sites of one organisation are different customers, so a
        # different street counts clearly against a pair.
        "street": Comparison(
            weights=(-5.0, -0.5, 1.5, 6.0, 8.0),
            rule_labels=("", "", "", "address~", "address"),
            tf_reference=3.0,
            tf_floor=1.0,
        ),
        "postal": Comparison(
            weights=(-4.0, 0.0, 3.0),
            rule_labels=("", "", "postal"),
            tf_reference=50.0,
            tf_floor=1.0,
        ),
        "city": Comparison(
            weights=(-3.0, 1.5, 2.0),
            rule_labels=("", "city~", "city"),
            tf_reference=100.0,
            tf_floor=0.5,
        ),
        "state": Comparison(weights=(-3.0, 0.5), rule_labels=("", "")),
        "country": Comparison(weights=(-5.0, 0.0), rule_labels=("", "")),
        # phones: 1 = same last seven digits only
        "phone": Comparison(
            weights=(-1.5, 6.0, 8.0),
            rule_labels=("", "phone~", "phone"),
            tf_reference=3.0,
            tf_floor=1.0,
        ),
        "domain": Comparison(
            weights=(-3.0, 8.0), rule_labels=("", "domain"), tf_reference=5.0, tf_floor=2.0
        ),
        "email": Comparison(
            weights=(0.0, 9.0), rule_labels=("", "email"), tf_reference=3.0, tf_floor=3.0
        ),
        # a CRM account is near-proof of identity; two different accounts count only mildly
        # against a pair, because CRMs hold duplicate accounts of one customer
        "account": Comparison(weights=(-2.0, 12.0), rule_labels=("", "crm_account")),
        # a shared serial or contract number is specific evidence (a unit, an agreement belongs
        # to one customer), stronger than a name-only match, yet not proof (assets are resold,
        # contracts billed to leasing companies): with a dissimilar name it does not link
        "serial": Comparison(weights=(0.0, 9.0), rule_labels=("", "serial")),
        "contract": Comparison(weights=(0.0, 9.0), rule_labels=("", "contract")),
    },
)

#: order of evidence in a match_rule string
RULE_ORDER: Final[tuple[str, ...]] = (
    "account",
    "serial",
    "contract",
    "email",
    "domain",
    "phone",
    "street",
    "name",
    "postal",
    "city",
)

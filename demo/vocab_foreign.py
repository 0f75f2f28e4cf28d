"""Foreign company names (accented stems, industries, legal forms per country): the non-US customers."""

from __future__ import annotations

from typing import Final

#: foreign names written out in full (all representable in cp1252)
PINNED_FOREIGN: Final[tuple[tuple[str, str, str, str], ...]] = (
    # stem, industry, suffix class, suffix form
    ("Müller", "Präzisionstechnik", "gmbh", "GmbH"),
    ("Société Générale", "Équipements", "sa", "SA"),
    ("Åkerlund", "Industri", "ab", "AB"),
    ("Telefónica", "Soluciones Ibéricas", "sl", "SL"),
    ("Systèmes", "Boréal", "inc", "Inc."),
)
FOREIGN_STEMS: Final[dict[str, tuple[str, ...]]] = {
    "DE": (
        "Müller",
        "Schäfer",
        "Köhler",
        "Weiß",
        "Groß",
        "Bäcker",
        "Jäger",
        "Krüger",
        "Schröder",
        "Hölzer",
        "Fuchs",
        "Wagner",
        "Böhm",
        "Löwe",
        "Günther",
        "Brückner",
    ),
    "FR": (
        "Lefèvre",
        "Bélanger",
        "Gérard",
        "Lévesque",
        "Côté",
        "Bérubé",
        "Ménard",
        "Thériault",
        "Dubois",
        "Moreau",
        "Girard",
        "Rivière",
    ),
    "CA": ("Boréal", "Lévesque", "Gagné", "Pelletier", "Bouchard", "Côté"),
    "GB": ("Harrington", "Whitmore", "Ashby", "Pemberton", "Fairfax", "Blythe"),
    "ES": ("Muñoz", "Ibáñez", "Peñalver", "Núñez", "Castaño", "Gómez"),
    "SE": ("Åkerlund", "Ström", "Björk", "Lindqvist", "Nyström", "Söderberg"),
}
FOREIGN_INDUSTRIES: Final[dict[str, tuple[str, ...]]] = {
    "DE": (
        "Präzisionstechnik",
        "Maschinenbau",
        "Logistik",
        "Datensysteme",
        "Elektronik",
        "Medizintechnik",
        "Energietechnik",
        "Feinmechanik",
        "Kunststofftechnik",
        "Anlagenbau",
    ),
    "FR": (
        "Équipements",
        "Systèmes",
        "Informatique",
        "Télécom",
        "Énergie",
        "Électronique",
        "Mécanique",
        "Ingénierie",
    ),
    "CA": ("Technologies", "Systèmes", "Énergie", "Matériaux", "Aéronautique"),
    "GB": ("Engineering", "Logistics", "Holdings", "Instruments", "Analytics"),
    "ES": ("Construcciones", "Energía", "Logística", "Telecomunicación", "Ingeniería"),
    "SE": ("Industri", "Teknik", "Energi", "Logistik", "Verkstad"),
}
FOREIGN_SUFFIXES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "DE": (("gmbh", "GmbH"), ("ag", "AG")),
    "FR": (("sa", "SA"), ("sas", "SAS"), ("sarl", "SARL")),
    "CA": (("inc", "Inc."), ("ltd", "Ltd")),
    "GB": (("ltd", "Ltd"),),
    "ES": (("sl", "SL"), ("sa", "SA")),
    "SE": (("ab", "AB"),),
}

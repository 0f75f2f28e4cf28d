"""Places of the demo world: US and foreign cities, streets, country spellings and web domains."""

from __future__ import annotations

from typing import Final

#: city, state, ZIP base, area code (New England ZIPs start with 0)
US_CITIES: Final[tuple[tuple[str, str, int, str], ...]] = (
    ("Boston", "MA", 2108, "617"),
    ("Cambridge", "MA", 2139, "617"),
    ("Worcester", "MA", 1608, "508"),
    ("Providence", "RI", 2903, "401"),
    ("Hartford", "CT", 6103, "860"),
    ("New Haven", "CT", 6510, "203"),
    ("Portland", "ME", 4101, "207"),
    ("Burlington", "VT", 5401, "802"),
    ("Manchester", "NH", 3101, "603"),
    ("Newark", "NJ", 7102, "973"),
    ("Princeton", "NJ", 8540, "609"),
    ("New York", "NY", 10001, "212"),
    ("Albany", "NY", 12207, "518"),
    ("Philadelphia", "PA", 19103, "215"),
    ("Pittsburgh", "PA", 15222, "412"),
    ("Baltimore", "MD", 21202, "410"),
    ("Washington", "DC", 20001, "202"),
    ("Richmond", "VA", 23219, "804"),
    ("Charlotte", "NC", 28202, "704"),
    ("Raleigh", "NC", 27601, "919"),
    ("Atlanta", "GA", 30303, "404"),
    ("Miami", "FL", 33131, "305"),
    ("Orlando", "FL", 32801, "407"),
    ("Tampa", "FL", 33602, "813"),
    ("Nashville", "TN", 37203, "615"),
    ("Columbus", "OH", 43215, "614"),
    ("Cleveland", "OH", 44113, "216"),
    ("Detroit", "MI", 48226, "313"),
    ("Indianapolis", "IN", 46204, "317"),
    ("Chicago", "IL", 60601, "312"),
    ("Milwaukee", "WI", 53202, "414"),
    ("Minneapolis", "MN", 55401, "612"),
    ("St. Louis", "MO", 63101, "314"),
    ("Kansas City", "MO", 64105, "816"),
    ("Omaha", "NE", 68102, "402"),
    ("Dallas", "TX", 75201, "214"),
    ("Houston", "TX", 77002, "713"),
    ("Austin", "TX", 78701, "512"),
    ("Denver", "CO", 80202, "303"),
    ("Salt Lake City", "UT", 84101, "801"),
    ("Boise", "ID", 83702, "208"),
    ("Albuquerque", "NM", 87102, "505"),
    ("Phoenix", "AZ", 85004, "602"),
    ("Las Vegas", "NV", 89101, "702"),
    ("Los Angeles", "CA", 90012, "213"),
    ("San Diego", "CA", 92101, "619"),
    ("San Francisco", "CA", 94105, "415"),
    ("San Jose", "CA", 95113, "408"),
    ("Sacramento", "CA", 95814, "916"),
    ("Portland", "OR", 97201, "503"),
    ("Seattle", "WA", 98101, "206"),
)
#: states whose customers mostly buy through Pacific Supply
WEST_STATES: Final[frozenset[str]] = frozenset(
    {"CA", "WA", "OR", "NV", "AZ", "UT", "ID", "NM", "CO"}
)

#: country code -> (city, region, postal code, phone prefix, street template) options
FOREIGN_CITIES: Final[dict[str, tuple[tuple[str, str, str, str], ...]]] = {
    "DE": (
        ("München", "BY", "80331", "+49 89"),
        ("Berlin", "BE", "10115", "+49 30"),
        ("Hamburg", "HH", "20095", "+49 40"),
        ("Stuttgart", "BW", "70173", "+49 711"),
    ),
    "FR": (
        ("Paris", "IDF", "75008", "+33 1"),
        ("Lyon", "ARA", "69002", "+33 4"),
        ("Toulouse", "OCC", "31000", "+33 5"),
    ),
    "CA": (
        ("Montréal", "QC", "H2Y 1C6", "+1 514"),
        ("Québec", "QC", "G1R 4P5", "+1 418"),
        ("Toronto", "ON", "M5H 2N2", "+1 416"),
    ),
    "GB": (("London", "", "EC2V 7HH", "+44 20"), ("Manchester", "", "M1 1AE", "+44 161")),
    "ES": (("Madrid", "MD", "28013", "+34 91"), ("Barcelona", "CT", "08002", "+34 93")),
    "SE": (("Stockholm", "AB", "111 52", "+46 8"), ("Göteborg", "O", "411 04", "+46 31")),
}
COUNTRY_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "US": ("USA", "United States", "US", "U.S.A."),
    "DE": ("Germany", "Deutschland", "DE"),
    "FR": ("France", "FR"),
    "CA": ("Canada", "CA"),
    "GB": ("United Kingdom", "UK", "GB"),
    "ES": ("Spain", "España", "ES"),
    "SE": ("Sweden", "Sverige", "SE"),
}
FOREIGN_STREETS: Final[dict[str, tuple[str, ...]]] = {
    "DE": ("{name}straße {num}", "{name}weg {num}"),
    "FR": ("{num} rue {name}", "{num} avenue {name}"),
    "CA": ("{num} rue {name}", "{num} {name} Street"),
    "GB": ("{num} {name} Road", "{num} {name} Lane"),
    "ES": ("Calle de {name}, {num}",),
    "SE": ("{name}gatan {num}",),
}
FOREIGN_STREET_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "DE": ("Leopold", "Goethe", "Schiller", "Bahnhof", "Linden", "Mühlen"),
    "FR": ("de Rivoli", "Saint-Honoré", "de la République", "Victor Hugo", "des Écoles"),
    "CA": ("Sainte-Catherine", "Saint-Jacques", "King", "Bay"),
    "GB": ("Bishopsgate", "Old Kent", "Mill", "Church"),
    "ES": ("Alcalá", "Serrano", "Goya"),
    "SE": ("Drottning", "Kungs", "Sveavägen"),
}

STREET_NAMES: Final[tuple[str, ...]] = (
    "Main",
    "Oak",
    "Maple",
    "Commerce",
    "Market",
    "Washington",
    "Lake",
    "Park",
    "Elm",
    "Cedar",
    "Industrial",
    "Technology",
    "Harbor",
    "Congress",
    "State",
    "Franklin",
    "Madison",
    "Pine",
    "River",
    "Union",
    "Center",
    "Bridge",
    "Mill",
    "Spring",
    "Highland",
    "Corporate",
    "Innovation",
)
STREET_TYPES: Final[tuple[str, ...]] = (
    "St",
    "Street",
    "Ave",
    "Avenue",
    "Blvd",
    "Road",
    "Rd",
    "Drive",
    "Dr",
    "Way",
    "Pkwy",
    "Lane",
)
TLDS: Final[dict[str, str]] = {
    "US": ".com",
    "DE": ".de",
    "FR": ".fr",
    "CA": ".ca",
    "GB": ".co.uk",
    "ES": ".es",
    "SE": ".se",
}

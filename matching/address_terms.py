"""Word lists for postal-address normalisation (USPS-style abbreviations) and region names.

The canonical forms are the USPS abbreviations ("street" -> "st", "north" -> "n"), so "1312 S.
Racine Avenue" and "1312 S RACINE AVE" spell the same; unit designators split a suite or floor
off the street part; states and countries map to their two-letter codes.
"""

from __future__ import annotations

from typing import Final

STREET_TYPES: Final[dict[str, str]] = {
    "street": "st",
    "str": "st",
    "st": "st",
    "avenue": "ave",
    "av": "ave",
    "ave": "ave",
    "aven": "ave",
    "avn": "ave",
    "avnue": "ave",
    "road": "rd",
    "rd": "rd",
    "boulevard": "blvd",
    "blvd": "blvd",
    "boul": "blvd",
    "blv": "blvd",
    "drive": "dr",
    "dr": "dr",
    "drv": "dr",
    "lane": "ln",
    "ln": "ln",
    "court": "ct",
    "ct": "ct",
    "place": "pl",
    "pl": "pl",
    "parkway": "pkwy",
    "pkwy": "pkwy",
    "pky": "pkwy",
    "highway": "hwy",
    "hwy": "hwy",
    "circle": "cir",
    "cir": "cir",
    "terrace": "ter",
    "ter": "ter",
    "square": "sq",
    "sq": "sq",
    "trail": "trl",
    "trl": "trl",
    "way": "way",
    "plaza": "plz",
    "plz": "plz",
    "expressway": "expy",
    "expy": "expy",
    "freeway": "fwy",
    "fwy": "fwy",
    "turnpike": "tpke",
    "tpke": "tpke",
    "center": "ctr",
    "centre": "ctr",
    "ctr": "ctr",
    "point": "pt",
    "crossing": "xing",
    "alley": "aly",
    "route": "rte",
    "rte": "rte",
    # Hungarian types written after the name ("Fő utca 5", "Fő u. 5", "Váci út 12", "Nagykörút 3")
    "utca": "u",
    "u": "u",
    "ut": "ut",
    "korut": "krt",
    "krt": "krt",
}

DIRECTIONALS: Final[dict[str, str]] = {
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
    "n": "n",
    "s": "s",
    "e": "e",
    "w": "w",
    "ne": "ne",
    "nw": "nw",
    "se": "se",
    "sw": "sw",
    # French and Spanish ("Boulevard René-Lévesque Ouest")
    "ouest": "w",
    "oeste": "w",
    "nord": "n",
    "norte": "n",
    "sud": "s",
}

#: words that start the unit part of an address ("Suite 200", "Fl 3", "# 12")
UNIT_DESIGNATORS: Final[dict[str, str]] = {
    "suite": "ste",
    "ste": "ste",
    "unit": "unit",
    "apt": "apt",
    "apartment": "apt",
    "floor": "fl",
    "fl": "fl",
    "flr": "fl",
    "room": "rm",
    "rm": "rm",
    "building": "bldg",
    "bldg": "bldg",
    "dept": "dept",
    "department": "dept",
    "mailstop": "ms",
    "ms": "ms",
    "po": "po",
    "box": "box",
    "pmb": "pmb",
    "lot": "lot",
    "level": "fl",
    "lvl": "fl",
    # a floor in other languages ("Piso 3", "3e étage", "2º andar", "3. emelet")
    "piso": "fl",
    "planta": "fl",
    "etage": "fl",
    "andar": "fl",
    "emelet": "fl",
}

#: words that name a premises before its number ("Plot No. 164", "Unit 4", "Door No. 7", "Shop 3",
#: "Erf 88", "S.No. 12", Vietnamese "Số 12" and "Lô 5", Indonesian "Kav. 9", "Bldg 4", "No. 5"),
#: as written after UNIT_DESIGNATORS and STREET_TYPES mapped the words ("building" -> "bldg"). In
#: front of a street ("Unit 4, 12 Main St") they give its unit; otherwise, and before a street's last
#: number ("Jl. Gatot Subroto Kav. 9"), the number is the house number and the word leaves the key
PREMISE_DESIGNATORS: Final[frozenset[str]] = frozenset({
    "no", "nr", "nro", "num", "number", "numero",  # the number sign itself ("No. 5", "# 5")
    "plot", "plt", "lot", "lote", "lt", "erf", "stand", "site", "survey", "sno", "sy", "kav", "kavling",
    "unit", "ste", "apt", "flat", "rm", "office", "shop", "stall", "door", "house", "hno",
    "bldg", "blk", "block", "warehouse", "whse", "godown", "shed", "gala",
    "so", "lo",  # Vietnamese "Số" (number), "Lô" (lot)
})

#: spellings of industrial-estate and business-park words inside a street line, one form each
#: ("Ballymount Industrial Estate" / "Ballymount Ind. Est.", "IDA Business Park" / "IDA Bus. Park",
#: "Peenya Industrial Area Phase II" / "Peenya Indl Area Ph-II", "Kawasan Industri" / "Kaw. Ind.")
AREA_WORDS: Final[dict[str, str]] = {
    "industrial": "ind",
    "indl": "ind",
    "industri": "ind",
    "estate": "est",
    "business": "bus",
    "phase": "ph",
    "pk": "park",
    "kawasan": "kaw",
}

#: words of a street's own name with a usual short form ("Rue Saint-Jacques" / "Rue St-Jacques",
#: "Rua de Santa Catarina" / "R. Sta. Catarina", "Jalan Jenderal Sudirman" / "Jl. Jend. Sudirman")
STREET_NAME_WORDS: Final[dict[str, str]] = {
    "saint": "st",
    "sainte": "st",
    "sankt": "st",
    "santa": "st",
    "sta": "st",
    "santo": "st",
    "jenderal": "jend",
    "jendral": "jend",
}

ORDINAL_WORDS: Final[dict[str, str]] = {
    "first": "1st",
    "second": "2nd",
    "third": "3rd",
    "fourth": "4th",
    "fifth": "5th",
    "sixth": "6th",
    "seventh": "7th",
    "eighth": "8th",
    "ninth": "9th",
    "tenth": "10th",
}

US_STATES: Final[dict[str, str]] = {
    "alabama": "AL",
    "alaska": "AK",
    "arizona": "AZ",
    "arkansas": "AR",
    "california": "CA",
    "colorado": "CO",
    "connecticut": "CT",
    "delaware": "DE",
    "district of columbia": "DC",
    "florida": "FL",
    "georgia": "GA",
    "hawaii": "HI",
    "idaho": "ID",
    "illinois": "IL",
    "indiana": "IN",
    "iowa": "IA",
    "kansas": "KS",
    "kentucky": "KY",
    "louisiana": "LA",
    "maine": "ME",
    "maryland": "MD",
    "massachusetts": "MA",
    "michigan": "MI",
    "minnesota": "MN",
    "mississippi": "MS",
    "missouri": "MO",
    "montana": "MT",
    "nebraska": "NE",
    "nevada": "NV",
    "new hampshire": "NH",
    "new jersey": "NJ",
    "new mexico": "NM",
    "new york": "NY",
    "north carolina": "NC",
    "north dakota": "ND",
    "ohio": "OH",
    "oklahoma": "OK",
    "oregon": "OR",
    "pennsylvania": "PA",
    "rhode island": "RI",
    "south carolina": "SC",
    "south dakota": "SD",
    "tennessee": "TN",
    "texas": "TX",
    "utah": "UT",
    "vermont": "VT",
    "virginia": "VA",
    "washington": "WA",
    "west virginia": "WV",
    "wisconsin": "WI",
    "wyoming": "WY",
    "puerto rico": "PR",
    "guam": "GU",
    "virgin islands": "VI",
    # Canadian provinces
    "ontario": "ON",
    "quebec": "QC",
    "british columbia": "BC",
    "alberta": "AB",
    "manitoba": "MB",
    "saskatchewan": "SK",
    "nova scotia": "NS",
    "new brunswick": "NB",
    "newfoundland and labrador": "NL",
    "prince edward island": "PE",
}

COUNTRIES: Final[dict[str, str]] = {
    "us": "US",
    "usa": "US",
    "u s": "US",
    "u s a": "US",
    "united states": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u k": "GB",
    "gb": "GB",
    "united kingdom": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "ca": "CA",
    "can": "CA",
    "canada": "CA",
    "de": "DE",
    "deu": "DE",
    "germany": "DE",
    "deutschland": "DE",
    "fr": "FR",
    "fra": "FR",
    "france": "FR",
    "nl": "NL",
    "netherlands": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "ie": "IE",
    "ireland": "IE",
    "mx": "MX",
    "mexico": "MX",
    "au": "AU",
    "australia": "AU",
    "es": "ES",
    "spain": "ES",
    "it": "IT",
    "italy": "IT",
    "ch": "CH",
    "switzerland": "CH",
    "in": "IN",
    "india": "IN",
    "jp": "JP",
    "japan": "JP",
}

#: informal names and abbreviations of countries that no library lists (pycountry, GeoNames and
#: babel's CLDR names give the official, short and native names); country cells only
COUNTRY_ALIASES: Final[dict[str, str]] = {
    "uae": "AE",
    "ksa": "SA",
    "rsa": "ZA",
    "prc": "CN",
    "pr china": "CN",
    "mainland china": "CN",
    "中华人民共和国": "CN",
    "中華人民共和国": "CN",
    "korea": "KR",  # in a company's address, the South; North Korea is KP / DPRK
    "한국": "KR",
    "dprk": "KP",
    "britain": "GB",
    "northern ireland": "GB",
    "republic of ireland": "IE",
    "ivory coast": "CI",
    "macedonia": "MK",
    "fyrom": "MK",
    "swaziland": "SZ",
    "burma": "MM",
    "vatican": "VA",
    "ελλας": "GR",
    "ประเทศไทย": "TH",
    "emirates": "AE",
    "dr congo": "CD",
    "drc": "CD",
    # French exports write the Congo of Kinshasa as RDC / RD Congo; CLDR's French name is "Congo-Kinshasa"
    "rdc": "CD",
    "rd congo": "CD",
    "republique democratique du congo": "CD",
    "western samoa": "WS",  # Samoa's name until 1997
    "cymru": "GB",  # Wales, in Welsh (a part of the country, as Scotland and England are)
    "российская федерация": "RU",  # Russia's official name, as Russian forms write it
}

#: country names that name more than one country: left as written (they still agree with the same
#: text), never given a code. "Republic of China" is Taiwan's name but often meant for the PRC.
AMBIGUOUS_COUNTRY_NAMES: Final[frozenset[str]] = frozenset({"congo", "republic of china"})

#: country codes whose postal codes are five-digit ZIPs (a 3-4 digit value lost its zeros)
ZIP_COUNTRIES: Final[frozenset[str]] = frozenset({"US", "PR"})

#: street words written before the street's name in much of Europe and Latin America ("Calle
#: Mayor 5", "ul. Fabryczna 3", "Rua XV de Novembro, 8", "V.le dell'Industria"), folded and without
#: dots, with their usual abbreviations and the forms STREET_TYPES maps them to ("av" -> "ave").
#: Like a US street type they stay out of the comparison key, where sources disagree most.
LEADING_STREET_TYPES: Final[frozenset[str]] = frozenset({
    # Spanish
    "calle", "c", "cl", "avenida", "avda", "avd", "ave", "paseo", "pso", "plaza", "plz", "pza",
    "carretera", "ctra", "camino", "cno", "ronda", "rda", "travesia", "glorieta", "poligono", "pol",
    # Portuguese
    "rua", "r", "travessa", "tv", "trav", "alameda", "praca", "pca", "estrada", "estr", "rodovia", "rod",
    "largo", "lgo",
    # Italian
    "via", "v", "viale", "vle", "piazza", "pzza", "piazzale", "corso", "cso", "vicolo", "strada",
    # French
    "rue", "avenue", "boulevard", "bd", "bld", "blvd", "chemin", "ch", "route", "rte", "place", "pl",
    "allee", "impasse", "imp", "quai", "cours",
    # Polish, Czech, Russian and Greek (as read in Latin letters)
    "ulica", "ul", "aleja", "aleje", "al", "plac", "osiedle", "os", "namesti", "nam", "trida", "tr",
    "ulitsa", "prospekt", "pr", "pereulok", "per", "shosse", "naberezhnaya", "nab", "ploshchad",
    "odos", "leoforos",
    # Romanian ("Bd. Unirii", "Calea Victoriei", "Șos. Berceni", "Spl. Independenței", "Aleea Rozelor")
    "bulevardul", "bulevard", "bdul", "calea", "soseaua", "sos", "splaiul", "spl", "aleea", "intrarea",
    # Ukrainian ("вул. Хрещатик", "просп. Науки", "пров.", "бульв.", "пл.") as anyascii spells them
    "vul", "vulytsia", "vulitsa", "prosp", "prov", "provulok", "bulv", "bulvar", "ploshcha",
    # Indonesian and Vietnamese ("Jl. Sudirman", "Gg. Mawar", "Đường Nguyễn Huệ", "Phố Huế")
    "jalan", "jl", "jln", "gang", "gg", "duong", "pho",
    # Colombian ("Carrera 7", "Cra. 7", "Transversal 5", "Diagonal 40", "Cll. 26")
    "carrera", "cra", "kra", "kr", "cr", "transversal", "transv", "diagonal", "diag", "dg", "cll",
})

#: articles and prepositions that start a street's name after its type ("Calle del Carmen" is
#: written "C/ Carmen", "Avenida de la Constitución" "Avda. Constitución")
LEADING_STREET_PARTICLES: Final[frozenset[str]] = frozenset({
    "de", "del", "della", "delle", "dell", "dei", "degli", "des", "du", "da", "das", "do", "dos",
    "la", "las", "los", "le", "les", "el",
})

#: German and Dutch streets carry their type glued on and shorten it with it: "Hauptstraße",
#: "Hauptstr.", "Kerkstraat", "Kerkstr." (folded: "strasse"); split off as a separate word
GLUED_STREET_SUFFIXES: Final[tuple[str, ...]] = ("strasse", "straat", "str")

#: the separate-word forms of those suffixes ("Carl-Benz-Straße"), as STREET_TYPES writes a street
GLUED_STREET_WORDS: Final[dict[str, str]] = {"strasse": "st", "straat": "st"}

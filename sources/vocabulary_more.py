"""Header words of more languages, translated to the English vocabulary as `sources.vocabulary_intl` does:
Hindi, Bengali and Tamil (words written in their own scripts, spaced as English is), Swahili and
Afrikaans, Catalan, Latvian, Lithuanian and Slovak, and words the Nordic, Turkish, Romanian and Greek
tables lacked. Each language's core nouns of an invoice line, a sell-through line, an account, a contract
and a tracker row (invoice, date, number, customer, reseller, city, postal code, product, code, serial,
quantity, price, amount, currency, contract, start, end, expiry, status, contact, phone, notes ...), so a
new export in one of them is read by its words and not left to a guess.

Swahili joins its nouns with particles that agree with the noun ("Jina la Mteja", "Tarehe ya Kuisha",
"Kiasi cha Upyaji"): they are stop words of `sources.vocabulary` (a guess had read "cha" as "channel").
Afrikaans and Norwegian glue compounds ("Hernuwingsbedrag", "Morselskap"): their parts are words here,
and the compound splitter of `sources.header_words` reads them.
"""

from __future__ import annotations

from typing import Final

HINDI: Final[dict[str, str]] = {
    "चालान": "invoice", "बीजक": "invoice", "तारीख": "date", "तिथि": "date", "दिनांक": "date", "संख्या": "number",
    "ग्राहक": "customer", "अंतिम": "final", "पुनर्विक्रेता": "reseller", "विक्रेता": "seller", "वितरक": "distributor",
    "शहर": "city", "राज्य": "state", "पिन": "postal", "कोड": "code", "उत्पाद": "product", "विवरण": "description",
    "मात्रा": "quantity", "दर": "rate", "मूल्य": "price", "राशि": "amount", "कुल": "total", "क्रम": "serial",
    "अनुबंध": "contract", "प्रारंभ": "start", "आरंभ": "start", "समाप्ति": "expiry", "नाम": "name", "पता": "address",
    "देश": "country", "फोन": "phone", "संपर्क": "contact", "व्यक्ति": "person", "स्थिति": "status",
    "टिप्पणी": "notes", "मुद्रा": "currency", "नवीनीकरण": "renewal", "सेवा": "service", "वारंटी": "warranty",
    "बिक्री": "sales", "प्रतिनिधि": "representative", "कंपनी": "company", "ईमेल": "email",
}
BENGALI: Final[dict[str, str]] = {
    "চালান": "invoice", "চালানের": "invoice", "তারিখ": "date", "নং": "number", "নম্বর": "number", "গ্রাহক": "customer",
    "গ্রাহকের": "customer", "শেষ": "end", "শেষের": "end", "রিসেলার": "reseller", "রিসেলারের": "reseller",
    "পুনর্বিক্রেতা": "reseller", "বিক্রেতা": "seller", "পরিবেশক": "distributor", "অংশীদার": "partner", "শহর": "city",
    "বিভাগ": "state", "জেলা": "state", "পোস্ট": "postal", "কোড": "code", "পণ্য": "product", "পণ্যের": "product",
    "বিবরণ": "description", "পরিমাণ": "quantity", "একক": "unit", "মূল্য": "price", "দাম": "price", "মোট": "total",
    "টাকা": "amount", "সিরিয়াল": "serial", "ক্রমিক": "serial", "চুক্তি": "contract", "চুক্তির": "contract",
    "শুরু": "start", "শুরুর": "start", "মেয়াদ": "term", "মেয়াদোত্তীর্ণ": "expiry", "বিক্রয়": "sales",
    "প্রতিনিধি": "representative", "নাম": "name", "ঠিকানা": "address", "দেশ": "country", "ফোন": "phone",
    "ইমেইল": "email", "যোগাযোগ": "contact", "ব্যক্তি": "person", "অবস্থা": "status", "মন্তব্য": "notes",
    "মুদ্রা": "currency", "নবায়ন": "renewal", "ওয়ারেন্টি": "warranty", "সেবা": "service", "পরিষেবা": "service",
    "কোম্পানি": "company",
}
TAMIL: Final[dict[str, str]] = {
    "வாடிக்கையாளர்": "customer", "ஒப்பந்த": "contract", "ஒப்பந்தம்": "contract", "எண்": "number",
    "வரிசை": "serial", "தயாரிப்பு": "product", "காலாவதி": "expiry", "தேதி": "date", "புதுப்பித்தல்": "renewal",
    "தொகை": "amount", "நிலை": "status", "தொடர்பு": "contact", "நபர்": "person", "தொலைபேசி": "phone",
    "குறிப்புகள்": "notes", "குறிப்பு": "notes", "விலைப்பட்டியல்": "invoice", "பெயர்": "name", "முகவரி": "address",
    "நகரம்": "city", "மாநிலம்": "state", "நாடு": "country", "அஞ்சல்": "postal", "குறியீடு": "code",
    "அளவு": "quantity", "விலை": "price", "அலகு": "unit", "மொத்தம்": "total", "நாணயம்": "currency",
    "தொடக்க": "start", "தொடக்கம்": "start", "முடிவு": "end", "மறுவிற்பனையாளர்": "reseller",
    "விநியோகஸ்தர்": "distributor", "விற்பனை": "sales", "பிரதிநிதி": "representative", "நிறுவனம்": "company",
    "சேவை": "service", "உத்தரவாதம்": "warranty", "மின்னஞ்சல்": "email", "விளக்கம்": "description",
}
SWAHILI: Final[dict[str, str]] = {
    "jina": "name", "mteja": "customer", "wateja": "customer", "nambari": "number", "namba": "number",
    "mkataba": "contract", "bidhaa": "product", "tarehe": "date", "kuisha": "expiry", "mwisho": "end",
    "kuanza": "start", "kuanzia": "start", "mwanzo": "start", "kiasi": "amount", "idadi": "quantity",
    "upyaji": "renewal", "hali": "status", "mtu": "person", "mawasiliano": "contact", "simu": "phone",
    "maelezo": "description", "ankara": "invoice", "bei": "price", "jumla": "total", "sarafu": "currency",
    "anwani": "address", "mji": "city", "jiji": "city", "mkoa": "state", "nchi": "country", "kampuni": "company",
    "muuzaji": "seller", "msambazaji": "distributor", "huduma": "service", "dhamana": "warranty", "msimbo": "code",
    "kuongezwa": "added", "maoni": "notes", "barua": "mail", "pepe": "electronic", "mwakilishi": "representative",
    "mauzo": "sales",
}
AFRIKAANS: Final[dict[str, str]] = {
    "klient": "customer", "kliente": "customer", "kontrak": "contract", "nommer": "number", "reeks": "series",
    "reeksnommer": "serial number", "produk": "product", "vervaldatum": "expiry date", "verval": "expiry",
    "hernuwing": "renewal", "hernuwings": "renewal", "bedrag": "amount", "kontak": "contact", "persoon": "person",
    "selfoon": "mobile", "foon": "phone", "telefoon": "telephone", "notas": "notes", "faktuur": "invoice",
    "eindgebruiker": "end user", "herverkoper": "reseller", "verspreider": "distributor", "stad": "city",
    "provinsie": "state", "poskode": "postal code", "beskrywing": "description", "hoeveelheid": "quantity",
    "eenheidsprys": "unit price", "prys": "price", "totaal": "total", "geldeenheid": "currency", "begin": "start",
    "einde": "end", "naam": "name", "adres": "address", "maatskappy": "company",
    "verkoopsverteenwoordiger": "sales rep", "waarborg": "warranty", "diens": "service", "vlak": "level",
    "datum": "date",
}
CATALAN: Final[dict[str, str]] = {
    "codi": "code", "preu": "price", "estat": "status", "servei": "service", "nivell": "level", "inici": "start",
    "fi": "end", "venciment": "expiry", "revenedor": "reseller", "distribuidor": "distributor",
    "proveidor": "provider", "tercer": "customer", "ciutat": "city", "provincia": "state", "producte": "product",
    "descripcio": "description", "serie": "serial", "quantitat": "quantity", "unitari": "unit", "import": "amount",
    "contracte": "contract", "adreca": "address", "pais": "country", "telefon": "telephone", "correu": "mail",
    "contacte": "contact", "comercial": "salesperson", "nom": "name", "empresa": "company", "garantia": "warranty",
    "renovacio": "renewal", "notes": "notes",
}
LATVIAN: Final[dict[str, str]] = {
    "rekins": "invoice", "rekina": "invoice", "datums": "date", "numurs": "number", "numuri": "numbers",
    "partneris": "partner", "partnera": "partner", "kods": "code", "gala": "final", "klients": "customer",
    "klienta": "customer", "pilseta": "city", "novads": "state", "pasta": "postal", "indekss": "code",
    "razotajs": "manufacturer", "razotaja": "manufacturer", "prece": "product", "preces": "product",
    "nosaukums": "name", "daudzums": "quantity", "cena": "price", "summa": "amount", "valuta": "currency",
    "serijas": "serial", "ligums": "contract", "liguma": "contract", "sakuma": "start", "beigu": "end",
    "adrese": "address", "valsts": "country", "talrunis": "telephone", "apraksts": "description",
    "statuss": "status", "termins": "term", "kopa": "total",
}
LITHUANIAN: Final[dict[str, str]] = {
    "saskaita": "invoice", "saskaitos": "invoice", "numeris": "number", "klientas": "customer",
    "kliento": "customer", "galutinis": "final", "miestas": "city", "pasto": "postal", "kodas": "code",
    "preke": "product", "prekes": "product", "kiekis": "quantity", "kaina": "price", "suma": "amount",
    "valiuta": "currency", "serijos": "serial", "sutartis": "contract", "sutarties": "contract",
    "pradzia": "start", "pabaiga": "end", "salis": "country", "adresas": "address", "telefonas": "telephone",
    "aprasymas": "description", "pardavejas": "seller", "platintojas": "distributor",
}
SLOVAK: Final[dict[str, str]] = {
    "nazov": "name", "klienta": "customer", "vlastnik": "owner", "nadradena": "parent",
    "spolocnost": "company", "kontaktna": "contact", "kontaktnej": "contact", "osoba": "person",
    "osoby": "person", "vytvorene": "created", "faktura": "invoice", "cislo": "number", "zakaznik": "customer",
    "mnozstvo": "quantity", "zmluva": "contract", "zmluvy": "contract", "zaciatok": "start", "koniec": "end",
    "platnost": "valid", "seriove": "serial", "vyrobca": "manufacturer", "predajca": "reseller",
    "krajina": "country", "popis": "description",
}
#: words the Nordic, Turkish and Romanian tables lacked (Norwegian CRM exports, Mikro's ERP, SAGA)
MORE: Final[dict[str, str]] = {
    "nettsted": "website", "nettside": "website", "morselskap": "parent company", "forretning": "business",
    "registrert": "created", "oppdatert": "updated", "mobil": "mobile", "epost": "email",
    "cari": "account", "stok": "product", "ismi": "name", "depo": "warehouse", "vergi": "tax",
    "iskonto": "discount", "dahil": "incl", "cinsi": "type", "temsilcisi": "representative",
    "numaralari": "numbers", "serii": "serial", "cout": "cost", "kategori": "category", "kategoria": "category",
}
#: the names of value-added and sales taxes the other tables lacked (Greek ΦΠΑ, Macedonian ДДВ, Latvian PVN, Peru's
#: IGV, the Dominican ITBIS, Honduras' ISV, Vietnamese "thuế"), and words that say a value includes or excludes the tax
#: when they follow its name (Turkish "KDV hariç", Hungarian "ÁFA nélkül", Spanish "IVA incluido")
TAXES: Final[dict[str, str]] = {
    "φπα": "vat", "ддв": "vat", "pvn": "vat", "igv": "vat", "itbis": "vat", "isv": "vat", "thue": "tax",
    "haric": "excl", "nelkul": "excl", "exclusive": "excl", "excluido": "excl", "excluida": "excl",
    "incluido": "incl", "incluida": "incl", "incluso": "incl", "inclusa": "incl", "inclus": "incl",
    "inclusief": "incl", "exclusief": "excl", "inbegrepen": "incl", "inbegriffen": "incl",
    "едб": "tax id",  # North Macedonia's tax number (Serbia's ПИБ is read in Latin letters: "pib")
}
#: every table of this module, for `sources.vocabulary_intl.FOREIGN`
WORDS: Final[dict[str, str]] = {
    **HINDI, **BENGALI, **TAMIL, **SWAHILI, **AFRIKAANS, **CATALAN, **LATVIAN, **LITHUANIAN, **SLOVAK, **MORE, **TAXES,
}

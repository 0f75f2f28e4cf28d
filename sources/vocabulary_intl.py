"""Header words of German, French, Spanish, Dutch, Italian, Portuguese, Polish, Swedish, Danish,
Norwegian, Finnish, Czech, Turkish, Hungarian and Romanian exports, SAP's technical field names,
and Greek, Russian, Japanese, Chinese and Korean header words, translated to the English vocabulary.

Keys of the Latin-script tables are lower case without accents ("numéro" is looked up as
"numero", "Straße" as "strasse"); values are English words of `sources.vocabulary`, so
"Rechnungsdatum" (split into "rechnungs" + "datum"), "date de facture", "fecha factura" and
"factuurdatum" all read as "invoice date". German and Dutch compounds are split by
`sources.header_words` into words of this table. Greek and Cyrillic keys (`STEMS`) are written as
stems, since those languages inflect ("τιμολόγιο", "τιμολογίου"); Chinese, Japanese and Korean keys
(`CJK_WORDS`) are the words a header without spaces is segmented into ("請求書番号" is "請求書"
+ "番号", "송장번호" is "송장" + "번호"). Those keys are folded the way headers are (accents and
case) when they are loaded.
"""

from __future__ import annotations

from typing import Final

from sources.vocabulary_far import SEGMENTED_FAR, STEMS_FAR
from sources.vocabulary_far import WORDS as FAR_WORDS
from sources.vocabulary_more import WORDS as MORE_WORDS
from sources.vocabulary_world import ARABIC, HEBREW, INDONESIAN, PERSIAN, SLAVIC_CYRILLIC, SOUTH_SLAVIC, THAI

GERMAN: Final[dict[str, str]] = {
    # a leasing invoice's lessee (the end customer) beside the lessor it is billed to
    "nutzer": "end user", "leasingnehmer": "lessee", "leasinggeber": "lessor",
    "kunde": "customer", "kunden": "customer", "kd": "customer", "endkunde": "end customer",
    "auftraggeber": "sold to", "warenempfanger": "ship to", "warenempfaenger": "ship to",
    "empfanger": "recipient", "empfaenger": "recipient", "regulierer": "payer",
    "zahler": "payer", "rechnungsempfanger": "bill to",
    # the debtor: whoever is invoiced (a distributor's reseller, an invoice's bill-to), named by its account
    "debitor": "debtor", "debitoren": "debtor",
    "rechnungsempfaenger": "bill to",
    "name": "name", "firma": "company", "firmenname": "company name", "nummer": "number",
    "rechnung": "invoice", "rechnungs": "invoice", "rg": "invoice", "re": "invoice",
    "faktura": "invoice", "beleg": "document", "datum": "date", "serien": "serial",
    "serie": "serial", "artikel": "article", "art": "article", "bezeichnung": "description",
    "bez": "description", "beschreibung": "description", "menge": "quantity",
    "anzahl": "quantity", "stuck": "pieces", "stueck": "pieces", "stk": "pieces",
    "betrag": "amount", "summe": "total", "gesamt": "total", "wert": "value",
    "umsatz": "sales", "preis": "price", "einzel": "unit", "einzelpreis": "unit price",
    # SAP's abbreviated list headers: "Währg" (Währung), "Mng" (Menge)
    "wahrg": "currency", "waehrg": "currency", "mng": "quantity",
    "stuckpreis": "unit price", "liste": "list", "listen": "list", "wahrung": "currency",
    "waehrung": "currency", "vertrag": "contract", "vertrags": "contract", "laufzeit": "term",
    "ende": "end", "bis": "to", "beginn": "start", "anfang": "start", "ab": "from",
    "von": "from", "start": "start", "handler": "reseller", "haendler": "reseller",
    "wiederverkaufer": "reseller", "fachhandler": "reseller", "partner": "partner",
    "vertrieb": "sales", "vertriebs": "sales", "strasse": "street", "ort": "city",
    "stadt": "city", "plz": "postal code", "postleitzahl": "postal code", "land": "country",
    "bundesland": "state", "telefon": "telephone", "webseite": "website", "bemerkung": "notes",
    "bemerkungen": "notes", "notiz": "notes", "kommentar": "comment", "vertreter": "sales rep",
    "verkaufer": "salesperson", "verkaeufer": "salesperson", "betreuer": "account manager",
    "aussendienst": "sales rep", "liefer": "delivery", "lieferung": "delivery",
    "auftrag": "order", "auftrags": "order", "wartung": "maintenance", "wartungs": "maintenance",
    "garantie": "warranty", "gewahrleistung": "warranty", "ablauf": "expiry",
    "gultig": "valid", "gueltig": "valid", "hersteller": "manufacturer", "teil": "part",
    "teile": "part", "typ": "type", "kategorie": "category", "gruppe": "group",
    "waren": "product", "ware": "product", "leistung": "service", "service": "service",
    "dienstleistung": "service", "verantwortlicher": "owner", "inhaber": "owner",
    "anschrift": "address", "adresse": "address", "kontakt": "contact",
    "ansprechpartner": "contact person", "ansprech": "contact", "mail": "email",
    "netto": "net", "brutto": "gross", "waehrungs": "currency", "zeitraum": "term",
    "position": "line", "netz": "net", "vk": "selling price", "verkaufspreis": "selling price",
    # the sender's own purchase price (a distributor's cost), not what it sold for ("VK")
    "ek": "purchase price", "einkaufspreis": "purchase price", "einkauf": "purchase", "einkaufs": "purchase",
    "verlaengerung": "renewal",
    "verlangerung": "renewal", "status": "status", "stufe": "level",
    # partner programs: "Anteil Wartung" (the partner's share of maintenance), "Erbringt Support"
    "anteil": "share", "marge": "margin", "erbringt": "delivers", "zertifizierung": "certification",
    "zertifizierungen": "certification",
    # an accounting document's type and its debit/credit side ("Belegart", "Soll/Haben-Kennzeichen")
    "belegart": "document type", "belegtyp": "document type", "dokumentart": "document type",
    "dokumenttyp": "document type", "rechnungsart": "invoice type", "rechnungstyp": "invoice type",
    "fakturaart": "billing type", "fakturatyp": "billing type", "soll": "debit", "haben": "credit",
    "kennzeichen": "indicator", "kz": "indicator",
    # VAT and tax numbers ("MwSt.", "USt-IdNr.", "Steuernummer"), a cost centre, SAP's short text, a device's number
    "mwst": "vat", "ust": "vat", "mehrwertsteuer": "vat", "umsatzsteuer": "vat", "steuer": "tax",
    "kostenstelle": "cost center", "pro": "per", "je": "per", "kurztext": "short text", "kurz": "short",
    "gerat": "device", "geraet": "device", "gerate": "device", "geraete": "device",
    "buchungsdatum": "posting date", "buchung": "posting", "erstellt": "created", "angelegt": "created",
    "erstelldatum": "created date", "anlagedatum": "created date",
    "falligkeit": "due", "falligkeitsdatum": "due date", "fallig": "due",  # when an invoice falls due
    # Dynamics 365's German account export: "Besitzer", "Übergeordnete Firma"
    # a partner program in German: "Supportmodell", "Jahresgebühr", "Zertifizierte Mitarbeiter"
    "modell": "model", "gebuhr": "fee", "gebuehr": "fee", "jahres": "annual", "jahrlich": "annual",
    "mitarbeiter": "staff", "zertifiziert": "certified", "zertifizierte": "certified", "zertifizierter": "certified",
    "besitzer": "owner", "konto": "account", "ubergeordnet": "parent", "ubergeordnete": "parent",
    "ubergeordneter": "parent", "ubergeordnetes": "parent",
}
FRENCH: Final[dict[str, str]] = {
    "client": "customer", "nom": "name", "raison": "company", "sociale": "name",
    "societe": "company", "numero": "number", "n": "number", "facture": "invoice",
    "date": "date", "serie": "serial", "article": "article", "reference": "reference",
    "designation": "description", "libelle": "description", "quantite": "quantity",
    "qte": "quantity", "montant": "amount", "prix": "price", "unitaire": "unit",
    "pu": "unit price", "contrat": "contract", "debut": "start", "fin": "end",
    "revendeur": "reseller", "partenaire": "partner", "distributeur": "distributor",
    "adresse": "address", "rue": "street", "ville": "city", "code": "code",
    "postal": "postal", "cp": "postal code", "pays": "country", "telephone": "telephone",
    "courriel": "email", "devise": "currency", "commercial": "sales rep",
    "vendeur": "salesperson", "echeance": "expiry", "expiration": "expiration",
    "remarque": "remark", "remarques": "remarks", "commentaire": "comment",
    "commentaires": "comments", "produit": "product", "materiel": "product",
    "livraison": "delivery", "commande": "order", "garantie": "warranty",
    "niveau": "level", "couverture": "coverage", "statut": "status", "etat": "status",
    "region": "region", "departement": "state", "total": "total", "catalogue": "list",
    "tarif": "list price", "facturation": "billing", "facture a": "bill to",
    "destinataire": "recipient", "utilisateur": "user", "final": "final", "finale": "final",
    "fabricant": "manufacturer", "fournisseur": "supplier", "abonnement": "subscription",
    "valide": "valid", "jusqu": "until", "au": "to", "categorie": "category",
    "famille": "family", "responsable": "owner", "contact": "contact", "site": "site",
    "livre": "ship to", "livraison a": "ship to", "payeur": "payer", "ht": "net", "npa": "postal code",
    "debit": "debit", "credit": "credit", "nature": "type", "constructeur": "manufacturer",
    "siret": "tax id", "siren": "tax id",
    "redevance": "fee", "frais": "fee", "annuel": "annual", "annuelle": "annual", "personnel": "staff",
    "proprietaire": "owner", "compte": "account", "creation": "created",
}
SPANISH: Final[dict[str, str]] = {
    # Mexico's CFDI: the receiving party is the invoiced one, the folio the invoice's number, the RFC a tax id;
    # a lease's lessee (arrendatario) is the end customer
    "receptor": "invoice recipient", "folio": "invoice number", "emisor": "issuer", "rfc": "tax id",
    "arrendatario": "lessee", "arrendataria": "lessee", "arrendadora": "lessor", "arrendador": "lessor",
    "cliente": "customer", "nombre": "name", "razon": "company", "empresa": "company",
    "numero": "number", "nro": "number", "num": "number", "factura": "invoice",
    "fecha": "date", "serie": "serial", "articulo": "article", "producto": "product",
    "descripcion": "description", "cantidad": "quantity", "cant": "quantity",
    "importe": "amount", "monto": "amount", "precio": "price", "unitario": "unit",
    "contrato": "contract", "inicio": "start", "vencimiento": "expiry", "fin": "end",
    "termino": "end", "revendedor": "reseller", "distribuidor": "distributor",
    "socio": "partner", "direccion": "address", "calle": "street", "ciudad": "city",
    "localidad": "city", "codigo": "code", "provincia": "province", "estado": "state",
    "pais": "country", "telefono": "telephone", "correo": "email", "electronico": "",
    "moneda": "currency", "divisa": "currency", "vendedor": "salesperson",
    "comercial": "sales rep", "notas": "notes", "observaciones": "notes",
    "comentarios": "comments", "envio": "ship", "entrega": "delivery", "pedido": "order",
    "garantia": "warranty", "nivel": "level", "cobertura": "coverage", "lista": "list",
    "tipo": "type", "categoria": "category", "fabricante": "manufacturer",
    "proveedor": "supplier", "usuario": "user", "final": "end", "valor": "value",
    "total": "total", "neto": "net", "suscripcion": "subscription", "desde": "from",
    "hasta": "to", "responsable": "owner", "contacto": "contact", "pieza": "part",
    "parte": "part", "facturacion": "billing", "postal": "postal", "cp": "postal code",
    "poblacion": "city", "municipio": "city", "referencia": "reference", "deudor": "customer",
    "uds": "units", "ud": "unit", "unidades": "units",
    "documento": "document", "comprobante": "document", "debe": "debit", "haber": "credit",
    "nif": "tax id", "cif": "tax id",
    "soporte": "support", "modelo": "model", "cuota": "fee", "anual": "annual", "personal": "staff",
    "finalizacion": "end", "creacion": "created", "publico": "public", "propietario": "owner", "cuenta": "account",
    "padre": "parent",
}
DUTCH: Final[dict[str, str]] = {
    "klant": "customer", "klanten": "customer", "eindklant": "end customer", "naam": "name",
    "bedrijf": "company", "bedrijfsnaam": "company name", "nummer": "number", "nr": "number",
    "factuur": "invoice", "datum": "date", "serie": "serial", "artikel": "article",
    "omschrijving": "description", "aantal": "quantity", "bedrag": "amount",
    "totaal": "total", "prijs": "price", "eenheid": "unit", "eenheids": "unit",
    "stuk": "unit", "stuks": "pieces", "contract": "contract", "contracts": "contract",
    "ingang": "start", "ingangs": "start", "begin": "start", "eind": "end", "einde": "end",
    "verval": "expiry", "vervaldatum": "expiry date", "wederverkoper": "reseller",
    "dealer": "dealer", "adres": "address", "straat": "street", "plaats": "city",
    "woonplaats": "city", "stad": "city", "postcode": "postcode", "land": "country",
    "provincie": "province", "telefoon": "telephone", "valuta": "currency",
    "verkoper": "salesperson", "accountmanager": "account manager",
    "opmerking": "remark", "opmerkingen": "remarks", "levering": "delivery", "afleveren": "deliver",
    "afleveradres": "delivery address", "aan": "to",
    "lever": "delivery", "bestelling": "order", "order": "order", "garantie": "warranty",
    "onderhoud": "maintenance", "onderhouds": "maintenance", "looptijd": "term",
    "dekking": "coverage", "niveau": "level", "soort": "type", "categorie": "category",
    "fabrikant": "manufacturer", "leverancier": "supplier", "gebruiker": "user",
    "geldig": "valid", "vanaf": "from", "waarde": "value", "netto": "net",
    "eigenaar": "owner", "debiteur": "debtor", "debiteuren": "debtor", "verantwoordelijke": "owner",
    "onderdeel": "part", "prijslijst": "list price",
    "documentsoort": "document type", "factuursoort": "invoice type", "boekingssoort": "document type",
    "debet": "debit", "kostenplaats": "cost center",
    "ondersteuning": "support", "vergoeding": "fee", "jaarlijkse": "annual", "jaarlijks": "annual",
    "medewerkers": "staff", "gecertificeerde": "certified", "gecertificeerd": "certified",
    "boekdatum": "posting date", "boekingsdatum": "posting date", "aangemaakt": "created",
    "aanmaakdatum": "created date", "catalogus": "catalog", "bovenliggend": "parent",
    "bovenliggende": "parent",
}

ITALIAN: Final[dict[str, str]] = {
    "cliente": "customer", "clienti": "customer", "finale": "final", "nome": "name", "ragione": "company",
    "sociale": "name", "societa": "company", "azienda": "company", "ditta": "company", "numero": "number",
    "n": "number", "nr": "number", "num": "number", "fattura": "invoice", "fatture": "invoice",
    "data": "date", "matricola": "serial number", "seriale": "serial", "serie": "serial",
    "articolo": "article", "codice": "code", "cod": "code", "descrizione": "description",
    "quantita": "quantity", "qta": "quantity", "importo": "amount", "imponibile": "net amount",
    "prezzo": "price", "unitario": "unit", "listino": "list price", "contratto": "contract",
    "inizio": "start", "fine": "end", "scadenza": "expiry", "rivenditore": "reseller",
    "rivenditori": "reseller", "distributore": "distributor", "indirizzo": "address", "via": "street",
    "citta": "city", "comune": "city", "localita": "city", "provincia": "province", "cap": "postal code",
    "nazione": "country", "paese": "country", "telefono": "telephone", "valuta": "currency",
    "commerciale": "sales rep", "venditore": "salesperson", "agente": "sales rep", "note": "notes",
    "commento": "comment", "prodotto": "product", "consegna": "delivery", "destinatario": "recipient",
    "ordine": "order", "garanzia": "warranty", "assistenza": "support", "manutenzione": "maintenance",
    "livello": "level", "copertura": "coverage", "stato": "status", "tipo": "type", "categoria": "category",
    "produttore": "manufacturer", "fornitore": "supplier", "utente": "user", "valore": "value",
    "totale": "total", "netto": "net", "abbonamento": "subscription", "dal": "from", "al": "to",
    "responsabile": "owner", "contatto": "contact", "riferimento": "reference", "rif": "reference",
    "fatturazione": "billing", "intestatario": "bill to", "pagatore": "payer", "iva": "vat",
    "partita": "tax id", "piva": "tax id",  # partita IVA, P.IVA: a tax id
    "decorrenza": "start", "pz": "pieces", "pezzi": "pieces",
    "documento": "document", "dare": "debit", "avere": "credit",
    "supporto": "support", "modello": "model", "canone": "fee", "annuo": "annual", "annuale": "annual",
    "personale": "staff", "certificato": "certified", "certificati": "certified",
    "creazione": "created", "pubblico": "public", "proprietario": "owner", "padre": "parent",
}
PORTUGUESE: Final[dict[str, str]] = {
    "cliente": "customer", "nome": "name", "razao": "company", "empresa": "company", "numero": "number",
    "nota": "invoice", "fiscal": "", "fatura": "invoice", "factura": "invoice", "data": "date",
    "serie": "serial", "artigo": "article", "produto": "product", "codigo": "code",
    "descricao": "description", "quantidade": "quantity", "qtd": "quantity", "valor": "value",
    "montante": "amount", "preco": "price", "unitario": "unit", "contrato": "contract",
    "inicio": "start", "fim": "end", "termino": "end", "vencimento": "expiry", "revendedor": "reseller",
    "distribuidor": "distributor", "parceiro": "partner", "endereco": "address", "morada": "address",
    "rua": "street", "cidade": "city", "municipio": "city", "estado": "state", "uf": "state",
    "cep": "postal code", "pais": "country", "telefone": "telephone", "moeda": "currency",
    "vendedor": "salesperson", "observacoes": "notes", "entrega": "delivery", "pedido": "order",
    "garantia": "warranty", "cobertura": "coverage", "nivel": "level", "tipo": "type",
    "fabricante": "manufacturer", "fornecedor": "supplier", "usuario": "user", "utilizador": "user",
    "total": "total", "liquido": "net", "assinatura": "subscription", "ate": "until",
    "responsavel": "owner", "contato": "contact", "contacto": "contact", "referencia": "reference",
    "faturamento": "billing", "faturacao": "billing", "destinatario": "recipient",
    # an NF-e's "Natureza da Operação" ("Venda de mercadoria", "Devolução de venda"): the document's type
    "natureza": "nature", "operacao": "operation",
    # Brazil: the reseller ("Revenda"), a quantity ("Qtde"), the NF-e (the invoice), tax ids (CNPJ, CPF; NIF, NIPC)
    "revenda": "reseller", "revendas": "reseller", "qtde": "quantity", "nf": "invoice", "nfe": "invoice",
    "cnpj": "tax id", "cpf": "tax id", "nif": "tax id", "nipc": "tax id",
    "criacao": "created", "proprietario": "owner", "conta": "account", "pai": "parent",
    # "serviço" folds to "servico": a word of its own, never "serv" + the Czech "ico" (a tax id)
    "servico": "service", "servicos": "service", "prestador": "provider",
    # an invoice's issue ("Emissão", TOTVS's "Emissao"), a contract's term ("Vigência"; "Dt Ini Vig", "Dt Fim Vig")
    "emissao": "issue", "vigencia": "term", "vig": "term", "ini": "start",
}
POLISH: Final[dict[str, str]] = {
    "klient": "customer", "klienta": "customer", "kontrahent": "customer", "koncowy": "final",
    "koncowego": "final", "nazwa": "name", "firma": "company", "firmy": "company", "numer": "number",
    "nr": "number", "faktura": "invoice", "faktury": "invoice", "data": "date", "wystawienia": "",
    "seryjny": "serial", "seryjne": "serial", "indeks": "product code", "towar": "product",
    "towaru": "product", "produkt": "product", "kod": "code", "opis": "description", "ilosc": "quantity",
    "szt": "pieces", "cena": "price", "jednostkowa": "unit", "netto": "net", "brutto": "gross",
    "wartosc": "amount", "kwota": "amount", "umowa": "contract", "umowy": "contract",
    "poczatek": "start", "koniec": "end", "serwis": "service", "serwisu": "service",
    "gwarancja": "warranty", "gwarancji": "warranty", "odsprzedawca": "reseller",
    "odsprzedawcy": "reseller", "dystrybutor": "distributor", "adres": "address", "ulica": "street",
    "miasto": "city", "miejscowosc": "city", "wojewodztwo": "state", "pocztowy": "postal",
    "kraj": "country", "telefon": "telephone", "waluta": "currency", "handlowiec": "sales rep",
    "opiekun": "account manager", "uwagi": "notes", "dostawa": "delivery", "zamowienie": "order",
    "poziom": "level", "typ": "type", "kategoria": "category", "producent": "manufacturer",
    "producenta": "manufacturer",
    "dostawca": "supplier", "uzytkownik": "user", "nabywca": "bill to", "platnik": "payer",
    "odbiorca": "ship to", "wazna": "valid", "wazny": "valid", "od": "from",
    "wygasniecia": "expiry", "okres": "term", "rozpoczecia": "start", "rozpoczecie": "start",
    "zakonczenia": "end", "zakonczenie": "end", "konca": "end", "razem": "total", "suma": "total", "partner": "partner",
    "liczba": "quantity", "nip": "tax id", "regon": "tax id",
    "platnosci": "payment", "platnosc": "payment", "konto": "account", "wlasciciel": "owner", "nadrzedne": "parent",
    "nadrzedny": "parent",
}

#: Swedish, Danish and Norwegian share most accounting words (folded: "å" -> "a", "ø" -> "o")
NORDIC: Final[dict[str, str]] = {
    "faktura": "invoice", "fakturadatum": "invoice date", "fakturadato": "invoice date",
    "fakturanummer": "invoice number", "fakturanr": "invoice number", "datum": "date", "dato": "date",
    "nummer": "number", "nr": "number", "kund": "customer", "kunde": "customer", "slutkund": "end customer",
    "slutkunde": "end customer", "sluttkunde": "end customer", "kundnummer": "customer number",
    "aterforsaljare": "reseller", "aterforsaljar": "reseller", "forhandler": "reseller", "forhandlar": "reseller",
    "ort": "city", "by": "city", "poststed": "city", "stad": "city", "fylke": "state",
    "postnummer": "postal code", "postnr": "postal code", "artikelnummer": "article number",
    "artikel": "article", "vare": "product", "varenummer": "product number", "varenr": "product number",
    "produkt": "product", "beskrivning": "description", "beskrivelse": "description",
    "serienummer": "serial number", "serienr": "serial number", "antal": "quantity", "antall": "quantity",
    "styckpris": "unit price", "enhedspris": "unit price", "enhetspris": "unit price", "pris": "price",
    "belopp": "amount", "belob": "amount", "belop": "amount", "summa": "amount", "avtal": "contract",
    "avtale": "contract", "avtals": "contract", "kontrakt": "contract", "avtalsnummer": "contract number",
    "avtalenr": "contract number", "kontraktnummer": "contract number", "start": "start", "startdato": "start date",
    "slut": "end", "slutdato": "end date", "fra": "from", "fran": "from", "til": "to", "till": "to",
    "valuta": "currency", "fornyelse": "renewal", "fornyelses": "renewal", "fornyelsesdato": "renewal date",
    "fornyelsesbelop": "renewal amount", "fornyelsesbeløp": "renewal amount", "fornyelsesbelob": "renewal amount",
    "fornyelsesbeløb": "renewal amount", "fornyelsesværdi": "renewal value", "fornyelsesverdi": "renewal value",
    "fornyelsesvaerdi": "renewal value", "fornyelsedato": "renewal date",
    "saljare": "salesperson", "selger": "salesperson", "saelger": "salesperson",
    "garanti": "warranty", "service": "service", "land": "country", "adresse": "address", "adress": "address",
    "benamning": "description", "benaemning": "description", "benaevnelse": "description", "betegnelse": "description",
    "namn": "name", "navn": "name", "konto": "account", "agare": "owner", "eier": "owner", "ejer": "owner",
    "overordnet": "parent", "overordnad": "parent", "forfallodatum": "due date", "forfaldsdato": "due date",
    "forfallsdato": "due date", "forfallodag": "due date", "kundens": "customer", "firma": "company",
    "foretag": "company",
    "virksomhed": "company", "selskab": "company", "selskap": "company", "bedrift": "company",
    # delivery (an invoice's "Leveransnamn", "Levering til", "Leveres til"), tax ("Belopp inkl. moms")
    "leverans": "delivery", "leveranse": "delivery", "levering": "delivery", "leveres": "delivered",
    "levereras": "delivered", "leveret": "delivered", "moms": "vat", "mva": "vat", "inkl": "incl",
    "exkl": "excl", "ekskl": "excl", "eksl": "excl", "eks": "excl", "ekskludert": "excl",
    "inklusive": "incl", "referens": "reference", "referanse": "reference",
}
FINNISH: Final[dict[str, str]] = {
    "tila": "status", "muistiinpanot": "notes", "muistiinpano": "note", "paikkakunta": "city",
    "uusinnan": "renewal", "arvo": "value",
    "lasku": "invoice", "laskun": "invoice", "paivamaara": "date", "pvm": "date", "numero": "number",
    "asiakas": "customer", "loppuasiakas": "end customer", "jalleenmyyja": "reseller", "jalleenmyyjan": "reseller",
    "tunnus": "id", "kaupunki": "city", "maakunta": "state", "postinumero": "postal code",
    "tuotenumero": "product number", "tuote": "product", "kuvaus": "description", "sarjanumero": "serial number",
    "maara": "quantity", "yksikkohinta": "unit price", "hinta": "price", "summa": "amount", "sopimus": "contract",
    "sopimusnumero": "contract number", "palvelu": "service", "alkaa": "start", "paattyy": "end",
    "valuutta": "currency", "nimi": "name", "asiakkaan": "customer", "yritys": "company", "yrityksen": "company",
    "maa": "country", "osoite": "address", "postitoimipaikka": "city",
    # Netvisor's invoice lines: product code and name, the contract's start and end day, the seller, delivery
    "tuotekoodi": "product code", "tuotteen": "product", "koodi": "code", "sopimuksen": "contract",
    "alkupaiva": "start date", "loppupaiva": "end date", "paiva": "date", "myyja": "salesperson",
    "toimitus": "delivery", "toimituksen": "delivery", "toimitusosoitteen": "delivery",
}
CZECH: Final[dict[str, str]] = {
    "uroven": "level",
    "datum": "date", "faktura": "invoice", "faktury": "invoice", "cislo": "number", "prodejce": "reseller",
    "prodejci": "reseller", "ic": "id", "koncovy": "final", "zakaznik": "customer", "odberatel": "customer",
    "mesto": "city", "kraj": "state", "psc": "postal code", "kod": "code", "produktu": "product",
    "produkt": "product", "popis": "description", "seriove": "serial", "mnozstvi": "quantity",
    "jednotkova": "unit", "cena": "price", "celkova": "total", "castka": "amount", "smlouva": "contract",
    "smlouvy": "contract", "zacatek": "start", "konec": "end", "sluzby": "service", "sluzba": "service",
    "mena": "currency", "zeme": "country", "adresa": "address", "vyrobce": "manufacturer", "vyrobni": "serial",
    "katalogove": "catalog", "pocet": "quantity", "ks": "pieces", "kusy": "pieces", "celkem": "total",
    "platnost": "valid", "ico": "tax id", "dic": "tax id",
}
TURKISH: Final[dict[str, str]] = {
    "toplam": "total", "destek": "support", "turu": "type",
    "fatura": "invoice", "tarihi": "date", "tarih": "date", "no": "number", "numarasi": "number", "bayi": "reseller",
    "bayii": "reseller", "kodu": "code", "kod": "code", "son": "end", "kullanici": "user", "musteri": "customer",
    "sehir": "city", "il": "state", "posta": "postal", "urun": "product", "aciklama": "description",
    "seri": "serial", "miktar": "quantity", "adet": "quantity", "birim": "unit", "fiyat": "price",
    "tutar": "amount", "sozlesme": "contract", "hizmet": "service", "baslangic": "start", "bitis": "end",
    "doviz": "currency", "ulke": "country", "adres": "address",
    # the possessive forms headers take ("Ürün Açıklaması", "Parça No", "Bayi Adı") and a maker's part number
    "aciklamasi": "description", "uretici": "manufacturer", "parca": "part", "adi": "name", "ad": "name",
    "bolge": "region", "ilce": "city", "firma": "company", "unvani": "name", "unvan": "name",
    "fiyati": "price", "tutari": "amount", "garanti": "warranty",
}
HUNGARIAN: Final[dict[str, str]] = {
    "lejarat": "expiry", "lejarata": "expiry", "telepules": "city", "gyari": "serial", "szam": "number",
    "eves": "annual", "dij": "fee", "penznem": "currency", "felelos": "owner", "allapot": "status",
    "megjegyzes": "notes",
    "szamla": "invoice", "szamlaszam": "invoice number", "datuma": "date", "datum": "date",
    "viszontelado": "reseller", "azonosito": "id", "vegfelhasznalo": "end user", "vevo": "customer",
    "ugyfel": "customer", "varos": "city", "megye": "state", "iranyitoszam": "postal code",
    "cikkszam": "article number", "termek": "product", "leiras": "description", "sorozatszam": "serial number",
    "mennyiseg": "quantity", "egysegar": "unit price", "netto": "net", "osszeg": "amount",
    "szerzodes": "contract", "szerzodesszam": "contract number", "szolgaltatas": "service",
    "kezdete": "start", "vege": "end", "deviza": "currency", "orszag": "country", "cim": "address",
}

ROMANIAN: Final[dict[str, str]] = {
    "facturii": "invoice", "facturare": "billing", "numar": "number", "numarul": "number", "revanzator": "reseller",
    "revanzatorului": "reseller", "partener": "partner", "distribuitor": "distributor", "clientul": "customer",
    "clientului": "customer", "beneficiar": "customer", "oras": "city", "orasul": "city", "localitate": "city",
    "localitatea": "city", "judet": "state", "judetul": "state", "tara": "country", "adresa": "address",
    "strada": "street", "produs": "product", "produsului": "product", "articol": "article", "descriere": "description",
    "denumire": "description", "cantitate": "quantity", "cantitatea": "quantity", "pret": "price", "pretul": "price",
    "unitar": "unit", "valoare": "value", "valoarea": "value", "suma": "amount", "contractului": "contract",
    "inceput": "start", "inceputul": "start", "incepere": "start", "sfarsit": "end", "sfarsitul": "end",
    "expirare": "expiry", "expirarii": "expiry", "serviciu": "service", "serviciului": "service",
    "moneda": "currency", "furnizor": "supplier", "producator": "manufacturer", "vanzator": "salesperson",
}

#: SAP's technical field names (billing VBRK/VBRP, sales VBAK/VBAP, customer KNA1, contract data
#: VEDA) as exported by SE16 or a query; partner numbers read by who they are: KUNNR is "customer
#: number" (a distributor's customer is the reseller, an invoice's the bill-to: the kind decides),
#: KUNAG the sold-to party, KUNWE the ship-to, KUNRG the payer
SAP: Final[dict[str, str]] = {
    "vbeln": "document number", "fkdat": "billing date", "audat": "document date", "fkimg": "quantity invoiced",
    "fklmg": "quantity invoiced", "kwmeng": "quantity", "lfimg": "quantity shipped", "netpr": "net price",
    "netwr": "net value", "waerk": "currency", "waers": "currency", "kunnr": "customer number",
    "kunag": "sold to number", "kunwe": "ship to number", "kunrg": "payer number", "kunre": "bill to number",
    "vbegdat": "contract start date", "venddat": "contract end date", "vbegin": "contract start",
    "vende": "contract end", "arktx": "description", "maktx": "description", "pstlz": "postal code",
    "land1": "country", "stras": "street", "telf1": "telephone", "matkl": "material group",
    # billing type (F2 invoice, G2 credit memo, S1 cancellation), FI document type, debit/credit indicator
    "fkart": "billing type", "blart": "document type", "shkzg": "debit credit indicator",
    # the sales area and organisation around a document (read as no field), the serial, the line item
    "vkorg": "sales organisation", "vtweg": "distribution channel", "spart": "division", "vkbur": "sales office",
    "vkgrp": "sales group", "bzirk": "sales district", "kdgrp": "customer group", "werks": "plant",
    "lgort": "storage location", "bukrs": "company code", "sernr": "serial number", "posnr": "item number",
    "ernam": "created by", "erdat": "created on",
}

#: the value-added tax by its names in other countries, and "gross" (a value with the tax in it)
TAX: Final[dict[str, str]] = {
    "tva": "vat", "kdv": "vat", "afa": "vat", "alv": "vat", "ddv": "vat", "pdv": "vat", "dph": "vat", "dds": "vat",
    "brut": "gross", "bruto": "gross", "bruta": "gross", "lordo": "gross", "lorda": "gross",
}

#: every foreign word -> English words (later tables win a clash; the values agree where it matters)
FOREIGN: Final[dict[str, str]] = {
    **FAR_WORDS, **TAX, **SAP, **ROMANIAN, **HUNGARIAN, **TURKISH, **CZECH, **FINNISH, **NORDIC,
    **POLISH, **PORTUGUESE, **ITALIAN, **SPANISH, **FRENCH, **DUTCH, **GERMAN, **INDONESIAN, **SOUTH_SLAVIC,
    **MORE_WORDS,
}

#: Greek stems (accents dropped when loaded): a header word is read by the longest stem it starts
#: with, its ending aside ("Αριθμός τιμολογίου": number + invoice)
GREEK: Final[dict[str, str]] = {
    "ημερομην": "date", "τιμολογ": "invoice", "παραστατικ": "document", "αριθμ": "number", "αρ": "number",
    "μεταπωλητ": "reseller", "συνεργατ": "partner", "διανομε": "distributor", "κωδικ": "code", "κωδ": "code",
    "τελικ": "final", "πελατ": "customer", "χρηστ": "user", "εταιρ": "company", "επωνυμ": "company name",
    "ονομα": "name", "πολη": "city", "νομος": "state", "νομου": "state", "περιφερει": "region",
    "ταχυδρομικ": "postal", "τκ": "postal code", "χωρα": "country", "διευθυνσ": "address", "οδος": "street",
    "ειδος": "item", "ειδους": "item", "προιον": "product", "μοντελ": "model", "περιγραφ": "description",
    "σειριακ": "serial", "ποσοτητ": "quantity", "τεμαχι": "pieces", "τιμη": "price", "τιμης": "price",
    "μοναδ": "unit", "ποσο": "amount", "ποσου": "amount", "αξια": "value", "συνολ": "total",
    "συμβασ": "contract", "συμβολαι": "contract", "εναρξ": "start", "ληξη": "end", "ληξης": "end",
    "λήξεως": "end", "υπηρεσι": "service", "υποστηριξ": "support", "εγγυησ": "warranty", "νομισμα": "currency",
    "τηλεφων": "telephone", "πωλητ": "salesperson", "κατασκευαστ": "manufacturer", "προμηθευτ": "supplier",
    "παρατηρησ": "notes", "σχολι": "comments", "καταστασ": "status", "τυπος": "type", "απο": "from", "εως": "to",
}
#: Russian (and most Ukrainian and Bulgarian) stems, read as the Greek ones ("Номер счета": number
#: + invoice; "й" and "ё" fold to "и" and "е")
CYRILLIC: Final[dict[str, str]] = {
    "ндс": "vat", "ддс": "vat", "пдв": "vat",
    "дата": "date", "даты": "date", "дате": "date", "счет": "invoice", "фактур": "invoice",
    "накладн": "document", "документ": "document", "номер": "number", "партнер": "partner", "реселлер": "reseller",
    "дилер": "dealer", "перепродав": "reseller", "дистрибьютор": "distributor", "дистрибутор": "distributor",
    "код": "code", "кода": "code", "конечн": "final", "клиент": "customer", "заказчик": "customer",
    "покупател": "customer", "пользовател": "user", "компани": "company", "организаци": "organisation",
    "наименовани": "name", "назван": "name", "имя": "name", "город": "city", "місто": "city", "регион": "region",
    "област": "state", "почтов": "postal", "индекс": "postal code", "страна": "country", "страны": "country",
    "адрес": "address", "улиц": "street", "артикул": "article number", "товар": "product", "продукт": "product",
    "издели": "product", "номенклатур": "product", "модел": "model", "описани": "description",
    "серийн": "serial", "количеств": "quantity", "кол": "quantity", "во": "", "цена": "price", "цены": "price",
    "цене": "price", "цену": "price", "единиц": "unit", "ед": "unit", "за": "", "сумм": "amount",
    "стоимост": "value", "итог": "total", "всего": "total", "договор": "contract", "контракт": "contract",
    "начал": "start", "окончани": "end", "конец": "end", "завершени": "end", "обслуживани": "service",
    "сервис": "service", "услуг": "service", "поддержк": "support", "гаранти": "warranty", "валют": "currency",
    "телефон": "telephone", "продавец": "salesperson", "менеджер": "manager", "поставщик": "supplier",
    "производител": "manufacturer", "примечани": "notes", "комментари": "comments", "статус": "status",
    "тип": "type", "срок": "term",
    # a CRM deal's budget is its value (amoCRM, Bitrix24 "Бюджет"), its responsible the owner, its stage the status
    "бюджет": "value", "ответствен": "responsible", "этап": "stage", "сделк": "deal", "сайт": "website",
    "головн": "parent", "контакт": "contact",
}
#: Japanese header words (kanji and kana, no spaces between them)
JAPANESE: Final[dict[str, str]] = {
    "請求日": "invoice date", "請求書": "invoice", "請求": "billing", "伝票": "document", "日付": "date",
    "年月日": "date", "日": "date", "番号": "number", "コード": "code", "販売店": "reseller", "代理店": "reseller",
    "二次店": "reseller", "パートナー": "partner", "ディストリビューター": "distributor", "エンドユーザー": "end user",
    "エンドユーザ": "end user", "ユーザー": "user", "ユーザ": "user", "顧客": "customer", "得意先": "customer",
    "お客様": "customer", "客先": "customer", "納入先": "ship to", "出荷先": "ship to", "請求先": "bill to",
    "会社名": "company name", "会社": "company", "社名": "company name", "名称": "name", "名": "name",
    "市区町村": "city", "都道府県": "state", "郵便番号": "postal code", "国名": "country", "住所": "address",
    "国": "country", "地域": "region", "取引先": "account", "所有者": "owner", "親": "parent",
    "品番": "product number", "型番": "model number", "製品番号": "product number", "品目": "item", "製品": "product",
    "商品": "product", "品名": "product name", "型式": "model", "説明": "description", "摘要": "description",
    "シリアル": "serial", "製造番号": "serial number", "数量": "quantity", "台数": "quantity", "個数": "quantity",
    "単価": "unit price", "価格": "price", "定価": "list price", "金額": "amount", "合計": "total", "小計": "total",
    "税抜": "net", "売上": "sales", "契約": "contract", "保守": "maintenance", "サポート": "support",
    "保証": "warranty", "サービス": "service", "開始": "start", "終了": "end", "満了": "expiry", "期限": "expiry",
    "納品先": "ship to", "配送先": "ship to", "送付先": "ship to",
    "通貨": "currency", "営業担当": "sales rep", "担当者": "owner", "備考": "notes", "状態": "status",
    "ステータス": "status", "種類": "type", "区分": "type", "メーカー": "manufacturer", "電話": "telephone",
    "メール": "email",
    # a customer master's own contact, with the honorific ("ご担当者": the customer's person), and our sales rep
    "ご担当者": "contact person", "ご担当": "contact", "先方担当者": "contact person", "営業": "sales",
    "担当営業": "sales rep", "営業担当者": "sales rep", "サイト": "site", "作成日時": "created", "更新日時": "modified",
}
#: Chinese header words, simplified and traditional
CHINESE: Final[dict[str, str]] = {
    "发票": "invoice", "發票": "invoice", "日期": "date", "号码": "number", "號碼": "number", "编号": "number",
    "編號": "number", "单号": "number", "單號": "number", "经销商": "reseller", "經銷商": "reseller",
    "代理商": "reseller", "分销商": "distributor", "分銷商": "distributor", "合作伙伴": "partner",
    "合作夥伴": "partner", "渠道": "channel", "最终用户": "end user", "最終用戶": "end user", "终端用户": "end user",
    "終端用戶": "end user", "用户": "user", "用戶": "user", "客户": "customer", "客戶": "customer",
    "最终客户": "end customer", "最終客戶": "end customer", "公司": "company", "名称": "name", "名稱": "name",
    "城市": "city", "省份": "province", "省": "province", "邮政编码": "postal code", "郵政編碼": "postal code",
    "郵遞區號": "postal code", "邮编": "postal code", "郵編": "postal code", "国家": "country", "國家": "country",
    "地址": "address", "产品": "product", "產品": "product", "物料": "material", "料号": "part number",
    "料號": "part number", "型号": "model number", "型號": "model number", "货号": "product number",
    "貨號": "product number", "描述": "description", "说明": "description", "說明": "description",
    "序列号": "serial number", "序列號": "serial number", "序列": "serial", "串号": "serial number",
    "數量": "quantity", "单价": "unit price", "單價": "unit price", "价格": "price", "價格": "price",
    "金额": "amount", "金額": "amount", "总额": "total", "總額": "total", "合计": "total", "总计": "total",
    "總計": "total", "合同": "contract", "合約": "contract", "服务": "service", "服務": "service",
    "维保": "maintenance", "維保": "maintenance", "保修": "warranty", "开始": "start", "開始": "start",
    "起始": "start", "结束": "end", "結束": "end", "截止": "end", "到期": "expiry", "币种": "currency",
    "幣種": "currency", "货币": "currency", "貨幣": "currency", "销售代表": "sales rep", "銷售代表": "sales rep",
    "备注": "notes", "備註": "notes", "状态": "status", "狀態": "status", "类型": "type", "類型": "type",
    "厂商": "manufacturer", "廠商": "manufacturer", "电话": "telephone", "電話": "telephone",
    # an ERP's (Kingdee's, Yonyou's) document words: codes, the consignee, the currency "kind", tax in or out
    "编码": "code", "編碼": "code", "代码": "code", "代碼": "code", "收货方": "ship to", "收貨方": "ship to",
    "收货单位": "ship to", "收貨單位": "ship to", "收货人": "ship to", "收貨人": "ship to", "购货单位": "customer",
    "購貨單位": "customer", "币别": "currency", "幣別": "currency", "单据": "document", "單據": "document",
    "开票": "invoice", "開票": "invoice", "含税": "gross", "含稅": "gross", "不含税": "net", "不含稅": "net",
    "税额": "tax", "稅額": "tax", "税率": "tax rate", "稅率": "tax rate", "业务员": "sales rep", "業務員": "sales rep",
    "规格型号": "model", "規格型號": "model", "销售": "sales", "銷售": "sales",
    # the one answering for the account (a Chinese tracker's "负责人"), and its account manager
    "负责人": "owner", "負責人": "owner", "客户经理": "account manager", "客戶經理": "account manager",
    # Digiwin's and Lark's words: the item number, its serial number, maintenance from / until, the contact
    "品号": "product number", "品號": "product number", "代号": "code", "代號": "code", "序号": "serial number",
    "序號": "serial number", "维护": "maintenance", "維護": "maintenance", "起": "start", "迄": "end",
    "止": "end", "联系人": "contact person", "聯繫人": "contact person", "联络人": "contact person",
    "聯絡人": "contact person", "联系": "contact", "聯繫": "contact", "联络": "contact", "聯絡": "contact",
}

#: Korean header words (Hangul; headers write them with or without spaces: "송장번호", "송장 번호")
KOREAN: Final[dict[str, str]] = {
    "송장": "invoice", "청구서": "invoice", "세금계산서": "invoice", "인보이스": "invoice", "청구": "billing",
    "전표": "document", "일자": "date", "날짜": "date", "일": "date", "번호": "number", "코드": "code",
    "리셀러": "reseller", "판매점": "reseller", "대리점": "reseller", "파트너": "partner", "총판": "distributor",
    "유통사": "distributor", "최종": "end", "고객": "customer", "고객사": "customer", "거래처": "customer",
    "사용자": "user", "엔드유저": "end user", "납품처": "ship to", "청구처": "bill to", "회사": "company",
    "업체": "company", "상호": "company name", "명": "name", "이름": "name", "명칭": "name", "도시": "city",
    "시군구": "city", "시도": "state", "지역": "region", "우편번호": "postal code", "국가": "country",
    "주소": "address", "제품": "product", "상품": "product", "품목": "item", "품번": "product number",
    "모델": "model", "품명": "product name", "설명": "description", "내역": "description", "적요": "description",
    "시리얼": "serial", "일련번호": "serial number", "제조번호": "serial number", "수량": "quantity",
    "단가": "unit price", "가격": "price", "정가": "list price", "금액": "amount", "공급가액": "amount",
    "합계": "total", "총액": "total", "계약": "contract", "유지보수": "maintenance", "보수": "maintenance",
    "지원": "support", "보증": "warranty", "서비스": "service", "시작": "start", "개시": "start", "종료": "end",
    "만료": "expiry", "통화": "currency", "영업담당": "sales rep", "담당자": "owner", "비고": "notes",
    "상태": "status", "유형": "type", "구분": "type", "제조사": "manufacturer", "전화": "telephone",
    "이메일": "email",
}

#: Greek and Cyrillic stems -> English words
STEMS: Final[dict[str, str]] = {**STEMS_FAR, **GREEK, **SLAVIC_CYRILLIC, **CYRILLIC, **HEBREW, **PERSIAN, **ARABIC}
#: Chinese, Japanese and Korean words -> English words (Chinese and Japanese share most of what
#: matters: 数量, 商品; Hangul shares no character with them)
CJK_WORDS: Final[dict[str, str]] = {**SEGMENTED_FAR, **CHINESE, **JAPANESE, **KOREAN, **THAI}

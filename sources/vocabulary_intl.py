"""German, French, Spanish and Dutch header words, translated to the English header vocabulary.

Keys are lower case without accents ("numéro" is looked up as "numero", "Straße" as "strasse");
values are English words of `sources.vocabulary`, so "Rechnungsdatum" (split into "rechnungs" +
"datum"), "date de facture", "fecha factura" and "factuurdatum" all read as "invoice date".
German and Dutch compounds are split by `sources.header_words` into words of this table.
"""

from __future__ import annotations

from typing import Final

GERMAN: Final[dict[str, str]] = {
    "kunde": "customer", "kunden": "customer", "kd": "customer", "endkunde": "end customer",
    "auftraggeber": "sold to", "warenempfanger": "ship to", "warenempfaenger": "ship to",
    "empfanger": "recipient", "empfaenger": "recipient", "regulierer": "payer",
    "zahler": "payer", "debitor": "customer", "debitoren": "customer", "rechnungsempfanger": "bill to",
    "rechnungsempfaenger": "bill to",
    "name": "name", "firma": "company", "firmenname": "company name", "nummer": "number",
    "rechnung": "invoice", "rechnungs": "invoice", "rg": "invoice", "re": "invoice",
    "faktura": "invoice", "beleg": "document", "datum": "date", "serien": "serial",
    "serie": "serial", "artikel": "article", "art": "article", "bezeichnung": "description",
    "bez": "description", "beschreibung": "description", "menge": "quantity",
    "anzahl": "quantity", "stuck": "pieces", "stueck": "pieces", "stk": "pieces",
    "betrag": "amount", "summe": "total", "gesamt": "total", "wert": "value",
    "umsatz": "sales", "preis": "price", "einzel": "unit", "einzelpreis": "unit price",
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
    "position": "line", "netz": "net", "verlaengerung": "renewal",
    "verlangerung": "renewal", "status": "status", "stufe": "level",
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
    "destinataire": "recipient", "utilisateur": "user", "final": "end", "finale": "end",
    "fabricant": "manufacturer", "fournisseur": "supplier", "abonnement": "subscription",
    "valide": "valid", "jusqu": "until", "au": "to", "categorie": "category",
    "famille": "family", "responsable": "owner", "contact": "contact", "site": "site",
}
SPANISH: Final[dict[str, str]] = {
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
    "opmerking": "remark", "opmerkingen": "remarks", "levering": "delivery",
    "lever": "delivery", "bestelling": "order", "order": "order", "garantie": "warranty",
    "onderhoud": "maintenance", "onderhouds": "maintenance", "looptijd": "term",
    "dekking": "coverage", "niveau": "level", "soort": "type", "categorie": "category",
    "fabrikant": "manufacturer", "leverancier": "supplier", "gebruiker": "user",
    "geldig": "valid", "vanaf": "from", "waarde": "value", "netto": "net",
    "eigenaar": "owner", "debiteur": "customer", "debiteuren": "customer", "verantwoordelijke": "owner",
    "onderdeel": "part", "prijslijst": "list price",
}

#: every foreign word -> English words (later tables win a clash; the values agree where it matters)
FOREIGN: Final[dict[str, str]] = {**SPANISH, **FRENCH, **DUTCH, **GERMAN}

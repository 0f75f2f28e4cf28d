"""The Latin code page of a text export that is not UTF-8: `sources.text_bytes` measured on generated files.

Each file is a channel export as a distributor's or a reseller's system writes it (a header in the
file's language, invoice dates and numbers, companies with their legal forms, contacts, streets,
postal codes, cities, product descriptions, quantities and amounts in the country's number format),
encoded in a legacy code page: the Western languages (German, French, Italian, Spanish, Portuguese,
Dutch, Danish, Norwegian, Swedish, Finnish, Icelandic) in cp1252, Latin-1, ISO-8859-15 (amounts in
euro, the € at 0xA4) and Mac Roman; the Central European ones (Czech, Slovak, Polish, Hungarian,
Croatian, Slovenian, Romanian) in cp1250 and ISO-8859-2. Four kinds of file for each:

* ``full``  - 20 to 300 rows, every word spelled as the language spells it;
* ``ascii`` - 60 to 200 rows written without accents (an old export's habit) but for 2 to 6 names;
* ``tiny``  - the header and two rows;
* ``rare``  - 200 rows without accents but for one or two accented letters in the whole file.

A file counts as right when `sources.text_bytes.decode_text` (the reader's own path: UTF-8 first, the
mixed-line repair, then the legacy guess) gives back exactly the text that was encoded; two code pages
that decode a file to the same text are both right. The vocabulary is written here (and the surnames,
cities and streets of `bench.international_vocab` for the countries it has); nothing is downloaded.

The rule of `_legacy_encoding` (2026-12-06) was tuned on seed 1; seeds 2 and 3 were held out. One
change came after a miss on seed 2 (ISO-8859-15 weighed as a page of its own when its euro sign or
"œ" shows, not only after cp1252 won); seeds 4 and 5, never looked at before, checked it.

    python -m bench.legacy_encodings --seed 1 [--per-cell 6] [--json FILE] [--detector MODULE:FUNC] [--timing]

``--detector`` puts another function in the place of `sources.text_bytes._legacy_encoding` (a copy
of an older one, say) for a before/after table; ``--timing`` times the detector on 200 KB files.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import importlib.machinery
import importlib.util
import io
import json
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bench.international_vocab import COUNTRIES, PostalCode, pc_digits, pc_space

WESTERN_PAGES = ("cp1252", "latin_1", "iso8859_15", "mac_roman")
CENTRAL_PAGES = ("cp1250", "iso8859_2")
VARIANTS = ("full", "ascii", "tiny", "rare")
TUNING_SEED = 1
HELD_OUT_SEEDS = (2, 3)


def pc_dash4(prefix: str) -> PostalCode:
    """Portuguese "1000-123"."""
    def make(rng: np.random.Generator) -> str:
        return f"{prefix}-{int(rng.integers(0, 1000)):03d}"
    return make


@dataclass
class Lang:
    """What a channel export of one language is written with."""

    code: str
    name: str
    pages: tuple[str, ...]
    header: list[str]
    forms: list[str]
    industries: list[str]
    first: list[str]
    last: list[str]
    cities: list[tuple[str, PostalCode]]
    streets: list[str]
    products: list[str]
    currency: str
    symbol: str
    thousands: str = "."
    date: str = "%d.%m.%Y"
    patterns: list[str] = field(default_factory=lambda: ["L I F", "I L F", "L & L2 F", "C I F"])
    extra_words: list[str] = field(default_factory=list)


def _vocab(cc: str) -> dict[str, Any]:
    """Surnames, industries, cities and streets of `bench.international_vocab` for country `cc`."""
    spec = COUNTRIES[cc]
    return dict(last=list(spec["surnames"]), industries=list(spec["industry"]),
                cities=[(local, pc) for local, _, pc in spec["cities"]],
                streets=[full for full, _ in spec["streets"]])


LANGS: list[Lang] = [
    Lang("de", "German", WESTERN_PAGES,
         ["Rechnungsdatum", "Rechnungsnr.", "Händler", "Endkunde", "Ansprechpartner", "Straße", "PLZ", "Ort",
          "Artikelnummer", "Bezeichnung", "Menge", "Einzelpreis", "Gesamtbetrag", "Währung"],
         ["GmbH", "GmbH", "AG", "GmbH & Co. KG", "e.K."],
         first=["Jürgen", "Jörg", "Günter", "Björn", "Sören", "Bärbel", "Uwe", "Stefan", "Andreas", "Sabine",
                "Katrin", "Hans-Jörg", "Dörte", "Jens", "Claudia", "Michael", "Käthe", "Götz", "Thomas", "Anja"],
         products=["Switch 48 Ports, verwaltet", "Notebook mit Dockingstation", "Wartungsvertrag 8x5 für 3 Jahre",
                   "Softwarelizenz für 1 Jahr", "Monitor 27\" höhenverstellbar", "USV-Anlage 1500 VA",
                   "WLAN-Zugangspunkt für Decke", "Garantieverlängerung um 2 Jahre", "Laserdrucker schwarz/weiß",
                   "Speichersystem mit 24 Festplatten", "Inbetriebnahme vor Ort – Pauschale",
                   "Rückläufer Gutschrift", "Netzwerkkabel Cat. 6, grün", "Schulung für Administratoren"],
         currency="EUR", symbol="€", **_vocab("DE")),
    Lang("fr", "French", WESTERN_PAGES,
         ["Date de facture", "N° facture", "Revendeur", "Client final", "Interlocuteur", "Adresse",
          "Code postal", "Ville", "Référence", "Désignation", "Quantité", "Prix unitaire HT", "Montant HT",
          "Devise"],
         ["SARL", "SAS", "SA", "EURL", "SAS"],
         first=["François", "Jérôme", "Hélène", "Cécile", "Frédéric", "Stéphane", "Céline", "Amélie", "Loïc",
                "Gaëlle", "Benoît", "Noémie", "Jean-François", "Thérèse", "Anaïs", "Joël", "Pierre", "Marie",
                "Sébastien", "Léa", "Raphaël", "Nicolas"],
         products=["Commutateur 48 ports administrable", "Ordinateur portable avec station d'accueil",
                   "Support 8x5 pendant 3 ans", "Licence logicielle 1 an", "Écran 27\" réglable en hauteur",
                   "Onduleur 1500 VA", "Borne d'accès sans fil", "Extension de garantie à 2 ans",
                   "Imprimante laser monochrome", "Baie de stockage 24 disques", "Mise en service sur site – forfait",
                   "Câble réseau catégorie 6", "Prestation de déploiement", "Formation des équipes – ½ journée"],
         currency="EUR", symbol="€", thousands=" ", date="%d/%m/%Y",
         patterns=["L I F", "I L F", "Établissements L F", "L et Fils F", "L Frères F", "Les Sœurs L F",
                   "Cœur de C F"],
         extra_words=["Œuvre", "Sœur", "Bœuf", "Nœud"], **_vocab("FR")),
    Lang("it", "Italian", WESTERN_PAGES,
         ["Data fattura", "Numero fattura", "Rivenditore", "Cliente finale", "Referente", "Indirizzo", "CAP",
          "Città", "Codice articolo", "Descrizione", "Quantità", "Prezzo unitario", "Importo", "Valuta"],
         ["S.r.l.", "S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."],
         first=["Niccolò", "Giuseppe", "Andrea", "Francesca", "Lucia", "Marco", "Elena", "Giorgio", "Chiara",
                "Paolo", "Federica", "Luca", "Mattia", "Gianluca", "Irene", "Tommaso", "Sofia", "Nicolò"],
         products=["Switch 48 porte gestito", "Notebook con docking station", "Assistenza 8x5 per 3 anni",
                   "Licenza software 1 anno", "Monitor 27\" regolabile in altezza", "Gruppo di continuità 1500 VA",
                   "Access point senza fili", "Estensione di garanzia 2 anni", "Stampante laser monocromatica",
                   "Storage con 24 dischi", "Attività di installazione – forfait", "Manutenzione programmata",
                   "Qualità certificata, più durata", "Cavo di rete categoria 6"],
         currency="EUR", symbol="€", date="%d/%m/%Y",
         patterns=["L I F", "I L F", "Fratelli L F", "L & Figli F", "Società Cooperativa C F", "L e L2 F"],
         last=list(COUNTRIES["IT"]["surnames"]) + ["Forlì", "Martinò", "Caccamò", "Zanè", "Santarcangelò"],
         industries=list(COUNTRIES["IT"]["industry"]),
         cities=[(c, pc) for c, _, pc in COUNTRIES["IT"]["cities"]] + [
             ("Forlì", pc_digits(5, 47121, 1)), ("Cantù", pc_digits(5, 22063, 1)),
             ("Mondovì", pc_digits(5, 12084, 1)), ("Paternò", pc_digits(5, 95047, 1)),
             ("Canicattì", pc_digits(5, 92024, 1))],
         streets=[full for full, _ in COUNTRIES["IT"]["streets"]] + ["Via Libertà", "Piazza Unità d'Italia"]),
    Lang("es", "Spanish", WESTERN_PAGES,
         ["Fecha factura", "Nº factura", "Distribuidor", "Cliente final", "Persona de contacto", "Dirección",
          "Código postal", "Población", "Referencia", "Descripción", "Cantidad", "Precio unitario", "Importe",
          "Moneda"],
         ["S.L.", "S.L.", "S.A.", "S.L.U.", "S.Coop."],
         first=["José", "María", "Jesús", "Inés", "Ángel", "Raúl", "Sofía", "Lucía", "Óscar", "Íñigo",
                "Joaquín", "Begoña", "Martín", "Ramón", "Carmen", "Pilar", "Andrés", "Héctor", "Javier", "Marta"],
         products=["Conmutador de 48 puertos", "Portátil con estación de acoplamiento", "Soporte 8x5 durante 3 años",
                   "Licencia de software 1 año", "Monitor 27\" con altura regulable", "SAI 1500 VA",
                   "Punto de acceso inalámbrico", "Ampliación de garantía 2 años", "Impresora láser monocromo",
                   "Cabina de almacenamiento 24 discos", "Instalación y configuración – in situ",
                   "Cable de red categoría 6", "Formación de técnicos"],
         currency="EUR", symbol="€", date="%d/%m/%Y",
         patterns=["I L F", "I L F", "Hermanos L F", "I L y L2 F", "L I F"], **_vocab("ES")),
    Lang("pt", "Portuguese", WESTERN_PAGES,
         ["Data da fatura", "N.º fatura", "Revendedor", "Cliente final", "Contacto", "Morada", "Código postal",
          "Localidade", "Referência", "Descrição", "Quantidade", "Preço unitário", "Valor", "Moeda"],
         ["Lda.", "Lda.", "S.A.", "Unipessoal Lda."],
         industries=["Construções", "Transportes", "Informática", "Serviços Técnicos", "Comércio de Equipamentos",
                     "Engenharia", "Metalomecânica", "Soluções Tecnológicas", "Distribuição", "Gráfica"],
         first=["João", "José", "António", "Luís", "Conceição", "Fátima", "Inês", "Gonçalo", "Sebastião", "Maria",
                "Ana", "Rui", "Tomás", "Mónica", "Célia", "Patrícia", "Vítor", "Simão", "Nuno", "Sérgio"],
         last=["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus",
               "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida", "Ribeiro",
               "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes", "Simões", "Magalhães",
               "Conceição", "Brandão", "Guimarães", "Estêvão", "Assunção"],
         cities=[("Lisboa", pc_dash4("1000")), ("Porto", pc_dash4("4000")), ("Braga", pc_dash4("4700")),
                 ("Coimbra", pc_dash4("3000")), ("Funchal", pc_dash4("9000")), ("Setúbal", pc_dash4("2900")),
                 ("Amadora", pc_dash4("2700")), ("Évora", pc_dash4("7000")), ("Aveiro", pc_dash4("3800")),
                 ("Guimarães", pc_dash4("4800")), ("Viseu", pc_dash4("3500")), ("Leiria", pc_dash4("2400")),
                 ("Faro", pc_dash4("8000")), ("Vila Nova de Gaia", pc_dash4("4400"))],
         streets=["Avenida da Liberdade", "Rua Augusta", "Rua de Santa Catarina", "Avenida da República",
                  "Rua do Comércio", "Praça do Município", "Rua Câmara Pestana", "Estrada da Circunvalação",
                  "Rua da Constituição", "Avenida João XXI", "Travessa do Carmo", "Rua São João"],
         products=["Comutador de rede 48 portas", "Portátil com estação de ancoragem", "Suporte 8x5 durante 3 anos",
                   "Licença de 1 ano", "Monitor 27\" com suporte ajustável", "UPS 1500 VA",
                   "Ponto de acesso sem fios", "Garantia alargada 2 anos", "Impressora laser monocromática",
                   "Armazenamento 24 discos", "Manutenção do servidor – 36 meses", "Instalação e configuração"],
         currency="EUR", symbol="€", thousands=" ", date="%d/%m/%Y"),
    Lang("nl", "Dutch", WESTERN_PAGES,
         ["Factuurdatum", "Factuurnummer", "Wederverkoper", "Eindklant", "Contactpersoon", "Adres", "Postcode",
          "Plaats", "Artikelnummer", "Omschrijving", "Aantal", "Stukprijs", "Bedrag", "Valuta"],
         ["B.V.", "B.V.", "N.V.", "V.O.F.", "Coöperatie U.A."],
         first=["Jan", "Pieter", "Anneke", "Joëlle", "Daniël", "Noël", "Chloë", "Zoë", "René", "André", "Sjoerd",
                "Marloes", "Bram", "Femke", "Thijs", "Geert", "Michiel", "Raphaël"],
         products=["Switch 48 poorten", "Laptop met dockingstation", "Ondersteuning 8x5 gedurende 3 jaar",
                   "Softwarelicentie 1 jaar", "Monitor 27\" in hoogte verstelbaar", "UPS 1500 VA",
                   "Draadloos toegangspunt", "Garantieverlenging 2 jaar", "Laserprinter zwart-wit",
                   "Opslagsysteem 24 schijven", "Installatie op locatie – eenmalig", "Coördinatie uitrol",
                   "Reële kosten verzending", "Ideeën-workshop"],
         currency="EUR", symbol="€", date="%d-%m-%Y", **_vocab("NL")),
    Lang("da", "Danish", WESTERN_PAGES,
         ["Fakturadato", "Fakturanr.", "Forhandler", "Slutkunde", "Kontaktperson", "Adresse", "Postnr.", "By",
          "Varenummer", "Beskrivelse", "Antal", "Enhedspris", "Beløb", "Valuta"],
         ["A/S", "ApS", "ApS", "I/S", "A/S"],
         first=["Søren", "Jørgen", "Bjørn", "Mette", "Rasmus", "Frederik", "Anders", "Jesper", "Birthe", "Kåre",
                "Asger", "Helle", "Lærke", "Mads", "Trine", "Sørine", "Jens", "Ærbøl"],
         products=["Netværksswitch 48 porte", "Bærbar computer med dockingstation", "Support 8x5 i 3 år",
                   "Softwarelicens 1 år", "Skærm 27\" højdejusterbar", "Nødstrømsanlæg 1500 VA",
                   "Trådløst adgangspunkt", "Garantiforlængelse 2 år", "Laserprinter sort/hvid",
                   "Lagersystem med 24 diske", "Installation på stedet", "Vedligeholdelse af server – 36 måneder"],
         currency="DKK", symbol="kr.", **_vocab("DK")),
    Lang("no", "Norwegian", WESTERN_PAGES,
         ["Fakturadato", "Fakturanr.", "Forhandler", "Sluttkunde", "Kontaktperson", "Adresse", "Postnr.",
          "Poststed", "Varenummer", "Beskrivelse", "Antall", "Enhetspris", "Beløp", "Valuta"],
         ["AS", "AS", "ASA", "ANS", "DA"],
         first=["Øyvind", "Bjørn", "Kåre", "Åse", "Solveig", "Håkon", "Ståle", "Ingrid", "Eirik", "Torbjørn",
                "Jørgen", "Marit", "Sindre", "Øystein", "Åsmund", "Kari", "Ola"],
         products=["Nettverkssvitsj 48 porter", "Bærbar PC med dokkingstasjon", "Støtte 8x5 i 3 år",
                   "Programvarelisens 1 år", "Skjerm 27\" høydejusterbar", "Avbruddsfri strømforsyning 1500 VA",
                   "Trådløst tilgangspunkt", "Garantiforlengelse 2 år", "Laserskriver svart/hvit",
                   "Lagringssystem med 24 disker", "Installasjon på stedet", "Vedlikehold av server – 36 måneder"],
         currency="NOK", symbol="kr", thousands=" ", **_vocab("NO")),
    Lang("sv", "Swedish", WESTERN_PAGES,
         ["Fakturadatum", "Fakturanr", "Återförsäljare", "Slutkund", "Kontaktperson", "Adress", "Postnr", "Ort",
          "Artikelnr", "Beskrivning", "Antal", "À-pris", "Belopp", "Valuta"],
         ["AB", "AB", "AB", "HB", "Aktiebolag"],
         first=["Åsa", "Björn", "Göran", "Jörgen", "Åke", "Märta", "Lars", "Karin", "Ulf", "Stina", "Mattias",
                "Linnéa", "André", "Håkan", "Kerstin", "Örjan", "Agneta"],
         products=["Nätverksswitch 48 portar", "Bärbar dator med dockningsstation", "Support 8x5 i 3 år",
                   "Programvarulicens 1 år", "Bildskärm 27\" höjdjusterbar", "Avbrottsfri kraft 1500 VA",
                   "Trådlös åtkomstpunkt", "Garantiförlängning 2 år", "Laserskrivare svartvit",
                   "Lagringssystem med 24 diskar", "Installation på plats", "Underhåll av server – 36 månader"],
         currency="SEK", symbol="kr", thousands=" ", date="%Y-%m-%d", **_vocab("SE")),
    Lang("fi", "Finnish", WESTERN_PAGES,
         ["Laskun päivämäärä", "Laskun numero", "Jälleenmyyjä", "Loppuasiakas", "Yhteyshenkilö", "Osoite",
          "Postinumero", "Postitoimipaikka", "Tuotenumero", "Kuvaus", "Määrä", "Yksikköhinta", "Summa",
          "Valuutta"],
         ["Oy", "Oy", "Oyj", "Ky", "Oy Ab"],
         first=["Päivi", "Sirpa", "Ilkka", "Jari", "Väinö", "Kyösti", "Tuula", "Heikki", "Pirjo", "Jyrki",
                "Mikko", "Sari", "Minna", "Pekka", "Jukka", "Tiina", "Hannu", "Sämpsä"],
         products=["Verkkokytkin 48 porttia", "Kannettava tietokone telakalla", "Tuki 8x5 kolmeksi vuodeksi",
                   "Ohjelmistolisenssi 1 vuosi", "Näyttö 27\" korkeussäädettävä", "UPS-laite 1500 VA",
                   "Langaton tukiasema", "Takuun jatko 2 vuotta", "Lasertulostin mustavalkoinen",
                   "Tallennusjärjestelmä 24 levyä", "Käyttöönotto paikan päällä", "Palvelimen ylläpito – 36 kk"],
         currency="EUR", symbol="€", thousands=" ", **_vocab("FI")),
    Lang("is", "Icelandic", WESTERN_PAGES,
         ["Dagsetning reiknings", "Reikningsnúmer", "Söluaðili", "Endanlegur viðskiptavinur", "Tengiliður",
          "Heimilisfang", "Póstnúmer", "Staður", "Vörunúmer", "Lýsing", "Magn", "Einingaverð", "Upphæð",
          "Gjaldmiðill"],
         ["ehf.", "ehf.", "hf.", "slf.", "sf."],
         industries=["Tölvuþjónusta", "Rafverktakar", "Byggingafélag", "Vélsmiðja", "Flutningar", "Heildverslun",
                     "Verkfræðistofa", "Lagnaþjónusta", "Tækniþjónusta", "Prentsmiðja"],
         first=["Jón", "Guðrún", "Sigurður", "Guðmundur", "Anna", "Kristín", "Ólafur", "Þórður", "Þóra", "Björn",
                "Helga", "Einar", "Ragnheiður", "Ásta", "Halldór", "Sigríður", "Stefán", "Ingibjörg", "Árni"],
         last=["Jónsson", "Sigurðsson", "Guðmundsdóttir", "Ólafsson", "Þórðardóttir", "Björnsson", "Einarsdóttir",
               "Kristjánsson", "Magnússon", "Stefánsdóttir", "Gunnarsson", "Halldórsdóttir", "Árnason",
               "Pétursson", "Jóhannsdóttir", "Sveinsson", "Karlsdóttir"],
         cities=[("Reykjavík", pc_digits(3, 101, 1)), ("Kópavogur", pc_digits(3, 200, 1)),
                 ("Hafnarfjörður", pc_digits(3, 220, 1)), ("Akureyri", pc_digits(3, 600, 1)),
                 ("Reykjanesbær", pc_digits(3, 230, 1)), ("Garðabær", pc_digits(3, 210, 1)),
                 ("Mosfellsbær", pc_digits(3, 270, 1)), ("Selfoss", pc_digits(3, 800, 1)),
                 ("Akranes", pc_digits(3, 300, 1)), ("Ísafjörður", pc_digits(3, 400, 1)),
                 ("Egilsstaðir", pc_digits(3, 700, 1))],
         streets=["Laugavegur", "Suðurlandsbraut", "Borgartún", "Skeifan", "Hafnarstræti", "Síðumúli", "Ármúli",
                  "Dalvegur", "Smáratorg", "Höfðabakki", "Fiskislóð"],
         products=["Netbeinir 24 tengi", "Fartölva með tengikví", "Þjónustusamningur 3 ár", "Hugbúnaðarleyfi 1 ár",
                   "Skjár 27\" hæðarstillanlegur", "Varaaflgjafi 1500 VA", "Þráðlaus aðgangspunktur",
                   "Framlengd ábyrgð 2 ár", "Leysiprentari svarthvítur", "Gagnageymsla 24 diskar",
                   "Uppsetning á staðnum", "Viðhald netþjóns – 36 mánuðir"],
         currency="ISK", symbol="kr.", patterns=["I L F", "L I F", "C I F"]),
    Lang("cs", "Czech", CENTRAL_PAGES,
         ["Datum faktury", "Číslo faktury", "Obchodní partner", "Koncový zákazník", "Kontaktní osoba", "Ulice",
          "PSČ", "Město", "Kód výrobku", "Popis", "Množství", "Jednotková cena", "Cena celkem", "Měna"],
         ["s.r.o.", "s.r.o.", "a.s.", "spol. s r.o.", "v.o.s."],
         first=["Jiří", "Petr", "Jan", "Tomáš", "Lukáš", "Jakub", "Václav", "Zdeněk", "Martin", "Pavel", "Miloš",
                "Markéta", "Kateřina", "Lenka", "Věra", "Hana", "Jitka", "Božena", "Radek", "Ondřej", "Šárka",
                "Iveta"],
         products=["Přepínač Catalyst 48 portů", "Notebook s dokovací stanicí", "Podpora 8x5 na 3 roky",
                   "Licence na 1 rok", "Monitor 27\" s výškově nastavitelným stojanem", "Záložní zdroj 1500 VA",
                   "Bezdrátový přístupový bod", "Údržba serveru – 36 měsíců", "Tiskárna laserová černobílá",
                   "Rozšíření záruky o 2 roky", "Síťová karta 10 Gb", "Úložiště pro 24 disků",
                   "Instalace a zprovoznění na místě", "Školení správců"],
         currency="CZK", symbol="Kč", thousands=" ",
         patterns=["L I F", "I L F", "L a L2 F", "C I F", "I C F"], **_vocab("CZ")),
    Lang("sk", "Slovak", CENTRAL_PAGES,
         ["Dátum faktúry", "Číslo faktúry", "Obchodný partner", "Koncový zákazník", "Kontaktná osoba", "Ulica",
          "PSČ", "Mesto", "Kód výrobku", "Popis", "Množstvo", "Jednotková cena", "Suma spolu", "Mena"],
         ["s.r.o.", "s.r.o.", "a.s.", "k.s.", "v.o.s."],
         industries=["Stavebná spoločnosť", "Strojárne", "Elektroinštalácie", "Doprava", "Kovovýroba",
                     "Výpočtová technika", "Obchodná spoločnosť", "Služby", "Stavebniny", "Drevovýroba"],
         first=["Ján", "Jozef", "Peter", "Ľubomír", "Ľudmila", "Štefan", "Mária", "Zuzana", "Katarína", "Juraj",
                "Miroslav", "Ľuboš", "Dušan", "Tomáš", "Lenka", "Jarmila", "Ondrej", "Matúš", "Miloš", "Veronika"],
         last=["Horváth", "Kováč", "Varga", "Tóth", "Nagy", "Baláž", "Szabó", "Molnár", "Lukáč", "Novák",
               "Mihálik", "Oravec", "Šimko", "Kráľ", "Hudák", "Polák", "Ďurica", "Štefánik", "Ľalík", "Krajčí",
               "Vaľko", "Čierny", "Lipták", "Ťapák"],
         cities=[("Bratislava", pc_space("811")), ("Košice", pc_space("040")), ("Prešov", pc_space("080")),
                 ("Žilina", pc_space("010")), ("Nitra", pc_space("949")), ("Banská Bystrica", pc_space("974")),
                 ("Trnava", pc_space("917")), ("Trenčín", pc_space("911")), ("Martin", pc_space("036")),
                 ("Poprad", pc_space("058")), ("Piešťany", pc_space("921")), ("Zvolen", pc_space("960")),
                 ("Ružomberok", pc_space("034")), ("Levoča", pc_space("054"))],
         streets=["Hlavná", "Štúrova", "Mlynské nivy", "Priemyselná", "Námestie SNP", "Hurbanova", "Kukučínova",
                  "Továrenská", "Záhradnícka", "Ľudovíta Štúra", "Špitálska", "Dlhá"],
         products=["Prepínač 48 portov", "Notebook s dokovacou stanicou", "Podpora 8x5 na 3 roky",
                   "Licencia na 1 rok", "Monitor 27\" s výškovo nastaviteľným stojanom", "Záložný zdroj 1500 VA",
                   "Bezdrôtový prístupový bod", "Údržba servera – 36 mesiacov", "Tlačiareň laserová čiernobiela",
                   "Predĺženie záruky o 2 roky", "Ťažký rozvádzač 42U", "Inštalácia a oživenie na mieste"],
         currency="EUR", symbol="€", thousands=" "),
    Lang("pl", "Polish", CENTRAL_PAGES,
         ["Data faktury", "Nr faktury", "Partner", "Klient końcowy", "Osoba kontaktowa", "Ulica", "Kod pocztowy",
          "Miejscowość", "Indeks producenta", "Nazwa towaru", "Ilość", "Cena jedn. netto", "Wartość netto",
          "Waluta"],
         ["Sp. z o.o.", "Sp. z o.o.", "S.A.", "Sp. j.", "Sp. k."],
         first=["Łukasz", "Paweł", "Michał", "Grzegorz", "Wojciech", "Małgorzata", "Agnieszka", "Katarzyna",
                "Jędrzej", "Zbigniew", "Krzysztof", "Bożena", "Dorota", "Jolanta", "Maciej", "Sławomir", "Tomasz",
                "Elżbieta", "Ewa", "Józef", "Mirosław", "Żaneta"],
         products=["Przełącznik 48 portów", "Laptop ze stacją dokującą", "Wsparcie 8x5 na 3 lata",
                   "Licencja na 12 miesięcy", "Monitor 27\" z regulacją wysokości", "Zasilacz awaryjny 1500 VA",
                   "Bezprzewodowy punkt dostępowy", "Gwarancja rozszerzona o 2 lata",
                   "Drukarka laserowa monochromatyczna", "Macierz dyskowa na 24 dyski", "Usługa wdrożeniowa – zdalna",
                   "Szkolenie dla administratorów", "Źródło zasilania redundantne"],
         currency="PLN", symbol="zł", thousands=" ",
         patterns=["L I F", "I L F", "Przedsiębiorstwo Handlowo-Usługowe L F", "L i Wspólnicy F", "C I F"],
         **_vocab("PL")),
    Lang("hu", "Hungarian", CENTRAL_PAGES,
         ["Számla dátuma", "Számlaszám", "Viszonteladó", "Végfelhasználó", "Kapcsolattartó", "Utca",
          "Irányítószám", "Település", "Cikkszám", "Megnevezés", "Mennyiség", "Egységár", "Összeg", "Pénznem"],
         ["Kft.", "Kft.", "Zrt.", "Nyrt.", "Bt."],
         industries=["Építőipari", "Gépgyártó", "Számítástechnikai", "Szállítmányozási", "Villamossági",
                     "Kereskedelmi", "Informatikai Szolgáltató", "Műszaki", "Fémfeldolgozó", "Nyomdaipari"],
         first=["László", "István", "József", "Zoltán", "Gábor", "Péter", "Tamás", "Ákos", "Győző", "Éva",
                "Erzsébet", "Katalin", "Zsófia", "Ildikó", "Enikő", "Csilla", "Tünde", "Gyöngyi", "Ödön", "Lőrinc",
                "Bálint", "Ágnes"],
         last=["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas",
               "Balogh", "Papp", "Takács", "Juhász", "Lakatos", "Mészáros", "Oláh", "Rácz", "Fekete", "Szűcs",
               "Győri", "Kőváry", "Pölöskei", "Bíró", "Fűzi", "Szőke", "Lőrincz", "Hegedűs", "Törőcsik"],
         cities=[("Budapest", pc_digits(4, 1011, 10)), ("Debrecen", pc_digits(4, 4024, 1)),
                 ("Szeged", pc_digits(4, 6720, 1)), ("Miskolc", pc_digits(4, 3525, 1)),
                 ("Pécs", pc_digits(4, 7621, 1)), ("Győr", pc_digits(4, 9021, 1)),
                 ("Nyíregyháza", pc_digits(4, 4400, 1)), ("Kecskemét", pc_digits(4, 6000, 1)),
                 ("Székesfehérvár", pc_digits(4, 8000, 1)), ("Szombathely", pc_digits(4, 9700, 1)),
                 ("Érd", pc_digits(4, 2030, 1)), ("Hódmezővásárhely", pc_digits(4, 6800, 1)),
                 ("Kőszeg", pc_digits(4, 9730, 1))],
         streets=["Fő utca", "Kossuth Lajos utca", "Petőfi Sándor utca", "Rákóczi út", "Váci út",
                  "Dózsa György út", "Szabadság tér", "Ady Endre utca", "Bem József utca", "Üllői út",
                  "Hűvösvölgyi út", "Erzsébet körút"],
         products=["Hálózati kapcsoló 48 porttal", "Laptop dokkolóval", "Támogatás 8x5 három évre",
                   "Szoftverlicenc egy évre", "Monitor 27\" állítható talppal", "Szünetmentes tápegység 1500 VA",
                   "Vezeték nélküli hozzáférési pont", "Kiterjesztett garancia 2 év", "Lézernyomtató fekete-fehér",
                   "Tárolóbővítő 24 lemezzel", "Üzembe helyezés – helyszíni", "Rendszergazdai tréning"],
         currency="HUF", symbol="Ft", thousands=" ", date="%Y.%m.%d.",
         patterns=["L I F", "I L F", "L és Társa F", "C I F"]),
    Lang("hr", "Croatian", CENTRAL_PAGES,
         ["Datum računa", "Broj računa", "Partner", "Krajnji kupac", "Kontakt osoba", "Ulica", "Poštanski broj",
          "Grad", "Šifra artikla", "Opis", "Količina", "Jedinična cijena", "Iznos", "Valuta"],
         ["d.o.o.", "d.o.o.", "d.d.", "j.d.o.o."],
         industries=["Građevinarstvo", "Strojarstvo", "Elektroinstalacije", "Prijevoz", "Informatički inženjering",
                     "Trgovina", "Računalna oprema", "Metaloprerađivačka industrija", "Usluge održavanja", "Tiskara"],
         first=["Ivan", "Marko", "Josip", "Luka", "Ante", "Tomislav", "Željko", "Dražen", "Đuro", "Nikola", "Ana",
                "Ivana", "Marija", "Mirjana", "Snježana", "Vesna", "Božidar", "Krešimir", "Mateja", "Đurđica"],
         last=["Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Kovačić", "Knežević", "Vuković",
               "Marković", "Petrović", "Matić", "Tomić", "Pavlović", "Božić", "Blažević", "Grgić", "Pavić", "Radić",
               "Perić", "Šarić", "Lovrić", "Vidović", "Đurić", "Šimić", "Žagar", "Čorić", "Ćosić", "Galić"],
         cities=[("Zagreb", pc_digits(5, 10000, 10)), ("Split", pc_digits(5, 21000, 10)),
                 ("Rijeka", pc_digits(5, 51000, 10)), ("Osijek", pc_digits(5, 31000, 10)),
                 ("Zadar", pc_digits(5, 23000, 10)), ("Velika Gorica", pc_digits(5, 10410, 1)),
                 ("Slavonski Brod", pc_digits(5, 35000, 10)), ("Pula", pc_digits(5, 52100, 1)),
                 ("Karlovac", pc_digits(5, 47000, 10)), ("Varaždin", pc_digits(5, 42000, 10)),
                 ("Šibenik", pc_digits(5, 22000, 10)), ("Čakovec", pc_digits(5, 40000, 10)),
                 ("Požega", pc_digits(5, 34000, 10)), ("Đakovo", pc_digits(5, 31400, 1))],
         streets=["Ilica", "Vukovarska ulica", "Savska cesta", "Zagrebačka avenija", "Ulica grada Vukovara",
                  "Radnička cesta", "Trg bana Josipa Jelačića", "Kninska ulica", "Ulica Matije Gupca",
                  "Obala kneza Domagoja", "Žitnjak", "Heinzelova ulica"],
         products=["Mrežni preklopnik 48 priključaka", "Prijenosno računalo s priključnom stanicom",
                   "Podrška 8x5 na 3 godine", "Licenca na 1 godinu", "Monitor 27\" s podesivim postoljem",
                   "Neprekidno napajanje 1500 VA", "Bežična pristupna točka", "Produženo jamstvo 2 godine",
                   "Laserski pisač crno-bijeli", "Diskovno polje za 24 diska",
                   "Održavanje poslužitelja – 36 mjeseci", "Uređaj za pohranu podataka"],
         currency="EUR", symbol="€"),
    Lang("sl", "Slovenian", CENTRAL_PAGES,
         ["Datum računa", "Številka računa", "Partner", "Končni kupec", "Kontaktna oseba", "Ulica",
          "Poštna številka", "Kraj", "Šifra artikla", "Opis", "Količina", "Cena na enoto", "Znesek", "Valuta"],
         ["d.o.o.", "d.o.o.", "d.d.", "s.p.", "k.d."],
         industries=["Gradbeništvo", "Strojegradnja", "Elektroinštalacije", "Prevozništvo",
                     "Računalniški inženiring", "Trgovina", "Kovinarstvo", "Storitve vzdrževanja", "Tiskarna",
                     "Lesna industrija", "Računalništvo"],
         first=["Janez", "Franc", "Marko", "Jožef", "Luka", "Matej", "Žiga", "Primož", "Tadej", "Boštjan", "Maja",
                "Mojca", "Špela", "Nataša", "Urška", "Nuša", "Ana", "Tjaša", "Rok", "Gašper", "Blaž", "Uroš",
                "Anže"],
         last=["Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Mlakar", "Kos", "Vidmar",
               "Golob", "Turk", "Božič", "Kralj", "Zupan", "Bizjak", "Hribar", "Korošec", "Rozman", "Kotnik",
               "Oblak", "Žagar", "Kolar", "Košir", "Koželj", "Pečnik", "Čeh", "Štrukelj", "Žnidaršič"],
         cities=[("Ljubljana", pc_digits(4, 1000, 10)), ("Maribor", pc_digits(4, 2000, 10)),
                 ("Celje", pc_digits(4, 3000, 10)), ("Kranj", pc_digits(4, 4000, 10)),
                 ("Koper", pc_digits(4, 6000, 10)), ("Velenje", pc_digits(4, 3320, 1)),
                 ("Novo mesto", pc_digits(4, 8000, 10)), ("Ptuj", pc_digits(4, 2250, 1)),
                 ("Domžale", pc_digits(4, 1230, 1)), ("Škofja Loka", pc_digits(4, 4220, 1)),
                 ("Murska Sobota", pc_digits(4, 9000, 10)), ("Črnomelj", pc_digits(4, 8340, 1)),
                 ("Žalec", pc_digits(4, 3310, 1))],
         streets=["Dunajska cesta", "Slovenska cesta", "Celovška cesta", "Tržaška cesta", "Šmartinska cesta",
                  "Trg svobode", "Kidričeva ulica", "Prešernova ulica", "Cankarjeva ulica", "Štefanova ulica",
                  "Železna cesta"],
         products=["Omrežno stikalo 48 vrat", "Prenosni računalnik s priklopno postajo", "Podpora 8x5 za 3 leta",
                   "Licenca za 1 leto", "Monitor 27\" z nastavljivim stojalom", "Brezprekinitveno napajanje 1500 VA",
                   "Brezžična dostopna točka", "Podaljšana garancija 2 leti", "Laserski tiskalnik črno-beli",
                   "Diskovno polje za 24 diskov", "Vzdrževanje strežnika – 36 mesecev", "Namestitev in zagon"],
         currency="EUR", symbol="€"),
    Lang("ro", "Romanian", CENTRAL_PAGES,
         ["Data facturii", "Număr factură", "Partener", "Client final", "Persoană de contact", "Stradă",
          "Cod poștal", "Localitate", "Cod produs", "Descriere", "Cantitate", "Preț unitar", "Valoare", "Monedă"],
         ["S.R.L.", "S.R.L.", "S.A.", "S.C.S."],
         industries=["Construcții", "Transport", "Instalații Electrice", "Prelucrări Metalice",
                     "Tehnologia Informației", "Comerț", "Distribuție", "Servicii Tehnice", "Tipografie",
                     "Echipamente Industriale", "Soluții Informatice"],
         first=["Ion", "Ioan", "Gheorghe", "Vasile", "Mihai", "Ștefan", "Andrei", "Răzvan", "Bogdan", "Cătălin",
                "Florin", "Elena", "Ioana", "Mariana", "Mădălina", "Cristina", "Alexandra", "Oana", "Iulian",
                "Tudor", "Dănuț", "Ionuț", "Lăcrămioara"],
         last=["Popescu", "Ionescu", "Popa", "Pop", "Radu", "Dumitru", "Stan", "Stoica", "Gheorghe", "Matei",
               "Ciobanu", "Constantin", "Mocanu", "Marin", "Rusu", "Munteanu", "Lazăr", "Dinu", "Nistor", "Tănase",
               "Moldovan", "Bălan", "Șerban", "Țurcanu", "Vlădescu", "Grigoraș", "Ștefănescu", "Neagu", "Răducanu",
               "Bărbulescu"],
         cities=[("București", pc_digits(6, 10011, 100)), ("Cluj-Napoca", pc_digits(6, 400001, 100)),
                 ("Timișoara", pc_digits(6, 300001, 100)), ("Iași", pc_digits(6, 700001, 100)),
                 ("Constanța", pc_digits(6, 900001, 100)), ("Craiova", pc_digits(6, 200001, 100)),
                 ("Brașov", pc_digits(6, 500001, 100)), ("Galați", pc_digits(6, 800001, 100)),
                 ("Ploiești", pc_digits(6, 100001, 100)), ("Oradea", pc_digits(6, 410001, 100)),
                 ("Brăila", pc_digits(6, 810001, 100)), ("Pitești", pc_digits(6, 110001, 100)),
                 ("Bacău", pc_digits(6, 600001, 100)), ("Târgu Mureș", pc_digits(6, 540001, 100)),
                 ("Botoșani", pc_digits(6, 710001, 100))],
         streets=["Strada Republicii", "Bulevardul Unirii", "Calea Victoriei", "Strada Mihai Eminescu",
                  "Bulevardul Ion C. Brătianu", "Șoseaua Pipera", "Strada Fabricii", "Calea Dorobanților",
                  "Strada Avram Iancu", "Splaiul Independenței", "Bulevardul Ștefan cel Mare", "Strada Gării"],
         products=["Switch de rețea cu 48 de porturi", "Laptop cu stație de andocare", "Suport 8x5 pentru 3 ani",
                   "Licență pentru 1 an", "Monitor 27\" cu suport reglabil", "Sursă neîntreruptibilă 1500 VA",
                   "Punct de acces wireless", "Garanție extinsă 2 ani", "Imprimantă laser alb-negru",
                   "Matrice de stocare cu 24 de discuri", "Mentenanță server – 36 de luni",
                   "Instalare și configurare"],
         currency="RON", symbol="lei", date="%d.%m.%Y"),
]
LANG_BY_CODE = {lang.code: lang for lang in LANGS}
WESTERN = tuple(lang.code for lang in LANGS if lang.pages == WESTERN_PAGES)

#: letters an ASCII-only export writes for the ones decomposition does not fold
_FOLD = {"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
         "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "€": "EUR", "„": '"', "“": '"',
         "”": '"', "’": "'", "–": "-", "½": "1/2", "º": "o", "ª": "a", "\xa0": " ", "°": "o"}
#: Romanian s and t with a comma below, which the 8-bit code pages write with a cedilla
_RO_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")


def fold(text: str) -> str:
    """`text` in ASCII, as an export without accents writes it ("Dvořák" -> "Dvorak")."""
    out = []
    for c in text:
        if c.isascii():
            out.append(c)
            continue
        if c in _FOLD:
            out.append(_FOLD[c])
            continue
        base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
        out.append(base if base.isascii() and base else "?")
    return "".join(out)


def encodable(text: str, page: str) -> str:
    """`text` as code page `page` can hold it: Romanian commas as cedillas, a missing letter folded."""
    if page in CENTRAL_PAGES:
        text = text.translate(_RO_CEDILLA)
    out = []
    for c in text:
        try:
            c.encode(page)
            out.append(c)
        except UnicodeEncodeError:
            out.append(fold(c))
    return "".join(out)


@dataclass
class Sample:
    """One generated file: its bytes, the text they hold, and what it is."""

    lang: str
    page: str
    variant: str
    index: int
    text: str
    data: bytes


class Writer:
    """Rows of one export: a language, a code page and the file's own habits (delimiter, amounts)."""

    def __init__(self, lang: Lang, page: str, rng: np.random.Generator) -> None:
        self.lang, self.page, self.rng = lang, page, rng
        self.delimiter = str(rng.choice([";", ";", ";", ";", ",", "\t", "|"]))
        euro_ok = _can_encode(lang.symbol, page)
        if page == "iso8859_15":
            # a Latin-9 export: amounts in euro with the sign, whatever the country
            self.symbol: str | None = "€" if rng.random() < 0.85 else None
            self.currency = "EUR"
        else:
            self.symbol = lang.symbol if euro_ok and rng.random() < 0.5 else None
            self.currency = lang.currency
        self.symbol_first = self.symbol == "€" and rng.random() < 0.3
        self.nbsp = lang.thousands == " " and page != "mac_roman" and rng.random() < 0.25
        self.smart = page in ("cp1252", "cp1250", "mac_roman") and rng.random() < 0.4
        self.invoice = int(rng.integers(10_000, 900_000))
        self.day = np.datetime64("2024-01-01") + int(rng.integers(0, 365))

    def pick(self, items: list[str]) -> str:
        return str(items[int(self.rng.integers(0, len(items)))])

    def company(self) -> str:
        lang = self.lang
        pattern = self.pick(lang.patterns)
        city = self.pick([c for c, _ in lang.cities])
        words = {"L": self.pick(lang.last), "L2": self.pick(lang.last), "I": self.pick(lang.industries),
                 "F": self.pick(lang.forms), "C": city}
        name = " ".join(words.get(tok, tok) for tok in pattern.split())
        if lang.extra_words and self.rng.random() < 0.1:
            name = f"{self.pick(lang.extra_words)} {name}"
        if self.smart and self.rng.random() < 0.15:
            name = name.replace("'", "’")
        return name

    def amount(self, value: float) -> str:
        whole, cents = divmod(round(value * 100), 100)
        sep = "\xa0" if self.nbsp else self.lang.thousands
        if self.rng.random() < 0.2:
            sep = ""
        digits = f"{whole:,}".replace(",", sep)
        text = f"{digits},{cents:02d}" if self.lang.thousands != "," else f"{digits}.{cents:02d}"
        if self.symbol:
            text = f"{self.symbol} {text}" if self.symbol_first else f"{text} {self.symbol}"
        return text

    def row(self) -> list[str]:
        lang, rng = self.lang, self.rng
        if rng.random() < 0.3:
            self.invoice += 1
            self.day = self.day + int(rng.integers(0, 3))
        city, postcode = lang.cities[int(rng.integers(0, len(lang.cities)))]
        qty = int(rng.choice([1, 1, 1, 2, 3, 5, 10, 24]))
        price = float(rng.choice([19.9, 89.0, 249.5, 612.0, 1_290.0, 4_310.55, 13_990.0, 48_900.0]))
        price *= 1 + float(rng.integers(-20, 20)) / 100
        product = self.pick(lang.products)
        if self.smart and rng.random() < 0.1:
            product = f"„{product}“" if lang.code in ("de", "cs", "sk", "pl", "hr", "sl", "ro", "hu") else product
        date = str(np.datetime_as_string(self.day, unit="D"))
        y, m, d = date.split("-")
        when = lang.date.replace("%Y", y).replace("%m", m).replace("%d", d)
        sku = f"{self.pick(['C9300', 'FG', 'R7525', 'HPE-', 'LEN-', 'DELL-', 'UBQ-'])}{int(rng.integers(10, 999))}"
        return [when, f"F{self.invoice}", self.company(), self.company(),
                f"{self.pick(lang.first)} {self.pick(lang.last)}",
                f"{self.pick(lang.streets)} {int(rng.integers(1, 180))}", postcode(rng), city, sku, product,
                str(qty), self.amount(price), self.amount(price * qty), self.currency]


def _can_encode(text: str, page: str) -> bool:
    try:
        text.encode(page)
        return True
    except UnicodeEncodeError:
        return False


def _to_csv(rows: list[list[str]], delimiter: str, newline: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buf.getvalue()


_NAME_COLUMNS = (2, 3, 4, 5, 7)


def _words_with_accents(lang: Lang, page: str, count: int) -> list[str]:
    """Names of `lang` with exactly `count` non-ASCII letters that code page `page` holds."""
    pool = sorted({w for item in lang.last + lang.first + [c for c, _ in lang.cities] + lang.streets
                   for w in item.split()})
    out = []
    for word in pool:
        held = encodable(word, page)
        if held == word.translate(_RO_CEDILLA) and sum(not c.isascii() for c in held) == count:
            out.append(held)
    return out


def make_file(lang: Lang, page: str, variant: str, index: int, rng: np.random.Generator) -> Sample:
    """One export of `lang` in code page `page`, of kind `variant` (see the module's doc)."""
    writer = Writer(lang, page, rng)
    rows_n = {"full": int(rng.integers(20, 300)), "ascii": int(rng.integers(60, 200)), "tiny": 2,
              "rare": 200}[variant]
    rows = [writer.row() for _ in range(rows_n)]
    header = list(lang.header)
    if variant in ("ascii", "rare"):
        kept = {(int(rng.integers(0, rows_n)), int(rng.choice(_NAME_COLUMNS))) for _ in range(int(rng.integers(2, 7)))}
        header = [fold(h) for h in header]
        rows = [[cell if (variant == "ascii" and (i, j) in kept) else fold(cell) for j, cell in enumerate(row)]
                for i, row in enumerate(rows)]
        if variant == "rare":
            accents = int(rng.integers(1, 3))
            words = _words_with_accents(lang, page, accents)
            placed = [str(rng.choice(words))] if words else [str(rng.choice(_words_with_accents(lang, page, 1)))
                                                             for _ in range(accents)]
            for word in placed:
                i = int(rng.integers(0, rows_n))
                rows[i][4] = f"{fold(writer.pick(lang.first))} {word}"
    newline = "\r" if page == "mac_roman" and rng.random() < 0.5 else str(rng.choice(["\r\n", "\n"]))
    text = encodable(_to_csv([header, *rows], writer.delimiter, newline), page)
    if text.isascii():  # an ASCII file is UTF-8 and says nothing about code pages: keep one name's accent
        word = _words_with_accents(lang, page, 1)[0]
        text = text.replace(fold(word), word, 1) if fold(word) in text else text + word + newline
    return Sample(lang.code, page, variant, index, text, text.encode(page))


def corpus(seed: int, per_cell: int, langs: list[Lang] = LANGS) -> Iterator[Sample]:
    """`per_cell` files of every language, code page and variant, from seed `seed`."""
    for li, lang in enumerate(langs):
        for pi, page in enumerate(lang.pages):
            for vi, variant in enumerate(VARIANTS):
                for k in range(per_cell):
                    rng = np.random.default_rng([seed, li, pi, vi, k])
                    yield make_file(lang, page, variant, k, rng)


Detector = Callable[[bytes], str]


def load_detector(spec: str | None) -> tuple[str, Detector | None]:
    """(name, function) of ``--detector MODULE:FUNC``; (name of the default, None) without one."""
    if not spec:
        return "sources.text_bytes._legacy_encoding", None
    module, _, name = spec.partition(":")
    if module.endswith(".py"):
        path = Path(module).resolve()
        loader = importlib.machinery.SourceFileLoader(path.stem, str(path))
        spec_ = importlib.util.spec_from_loader(path.stem, loader)
        assert spec_ is not None
        mod = importlib.util.module_from_spec(spec_)
        sys.modules[path.stem] = mod  # dataclasses look their module up while it runs
        loader.exec_module(mod)
    else:
        mod = importlib.import_module(module)
    return spec, getattr(mod, name or "_legacy_encoding")


def run(seed: int, per_cell: int, detector: Detector | None) -> dict[str, Any]:
    """Decode every file of the corpus as the reader does; the right ones per language, page and variant."""
    from sources import text_bytes

    original: Detector = text_bytes._legacy_encoding
    if detector is not None:
        setattr(text_bytes, "_legacy_encoding", detector)  # noqa: B010 - a module function swapped for the run
    cells: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    errors: list[dict[str, Any]] = []
    seconds: list[float] = []
    try:
        for s in corpus(seed, per_cell):
            t0 = time.perf_counter()
            try:
                decoded = text_bytes.decode_text(s.data)
                text, used = decoded.text, decoded.encoding
            except Exception as exc:  # a refused file is a wrong answer, counted
                text, used = "", f"error: {exc}"
            seconds.append(time.perf_counter() - t0)
            cell = cells[(s.lang, s.page, s.variant)]
            cell[1] += 1
            if text == s.text:
                cell[0] += 1
            else:
                errors.append(dict(lang=s.lang, page=s.page, variant=s.variant, index=s.index, detected=used,
                                   bytes=len(s.data)))
    finally:
        setattr(text_bytes, "_legacy_encoding", original)  # noqa: B010
    return dict(seed=seed, per_cell=per_cell,
                cells=[dict(lang=k[0], page=k[1], variant=k[2], right=v[0], files=v[1]) for k, v in cells.items()],
                errors=errors, median_ms=1000 * statistics.median(seconds), max_ms=1000 * max(seconds))


def summarise(result: dict[str, Any]) -> dict[str, Any]:
    """Accuracy per language and page, per language, per family and variant."""
    by: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for c in result["cells"]:
        family = "western" if c["lang"] in WESTERN else "central"
        for group, key in (("lang_page", f"{c['lang']}/{c['page']}"), ("lang", c["lang"]),
                           ("family_variant", f"{family}/{c['variant']}"), ("family", family),
                           ("family_page", f"{family}/{c['page']}")):
            by[group][key][0] += c["right"]
            by[group][key][1] += c["files"]
    return {g: {k: dict(right=v[0], files=v[1], accuracy=round(v[0] / v[1], 4)) for k, v in d.items()}
            for g, d in by.items()}


def print_report(result: dict[str, Any], summary: dict[str, Any]) -> None:
    print(f"seed {result['seed']}, {result['per_cell']} file(s) per language, page and kind; "
          f"detector {result['detector']}; decode_text median {result['median_ms']:.1f} ms, "
          f"max {result['max_ms']:.1f} ms")
    pages = WESTERN_PAGES + CENTRAL_PAGES
    print(f"{'language':<11}" + "".join(f"{p:>12}" for p in pages) + f"{'all':>9}")
    for lang in LANGS:
        cells = []
        for p in pages:
            s = summary["lang_page"].get(f"{lang.code}/{p}")
            cells.append(f"{100 * s['accuracy']:>11.1f}%" if s else f"{'':>12}")
        total = summary["lang"][lang.code]
        print(f"{lang.name:<11}" + "".join(cells) + f"{100 * total['accuracy']:>8.1f}%")
    print()
    for family in ("western", "central"):
        parts = [f"{v}: {100 * summary['family_variant'][f'{family}/{v}']['accuracy']:.1f}%" for v in VARIANTS]
        fam = summary["family"][family]
        print(f"{family:<8} {100 * fam['accuracy']:.1f}% of {fam['files']}  (" + ", ".join(parts) + ")")
    confusion = Counter((e["page"], e["detected"]) for e in result["errors"])
    if confusion:
        print("\nwrong code pages (written as -> read as: files):")
        for (page, used), n in confusion.most_common(20):
            print(f"  {page:>10} -> {used:<12} {n}")


def timing(detector: Detector | None, size: int = 200_000, repeat: int = 3) -> dict[str, Any]:
    """Milliseconds of the detector on `size`-byte files of every language and page (best of `repeat`)."""
    from sources import text_bytes

    func = detector or text_bytes._legacy_encoding
    out: dict[str, float] = {}
    for li, lang in enumerate(LANGS):
        for page in lang.pages:
            for variant in ("full", "rare"):
                rng = np.random.default_rng([99, li, len(page), len(variant)])
                sample = make_file(lang, page, variant, 0, rng)
                data = sample.data
                while len(data) < size:  # the same export, more rows
                    more = make_file(lang, page, "full" if variant == "full" else "rare", len(data), rng)
                    data += more.data.split(b"\n", 1)[-1]
                data = data[:size]
                best = float("inf")
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    func(data)
                    best = min(best, time.perf_counter() - t0)
                out[f"{lang.code}/{page}/{variant}"] = round(1000 * best, 2)
    values = sorted(out.values())
    return dict(size=size, median_ms=statistics.median(values), max_ms=values[-1],
                slowest=sorted(out.items(), key=lambda kv: -kv[1])[:5], files=out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=TUNING_SEED)
    parser.add_argument("--per-cell", type=int, default=6, help="files per language, code page and kind")
    parser.add_argument("--json", type=Path, help="write the counts, the summary and the wrong files here")
    parser.add_argument("--detector", help="MODULE:FUNC or FILE.py:FUNC in place of _legacy_encoding")
    parser.add_argument("--timing", action="store_true", help="time the detector on 200 KB files as well")
    args = parser.parse_args(argv)
    name, detector = load_detector(args.detector)
    result = run(args.seed, args.per_cell, detector)
    result["detector"] = name
    summary = summarise(result)
    print_report(result, summary)
    out: dict[str, Any] = dict(result, summary=summary)
    if args.timing:
        out["timing"] = timing(detector)
        t = out["timing"]
        print(f"\n{t['size']:,}-byte files: median {t['median_ms']:.1f} ms, max {t['max_ms']:.1f} ms; slowest "
              + ", ".join(f"{k} {v:.1f} ms" for k, v in t["slowest"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()

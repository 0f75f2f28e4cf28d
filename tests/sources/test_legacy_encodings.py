"""The Latin code page of an export that is not UTF-8, read as the nightly run reads it: each file is
written in tmp_path in its legacy code page and read through the reader; the names, headers and
amounts come back as written, and the reader reports the code page it used.

The Central European files hold only letters that cp1252 also reads as letters ("Èeské dráhy",
"Miejscowoœæ"), the Mac file reads "MŸller" in cp1252, the Latin-9 file's euro sign is cp1252's
"¤"; the Western files must stay cp1252 although cp1250 reads their letters as letters too
("Rivičre", "Sřndergaard", "Cittŕ"). Measured on generated exports: `python -m bench.legacy_encodings`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.reader import FileOutcome
from sources.text_bytes import detect_encoding
from tests.sources.hostile import read


def _rows(out: FileOutcome, *columns: str) -> list[tuple[object, ...]]:
    """`columns` of the loaded records, one tuple a row, in file order."""
    return list(out.records.sort_values("source_row")[list(columns)].itertuples(index=False, name=None))


CZ = (
    "Datum faktury;Číslo faktury;Obchodní partner;Koncový zákazník;Město;Kód výrobce;Popis;Množství;"
    "Jednotková cena;Cena celkem\r\n"
    "1.3.2024;FA2024-00311;Alef Nula a.s.;České dráhy, a.s.;Praha;C9300-48P-E;Přepínač Catalyst 9300;2;"
    "148 500,00 Kč;297 000,00 Kč\r\n"
    "14.3.2024;FA2024-00402;Autocont a.s.;Plzeňský Prazdroj, a. s.;Plzeň;FG-200F;Zařízení FortiGate-200F;1;"
    "131 250,00 Kč;131 250,00 Kč\r\n"
    "21.3.2024;FA2024-00517;Dvořák Elektro s.r.o.;Nemocnice Čáslav, příspěvková organizace;Čáslav;"
    "CON-SNT-C93004PE;Podpora SmartNet na 3 roky;4;9 870,50 Kč;39 482,00 Kč\r\n"
)


def test_czech_cp1250_whose_letters_cp1252_reads_as_letters(tmp_path: Path) -> None:
    """cp1252 reads this file without a symbol ("Èeské dráhy", "Mìsto", "Kè"): the letters of no one
    language give it away; cp1250 reads Czech."""
    out = read(tmp_path, "cz_pos.csv", CZ.encode("cp1250"))
    assert out.status == "loaded"
    assert out.detected["encoding"] == "cp1250"
    mapping = out.sheets[0].mapping
    assert mapping["Číslo faktury"] == "invoice_number"
    assert mapping["Koncový zákazník"] == "customer_name"
    assert mapping["Město"] == "customer_city"
    assert mapping["Množství"] == "quantity"
    assert _rows(out, "customer_name", "customer_city", "description", "amount", "currency") == [
        ("České dráhy, a.s.", "Praha", "Přepínač Catalyst 9300", 297000.0, "CZK"),
        ("Plzeňský Prazdroj, a. s.", "Plzeň", "Zařízení FortiGate-200F", 131250.0, "CZK"),
        ("Nemocnice Čáslav, příspěvková organizace", "Čáslav", "Podpora SmartNet na 3 roky", 39482.0, "CZK"),
    ]
    assert _rows(out, "reseller_name")[2] == ("Dvořák Elektro s.r.o.",)


def test_a_czech_header_above_english_names_decides_the_code_page(tmp_path: Path) -> None:
    """A Czech system's export (cp1250) of a world's customers: the header is Czech, the names English but for
    a French one. The English letters outvoted the header's words and cp1252 won ("Odbìratel", "Koneèný
    zákazník"); the words the pages read differently decide."""
    text = ("Číslo;Vystaveno;Odběratel;Konečný zákazník;Kód položky;Název položky;Množství;Celkem bez DPH;Měna;"
            "Sériová čísla\r\n" + "".join(
                f"2026-{k:06d};02.01.2026;{reseller};{customer};CS-NBD-SW;Support 1y;1;{k}00,00;EUR;FOC{k:07d}\r\n"
                for k, (reseller, customer) in enumerate([
                    ("Galby Digital Inc", "Harbour Legal Ltd"), ("Cloudpoint IT Solutions", "Bélanger Ingénierie"),
                    ("Northwind Systems", "Kestrel Mining Services"), ("Galby Digital Inc", "Coastline Dental"),
                    ("Brightwater Logistics", "Pelhaven Engineering LLC")], start=1)))
    out = read(tmp_path, "faktury_polozky.csv", text.encode("cp1250"))
    assert out.detected["encoding"] == "cp1250"
    mapping = out.sheets[0].mapping
    assert mapping["Odběratel"] == "reseller_name" and mapping["Konečný zákazník"] == "customer_name"
    assert "Bélanger Ingénierie" in set(out.records["customer_name"])


PL = (
    "Data;Nr dokumentu;Partner;Klient końcowy;Miejscowość;Kod producenta;Opis;Ilość;Cena;Wartość;Waluta\r\n"
    "05.08.2024;FV/08/2024/0101;Comp S.A.;Urzad Miasta Gdańsk;Gdańsk;C9200L-48P-4X-E;Przełącznik Catalyst 9200L;"
    "1;9 870,00;9 870,00;PLN\r\n"
    "19.08.2024;FV/08/2024/0177;Sprint S.A.;Politechnika Częstochowska;Częstochowa;C9120AXI-E;"
    "Punkt dostępowy Wi-Fi 6;3;1 890,00;5 670,00;PLN\r\n"
    "26.08.2024;FV/08/2024/0203;Integrated Solutions Sp. z o.o.;Szpital Miejski w Pińczowie;Pińczów;FG-80F;"
    "Wsparcie serwisowe na 36 miesięcy;2;3 899,99;7 799,98;PLN\r\n"
)


def test_polish_cp1250_with_its_symbols_still_reads(tmp_path: Path) -> None:
    out = read(tmp_path, "pl_full.csv", PL.encode("cp1250"))
    assert out.detected["encoding"] == "cp1250"
    assert _rows(out, "description")[0] == ("Przełącznik Catalyst 9200L",)


MAC = (
    "Rechnungsdatum;Rechnungsnummer;Händler;Endkunde;Ort;Artikelnummer;Bezeichnung;Menge;Einzelpreis;"
    "Gesamtpreis;Währung\r"
    "08.04.2024;M-1001;Bechtle AG;Müller & Söhne Präzisionsteile GmbH;München;C9200-24P-E;Catalyst 9200 24p;"
    "1;1.890,00;1.890,00;EUR\r"
    "22.04.2024;M-1044;Cancom SE;Straßenmeisterei Düren;Düren;FG-60F;FortiGate-60F;2;690,00;1.380,00;EUR\r"
    "29.04.2024;M-1051;Bechtle AG;Gebrüder Köhler KG;Würzburg;CON-SNT-C92002PE;Wartung 8x5 für 1 Jahr;1;"
    "305,50;305,50;EUR\r"
)


def test_mac_roman_export(tmp_path: Path) -> None:
    """Excel for Mac's "CSV (Macintosh)": Mac Roman and CR line ends. cp1252 reads "HŠndler",
    "MŸller", "Stra§enmeisterei"."""
    out = read(tmp_path, "de_mac.csv", MAC.encode("mac_roman"))
    assert out.status == "loaded"
    assert out.detected["encoding"] == "mac_roman"
    mapping = out.sheets[0].mapping
    assert mapping["Händler"] == "reseller_name"
    assert mapping["Währung"] == "currency"
    assert _rows(out, "customer_name", "customer_city", "description", "amount") == [
        ("Müller & Söhne Präzisionsteile GmbH", "München", "Catalyst 9200 24p", 1890.0),
        ("Straßenmeisterei Düren", "Düren", "FortiGate-60F", 1380.0),
        ("Gebrüder Köhler KG", "Würzburg", "Wartung 8x5 für 1 Jahr", 305.5),
    ]


LATIN9 = (
    "Date facture;N° facture;Revendeur;Client final;Référence;Désignation;Qté;P.U. HT;Montant HT\n"
    "12/02/2024;FC-88123;Orange Business France;Mutuelle Générale de l'Éducation Nationale;FG-1000F;"
    "FortiGate-1000F;1;48.900,00 €;48.900,00 €\n"
    "26/02/2024;FC-88210;Nexity Réseaux;Œuvre Française des Hôpitaux;C9200-24T-E;Commutateur 24 ports;2;"
    "1.450,00 €;2.900,00 €\n"
    "04/03/2024;FC-88377;Inetum;Les Sœurs Hospitalières;FC-10-F1K0F-247-02-36;FortiCare 24x7 3 ans;1;"
    "29.345,10 €;29.345,10 €\n"
)


def test_latin9_euro_amounts(tmp_path: Path) -> None:
    """ISO-8859-15 puts the euro sign at 0xA4, cp1252's "¤" (which left the currency unknown) and
    "œ" at 0xBD, cp1252's "½"."""
    out = read(tmp_path, "fr_latin9.csv", LATIN9.encode("iso8859_15"))
    assert out.status == "loaded"
    assert out.detected["encoding"] == "iso8859_15"
    mapping = out.sheets[0].mapping
    assert mapping["Désignation"] == "description"
    assert mapping["Qté"] == "quantity"
    assert _rows(out, "customer_name", "unit_price", "amount", "currency") == [
        ("Mutuelle Générale de l'Éducation Nationale", 48900.0, 48900.0, "EUR"),
        ("Œuvre Française des Hôpitaux", 1450.0, 2900.0, "EUR"),
        ("Les Sœurs Hospitalières", 29345.1, 29345.1, "EUR"),
    ]


WESTERN = {
    "fr": (
        "Date de facture;N° de facture;Revendeur;Client final;Ville;Référence constructeur;Désignation;Quantité;"
        "Prix unitaire HT;Montant HT;Devise\r\n"
        "05/02/2024;FA24-0012345;Inetum SA;Société Générale d'Équipements;Nanterre;FG-200F;"
        "FortiGate-200F matériel;1;5 230,00 €;5 230,00 €;EUR\r\n"
        "19/02/2024;FA24-0013002;SCC France;Hôpital Privé de l’Estuaire;Le Havre;R7525-BASE;"
        "Serveur rack – garantie 3 ans;1;14 320,00 €;14 320,00 €;EUR\r\n"
        "26/02/2024;FA24-0013188;Computacenter;Menuiserie Rivière Frères;Besançon;C9200-24T-E;"
        "Commutateur 24 ports, contrat de maintenance à l'année;2;1 450,00 €;2 900,00 €;EUR\r\n",
        [("Société Générale d'Équipements", 5230.0, "EUR"), ("Hôpital Privé de l’Estuaire", 14320.0, "EUR"),
         ("Menuiserie Rivière Frères", 2900.0, "EUR")],
        ("Quantité", "quantity"),
    ),
    "da": (
        "Fakturadato;Fakturanr.;Forhandler;Slutkunde;By;Varenummer;Beskrivelse;Antal;Enhedspris;Beløb;Valuta\r\n"
        "04.03.2024;F-1001;Atea A/S;Søndergaard Maskinfabrik ApS;Århus;C9300-48P;Netværksswitch 48 porte;2;"
        "6.123,40;12.246,80;DKK\r\n"
        "05.03.2024;F-1002;Dustin A/S;Kåre Jørgensen Tømrer ApS;Næstved;FG-100F;Trådløst adgangspunkt;1;"
        "2.890,00;2.890,00;DKK\r\n"
        "11.03.2024;F-1017;Atea A/S;Østergaard & Bæk I/S;Køge;CON-SNT-C93004PA;Support 8x5 i 3 år;1;"
        "1.234,56;1.234,56;DKK\r\n",
        [("Søndergaard Maskinfabrik ApS", 12246.8, "DKK"), ("Kåre Jørgensen Tømrer ApS", 2890.0, "DKK"),
         ("Østergaard & Bæk I/S", 1234.56, "DKK")],
        ("Beløb", "amount"),
    ),
    "it": (
        "Data fattura;Numero fattura;Rivenditore;Ragione sociale cliente finale;Città;Codice articolo produttore;"
        "Descrizione;Q.tà;Prezzo unitario;Importo;Valuta\r\n"
        "03/06/2024;2024/VE/018822;Sirti Digital Solutions S.p.A.;Società Cooperativa Agricola Più Frutta;Forlì;"
        "C9300X-24Y-A;Attività di installazione;1;€ 13.990,00;€ 13.990,00;EUR\r\n"
        "18/06/2024;2024/VE/019310;Var Group S.p.A.;Comune di Cantù;Cantù;FG-101F;Qualità certificata – 3 anni;2;"
        "€ 3.480,00;€ 6.960,00;EUR\r\n"
        "25/06/2024;2024/VE/019644;Esprinet S.p.A.;Università degli Studi di Perugia;Paternò;C9200-48P-E;"
        "Manutenzione programmata, più durata;1;€ 2.310,40;€ 2.310,40;EUR\r\n",
        [("Società Cooperativa Agricola Più Frutta", 13990.0, "EUR"), ("Comune di Cantù", 6960.0, "EUR"),
         ("Università degli Studi di Perugia", 2310.4, "EUR")],
        ("Città", "customer_city"),
    ),
    "is": (
        # Icelandic headers are not in the reader's vocabulary: an export with English ones
        "Invoice Date;Invoice No;Reseller;End User;City;SKU;Description;Qty;Unit Price;Amount;Currency\r\n"
        "02.05.2024;R-20411;Origo hf.;Guðmundsdóttir Tölvuþjónusta ehf.;Reykjavík;C9200-24P-E;Netbeinir 24 tengi;1;"
        "189.000,00;189.000,00;ISK\r\n"
        "16.05.2024;R-20588;Advania ehf.;Þórðarson Vélsmiðja ehf.;Hafnarfjörður;FG-60F;Eldveggur;2;"
        "96.500,00;193.000,00;ISK\r\n"
        "30.05.2024;R-20702;Origo hf.;Rafverktakar Árnason sf.;Egilsstaðir;CON-SNT;Þjónustusamningur 3 ár;1;"
        "45.250,00;45.250,00;ISK\r\n",
        [("Guðmundsdóttir Tölvuþjónusta ehf.", 189000.0, "ISK"), ("Þórðarson Vélsmiðja ehf.", 193000.0, "ISK"),
         ("Rafverktakar Árnason sf.", 45250.0, "ISK")],
        None,
    ),
}


@pytest.mark.parametrize("lang", sorted(WESTERN))
def test_western_cp1252_files_stay_cp1252(tmp_path: Path, lang: str) -> None:
    """cp1250 reads these letters as letters too (French "Rivičre", Danish "Sřndergaard" and "Kĺre",
    Italian "Societŕ", Icelandic "Guđmundsdóttir" and "Ţórđarson"), but of several languages at once."""
    body, expected, header = WESTERN[lang]
    out = read(tmp_path, f"{lang}_pos.csv", body.encode("cp1252"))
    assert out.status == "loaded"
    assert out.detected["encoding"] == "cp1252"
    assert _rows(out, "customer_name", "amount", "currency") == expected
    if header:
        assert out.sheets[0].mapping[header[0]] == header[1]


def test_latin1_spanish_without_windows_bytes_stays_cp1252(tmp_path: Path) -> None:
    """Latin-1 (no byte 0x80-0x9F, no euro sign): cp1252 reads it alike, and the reader says cp1252."""
    body = (
        "Fecha factura|Nº factura|Cliente|Cliente final|Población|Referencia fabricante|Descripción|Cantidad|"
        "Precio unitario|Importe|Moneda\n"
        "03/04/2024|ES24/004512|Telefónica Soluciones|Ayuntamiento de Málaga|Málaga|FG-60F|FortiGate-60F|1|612,00|"
        "612,00|EUR\n"
        "17/04/2024|ES24/004777|Ingeniería e Integración Avanzadas|Hospital Universitario La Paz|Madrid|"
        "C9200-48P-E|Catalyst 9200 48p PoE+|2|2.310,40|4.620,80|EUR\n"
        "24/04/2024|ES24/004901|Informática El Corte Inglés|Compañía Logística Ibérica|A Coruña|FC-10-0060F|"
        "FortiCare 24x7 3 años|1|498,75|498,75|EUR\n"
    )
    out = read(tmp_path, "es_pipe.csv", body.encode("latin-1"))
    assert out.detected["encoding"] == "cp1252"
    assert _rows(out, "customer_name", "customer_city", "amount") == [
        ("Ayuntamiento de Málaga", "Málaga", 612.0),
        ("Hospital Universitario La Paz", "Madrid", 4620.8),
        ("Compañía Logística Ibérica", "A Coruña", 498.75),
    ]
    assert out.sheets[0].mapping["Población"] == "customer_city"


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("Rechnung;Betrag\nAcme Ltd;1.234,00 €\n", "cp1252", "cp1252"),  # a euro sign and nothing else
        ("Kunde;Ort\nMüller GmbH;Köln\nSociété Générale;Paris\n", "cp1252", "cp1252"),  # cp1250 reads it alike
        ("Client;Montant\nCœur de Lyon SARL;12,50 €\n", "iso8859_15", "iso8859_15"),
        ("Kunde;Ort\nMüller GmbH;Köln\n", "mac_roman", "mac_roman"),  # "MŸller", "Kšln"
        ("Firma;Miasto\nŚwiątek i Syn;Łódź\n", "iso8859_2", "iso8859_2"),  # cp1250: "¦wi±tek", "ŁódĽ"
    ],
)
def test_detect_encoding_of_small_files(text: str, encoding: str, expected: str) -> None:
    data = text.encode(encoding)
    assert detect_encoding(data) == expected
    assert data.decode(expected) == text


def test_a_western_file_of_names_from_many_countries_stays_cp1252(tmp_path: Path) -> None:
    """A European distributor's report holds Swedish, French and German names together ("Åkerlund",
    "Lefèvre & Côté", "Gerät"): no one alphabet holds its letters, yet it is no Central European file."""
    lines = ["Datum;Rechnung;Händler;Endkunde;Ort;Land;Artikel;Bezeichnung;Menge;Betrag"]
    names = [("Åkerlund Industri AB", "Stockholm", "Sverige"), ("Lefèvre & Côté Électronique", "Lyon", "France"),
             ("Thériault Télécom SARL", "Toulouse", "France"), ("Bouchard Matériaux Inc.", "Québec", "Canada"),
             ("Müller Gerätebau GmbH", "Köln", "Deutschland")]
    for k, (name, city, country) in enumerate(names * 4):
        lines.append(f"0{1 + k % 9}.10.2025;EL-70001{k:02d};Datacove Systems;{name};{city};{country};CS-24X7-AP;"
                     f"Rund-um-die-Uhr-Service, Gerät: Firewall;1;1.234,50")
    out = read(tmp_path, "eurolink.csv", ("\n".join(lines) + "\n").encode("cp1252"))
    assert out.detected["encoding"] == "cp1252"
    assert set(out.records["customer_name"]) == {n for n, _, _ in names}


def test_a_dos_end_of_file_mark_is_no_part_of_the_last_row(tmp_path: Path) -> None:
    """Old systems end a text file with Ctrl-Z (0x1A): it was read into the last row's last value."""
    text = ("Invoice Date,Reseller,End Customer,SKU,Serial\r\n2026-05-14,Bluewave IT,Globex Corporation,SKU-10,SN50014\r\n"
            "2026-05-15,Bluewave IT,Globex Corporation,SKU-10,SN50015\r\n\x1a")
    out = read(tmp_path, "pos.csv", text.encode("cp1252"))
    assert out.rows_loaded == 2 and out.rows_quarantined == 0
    assert out.records["serial_numbers"].tolist()[-1] == ["SN50015"]

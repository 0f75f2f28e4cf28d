"""A Turkish export in its legacy code page (Windows-1254, ISO-8859-9), read as the nightly run reads it.

cp1254 differs from cp1252 in six letters only: the bytes of "Ş ş İ ı Ğ ğ" are cp1252's "Þ þ Ý ý Ð ð",
which Icelandic spells with, so cp1252 reads a Turkish file without a symbol ("Þehir", "Bitiþ Tarihi",
"A.Þ.") and only the letters tell: cp1252's reading needs Icelandic's letters beside French's ("ç", "ü"),
cp1254's is one language's. Real Icelandic and German files in cp1252 must stay cp1252. The Turkish
headers are named in the source's `columns:` (the header vocabulary is not under test here): each must
come back as written for its column to be found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.reader import FileOutcome
from sources.text_bytes import decode_text, detect_encoding
from tests.sources.hostile import read, src

TR = (
    "Fatura Tarihi;Fatura No;Bayi Adı;Son Kullanıcı;Şehir;Üretici Parça No;Ürün Açıklaması;Miktar;Tutar;"
    "Bitiş Tarihi\r\n"
    "09.11.2021;WB7000001;Kelstead Data Systems;Öztürk Makina Sanayi ve Ticaret A.Ş.;İstanbul;STO-ME5024;"
    "Depolama dizisi, 24 yuva;1;12.054,67;20.12.2022\r\n"
    "10.11.2021;WB7000002;Alridge Digital Inc;Güneş Lojistik Ltd. Şti.;Kocaeli;CS-NBD-SW;Destek, 1 yıl;1;"
    "1.072,20;09.11.2022\r\n"
)
TR_COLUMNS = {
    "invoice_date": "Fatura Tarihi", "invoice_number": "Fatura No", "reseller_name": "Bayi Adı",
    "customer_name": "Son Kullanıcı", "customer_city": "Şehir", "sku": "Üretici Parça No",
    "description": "Ürün Açıklaması", "quantity": "Miktar", "amount": "Tutar", "service_end": "Bitiş Tarihi",
}


def _rows(out: FileOutcome, *columns: str) -> list[tuple[object, ...]]:
    """`columns` of the loaded records, one tuple a row, in file order."""
    return list(out.records.sort_values("source_row")[list(columns)].itertuples(index=False, name=None))


@pytest.mark.parametrize("page", ["cp1254", "iso8859_9"])
def test_turkish_file_reads_its_headers_and_names(tmp_path: Path, page: str) -> None:
    """No byte of the file is a C1 control, so ISO-8859-9 reads it as cp1254 does: either is right."""
    out = read(tmp_path, "tr_pos.csv", TR.encode(page), src(columns=TR_COLUMNS))
    assert out.status == "loaded", out.error
    assert out.detected["encoding"] in ("cp1254", "iso8859_9")
    mapping = out.sheets[0].mapping
    assert mapping["Şehir"] == "customer_city"
    assert mapping["Bitiş Tarihi"] == "service_end"
    assert mapping["Son Kullanıcı"] == "customer_name"
    assert _rows(out, "customer_name", "customer_city", "description", "amount") == [
        ("Öztürk Makina Sanayi ve Ticaret A.Ş.", "İstanbul", "Depolama dizisi, 24 yuva", 12054.67),
        ("Güneş Lojistik Ltd. Şti.", "Kocaeli", "Destek, 1 yıl", 1072.20),
    ]
    assert [str(d) for d in out.records.sort_values("source_row")["service_end"]] == ["2022-12-20", "2022-11-09"]


def test_turkish_letters_ğ_and_capitals() -> None:
    """"Ğ", "ğ" (cp1252's "Ð", "ð") and a capital "İ" inside a capitalised name read as Turkish."""
    text = ("Müşteri;Şehir;Açıklama\r\nDoğan Yazılım A.Ş.;İzmir;Güvenlik duvarı\r\n"
            "ERDEMİR Çelik San. ve Tic. A.Ş.;Ereğli;Destek süresi uzatıldı\r\n")
    decoded = decode_text(text.encode("cp1254"))
    assert decoded.encoding == "cp1254"
    assert decoded.text == text


def test_icelandic_cp1252_stays_cp1252(tmp_path: Path) -> None:
    """"Þór", "Guðrún", "Ýmir": Icelandic's own letters, beside its "á", "é", "í", "ó", "ú" no Turkish word has."""
    text = (
        "Reikningsdagur;Reikningur;Söluaðili;Viðskiptavinur;Staður;Vörunúmer;Lýsing;Magn;Upphæð\r\n"
        "01.03.2024;R-1001;Nýherji hf.;Þór Guðmundsson ehf.;Reykjavík;C9300-48P;Netrofi;1;1.200,00\r\n"
        "02.03.2024;R-1002;Advania Ísland;Guðrún Jónsdóttir;Akureyri;FG-200F;Eldveggur og þjónusta;2;3.400,00\r\n"
        "03.03.2024;R-1003;Origo hf.;Ýmir Þórðarson;Selfoss;CON-SNT;Þjónustusamningur til þriggja ára;1;950,00\r\n"
    )
    data = text.encode("cp1252")
    assert detect_encoding(data) == "cp1252"
    columns = {"invoice_date": "Reikningsdagur", "reseller_name": "Söluaðili", "customer_name": "Viðskiptavinur",
               "customer_city": "Staður", "sku": "Vörunúmer", "quantity": "Magn", "amount": "Upphæð"}
    out = read(tmp_path, "is_pos.csv", data, src(columns=columns))
    assert out.status == "loaded", out.error
    assert out.detected["encoding"] == "cp1252"
    assert _rows(out, "customer_name", "customer_city") == [
        ("Þór Guðmundsson ehf.", "Reykjavík"), ("Guðrún Jónsdóttir", "Akureyri"), ("Ýmir Þórðarson", "Selfoss"),
    ]


def test_german_cp1252_stays_cp1252(tmp_path: Path) -> None:
    text = (
        "Rechnungsdatum;Rechnungsnr.;Händler;Endkunde;Ort;Artikelnummer;Menge;Betrag\r\n"
        "01.03.2024;RE-1001;Bechtle AG;Müller & Söhne GmbH;München;C9300-48P;1;1.200,00\r\n"
        "02.03.2024;RE-1002;Cancom SE;Bäckerei Schäfer KG;Düsseldorf;FG-200F;2;3.400,00\r\n"
        "03.03.2024;RE-1003;Bechtle AG;Straßenbau Weiß GmbH;Köln;CON-SNT;1;950,00\r\n"
    )
    data = text.encode("cp1252")
    out = read(tmp_path, "de_pos.csv", data)
    assert out.status == "loaded", out.error
    assert out.detected["encoding"] == "cp1252"
    assert _rows(out, "customer_name", "customer_city") == [
        ("Müller & Söhne GmbH", "München"), ("Bäckerei Schäfer KG", "Düsseldorf"), ("Straßenbau Weiß GmbH", "Köln"),
    ]


def test_names_of_two_western_countries_stay_cp1252() -> None:
    """A distributor's file with Icelandic names beside French ones: cp1252 reads two languages, and
    cp1254 would misread the French letters Turkish has not ("é", "è")."""
    text = ("Revendeur;Client;Ville\r\nLefèvre & Côté SARL;Þór Guðmundsson ehf.;Reykjavík\r\n"
            "Société Générale;Guðrún Björk;Genève\r\n")
    assert detect_encoding(text.encode("cp1252")) == "cp1252"

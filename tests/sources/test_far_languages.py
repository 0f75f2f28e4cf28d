"""Renewal trackers and sell-through reports in the languages of `sources.vocabulary_far`: Estonian, Icelandic,
Filipino, Azerbaijani, Albanian, Basque, Irish, Welsh, Maltese, Zulu, Telugu, Marathi, Punjabi, Sinhala, Georgian,
Armenian, Kazakh, Mongolian, Macedonian, Urdu, Khmer, Lao and Burmese. Each file is written in tmp_path and read as
the night reads it: its headers must feed the fields a person reading them would name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.sources.reading import header_fields, read_as

#: a renewal tracker's columns, in the order of every tracker below
TRACKER_FIELDS = ["customer_name", "contract_number", "serial_numbers", "sku", "service_end", "amount",
                  "customer_city", "status"]
TRACKER_ROWS = [[f"Customer {d} Ltd", f"CN-{d}00", f"FOC2{d}10X{d}Y", f"C9300-{d}8P", f"2027-0{d}-15", 1000 + d,
                 "Capital", "Active"] for d in range(1, 5)]

#: a distributor's sell-through line's columns, in the order of every report below
SELL_THROUGH_FIELDS = ["invoice_date", "invoice_number", "reseller_name", "customer_name", "customer_postal_code",
                       "sku", "quantity", "unit_price", "serial_numbers"]
SELL_THROUGH_ROWS = [[f"2026-10-0{d}", f"INV-{d}00", "Channel Systems Ltd", f"End Customer {d} Ltd", f"10{d}07",
                      f"C9300-{d}8P", d, 900 + d, f"FOC2{d}10X{d}Y"] for d in range(1, 5)]

TRACKERS = {
    "estonian": ["Kliendi nimi", "Lepingu number", "Seerianumber", "Toote kood", "Aegumise kuupäev",
                 "Uuendamise summa", "Linn", "Staatus"],
    "icelandic": ["Nafn viðskiptavinar", "Samningsnúmer", "Raðnúmer", "Vörunúmer", "Lokadagur", "Upphæð", "Staður",
                  "Staða"],
    "filipino": ["Pangalan ng Kustomer", "Numero ng Kontrata", "Serial Number", "Kodigo ng Produkto",
                 "Petsa ng Pagtatapos", "Halaga ng Pagpapanibago", "Lungsod", "Katayuan"],
    "azerbaijani": ["Müştərinin adı", "Müqavilə nömrəsi", "Seriya nömrəsi", "Məhsul kodu", "Bitmə tarixi", "Məbləğ",
                    "Şəhər", "Status"],
    "albanian": ["Emri i klientit", "Numri i kontratës", "Numri serik", "Kodi i produktit", "Data e skadimit",
                 "Shuma e rinovimit", "Qyteti", "Statusi"],
    "basque": ["Bezeroaren izena", "Kontratu zenbakia", "Serie zenbakia", "Produktuaren kodea", "Amaiera data",
               "Zenbatekoa", "Hiria", "Egoera"],
    "irish": ["Ainm an Chustaiméara", "Uimhir an Chonartha", "Uimhir Shraithe", "Cód Táirge", "Dáta Deiridh",
              "Suim Athnuachana", "Cathair", "Stádas"],
    "welsh": ["Enw'r Cwsmer", "Rhif Cytundeb", "Rhif Cyfres", "Cod Cynnyrch", "Dyddiad Gorffen", "Swm Adnewyddu",
              "Dinas", "Statws"],
    "maltese": ["Isem tal-Klijent", "Numru tal-Kuntratt", "Numru Serjali", "Kodiċi tal-Prodott",
                "Data tal-Iskadenza", "Ammont tat-Tiġdid", "Belt", "Status"],
    "zulu": ["Igama lomthengi", "Inombolo yenkontileka", "Inombolo ye-serial", "Ikhodi yomkhiqizo",
             "Usuku lokuphelelwa", "Isamba", "Idolobha", "Isimo"],
    "georgian": ["კლიენტის სახელი", "ხელშეკრულების ნომერი", "სერიული ნომერი", "პროდუქტის კოდი",
                 "ვადის გასვლის თარიღი", "თანხა", "ქალაქი", "სტატუსი"],
    "armenian": ["Հաճախորդի անուն", "Պայմանագրի համար", "Սերիական համար", "Ապրանքի կոդ", "Ավարտի ամսաթիվ",
                 "Գումար", "Քաղաք", "Կարգավիճակ"],
    "kazakh": ["Клиенттің атауы", "Келісімшарттың нөмірі", "Сериялық нөмірі", "Өнім коды", "Аяқталу күні",
               "Сомасы", "Қала", "Мәртебесі"],
    "mongolian": ["Харилцагчийн нэр", "Гэрээний дугаар", "Серийн дугаар", "Бүтээгдэхүүний код", "Дуусах огноо",
                  "Дүн", "Хот", "Төлөв"],
    "macedonian": ["Име на купувачот", "Број на договор", "Сериски број", "Шифра на производ", "Датум на истекување",
                   "Износ", "Град", "Статус"],
    "urdu": ["گاہک کا نام", "معاہدہ نمبر", "سیریل نمبر", "پروڈکٹ کوڈ", "اختتام کی تاریخ", "تجدید کی مالیت", "شہر", "اسٹیٹس"],
    "khmer": ["ឈ្មោះអតិថិជន", "លេខកិច្ចសន្យា", "លេខសៀរៀល", "កូដផលិតផល", "កាលបរិច្ឆេទផុតកំណត់", "ទឹកប្រាក់",
              "ទីក្រុង", "ស្ថានភាព"],
    "lao": ["ຊື່ລູກຄ້າ", "ເລກທີສັນຍາ", "ເລກຊີຣີ", "ລະຫັດສິນຄ້າ", "ວັນທີໝົດອາຍຸ", "ຈຳນວນເງິນ", "ເມືອງ", "ສະຖານະ"],
    "burmese": ["ဖောက်သည်အမည်", "စာချုပ်နံပါတ်", "စီရီယယ်နံပါတ်", "ကုန်ပစ္စည်းကုဒ်", "သက်တမ်းကုန်ဆုံးရက်",
                "ငွေပမာဏ", "မြို့", "အခြေအနေ"],
}

SELL_THROUGH = {
    "telugu": ["ఇన్వాయిస్ తేదీ", "ఇన్వాయిస్ సంఖ్య", "రీసెల్లర్ పేరు", "తుది వినియోగదారు", "పిన్ కోడ్", "ఉత్పత్తి కోడ్",
               "పరిమాణం", "యూనిట్ ధర", "సీరియల్ నంబర్"],
    "marathi": ["बीजक दिनांक", "बीजक क्रमांक", "पुनर्विक्रेता", "अंतिम ग्राहक", "पिन कोड", "उत्पादन कोड", "प्रमाण",
                "एकक किंमत", "अनुक्रमांक"],
    "punjabi": ["ਇਨਵੌਇਸ ਮਿਤੀ", "ਇਨਵੌਇਸ ਨੰਬਰ", "ਰੀਸੇਲਰ ਦਾ ਨਾਮ", "ਅੰਤਿਮ ਗਾਹਕ", "ਪਿੰਨ ਕੋਡ", "ਉਤਪਾਦ ਕੋਡ", "ਮਾਤਰਾ",
                "ਇਕਾਈ ਕੀਮਤ", "ਸੀਰੀਅਲ ਨੰਬਰ"],
    "sinhala": ["ඉන්වොයිසියේ දිනය", "ඉන්වොයිස් අංකය", "විකුණුම්කරු", "අවසාන පාරිභෝගිකයා", "තැපැල් කේතය",
                "නිෂ්පාදන කේතය", "ගණන", "ඒකක මිල", "සීරියල් අංකය"],
    "estonian": ["Arve kuupäev", "Arve nr", "Edasimüüja", "Lõppklient", "Postiindeks", "Tootekood", "Kogus",
                 "Ühikuhind", "Seerianumber"],
}


def _tsv(path: Path, header: list[str], rows: Sequence[Sequence[object]]) -> Path:
    lines = ["\t".join(header), *("\t".join(str(v) for v in r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("language", sorted(TRACKERS))
def test_a_renewal_tracker_is_read_by_its_words(tmp_path: Path, language: str) -> None:
    header = TRACKERS[language]
    out = read_as(_tsv(tmp_path / f"{language}.tsv", header, TRACKER_ROWS), "sales_rep")
    assert header_fields(out) == dict(zip(header, TRACKER_FIELDS, strict=True))
    assert (out.rows_loaded, out.rows_quarantined) == (4, 0)


@pytest.mark.parametrize("language", sorted(SELL_THROUGH))
def test_a_sell_through_report_is_read_by_its_words(tmp_path: Path, language: str) -> None:
    header = SELL_THROUGH[language]
    out = read_as(_tsv(tmp_path / f"{language}.tsv", header, SELL_THROUGH_ROWS), "distributor")
    assert header_fields(out) == dict(zip(header, SELL_THROUGH_FIELDS, strict=True))
    assert (out.rows_loaded, out.rows_quarantined) == (4, 0)


def test_a_crm_account_export_in_kazakh_georgian_and_icelandic_names_its_owner_and_parent(tmp_path: Path) -> None:
    rows = [[f"Company {d}", f"ACC-{d}", "Partner", "Jane Doe", "John Roe", f"+99 555 0{d}", f"info{d}@example.com",
             "Holding Ltd"] for d in range(1, 5)]
    want = ["customer_name", "customer_account", "account_type", "rep", "contact_name", "customer_phone",
            "customer_email", "parent_account"]
    headers = {
        "kk": ["Компания атауы", "Клиент коды", "Түрі", "Иесі", "Байланыс тұлғасы", "Телефон", "Электрондық пошта",
               "Бас компания"],
        "ka": ["კომპანიის სახელწოდება", "კლიენტის კოდი", "ტიპი", "მფლობელი", "საკონტაქტო პირი", "ტელეფონი",
               "ელ-ფოსტა", "მშობელი კომპანია"],
        "is": ["Nafn fyrirtækis", "Viðskiptavinanúmer", "Tegund", "Eigandi", "Tengiliður", "Sími", "Netfang",
               "Móðurfélag"],
    }
    for lang, header in headers.items():
        out = read_as(_tsv(tmp_path / f"{lang}.tsv", header, rows), "crm_accounts")
        assert header_fields(out) == dict(zip(header, want, strict=True)), lang

"""Exports in Bengali, Tamil, Swahili, Afrikaans, Catalan, Latvian and Slovak (the sixth list of exports, K),
and rules that hold in any language: a summary sheet beside the data, a person's name in any script, dotted
initials of any alphabet, an account's category, a contract type beside the service level, a tracker's own
timestamps. Each file is written in tmp_path and read as the night reads it."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from sources.config import SourceConfig
from sources.profiles import _is_person
from sources.reader import read_source_file
from tests.sources.reading import header_fields, read_as


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _tsv(path: Path, header: list[str], rows: list[list[object]], encoding: str = "utf-8") -> Path:
    lines = ["\t".join(header), *("\t".join(str(v) for v in r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_a_bengali_sell_through_report_in_utf16_is_read(tmp_path: Path) -> None:
    header = ["চালানের তারিখ", "চালান নং", "রিসেলার কোড", "রিসেলারের নাম", "শেষ গ্রাহক", "শহর", "পোস্ট কোড",
              "পণ্য কোড", "পণ্যের বিবরণ", "পরিমাণ", "একক মূল্য", "মোট মূল্য", "সিরিয়াল নম্বর", "শুরুর তারিখ",
              "শেষের তারিখ"]
    rows = [[f"2026-10-0{d}", f"ST-{d}00", f"RS-100{d}", "Dhaka Systems Ltd", f"Padma Textiles {d} Ltd", "Dhaka", "1207",
             f"C9300-{d}8P", "Support 1y", 1, 900, 900, f"FOC2{d}10X{d}Y", "2026-11-01", "2027-10-31"]
            for d in range(1, 6)]
    out = read_as(_tsv(tmp_path / "sellout.txt", header, rows, "utf-16"), "distributor")
    assert header_fields(out) == {
        "চালানের তারিখ": "invoice_date", "চালান নং": "invoice_number", "রিসেলার কোড": "reseller_account",
        "রিসেলারের নাম": "reseller_name", "শেষ গ্রাহক": "customer_name", "শহর": "customer_city",
        "পোস্ট কোড": "customer_postal_code", "পণ্য কোড": "sku", "পণ্যের বিবরণ": "description", "পরিমাণ": "quantity",
        "একক মূল্য": "unit_price", "মোট মূল্য": "amount", "সিরিয়াল নম্বর": "serial_numbers",
        "শুরুর তারিখ": "service_start", "শেষের তারিখ": "service_end"}
    assert (out.rows_loaded, out.rows_quarantined) == (5, 0)


def test_tamil_swahili_and_afrikaans_trackers_are_read(tmp_path: Path) -> None:
    rows = [[f"Customer {d} Ltd", f"CN-{d}", f"SN{d}0{d}", "C9300", f"2027-0{d}-15", 1000 + d] for d in range(1, 5)]
    tamil = read_as(_tsv(tmp_path / "tamil.tsv", ["வாடிக்கையாளர்", "ஒப்பந்த எண்", "வரிசை எண்", "தயாரிப்பு",
                                                  "காலாவதி தேதி", "புதுப்பித்தல் தொகை"], rows), "sales_rep")
    swahili = read_as(_tsv(tmp_path / "swahili.tsv", ["Jina la Mteja", "Nambari ya Mkataba", "Namba za Serial",
                                                      "Bidhaa", "Tarehe ya Kuisha", "Kiasi cha Upyaji (USD)"], rows),
                      "sales_rep")
    afrikaans = read_as(_tsv(tmp_path / "af.tsv", ["Kliënt", "Kontraknommer", "Reeksnommer", "Produk",
                                                   "Vervaldatum", "Hernuwingsbedrag"], rows), "sales_rep")
    want = ["customer_name", "contract_number", "serial_numbers", "sku", "service_end", "amount"]
    for out in (tamil, swahili, afrikaans):
        assert list(header_fields(out).values()) == want and out.rows_loaded == 4


def test_catalan_latvian_and_slovak_headers_are_read(tmp_path: Path) -> None:
    catalan = read_as(_tsv(tmp_path / "dolibarr.tsv", ["Ref. contracte", "Tercer", "Codi client", "Nivell de servei",
                                                       "Data d'inici", "Data de fi", "Import", "Estat"],
                           [[f"CT{d}", f"Empresa {d} SL", f"CL{d}", "Gold", "2026-01-01", "2026-12-31", 900, "Actiu"]
                            for d in range(1, 5)]), "crm_contracts")
    assert header_fields(catalan) == {
        "Ref. contracte": "contract_number", "Tercer": "customer_name", "Codi client": "customer_account",
        "Nivell de servei": "service_level", "Data d'inici": "service_start", "Data de fi": "service_end",
        "Import": "amount", "Estat": "status"}
    latvian = read_as(_tsv(tmp_path / "acc.tsv", ["Rēķina datums", "Rēķina Nr.", "Partneris", "Gala klients",
                                                  "Pasta indekss", "Ražotāja kods", "Daudzums", "Sērijas numuri",
                                                  "Sākuma datums", "Beigu datums"],
                           [["2026-10-01", f"R{d}", "Baltic IT SIA", f"Riga Dati {d} SIA", "LV-1010", "C9300", 1,
                             f"SN{d}", "2026-11-01", "2027-10-31"] for d in range(1, 5)]), "distributor")
    assert header_fields(latvian) == {
        "Rēķina datums": "invoice_date", "Rēķina Nr.": "invoice_number", "Partneris": "reseller_name",
        "Gala klients": "customer_name", "Pasta indekss": "customer_postal_code", "Ražotāja kods": "sku",
        "Daudzums": "quantity", "Sērijas numuri": "serial_numbers", "Sākuma datums": "service_start",
        "Beigu datums": "service_end"}
    slovak = read_as(_tsv(tmp_path / "raynet.tsv", ["Názov", "Kód klienta", "Kategória", "Vlastník",
                                                    "Kontaktná osoba", "Nadradená spoločnosť"],
                          [[f"Firma {d} s.r.o.", f"K{d}", "Zákazník", "Ján Novák", "Eva Malá", ""]
                           for d in range(1, 5)]), "crm_accounts")
    assert header_fields(slovak) == {"Názov": "customer_name", "Kód klienta": "customer_account",
                                     "Kategória": "account_type", "Vlastník": "rep", "Kontaktná osoba": "contact_name",
                                     "Nadradená spoločnosť": "parent_account"}


def test_a_summary_sheet_beside_the_lines_is_left_out_not_the_file_held_for_a_mapping(tmp_path: Path) -> None:
    """ECOUNT's per-item totals sheet made every one of its invoices `needs_mapping` (validate exit 1)."""
    lines = [["Invoice No", "Invoice Date", "Customer", "SKU", "Qty", "Amount"],
             *[[f"IN{d}", f"2026-10-0{d}", f"Acme {d} Ltd", "C9300", 1, 900] for d in range(1, 5)]]
    totals = [["SKU", "Qty", "Amount"], ["C9300", 4, 3600]]
    out = read_as(_xlsx(tmp_path / "ecount.xlsx", {"Lines": lines, "By item": totals}), "accounting")
    assert out.status == "loaded" and out.rows_loaded == 4
    assert any("[By item]: sheet left out" in w and "a summary beside the data" in w for w in out.warnings)


def test_a_sheet_of_its_own_layout_still_asks_for_a_mapping(tmp_path: Path) -> None:
    """A second sheet that names most requirements, or is as long as the data, is data, not a summary: its
    missing column is asked for."""
    lines = [["Invoice No", "Invoice Date", "Customer", "Amount"],
             *[[f"IN{d}", f"2026-10-0{d}", f"Acme {d} Ltd", 900] for d in range(1, 5)]]
    other = [["Invoice No", "Invoice Date", "Amount"], *[[f"IN9{d}", f"2026-10-0{d}", 900] for d in range(1, 5)]]
    path = _xlsx(tmp_path / "two.xlsx", {"2026": lines, "2025": other})
    out = read_source_file(path, path.name, SourceConfig(name="t", kind="accounting", path="*.xlsx"))
    assert out.status == "needs_mapping" and out.rows_loaded == 4 and "[2025]" in (out.error or "")
    foreign = [["Nº", "Cliente X", "Valor"], *[[f"IN9{d}", f"Acme {d}", 900] for d in range(1, 5)]]
    path = _xlsx(tmp_path / "long.xlsx", {"2026": lines, "other": foreign})
    out = read_source_file(path, path.name, SourceConfig(name="t", kind="accounting", path="*.xlsx"))
    assert out.status == "needs_mapping" and "[other]" in (out.error or "")


def test_a_persons_name_in_any_script_is_a_person() -> None:
    for name in ("Nguyễn Văn An", "Γιώργος Παπαδόπουλος", "김민준", "王伟", "สมชาย ใจดี", "Иван Петров", "José García"):
        assert _is_person(name), name
    for text in ("MERKEZ", "ИВАН ПЕТРОВ ООО 12", "12 Main", "Ana", "삼성전자 주식회사 서울 지점 본사"):
        assert not _is_person(text), text


def test_greek_dotted_initials_and_a_cut_word_are_read(tmp_path: Path) -> None:
    out = read_as(_tsv(tmp_path / "iq.tsv", ["Ημ/νία Παραστατικού", "Κωδ. Μεταπωλητή", "Επωνυμία Μεταπωλητή",
                                             "Τελικός Πελάτης", "Τ.Κ.", "Κωδικός Κατασκευαστή"],
                       [["2026-10-01", f"R{d}", "Info Systems AE", f"Πελάτης {d} ΑΕ", "10431", "C9300"]
                        for d in range(1, 5)]), "distributor")
    fields = header_fields(out)
    assert fields["Κωδ. Μεταπωλητή"] == "reseller_account" and fields["Τ.Κ."] == "customer_postal_code"


def test_contract_type_gives_way_to_the_service_level_and_a_trackers_date_added_feeds_nothing(tmp_path: Path) -> None:
    glpi = read_as(_tsv(tmp_path / "glpi.tsv", ["Numéro de contrat", "Entité", "Type de contrat", "Niveau de service",
                                                "Date de fin"],
                        [[f"C{d}", f"Client {d} SA", "Maintenance matérielle", "24x7", "2027-01-31"]
                         for d in range(1, 5)]), "crm_contracts")
    fields = header_fields(glpi)
    assert fields["Niveau de service"] == "service_level" and fields.get("Type de contrat") != "service_level"
    tracker = read_as(_tsv(tmp_path / "t.tsv", ["Customer", "Expiry", "Date added"],
                           [[f"Acme {d}", "2027-01-31", "2026-01-05"] for d in range(1, 5)]), "sales_rep")
    assert "Date added" not in header_fields(tracker)

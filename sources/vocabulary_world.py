"""Header words of Vietnamese, Indonesian and Malay, Hebrew, Arabic and Thai exports, translated to the
English vocabulary, as `sources.vocabulary_intl` does for the European and East Asian languages.

Vietnamese writes one syllable a word, and its syllables ("hàng", "số", "tên") mean too many things
alone to be words of every header: it is read in phrases (`PHRASES`: "khách hàng" customer, "số lượng"
quantity), matched on the header folded as every header is ("Số chứng từ" -> "so chung tu"), before it
is split into words; Indonesian's and Malay's two-word names ("kode pos", "mata uang") are phrases too.
Hebrew and Arabic words are stems (`STEMS`), read with their one-letter prefixes aside ("הלקוח" the
customer, "العميل" the customer); Hebrew's abbreviations with a gershayim ('מק"ט' the catalogue number,
'סה"כ' the total) are whole phrases, as they are written. Thai writes no spaces: its words
(`SEGMENTED`) are found as Chinese and Japanese ones are.
"""

from __future__ import annotations

from typing import Final

#: multi-word phrases (keys folded: lower case, no accents, "đ" as "d") -> English words; the longest first
PHRASES: Final[dict[str, str]] = {
    # Vietnamese
    "ngay chung tu": "document date", "so chung tu": "document number", "chung tu": "document",
    "ngay hoa don": "invoice date", "so hoa don": "invoice number", "hoa don": "invoice", "ky hieu": "series",
    "ma khach hang": "customer code", "ten khach hang": "customer name", "khach hang cuoi": "end customer",
    "nguoi dung cuoi": "end user", "khach hang": "customer", "nguoi mua": "buyer", "don vi mua": "buyer",
    "dai ly": "reseller", "nha phan phoi": "distributor", "doi tac": "partner", "nha cung cap": "supplier",
    "hang san xuat": "manufacturer", "nha san xuat": "manufacturer",
    "ma hang": "product code", "ma vat tu": "product code", "ma san pham": "product code",
    "ten hang": "product name", "ten vat tu": "product name", "ten san pham": "product name",
    "mat hang": "product", "hang hoa": "product", "san pham": "product", "vat tu": "product",
    "so serial": "serial number", "so seri": "serial number", "so may": "serial number",
    "so luong ban": "quantity", "doanh so ban": "sales amount", "don gia ban": "unit price", "gia ban": "selling price",
    "so luong": "quantity", "don gia": "unit price", "thanh tien": "amount", "doanh so": "sales amount",
    "doanh thu": "sales amount", "gia tri": "value", "tong cong": "total", "tong tien": "total amount",
    "tien hang": "amount", "tien thue": "tax", "thue gtgt": "vat", "chiet khau": "discount",
    "don vi tinh": "unit", "dvt": "unit", "loai tien": "currency", "tien te": "currency", "ty gia": "exchange rate",
    "so hop dong": "contract number", "hop dong": "contract", "ngay bat dau": "start date",
    "ngay ket thuc": "end date", "ngay het han": "expiry date", "bat dau": "start", "ket thuc": "end",
    "het han": "expiry", "hieu luc": "valid", "bao hanh": "warranty", "bao tri": "maintenance",
    "dich vu": "service", "ho tro": "support", "dia chi": "address", "thanh pho": "city", "tinh thanh": "state",
    "quoc gia": "country", "ma buu chinh": "postal code", "dien thoai": "telephone", "nguoi lien he": "contact",
    "lien he": "contact", "nhan vien kinh doanh": "sales rep", "nhan vien ban hang": "sales rep",
    "nhan vien": "salesperson", "dien giai": "description", "mo ta": "description", "ghi chu": "notes",
    "trang thai": "status", "tinh trang": "status", "ma so thue": "tax id", "cong ty": "company",
    "ten cong ty": "company name", "loai": "type", "ngay": "date",
    # Indonesian and Malay
    "kode pos": "postal code", "mata uang": "currency", "pengguna akhir": "end user", "pin code": "postal code",
    "pincode": "postal code", "tahvil girande": "ship to", "postna stevilka": "postal code",
    "postanski broj": "postal code", "brez ddv": "excl vat", "bez pdv": "excl vat", "kod pocztowy": "postal code",
    "تحويل گيرنده": "ship to", "کد پستی": "postal code",
    "pelanggan akhir": "end customer", "harga satuan": "unit price", "harga seunit": "unit price",
    "nomor seri": "serial number", "no seri": "serial number", "penjual semula": "reseller",
    "nilai tukar": "exchange rate", "kurs": "exchange rate",
    # Hebrew abbreviations, as written (a gershayim or a double quote before the last letter)
    'מק"ט': "sku", "מק״ט": "sku", 'מע"מ': "vat", "מע״מ": "vat", 'סה"כ': "total", "סה״כ": "total",
    "מס'": "number", "מס׳": "number", "לקוח קצה": "end customer", "משתמש קצה": "end user",
    "מספר סידורי": "serial number", "מספר חשבונית": "invoice number", "תאריך חשבונית": "invoice date",
    "رقم الفاتورة": "invoice number", "تاريخ الفاتورة": "invoice date", "المستخدم النهائي": "end user",
    "العميل النهائي": "end customer", "الرمز البريدي": "postal code", "الرقم التسلسلي": "serial number",
    "رقم تسلسلي": "serial number", "سعر الوحدة": "unit price", "القيمة المضافة": "vat", 'ח-ן': "invoice",
}

#: Indonesian and Malay words (one word each, folded)
INDONESIAN: Final[dict[str, str]] = {
    "tanggal": "date", "tgl": "date", "tarikh": "date", "faktur": "invoice", "invois": "invoice",
    "nomor": "number", "nombor": "number", "pelanggan": "customer", "pembeli": "buyer", "nama": "name",
    "kota": "city", "bandar": "city", "provinsi": "province", "propinsi": "province", "negeri": "state",
    "kabupaten": "state", "negara": "country", "alamat": "address", "jalan": "street", "kode": "code",
    "poskod": "postal code", "barang": "product", "produk": "product", "deskripsi": "description",
    "keterangan": "description", "uraian": "description", "harga": "price", "satuan": "unit",
    "jumlah": "amount", "kuantitas": "quantity", "kuantiti": "quantity", "kts": "quantity", "nilai": "value",
    "mulai": "start", "mula": "start", "awal": "start", "berakhir": "end", "akhir": "end", "selesai": "end",
    "tamat": "end", "kedaluwarsa": "expiry", "kadaluarsa": "expiry", "berlaku": "valid", "kontrak": "contract",
    "perjanjian": "contract", "layanan": "service", "perkhidmatan": "service", "garansi": "warranty",
    "jaminan": "warranty", "pengguna": "user", "pengecer": "reseller", "peruncit": "reseller", "mitra": "partner",
    "rekanan": "partner", "pengedar": "distributor", "pemasok": "supplier", "pembekal": "supplier",
    "pabrikan": "manufacturer", "pengeluar": "manufacturer", "merek": "brand", "jenama": "brand", "jenis": "type",
    "catatan": "notes", "telepon": "telephone", "telefon": "telephone", "perusahaan": "company",
    "syarikat": "company", "pajak": "tax", "cukai": "tax", "ppn": "vat", "diskon": "discount", "wilayah": "region",
    "penjual": "salesperson", "dari": "from", "sampai": "to", "hingga": "to",
}

#: Hebrew stems (a word is read by the longest stem it starts with, a one-letter prefix aside)
HEBREW: Final[dict[str, str]] = {
    "תאריך": "date", "חשבונית": "invoice", "חשבוניות": "invoice", "חשבון": "invoice", "מספר": "number",
    "לקוח": "customer", "שם": "name", "קצה": "end", "סופי": "final", "משווק": "reseller", "משווקים": "reseller",
    "מפיץ": "distributor", "שותף": "partner", "ספק": "supplier", "יצרן": "manufacturer", "עיר": "city",
    "יישוב": "city", "ישוב": "city", "מחוז": "state", "מיקוד": "postal code", "ארץ": "country",
    "מדינה": "country", "כתובת": "address", "רחוב": "street", "פריט": "item", "מוצר": "product",
    "תיאור": "description", "תאור": "description", "סוף": "end", "מועד": "date", "פקיעה": "expiry",
    "סידורי": "serial", "סריאלי": "serial", "כמות": "quantity", "מחיר": "price",
    "יחידה": "unit", "סכום": "amount", "ערך": "value", "חוזה": "contract", "הסכם": "contract",
    "התחלה": "start", "תחילת": "start", "תחילה": "start", "סיום": "end", "תום": "end", "תפוגה": "expiry",
    "שירות": "service", "תמיכה": "support", "אחריות": "warranty", "מטבע": "currency", "טלפון": "telephone",
    "קשר": "contact", "סוכן": "sales rep", "הערות": "notes", "הערה": "notes", "סטטוס": "status", "מצב": "status",
    "סוג": "type", "חברה": "company", "נטו": "net", "ברוטו": "gross", "כולל": "including", "לפני": "before",
    "מע": "vat",
    # the salesperson ("איש מכירות", Priority's) and who looks after an account
    "איש": "person", "מכירות": "sales", "נציג": "representative", "אחראי": "owner",
}

#: Arabic stems (the article "ال" and a one-letter prefix aside)
ARABIC: Final[dict[str, str]] = {
    "تاريخ": "date", "فاتورة": "invoice", "فواتير": "invoice", "رقم": "number", "عميل": "customer",
    "زبون": "customer", "اسم": "name", "موزع": "distributor", "شريك": "partner", "وكيل": "reseller",
    "بائع": "reseller", "مستخدم": "user", "نهائي": "final", "مدينة": "city", "منطقة": "region",
    "محافظة": "state", "رمز": "code", "كود": "code", "بريدي": "postal", "دولة": "country", "بلد": "country",
    "عنوان": "address", "شارع": "street", "منتج": "product", "صنف": "item", "وصف": "description",
    "بيان": "description", "تسلسلي": "serial", "سيريال": "serial", "كمية": "quantity", "سعر": "price",
    "وحدة": "unit", "مبلغ": "amount", "قيمة": "value", "إجمالي": "total", "اجمالي": "total", "مجموع": "total",
    "عقد": "contract", "بداية": "start", "بدء": "start", "نهاية": "end", "انتهاء": "expiry", "خدمة": "service",
    "دعم": "support", "ضمان": "warranty", "عملة": "currency", "هاتف": "telephone", "جوال": "telephone",
    "مندوب": "sales rep", "ملاحظات": "notes", "حالة": "status", "نوع": "type", "مصنع": "manufacturer",
    "مورد": "supplier", "ضريبة": "tax", "مضافة": "added", "شركة": "company", "صافي": "net",
}

#: Thai words (no spaces between them: segmented with the Chinese and Japanese ones)
THAI: Final[dict[str, str]] = {
    "วันที่": "date", "ใบแจ้งหนี้": "invoice", "ใบกำกับภาษี": "invoice", "ใบกำกับ": "invoice", "เลขที่": "number",
    "หมายเลข": "number", "ลูกค้า": "customer", "ชื่อ": "name", "ตัวแทนจำหน่าย": "reseller", "ตัวแทน": "reseller",
    "ผู้จัดจำหน่าย": "distributor", "คู่ค้า": "partner", "พันธมิตร": "partner", "ผู้ใช้": "user",
    "ปลายทาง": "end", "สินค้า": "product", "รหัส": "code", "รายละเอียด": "description", "คำอธิบาย": "description",
    "จำนวนเงิน": "amount", "จำนวน": "quantity", "ราคา": "price", "ต่อหน่วย": "unit", "หน่วย": "unit",
    "มูลค่า": "value", "ยอดรวม": "total", "รวม": "total", "สัญญา": "contract", "เริ่มต้น": "start",
    "เริ่ม": "start", "สิ้นสุด": "end", "หมดอายุ": "expiry", "บริการ": "service", "รับประกัน": "warranty",
    "ซีเรียล": "serial", "หมายเลขเครื่อง": "serial number", "สกุลเงิน": "currency", "ที่อยู่": "address",
    "จังหวัด": "province", "อำเภอ": "city", "เมือง": "city", "รหัสไปรษณีย์": "postal code", "ประเทศ": "country",
    "บริษัท": "company", "โทรศัพท์": "telephone", "พนักงานขาย": "sales rep", "หมายเหตุ": "notes",
    "ผู้ดูแล": "owner", "สถานะ": "status", "ประเภท": "type", "ผู้ผลิต": "manufacturer", "ภาษีมูลค่าเพิ่ม": "vat", "ภาษี": "tax",
}

#: Bulgarian and Ukrainian stems the Russian ones miss ("Сума", "Кількість", "Стока"), read as `STEMS` are
SLAVIC_CYRILLIC: Final[dict[str, str]] = {
    # Bulgarian
    "сума": "amount", "суми": "amount", "стока": "product", "стоки": "product", "партньор": "partner",
    "получател": "ship to", "край": "end", "поддръжка": "support", "обслужване": "service", "мярка": "unit",
    "бележка": "notes", "бележки": "notes", "доставчик": "supplier", "държава": "country", "град": "city",
    "пощенски": "postal", "гаранция": "warranty", "клиент": "customer", "краен": "final", "крайни": "final",
    "потребител": "user", "дилър": "dealer", "дистрибутор": "distributor", "общо": "total", "вид": "type",
    "валута": "currency", "номер": "number", "фактура": "invoice", "начало": "start", "количество": "quantity",
    "единична": "unit", "сериен": "serial", "серийни": "serial", "оператор": "operator", "на": "", "от": "from",
    # Ukrainian
    "кількість": "quantity", "ціна": "price", "ціни": "price", "клієнт": "customer", "рахунок": "invoice",
    "рахунку": "invoice", "покупець": "customer", "постачальник": "supplier", "кінцевий": "final",
    "користувач": "user", "країна": "country", "адреса": "address", "договір": "contract", "договору": "contract",
    "початок": "start", "початку": "start", "закінчення": "end", "кінець": "end", "гарантія": "warranty",
    "серійний": "serial", "серійні": "serial", "одиниця": "unit", "вартість": "value", "усього": "total",
    "разом": "total", "реселер": "reseller", "дистриб'ютор": "distributor", "опис": "description",
    "назва": "name", "найменування": "name", "примітка": "notes", "коментар": "comments", "дійсний": "valid",
    "накладної": "document", "видаткова": "document", "індекс": "postal code", "обслуговування": "service",
    "підтримка": "support", "продавець": "salesperson", "виробник": "manufacturer", "товару": "product",
}

#: Slovenian, Croatian, Serbian and Bosnian words written in Latin letters (folded: "Količina" is "kolicina")
SOUTH_SLAVIC: Final[dict[str, str]] = {
    "racun": "invoice", "racuna": "invoice", "racunu": "invoice", "faktura": "invoice", "kupec": "customer",
    "kupac": "customer", "kupca": "customer", "stranka": "customer", "stranke": "customer", "naziv": "name",
    "kolicina": "quantity", "cena": "price", "cijena": "price", "znesek": "amount", "iznos": "amount",
    "vrednost": "value", "vrijednost": "value", "skupaj": "total", "ukupno": "total", "artikel": "article",
    "artikla": "article", "artikl": "article", "sifra": "code", "serijska": "serial", "serijske": "serial",
    "serijski": "serial", "stevilka": "number", "stevilke": "number", "broj": "number", "pogodba": "contract",
    "pogodbe": "contract", "ugovor": "contract", "ugovora": "contract", "zacetek": "start", "konec": "end",
    "pocetak": "start", "zavrsetak": "end", "istek": "expiry", "garancija": "warranty", "jamstvo": "warranty",
    "storitev": "service", "storitve": "service", "usluga": "service", "usluge": "service", "enota": "unit",
    "jedinica": "unit", "naslov": "address", "drzava": "country", "posta": "postal", "postanski": "postal",
    "prodajalec": "salesperson", "prodavac": "salesperson", "komercialist": "sales rep", "preprodajalec": "reseller",
    "prodajalna": "reseller", "koncni": "final", "krajnji": "final", "uporabnik": "user", "korisnik": "user",
    "prejemnik": "ship to", "primatelj": "ship to", "izdaje": "issue", "izdan": "issued", "dobavitelj": "supplier",
    "dobavljac": "supplier", "proizvajalec": "manufacturer", "proizvodac": "manufacturer", "opomba": "notes",
    "napomena": "notes", "valuta": "currency", "datum": "date", "dobave": "delivery", "vrsta": "type",
    "mesto": "city", "mjesto": "city", "grad": "city", "okrug": "region", "opstina": "city",
    "proizvodaca": "manufacturer", "podrska": "support", "podrske": "support", "kupaca": "customer",
    "partnera": "partner",
    # the tax numbers: Serbia's and Bosnia's PIB / JIB, Croatia's OIB, North Macedonia's ЕДБ in Latin letters
    "pib": "tax id", "jib": "tax id", "oib": "tax id", "edb": "tax id",
}

#: Persian stems (Arabic script; Persian "ی" and "ک" are folded to the Arabic letters first)
PERSIAN: Final[dict[str, str]] = {
    "شماره": "number", "فاکتور": "invoice", "تاریخ": "date", "مشتری": "customer", "نام": "name",
    "کالا": "product", "کد": "code", "شرح": "description", "تعداد": "quantity", "مقدار": "quantity",
    "فی": "unit price", "قیمت": "price", "واحد": "unit", "مبلغ": "amount", "جمع": "total", "کل": "total",
    "مالیات": "tax", "شهر": "city", "استان": "province", "کشور": "country", "آدرس": "address", "نشانی": "address",
    "پستی": "postal", "سریال": "serial", "قرارداد": "contract", "شروع": "start", "پایان": "end",
    "انقضا": "expiry", "خدمات": "service", "پشتیبانی": "support", "گارانتی": "warranty", "ارز": "currency",
    "نماینده": "reseller", "فروشنده": "seller", "خریدار": "buyer", "تلفن": "telephone", "توضیحات": "notes",
    "وضعیت": "status", "نوع": "type", "شرکت": "company", "نهایی": "final", "تحویل": "delivery",
    "گیرنده": "recipient", "کاربر": "user", "توزیع": "distribution",
}

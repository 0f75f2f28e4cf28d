"""Company names as sources in many countries write them: legal forms the term lists lacked, forms
leading a quoted name, forms cut short by a fixed-width field, trade names after "t/a"."""

import pandas as pd
import pytest

from matching.names import normalise_company_names


@pytest.mark.parametrize(
    ("left", "right", "country"),
    [
        ("Al Masaood General Trading, W.L.L.", "Al Masaood General Trading", None),
        ("Desert Rose IT Solutions FZE", "Desert Rose IT Solutions", None),
        ("Al Zahra Trading F.Z.CO", "Al Zahra Trading", None),
        ("Gulf Networks FZ-LLC", "Gulf Networks", None),
        ("Ibérica Sistemas S.L.U.", "Iberica Sistemas", None),
        ("Ibérica Sistemas S.A.U.", "Iberica Sistemas", None),
        ("Vltava Stavby akciová společnost", "Vltava Stavby a.s.", None),
        ("Vltava Informatika společnost s ručením omezeným", "Vltava Informatika s.r.o.", None),
        ("Björk Konsult Handelsbolag", "Björk Konsult", None),
        ("Nyström Teknik Kommanditbolag", "Nyström Teknik", None),
        ("Öresund Data AB (publ)", "Öresund Data", None),
        ("Siam Systems Public Company Limited", "Siam Systems", None),
        ("Ayutthaya Systems Public Co., Ltd.", "Ayutthaya Systems", None),
        ("Lanna Systems PCL", "Lanna Systems", "TH"),
        ("Sich Systemy PJSC", "Sich Systemy", None),
        ("Hoang Long Joint Stock Company", "Hoang Long JSC", None),
        ("Tata Consultancy Services (P) Ltd", "Tata Consultancy Services", None),
        ("Maple Leaf Systems Ltée", "Maple Leaf Systems Ltd.", None),
        ("Fraser Data ULC", "Fraser Data", None),
        ("Wiener Bau e.U.", "Wiener Bau", None),
        ("Müller Software UG (haftungsbeschränkt)", "Müller Software", None),
        ("Weiß Datentechnik e.K.", "Weiß Datentechnik", None),
        ("Maju Systems S/B", "Maju Systems Sdn Bhd", None),
        ("Shamrock Data Designated Activity Company", "Shamrock Data DAC", "IE"),
        ("Liffey Systems Teoranta", "Liffey Systems", None),
        ("Inca Servicios Sociedad Anónima Cerrada", "Inca Servicios S.A.C.", None),
        ("Tejo Sistemas Unipessoal, Lda", "Tejo Sistemas Unip. Lda", None),
        ("Toompea Tarkvara Osaühing", "Toompea Tarkvara OÜ", "EE"),
        ("Витоша Софт ЕООД", "Витоша Софт", None),
        ("Ubuntu Security (Pty) Ltd", "Ubuntu Security CC", "ZA"),
    ],
)
def test_legal_forms_the_term_lists_lacked_are_stripped(left: str, right: str, country: str | None) -> None:
    out = normalise_company_names(pd.Series([left, right]), pd.Series([country, country]))
    assert out.iloc[0] == out.iloc[1], out.tolist()


@pytest.mark.parametrize(
    ("names", "country", "expected"),
    [
        (["Công ty TNHH Thành Công", "Cty TNHH Thanh Cong", "THÀNH CÔNG CO., LTD"], "VN", "thanh cong"),
        (["Công ty Cổ phần Hoàng Long", "CTCP Hoàng Long", "Công ty CP Hoàng Long", "Hoang Long JSC"],
         "VN", "hoang long"),
        (["Công ty Trách nhiệm Hữu hạn Sao Mai", "Sao Mai Company Limited"], None, "sao mai"),
        (["(주) 한빛시스템", "한빛시스템 (주)", "㈜한빛시스템", "주식회사 한빛시스템"], None, "한빛시스템"),
        (["АО Технопарк", "Технопарк АО", "ПрАТ Технопарк", "ТзОВ Технопарк"], None, "tekhnopark"),
        (["Общество с ограниченной ответственностью Ромашка", "ООО Ромашка"], None, "romashka"),
        (["Товариство з обмеженою відповідальністю Поділля", "ТОВ Поділля"], None, "podillya"),
        (["AS Kurzeme Risinājumi", "Kurzeme Risinājumi AS"], "LV", "kurzeme risinajumi"),
        (["AB Baltijos Sistemos", "Baltijos Sistemos AB"], "LT", "baltijo sistemo"),
        (["Perseroan Terbatas Sinar Data", "PT Sinar Data"], "ID", "sinar data"),
    ],
)
def test_forms_that_lead_the_name(names: list[str], country: str | None, expected: str) -> None:
    out = normalise_company_names(pd.Series(names), pd.Series([country] * len(names)))
    assert out.tolist() == [expected] * len(names)


@pytest.mark.parametrize(
    "names",
    [
        ['SIA "Vidzeme Serviss"', "Vidzeme Serviss"],
        ["UAB „Baltijos sprendimai“", "Baltijos sprendimai"],
        ['AS "GAUJA DATORI"', "Gauja Datori"],
    ],
)
def test_a_form_leading_a_quoted_name_is_stripped_in_any_country(names: list[str]) -> None:
    out = normalise_company_names(pd.Series(names))
    assert out.iloc[0] == out.iloc[1], out.tolist()
    # unquoted and with no country saying so, a short form may be a word of the name
    assert normalise_company_names(pd.Series(["AS Gauja Datori"])).iloc[0] == "as gauja datori"


@pytest.mark.parametrize(
    ("cut", "full"),
    [
        ("Gotthard Informatik Aktiengese", "Gotthard Informatik AG"),
        ("Consultoría Núñez Sociedad Limitad", "Consultoría Núñez S.L."),
        ("KRKONOŠE TECHNOLOGIE, AKCIOVÁ S", "Krkonoše Technologie a.s."),
        ("Baltyk Technologie Spolka z ograni", "Baltyk Technologie sp. z o.o."),
        ("SIAM SOLUTION, PUBLIC COMPANY LIM", "Siam Solution PCL"),
        ("Shenzhen Huaqiang Trading Compan", "Shenzhen Huaqiang Trading Co., Ltd."),
        ("Pmorze Technologie, sp. z o.o. sp", "Pmorze Technologie sp. z o.o. sp.k."),
    ],
)
def test_a_legal_form_cut_short_by_a_field_is_stripped(cut: str, full: str) -> None:
    out = normalise_company_names(pd.Series([cut, full]), pd.Series(["TH", "TH"]))
    assert out.iloc[0] == out.iloc[1], out.tolist()


def test_short_names_keep_words_that_begin_a_legal_form() -> None:
    # only a name as long as a cut field loses a partial form; "Acme Comp" keeps its word
    out = normalise_company_names(pd.Series(["Acme Comp", "Nordic Aktie", "Acme Societe"]))
    assert out.tolist() == ["acme comp", "nordic aktie", "acme societe"]


@pytest.mark.parametrize(
    "name",
    [
        "Al-Futtaim Networks FZCO t/a Al Shirawi Networks",
        "Al-Futtaim Networks trading as Al Shirawi Networks",
        "AL-FUTTAIM NETWORKS T/AS AL SHIRAWI NETWORKS",
        "Al-Futtaim Networks d/b/a Shirawi",
    ],
)
def test_a_trade_name_after_the_legal_name_is_dropped(name: str) -> None:
    out = normalise_company_names(pd.Series([name, "Al-Futtaim Networks FZCO"]))
    assert out.iloc[0] == out.iloc[1], out.tolist()


def test_a_name_beginning_with_trading_keeps_it() -> None:
    out = normalise_company_names(pd.Series(["Trading As One Ltd", "Global Trading Asia"]))
    assert out.tolist() == ["trading as one", "global trading asia"]

"""A panic in python-calamine's Rust code (python-calamine issue 111: some damaged workbooks) reaches
Python as PyO3's `PanicException`, a BaseException that `except Exception` lets through. It is read as
an ordinary error: an .xlsx falls back to openpyxl and loads, an .ods is an error naming the file, and
the night goes on. The panic is raised by a stand-in for calamine's workbook, on real files."""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pytest

from sources import excel_calamine
from tests.sources.hostile import read_path, workbook
from tests.sources.test_other_workbooks import HEADER, ROWS, _ods


class PanicException(BaseException):  # noqa: N818 - PyO3's name, which is how the reader tells it
    """What PyO3 raises for a Rust panic: a BaseException of this name."""


class _PanickingWorkbook:
    @classmethod
    def from_path(cls, path: str) -> object:
        raise PanicException("called `Option::unwrap()` on a `None` value")


@pytest.fixture
def panicking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel_calamine, "CalamineWorkbook", _PanickingWorkbook)


@pytest.mark.usefixtures("panicking")
def test_an_xlsx_calamine_panics_on_is_read_by_openpyxl(tmp_path: Path) -> None:
    out = read_path(workbook(tmp_path / "inbox" / "pos.xlsx", [["2024-03-01", "Infocore", "Delta Legal", "C9300", 1, 5]]))
    assert out.status == "loaded" and out.rows_loaded == 1


@pytest.mark.usefixtures("panicking")
def test_an_ods_calamine_panics_on_is_an_error_naming_the_file(tmp_path: Path) -> None:
    out = read_path(_ods(tmp_path / "inbox" / "pos.ods", [HEADER, *ROWS]))
    assert out.status == "error"
    assert out.error is not None and out.error.startswith("inbox/pos.ods: not a readable .ods workbook")
    assert "Option::unwrap()" in out.error and "unexpected" not in out.error


def test_other_base_exceptions_pass_through() -> None:
    with pytest.raises(KeyboardInterrupt), excel_calamine.panics_as_errors():
        raise KeyboardInterrupt


def test_a_panic_while_reading_an_ods_sheet_is_an_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def panic(self: object, name: str, limits: object = None) -> list[list[object]]:
        with excel_calamine.panics_as_errors():
            raise PanicException("index out of bounds")

    monkeypatch.setattr(excel_calamine.CalamineSheets, "rows", panic)
    out = read_path(_ods(tmp_path / "inbox" / "pos.ods", [HEADER, *ROWS]))
    assert out.status == "error" and out.error is not None
    assert out.error.startswith("inbox/pos.ods: not a readable .ods workbook") and "index out of bounds" in out.error


#: an .xls written by xlwt, then bytes overwritten by the twenty-ninth session's mutation fuzz (seed 7,
#: case 68 of `/work/notes/s29/fuzz_calamine.py`): python-calamine 0.9 panics on it ("index out of
#: bounds: the len is 1 but the index is 17", calamine's cfb.rs); zlib-compressed, base85
PANICKING_XLS = (
    "c-"
    "rmQTWl0n7zgmPx7qvs((a|(wMv1OLU*=T5K3t&5d;bZqiECuivi2llu9BdS}%PvUZPLl9x$j;6I34Xg5o7=)EFU{K!VY<7=4h$M5"
    "0CsvYz?(o8z2ud@?~z_B4BTzVpq@Z_hU~JF`80EIPga)yxbtwPnn~E>^uvF^t*xE2;+(#`D#xwy3}JAy%!m|5fvP_)$|_>`3r4w{"
    "{G*<2}Rd>=oyGyl3nTf8D@tW9!B$<-#RwEASacY}#j7%6l7oijRa?8lNhLejEBY`j@fhTj-"
    "Z#<U#aH`MT4#E$mp|x|SX~i?6jeAs1rWeqX~jr!i7wN%paJ7T^7dZFXH3>mT1aGWsthCjY^%^3DJ|!1w`ORj!oBwK&Y4Wj@BP<E?"
    "G&+P1;LX_nvz`vCj7T43xa{i=SqP#eFr<2J^}f0f7Ge>3jk2hlwKnBB?G6;{0&7s(X!vvatR9c+00rVA|KoaDg}e+3x3s<L-"
    "%=eBZTaAczFVQgc0PkD5-"
    "JkA$aR<;*5?<tQv7~8aFGyf9URMyTT9&VVpgNOaQ$8N7oc(h&Y7~3{BUJf!gSRS1iDO_E?Wn{Ea^fNZlTWW7_>*yJ7>*vwX`hoV@"
    "Ry3`vN?FyEElJsuDcd1sJ51S5Dcfnvc1hVTQ?^^mcAK(2QntsG?Uk~<AyaMIjp<^$IbD>}MRQszS5Y;mrFs=h=Co9>Vuv{`Rjk-"
    ")PD>>#cA3*s&5GUTv{bZWk2x(>t!S>ADpgH2S51|wrkbm!N>x+MRa2#^sphJwQq@#*)l{i!s<~>aR5jIHHC3vbYOb0pRZTTlO_i#"
    "qnyXfls#a>}7yZCkWyj9#<;n!Vp7|Ys&ED}N(j7mDJ7IwL+gTXPQQQwB{43|e3qPJ%yLGtlCX7t-"
    "5&c<kj`r2Vs_Y(Z3%+p(nF4xk*Dcth75%-"
    "~YZl8H^a*~m;_uDFNm>}X59{2IY%_OCXkYZrH7w8L%Ts4Jyq=%>rf)u9KDcUTU*h1YzWuC;dHJWe;qN}Sz_!5l#N%3fqfdXg(R0I"
    "B=+l3BhVa-U^x3QQz#C@2Yj;iY+&dd-)v<}lPPLki96WM}$jKw8h+I5!iAdp*LaNQA-evb;EXJPuz>f88P~Eh(4XQ^(n(7sirfS0"
    "5e0v*I1vBtJt*M%4xA114t6n6}E_rr%ei0cxJG=mSc6dH`%?{mjSa=S22g!3to&#P`L`Kg6FGQXLUI<?Hl#M*6h3ABKh&-"
    "p{IpKvxWb~ZyBIG&Y#o(=0^!d3gJQuvf<hdlz1urThqvwJbBhLjd1+O*gAWyOI6nJlvr%0XxFD@dZr@%{)r@+g=t9bSKxh*_5yrb"
    "l~CC?2nDI%lihL<AG4KELG$r>kl9t+O{?|t$-lIMX}CnBTgfmctS2VN7rM+5r&ycV7p-"
    "bdtlCC>{lEh3}mg_j}E3$Gd8nkg4~J`2wW?^E)8lIMe$6_L^N!OM~7gVzG@a9E$8-"
    "@^05`<y(#<oV$>h{)*q;pNHm!&?aN`gaua0v28X-"
    "U;#ok{5v2C?ca5fL9<d08fQ?I;PJrXyFCnog^<Pc|mxWiOA>$;Wd#Lgx3Y{*5BOZg)F=fywl``BrgQ-auFH55WFkM3&C3q?_yG)U"
    ")aJ6!~2@Nu;hi|%@L8&3&U$BFAQ%PygN%?@*);q1l}3)B9a$@H&;YPF9L5Kc@cOk;5DW7`9&?fD7^2;i%MP;-"
    "h2@my(qjE@}lsD;61S0M_$ari^2PzyqM(0;I)d#=*8eIATI`QHN2smKEJqy7l-"
    "!)d2z{$!)p_f(Tl@dNM0P?I(Sb$?<X%|;U(amBQGI&33!V{Wb_j7+R016+X!!0qdvc+g_nf)3wcS&OTsIP$mk{EspKW$T?6l>nE-"
    "hy3oixlJb5X}OTjCN$mpfub&!{Ww*}rqP5S)mEWA2+7s;!WygGQDA~Je)@VdyWgLfmmBiRsn^%h?J?Ek$!ob~D@uO42vh>Tu6ydL"
    "uE;cbO?XpTO=w1t<3r;wMHyfnOC5gENSyv5|D;qB18<Hw@Y<Yg?p3_Krs8Oh7QTOuN(mw|UBc^P=SFu#-"
    "Y^!a5iyezyBd0ENJ!dogLqnCxZjJzzo3cN2Lj*yqL@N)2;q4Omtc{zA}A~Je8c+1Jl!5fEnzEz)JgN4^1{eEbWyassvA~Jdn@K%u"
    "50B<k6v!6uC%UgJP>Gwlk^78NoL}c{x@CM1t!`lZhzet~7qs6bXMy#`v_ec45jqv{bQ`on7hHAum3R`C9&*Iuo98^+oK2~eBR%@4"
    "_P1Z_KYqeHuwf0|X+JBk<0G3JDJO"
)


def test_a_damaged_xls_that_panics_calamine_is_an_error_naming_the_file(tmp_path: Path) -> None:
    """A real file, no stand-in: where the installed python-calamine panics on it, and where it says
    it cannot read it, the outcome is the same error naming the file."""
    path = tmp_path / "inbox" / "pos.xls"
    path.parent.mkdir(parents=True)
    path.write_bytes(zlib.decompress(base64.b85decode("".join(PANICKING_XLS))))
    out = read_path(path)
    assert out.status == "error" and out.error is not None
    assert out.error.startswith("inbox/pos.xls: not a readable .xls workbook") and "unexpected" not in out.error

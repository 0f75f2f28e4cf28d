"""The one text cleaner every output uses: escape sequences removed whole, controls dropped."""

import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from reports.safe_text import CELL_MAX_UNITS, cell_text, clean_text, csv_safe, one_line


@pytest.mark.parametrize(("raw", "clean"), [
    ("Acme\x1b[31m Red\x1b[0m", "Acme Red"),             # CSI colour
    ("\x1b]0;owned\x07Acme", "Acme"),                     # OSC window title, ended by BEL
    ("\x1b]8;;http://x\x1b\\link", "link"),               # OSC hyperlink, ended by ST
    ("A\x9b2JB", "AB"),                                    # one-byte CSI
    ("Bell\x07 NUL\x00 VT\x0b FF\x0c DEL\x7f", "Bell NUL VT FF DEL"),
    ("evil\u202etxt.exe\u2066", "eviltxt.exe"),            # bidi override and isolate
    ("lone\ud800 surrogate \ufffe", "lone surrogate "),
    ("tab\tand\nnewline kept, CR\r\nbecomes LF\r", "tab\tand\nnewline kept, CR\nbecomes LF\n"),
    ("Müller & Søn 株式会社 שלום", "Müller & Søn 株式会社 שלום"),  # real text untouched
])
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert not ILLEGAL_CHARACTERS_RE.search(clean_text(raw) or "")


def test_missing_stays_missing_and_one_line_flattens() -> None:
    assert clean_text(None) is None and clean_text(float("nan")) is None
    assert one_line("Title\x1b[1m\n\tsecond\x07 line") == "Title  second line"
    assert csv_safe("=cmd\x07|' /C calc'!A0") == "'=cmd|' /C calc'!A0"


def test_cell_text_is_cleaned_and_cut_to_what_a_cell_holds() -> None:
    assert cell_text(None) is None and cell_text("=1+1\x07") == "=1+1"
    assert cell_text("x" * 40_000) == "x" * CELL_MAX_UNITS
    faces = cell_text("a" + "\U0001F600" * 20_000)  # the cut never splits a surrogate pair
    assert faces == "a" + "\U0001F600" * ((CELL_MAX_UNITS - 1) // 2)
    assert len(faces.encode("utf-16-le")) // 2 <= CELL_MAX_UNITS

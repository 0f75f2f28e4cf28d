"""The new readers (web exports, framed lists, fixed-width text) on mutated files: bytes flipped, cut,
repeated, markup and spans injected. Each file reads to an outcome – loaded, or an error naming what is
wrong – never an unexpected exception, and quickly. 2,400 such files (six seeds of 600) were read
clean in the twenty-eighth session; a few dozen per run are kept here."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from sources import html_tables
from sources.config import SourceConfig
from sources.limits import ReadLimits
from sources.reader import read_source_file
from tests.sources.hostile import mutated_bytes
from tests.sources.test_fixed_width import PAGE, ROWS
from tests.sources.test_framed_lists import PAGE as LIST_PAGE
from tests.sources.test_framed_lists import ROWS as LIST_ROWS
from tests.sources.test_framed_lists import RULE
from tests.sources.test_markup_tables import SAP_PAGE, _cell, _sheet, _workbook

_HEAD = "".join(_cell(h) for h in ["Invoice Date", "Reseller", "End User", "SKU", "Amount"])
_LINE = (f"{_cell('2026-03-15T00:00:00.000', 'DateTime')}{_cell('Acme')}{_cell('Foo Ltd')}{_cell('AB-1')}"
         f"{_cell(10, 'Number', ' ss:MergeDown=' + chr(34) + '1' + chr(34))}")
SEEDS = {
    "page.xls": SAP_PAGE.encode("cp1252"),
    "book.xls": _workbook(_sheet("POS", f"<Row>{_HEAD}</Row>" + f"<Row>{_LINE}</Row>" * 5)),
    "spool.txt": (PAGE.format(n=1) + "\n".join(ROWS) + "\n").encode(),
    "list.txt": (LIST_PAGE.format(n=1, rule=RULE) + "\n".join(LIST_ROWS) + "\n").encode("cp1252"),
}
INSERTS = [b"<td>", b"<tr>", b"</table>", b"<table>", b"|", b"-----", b"  ", b"\n", b"colspan=999 ",
           b"rowspan=99999 ", b'ss:Index="100000" ', b"\xff\xfe", b"\x00", b"&amp;", b"<![CDATA[", b"<!--"]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_mutated_files_read_to_an_outcome(tmp_path: Path, name: str) -> None:
    rng = random.Random(28)
    path = tmp_path / "inbox" / name
    path.parent.mkdir(parents=True)
    for case in range(25):
        path.write_bytes(mutated_bytes(SEEDS[name], rng, INSERTS))
        started = time.perf_counter()
        out = read_source_file(path, f"inbox/{name}", SourceConfig(name="f", kind="distributor", path="inbox/*"))
        assert out.status in ("loaded", "error", "empty", "needs_mapping")
        assert "unexpected" not in (out.error or ""), (case, out.error)
        assert time.perf_counter() - started < 10, case


def test_a_page_in_a_code_page_the_html_parser_lacks_is_decoded_by_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """A mutated page once made the encoding guess "mac_roman", which libxml2 does not know: the
    page is decoded by Python's codec and parsed as UTF-8."""
    monkeypatch.setattr(html_tables, "_html_encoding", lambda data: "mac_roman")
    (grid,) = html_tables.html_tables("<table><tr><td>Caf\u00e9<td>Na\u00efve</table>".encode("mac_roman"),
                                      ReadLimits())
    assert grid.rows == [["Café", "Naïve"]]

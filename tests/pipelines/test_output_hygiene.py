"""Hostile names (escape sequences, bell, NUL, vertical tab, bidi override) in customers, resellers,
reps and file names reach no output: every xlsx opens and every XML part of it parses strictly, the
CSV and Markdown files and the terminal carry no control character. An amount in a currency with no
rate is left out of the totals with a warning in the run summary and the workbook's summary sheet."""

import csv
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tests.pipelines.test_lists_e2e import ACCOUNTS, CONTRACTS, PRICES, SALES, SOURCES_YAML

#: what no output may hold (CSV may end lines with \r\n; nothing else may carry \r)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ESC_RED, OSC_TITLE = "\x1b[31m", "\x1b]0;pwned\x07"


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def _hostile(rows: list[list[str]], old: str, new: str) -> list[list[str]]:
    return [[new if cell == old else cell for cell in row] for row in rows]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("hostile") / "home"
    (home / "inbox").mkdir(parents=True)
    yaml = SOURCES_YAML.replace("rep: Bob Rep", 'rep: "Bob \\e[1mRep\\a"')
    (home / "sources.yaml").write_text(yaml, encoding="utf-8")
    accounts = _hostile(ACCOUNTS, "Alpha Manufacturing Inc", f"Alpha{ESC_RED} Manufacturing\x07 Inc\u202e")
    accounts = _hostile(accounts, "Dana Scott", f"Dana{OSC_TITLE} Scott\x0b")
    _csv(home / "inbox/crm/accounts.csv", accounts)
    eur = ["SC-1000004", "0015e00000GAMMA1", "Gamma Foods Corp", "NBD", "01/15/2026", "01/14/2027", "5000.00", "EUR",
           "Eli Park"]
    _csv(home / "inbox/crm/contracts.csv", [*CONTRACTS, eur])
    _csv(home / f"inbox/dist/sales{ESC_RED}\x07.csv",
         _hostile(SALES, "Northwind Partners", "North\x1b[2Jwind\x00 Partners\x0b"))
    _csv(home / "inbox/prices.csv", PRICES)
    (home / f"inbox/dist/broken{ESC_RED}\u202e.csv").write_bytes(b"\x00\x01\x02 not a table at all")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Customer", "Contract #", "Expiry", "Renewal Value"])
    ws.append(["Beta Logistics", "SC-1000002", "2026-12-14", 2400])
    (home / "inbox/reps").mkdir()
    wb.save(home / "inbox/reps/bob.xlsx")
    return home


@pytest.fixture(scope="module")
def terminal(hostile: Path) -> list[str]:
    """`radar run` in its own process, its stdout and stderr captured: what a terminal would get."""
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--home", str(hostile)],
                          capture_output=True, timeout=600, check=False)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == 0, err
    return [out, err]


@pytest.fixture(scope="module")
def ran(hostile: Path, terminal: list[str]) -> Path:
    """The home after its run."""
    return hostile


def _texts(root: ElementTree.Element) -> list[str]:
    return [t for e in root.iter() for t in (e.text, e.tail, *e.attrib.values()) if t]


def test_every_workbook_opens_and_every_xml_part_parses_strictly(ran: Path) -> None:
    books = sorted((ran / "out").rglob("*.xlsx"))
    assert len(books) >= 4  # the whole book, reps, resellers
    names = []
    for book in books:
        wb = openpyxl.load_workbook(book)
        names += [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
        names += [wb.properties.title or "", *(ws.title for ws in wb.worksheets),
                  *(ws.oddHeader.center.text or "" for ws in wb.worksheets)]
        with zipfile.ZipFile(book) as zf:
            for member in zf.namelist():
                if member.endswith((".xml", ".rels")):
                    root = ElementTree.fromstring(zf.read(member))  # strict: an illegal character raises
                    bad = [t for t in _texts(root) if CONTROL.search(t) or ILLEGAL_CHARACTERS_RE.search(t)]
                    assert not bad, (book.name, member, bad[:3])
    text = "\n".join(names)
    assert not CONTROL.search(text)
    assert "Alpha Manufacturing Inc" in text and "Northwind Partners" in text  # the names are there, cleaned
    assert "Dana Scott" in text  # a rep (the account owner) named with an OSC title sequence


def test_csv_and_markdown_carry_no_control_characters(ran: Path) -> None:
    files = sorted((ran / "out").rglob("*.csv")) + sorted((ran / "out").rglob("*.md"))
    assert any(f.name == "crm_import.csv" for f in files) and any(f.name == "run_summary.md" for f in files)
    for f in files:
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".csv":
            text = text.replace("\r\n", "\n")
        assert not CONTROL.search(text) and "\r" not in text, (f.name, CONTROL.findall(text)[:5])
    assert "Alpha Manufacturing Inc" in (ran / "out/crm_import.csv").read_text(encoding="utf-8")


def test_the_terminal_gets_no_escape_sequence(terminal: list[str]) -> None:
    out, err = terminal
    for text in (out, err):
        assert "\x1b" not in text and not CONTROL.search(text), CONTROL.findall(text)[:5]
    assert "inbox/dist/broken.csv" in out  # the unreadable file is named, cleaned
    assert "Renewal Radar: run complete" in out


def test_an_amount_without_a_rate_is_left_out_of_the_totals_with_a_warning(ran: Path) -> None:
    summary = (ran / "out/run_summary.md").read_text(encoding="utf-8")
    assert "1 opportunity is in another currency than USD" in summary and "1 in EUR" in summary
    wb = openpyxl.load_workbook(ran / "out/renewal_opportunities.xlsx")
    cells = [str(c.value) for row in wb["Summary"].iter_rows(max_row=6) for c in row if c.value]
    assert any("left out of every total" in c and "EUR" in c for c in cells)

"""Builders for the hostile-input corpus: every file is written by the test that reads it.

Workbooks start as a real openpyxl workbook and have members replaced or added by hand, the way
an attacker edits the package; nothing is downloaded.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from sources.config import SourceConfig
from sources.limits import ReadLimits
from sources.reader import FileOutcome, read_source_file

SHEET = "xl/worksheets/sheet1.xml"
POS_HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount"]
_SHEET_HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_SHEET_TAIL = b"</sheetData></worksheet>"


def src(kind: str = "distributor", **kw: object) -> SourceConfig:
    return SourceConfig(name="hostile", kind=kind, path="inbox/*", **kw)


def read(tmp: Path, name: str, data: bytes | str, source: SourceConfig | None = None,
         limits: ReadLimits | None = None) -> FileOutcome:
    """Write `data` as inbox/`name` and read it as the nightly run would."""
    path = tmp / "inbox" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return read_source_file(path, f"inbox/{name}", source or src(), limits=limits)


def read_path(path: Path, source: SourceConfig | None = None, limits: ReadLimits | None = None) -> FileOutcome:
    return read_source_file(path, f"inbox/{path.name}", source or src(), limits=limits)


def csv_text(rows: Iterable[Iterable[object]], header: list[str] = POS_HEADER) -> str:
    """A CSV with `header` and `rows`, quoted as the csv module quotes."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *rows])
    return buf.getvalue()


def semicolon_text(header: list[str], rows: list[list[str]]) -> str:
    """A ';'-separated text with CRLF line ends, as European exports write it: `header`, then `rows` as written."""
    return "\r\n".join(";".join(r) for r in [header, *rows]) + "\r\n"


def workbook(path: Path, rows: Iterable[Iterable[object]], header: list[str] = POS_HEADER, title: str = "POS") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for r in rows:
        ws.append(list(r))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def workbook_sheets(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook of one sheet per entry of `sheets` (name -> its rows, first to last), in order."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(list(r))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def rezip(base: Path, dst: Path, replace: dict[str, bytes | Iterable[bytes]] | None = None,
          add: dict[str, tuple[bytes, int]] | None = None) -> Path:
    """Copy workbook `base` to `dst`, replacing members (bytes or a stream of chunks) and adding others."""
    replace = replace or {}
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            new = replace.get(info.filename)
            if new is None:
                zout.writestr(info.filename, zin.read(info.filename))
            elif isinstance(new, bytes):
                zout.writestr(info.filename, new)
            else:
                member = zipfile.ZipInfo(info.filename)
                member.compress_type = zipfile.ZIP_DEFLATED
                with zout.open(member, "w", force_zip64=True) as fh:
                    for chunk in new:
                        fh.write(chunk)
        for name, (data, method) in (add or {}).items():
            zout.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return dst


def sheet_xml(rows: Iterable[bytes], head: bytes = _SHEET_HEAD) -> Iterable[bytes]:
    """A worksheet's XML around `rows` (each the XML of some <row> elements), streamed."""
    yield head
    yield from rows
    yield _SHEET_TAIL


def header_row_xml() -> bytes:
    cells = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(POS_HEADER))
    return f'<row r="1">{cells}</row>'.encode()


def mutated_bytes(data: bytes, rng: random.Random, inserts: list[bytes], *, edits: int = 12,
                  shares: tuple[float, float, float] = (0.4, 0.6, 0.8), cut: int = 50, back: int = 200) -> bytes:
    """`data` with 1 to `edits` random edits (the seeded mutation tests): by the `shares` thresholds, a
    byte changed, up to `cut` bytes cut, one of `inserts` put in, or the `back` bytes before repeated."""
    b = bytearray(data)
    flip, cut_share, insert_share = shares
    for _ in range(rng.randint(1, edits)):
        if not b:
            break
        op, at = rng.random(), rng.randrange(len(b))
        if op < flip:
            b[at] = rng.randrange(256)
        elif op < cut_share:
            del b[at:at + rng.randint(1, cut)]
        elif op < insert_share:
            b[at:at] = rng.choice(inserts)
        else:
            b[at:at] = b[max(0, at - back):at]
    return bytes(b)


def peak_memory_of_reading(path: Path, limits: ReadLimits | None = None) -> tuple[dict[str, object], int]:
    """Read `path` in a fresh Python process; returns (outcome summary, that process's peak RSS in bytes)."""
    code = (
        "import json, resource, sys\n"
        "from pathlib import Path\n"
        "from sources.limits import ReadLimits\n"
        "from tests.sources.hostile import read_path\n"
        "limits = ReadLimits(**json.loads(sys.argv[2])) if sys.argv[2] != 'null' else None\n"
        "out = read_path(Path(sys.argv[1]), limits=limits)\n"
        "status = Path('/proc/self/status')\n"
        "hwm = [l for l in status.read_text().splitlines() if l.startswith('VmHWM:')] if status.exists() else []\n"
        "# VmHWM belongs to this program's memory map; ru_maxrss would carry over the forking parent's peak\n"
        "peak = int(hwm[0].split()[1]) * 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
        "print(json.dumps({'status': out.status, 'error': out.error, 'rows': out.rows_loaded, 'peak': peak}))\n"
    )
    args = json.dumps(None if limits is None else {k: v for k, v in vars(limits).items() if isinstance(v, (int, float))})
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", code, str(path), args], capture_output=True, text=True,
                          check=True, cwd=root, env=env, timeout=600)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result, int(result["peak"])


# --- bombs at full size (tests/sources/test_hostile_bombs.py measures reading them) -----------------


def ratio_bomb(base: Path, dst: Path, inflated: int = 318 * 1024**2, noise: int = 4 * 1024**2) -> Path:
    """The issue's bomb: a sheet of `inflated` bytes of repeated rows, beside a stored random member
    that keeps the package's overall compression ratio low (about 60x here, under the old 200x)."""
    row = b"<row>" + b'<c t="inlineStr"><is><t>Foo Ltd</t></is></c>' * 6 + b"</row>"
    block = row * 4_000
    rows = (block for _ in range(inflated // len(block)))
    return rezip(base, dst, {SHEET: sheet_xml([header_row_xml(), *rows])},
                 {"xl/media/image1.bin": (random.Random(1).randbytes(noise), zipfile.ZIP_STORED)})


def row_bomb(base: Path, dst: Path, rows: int = 1_200_000) -> Path:
    """A sheet whose every row and cell carries its reference (so it compresses only about 10x and
    raises no ratio alarm) with more rows than any spreadsheet holds."""
    def chunks() -> Iterable[bytes]:
        yield header_row_xml()
        for start in range(2, rows + 2, 50_000):
            end = min(start + 50_000, rows + 2)
            yield b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(start, end))
    return rezip(base, dst, {SHEET: sheet_xml(chunks())})


def zeros_bomb(dst: Path, inflated: int = 3 * 1024**3) -> Path:
    """The classic: a zip whose one member inflates to `inflated` zero bytes (about 1000x).

    Written by hand from one deflated 1 MiB block repeated (a full flush makes blocks
    independent), so building 3 GiB takes seconds, not the minute zlib would need.
    """
    mib = 1 << 20
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(bytes(mib)) + comp.flush(zlib.Z_FULL_FLUSH)
    final = b"\x03\x00"  # an empty last block
    crc = 0
    for _ in range(inflated // mib):
        crc = zlib.crc32(bytes(mib), crc)
    size = len(block) * (inflated // mib) + len(final)
    name = SHEET.encode()
    head = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, size, inflated, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, size, inflated,
                          len(name), 0, 0, 0, 0, 0, 0) + name
    with open(dst, "wb") as fh:
        fh.write(head)
        for _ in range(inflated // mib):
            fh.write(block)
        fh.write(final)
        offset = fh.tell()
        fh.write(central)
        fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), offset, 0))
    return dst


def member_bomb(base: Path, dst: Path, members: int = 20_000) -> Path:
    """A package with `members` tiny entries: zipfile would build an object for each."""
    return rezip(base, dst, add={f"xl/media/m{i}.bin": (b"", zipfile.ZIP_STORED) for i in range(members)})


def long_line_csv(dst: Path, field: int = 50 * 1024**2, line: int = 2) -> Path:
    rows = csv_text([["2026-03-02", "Acme", "Foo", "AB-1", 1, "10.00"]] * 100).encode().split(b"\n")
    rows[line - 1] = b"2026-03-02,Acme,Foo," + b"z" * field + b",1,10.00"
    dst.write_bytes(b"\n".join(rows))
    return dst


def sparse_csv(dst: Path, size: int = 300 * 1024**2) -> Path:
    with open(dst, "wb") as fh:
        fh.truncate(size)
    return dst

"""Workbook packages checked before openpyxl opens them: zip directory, member sizes, sheet shape.

Everything here reads either the zip directory (sizes as declared, which zipfile then enforces
while inflating) or streams members in 1 MiB chunks, so a bomb is refused in constant memory:
too many members, a member inflating more than `max_member_ratio` times its packed size (a
stored random member can no longer hide a deflate bomb behind a low overall ratio), too many
inflated bytes in all, a worksheet with too many rows or too wide a cell reference, a cell text
longer than `max_cell_chars`.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np

from sources.file_magic import OLE2, sniff_format
from sources.limits import ReadLimits, check
from sources.table import FileReadError

_ROOT_PREFIX = re.compile(rb"<(?:(\w+):)?worksheet\b")
#: one item of the shared-strings part (`<si>`)
SHARED_ITEM = re.compile(rb"<(?:\w+:)?si\b")
#: a cell in columns AAA (703) and beyond that may hold a value: `<c r="XFD5" s="1"/>`, a formatted
#: empty cell (Excel writes them for formatting dragged to the sheet's edge), holds none and widens nothing
_WIDE_REF = re.compile(rb' r="([A-Z]{3,})[0-9]+"[^>]*(?<!/)>')
_LT = ord("<")
#: a row number of a row or a cell reference, of six digits or more: one a sheet of fewer rows than
#: that cannot hold, or (seven digits) past a hundred thousand rows; calamine allocates the sheet's
#: whole range, so `<row r="99999999">` in a 2 KB sheet asked for 48 GB and aborted the process
_ROW_NUMBER_6 = re.compile(rb'\br="[A-Z]{0,3}([0-9]{6,})"')
_ROW_NUMBER_7 = re.compile(rb'\br="[A-Z]{0,3}([0-9]{7,})"')
#: a row element's own number ("<row r="15" spans=...>", "<x:row r="15">")
_ROW_TAG_NUMBER = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]+)"')


def _directory_entries(path: Path) -> int | None:
    """Entries the zip's end-of-directory record announces (zip64 too), read before zipfile parses it."""
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 65_557))
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            return None
        entries = struct.unpack_from("<H", tail, at + 10)[0]
        locator = at - 20
        if entries == 0xFFFF and locator >= 0 and tail[locator:locator + 4] == b"PK\x06\x07":
            fh.seek(struct.unpack_from("<Q", tail, locator + 8)[0])
            record = fh.read(56)
            if record[:4] == b"PK\x06\x06":
                entries = struct.unpack_from("<Q", record, 32)[0]
        return int(entries)


def check_inflation(infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    """Refuse a package whose members inflate past `limits`: one member's compression ratio (a zip
    bomb), or all of them together."""
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(1, info.compress_size)
            check("max_member_ratio", limits.max_member_ratio, ratio,
                  f"the compression ratio of member {info.filename!r} ({info.file_size:,} bytes inflated)")
    check("max_inflated_bytes", limits.max_inflated_bytes, total, "the workbook's inflated size in bytes")


def check_package(path: Path, limits: ReadLimits) -> None:
    """Refuse what openpyxl cannot or should not open, with a message a person understands."""
    check("max_file_bytes", limits.max_file_bytes, path.stat().st_size, "the file's size in bytes")
    with open(path, "rb") as fh:
        magic = fh.read(8)
    if magic == OLE2:
        raise FileReadError(
            "this is an OLE2 file: a password-protected workbook or an old .xls; "
            "save it as an unprotected .xlsx"
        )
    entries = _directory_entries(path)
    if entries is None or not zipfile.is_zipfile(path):
        with open(path, "rb") as fh:
            found = sniff_format(fh.read(512))
        if found is not None and found.kind != "zip":
            fix = ("open it in Excel and save it as .xlsx" if found.kind == "html"
                   else "export the table as .xlsx or .csv")
            raise FileReadError(f"not a workbook: this is {found.what}; {fix}")
        raise FileReadError("not a valid .xlsx: the file is truncated or corrupt (no zip directory)")
    check("max_members", limits.max_members, entries, "the number of members in the workbook package")
    try:
        with zipfile.ZipFile(path) as zf:
            check_inflation(zf.infolist(), limits)
            bad = zf.testzip()  # inflates every member once, in chunks: sizes are known to be sane now
    except FileReadError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise FileReadError(f"not a valid .xlsx: truncated or corrupt zip ({exc})") from None
    if bad is not None:
        raise FileReadError(f"not a valid .xlsx: corrupt member {bad}")
    twice = _repeated_member(path)
    if twice is not None:  # zipfile, openpyxl and calamine would all read the last copy, unsaid
        raise FileReadError(f"not a valid .xlsx: the package holds {twice} twice (a broken re-pack; Excel calls "
                            "the file damaged): ask the sender to save it again")


def _repeated_member(path: Path) -> str | None:
    """A member name the package's directory lists twice, else None."""
    with zipfile.ZipFile(path) as zf:
        seen: set[str] = set()
        for name in zf.namelist():
            if name in seen:
                return name
            seen.add(name)
    return None


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class SheetMeter:
    """Measures one worksheet's XML as it streams by: rows, widest cell reference, longest text run.

    `feed(buf, fresh)` takes the buffer the caller scans, whose bytes from `fresh` on are new
    (the ones before were the end of the previous buffer): each row is counted once.
    """

    def __init__(self, sheet: str, limits: ReadLimits) -> None:
        self.sheet, self.limits = sheet, limits
        self.rows = 0
        self.widest = 0
        self.last_row = 0  # the largest row number seen, where it has six digits or more
        self.longest_run = 0
        self._since_lt = 0  # bytes since the last "<"
        self._row_tags: tuple[bytes, ...] | None = None
        self._numbers: list[np.ndarray] = []  # every row element's number, in the order written

    def feed(self, buf: bytes, fresh: int) -> None:
        if self._row_tags is None:  # "<row " or, in a prefixed document, "<x:row "
            root = _ROOT_PREFIX.search(buf)
            prefix = root.group(1) + b":" if root and root.group(1) else b""
            self._row_tags = tuple(b"<" + prefix + b"row" + end for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"))
        # a tag that ends after `fresh` was not whole in the previous buffer: counted once
        new = buf[max(0, fresh - len(self._row_tags[0]) + 1):]
        self.rows += sum(new.count(tag) for tag in self._row_tags)
        check("max_rows", self.limits.max_rows, self.rows, f"the number of rows in sheet '{self.sheet}' (at least)")
        wide = set(_WIDE_REF.findall(buf, max(0, fresh - 8)))
        if wide:
            self.widest = max(self.widest, max(_column_number(w) for w in wide))
            check("max_columns", self.limits.max_columns, self.widest, f"the widest column in sheet '{self.sheet}'")
        self._row_numbers(buf, fresh)
        # a row tag ending in the new bytes was not whole in the previous buffer: each is taken once
        self._numbers.append(np.array([int(m.group(1)) for m in _ROW_TAG_NUMBER.finditer(buf, max(0, fresh - 512))
                                       if m.end() > fresh], dtype=np.int64))
        self.measure_text(buf[fresh:])

    def _all_numbers(self) -> np.ndarray:
        """Every row element's number, in the order written (the buffers' arrays joined once)."""
        if len(self._numbers) != 1:
            self._numbers = [np.concatenate(self._numbers) if self._numbers else np.array([], dtype=np.int64)]
        return self._numbers[0]

    def unordered(self) -> bool:
        """Whether the sheet's row elements are written out of their numbers' order."""
        numbers = self._all_numbers()
        return len(numbers) >= 2 and not bool((np.diff(numbers) > 0).all())

    def repeated_row(self) -> int | None:
        """A row number two row elements of the sheet carry (the readers keep only the last), else None."""
        if not self.unordered():
            return None
        values, counts = np.unique(self._all_numbers(), return_counts=True)
        return int(values[counts > 1][0]) if (counts > 1).any() else None

    def _row_numbers(self, buf: bytes, fresh: int) -> None:
        """The sheet's range as calamine would allocate it, bounded before it is read: the largest row
        number (from six digits while the sheet has counted fewer rows than that, so a normal sheet's
        references are not all parsed) against `max_rows`, and times the widest column against `max_cells`."""
        pattern = _ROW_NUMBER_6 if self.rows < 100_000 else _ROW_NUMBER_7
        found = pattern.findall(buf, max(0, fresh - 24))
        if not found:
            return
        self.last_row = max(self.last_row, max(int(n) for n in found))
        check("max_rows", self.limits.max_rows, self.last_row, f"the last row number in sheet '{self.sheet}'")
        check("max_cells", self.limits.max_cells, self.last_row * max(self.widest, 1),
              f"rows x columns in sheet '{self.sheet}' (its last row number times its widest column)")

    def measure_text(self, chunk: bytes) -> None:
        arr = np.frombuffer(chunk, dtype=np.uint8)
        lts = np.flatnonzero(arr == _LT)
        if lts.size:
            gaps = np.diff(lts)
            longest = max(int(lts[0]) + self._since_lt, int(gaps.max()) - 1 if gaps.size else 0)
            self._since_lt = len(arr) - int(lts[-1]) - 1
        else:
            longest = self._since_lt = self._since_lt + len(arr)
        self.longest_run = max(self.longest_run, longest, self._since_lt)
        check("max_cell_chars", self.limits.max_cell_chars, self.longest_run,
              f"the longest text or tag in sheet '{self.sheet}' (stored bytes)")


def check_shared_strings(zf: zipfile.ZipFile, limits: ReadLimits) -> None:
    """Stream the shared-strings part: no text longer than a cell may be, no more strings than cells."""
    member = next((n for n in zf.namelist() if n.lower().endswith("sharedstrings.xml")), None)
    if member is None:
        return
    meter = SheetMeter("shared strings", limits)
    count, tail = 0, b""
    with zf.open(member) as fh:
        while chunk := fh.read(1 << 20):
            buf = tail + chunk
            count += sum(1 for m in SHARED_ITEM.finditer(buf) if m.end() > len(tail))
            check("max_cells", limits.max_cells, count, "the number of shared strings (at least)")
            meter.measure_text(chunk)
            tail = buf[-64:]

"""Delimited text files (CSV, TSV, semicolon, pipe): encoding, delimiter and header detection.

Size limits and the encoding (per file, or per line when UTF-8 and cp1252 lines are mixed) are
`text_bytes`' job, done before anything is parsed. The delimiter is the
candidate that splits the first lines into the most consistent number of fields; the quote
character is '"' unless csv.Sniffer finds fields quoted with "'" and reading them so splits the
lines more consistently (a file quoted with "'" that neither reading splits right is refused, never
read with its columns shifted). Bulk parsing is pandas' C parser, fed the text as UTF-8 bytes (the
file's own when nothing was repaired), so the text is not held twice more while it is parsed; a
file with quoted line breaks or ragged rows is read with the csv module so that every row keeps the
line number a text editor shows.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sources.backslash_quotes import BACKSLASH_NOTE, escapes_quotes, unescape_quotes
from sources.file_magic import sniff_format
from sources.fixed_width import cut_lines, find_columns
from sources.framed_lists import is_framed_list, unframe
from sources.headers import (
    DEEP_HEADER_ROWS,
    HeaderMatch,
    deep_header_note,
    deeper_header_row,
    find_header_row,
    likely_header_hint,
)
from sources.limits import DEFAULT_LIMITS, LimitExceeded, ReadLimits, check
from sources.table import FileReadError, RawTable
from sources.text_bytes import check_text_limits, decode_text, detect_encoding

__all__ = ["detect_delimiter", "detect_encoding", "detect_quote", "read_text"]

DELIMITERS = (",", ";", "\t", "|")
SNIFF_LINES = 60
SNIFF_CHARS = 65_536
SINGLE_QUOTE = "'"
#: this share of a sample's values wrapped in '...' (read with '"' quotes) says the file quotes with "'"
WRAPPED_SHARE = 0.5


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def detect_delimiter(sample_lines: list[str], suffix: str = "") -> str:
    """The delimiter giving the most lines with the same field count (>1)."""
    best_key: tuple[int, int, int, int] | None = None
    best_delim = ""
    for rank, delim in enumerate(DELIMITERS):
        counts = [len(r) for r in csv.reader(sample_lines, delimiter=delim) if any(c.strip() for c in r)]
        if not counts:
            continue
        mode, agree = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        preferred = int(delim == "\t" and suffix == ".tsv")
        key = (preferred, agree, mode, -rank)
        if best_key is None or key > best_key:
            best_key, best_delim = key, delim
    if best_key is None:
        raise FileReadError("no delimiter found: the first lines do not split into columns")
    return best_delim


@dataclass(frozen=True)
class _QuoteReading:
    """How the sample lines split with one quote character."""

    agree: int  # records of two fields or more splitting into the most common number of fields
    wrapped: float  # share of the non-blank values still wrapped in single quotes ('...')


def _quote_reading(sample_lines: list[str], delim: str, quote: str) -> _QuoteReading:
    """Split the sample with `quote` as the quote character and say how well it splits."""
    records = [r for r in csv.reader(sample_lines, delimiter=delim, quotechar=quote) if len(r) > 1]
    values = [v.strip() for r in records for v in r if v.strip()]
    wrapped = sum(len(v) > 1 and v[0] == v[-1] == SINGLE_QUOTE for v in values)
    agree = Counter(len(r) for r in records).most_common(1)[0][1] if records else 0
    return _QuoteReading(agree, wrapped / len(values) if values else 0.0)


def detect_quote(sample_lines: list[str], delim: str) -> str:
    """The quote character: "'" when csv.Sniffer proposes it (or most values are wrapped in it) and
    reading with it splits the lines at least as consistently as '"' does; else '"'. A file whose
    values are wrapped in "'" that only '"' splits consistently is refused: read either way, its
    columns would shift (a "'" inside a value, not doubled)."""
    try:
        # bounded: the sniffer's patterns scan ahead from every quote, slow on a megabyte line
        proposed = csv.Sniffer().sniff("\n".join(sample_lines)[:SNIFF_CHARS], delimiters=delim).quotechar
    except csv.Error:  # no quote and no delimiter pattern the sniffer recognises
        proposed = '"'
    double = _quote_reading(sample_lines, delim, '"')
    if proposed != SINGLE_QUOTE and double.wrapped < WRAPPED_SHARE:
        return '"'
    single = _quote_reading(sample_lines, delim, SINGLE_QUOTE)
    if single.agree > double.agree or (single.agree == double.agree and double.wrapped >= WRAPPED_SHARE):
        return SINGLE_QUOTE
    if double.wrapped >= WRAPPED_SHARE:
        raise FileReadError(
            "the values are quoted with ' (single quotes), but the lines do not split into the same number of "
            "fields with ' as the quote character either (a ' inside a value that is not doubled?): export the "
            'file again with " quotes')
    return '"'


def _body_start(raw: bytes, start_line: int) -> int | None:
    """The byte offset where line `start_line + 1` begins (None past the end): a UTF-8 line break is
    one byte of its own, so lines are counted on the bytes."""
    pos = 0
    for _ in range(start_line):
        found = raw.find(b"\n", pos)
        if found == -1:
            return None
        pos = found + 1
    return pos


def _read_fast(
    raw: bytes, start_line: int, delim: str, ncols: int, quote: str = '"'
) -> tuple[pd.DataFrame, np.ndarray] | None:
    """pandas C parser on the UTF-8 text `raw` from line `start_line + 1`; None when the file has ragged
    rows or quoted line breaks. Fed bytes, not a StringIO, which holds four bytes a character (a 180 MB
    file: 0.7 GB). In one read: pandas 2.2, read a chunk at a time, cuts a ragged row that opens a chunk
    to the header's fields without a word."""
    start = _body_start(raw, start_line)
    body = io.BytesIO(raw)
    body.seek(len(raw) if start is None else start)  # past the end: a header-only file, no rows
    try:
        frame = pd.read_csv(
            body, sep=delim, header=None, names=[str(i) for i in range(ncols)], dtype=str, keep_default_na=False,
            na_filter=False, skip_blank_lines=False, engine="c", quoting=csv.QUOTE_MINIMAL, quotechar=quote,
            encoding="utf-8", encoding_errors="strict",
        )
    except (pd.errors.ParserError, ValueError):
        return None
    if not isinstance(frame.index, pd.RangeIndex):
        # the first data line had more fields than the header: pandas silently turned the
        # leading fields into an index and shifted every value one column to the right
        return None
    for col in frame.columns:
        if frame[col].str.contains("\n", regex=False).any():
            return None
    rows = np.arange(start_line + 1, start_line + 1 + len(frame), dtype=np.int64)
    return frame, rows


def _sniff_records(
    text: str, delim: str, max_lines: int, quote: str = '"'
) -> tuple[list[list[str]], list[int], list[int]]:
    """The records in the first `max_lines` lines, with each record's first and last physical line.

    A quoted line break (common in headers typed in Excel with Alt+Enter, or in a title above
    them) makes one record span several lines, so record positions are not line numbers.
    """
    head = "\n".join(text.split("\n", max_lines)[:max_lines])
    reader = csv.reader(io.StringIO(head), delimiter=delim, quotechar=quote)
    records: list[list[str]] = []
    first: list[int] = []
    last: list[int] = []
    prev = 0
    for rec in reader:
        records.append(rec)
        first.append(prev + 1)
        prev = reader.line_num
        last.append(prev)
    return records, first, last


_Sniffed = tuple[list[list[str]], list[int], list[int]]


def _find_header(
    text: str, delim: str, quote: str, sniffed: _Sniffed, kind: str, overrides: Mapping[str, str] | None,
    record_no: int | None,
) -> tuple[tuple[int, HeaderMatch] | None, _Sniffed, list[str]]:
    """The header among the sniffed first records (or the configured one); where none is there and the
    file goes on, one below them (a long preamble), with the records read down to it and a warning."""
    found = find_header_row(sniffed[0], kind, overrides, record_no)
    if found is not None or record_no is not None or len(sniffed[0]) < SNIFF_LINES - 1:
        return found, sniffed, []
    deeper = _sniff_records(text, delim, DEEP_HEADER_ROWS, quote)
    found = deeper_header_row(deeper[0], len(sniffed[0]), kind, overrides)
    if found is None:
        return None, sniffed, []
    return found, deeper, [deep_header_note(deeper[1][found[0]] - 1, SNIFF_LINES, "line")]


def _read_exact(
    text: str, start_line: int, delim: str, ncols: int, max_columns: int = DEFAULT_LIMITS.max_columns,
    quote: str = '"',
) -> tuple[pd.DataFrame, np.ndarray, dict[int, str]]:
    """The csv module, tracking each record's first physical line; extra fields kept (up to `max_columns`).

    A record whose quote was left open (`_runaway`) is read again line by line, so the lines it
    swallowed are rows of their own; the third value names the line that opened the quote and why.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delim, quotechar=quote)
    lines: list[str] | None = None
    records: list[list[str]] = []
    rows: list[int] = []
    open_quotes: dict[int, str] = {}
    prev = 0
    width = ncols
    for rec in reader:
        first_line, prev = prev + 1, reader.line_num
        if first_line <= start_line:
            continue
        if prev > first_line and _runaway(rec, delim, ncols):
            lines = text.split("\n") if lines is None else lines
            span = range(first_line, prev + 1)
            open_quotes[first_line] = (
                f"line {first_line:,} opens a quote that is not closed on the line: read as it was, it would "
                f"swallow lines {first_line + 1:,}-{prev:,}, which are read as rows of their own; "
                "this row is not trusted")
            split = [(n, next(csv.reader([lines[n - 1]], delimiter=delim, quotechar=quote), [])) for n in span]
        else:
            split = [(first_line, rec)]
        for line_no, fields in split:
            records.append(fields)
            rows.append(line_no)
            if len(fields) > width:
                check("max_columns", max_columns, len(fields), f"the number of fields on line {line_no:,}")
                width = len(fields)
    frame = pd.DataFrame([r + [""] * (width - len(r)) for r in records], columns=[str(i) for i in range(width)],
                         dtype=object)
    return frame, np.asarray(rows, dtype=np.int64), _miscounted(records, rows, ncols, delim) | open_quotes


#: lines that do not line up are told apart only in a file whose lines line up this share or more (a file of
#: ragged lines is read as it is: its short lines quarantined by what they lack)
FULL_WIDTH_SHARE = 0.8


def _miscounted(records: list[list[str]], rows: list[int], ncols: int, delim: str) -> dict[int, str]:
    """Lines whose fields do not line up under the header, with why, so their rows are quarantined as written
    rather than loaded shifted or half empty, in a file whose other lines line up: more fields than the header
    names (trailing empty ones aside; a delimiter inside a value that is not quoted, "ACME, INC."), or two and
    more fewer (a line cut short). Lines that open a quote are `_read_exact`'s."""
    used = []
    for fields in records:
        n = len(fields)
        while n > ncols and not fields[n - 1].strip():
            n -= 1
        used.append(n)
    if sum(n == ncols or (n < ncols and len(f) >= ncols) for n, f in zip(used, records, strict=True)) < (
            FULL_WIDTH_SHARE * len(records)):
        return {}
    out: dict[int, str] = {}
    for fields, line_no, n in zip(records, rows, used, strict=True):
        if n > ncols:
            out[line_no] = (f"line {line_no:,} has {n} fields where the header names {ncols}: a {delim!r} inside a "
                            f"value that is not quoted? The line: {delim.join(fields)[:200]!r}")
        elif len(fields) <= ncols - 2 and any(f.strip() for f in fields):
            out[line_no] = (f"line {line_no:,} has {len(fields)} fields where the header names {ncols} (the other "
                            f"lines have them all): cut short? The line: {delim.join(fields)[:200]!r}")
    return out


def _runaway(record: list[str], delim: str, ncols: int) -> bool:
    """A record spanning lines because a quote was left open: it does not split into the header's
    fields (trailing empty ones aside) and a line break inside one of its values is followed by the
    delimiter, i.e. whole lines were taken into that value. A real quoted line break (an address typed
    with Alt+Enter) leaves the record its header's fields."""
    fields = len(record)
    while fields > ncols and not record[fields - 1].strip():
        fields -= 1
    if fields == ncols:
        return False
    return any("\n" in v and delim in v.split("\n", 1)[1] for v in record)


def _layout(text: str, suffix: str) -> tuple[str, str, tuple[str, str] | None]:
    """The text and its delimiter as detected; or, for a table drawn rather than delimited – a list
    framed by "|" and dashes (SAP's list output), or columns aligned with spaces where no delimiter
    splits the lines (a fixed-width export) – the text cut into delimited lines, their delimiter and
    (the layout, a note). "No delimiter found" when neither."""
    first = text.split("\n", SNIFF_LINES)[:SNIFF_LINES]
    if is_framed_list(first):
        framed = unframe(text)
        return framed.text, "|", ("framed list", framed.note())
    try:
        delimiter = detect_delimiter(first, suffix)
    except FileReadError:
        columns = find_columns(first)
        if columns is None:
            raise
    else:
        # a report printed to a file with a rule of dashes under its header, whose header the "delimiter" found
        # (the decimal commas of its amounts) does not part, is fixed width
        columns = find_columns(first) if suffix not in (".csv", ".tsv") else None
        if columns is None or not columns.ruled or delimiter in first[columns.header_line]:
            return text, delimiter, None
    cut, note = cut_lines(text, columns)
    return cut, "\t", ("fixed width", note)


def read_text(
    data: bytes,
    kind: str,
    *,
    suffix: str = ".csv",
    encoding: str | None = None,
    delimiter: str | None = None,
    overrides: Mapping[str, str] | None = None,
    header_row: int | None = None,
    limits: ReadLimits | None = None,
) -> tuple[RawTable, dict[str, str]]:
    """Read one delimited text file; returns the table and what was detected."""
    limits = limits or DEFAULT_LIMITS
    other = sniff_format(data[:512])
    if other is not None:
        fix = "rename it to .xlsx" if other.kind == "zip" else "export the table as .csv or .xlsx"
        raise FileReadError(f"not a text table: this is {other.what}; {fix}")
    longest_line = check_text_limits(data, limits)
    decoded = decode_text(data, encoding)
    encoding_used, decode_warnings = decoded.encoding, decoded.warnings
    text = _normalised(decoded.text)
    as_read = text is decoded.text
    del decoded  # the text is held once from here
    if not text.strip():
        raise FileReadError("the file is empty")
    layout: tuple[str, str] | None = None  # a table drawn, not delimited: its layout and note
    with _field_limit(limits):
        if delimiter is None:
            text, delimiter, layout = _layout(text, suffix)
            as_read = as_read and layout is None
        head = text.split("\n", SNIFF_LINES)[:SNIFF_LINES]
        delim = delimiter
        escaped = escapes_quotes(head, delim)
        if escaped:  # MySQL's and PHP's \" inside a quoted value, written as the standard ""
            text = unescape_quotes(text)
            as_read = False
            head = text.split("\n", SNIFF_LINES)[:SNIFF_LINES]
        quote = detect_quote(head, delim)
        sample, first_line, last_line = _sniff_records(text, delim, max(SNIFF_LINES, (header_row or 0) + 1), quote)
        record_no = None
        if header_row is not None:  # a configured header_row is the line a text editor shows
            spans = [i for i, (a, b) in enumerate(zip(first_line, last_line, strict=False)) if a <= header_row <= b]
            if not spans:
                raise FileReadError(f"header_row {header_row} is past the end of the file")
            record_no = spans[0] + 1
        found, (sample, first_line, last_line), header_notes = _find_header(
            text, delim, quote, (sample, first_line, last_line), kind, overrides, record_no)
        if found is None:
            raise FileReadError(
                f"no recognisable header in the first {SNIFF_LINES} lines for {_article(kind)} {kind} source "
                "(name the columns under `columns:` or set header_row)" + likely_header_hint(sample)
            )
        idx, match = found
        ncols = max(len(match.headers), 1)
        check("max_columns", limits.max_columns, ncols, "the number of header fields")
        header_line, body_after = first_line[idx], last_line[idx]
        last = _unfinished_line(text)
        # the parser reads bytes: the file's own when they are the text as read (UTF-8, nothing repaired)
        same = as_read and encoding_used == "utf-8" and data.find(b"\x00") == -1
        raw = data if same else text.encode("utf-8")
        del text
        fast = _read_fast(raw, body_after, delim, ncols, quote)
        frame, rows, open_quotes = (*fast, {}) if fast is not None else _read_exact(
            raw.decode("utf-8"), body_after, delim, ncols, limits.max_columns, quote)
        del raw
        if quote == SINGLE_QUOTE:
            _refuse_shifted_rows(frame, rows, ncols)
        else:
            frame = unprotect_cells(frame)
    # a field is never longer than its line, unless quoted line breaks (the csv parser) join lines
    _check_cells(frame, rows, limits, sizes=fast is None or longest_line > limits.max_cell_chars)
    if frame.shape[1] > len(match.headers):
        match.headers.extend("" for _ in range(frame.shape[1] - len(match.headers)))
    detected = {"encoding": encoding_used, "delimiter": {"\t": "tab"}.get(delim, delim),
                "parser": "pandas-c" if fast is not None else "csv"}
    warnings = [*decode_warnings, *header_notes, *([BACKSLASH_NOTE] if escaped else [])]
    if layout is not None:
        detected["layout"] = layout[0]
        warnings.append(layout[1])
    if quote == SINGLE_QUOTE:
        detected["quote"] = quote
        warnings.append("the values are quoted with ' (single quotes); read with ' as the quote character")
    table = RawTable(sheet=None, header_row=header_line, header=match, cells=frame, row_numbers=rows,
                     warnings=warnings, cut_rows=open_quotes | _cut_last_line(last, delim, ncols, rows, quote),
                     above=tuple(tuple(r) for r in sample[:idx]) if first_line[0] == 1 else ())
    return table, detected


#: `="02909"`: Excel's formula that keeps a CSV value as text (an "Excel-safe" export)
_FORMULA_TEXT = r'^="(.*)"$'
#: `'02909`, `'+4930...`: the apostrophe Excel users type so a number keeps its zeros; before a digit, a
#: code holding one (`'SC-9920001`) or a number after spaces (`' 2`), so "'s-Hertogenbosch" keeps its apostrophe
_APOSTROPHE_NUMBER = r"^'(?:(?=\+?\d)|(?=[^\s']*\d[^\s']*$)|\s+(?=[+\-]?\d[\d.,\s]*$))"


def unprotect_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """The cells without the text protection Excel-minded exports add (`="02909"`, `'02909`), so a
    postcode, serial or invoice number is read as written, leading zeros kept, and a code (`'SC-9920001`) or a
    number after spaces (`' 2`) without the mark. Only columns where a cell starts with `=` or `'` are rewritten."""
    for col in frame.columns:
        try:
            if not frame[col].str.startswith(("=", "'"), na=False).any():  # on the column as read: no object copy
                continue
        except AttributeError:  # a workbook's column of numbers or dates only
            continue
        values = frame[col].astype(object)
        text = values.map(lambda v: isinstance(v, str)).astype(bool)  # a workbook's numbers and dates stay
        plain = values[text].str.replace(_FORMULA_TEXT, r"\1", regex=True).str.replace(
            _APOSTROPHE_NUMBER, "", regex=True)
        values = values.copy()
        values[text] = plain
        frame[col] = values
    return frame


def _refuse_shifted_rows(frame: pd.DataFrame, rows: np.ndarray, ncols: int) -> None:
    """Refuse a file quoted with "'" whose line splits into more fields than the header: a "'" inside
    a value (not doubled) ended the quoting early, and every value after it would shift a column."""
    if frame.shape[1] <= ncols:
        return
    extra = frame.iloc[:, ncols:].astype(str).apply(lambda c: c.str.strip() != "").any(axis=1).to_numpy()
    if extra.any():
        line = int(rows[int(extra.argmax())])
        raise FileReadError(
            f"the values are quoted with ' (single quotes), and line {line:,} splits into more fields than the "
            f"header's {ncols} (a ' inside a value that is not doubled?): export the file again with \" quotes")


def _normalised(text: str) -> str:
    """The text without a byte-order mark nor a DOS end-of-file mark (Ctrl-Z, which old systems still write
    after the last line: it was read as part of the last row's last value), and with every line break a "\\n"
    (the same object when it has none of them, so nothing is copied)."""
    text = text.lstrip("\ufeff")
    if text.rstrip("\r\n").endswith("\x1a"):
        text = text.rstrip("\r\n").rstrip("\x1a") + "\n"
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _unfinished_line(text: str) -> str | None:
    """The text after the last line break, when the file does not end with one (else None)."""
    if text.endswith("\n"):
        return None
    return text[text.rfind("\n") + 1:]


def _cut_last_line(last: str | None, delim: str, ncols: int, rows: np.ndarray, quote: str = '"') -> dict[int, str]:
    """The last row, when the file stops inside it (`last`, the text after the last line break): fewer
    fields than the header, or a quote left open (a file copied while it was still being written)."""
    if not len(rows) or last is None:
        return {}
    fields = next(csv.reader([last], delimiter=delim, quotechar=quote), [])
    open_quote = last.count(quote) % 2 == 1
    if not open_quote and len(fields) >= ncols:
        return {}
    return {int(rows[-1]): (f"the file ends inside this row ({len(fields)} of {ncols} fields, no line break at the "
                            "end): it was cut short, perhaps copied while still being written")}


@contextmanager
def _field_limit(limits: ReadLimits) -> Iterator[None]:
    """Let the csv module read any field a line may hold, so a long field is judged by `_check_cells`
    (the same message on line 2 as on line 60), not by where the csv module happens to be used.

    The csv module's limit is process-wide: it is raised when needed and never lowered.
    """
    needed = max(limits.max_cell_chars, limits.max_line_bytes) + 1
    if csv.field_size_limit() < needed:
        csv.field_size_limit(needed)
    try:
        yield
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # a quoted field spanning many lines
            raise LimitExceeded("max_cell_chars", limits.max_cell_chars, needed,
                                "a field's length in characters (at least)") from None
        raise FileReadError(f"not readable as delimited text: {exc}") from None


def _check_cells(frame: pd.DataFrame, rows: np.ndarray, limits: ReadLimits, sizes: bool = True) -> None:
    """Refuse a table over the cell-count or (when `sizes`) cell-size limit, naming the line and column."""
    check("max_cells", limits.max_cells, frame.shape[0] * frame.shape[1], "rows x columns")
    for j, name in enumerate(frame.columns if sizes else []):
        lengths = frame[name].str.len()
        if len(lengths) and lengths.max() > limits.max_cell_chars:
            at = int(np.asarray(lengths.fillna(0)).argmax())
            check("max_cell_chars", limits.max_cell_chars, int(lengths.max()),
                  f"the length of the field on line {int(rows[at]):,}, column {j + 1}")

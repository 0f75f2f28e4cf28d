"""What a file really is, from its first bytes, for errors that tell the user the fix: an HTML table
or a PDF saved under .xlsx, a workbook renamed .csv."""

from __future__ import annotations

import re
from typing import NamedTuple

#: the first bytes of an OLE2 compound file: an old .xls, or a workbook with a password
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Format(NamedTuple):
    """A format people mistake for a table: its kind and how to say what the file is."""

    kind: str  # zip | pdf | ole2 | gzip | html | json
    what: str


_SIGNATURES: tuple[tuple[bytes, Format], ...] = (
    (b"PK\x03\x04", Format("zip", "a zip package (an .xlsx workbook?)")),
    (b"%PDF", Format("pdf", "a PDF document, not a table")),
    (OLE2, Format("ole2", "an OLE2 file (an old .xls or a password-protected workbook)")),
    (b"\x1f\x8b", Format("gzip", "a gzip archive")),
)
_HTML = Format("html", "an HTML or XML page (a web export named like a spreadsheet)")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<table", b"<?xml", b"<head", b"<body", b"<meta")
_JSON = Format("json", "JSON (an API's or a web app's export: objects, not rows and columns)")
#: a JSON document's start: an object, or an array of objects, whose first key is quoted
_JSON_START = re.compile(rb'^\s*(?:\[\s*)?\{\s*"[^"\n]{1,200}"\s*:')


def sniff_format(head: bytes) -> Format | None:
    """The format `head` (a file's first bytes) begins, or None for anything else."""
    for magic, found in _SIGNATURES:
        if head.startswith(magic):
            return found
    bare = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if bare.lower().startswith(_HTML_STARTS):
        return _HTML
    return _JSON if _JSON_START.match(bare) else None

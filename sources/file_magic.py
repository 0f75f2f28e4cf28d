"""What a file really is, from its first bytes, for errors that tell the user the fix: an HTML table
or a PDF saved under .xlsx, a workbook renamed .csv."""

from __future__ import annotations

#: first bytes -> what the file is and what to do, for the formats people mistake for each other
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip package (an .xlsx workbook?)"),
    (b"%PDF", "a PDF document, not a table"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (an old .xls or a password-protected workbook)"),
    (b"\x1f\x8b", "a gzip archive"),
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<table", b"<?xml", b"<head", b"<body", b"<meta")


def sniff_format(head: bytes) -> str | None:
    """A short description of what `head` (a file's first bytes) begins, or None for anything else."""
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(_HTML_STARTS):
        return "an HTML or XML page (a web export named like a spreadsheet)"
    return None

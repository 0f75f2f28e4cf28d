"""Text from other people's files, cleaned of what no output may carry: terminal escape sequences
and control characters. The one definition, used by the warehouse's generated docs and by every
output reports/safe_text.py writes."""

from __future__ import annotations

import re

#: terminal escape sequences, removed whole: CSI ("\x1b[31m", also its one-byte form \x9b), OSC
#: ("\x1b]0;title\x07", window titles and hyperlinks), and the two-character ESC sequences
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
#: what no output may carry: C0 controls but tab and newline (a superset of openpyxl's
#: ILLEGAL_CHARACTERS_RE), DEL and the C1 controls (terminals act on them), the bidirectional
#: embeddings, overrides and isolates (text that reads other than it is stored), lone surrogates
#: (not encodable) and the non-characters U+FFFE and U+FFFF (not XML)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_NEWLINE = re.compile(r"\r\n?")


def clean_str(text: str) -> str:
    """The text without escape sequences and control characters (tab and newline kept; a carriage
    return becomes a newline): for a whole document, a terminal line or one value."""
    if _CONTROL.search(text) is None:  # no control character: no escape sequence (each starts with
        return text                    # one) and no carriage return either, so nothing to take out
    return _CONTROL.sub("", _ESCAPES.sub("", _NEWLINE.sub("\n", text)))

"""The currency a workbook's number format shows: cells stored as plain numbers and formatted `#,##0.00 [$€-407]`,
`"€"#,##0.00` or `[$USD] #,##0` read as euros or dollars on screen, with no currency in the cell nor a column.

Found in `xl/styles.xml` (the number formats and the cell styles that use them), then the cells of a sheet
that wear such a style, by column (`excel._scan_sheets`, only for workbooks that have one). A "$" alone is
read by the format's locale ("[$$-409]" en-US: USD, "[$$-C09]" en-AU: AUD); without one it names no currency.
"""

from __future__ import annotations

import re

from sources.currency import alternatives, code_of
from sources.workbook_styles import ATTR, cell_styles

_NUM_FMT = re.compile(r"<(?:\w+:)?numFmt\b([^>]*)/?>")
#: "[$€-407]", "[$USD]", "[$£-809]": the currency part of a format and its locale (hex LCID)
_BRACKETED = re.compile(r"\[\$([^\]-]*)(?:-([0-9A-Fa-f]+))?\]")
#: a currency written in quotes ("€"#,##0) or as a bare symbol beside the digits (€#,##0.00)
_QUOTED = re.compile(r'"([^"0-9#]{1,4})"')
_BARE = re.compile(r"[€£¥₹₩₽₺₪₫฿₱₦₴]")
#: the locale (LCID) a "$" of a format is read by
DOLLAR_LOCALES = {"409": "USD", "1009": "CAD", "C09": "AUD", "1409": "NZD", "4809": "SGD", "80A": "MXN",
                  "3C09": "HKD", "2C0A": "ARS", "340A": "CLP", "240A": "COP"}


def format_currency(code: str) -> str | None:
    """The ISO code a number format's currency part names, or None."""
    for token, lcid in _BRACKETED.findall(code):
        token = token.strip()
        if token in alternatives():  # "$": the locale says which
            found = DOLLAR_LOCALES.get(lcid.upper().lstrip("0")) if lcid else None
        else:
            found = code_of(token)
        if found:
            return found
    for token in _QUOTED.findall(code):
        found = code_of(token.strip())
        if found and token.strip() not in alternatives():
            return found
    bare = _BARE.search(re.sub(r'"[^"]*"|\[[^\]]*\]', "", code))
    return code_of(bare.group(0)) if bare else None


def currency_styles(xml: str) -> dict[int, str]:
    """Cell style index (the `s` of a cell) -> the currency its number format shows, for the styles that show one;
    `xml` is the workbook's `xl/styles.xml` (`workbook_styles.styles_xml`)."""
    formats: dict[str, str] = {}
    for tag in _NUM_FMT.findall(xml):
        attrs = dict(ATTR.findall(tag))
        code = format_currency(_unescape(attrs.get("formatCode", "")))
        if code:
            formats[attrs.get("numFmtId", "")] = code
    if not formats:
        return {}
    return {i: code for i, attrs in enumerate(cell_styles(xml)) if (code := formats.get(attrs.get("numFmtId", "")))}


def _unescape(text: str) -> str:
    return text.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")

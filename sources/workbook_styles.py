"""A workbook's cell styles as `xl/styles.xml` declares them: read once per workbook, for what the readers do not
give (the currency a number format shows, `sources.number_formats`; a font that strikes through,
`sources.struck_rows`). A cell's `s` attribute is the index of its style in the list of `cellXfs`."""

from __future__ import annotations

import re
import zipfile

_CELL_XFS = re.compile(r"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.DOTALL)
_XF = re.compile(r"<(?:\w+:)?xf\b([^>]*?)/?>")
ATTR = re.compile(r'([\w:]+)="([^"]*)"')


def styles_xml(zf: zipfile.ZipFile) -> str:
    """The workbook's `xl/styles.xml`, decoded ("" when it has none)."""
    if "xl/styles.xml" not in zf.namelist():
        return ""
    return zf.read("xl/styles.xml").decode("utf-8", "replace")


def cell_styles(xml: str) -> list[dict[str, str]]:
    """The attributes of each cell style (`<xf>` of `<cellXfs>`), in index order: a cell's `s` is its position."""
    xfs = _CELL_XFS.search(xml)
    return [] if xfs is None else [dict(ATTR.findall(tag)) for tag in _XF.findall(xfs.group(1))]

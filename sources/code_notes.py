"""Notes written into a code cell beside the code: "SC-9180001 (renewal)", "SC-9180002 - see email", "Contract:
SC-9180005", "#SC-9180003", "SC-9180004 / PO 7731". The code is read alone, so it joins the same contract or invoice
written bare in other files; a cell whose first word holds no digit ("SC 9180001") is a code written with a space."""

from __future__ import annotations

import re

import pandas as pd

from sources.values import map_unique

#: a label before the code: "Contract:", "Contract No.:", "Vertrag #", "Ref:", "#"
_LABEL = re.compile(r"(?i)^\s*(?:(?:contract|contrato|contrat|contratto|vertrag|vertragsnummer|invoice|rechnung|"
                    r"factura|facture|ref|reference|no|nr|number)\.?\s*(?:no\.?|nr\.?|number|#)?\s*[:#]\s*|#\s*)")
#: a code then a note: brackets, or a dash, slash, comma or semicolon and a space before it
_CODE_NOTE = re.compile(r"^(?P<code>[^\s()]*\d[^\s()]*?)[.,;:]?\s*(?:\(.*\)|\[.*\]|[-–—/,;]\s+.+)$")
#: a code alone (no space), as most cells of a code column are
_BARE = re.compile(r"^[^\s]*\d[^\s]*$")


def _code_of(text: object) -> str | None:
    """The code a cell writes with a label or a note beside it, or None when it writes none so (or only the code)."""
    if not isinstance(text, str):
        return None
    bare = _LABEL.sub("", text).strip()
    m = _CODE_NOTE.match(bare)
    code = m["code"] if m is not None else bare if bare != text.strip() and _BARE.match(bare) else None
    return code if code is not None and len(code) >= 4 and code != text.strip() else None


def annotated_codes(fld: str, col: pd.Series, header: str) -> tuple[pd.Series, list[str]]:
    """`col` with each code written beside a label or a note read alone, where most of the column's cells are bare
    codes (the evidence that a cell's words are no part of its code), and the warning saying how many."""
    codes = map_unique(col.astype(object), _code_of)
    found = codes.notna()
    if not found.any():
        return col, []
    text = col[col.map(lambda v: isinstance(v, str) and bool(v.strip()))].astype(str)
    if text.str.strip().str.match(_BARE.pattern).sum() * 2 < len(text):
        return col, []
    example = col[found].iloc[0]
    beside = "a '#' before" if str(example).lstrip().startswith("#") else "a note or a label beside"
    note = (f"{fld} ('{header}'): {int(found.sum())} value(s) write {beside} the number "
            f"(e.g. {example!r}): the number read alone")
    return col.astype(object).where(~found, codes), [note]

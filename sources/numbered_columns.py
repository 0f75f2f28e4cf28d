"""Serials spread over numbered columns ("Serial 1", "Serial 2", ..., "SN #3", or one header written
again): every such column feeds the row's serial list, so a unit is never dropped for want of a
column of its own (a three-unit line of a wide export used to keep only its first serial)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from sources.headers import normalise_header

#: a header's trailing index: "Serial 2", "Serial #2", "Serial_02", "SN2", "Serial (2)", "Serial-2"
_INDEX = re.compile(r"^(?P<stem>.*?[^\d\s#_.(-])[\s#_.(-]*(?P<n>\d{1,2})\)?$")

#: fields a row may hold several values of, read from every column of one numbered family
LIST_FIELDS = ("serial_numbers",)


def header_stem(header: str) -> tuple[str, int | None]:
    """The header without a trailing index, normalised, and the index (None when it has none)."""
    m = _INDEX.match(header.strip())
    if m is None:
        return normalise_header(header), None
    return normalise_header(m.group("stem")), int(m.group("n"))


def numbered_siblings(heads: Sequence[str], chosen: int, taken: Collection[int]) -> list[int]:
    """The free columns of the chosen column's numbered family: the same header with another index
    (or with one where the chosen has none), or the same header written again."""
    stem, index = header_stem(heads[chosen])
    if not stem:
        return []
    own = normalise_header(heads[chosen])
    out = []
    for i, head in enumerate(heads):
        if i == chosen or i in taken or not head:
            continue
        other, n = header_stem(head)
        if other == stem and (n is not None or index is not None or normalise_header(head) == own):
            out.append(i)
    return out

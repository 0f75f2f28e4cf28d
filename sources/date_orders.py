"""The day/month order a source's files prove, for its files whose dates cannot tell.

One system writes one date format, so a file whose numeric dates all have days of 12 or less (a
weekly export of the 1st to the 7th, or an early-month file) is read in the order the source's
other files proved by their own values, instead of the month-first default. A file's reading
records per date column how its order was decided (`SheetReport.evidence`: `decided_by`); the
ingest keeps the proven order of every stored file and gives each file the majority of the
*other* files' orders, so a file's own earlier reading never confirms itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from sources.dates import PROVEN_BY_VALUES

#: `decided_by` of a column whose order came from outside its table (or from nothing)
LEANING: Final[tuple[str, ...]] = ("default", "earlier files", "decimal comma")


def _date_evidence(sheets: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The evidence of every date column of a file's sheets (`SheetReport.evidence` values)."""
    return [ev for evidence in sheets for ev in evidence.values() if isinstance(ev, Mapping) and "decided_by" in ev]


def file_order(sheets: Iterable[Mapping[str, Any]]) -> str | None:
    """The order a file's date columns proved by their own values ("dmy"/"mdy"), None when they
    proved none or disagree; `sheets` holds each sheet's evidence by field."""
    orders = {ev["order"] for ev in _date_evidence(sheets) if ev["decided_by"] in PROVEN_BY_VALUES}
    return orders.pop() if len(orders) == 1 else None


def leans_on_order(sheets: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a reading decided some column's day/month order by the default or the source's
    other files: read with another source order, it could come out differently."""
    return any(ev["decided_by"] in LEANING and ev.get("either") for ev in _date_evidence(sheets))


@dataclass
class SourceDateOrders:
    """Per source, the order each stored file proved (path -> "dmy"/"mdy")."""

    by_file: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, files: Iterable[tuple[str, str, Iterable[Mapping[str, Any]]]]) -> SourceDateOrders:
        """From (source, path, each sheet's evidence) of the stored files."""
        orders = cls()
        for source, path, sheets in files:
            orders.record(source, path, sheets)
        return orders

    def record(self, source: str, path: str, sheets: Iterable[Mapping[str, Any]]) -> None:
        """What a newly stored reading of `path` proves (replacing its earlier reading's)."""
        files = self.by_file.setdefault(source, {})
        order = file_order(sheets)
        if order is None:
            files.pop(path, None)
        else:
            files[path] = order

    def order_for(self, source: str, path: str) -> str | None:
        """The order most of the source's other files proved; None when none did, or on a tie."""
        votes = Counter(o for p, o in self.by_file.get(source, {}).items() if p != path)
        ranked = votes.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

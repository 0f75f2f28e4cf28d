"""The result of mapping one table's columns: choices with evidence and confidence, what is missing.

Readers turn it into warnings (low confidence, fields not stored yet) or a `needs_mapping`
outcome; `radar validate` shows it per source and prints `suggested_columns_yaml()`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sources.fields import required_columns
from sources.headers import HeaderMatch

LOW_CONFIDENCE = 0.6  # below this a choice is used but reported


@dataclass(frozen=True)
class FieldChoice:
    """The column chosen for one field and why."""

    field: str
    column: int  # 0-based column index
    header: str  # as written ("" for a blank header)
    evidence: str  # columns | synonym | abbreviation | fuzzy | content
    confidence: float  # 0..1
    header_score: float
    content_score: float | None  # None: the field has no content test


@dataclass(frozen=True)
class Candidate:
    """A column that might hold a required field nothing was assigned to."""

    field: str
    column: int
    header: str
    score: float
    taken_by: str | None = None  # the field this column went to, if any


def _label(header: str, column: int) -> str:
    return repr(header) if header else f"(blank header, column {column + 1})"


#: the least score a column another field holds needs to be proposed for a missing required field
TAKEN_MIN_SCORE = 0.3


@dataclass
class ColumnMapping:
    """How one table's columns map onto canonical fields."""

    kind: str
    headers: list[str]
    choices: dict[str, FieldChoice]
    missing: dict[str, list[Candidate]] = field(default_factory=dict)  # "a" or "a or b" -> candidates
    not_stored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # a list field -> its further numbered columns; the service end -> its revision ("New Expiry")
    more: dict[str, list[int]] = field(default_factory=dict)
    given: dict[str, str] = field(default_factory=dict)  # field -> the value the title states for every row

    @property
    def needs_mapping(self) -> bool:
        """A required field has no column: the table cannot be typed until `columns:` names it."""
        return bool(self.missing)

    @property
    def low_confidence(self) -> list[FieldChoice]:
        return [c for c in self.choices.values() if c.evidence != "columns" and c.confidence < LOW_CONFIDENCE]

    def header_match(self) -> HeaderMatch:
        """The mapping as the HeaderMatch the record typer reads."""
        mapping = {c.column: f for f, c in self.choices.items()}
        mapping.update({i: f for f, cols in self.more.items() for i in cols})
        return HeaderMatch(
            mapping=dict(sorted(mapping.items())),
            headers=list(self.headers),
            how={f: c.evidence for f, c in self.choices.items()},
            given=dict(self.given),
        )

    def low_confidence_warnings(self) -> list[str]:
        """The choices used with low confidence, in words."""
        return [
            f"field '{c.field}' taken from column {_label(c.header, c.column)} with low confidence "
            f"{c.confidence:.2f} ({c.evidence}); name it under columns: to be sure"
            for c in self.low_confidence
        ]

    def by_content_alone(self) -> bool:
        """Whether every field was read from its column's values, no header word naming any: a header in a
        language the vocabulary lacks, found by its shape (`sources.headers.likely_header_row`)."""
        return bool(self.choices) and all(c.evidence == "content" for c in self.choices.values())

    def warnings(self) -> list[str]:
        """Every choice a person should check, in words: used, but never silent."""
        if self.by_content_alone():  # every choice is unsure alike: said once, with what was read as what
            read = ", ".join(f"{_label(c.header, c.column)} as {f}" for f, c in self.choices.items())
            out = [f"no header word is known (another language?): the columns were read by their values alone "
                   f"({read}); check them, or name them under columns:"]
        else:
            out = self.low_confidence_warnings()
        out += [
            f"column {_label(self.choices[f].header, self.choices[f].column)} recognised as '{f}', "
            "which the warehouse does not store yet" for f in self.not_stored
        ]
        return out + list(self.notes)

    def message(self) -> str:
        """Why the table needs a mapping: the missing fields, the headers seen, the best candidates."""
        parts = []
        for req, cands in self.missing.items():
            names = " or ".join(repr(r) for r in req.split(" or "))
            best = ", ".join(
                f"{_label(c.header, c.column)} ({c.score:.2f}" + (f", now {c.taken_by})" if c.taken_by else ")")
                for c in cands
            ) or "none"
            parts.append(f"required field {names} has no "
                         + (f"sure column (read by values: {best})" if self.by_content_alone()
                            else f"column (best candidates: {best})"))
        if self.by_content_alone():
            parts.insert(0, "no header word is known (another language?) and the values leave a column in doubt: "
                            "the block below is what they suggest")
        seen = ", ".join(_label(h, i) for i, h in enumerate(self.headers) if h) or "none"
        return "; ".join(parts) + f"; headers seen: {seen}; add to sources.yaml:\n" + self.suggested_columns_yaml()

    def suggested_columns_yaml(self, everything: bool = False) -> str:
        """A ready-to-paste `columns:` block: the missing fields with their best candidate and every
        choice that was not an exact synonym (all choices with `everything`)."""
        lines = ["columns:"]
        for f, c in sorted(self.choices.items(), key=lambda kv: kv[1].column):
            if f in self.missing:  # a required field in doubt is offered once, below
                continue
            if everything or c.evidence not in ("synonym",) or c.confidence < LOW_CONFIDENCE:
                if not c.header:
                    lines.append(f"  # {f}: column {c.column + 1} has no header; give it one to name it here")
                    continue
                why = "" if c.evidence == "columns" else f"  # {c.evidence}, confidence {c.confidence:.2f}"
                lines.append(f"  {f}: {json.dumps(c.header, ensure_ascii=False)}{why}")
        required = required_columns(self.kind)
        for req, cands in self.missing.items():
            options = req.split(" or ")
            # a column another field holds is named only when no free one is left, and never one another required
            # field needs ("End Customer Name" is the customer's: the reseller is elsewhere, a group heading?)
            best = next((c for c in cands if c.header and c.taken_by is None), None) or next(
                (c for c in cands if c.header and c.taken_by not in required and c.score >= TAKEN_MIN_SCORE), None)
            if best is None:
                lines.append(f"  # {options[0]}: \"<header>\"  # required: no free column looks like it (those that "
                             "might are other required fields')")
            else:
                taken = f", now read as {best.taken_by}" if best.taken_by else ""
                lines.append(f"  {best.field}: {json.dumps(best.header, ensure_ascii=False)}"
                             f"  # required; best candidate ({best.score:.2f}{taken}), check it")
        return "\n".join(lines) if len(lines) > 1 else "columns: {}"

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (for ingested_files.sheets and `radar validate`)."""
        return {
            "fields": {
                f: {"column": c.header, "index": c.column, "evidence": c.evidence, "confidence": c.confidence}
                for f, c in self.choices.items()
            },
            "missing": {
                req: [{"column": c.header, "index": c.column, "field": c.field, "score": c.score} for c in cands]
                for req, cands in self.missing.items()
            },
        } | ({"given": dict(self.given)} if self.given else {}) | ({"more": {
            f: [{"column": self.headers[i], "index": i} for i in cols] for f, cols in self.more.items()
        }} if self.more else {})

"""A date written as a month alone ("Sep-26", "09/2026", "2026-09", "September 2026", "März 2027"), a quarter
("Q3 2026", "Q3/26", "2026-Q3") or an ISO week ("2026-W14"): a tracker's or a contract export's expiry by
period. Read as the period's first or last day, whichever the field means (a service start or validity
start: the first; an end: the last).

Excel shows a date cell formatted "mmm-yy" as "Sep-26"; a CSV saved from it keeps that text, and the
row would otherwise be quarantined as "not a date". Only forms that name a month and a year and nothing
else are read; a two-digit year is of this century.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

from sources.folding import fold_word
from sources.month_names import ENGLISH_MONTHS, month_words

#: month number then a four-digit year ("09/2026", "9-2026", "09.2026"), and the other way round ("2026-09",
#: "2026/9"); a point only after a two-digit month ("9.2026" and "2026.09" are decimal numbers too)
_NUMBER_YEAR = re.compile(r"^(?:(?P<m>\d{1,2})\s*[/\-]|(?P<mm>\d{2})\.)\s*(?P<y>\d{4})$")
_YEAR_NUMBER = re.compile(r"^(?P<y>\d{4})\s*[/\-]\s*(?P<m>\d{1,2})$")
#: a month's name then a year ("Sep-26", "Sept. 2026", "September 2026", "Sep '26"), and the other way round
_NAME_YEAR = re.compile(
    r"^(?P<name>[^\W\d_]+)\.?\s*[\s\-/']\s*'?(?P<y>\d{4}|\d{2})$|^(?P<name2>[^\W\d_]+)\.?(?P<y2>\d{4})$")
_YEAR_NAME = re.compile(r"^(?P<y>\d{4})\s*[\s\-/]\s*(?P<name>[^\W\d_]+)\.?$")
#: English month names and their three- and four-letter abbreviations
_ENGLISH: Final[dict[str, int]] = {
    **{name.casefold(): i for i, name in enumerate(ENGLISH_MONTHS, start=1)},
    **{name[:3].casefold(): i for i, name in enumerate(ENGLISH_MONTHS, start=1)},
    "sept": 9,
}


def _month_number(name: str) -> int | None:
    word = fold_word(name)
    return _ENGLISH.get(name.casefold()) or _ENGLISH.get(word) or month_words().get(name.casefold()) or \
        month_words().get(word)


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def month_of(value: object) -> tuple[int, int] | None:
    """(year, month) of a text that names a month and a year and nothing else; None otherwise."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not 4 <= len(text) <= 20:
        return None
    for rx in (_NUMBER_YEAR, _YEAR_NUMBER):
        if (m := rx.match(text)) and 1 <= (month := int(m.groupdict().get("m") or m["mm"])) <= 12:
            return int(m["y"]), month
    m = _NAME_YEAR.match(text) or _YEAR_NAME.match(text)
    if m is None:
        return None
    groups = m.groupdict()
    name, year = groups.get("name") or groups.get("name2"), groups.get("y") or groups.get("y2")
    named = _month_number(name) if name else None
    return (_year(year), named) if named and year else None


def month_day(year_month: tuple[int, int], last: bool) -> dt.date:
    """The month's first day, or its last (`last`)."""
    year, month = year_month
    return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1)


#: a quarter and its year ("Q3 2026", "Q3/26", "Q3-2026", "Q3'26", "2026 Q3", "2026-Q3", "3Q26", "3Q 2026")
_QUARTER = re.compile(r"^(?:q(?P<q>[1-4])\s*[\s/\-'.]?\s*'?(?P<y>\d{4}|\d{2})"
                      r"|(?P<y2>\d{4})\s*[\s/\-]?\s*q(?P<q2>[1-4])"
                      r"|(?P<q3>[1-4])\s*q\s*[\s/\-']?\s*'?(?P<y3>\d{4}|\d{2}))$")
#: "end of March 2026", "EOM Mar-26", "Ende März 2027", "fin de mars 2026", "fine marzo 2026": the month's last day
_END_OF = re.compile(r"(?i)^\s*(?:end\s+of|end|eom|ende|fin\s+de|fin|fine|einde)\s+(?P<rest>\S.*)$")
#: an ISO week ("2026-W14", "2026W14", "W14 2026", "KW 14/2026": the German Kalenderwoche)
_WEEK = re.compile(r"^(?:(?P<y>\d{4})\s*-?\s*w(?P<w>\d{1,2})|(?:w|kw)\s*(?P<w2>\d{1,2})\s*[\s/\-]\s*(?P<y2>\d{4}))$")


def period_of(value: object) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of a text naming a month (`month_of`), a calendar quarter or an ISO week and a
    year and nothing else; None otherwise. A fiscal quarter ("FY27 Q1") is not read: fiscal years differ."""
    if (month := month_of(value)) is not None:
        return month_day(month, False), month_day(month, True)
    if isinstance(value, str) and (m := _END_OF.match(value)) and (month := month_of(m["rest"])) is not None:
        return month_day(month, True), month_day(month, True)  # "end of March 2026": its last day, either way
    if not isinstance(value, str) or not 4 <= len(text := " ".join(value.split()).casefold()) <= 20:
        return None
    if m := _QUARTER.match(text):
        quarter, year = int(m["q"] or m["q2"] or m["q3"]), _year(m["y"] or m["y2"] or m["y3"])
        return month_day((year, 3 * quarter - 2), False), month_day((year, 3 * quarter), True)
    if m := _WEEK.match(text):
        year, week = int(m["y"] or m["y2"]), int(m["w"] or m["w2"])
        try:
            return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
        except ValueError:  # no such week (week 53 of a 52-week year, week 0)
            return None
    return None

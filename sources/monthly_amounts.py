"""An amount column whose header says it is monthly ("Monthly Fee", "Monthly Total", "MRC", "Betrag pro Monat",
"Mensualité") on lines with a service period: each line's amount is its month's charge, and the line is worth that
times the months it covers. Read as written, a year's contract is valued at a twelfth of what it is worth.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

#: a header saying its amounts are a month's charge
MONTHLY = re.compile(
    r"(?i)/\s*(?:month|mo|mon|monat|mois|mes|mese)(?![^\W\d_])|(?<![^\W\d_])(?:monthly|per\s+month|a\s+month"
    r"|p\.\s?m\.|mrc|monatlich|monatliche[nrs]?|pro\s+monat|je\s+monat|mensuel(?:le)?|mensualit[ée]|par\s+mois"
    r"|mensual(?:idad)?|por\s+mes|mensile|al\s+mese|maandelijks|per\s+maand|månatlig|månedlig|miesięczn\w*"
    r"|mensalidade|mensal|por\s+mês)(?![^\W\d_])")
#: a month's length in days, on average
_MONTH_DAYS = 30.4375


def covered_months(start: pd.Series, end: pd.Series) -> pd.Series:
    """The whole months each line's service period covers, its end day included (NaN where either is missing)."""
    def days(a: object, b: object) -> float:
        if isinstance(a, dt.date) and isinstance(b, dt.date):
            return float((b - a).days + 1)
        return float("nan")

    spans = np.array([days(a, b) for a, b in zip(start, end, strict=True)], dtype="float64")
    months = np.round(spans / _MONTH_DAYS)
    return pd.Series(np.where(months >= 1, months, np.nan), index=start.index)

"""Contract-number normalisation: one key per contract however a system writes it.

"SC-1234567", "sc1234567", "SC1234567" and "1234567" are one contract: the key is the number
upper-cased without separators, and a short letter prefix in front of five or more digits is
dropped (systems disagree on the prefix far more often than on the digits).
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from matching.text import as_text, blank_to_null, on_unique

#: letters in front of the digits that systems add or drop ("SC-", "CON", "AGR")
CONTRACT_PREFIX: Final[str] = "^[A-Z]{1,4}([0-9]{5,}[0-9A-Z]*)$"


def normalise_contract_numbers(raw: pd.Series) -> pd.Series:
    """Contract keys (object Series aligned with `raw`; blank -> None)."""

    def _distinct(u: pd.Series) -> pd.Series:
        s = u.str.upper().str.replace("[^0-9A-Z]", "", regex=True)
        return blank_to_null(s.str.replace(CONTRACT_PREFIX, r"\1", regex=True))

    return on_unique(as_text(raw), _distinct)

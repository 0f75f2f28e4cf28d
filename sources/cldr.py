"""One locale's own CLDR data, read from babel's packaged file without what it inherits.

Read directly rather than through `babel.localedata.load(name, merge_inherited=False)`: babel caches
a locale's data by name alone, so every later `Locale.parse(name)` in the process would get the
unmerged data. Callers cache what they keep (a few locales' currency symbols, not all 1,100 files).
"""

from __future__ import annotations

import pickle


def own_locale_data(name: str) -> dict:
    """The CLDR data file of locale `name` ("en", "sr_Latn"), as babel itself unpickles it."""
    from babel.localedata import resolve_locale_filename

    with open(resolve_locale_filename(name), "rb") as f:
        return pickle.load(f)  # noqa: S301 - babel's own packaged data, as babel itself reads it

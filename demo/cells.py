"""Row specs whose cells are set one at a time (broken rows, registration plants)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd


@contextmanager
def cells_settable(frames: dict[str, pd.DataFrame]) -> Iterator[None]:
    """Hold the frames' text columns as plain objects meanwhile, then as they were: setting one cell
    of an Arrow-backed column (pandas 3's strings) copies the whole column, so a 10M-row world's
    tens of thousands of set cells took hours. The frames are replaced in `frames`."""
    text = {name: {c: t for c, t in df.dtypes.items() if isinstance(t, pd.StringDtype)}
            for name, df in frames.items()}
    for name, dtypes in text.items():
        if dtypes:
            frames[name] = frames[name].astype(dict.fromkeys(dtypes, object))
    try:
        yield
    finally:
        for name, dtypes in text.items():
            if dtypes:
                frames[name] = frames[name].astype(dtypes)

"""Characters no reader sees, as a copy from a web page, a PDF or a right-to-left sheet leaves them in a cell: one
definition for the cells (`sources.values`) and the currency symbols (`sources.currency`) alike."""

from __future__ import annotations

import re

#: characters no reader sees that a copy from a web page or a PDF leaves in a cell: zero-width space, soft
#: hyphen, word joiner, byte order mark, direction marks and embeddings
_INVISIBLE = re.compile("[\u00ad\u180e\u200b\u200e\u200f\u2060-\u2064\u206a-\u206f\ufeff\u061c"
                        "\u202a-\u202e\u2066-\u2069]")
#: the joiners, which shape a word in Indic and Arabic scripts (kept in names) but never stand in a code
_JOINERS = re.compile("[\u200c\u200d]")


def without_invisible(text: str, *, code: bool = False) -> str:
    """`text` without the characters no reader sees (the joiners too in a `code`)."""
    text = _INVISIBLE.sub("", text)
    return _JOINERS.sub("", text) if code else text

"""A customer name that carries the channel it was bought through, as reps write it in a tracker:
"Stonnebridge Furniture (via Corelink)", "Acme Corp [via Bechtle]", "Acme Corp (über Bechtle)". The reseller is no
part of the customer's name - matching would read "Acme Corp (via Corelink)" as another company than "Acme Corp" -
so the bracketed channel is taken off, and fills the row's reseller where no column gives one. Only the bracketed
form is read: "via" starts Italian and Spanish street names and company names ("Via Ferrata GmbH")."""

from __future__ import annotations

import re
from collections.abc import MutableMapping

import pandas as pd

#: "<name> (via <reseller>)" and its translations, in round or square brackets
_VIA = re.compile(r"(?i)^(?P<name>.*?[^\W\d_].*?)\s*[(\[]\s*(?:via|through|thru|über|ueber|tramite|por medio de)"
                  r"\s+(?P<channel>[^()\[\]]*?[^\W\d_][^()\[\]]*?)\s*[)\]]\s*$")


def split_channel_names(typed: MutableMapping[str, pd.Series]) -> list[str]:
    """Take the bracketed channel off each customer name of `typed` (in place), filling `reseller_name` where
    the row has none; the note saying so."""
    names = typed.get("customer_name")
    if names is None or not names.notna().any():
        return []
    distinct = {v: m for v in names.dropna().unique() if isinstance(v, str) and ("(" in v or "[" in v)
                if (m := _VIA.match(v)) is not None}
    if not distinct:
        return []
    renamed = names.map({v: m["name"].strip() for v, m in distinct.items()}).astype(object)
    typed["customer_name"] = renamed.where(renamed.notna(), names.astype(object))
    channel = names.map({v: m["channel"].strip() for v, m in distinct.items()}).astype(object)
    channel = channel.where(channel.notna(), None)
    reseller = typed.get("reseller_name")
    typed["reseller_name"] = channel if reseller is None else reseller.where(reseller.notna(), channel)
    example = next(iter(distinct))
    n = int(names.isin(list(distinct)).sum())
    return [f"customer_name: {n} name{'s name' if n > 1 else ' names'} the channel bought through (e.g. {example!r}): "
            "read as the customer and, where no column names one, the reseller"]

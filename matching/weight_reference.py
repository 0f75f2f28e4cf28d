"""Reference m and u of the customer model's levels, measured on the data the prior was set on.

`learning` moves each hand-set weight by how much today's m and u differ from these. Written by
`bench/weight_reference.py`; regenerate it when the model's levels change.
"""

from __future__ import annotations

from typing import Final

#: comparison -> (m per level, u per level)
REFERENCE: Final[dict[str, tuple[tuple[float, ...], tuple[float, ...]]]] = {
    "name": (
        (
            1.34624e-05,
            0.00119987,
            0.00732449,
            0.0621634,
            0.104505,
            0.0511173,
            0.773677,
        ),
        (
            0.976525,
            0.014423,
            0.00548115,
            0.00081017,
            0.00043009,
            0.000230048,
            0.00210044,
        ),
    ),
    "street": (
        (
            0.0978987,
            0.00144178,
            0.00576712,
            0.130495,
            0.764397,
        ),
        (
            1,
            0.000651042,
            0.000651042,
            0.000651042,
            0.000651042,
        ),
    ),
    "postal": (
        (
            0.07333,
            0.0212004,
            0.90547,
        ),
        (
            0.980815,
            0.0171863,
            0.0019984,
        ),
    ),
    "city": (
        (
            0.0469757,
            0.000152174,
            0.952872,
        ),
        (
            0.982396,
            0.000141965,
            0.0176036,
        ),
    ),
    "state": (
        (
            0.0617622,
            0.938238,
        ),
        (
            0.96159,
            0.0384097,
        ),
    ),
    "country": (
        (
            0.00344796,
            0.996552,
        ),
        (
            0.248756,
            0.751244,
        ),
    ),
    "phone": (
        (
            0.4767,
            0.0561764,
            0.467123,
        ),
        (
            1,
            0.000651042,
            0.000651042,
        ),
    ),
    "domain": (
        (
            0.324694,
            0.675306,
        ),
        (
            1,
            0.000651042,
        ),
    ),
    "email": (
        (
            0.00194932,
            0.998051,
        ),
        (
            0.5,
            0.5,
        ),
    ),
    "account": (
        (
            0.0964645,
            0.903536,
        ),
        (
            0.998529,
            0.00147113,
        ),
    ),
    "serial": (
        (
            0.62366,
            0.37634,
        ),
        (
            0.998976,
            0.00102427,
        ),
    ),
    "contract": (
        (
            0.67501,
            0.32499,
        ),
        (
            0.998844,
            0.00115594,
        ),
    ),
}

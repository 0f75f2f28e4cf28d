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
            1.31308e-05,
            0.0011998,
            0.00732418,
            0.0621628,
            0.104498,
            0.051087,
            0.773715,
        ),
        (
            0.976405,
            0.0145933,
            0.00536122,
            0.000783511,
            0.000403425,
            0.000153368,
            0.00230052,
        ),
    ),
    "street": (
        (
            0.221114,
            0.00233986,
            0.00467971,
            0.10589,
            0.665977,
        ),
        (
            0.999532,
            0.000467508,
            0.000233754,
            0.000233754,
            0.000233754,
        ),
    ),
    "postal": (
        (
            0.0668079,
            0.0261074,
            0.907085,
        ),
        (
            0.97442,
            0.023217,
            0.00236341,
        ),
    ),
    "city": (
        (
            0.042506,
            4.6832e-05,
            0.957447,
        ),
        (
            0.977306,
            4.80815e-05,
            0.0226945,
        ),
    ),
    "state": (
        (
            0.059298,
            0.940702,
        ),
        (
            0.956678,
            0.0433217,
        ),
    ),
    "country": (
        (
            0.00375253,
            0.996247,
        ),
        (
            0.265093,
            0.734907,
        ),
    ),
    "phone": (
        (
            0.625295,
            0.0264576,
            0.348248,
        ),
        (
            1,
            0.000233754,
            0.000233754,
        ),
    ),
    "domain": (
        (
            0.512329,
            0.487671,
        ),
        (
            1,
            0.000233754,
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
            0.0978173,
            0.902183,
        ),
        (
            0.998911,
            0.00108906,
        ),
    ),
    "serial": (
        (
            0.623649,
            0.376351,
        ),
        (
            0.998949,
            0.00105074,
        ),
    ),
    "contract": (
        (
            0.675126,
            0.324874,
        ),
        (
            0.999067,
            0.000933231,
        ),
    ),
}

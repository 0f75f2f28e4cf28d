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
            0.000114761,
            0.373951,
            0.185191,
            0.0855882,
            0.0490457,
            0.0205363,
            0.285573,
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
            0.912514,
            0.000262817,
            0.000525634,
            0.0118937,
            0.0748038,
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
            0.780722,
            0.0287821,
            0.190496,
        ),
        (
            0.97442,
            0.023217,
            0.00236341,
        ),
    ),
    "city": (
        (
            0.747784,
            1.01367e-05,
            0.252206,
        ),
        (
            0.977306,
            4.80815e-05,
            0.0226945,
        ),
    ),
    "state": (
        (
            0.755065,
            0.244935,
        ),
        (
            0.956678,
            0.0433217,
        ),
    ),
    "country": (
        (
            0.028876,
            0.971124,
        ),
        (
            0.265093,
            0.734907,
        ),
    ),
    "phone": (
        (
            0.957676,
            0.00320828,
            0.0391158,
        ),
        (
            1,
            0.000233754,
            0.000233754,
        ),
    ),
    "domain": (
        (
            0.945224,
            0.0547761,
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
            0.819965,
            0.180035,
        ),
        (
            0.998911,
            0.00108906,
        ),
    ),
    "serial": (
        (
            0.862821,
            0.137179,
        ),
        (
            0.998949,
            0.00105074,
        ),
    ),
    "contract": (
        (
            0.877809,
            0.122191,
        ),
        (
            0.999067,
            0.000933231,
        ),
    ),
}

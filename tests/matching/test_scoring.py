"""Match probabilities of weights: the same bits whatever NumPy version or CPU computes them."""

from __future__ import annotations

import math

import numpy as np

from matching.scoring import probability


def test_probability_is_the_c_librarys_exp2_bit_for_bit() -> None:
    # weights of a 100k night's review queue whose probability NumPy 2.4's AVX-512 exp2 put one unit in
    # the last place away from NumPy 1.26's (0.03114032861765743 against ...7424)
    weights = np.array([-4.9594316482543945, -4.084962368011475, -2.9594316482543945, 0.0, 7.25, -4.9594316482543945])
    got = probability(weights)
    assert got.tolist() == [1.0 / (1.0 + math.exp2(-w)) for w in weights.tolist()]
    assert got[3] == 0.5 and got[0] == got[5]


def test_probability_keeps_the_shape_and_the_extremes() -> None:
    weights = np.array([[-5000.0, 5000.0], [1.0, -1.0]], dtype=np.float32)
    got = probability(weights)
    assert got.shape == (2, 2) and got.dtype == np.float64
    assert got[0, 0] < 1e-300 and got[0, 1] == 1.0
    assert math.isclose(got[1, 0] + got[1, 1], 1.0)
    assert probability(np.array([], dtype=np.float64)).shape == (0,)

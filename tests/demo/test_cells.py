"""demo.cells: cells set one at a time on text columns keep the columns' dtypes and every value set."""

import pandas as pd

from demo.cells import cells_settable


def test_cells_set_meanwhile_are_kept_and_the_text_columns_get_their_dtype_back() -> None:
    frame = pd.DataFrame({"name": pd.Series(["a", "b", "c"], dtype="string"), "n": [1, 2, 3],
                          "note": pd.Series(["x", None, "z"], dtype="string")})
    frames = {"src": frame}
    with cells_settable(frames):
        df = frames["src"]
        assert df["name"].dtype == object  # a cell set here does not copy the column
        df.at[1, "name"] = "B"
        df.at[2, "note"] = None
        df.at[0, "n"] = 7
    out = frames["src"]
    assert out.dtypes.to_dict() == frame.dtypes.to_dict()
    assert out["name"].tolist() == ["a", "B", "c"] and out["n"].tolist() == [7, 2, 3]
    assert out["note"].isna().tolist() == [False, True, True]
    assert frame["name"].tolist() == ["a", "b", "c"]  # the frame given is not changed: the dict holds the new one

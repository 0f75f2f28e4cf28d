"""The former pandas `matching.review.weakest_links`, kept verbatim as the reference the sorted-key one
is tested against (tests/matching/test_review_queue.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import minimum_spanning_tree


def reference_weakest_links(pairs: pd.DataFrame, entity: pd.Series) -> pd.Series:
    """Per entity, the index (into `pairs`) of the weakest edge of its maximum spanning tree.

    `pairs` are scored pairs inside one entity (left_record_id, right_record_id, strength); the
    edge returned is the link that, cut, lets the entity fall apart first.
    """
    if pairs.empty:
        return pd.Series(dtype=np.int64)
    codes, _ = pd.factorize(pd.concat([pairs["left_record_id"], pairs["right_record_id"]], ignore_index=True))
    n_pairs = len(pairs)
    a, b = codes[:n_pairs], codes[n_pairs:]
    edges = pd.DataFrame({"lo": np.minimum(a, b), "hi": np.maximum(a, b),
                          "strength": pairs["strength"].to_numpy(np.float64), "row": pairs.index.to_numpy()})
    edges = edges[edges["lo"] != edges["hi"]].sort_values("strength", ascending=False, kind="stable")
    edges = edges.drop_duplicates(["lo", "hi"])
    n = int(codes.max()) + 1
    cost = edges["strength"].max() + 1.0 - edges["strength"].to_numpy()  # > 0: the maximum tree
    tree = minimum_spanning_tree(coo_matrix((cost, (edges["lo"], edges["hi"])), shape=(n, n)).tocsr()).tocoo()
    chosen = pd.DataFrame({"lo": np.minimum(tree.row, tree.col), "hi": np.maximum(tree.row, tree.col)})
    chosen = chosen.merge(edges, on=["lo", "hi"])
    chosen["entity"] = pairs.loc[chosen["row"], "left_record_id"].map(entity).to_numpy()
    weakest = chosen.sort_values(["strength", "row"], kind="stable").drop_duplicates("entity")
    return weakest.set_index("entity")["row"]

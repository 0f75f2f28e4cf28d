import pandas as pd

from warehouse.renewal_matching import choose_renewals, renewal_weights


def _pairs(rows: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    """(prior, next, strength, gap_days) -> candidates with their weights."""
    frame = pd.DataFrame(rows, columns=["prior_id", "next_id", "strength", "gap_days"])
    frame["weight"] = renewal_weights(frame["strength"], pd.Series(False, index=frame.index),
                                      pd.Series(0, index=frame.index), frame["gap_days"])
    return frame


def _links(frame: pd.DataFrame) -> list[tuple[str, str]]:
    links = choose_renewals(frame)
    return sorted(zip(links["prior_id"], links["next_id"], strict=True))


def test_each_contract_renews_and_is_renewed_once() -> None:
    links = _links(_pairs([("A", "X", 2, 5), ("A", "Y", 2, 9), ("B", "X", 2, 7), ("C", "Y", 2, 3)]))
    # A -> X (5 days) beats B -> X (7 days); C takes Y
    assert links == [("A", "X"), ("C", "Y")]


def test_no_contract_is_stranded_by_a_slightly_better_pair() -> None:
    # B -> X is the shortest gap, but A can only be renewed by X: taking it first would strand A
    links = _links(_pairs([("A", "X", 1, 42), ("B", "X", 1, 19), ("B", "Y", 1, 22)]))
    assert links == [("A", "X"), ("B", "Y")]


def test_a_stronger_link_is_never_traded_for_two_weaker_ones() -> None:
    # A -> X share a serial (strength 3); giving X to B and Y to A would link two weak pairs instead
    links = _links(_pairs([("A", "X", 3, 10), ("A", "Y", 1, 5), ("B", "X", 1, 5)]))
    assert links == [("A", "X")]


def test_among_equal_strengths_the_shorter_gap_wins() -> None:
    assert _links(_pairs([("A", "X", 2, 30), ("A", "Y", 2, 4)])) == [("A", "Y")]


def test_no_candidates_no_links() -> None:
    assert choose_renewals(_pairs([])).empty

"""The soak's figures: several soaks pooled into one set, rendered as docs/reliability.md shows them
(its yardstick, the table comparison, is tested in tests/warehouse/test_table_compare.py)."""



from bench.soak import combine, figures_markdown


def _part(seed: int, kills: list[tuple[str, bool, int]], pairs: list[list[int]]) -> dict:
    return {"home": f"/tmp/soak-{seed}/home", "seed": seed, "scale": 0.1, "wall_seconds": 60,
            "kills": [{"stage": stage, "finished_before_kill": False, "intact": True, "differs": [] if same else ["t"],
                       "rows_lost": lost, "next_run_exit": 0, "next_run_identical": True}
                      for stage, same, lost in kills],
            "pairs": [{"exit_codes": codes, "exactly_one_writer": sorted(codes) == [0, 75],
                       "loser_named_holder": 75 in codes, "rows_lost": 0} for codes in pairs]}


def test_soaks_of_several_sessions_pool_into_one_set_of_figures() -> None:
    pooled = combine([_part(10, [("customers", True, 0), ("startup", True, 0)], [[0, 75]]),
                      _part(11, [("customers", False, 2)], [[75, 0], [0, 0]])])
    s = pooled["summary"]
    assert (s["trials"], s["kills"], s["kills_by_stage"]) == (3, 3, {"customers": 2, "startup": 1})
    assert (s["warehouse_intact_and_identical"], s["rows_lost"]) == (2, 2)
    assert (s["pairs"], s["pairs_exactly_one_writer"]) == (3, 2)
    assert [p["seed"] for p in pooled["parts"]] == [10, 11]
    assert "| rows lost | 2 |" in figures_markdown(pooled)

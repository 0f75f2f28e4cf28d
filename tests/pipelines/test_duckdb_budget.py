"""`warehouse: memory_limit:` holds every DuckDB connection of the night to the home's budget: the
build, the ingest store, and what they spill goes to HOME/.radar/spill."""

from pathlib import Path

from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox, stage_source_records


def _settings(con) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return con.execute("SELECT current_setting('memory_limit'), current_setting('temp_directory')").fetchone()


def test_the_nights_connections_keep_the_homes_memory_limit(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox/a.csv").write_text(
        "Invoice Date,Reseller,End User,SKU\n2026-01-02,Acme Resale,Customer One,SRV-1\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - name: ingram\n    kind: distributor\n    path: inbox/*.csv\n"
        "warehouse:\n  memory_limit: 300MiB\n", encoding="utf-8")
    run = RunContext.load(tmp_path)
    assert [r.status for r in ingest_inbox(run)] == ["loaded"]
    stage_source_records(run)
    with run.building() as con:
        limit, temp = _settings(con)
        assert con.execute("SELECT count(*) FROM source_records").fetchone() == (1,)
    assert limit in ("300.0 MiB", "314.5 MB")
    assert Path(temp) == tmp_path.resolve() / ".radar" / "spill"
    blocking = run.duckdb_budget.connect()
    try:
        assert _settings(blocking)[0] == limit
    finally:
        blocking.close()

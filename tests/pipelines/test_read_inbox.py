"""The read_inbox job end to end: each new inbox file is a Dagster dynamic partition read in its own
step process, and the warehouse the nightly ingest publishes from those readings is the one a plain
run gives."""

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from dagster import AssetKey, DagsterEventType, DagsterInstance, EventRecordsFilter

from pipelines.cli.run import execute_nightly
from pipelines.instance import prepare_instance
from pipelines.read_inbox import INBOX_FILES, mapping_key, partition_key
from tests.pipelines.test_review_queue_e2e import ACCOUNTS, CONTRACTS, SALES, SOURCES_YAML, _csv
from tests.pipelines.warehouse_query import query

FILES = ["inbox/crm/accounts.csv", "inbox/crm/contracts.csv", "inbox/dist/sales_2025a.csv",
         "inbox/dist/sales_2025b.csv"]
#: tables compared between the two homes (the columns that name a run or a moment left out)
TABLES = ("source_records", "quarantine", "customers", "customer_sources", "renewal_opportunities")


def _home(root: Path) -> Path:
    home = root / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    _csv(home / FILES[0], ACCOUNTS)
    _csv(home / FILES[1], CONTRACTS)
    _csv(home / FILES[2], SALES[:3])
    _csv(home / FILES[3], [SALES[0], SALES[3]])
    return home


def _table(home: Path, table: str) -> pd.DataFrame:
    columns = query(home, f"SELECT * FROM {table} LIMIT 0").columns
    volatile = [c for c in columns if c.endswith(("run_id", "_at")) or c == "run_date"]
    exclude = f" EXCLUDE ({', '.join(volatile)})" if volatile else ""
    return query(home, f"SELECT *{exclude} FROM {table} ORDER BY ALL")


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same inbox run plainly and with the read_inbox partitions first."""
    plain = _home(tmp_path_factory.mktemp("plain"))
    partitioned = tmp_path_factory.mktemp("partitioned") / "home"
    shutil.copytree(plain, partitioned)
    assert execute_nightly(plain, quiet=True, partitioned=False).ok
    assert execute_nightly(partitioned, quiet=True, partitioned=True).ok
    return plain, partitioned


def test_each_new_file_is_a_partition_read_in_a_step_process_of_its_own(homes: tuple[Path, Path]) -> None:
    _, home = homes
    with DagsterInstance.from_config(str(prepare_instance(home))) as instance:
        assert sorted(instance.get_dynamic_partitions(INBOX_FILES.name)) == sorted(FILES)
        records = instance.get_event_records(EventRecordsFilter(
            DagsterEventType.ASSET_MATERIALIZATION, asset_key=AssetKey("inbox_file_readings")))
        by_partition = {r.partition_key: r.asset_materialization.metadata for r in records}
        runs = {r.run_id for r in records}
        assert len(runs) == 1 and instance.get_run_by_id(runs.pop()).job_name == "read_inbox"
    assert set(by_partition) == set(FILES)
    assert {m["status"].value for m in by_partition.values()} == {"loaded"}
    pids = {m["process_id"].value for m in by_partition.values()}
    assert os.getpid() not in pids  # read under the multiprocess executor, not in this process
    assert not list((home / ".radar" / "spool").glob("*.reading"))  # the ingest took every reading


def test_the_ingest_took_the_spooled_readings(homes: tuple[Path, Path]) -> None:
    _, home = homes
    log = max((home / ".radar" / "logs").glob("run-*.log")).read_text(encoding="utf-8")
    assert "4 of 4 files taken as the read_inbox partitions read them" in log


@pytest.mark.parametrize("table", TABLES)
def test_the_warehouse_is_the_one_a_plain_run_gives(homes: tuple[Path, Path], table: str) -> None:
    plain, partitioned = homes
    expected = _table(plain, table)
    assert len(expected) or table == "quarantine"
    pd.testing.assert_frame_equal(_table(partitioned, table), expected)


def test_partition_and_step_keys_are_what_dagster_accepts() -> None:
    assert partition_key("inbox/dist/sales.csv") == "inbox/dist/sales.csv"
    odd = partition_key("inbox/dist/sales...2025.csv")
    assert "..." not in odd and odd.startswith("inbox/dist/sales_2025.csv#")
    assert odd != partition_key("inbox/dist/sales_2025.csv")
    assert mapping_key(3, "inbox/dist/Ventes été (2025).csv") == "f00003_inbox_dist_Ventes__t___2025__csv"


def test_a_night_with_no_new_file_starts_no_read_inbox_run(homes: tuple[Path, Path]) -> None:
    _, home = homes  # runs last: the other tests read the first night's runs
    report = execute_nightly(home, quiet=True, partitioned=True)
    assert report.ok
    assert "Dagster partitions: no new file" in report.log_path.read_text(encoding="utf-8")
    with DagsterInstance.from_config(str(prepare_instance(home))) as instance:
        assert [r.job_name for r in instance.get_runs()].count("read_inbox") == 1

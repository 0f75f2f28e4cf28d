"""Files that leave the inbox are `missing` with their rows kept; `radar retract` takes rows out,
`retract_missing: true` does it at once, and a file delivered again comes back (real CSV files)."""

import os
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox

POS = "Invoice Date,Reseller,End User,SKU\n2026-01-05,Acme Resale,Globex Corp,SRV-1\n2026-01-06,Acme Resale,Initech,SRV-2\n"
BAD = POS + "not a date,Acme Resale,Umbrella,SRV-3\n"
SOURCES = """\
sources:
  - name: ingram
    kind: distributor
    path: {ingram}
{extra}  - name: techdata
    kind: distributor
    path: inbox/td/*.csv
"""


def _home(tmp_path: Path, ingram: str = "inbox/ingram/*.csv", extra: str = "", techdata: bool = True) -> Path:
    text = SOURCES.format(ingram=ingram, extra=extra)
    if not techdata:
        text = text.split("  - name: techdata")[0]
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _deliver(home: Path, rel: str, text: str = POS, mtime: float | None = None) -> Path:
    path = home / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def _store(home: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(home / ".radar" / "ingest.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _status(home: Path, path: str) -> list[str]:
    return [s for (s,) in _store(home, f"SELECT status FROM ingested_files WHERE path = '{path}' "
                                       "AND status <> 'superseded' ORDER BY status")]


def _rows(home: Path, path: str) -> int:
    return _store(home, f"SELECT count(*) FROM source_records WHERE source_file = '{path}'")[0][0]


def _ingest(home: Path) -> dict[str, tuple[str, str]]:
    return {r.path: (r.action, r.status) for r in ingest_inbox(RunContext.load(home))}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    _home(tmp_path)
    _deliver(tmp_path, "inbox/ingram/jan.csv")
    _deliver(tmp_path, "inbox/td/feb.csv", POS.replace("Globex", "Hooli"))
    assert _ingest(tmp_path) == {"inbox/ingram/jan.csv": ("read", "loaded"), "inbox/td/feb.csv": ("read", "loaded")}
    return tmp_path


def test_a_deleted_file_is_missing_and_keeps_its_rows_on_every_run(home: Path) -> None:
    (home / "inbox/ingram/jan.csv").unlink()
    got = _ingest(home)
    assert got["inbox/ingram/jan.csv"] == ("absent", "missing")
    assert _status(home, "inbox/ingram/jan.csv") == ["missing"]
    assert _rows(home, "inbox/ingram/jan.csv") == 2
    note, held, since = _store(home, "SELECT status_note, held_status, missing_since FROM ingested_files "
                                     "WHERE path = 'inbox/ingram/jan.csv' AND status = 'missing'")[0]
    assert note == "no longer in the inbox" and held == "loaded" and since is not None
    again = ingest_inbox(RunContext.load(home))  # said again on the next run, still kept
    assert [(r.path, r.status) for r in again if r.action == "absent"] == [("inbox/ingram/jan.csv", "missing")]
    assert _rows(home, "inbox/ingram/jan.csv") == 2


def test_a_missing_file_that_comes_back_is_restored_without_a_read(home: Path) -> None:
    before = (home / "inbox/ingram/jan.csv").stat().st_mtime
    (home / "inbox/ingram/jan.csv").rename(home / "jan.keep")
    _ingest(home)
    (home / "jan.keep").rename(home / "inbox/ingram/jan.csv")
    assert (home / "inbox/ingram/jan.csv").stat().st_mtime == before
    assert _ingest(home)["inbox/ingram/jan.csv"] == ("skip", "unchanged")
    assert _status(home, "inbox/ingram/jan.csv") == ["loaded"]
    assert _rows(home, "inbox/ingram/jan.csv") == 2


def test_a_removed_source_leaves_its_files_missing(home: Path) -> None:
    _home(home, techdata=False)
    got = _ingest(home)
    assert got["inbox/td/feb.csv"] == ("absent", "missing")
    assert _store(home, "SELECT status_note FROM ingested_files WHERE status = 'missing'") == [
        ("source 'techdata' is no longer in sources.yaml",)]
    assert _rows(home, "inbox/td/feb.csv") == 2


def test_a_glob_that_no_longer_matches_leaves_the_file_missing(home: Path) -> None:
    _home(home, ingram="inbox/ingram/*.xlsx")
    assert _ingest(home)["inbox/ingram/jan.csv"] == ("absent", "missing")
    assert _store(home, "SELECT status_note FROM ingested_files WHERE status = 'missing'") == [
        ("no longer matched by source 'ingram' (path: inbox/ingram/*.xlsx)",)]
    assert _rows(home, "inbox/ingram/jan.csv") == 2


def test_retract_missing_retracts_at_once(home: Path) -> None:
    _home(home, extra="    retract_missing: true\n")
    assert _ingest(home)["inbox/ingram/jan.csv"] == ("skip", "unchanged")  # the option changes no fingerprint
    (home / "inbox/ingram/jan.csv").unlink()
    assert _ingest(home)["inbox/ingram/jan.csv"] == ("absent", "retracted")
    assert _status(home, "inbox/ingram/jan.csv") == ["retracted"]
    assert _rows(home, "inbox/ingram/jan.csv") == 0
    note, at, loaded = _store(home, "SELECT status_note, retracted_at, rows_loaded FROM ingested_files "
                                    "WHERE status = 'retracted'")[0]
    assert "retract_missing" in note and at is not None and loaded == 2  # what it held
    _deliver(home, "inbox/ingram/jan.csv")  # delivered again: back
    assert _ingest(home)["inbox/ingram/jan.csv"] == ("read", "loaded")  # a new delivery, not a re-read
    assert _rows(home, "inbox/ingram/jan.csv") == 2


def test_a_moved_file_keeps_one_copy_of_its_rows(home: Path) -> None:
    _home(home, ingram="inbox/ingram/**/*.csv")
    _ingest(home)
    (home / "inbox/ingram/archive").mkdir()
    (home / "inbox/ingram/jan.csv").rename(home / "inbox/ingram/archive/jan.csv")
    _ingest(home)
    assert _rows(home, "inbox/ingram/jan.csv") == 0
    assert _rows(home, "inbox/ingram/archive/jan.csv") == 2
    assert _store(home, "SELECT status_note FROM ingested_files WHERE path = 'inbox/ingram/jan.csv' "
                        "AND status_note IS NOT NULL") == [("moved to inbox/ingram/archive/jan.csv",)]


def test_radar_retract_a_path_then_deliver_it_again(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retract", "--home", str(home), "inbox/ingram/jan.csv"]) == 0
    out = capsys.readouterr().out
    assert "retracted inbox/ingram/jan.csv (source 'ingram'): 2 rows" in out
    assert _status(home, "inbox/ingram/jan.csv") == ["retracted"] and _rows(home, "inbox/ingram/jan.csv") == 0
    assert _ingest(home)["inbox/ingram/jan.csv"] == ("skip", "unchanged")  # left as it was: stays out
    assert _rows(home, "inbox/ingram/jan.csv") == 0
    assert main(["retract", "--home", str(home), str(home / "inbox/ingram/jan.csv")]) == 0  # absolute path
    assert "already retracted" in capsys.readouterr().out
    _deliver(home, "inbox/ingram/jan.csv", mtime=(home / "inbox/ingram/jan.csv").stat().st_mtime + 60)
    assert _ingest(home)["inbox/ingram/jan.csv"][1] == "loaded"  # same bytes, delivered again
    assert _status(home, "inbox/ingram/jan.csv") == ["loaded"] and _rows(home, "inbox/ingram/jan.csv") == 2


def test_radar_retract_a_source_and_its_quarantine(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _deliver(home, "inbox/td/mar.csv", BAD.replace("Globex", "Pied Piper"))
    _ingest(home)
    assert _store(home, "SELECT count(*) FROM quarantine WHERE source = 'techdata'")[0][0] == 1
    assert main(["retract", "--home", str(home), "--source", "techdata"]) == 0
    out = capsys.readouterr().out
    assert "2 files retracted" in out and "1 quarantine rows" in out
    assert _store(home, "SELECT count(*) FROM source_records WHERE source = 'techdata'")[0][0] == 0
    assert _store(home, "SELECT count(*) FROM quarantine WHERE source = 'techdata'")[0][0] == 0
    assert _rows(home, "inbox/ingram/jan.csv") == 2  # the other source is untouched


def test_radar_retract_refuses_unknown_paths_and_sources(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retract", "--home", str(home), "inbox/ingram/jam.csv"]) == 2
    err = capsys.readouterr().err
    assert "no file 'inbox/ingram/jam.csv'" in err and "did you mean inbox/ingram/jan.csv" in err
    assert main(["retract", "--home", str(home), "--source", "nosuch"]) == 2
    assert "unknown source 'nosuch'" in capsys.readouterr().err
    assert main(["retract", "--home", str(home / "elsewhere"), "--source", "ingram"]) == 2
    assert "no ingest store" in capsys.readouterr().err
    assert _rows(home, "inbox/ingram/jan.csv") == 2

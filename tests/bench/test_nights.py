"""bench.nights --cold-only: the cold night alone on a whole inbox, as the points past a million rows are run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from bench.nights import ROOT, _late_file


def test_the_cold_night_alone_reports_its_stages_and_peak(tmp_path: Path) -> None:
    out = tmp_path / "nights.json"
    subprocess.run([sys.executable, "-m", "bench.nights", "--scale", "0.05", "--seed", "3", "--home",
                    str(tmp_path / "home"), "--cold-only", "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    report = json.loads(out.read_text())
    assert list(report["nights"]) == ["cold"] and "late_file" not in report
    cold = report["nights"]["cold"]
    assert report["source_rows"] > 0 and cold["seconds"] > 0 and cold["peak_tree_rss_mib"] > 100
    assert cold["stages"]["Reading the inbox"] > 0 and "Resolving customers" in cold["stages"]
    assert set(cold["stage_peak_mib"]) == set(cold["stages"]) and cold["stage_peak_mib"]["Resolving customers"] > 100
    home = tmp_path / "home"
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        read = {row[0] for row in con.execute("SELECT path FROM ingested_files").fetchall()}
    finally:
        con.close()
    assert any(path.endswith(_late_file(home).name) for path in read)  # the file four nights hold back was read

"""Files people edit by hand, and what operating systems leave in an inbox: `overrides/*.csv` saved by Excel in a
Windows code page were dropped in silence (assignments) or stopped the night (match decisions); a Windows download
mark beside a file ("report.csv:Zone.Identifier") failed every night as a file of an unknown type."""

from __future__ import annotations

from pathlib import Path

from sources.assignment_file import read_assignments
from sources.config import SourceConfig
from sources.inbox import is_ignored, list_inbox, unclaimed_files
from sources.override_files import read_aliases, read_overrides


def test_override_files_saved_in_a_windows_code_page_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "overrides"
    folder.mkdir()
    (folder / "decisions.csv").write_bytes("left,right,decision,note\nCUST-000001,CUST-000002,must_link,Müller GmbH\n"
                                           .encode("cp1252"))
    (folder / "aliases.csv").write_bytes("name,canonical\nBäckerei Groß,Groß Backwaren AG\n".encode("cp1252"))
    (folder / "assignments.csv").write_bytes(
        "customer,new reseller,effective date,note\nBäckerei Groß,Signalpoint,2026-01-01,übernommen\n".encode("cp1252"))
    assert read_overrides(tmp_path)["note"].tolist() == ["Müller GmbH"]
    assert read_aliases(tmp_path)["name"].tolist() == ["Bäckerei Groß"]
    assignments = read_assignments(tmp_path)
    assert len(assignments) == 1 and "cannot be read" not in str(assignments.get("problem", [None])[0])


def test_an_operating_systems_sidecar_files_are_never_read(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox" / "pos"
    inbox.mkdir(parents=True)
    for name in ("report.csv", "report.csv:Zone.Identifier", "Thumbs.db", "desktop.ini", "~$report.xlsx"):
        (inbox / name).write_text("a,b\n1,2\n", encoding="utf-8")
    assert [is_ignored(n) for n in ("report.csv", "report.csv:Zone.Identifier", "Thumbs.db", ".DS_Store")] == [
        False, True, True, True]
    source = SourceConfig(name="pos", kind="distributor", path="inbox/pos/*")
    assert [f.path.name for f in list_inbox(tmp_path, [source])] == ["report.csv"]
    assert unclaimed_files(tmp_path, [SourceConfig(name="pos", kind="distributor", path="inbox/pos/*.xlsx")]) == [
        "inbox/pos/report.csv"]


def test_a_download_in_progress_and_an_editors_backup_are_never_read(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox" / "pos"
    inbox.mkdir(parents=True)
    names = ("report.csv", "report.csv.crdownload", "report.csv.part", "report.csv.bak", "report.csv~",
             "Unconfirmed 123.crdownload")
    for name in names:
        (inbox / name).write_text("a,b\n1,2\n", encoding="utf-8")
    source = SourceConfig(name="pos", kind="distributor", path="inbox/pos/*")
    assert [f.path.name for f in list_inbox(tmp_path, [source])] == ["report.csv"]
    assert not is_ignored("parts.csv") and not is_ignored("backup_2026.csv")

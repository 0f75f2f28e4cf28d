"""Inbox discovery: each source's glob, lock and hidden files ignored, content hashes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from sources.config import SourceConfig
from sources.inbox import discover, outside_links, sha256_of, source_fingerprint, sources_without_files


def _home(tmp_path: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


def _config(*sources: tuple[str, str, str]) -> list[SourceConfig]:
    return [SourceConfig(name=n, kind=k, path=p) for n, k, p in sources]


def test_discover_matches_globs_and_hashes_content(tmp_path: Path) -> None:
    home = _home(tmp_path, {
        "inbox/ingram/2026-03.csv": b"a,b\n1,2\n",
        "inbox/ingram/2026-01.csv": b"a,b\n",
        "inbox/ingram/notes.txt": b"not matched",
        "inbox/reps/alice.xlsx": b"PK fake",
        "inbox/reps/sub/bob.xlsx": b"PK fake 2",
    })
    cfg = _config(("ingram", "distributor", "inbox/ingram/*.csv"), ("reps", "sales_rep", "inbox/reps/**/*.xlsx"))
    found = discover(home, cfg)
    assert [(f.source.name, f.relpath) for f in found] == [
        ("ingram", "inbox/ingram/2026-01.csv"),
        ("ingram", "inbox/ingram/2026-03.csv"),
        ("reps", "inbox/reps/alice.xlsx"),
        ("reps", "inbox/reps/sub/bob.xlsx"),
    ]
    first = found[1]
    assert first.sha256 == hashlib.sha256(b"a,b\n1,2\n").hexdigest()
    assert first.size_bytes == 8
    assert first.path == (home / "inbox/ingram/2026-03.csv").resolve()
    assert first.modified_at == pytest.approx(os.stat(first.path).st_mtime)


def test_lock_and_hidden_files_and_directories_are_ignored(tmp_path: Path) -> None:
    home = _home(tmp_path, {
        "inbox/pos.xlsx": b"1",
        "inbox/~$pos.xlsx": b"excel lock",
        "inbox/.~lock.pos.xlsx#": b"libreoffice lock",
        "inbox/.hidden.xlsx": b"hidden",
        "inbox/folder.xlsx/inner.txt": b"a directory named like a workbook",
    })
    found = discover(home, _config(("s", "distributor", "inbox/*")))
    assert [f.relpath for f in found] == ["inbox/pos.xlsx"]


def test_a_file_matched_twice_belongs_to_the_first_source(tmp_path: Path) -> None:
    home = _home(tmp_path, {"inbox/a.csv": b"1", "inbox/b.csv": b"2"})
    cfg = _config(("first", "distributor", "inbox/a.csv"), ("second", "distributor", "inbox/*.csv"))
    assert [(f.source.name, f.relpath) for f in discover(home, cfg)] == [("first", "inbox/a.csv"), ("second", "inbox/b.csv")]


def test_same_content_under_two_names_is_two_files_with_one_hash(tmp_path: Path) -> None:
    home = _home(tmp_path, {"inbox/a.csv": b"same", "inbox/copy of a.csv": b"same"})
    found = discover(home, _config(("s", "distributor", "inbox/*.csv")))
    assert [f.relpath for f in found] == ["inbox/a.csv", "inbox/copy of a.csv"]
    assert found[0].sha256 == found[1].sha256


def test_copies_sort_after_their_original(tmp_path: Path) -> None:
    # the first of identical files is read, the others become its duplicates: the original
    # must come first even though " " sorts before "."
    home = _home(tmp_path, {
        "inbox/pos_2026-03 (1).csv": b"same", "inbox/pos_2026-03 - Copy.csv": b"same",
        "inbox/pos_2026-03.csv": b"same", "inbox/pos_2026-02.csv": b"other",
    })
    found = discover(home, _config(("s", "distributor", "inbox/*.csv")))
    assert [f.relpath for f in found] == [
        "inbox/pos_2026-02.csv", "inbox/pos_2026-03.csv", "inbox/pos_2026-03 (1).csv", "inbox/pos_2026-03 - Copy.csv",
    ]


def test_symlink_out_of_the_home_is_ignored(tmp_path: Path) -> None:
    home = _home(tmp_path / "home", {"inbox/ok.csv": b"1"})
    outside = tmp_path / "secret.csv"
    outside.write_bytes(b"not yours")
    (home / "inbox" / "link.csv").symlink_to(outside)
    (home / "inbox" / "inside.csv").symlink_to(home / "inbox" / "ok.csv")
    found = discover(home, _config(("s", "distributor", "inbox/*.csv")))
    # the outside link is refused; the in-home link and its target are one file, read once
    # (under its own name: a link is an alias)
    assert [f.relpath for f in found] == ["inbox/ok.csv"]


def test_nothing_matched(tmp_path: Path) -> None:
    assert discover(tmp_path, _config(("s", "distributor", "inbox/*.csv"))) == []


def test_sha256_of_reads_in_chunks(tmp_path: Path) -> None:
    data = os.urandom(3 * (1 << 20) + 17)  # more than one 1 MiB chunk
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    assert sha256_of(path) == hashlib.sha256(data).hexdigest()


def test_source_fingerprint_changes_with_settings_and_reader_version() -> None:
    a = SourceConfig(name="s", kind="distributor", path="inbox/*.csv")
    same = SourceConfig(name="s", kind="distributor", path="inbox/*.csv")
    other = SourceConfig(name="s", kind="distributor", path="inbox/*.csv", date_format="%d/%m/%Y")
    assert source_fingerprint(a, "1") == source_fingerprint(same, "1")
    assert len(source_fingerprint(a, "1")) == 16
    assert source_fingerprint(a, "1") != source_fingerprint(other, "1")
    assert source_fingerprint(a, "1") != source_fingerprint(a, "2")


def test_a_link_in_another_sources_folder_takes_no_file(tmp_path: Path) -> None:
    """A symlink in the first source's folder to a file of the second source: the file is the second
    source's (its glob names it by its own path) and the link is not read; the link used to claim
    it, so the second source's file was read as the first source's and never as its own."""
    home = _home(tmp_path, {"inbox/pos/a.csv": b"1", "inbox/invoices/2021.csv": b"2"})
    (home / "inbox" / "pos" / "link.csv").symlink_to(Path("../invoices/2021.csv"))
    cfg = _config(("pos", "distributor", "inbox/pos/*.csv"), ("invoices", "accounting", "inbox/invoices/*.csv"))
    assert [(f.source.name, f.relpath) for f in discover(home, cfg)] == [
        ("pos", "inbox/pos/a.csv"), ("invoices", "inbox/invoices/2021.csv")]
    # ... and it is said: the link is named, with the source that reads its target
    [link] = outside_links(home, cfg)
    assert (link.source.name, link.relpath, link.read_by) == ("pos", "inbox/pos/link.csv", "invoices")
    assert link.reason.startswith("inbox/pos/link.csv: not read as 'pos': it is a link to inbox/invoices/2021.csv, "
                                  "which source 'invoices' reads under its own name")


def test_a_link_to_a_file_of_its_own_source_is_an_alias_not_reported(tmp_path: Path) -> None:
    home = _home(tmp_path, {"inbox/ok.csv": b"1"})
    (home / "inbox" / "inside.csv").symlink_to(home / "inbox" / "ok.csv")
    assert outside_links(home, _config(("s", "distributor", "inbox/*.csv"))) == []


def test_file_names_match_in_any_case_and_unread_files_are_named(tmp_path: Path) -> None:
    """SAP and AS/400 name exports "POS_APRIL.CSV": "*.csv" takes it; a file no source names (a zip
    beside the CSVs) is listed as not read, hidden and lock files aside."""
    from sources.inbox import unclaimed_files
    home = _home(tmp_path, {"inbox/westbridge/POS_APRIL.CSV": b"a", "inbox/westbridge/may.Csv": b"b",
                            "inbox/westbridge/june.zip": b"c", "inbox/Westbridge/july.csv": b"d",
                            "inbox/westbridge/~$lock.csv": b"e", "inbox/other/x.xlsx": b"f"})
    sources = _config(("westbridge", "distributor", "inbox/westbridge/*.csv"))
    assert [f.relpath for f in discover(home, sources)] == ["inbox/westbridge/POS_APRIL.CSV",
                                                            "inbox/westbridge/may.Csv"]
    assert unclaimed_files(home, sources) == ["inbox/Westbridge/july.csv", "inbox/other/x.xlsx",
                                              "inbox/westbridge/june.zip"]


def test_a_source_without_files_and_a_source_whose_files_another_reads(tmp_path: Path) -> None:
    folder = tmp_path / "inbox" / "westbridge"
    folder.mkdir(parents=True)
    for name in ("2026-10.csv", "new_2026-11.csv", "new_2026-12.csv"):
        (folder / name).write_text("a,b\n1,2\n", encoding="utf-8")
    sources = [SourceConfig(name="westbridge", kind="distributor", path="inbox/westbridge/*"),
               SourceConfig(name="westbridge_new", kind="distributor", path="inbox/westbridge/new_*.csv"),
               SourceConfig(name="newdisti", kind="distributor", path="inbox/newdisti/*.csv")]
    assert sources_without_files(tmp_path, sources) == {
        "westbridge_new": "the 2 files its path 'inbox/westbridge/new_*.csv' names are read by 'westbridge', listed "
                          "before it in sources.yaml (a file belongs to the first source that names it)",
        "newdisti": "no file matches 'inbox/newdisti/*.csv'"}


def test_every_source_reading_files_says_nothing(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.csv").write_text("a\n1\n", encoding="utf-8")
    assert sources_without_files(tmp_path, [SourceConfig(name="a", kind="distributor", path="inbox/*.csv")]) == {}

"""A file read again only because its source's settings changed is told apart from a new file."""

from pathlib import Path

from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox

POS = "Invoice Date,Reseller,End User,SKU\n2026-01-05,Acme Resale,Globex Corp,SRV-1\n2026-01-06,Acme Resale,Initech,SRV-2\n"


def _sources(home: Path, extra: str = "") -> None:
    (home / "sources.yaml").write_text(
        f"sources:\n  - name: ingram\n    kind: distributor\n    path: inbox/*.csv\n{extra}", encoding="utf-8")


def test_new_unchanged_and_reread_files(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "jan.csv").write_text(POS, encoding="utf-8")
    _sources(tmp_path)
    seen: list[tuple[int, int]] = []
    first = ingest_inbox(RunContext.load(tmp_path), progress=lambda done, total: seen.append((done, total)))
    assert [(r.action, r.status, r.rows_loaded) for r in first] == [("read", "loaded", 2)]
    assert seen[0] == (0, 1) and seen[-1] == (1, 1)
    assert [r.action for r in ingest_inbox(RunContext.load(tmp_path))] == ["skip"]
    _sources(tmp_path, "    rep: Dana Rep\n")  # the source's settings change: same bytes, read again
    (tmp_path / "inbox" / "feb.csv").write_text(POS.replace("2026-01", "2026-02"), encoding="utf-8")
    actions = {Path(r.path).name: r.action for r in ingest_inbox(RunContext.load(tmp_path))}
    assert actions == {"jan.csv": "reread", "feb.csv": "read"}

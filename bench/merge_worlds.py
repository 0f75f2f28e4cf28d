"""Two generated demo worlds as one home: a world bigger than the generator can hold in memory (it
needs about 2.6 GB per million rows, so 10M rows is two 5M worlds of different seeds here).

`python -m bench.merge_worlds A B OUT`: A's inbox, overrides and sources.yaml as they are; B's inbox
files beside A's with `_b` before the suffix (hard links, so no copy); B's price list and partner
program left out (one master list each: B's resellers then have no programme terms, as a partner
missing from the programme file would); the CRM paths widened to both exports. The truth's
`source_rows.parquet` lists both worlds' rows (`bench.nights` counts them). Two seeds draw names from
the same vocabularies, so the merged world has twice a single world's namesakes: denser, not easier.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

#: inbox folders whose single file is master data: the first world's is kept alone
MASTER_FOLDERS = ("pricelist", "channel")
#: CRM exports the merged sources.yaml reads from both worlds
CRM_PATHS = {"inbox/crm/accounts.csv": "inbox/crm/accounts*.csv",
             "inbox/crm/contracts.csv": "inbox/crm/contracts*.csv"}


def merge_worlds(first: Path, second: Path, out: Path) -> int:
    """Write the merged home `out` (which must not exist); returns its source rows."""
    if out.exists():
        raise SystemExit(f"{out} exists: merge into a new folder")
    shutil.copytree(first / "inbox", out / "inbox", copy_function=os.link)
    shutil.copytree(first / "overrides", out / "overrides", copy_function=os.link)
    for path in sorted((second / "inbox").rglob("*")):
        if path.is_file() and path.parent.name not in MASTER_FOLDERS:
            target = out / path.relative_to(second).parent / f"{path.stem}_b{path.suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)
    text = (first / "sources.yaml").read_text(encoding="utf-8")
    for one, both in CRM_PATHS.items():
        text = text.replace(f"path: {one}\n", f"path: {both}\n")
    (out / "sources.yaml").write_text(text, encoding="utf-8")
    files = pa.concat_tables(
        [pq.read_table(w / "truth" / "source_rows.parquet", columns=["source_file"]) for w in (first, second)])
    (out / "truth").mkdir()
    pq.write_table(files, out / "truth" / "source_rows.parquet")
    return files.num_rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    rows = merge_worlds(args.first, args.second, args.out)
    print(f"{args.out}: {rows:,} source rows, "
          f"{sum(1 for p in (args.out / 'inbox').rglob('*') if p.is_file())} inbox files")


if __name__ == "__main__":
    main()

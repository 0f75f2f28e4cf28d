"""A web export against the CSV of the same rows: one distributor file (the demo's eurolink layout,
cp1252, decimal commas) written as CSV, as an HTML page named .xls and as an Excel 2003 XML workbook,
each read by `sources.reader.read_source_file` in a fresh process: rows loaded, seconds, rows/s, peak RSS.

    python -m bench.web_exports --rows 10000 100000 --out bench/results/web_exports.json
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.child_read import read_in_child

_CHILD = """
import json, sys, time
from pathlib import Path
from sources.config import SourceConfig
from sources.reader import read_source_file
path = Path(sys.argv[1])
started = time.perf_counter()
out = read_source_file(path, path.name, SourceConfig(name="eurolink", kind="distributor", path="*"))
seconds = time.perf_counter() - started
status = Path("/proc/self/status").read_text().splitlines()
peak = int(next(line for line in status if line.startswith("VmHWM:")).split()[1]) * 1024
print(json.dumps({"status": out.status, "error": out.error, "rows": out.rows_loaded,
                  "quarantined": out.rows_quarantined, "seconds": seconds, "peak": peak}))
"""


def _rows(csv_path: Path) -> list[list[str]]:
    with csv_path.open(encoding="cp1252", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


def write_page(rows: list[list[str]], path: Path) -> Path:
    """The rows as a portal's HTML "Export to Excel" (demo.writers.write_html_export's shape)."""
    with path.open("w", encoding="cp1252", errors="xmlcharrefreplace", newline="") as fh:
        fh.write('<html><head><meta http-equiv="Content-Type" content="text/html; charset=cp1252"></head>'
                 '<body><table border="1">\r\n'
                 f"<tr><td colspan={len(rows[0])}><b>Partner portal export</b></td></tr>\r\n")
        fh.write("<tr>" + "".join(f"<th>{html.escape(h)}" for h in rows[0]) + "</tr>\r\n")
        for row in rows[1:]:
            fh.write("<tr>" + "".join(f"<td>{html.escape(v)}" if v else "<td>&nbsp;" for v in row) + "\r\n")
        fh.write("</table></body></html>\r\n")
    return path


def write_spreadsheetml(rows: list[list[str]], path: Path) -> Path:
    """The rows as an Excel 2003 XML workbook of text cells."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook '
                 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                 'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Export"><Table>\n')
        for row in rows:
            cells = (f'<Cell><Data ss:Type="String">{html.escape(v)}</Data></Cell>' if v else "<Cell/>" for v in row)
            fh.write("<Row>" + "".join(cells) + "</Row>\n")
        fh.write("</Table></Worksheet></Workbook>\n")
    return path


def measure(path: Path) -> dict[str, Any]:
    """One read in a fresh process: rows, seconds, rows/s, peak RSS."""
    got = read_in_child(_CHILD, str(path))
    if got.pop("status") != "loaded":
        raise RuntimeError(f"{path.name}: {got['error']}")
    del got["error"]
    return {"bytes": path.stat().st_size, **got}


def main(argv: list[str] | None = None) -> int:
    from demo.render import write_bench_file

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--out", type=Path, default=Path("bench/results/web_exports.json"))
    args = parser.parse_args(argv)
    result: dict[str, Any] = {"measured_at": time.strftime("%Y-%m-%d %H:%M"), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.rows:
            text = Path(tmp) / f"eurolink_{n}.csv"
            write_bench_file(text, "eurolink_cp1252", n)
            rows = _rows(text)
            files = {"csv": text, "html_named_xls": write_page(rows, Path(tmp) / f"eurolink_{n}.xls"),
                     "spreadsheetml": write_spreadsheetml(rows, Path(tmp) / f"eurolink_{n}_2003.xml")}
            result["sizes"][str(n)] = sizes = {kind: measure(path) for kind, path in files.items()}
            for kind in ("html_named_xls", "spreadsheetml"):
                sizes[kind]["same_rows_as_csv"] = sizes[kind]["rows"] == sizes["csv"]["rows"]
                sizes[kind]["time_vs_csv"] = round(sizes[kind]["seconds"] / sizes["csv"]["seconds"], 2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

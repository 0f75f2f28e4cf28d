"""What a zipped workbook really is, from the parts it holds, and a copy of it a reader can open.

People rename files (an .xlsx saved as "report.xlsb", an .xlsx sent as ".xls") and some tools write
zip entries with Windows separators ("xl\\workbook.xml"). The readers go by the name (openpyxl refuses
any other suffix, python-calamine picks its parser from it) and look parts up by exact path, so such a
file used to end in "damaged" or a Python KeyError. Here the package's parts decide the format, and a
misnamed or back-slashed package is read from a copy under the right name, with a note.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sources.limits import ReadLimits
from sources.table import FileReadError
from sources.workbook_guard import check_package

#: the part that tells each zipped workbook format (entry names with "/" separators)
_FORMAT_PARTS = (("xl/workbook.xml", "xlsx"), ("xl/workbook.bin", "xlsb"), ("content.xml", "ods"))
#: the suffix a copy of each format is read under
SUFFIX = {"xlsx": ".xlsx", "xlsb": ".xlsb", "ods": ".ods", "xls": ".xls"}


def package_format(path: Path) -> tuple[str | None, bool]:
    """(the workbook format the zip package's parts say, whether its entry names use "\\"); (None, False)
    for a file that is no readable zip."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None, False
    back = any("\\" in n for n in names)
    found = {n.replace("\\", "/").lstrip("/") for n in names}
    return next((fmt for part, fmt in _FORMAT_PARTS if part in found), None), back


@contextmanager
def readable_copy(path: Path, fmt: str, back: bool, limits: ReadLimits) -> Iterator[Path]:
    """`path` under the suffix of `fmt`, its entries renamed with "/" where `back`; a copy in a temporary
    folder, gone afterwards. The package is checked against `limits` before any part is inflated."""
    check_package(path, limits)
    with tempfile.TemporaryDirectory(prefix="radar-wb-") as tmp:
        copy = Path(tmp) / f"{path.stem}{SUFFIX[fmt]}"
        if not back:
            shutil.copyfile(path, copy)
            yield copy
            return
        try:
            with zipfile.ZipFile(path) as src, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    dst.writestr(info.filename.replace("\\", "/").lstrip("/"), src.read(info))
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise FileReadError(f"not a valid workbook package ({exc})") from None
        yield copy


@contextmanager
def binary_copy(path: Path) -> Iterator[Path]:
    """`path` under .xls, for an OLE2 file named like a zipped workbook (an old binary .xls renamed
    .xlsx): python-calamine picks its parser from the name. A copy in a temporary folder, gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="radar-wb-") as tmp:
        copy = Path(tmp) / f"{path.stem}.xls"
        shutil.copyfile(path, copy)
        yield copy


#: the stream an encrypted OOXML workbook keeps its package in, as an OLE2 directory names it (UTF-16LE)
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def encrypted_package(path: Path, chunk: int = 1 << 20) -> bool:
    """Whether an OLE2 file is a password-protected .xlsx (Office's encryption wraps the package in an OLE2
    file whose directory names an "EncryptedPackage" stream), looked for chunk by chunk."""
    tail = b""
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            if _ENCRYPTED_STREAM in tail + block:
                return True
            tail = block[-len(_ENCRYPTED_STREAM):]
    return False


def package_note(suffix: str, fmt: str, back: bool) -> str:
    """The warning of a workbook read from a copy: what it is, and what to fix at the source."""
    notes = []
    if SUFFIX[fmt] != suffix and not (fmt == "xlsx" and suffix == ".xlsm"):
        notes.append(f"the file is an {SUFFIX[fmt]} workbook named {suffix}: read as {SUFFIX[fmt]} (rename it)")
    if back:
        notes.append("its package names its parts with '\\' (a non-standard zip writer): read with '/'")
    return "; ".join(notes)

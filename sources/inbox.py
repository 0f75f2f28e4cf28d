"""Find the inbox files each source's glob names, with the content hash that identifies them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sources.config import SourceConfig

IGNORED_PREFIXES = ("~$", ".~lock", ".")  # Excel/LibreOffice lock files and hidden files
#: what operating systems leave beside files: Windows' download marks ("report.csv:Zone.Identifier", as a file
#: copied from NTFS to a Linux share writes it), thumbnail caches and folder settings
IGNORED_SUFFIXES = (":zone.identifier", ":com.dropbox.attrs",
                    # a download still running (Chrome, Firefox, Safari, wget), and an editor's backup or swap file:
                    # the finished file arrives under its own name
                    ".crdownload", ".part", ".partial", ".download", ".tmp", ".bak", ".swp", "~")
IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})


def is_ignored(name: str) -> bool:
    """A file name no source ever reads: lock files, hidden files, an operating system's sidecars, a download in
    progress, an editor's backup."""
    lower = name.lower()
    return name.startswith(IGNORED_PREFIXES) or lower.endswith(IGNORED_SUFFIXES) or lower in IGNORED_NAMES


@dataclass(frozen=True)
class InboxFile:
    """One file matched by a source's glob."""

    source: SourceConfig
    path: Path
    relpath: str  # relative to the home, POSIX separators
    sha256: str
    size_bytes: int
    modified_at: float


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


#: source settings that do not change how a file is read (left out of the fingerprint)
NOT_READ_SETTINGS = frozenset({"retract_missing"})


def source_fingerprint(source: SourceConfig, reader_version: str) -> str:
    """Hash of everything that changes how a source's files are read (its config, the reader)."""
    payload = json.dumps([reader_version, source.model_dump(mode="json", exclude=set(NOT_READ_SETTINGS))],
                         sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _original_first(path: Path) -> tuple[str, str, str]:
    """Sort key putting a copy after its original: "pos.csv" before "pos (1).csv".

    A plain path sort puts "pos (1).csv" first (" " sorts before "."), and the first file of
    identical content is the one read while later ones are recorded as its duplicates.
    """
    return (path.parent.as_posix(), path.stem, path.suffix)


@dataclass(frozen=True)
class ListedFile:
    """A file a source's glob names, seen by its metadata only (no read of its bytes)."""

    source: SourceConfig
    path: Path
    relpath: str  # relative to the home, POSIX separators
    size_bytes: int
    modified_at: float


def _any_case(pattern: str) -> str:
    """A glob whose last step matches file names in any case ("*.csv" takes "POS_APRIL.CSV", as SAP
    and AS/400 name exports): each letter outside a [...] set becomes [xX]; folders keep their case."""
    head, sep, name = pattern.rpartition("/")
    out, in_set = [], False
    for ch in name:
        if ch == "[":
            in_set = True
        elif ch == "]":
            in_set = False
        out.append(f"[{ch.lower()}{ch.upper()}]" if ch.isalpha() and ch.isascii() and not in_set else ch)
    return head + sep + "".join(out)


def source_paths(home: Path, src: SourceConfig) -> list[Path]:
    """The paths a source's glob names under `home`, file names in any case (`_any_case`)."""
    return sorted(home.glob(_any_case(src.path)), key=_original_first)


def unclaimed_files(home: Path, sources: Sequence[SourceConfig], folder: str = "inbox") -> list[str]:
    """Files under the home's inbox that no source's path names (a ".zip" beside "*.csv", a source
    the sources.yaml does not list): never read, and said so on every run."""
    home = Path(home).resolve()
    claimed = {p.resolve() for src in sources for p in source_paths(home, src)}
    root = home / folder
    if not root.is_dir():
        return []
    return sorted(p.relative_to(home).as_posix() for p in root.rglob("*")
                  if p.is_file() and not any(is_ignored(part) for part in p.relative_to(root).parts)
                  and p.resolve() not in claimed)


def list_inbox(home: Path, sources: Sequence[SourceConfig]) -> list[ListedFile]:
    """Every file matched by every source's glob, in source order, then path (originals first),
    without reading it: cheap enough to call every minute (the inbox sensor does).

    A file matched by two sources belongs to the first one listed, so no row is loaded twice. A
    file named by its own path comes before any link to it (a symlink in another source's folder
    must not take a file from the source whose glob names it): the link is not read.
    """
    home = Path(home).resolve()
    matched: list[tuple[int, SourceConfig, Path, Path]] = []
    for rank, src in enumerate(sources):
        for path in source_paths(home, src):
            if not path.is_file() or is_ignored(path.name):
                continue
            real = path.resolve()
            if home in real.parents:
                matched.append((rank, src, path, real))
    claimed: dict[Path, tuple[int, Path]] = {}
    for rank, _, path, real in sorted(matched, key=lambda m: m[2] != m[3]):  # own paths first, order kept
        claimed.setdefault(real, (rank, path))
    found: list[ListedFile] = []
    for rank, src, path, real in matched:
        if claimed[real] != (rank, path):
            continue
        stat = path.stat()
        found.append(ListedFile(src, path, path.relative_to(home).as_posix(), stat.st_size, stat.st_mtime))
    return found


def sources_without_files(home: Path, sources: Sequence[SourceConfig]) -> dict[str, str]:
    """Source name -> why it reads no file, for each source that reads none: its path names none, or a
    source listed before it takes its files (`list_inbox`: a file belongs to the first source that names it,
    so a later, narrower source's `columns:` are never used on it)."""
    home_path = Path(home).resolve()
    owner = {f.path.resolve(): f.source.name for f in list_inbox(home_path, sources)}
    reading = set(owner.values())
    out: dict[str, str] = {}
    for src in sources:
        if src.name in reading:
            continue
        named = [p for p in source_paths(home_path, src) if p.is_file() and not is_ignored(p.name)]
        owners = sorted({owner[p.resolve()] for p in named if p.resolve() in owner})
        if owners:
            out[src.name] = (f"the {len(named)} file{'s' if len(named) > 1 else ''} its path {src.path!r} names "
                             f"{'are' if len(named) > 1 else 'is'} read by {', '.join(repr(o) for o in owners)}, "
                             "listed before it in sources.yaml (a file belongs to the first source that names it)")
        else:
            out[src.name] = f"no file matches {src.path!r}"
    return out


def discover(home: Path, sources: Sequence[SourceConfig]) -> list[InboxFile]:
    """Every file `list_inbox` names, with the content hash that identifies it."""
    return [
        InboxFile(source=f.source, path=f.path, relpath=f.relpath, sha256=sha256_of(f.path),
                  size_bytes=f.size_bytes, modified_at=f.modified_at)
        for f in list_inbox(home, sources)
    ]


@dataclass(frozen=True)
class OutsideLink:
    """A path a source's glob names that is a link never read: out of the home, to nothing, or to a file
    another source reads under its own path. Reported on every run, so a skipped file is never silent."""

    source: SourceConfig
    relpath: str
    target: str
    dangling: bool = False  # the link leads to nothing (its target was moved or deleted)
    read_by: str = ""  # the source that reads the target under its own path (a link into its folder)

    @property
    def sha256(self) -> str:
        """Stands in for the content hash: the link's target, so the same link is recorded once."""
        return hashlib.sha256(f"link:{self.target}".encode()).hexdigest()

    @property
    def reason(self) -> str:
        if self.dangling:
            return (f"{self.relpath}: not read: it is a link to {self.target}, which does not exist; copy the file "
                    "into the inbox to load it")
        if self.read_by:
            return (f"{self.relpath}: not read as {self.source.name!r}: it is a link to {self.target}, which source "
                    f"{self.read_by!r} reads under its own name (a file is read once, by the source whose path names "
                    "it); copy the file to read it as this source's too")
        return (f"{self.relpath}: not read: it is a link to {self.target}, outside the home; copy the file "
                "into the inbox to load it")


def outside_links(home: Path, sources: Sequence[SourceConfig]) -> list[OutsideLink]:
    """The links `list_inbox` leaves out: out of the home, to nothing, or into another source's folder to a
    file that source reads by its own path (a link to a file of its own source is an alias, read once)."""
    home = Path(home).resolve()
    reader = {f.path.resolve(): f for f in list_inbox(home, sources)}
    out: list[OutsideLink] = []
    seen: set[str] = set()
    for src in sources:
        for path in source_paths(home, src):
            if path.name.startswith(IGNORED_PREFIXES) or not (path.is_file() or path.is_symlink()):
                continue
            real = path.resolve()
            relpath = path.relative_to(home).as_posix()
            dangling = not real.exists()
            if relpath in seen:
                continue
            if dangling or home not in real.parents:
                seen.add(relpath)
                out.append(OutsideLink(src, relpath, str(real), dangling))
            elif (owner := reader.get(real)) is not None and owner.source.name != src.name and owner.path != path:
                seen.add(relpath)
                out.append(OutsideLink(src, relpath, owner.relpath, read_by=owner.source.name))
    return out

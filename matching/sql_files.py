"""The SQL files of `matching/sql/`, read once at import by the modules that run them in DuckDB."""

from __future__ import annotations

from importlib import resources


def sql_text(name: str) -> str:
    """The text of `matching/sql/<name>`."""
    return resources.files("matching").joinpath("sql", name).read_text(encoding="utf-8")

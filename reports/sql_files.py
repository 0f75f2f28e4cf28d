"""Read the .sql files that live in reports/sql/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).with_name("sql")


@cache
def read_sql(name: str) -> str:
    """The text of `reports/sql/<name>`."""
    return (SQL_DIR / name).read_text(encoding="utf-8")

"""pipelines.sources_yaml.fit_read_limits: a generated home whose exports are past the read limits
gets a `limits:` block its night accepts; a home with limits of its own is left alone."""

from pathlib import Path

from pipelines.config import load_config
from pipelines.sources_yaml import fit_read_limits
from sources.limits import ReadLimits

SOURCES = "as_of: 2026-11-01\ncurrency: USD\nsources:\n- name: crm\n  kind: crm_contracts\n  path: inbox/crm.csv\n"


def _home(tmp_path: Path, yaml: str = SOURCES) -> Path:
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "sources.yaml").write_text(yaml, encoding="utf-8")
    (home / "inbox" / "crm.csv").write_bytes(b"Contract Number,Customer Name,End Date\n" + b"SC-1,Acme,2026-01-01\n" * 50)
    return home


def test_limits_are_raised_where_an_export_is_past_them(tmp_path: Path) -> None:
    home = _home(tmp_path)
    assert fit_read_limits(home, ReadLimits(max_rows=20)) == {"max_rows": 1_000_000}
    assert load_config(home).limits.max_rows == 1_000_000
    assert fit_read_limits(home, ReadLimits(max_rows=20)) == {}  # once written, a home has limits of its own


def test_a_home_within_the_limits_or_with_its_own_is_left_alone(tmp_path: Path) -> None:
    home = _home(tmp_path)
    assert fit_read_limits(home) == {}
    assert (home / "sources.yaml").read_text(encoding="utf-8") == SOURCES
    own = _home(tmp_path / "own", SOURCES + "limits:\n  max_rows: 10\n")
    assert fit_read_limits(own) == {}
    assert (own / "sources.yaml").read_text(encoding="utf-8").endswith("limits:\n  max_rows: 10\n")

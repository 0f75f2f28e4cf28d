"""One Dagster instance per home: `<home>/.radar/dagster` (or $DAGSTER_HOME when set) holds the runs,
their logs, schedule and sensor ticks, so `radar run`, cron, the schedule and the sensor all show in
the UI that `radar ui --home DIR` starts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: the project's instance settings (the repository's top-level dagster.yaml links here)
DAGSTER_YAML = Path(__file__).with_name("dagster.yaml")
#: the code location every server of a home loads; RADAR_HOME tells it which home
WORKSPACE_YAML = """\
# Written by radar: the code location of this home's Dagster instance.
load_from:
  - python_module:
      module_name: pipelines.definitions
      location_name: renewal_radar
"""


def instance_dir(home: Path) -> Path:
    """$DAGSTER_HOME if set (a deployment's explicit choice), else `<home>/.radar/dagster`."""
    explicit = os.environ.get("DAGSTER_HOME")
    return Path(explicit).expanduser().resolve() if explicit else Path(home).resolve() / ".radar" / "dagster"


def prepare_instance(home: Path) -> Path:
    """Create the home's instance directory with the project's dagster.yaml and a workspace.yaml.

    An existing dagster.yaml is left alone (a deployment may have edited it); returns the directory.
    """
    target = instance_dir(home)
    target.mkdir(parents=True, exist_ok=True)
    if not (target / "dagster.yaml").exists():
        shutil.copyfile(DAGSTER_YAML, target / "dagster.yaml")
    workspace = target / "workspace.yaml"
    if not workspace.exists() or workspace.read_text(encoding="utf-8") != WORKSPACE_YAML:
        workspace.write_text(WORKSPACE_YAML, encoding="utf-8")
    return target


def server_env(home: Path) -> dict[str, str]:
    """The environment a webserver, daemon or run of this home needs: DAGSTER_HOME and RADAR_HOME."""
    return {**os.environ, "DAGSTER_HOME": str(prepare_instance(home)), "RADAR_HOME": str(Path(home).resolve())}

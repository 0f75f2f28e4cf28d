"""The Dagster definitions load, and the nightly job holds every asset and check."""

from pipelines.definitions import build_definitions, defs


def test_definitions_load_with_the_nightly_job_and_schedule() -> None:
    job = defs.resolve_job_def("nightly")
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"inbox_files", "source_records", "asset_registry", "publish_warehouse"} <= keys
    assert job is not None
    assert defs.resolve_schedule_def("nightly_at_two").cron_schedule == "0 2 * * *"


def test_definitions_bind_to_an_explicit_home(tmp_path) -> None:
    (tmp_path / "sources.yaml").write_text("as_of: 2026-06-30\nsources: []\n", encoding="utf-8")
    bound = build_definitions(str(tmp_path), "2026-11-01")
    radar = bound.resources["radar"]
    assert radar.path == tmp_path.resolve()
    assert radar.run().as_of.isoformat() == "2026-11-01"  # --as-of wins over sources.yaml
    assert build_definitions(str(tmp_path)).resources["radar"].run().as_of.isoformat() == "2026-06-30"

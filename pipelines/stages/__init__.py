"""The nightly stages, free of Dagster: each module is the one place that joins the packages its
stage needs (ingest, products, resolve, contracts, opportunities, publish, outputs).

Every stage function takes the run's `RunContext` and returns a small typed outcome; the Dagster
assets in pipelines/assets.py call exactly one of them each.
"""

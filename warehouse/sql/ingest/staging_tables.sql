-- Copy the current ingest state into the warehouse being built (ingest store attached as `ing`).
CREATE OR REPLACE TABLE source_records AS
SELECT * FROM ing.source_records
ORDER BY source, source_file, source_sheet NULLS FIRST, source_row;

CREATE OR REPLACE TABLE quarantine AS
SELECT source, source_file, source_sheet, source_row, reason, raw, field, sha256
FROM ing.quarantine
ORDER BY source, source_file, source_sheet NULLS FIRST, source_row;

CREATE OR REPLACE TABLE ingested_files AS
SELECT source, path, sha256, rows_read, rows_loaded, rows_quarantined, status, error,
       rows_blank, rows_total, duplicate_of, size_bytes, modified_at, warnings, sheets,
       detected, fingerprint, run_id, ingested_at, held_status, missing_since, retracted_at, status_note
FROM ing.ingested_files
ORDER BY source, path, ingested_at;

-- The ingest store (HOME/.radar/ingest.duckdb): every file ever read and what it yielded.
-- Written in place, one transaction per file; the analysts' warehouse is rebuilt from it.
CREATE TABLE IF NOT EXISTS ingested_files (
    source            VARCHAR NOT NULL,
    path              VARCHAR NOT NULL,
    sha256            VARCHAR NOT NULL,
    size_bytes        BIGINT,
    modified_at       TIMESTAMP,
    rows_read         BIGINT NOT NULL DEFAULT 0,
    rows_loaded       BIGINT NOT NULL DEFAULT 0,
    rows_quarantined  BIGINT NOT NULL DEFAULT 0,
    rows_blank        BIGINT NOT NULL DEFAULT 0,
    rows_total        BIGINT NOT NULL DEFAULT 0,
    status            VARCHAR NOT NULL,
    error             VARCHAR,
    duplicate_of      VARCHAR,
    warnings          VARCHAR[],
    sheets            JSON,
    detected          JSON,
    fingerprint       VARCHAR NOT NULL,
    run_id            VARCHAR,
    ingested_at       TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

-- retraction (warehouse.retraction): a file no longer in the inbox is `missing` (its rows kept), a
-- file taken out is `retracted` (its rows deleted); held_status is what the file was before
ALTER TABLE ingested_files ADD COLUMN IF NOT EXISTS held_status VARCHAR;
ALTER TABLE ingested_files ADD COLUMN IF NOT EXISTS missing_since TIMESTAMP;
ALTER TABLE ingested_files ADD COLUMN IF NOT EXISTS retracted_at TIMESTAMP;
ALTER TABLE ingested_files ADD COLUMN IF NOT EXISTS status_note VARCHAR;

CREATE TABLE IF NOT EXISTS source_records (
    record_id             VARCHAR NOT NULL,
    sha256                VARCHAR NOT NULL,
    source                VARCHAR NOT NULL,
    source_file           VARCHAR NOT NULL,
    source_sheet          VARCHAR,
    source_row            BIGINT NOT NULL,
    kind                  VARCHAR NOT NULL,
    customer_name         VARCHAR,
    customer_account      VARCHAR,
    customer_address      VARCHAR,
    customer_city         VARCHAR,
    customer_state        VARCHAR,
    customer_postal_code  VARCHAR,
    customer_country      VARCHAR,
    customer_domain       VARCHAR,
    customer_phone        VARCHAR,
    customer_email        VARCHAR,
    reseller_name         VARCHAR,
    reseller_account      VARCHAR,
    bill_to_name          VARCHAR,
    bill_to_account       VARCHAR,
    sku                   VARCHAR,
    description           VARCHAR,
    serial_numbers        VARCHAR[],
    quantity              BIGINT,
    unit_price            DECIMAL(18, 2),
    amount                DECIMAL(18, 2),
    list_price            DECIMAL(18, 2),
    currency              VARCHAR,
    contract_number       VARCHAR,
    service_level         VARCHAR,
    service_start         DATE,
    service_end           DATE,
    invoice_number        VARCHAR,
    invoice_date          DATE,
    contact_name          VARCHAR,
    contact_email         VARCHAR,
    contact_phone         VARCHAR,
    rep                   VARCHAR,
    rep_account           VARCHAR,
    status                VARCHAR,
    notes                 VARCHAR,
    account_type          VARCHAR,
    parent_account        VARCHAR,
    category              VARCHAR
);

-- fields added after a store was created (their files are read again: sources.reader.READER_VERSION)
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS contact_name VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS contact_email VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS contact_phone VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS rep_account VARCHAR;
-- the channel fields (issue 14): who delivers the service, and a partner program's terms
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS service_provider VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS partner_name VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS partner_account VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS tier VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS certification VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS certified_staff BIGINT;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS support_model VARCHAR;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS split_percent DOUBLE;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS fixed_fee DECIMAL(18, 2);
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS valid_from DATE;
ALTER TABLE source_records ADD COLUMN IF NOT EXISTS valid_to DATE;

CREATE TABLE IF NOT EXISTS quarantine (
    sha256        VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    source_file   VARCHAR NOT NULL,
    source_sheet  VARCHAR,
    source_row    BIGINT NOT NULL,
    field         VARCHAR,
    reason        VARCHAR NOT NULL,
    raw           JSON NOT NULL
);

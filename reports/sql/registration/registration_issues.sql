-- registration_issues: what the channel failed to register, one row per finding, with the source
-- rows that show it (lineage) and the value at stake. Needs rg_hardware (attach_rates.sql),
-- rv_contract_values, source_records, quarantine, asset_sources, record_parties, contract_sources,
-- customers, partners, products, rv_attach_rate, rv_fx, run_settings, rg_settings and
-- self_named_records (warehouse.mentions.mark_self_named).
--
--   no_end_customer            a distributor row selling serials whose end customer is blank (the
--                              row is quarantined), a placeholder (is_placeholder_name: "N/A",
--                              "Unknown", "Stock", "TBD" ...) or the reseller itself (self_named_records, made
--                              by warehouse/sql/resolve/self_named_records.sql, the test that keeps the row
--                              from naming a customer): one finding per serial (per row when quarantined - its serials
--                              are in the raw cells)
--   conflicting_end_customers  a serial whose rows name different resolved end customers
--   hardware_without_service   a hardware unit with no service contract starting within
--                              attach_days of its shipment, whose attach deadline fell in the last
--                              audit_days (rg_hardware, status not_attached)
--   invoiced_not_in_crm        a contract on an accounting row (invoiced) and on no CRM contract row,
--                              ending within the last audit_days or later (only when the inbox has CRM
--                              contract rows)
--   crm_not_invoiced           a CRM contract on no accounting row although it started at least
--                              invoice_grace_days before the as-of date, on or after the first invoice
--                              the accounting export holds, and ended within the last audit_days or later
-- Value at stake: a year of service on the unit (list price x the category's attach rate) for the
-- serial kinds, the contract's annual value (rv_contract_values) for the contract kinds.
-- distributor rows selling serials to no end customer
CREATE OR REPLACE TEMP TABLE rg_no_customer_rows AS
SELECT r.record_id, r.source, r.source_file, r.source_sheet, r.source_row, r.customer_name, r.reseller_name,
       r.sku, r.invoice_date, rp.reseller_id,
       CASE WHEN is_placeholder_name(r.customer_name) THEN 'placeholder' ELSE 'reseller_itself' END AS why
FROM source_records r
LEFT JOIN record_parties rp USING (record_id)
WHERE r.kind = 'distributor' AND len(coalesce(r.serial_numbers, [])) > 0 AND r.repeat_of IS NULL
  AND (is_placeholder_name(r.customer_name) OR r.record_id IN (SELECT record_id FROM self_named_records));

-- every source row naming a serial, with the end customer it names (rows with no end customer left out)
CREATE OR REPLACE TEMP TABLE rg_serial_rows AS
SELECT s.asset_id, s.record_id, s.source, s.source_file, s.source_sheet, s.source_row, s.raw_serial,
       rp.customer_id, r.customer_name, r.kind
FROM asset_sources s
JOIN source_records r USING (record_id)
LEFT JOIN record_parties rp USING (record_id)
WHERE s.record_id NOT IN (SELECT record_id FROM rg_no_customer_rows) AND r.repeat_of IS NULL;

CREATE OR REPLACE TEMP TABLE rg_asset_value AS
SELECT a.asset_id, a.serial_number, a.sku, a.customer_id, a.reseller_id, a.ship_date,
       cents(p.list_price * r.rate * CASE WHEN coalesce(nullif(upper(trim(p.currency)), ''), s.currency) = s.currency
                                          THEN 1.0 ELSE coalesce(fx.rate, 1.0) END) AS value,
       CASE WHEN coalesce(nullif(upper(trim(p.currency)), ''), s.currency) = s.currency OR fx.rate IS NULL
            THEN coalesce(nullif(upper(trim(p.currency)), ''), s.currency) ELSE s.currency END AS currency
FROM assets a
CROSS JOIN run_settings s
LEFT JOIN products p ON p.sku = upper(regexp_replace(a.sku, '\s+', '', 'g'))
LEFT JOIN rv_attach_rate r ON r.category = p.category
LEFT JOIN rv_fx fx ON fx.currency = coalesce(nullif(upper(trim(p.currency)), ''), s.currency);

-- the findings (subject: what the finding is about) and their evidence rows
CREATE OR REPLACE TEMP TABLE rg_findings (
    kind VARCHAR, subject VARCHAR, asset_id VARCHAR, contract_id VARCHAR, reseller_id VARCHAR,
    customer_id VARCHAR, event_date DATE, sku VARCHAR, detail VARCHAR
);
-- no end customer: per serial of a typed row
INSERT INTO rg_findings BY NAME
SELECT 'no_end_customer' AS kind, 'asset:' || s.asset_id AS subject, s.asset_id,
       any_value(n.reseller_id) AS reseller_id,
       (SELECT arg_min(o.customer_id, o.source_row) FROM rg_serial_rows o
        WHERE o.asset_id = s.asset_id AND o.customer_id IS NOT NULL) AS customer_id,
       min(n.invoice_date) AS event_date, any_value(n.sku) AS sku,
       'Sold through a distributor with ' || CASE WHEN bool_and(n.why = 'placeholder') THEN 'no end customer ('
           || coalesce('"' || any_value(n.customer_name) || '"', 'blank') || ')'
           ELSE 'the reseller itself as end customer ("' || any_value(n.customer_name) || '")' END AS detail
FROM rg_no_customer_rows n
JOIN asset_sources s USING (record_id)
GROUP BY s.asset_id;
-- no end customer: a distributor row quarantined for its empty end customer (its cells in the detail); a row
-- another file of its source delivers again cell for cell (a year-to-date re-export) is one finding, from the
-- latest file, as repeated lines count once (warehouse/sql/ingest/repeated_lines.sql)
INSERT INTO rg_findings BY NAME
SELECT 'no_end_customer' AS kind,
       'row:' || q.source || '|' || q.source_file || '|' || coalesce(q.source_sheet, '') || '|' || q.source_row
           AS subject,
       'Distributor row without an end customer (quarantined); its cells: ' || left(q.raw, 160) AS detail
FROM (
    SELECT *, row_number() OVER (PARTITION BY source, raw, copy_no
                                 ORDER BY source_file DESC, source_sheet DESC NULLS LAST, source_row) AS nth
    FROM (SELECT *, row_number() OVER (PARTITION BY source, source_file, source_sheet, raw ORDER BY source_row)
                        AS copy_no
          FROM quarantine
          WHERE reason LIKE '%''customer_name''%is empty%')
) q
WHERE q.nth = 1 AND q.source IN (SELECT DISTINCT source FROM source_records WHERE kind = 'distributor');
INSERT INTO rg_findings BY NAME
SELECT 'conflicting_end_customers' AS kind, 'asset:' || o.asset_id AS subject, o.asset_id,
       'Rows name ' || count(DISTINCT o.customer_id) || ' different end customers: '
           || string_agg(DISTINCT cu.name, '; ' ORDER BY cu.name) AS detail
FROM rg_serial_rows o
JOIN customers cu ON cu.customer_id = o.customer_id
GROUP BY o.asset_id
HAVING count(DISTINCT o.customer_id) > 1;
INSERT INTO rg_findings BY NAME
SELECT 'hardware_without_service' AS kind, 'asset:' || h.asset_id AS subject, h.asset_id, h.ship_date AS event_date,
       'Shipped ' || rv_day(h.ship_date) || '; no service contract started by ' || rv_day(h.attach_deadline)
           || ' (' || g.attach_days || ' days)'
           || CASE WHEN h.first_service IS NOT NULL THEN ' - first service from ' || rv_day(h.first_service)
                   ELSE ' - never under a service contract' END AS detail
FROM rg_hardware h
CROSS JOIN run_settings s
CROSS JOIN rg_settings g
WHERE h.attach_status = 'not_attached' AND h.attach_deadline > s.as_of - g.audit_days;

CREATE OR REPLACE TEMP TABLE rg_contract_seen AS
SELECT cs.contract_id,
       bool_or(r.kind = 'accounting') AS invoiced,
       bool_or(r.kind = 'crm_contracts') AS in_crm
FROM contract_sources cs
JOIN source_records r USING (record_id)
GROUP BY cs.contract_id;

INSERT INTO rg_findings BY NAME
SELECT CASE WHEN cs.invoiced THEN 'invoiced_not_in_crm' ELSE 'crm_not_invoiced' END AS kind,
       'contract:' || c.contract_id AS subject, c.contract_id, c.customer_id, c.reseller_id,
       c.start_date AS event_date, c.sku,
       CASE WHEN cs.invoiced THEN 'Invoiced (accounting) but never seen in the CRM'
            ELSE 'In the CRM but never invoiced (accounting)' END
           || ': ' || coalesce(rv_day(c.start_date), '?') || ' to ' || coalesce(rv_day(c.end_date), '?') AS detail
FROM contracts c
JOIN rg_contract_seen cs USING (contract_id)
CROSS JOIN run_settings s
CROSS JOIN rg_settings g
WHERE cs.invoiced <> cs.in_crm
  AND EXISTS (SELECT 1 FROM source_records WHERE kind = 'accounting')
  AND EXISTS (SELECT 1 FROM source_records WHERE kind = 'crm_contracts')
  AND (c.end_date IS NULL OR c.end_date >= s.as_of - g.audit_days)
  AND (cs.invoiced OR (c.start_date <= s.as_of - g.invoice_grace_days
                       AND c.start_date >= (SELECT min(invoice_date) FROM source_records WHERE kind = 'accounting')));

-- the rows that show each finding
CREATE OR REPLACE TEMP TABLE rg_evidence AS
SELECT f.kind, f.subject, n.source, n.source_file, n.source_sheet, n.source_row,
       'end customer ' || coalesce('"' || n.customer_name || '"', 'blank') || ', reseller "'
           || coalesce(n.reseller_name, '?') || '"' AS shows
FROM rg_findings f
JOIN asset_sources s ON f.kind = 'no_end_customer' AND s.asset_id = f.asset_id
JOIN rg_no_customer_rows n USING (record_id)
UNION ALL
SELECT f.kind, f.subject, q.source, q.source_file, q.source_sheet, q.source_row, 'blank end customer (quarantined)'
FROM rg_findings f
JOIN quarantine q ON f.subject = 'row:' || q.source || '|' || q.source_file || '|' || coalesce(q.source_sheet, '')
                                  || '|' || q.source_row
UNION ALL
SELECT f.kind, f.subject, o.source, o.source_file, o.source_sheet, o.source_row,
       'serial ' || o.raw_serial || ' for "' || coalesce(o.customer_name, '?') || '" (' || o.customer_id || ')'
FROM rg_findings f
JOIN rg_serial_rows o ON f.kind = 'conflicting_end_customers' AND o.asset_id = f.asset_id
WHERE o.customer_id IS NOT NULL
UNION ALL
SELECT f.kind, f.subject, r.source, r.source_file, r.source_sheet, r.source_row,
       'sold ' || coalesce(rv_day(r.invoice_date), '') || ', ' || coalesce(r.sku, '') || ' serial ' || s.raw_serial
FROM rg_findings f
JOIN asset_sources s ON f.kind = 'hardware_without_service' AND s.asset_id = f.asset_id
JOIN source_records r USING (record_id)
WHERE r.contract_number IS NULL AND r.service_start IS NULL AND r.service_end IS NULL
UNION ALL
SELECT f.kind, f.subject, cs.source, cs.source_file, cs.source_sheet, cs.source_row,
       r.kind || ' row: contract ' || coalesce(cs.raw_contract_number, '?')
           || coalesce(', invoice ' || r.invoice_number, '') || coalesce(' of ' || rv_day(r.invoice_date), '')
FROM rg_findings f
JOIN contract_sources cs ON f.contract_id = cs.contract_id AND f.kind IN ('invoiced_not_in_crm', 'crm_not_invoiced')
JOIN source_records r USING (record_id);

CREATE OR REPLACE TABLE registration_issues AS
WITH evidence AS (
    SELECT kind, subject, count(*) AS evidence_rows,
           list({'source': source, 'source_file': source_file, 'source_sheet': source_sheet,
                 'source_row': CAST(source_row AS INTEGER), 'shows': shows}
                ORDER BY source, source_file, source_sheet NULLS FIRST, source_row) AS evidence,
           string_agg(source_file || coalesce(' [' || source_sheet || ']', '') || ' row ' || source_row, '; '
                      ORDER BY source, source_file, source_sheet NULLS FIRST, source_row) AS evidence_text
    FROM (SELECT DISTINCT * FROM rg_evidence)
    GROUP BY kind, subject
),
valued AS (
    SELECT f.*,
           coalesce(f.reseller_id, v.reseller_id, cv.reseller_id) AS reseller,
           -- a unit sold to no end customer: only the customer its other rows name (never the placeholder's)
           CASE WHEN f.kind = 'no_end_customer' THEN f.customer_id
                ELSE coalesce(f.customer_id, v.customer_id, cv.customer_id) END AS customer,
           coalesce(f.sku, v.sku) AS sku_shown,
           CASE WHEN f.contract_id IS NOT NULL THEN cents(cv.annual_value) ELSE v.value END AS value,
           CASE WHEN f.contract_id IS NOT NULL THEN cv.value_currency ELSE v.currency END AS currency_shown
    FROM rg_findings f
    LEFT JOIN rg_asset_value v USING (asset_id)
    LEFT JOIN rv_contract_values cv ON cv.contract_id = f.contract_id
)
SELECT 'REG-' || upper(substr(md5(v.kind || '|' || v.subject), 1, 12)) AS issue_id, v.kind,
       s.as_of AS as_of_date,
       v.reseller AS reseller_id, pa.name AS reseller_name, v.customer AS customer_id, cu.name AS customer_name,
       v.asset_id, a.serial_number, v.sku_shown AS sku, v.contract_id, c.contract_number,
       coalesce(v.event_date, a.ship_date) AS event_date,
       CAST(v.value AS DECIMAL(18, 2)) AS value_at_stake, coalesce(v.currency_shown, s.currency) AS currency,
       v.detail, CAST(coalesce(e.evidence_rows, 0) AS INTEGER) AS evidence_rows, e.evidence, e.evidence_text
FROM valued v
CROSS JOIN run_settings s
LEFT JOIN evidence e USING (kind, subject)
LEFT JOIN assets a ON a.asset_id = v.asset_id
LEFT JOIN contracts c ON c.contract_id = v.contract_id
LEFT JOIN partners pa ON pa.partner_id = v.reseller
LEFT JOIN customers cu ON cu.customer_id = v.customer
ORDER BY v.kind ASC, value_at_stake DESC NULLS LAST, issue_id ASC;

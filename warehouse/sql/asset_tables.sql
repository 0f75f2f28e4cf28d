-- assets and asset_sources from the serial resolution (`asset_map`: one row per serial mention).
CREATE OR REPLACE TABLE asset_sources AS
SELECT a.asset_id, a.record_id, r.source, r.source_file, r.source_sheet, r.source_row,
       a.raw_serial, a.serial_number, a.match_rule
FROM asset_map a
JOIN source_records r USING (record_id)
ORDER BY a.asset_id, r.source, r.source_file, r.source_row;

CREATE OR REPLACE TABLE assets AS
WITH lines AS (
    SELECT s.asset_id, s.serial_number, r.sku, r.kind, r.invoice_date, r.service_end,
           p.customer_id, p.reseller_id, pr.priority,
           -- a sale line ships the unit; a service line (coverage dates) only covers it
           (r.service_end IS NULL AND r.service_start IS NULL AND r.contract_number IS NULL) AS is_sale
    FROM asset_sources s
    JOIN source_records r USING (record_id)
    LEFT JOIN record_parties p USING (record_id)
    JOIN source_priority pr ON pr.source = r.source
)
SELECT asset_id,
       any_value(serial_number) AS serial_number,
       coalesce(mode(sku) FILTER (WHERE is_sale), mode(sku)) AS sku,
       arg_min(customer_id, priority) FILTER (WHERE customer_id IS NOT NULL) AS customer_id,
       coalesce(arg_min(reseller_id, invoice_date) FILTER (WHERE is_sale AND reseller_id IS NOT NULL),
                arg_min(reseller_id, priority) FILTER (WHERE reseller_id IS NOT NULL)) AS reseller_id,
       min(invoice_date) FILTER (WHERE is_sale) AS ship_date,
       count(*) AS source_rows
FROM lines
GROUP BY asset_id
ORDER BY asset_id;

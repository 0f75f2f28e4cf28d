-- assets and asset_sources from the serial resolution (`asset_map`: one row per serial mention).
-- Needs record_parties, products, source_rank and warranty_months: an asset's warranty_end is its
-- ship date plus the warranty months of its product's category (sources.yaml `warranty:`), NULL
-- when the ship date, the product or the category's warranty is unknown. `returned_on`: the date a
-- return line (RMA, credit of the unit) took the unit back, when no later sale line sold it again.
CREATE OR REPLACE TABLE asset_sources AS
SELECT CAST(a.asset_id AS VARCHAR) AS asset_id, a.record_id, r.source, r.source_file, r.source_sheet, r.source_row,
       a.raw_serial, a.serial_number, a.match_rule
FROM asset_map a
JOIN source_records r USING (record_id)
ORDER BY a.asset_id, r.source, r.source_file, r.source_row;

CREATE OR REPLACE TABLE assets AS
WITH named AS (
    SELECT s.asset_id, s.serial_number, r.sku, r.kind, r.invoice_date, r.service_end,
           p.customer_id, p.reseller_id, pr.rank AS priority,
           -- a sale line ships the unit; a service line (coverage dates) only covers it
           (r.service_end IS NULL AND r.service_start IS NULL AND r.contract_number IS NULL) AS is_sale,
           -- a sale line taking the unit back (an RMA or return: a negative quantity, or a negative
           -- amount where no quantity is written)
           coalesce(r.quantity < 0, r.amount < 0, false) AS is_return
    FROM asset_sources s
    JOIN source_records r USING (record_id)
    LEFT JOIN record_parties p USING (record_id)
    JOIN source_rank pr ON pr.source = r.source
),
returns AS (
    SELECT asset_id,
           max(invoice_date) FILTER (WHERE is_sale AND is_return) AS last_return,
           max(invoice_date) FILTER (WHERE is_sale AND NOT is_return) AS last_sale
    FROM named
    GROUP BY asset_id
),
-- a unit returned and sold again (refurbished) belongs to its new sale: only the lines since its last
-- return say who holds it, since when and through whom (every line, for any other unit)
lines AS (
    SELECT n.*, (r.last_return IS NULL OR r.last_sale IS NULL OR r.last_sale <= r.last_return
                 OR n.invoice_date IS NULL OR n.invoice_date > r.last_return) AS holding
    FROM named n
    JOIN returns r USING (asset_id)
),
-- the SKU most sale lines name (else most lines), ties broken alphabetically so reruns agree
sku_votes AS (
    SELECT asset_id, sku FROM (
        SELECT asset_id, sku, count(*) FILTER (WHERE is_sale) AS sale_lines, count(*) AS all_lines
        FROM lines WHERE sku IS NOT NULL GROUP BY asset_id, sku
    )
    QUALIFY row_number() OVER (PARTITION BY asset_id ORDER BY sale_lines DESC, all_lines DESC, sku ASC) = 1
),
resolved AS (
SELECT asset_id,
       min(serial_number) AS serial_number,
       any_value(v.sku) AS sku,
       arg_min(customer_id, (priority, customer_id)) FILTER (WHERE holding AND customer_id IS NOT NULL) AS customer_id,
       coalesce(arg_min(reseller_id, (invoice_date, reseller_id))
                    FILTER (WHERE holding AND is_sale AND reseller_id IS NOT NULL AND invoice_date IS NOT NULL),
                arg_min(reseller_id, (priority, reseller_id)) FILTER (WHERE holding AND reseller_id IS NOT NULL))
           AS reseller_id,
       coalesce(min(invoice_date) FILTER (WHERE holding AND is_sale AND NOT is_return),
                min(invoice_date) FILTER (WHERE is_sale)) AS ship_date,
       count(*) AS source_rows
FROM lines
LEFT JOIN sku_votes v USING (asset_id)
GROUP BY asset_id
)
-- returned: taken back by a return line no later sale of the unit follows
SELECT a.*, CAST(a.ship_date + to_months(w.months) AS DATE) AS warranty_end,
       CASE WHEN r.last_sale IS NULL OR r.last_return >= r.last_sale THEN r.last_return END AS returned_on
FROM resolved a
JOIN returns r USING (asset_id)
LEFT JOIN products p ON p.sku = sku_norm(a.sku)
LEFT JOIN warranty_months w ON w.category = p.category
ORDER BY a.asset_id;

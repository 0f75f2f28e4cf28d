-- Hardware sold and the service attached to it: rg_hardware (TEMP, one row per hardware asset with
-- a ship date) and attach_rates (by reseller, product family and month of shipment).
-- Needs assets, products, contracts, contract_assets, partners, rv_attach_rate, rv_fx, run_settings
-- and rg_settings (attach_days).
--
-- A unit is `attached` when a contract covering it (contract_assets: serial or inferred) starts no
-- later than attach_days after it shipped and had not ended before it shipped; `possibly` when only
-- a contract that may cover it (inferred_ambiguous) does - counted as attached, never as a finding;
-- `pending` while its attach_days have not passed at the as-of date; else `not_attached`.
-- Product family: the SKU's leading letters ("SRV-R740" -> SRV, "C9300-48P" -> C), else the category.
CREATE OR REPLACE TEMP TABLE rg_hardware AS
WITH cover AS (
    SELECT ca.asset_id,
           min(c.start_date) FILTER (WHERE ca.basis <> 'inferred_ambiguous') AS first_service,
           min(c.start_date) FILTER (WHERE ca.basis = 'inferred_ambiguous') AS possible_service
    FROM contract_assets ca
    JOIN contracts c USING (contract_id)
    JOIN assets a USING (asset_id)
    WHERE c.start_date IS NOT NULL AND (c.end_date IS NULL OR a.ship_date IS NULL OR c.end_date >= a.ship_date)
    GROUP BY ca.asset_id
),
-- who sold the unit: the reseller its first sale line names, else the reseller a vendor invoice of the
-- sale bills (a unit sold direct to the customer has none)
sold AS (
    SELECT s.asset_id,
           coalesce(arg_min(rp.reseller_id, (r.invoice_date, rp.reseller_id)) FILTER (WHERE rp.reseller_id IS NOT NULL),
                    arg_min(rp.bill_to_id, (r.invoice_date, rp.bill_to_id))
                        FILTER (WHERE rp.bill_to_role = 'reseller')) AS reseller_id
    FROM asset_sources s
    JOIN source_records r USING (record_id)
    JOIN record_parties rp USING (record_id)
    WHERE r.invoice_date IS NOT NULL AND r.contract_number IS NULL AND r.service_start IS NULL AND r.service_end IS NULL
    GROUP BY s.asset_id
),
hardware AS (
    SELECT a.asset_id, a.serial_number, a.sku, a.customer_id, b.reseller_id,
           a.ship_date,
           coalesce(nullif(regexp_extract(upper(a.sku), '^[A-Z]+', 0), ''), p.category) AS family,
           p.list_price, coalesce(nullif(upper(trim(p.currency)), ''), s.currency) AS currency,
           CAST(a.ship_date + g.attach_days AS DATE) AS attach_deadline,
           cv.first_service, cv.possible_service, r.rate AS attach_rate_setting
    FROM assets a
    CROSS JOIN run_settings s
    CROSS JOIN rg_settings g
    JOIN products p ON p.sku = upper(regexp_replace(a.sku, '\s+', '', 'g'))
    LEFT JOIN cover cv USING (asset_id)
    LEFT JOIN sold b USING (asset_id)
    LEFT JOIN rv_attach_rate r ON r.category = p.category
    WHERE p.category = 'hardware' AND a.ship_date IS NOT NULL
      AND a.returned_on IS NULL  -- a returned unit needs no service
)
SELECT h.*,
       CAST(date_trunc('month', h.ship_date) AS DATE) AS month,
       CASE WHEN h.first_service <= h.attach_deadline THEN 'attached'
            WHEN h.possible_service <= h.attach_deadline THEN 'possibly'
            WHEN h.attach_deadline > s.as_of THEN 'pending'
            ELSE 'not_attached' END AS attach_status,
       -- what a year of service on the unit is worth: list price x the category's attach rate
       CASE WHEN h.currency = s.currency THEN 1.0 ELSE fx.rate END AS fx_rate,
       CASE WHEN h.currency = s.currency OR fx.rate IS NULL THEN h.currency ELSE s.currency END AS value_currency,
       cents(h.list_price * h.attach_rate_setting
             * CASE WHEN h.currency = s.currency THEN 1.0 ELSE coalesce(fx.rate, 1.0) END) AS service_value
FROM hardware h
CROSS JOIN run_settings s
LEFT JOIN rv_fx fx ON fx.currency = h.currency;

CREATE OR REPLACE TABLE attach_rates AS
SELECT h.reseller_id, coalesce(p.name, 'direct (no reseller)') AS reseller_name, h.family, h.month,
       CAST(count(*) AS INTEGER) AS units_shipped,
       CAST(count(*) FILTER (WHERE h.attach_status IN ('attached', 'possibly')) AS INTEGER) AS units_attached,
       CAST(count(*) FILTER (WHERE h.attach_status = 'not_attached') AS INTEGER) AS units_not_attached,
       CAST(count(*) FILTER (WHERE h.attach_status = 'pending') AS INTEGER) AS units_pending,
       CAST(count(*) FILTER (WHERE h.attach_status IN ('attached', 'possibly')) AS DOUBLE)
           / nullif(count(*) FILTER (WHERE h.attach_status <> 'pending'), 0) AS attach_rate,
       CAST(coalesce(sum(h.service_value) FILTER (WHERE h.attach_status = 'not_attached'), 0) AS DECIMAL(18, 2))
           AS value_not_attached,
       h.value_currency AS currency
FROM rg_hardware h
LEFT JOIN partners p ON p.partner_id = h.reseller_id
GROUP BY ALL
ORDER BY reseller_name, h.reseller_id NULLS LAST, h.family, h.month;

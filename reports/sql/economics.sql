-- partner_economics and customer_economics: per reseller (or direct) and per end customer, by
-- calendar quarter, each figure attributed to the counterparty in force on its date, so both sides
-- of a reassignment (overrides/assignments.csv) are right. Needs rv_contract_values, contracts,
-- assigned_parties (economics_items.sql), partner_terms, rv_partner_terms, rv_program_tiers, rv_partner_share, rv_fx,
-- customers, partners and run_settings.
--
--   booked      a contract in the quarter it starts (no start: a year before its end), through the
--               reseller on the contract (the one in force at its start): revenue = its amount in
--               the reporting currency (converted with valuation.fx_rates; no rate: its own currency)
--   split       partner_share = revenue × the reseller's share in the partner-program terms in force
--               on the start date - split_percent; a fixed fee as its rate over the reseller's annual
--               book (as the opportunity split); a tier's valuation.partner_share; no terms: the
--               configured tier's share or the default; direct: the direct share (0)
--   due         a contract in the quarter it ends, up to the as-of date, to the reseller in force on
--               its end date (an assignment effective by then moves it): renewed when a later
--               contract renews it; lapse_value = the annual value of those not renewed
CREATE OR REPLACE TEMP TABLE rv_econ_rates AS
WITH book AS (
    -- summed in one order: a DOUBLE sum split over threads differs in its last bits from run to run,
    -- and the rate divides by it (two builds of one inbox gave rates 2e-19 apart)
    SELECT v.reseller_id AS partner_id, sum(v.annual_value ORDER BY v.contract_id) AS annual_book
    FROM rv_contract_values v CROSS JOIN run_settings s
    WHERE v.reseller_id IS NOT NULL AND v.value_currency = s.currency
      AND coalesce(v.start_date, v.end_date) <= s.as_of AND v.end_date >= s.as_of
    GROUP BY v.reseller_id
)
SELECT t.partner_id, t.in_force_from, t.in_force_to,
       CASE WHEN t.split_percent IS NOT NULL THEN t.split_percent
            WHEN t.fixed_fee IS NOT NULL AND b.annual_book > 0
                THEN least(1.0, t.fixed_fee * CASE WHEN t.currency = s.currency THEN 1.0 ELSE fx.rate END / b.annual_book)
            ELSE ts.share END AS rate,
       CASE WHEN t.split_percent IS NOT NULL THEN 'program_split'
            WHEN t.fixed_fee IS NOT NULL AND b.annual_book > 0 THEN 'program_fee'
            ELSE 'program_tier' END AS basis
FROM partner_terms t
CROSS JOIN run_settings s
LEFT JOIN rv_fx fx ON fx.currency = t.currency
LEFT JOIN book b ON b.partner_id = t.partner_id
LEFT JOIN rv_program_tiers pg ON pg.written = t.tier
LEFT JOIN rv_partner_share ts ON ts.tier = pg.tier
WHERE t.in_force AND t.partner_id IS NOT NULL;

-- economics_lines: the figures per contract, before they are summed (booked and due rows)
CREATE OR REPLACE TABLE economics_lines AS
WITH booked AS (
    SELECT v.contract_id, v.customer_id, v.reseller_id, v.value_currency AS currency,
           coalesce(v.start_date, CAST(v.end_date - INTERVAL 1 YEAR AS DATE)) AS event_date,
           c.amount * v.fx_rate AS revenue
    FROM rv_contract_values v JOIN contracts c USING (contract_id)
),
rated AS (
    SELECT b.*,
           CASE WHEN b.reseller_id IS NULL THEN coalesce((SELECT share FROM rv_partner_share WHERE tier = 'direct'), 0)
                ELSE coalesce(r.rate, pt.partner_share, (SELECT share FROM rv_partner_share WHERE tier = 'default'))
           END AS partner_rate,
           CASE WHEN b.reseller_id IS NULL THEN 'direct' WHEN r.rate IS NOT NULL THEN r.basis
                WHEN pt.partner_share IS NOT NULL THEN 'configured' ELSE 'default' END AS split_basis
    FROM booked b
    LEFT JOIN rv_econ_rates r ON r.partner_id = b.reseller_id AND b.event_date BETWEEN r.in_force_from AND r.in_force_to
    LEFT JOIN rv_partner_terms pt ON pt.partner_id = b.reseller_id
)
SELECT 'booked' AS event, contract_id, customer_id, reseller_id, currency, event_date, partner_rate, split_basis,
       CAST(cents(revenue) AS DECIMAL(18, 2)) AS revenue,
       rv_share_of(revenue, partner_rate) AS partner_share,
       0 AS due, 0 AS renewed, CAST(0 AS DECIMAL(18, 2)) AS lapse_value
FROM rated
UNION ALL
SELECT 'due', v.contract_id, v.customer_id,
       CASE WHEN ap.reseller_assigned THEN ap.reseller_id ELSE v.reseller_id END, v.value_currency, v.end_date,
       NULL::DOUBLE, NULL::VARCHAR, CAST(0 AS DECIMAL(18, 2)), CAST(0 AS DECIMAL(18, 2)), 1, CASE WHEN v.renewed THEN 1 ELSE 0 END,
       CAST(CASE WHEN v.renewed THEN 0 ELSE coalesce(cents(v.annual_value), 0) END AS DECIMAL(18, 2))
FROM rv_contract_values v
CROSS JOIN run_settings s
LEFT JOIN assigned_parties ap ON ap.item_key = v.contract_id
WHERE v.end_date <= s.as_of
ORDER BY event_date, contract_id, event;

CREATE OR REPLACE TABLE partner_economics AS
SELECT e.reseller_id AS partner_id, coalesce(p.name, 'direct') AS partner_name,
       CAST(date_trunc('quarter', e.event_date) AS DATE) AS quarter,
       strftime(e.event_date, '%Y') || '-Q' || quarter(e.event_date) AS quarter_label, e.currency,
       count(*) FILTER (WHERE e.event = 'booked') AS contracts_booked,
       CAST(sum(e.revenue) AS DECIMAL(18, 2)) AS revenue,
       CAST(sum(e.revenue) - sum(e.partner_share) AS DECIMAL(18, 2)) AS vendor_share,
       CAST(sum(e.partner_share) AS DECIMAL(18, 2)) AS partner_share,
       CAST(sum(e.due) AS INTEGER) AS due, CAST(sum(e.renewed) AS INTEGER) AS renewed,
       CASE WHEN sum(e.due) > 0 THEN round(sum(e.renewed) / sum(e.due), 4) END AS renewal_rate,
       CAST(sum(e.due) - sum(e.renewed) AS INTEGER) AS lapsed,
       CAST(sum(e.lapse_value) AS DECIMAL(18, 2)) AS lapse_value
FROM economics_lines e
LEFT JOIN partners p ON p.partner_id = e.reseller_id
GROUP BY ALL
-- name, id, quarter, currency by position: DuckDB 1.4 finds the names ambiguous
ORDER BY 2, 1, 3, 5;  -- noqa: AM06

CREATE OR REPLACE TABLE customer_economics AS
SELECT e.customer_id, cu.name AS customer_name,
       CAST(date_trunc('quarter', e.event_date) AS DATE) AS quarter,
       strftime(e.event_date, '%Y') || '-Q' || quarter(e.event_date) AS quarter_label, e.currency,
       list_sort(list(DISTINCT coalesce(p.name, 'direct'))) AS counterparties,
       count(*) FILTER (WHERE e.event = 'booked') AS contracts_booked,
       CAST(sum(e.revenue) AS DECIMAL(18, 2)) AS revenue,
       CAST(sum(e.revenue) - sum(e.partner_share) AS DECIMAL(18, 2)) AS vendor_share,
       CAST(sum(e.partner_share) AS DECIMAL(18, 2)) AS partner_share,
       CAST(sum(e.due) AS INTEGER) AS due, CAST(sum(e.renewed) AS INTEGER) AS renewed,
       CASE WHEN sum(e.due) > 0 THEN round(sum(e.renewed) / sum(e.due), 4) END AS renewal_rate,
       CAST(sum(e.due) - sum(e.renewed) AS INTEGER) AS lapsed,
       CAST(sum(e.lapse_value) AS DECIMAL(18, 2)) AS lapse_value
FROM economics_lines e
LEFT JOIN customers cu ON cu.customer_id = e.customer_id
LEFT JOIN partners p ON p.partner_id = e.reseller_id
GROUP BY ALL
-- name, id, quarter, currency by position: DuckDB 1.4 finds the names ambiguous
ORDER BY 2, 1, 3, 5;  -- noqa: AM06

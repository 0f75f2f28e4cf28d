-- The analyst-facing tables: renewal_opportunities, installed_base, opportunity_assets, renewal_forecast
-- and missed_renewals (from rv_opportunities, rv_plan, rv_change, rv_installed_base,
-- rv_opportunity_assets, rv_upcoming, rv_contract_values).
-- Money is DECIMAL(18,2); vendor_share + partner_share = value exactly; the split is rv_split's
-- (the partner-program terms in force on the action date), the owner rv_contract_values'.
CREATE OR REPLACE TABLE renewal_opportunities AS
WITH valued AS (
    SELECT o.* EXCLUDE (partner_tier, partner_share_rate), sp.partner_tier, sp.partner_share_rate,
           sp.split_basis, sp.split_note,
           coalesce(o.renewal_owner, CASE WHEN o.reseller_id IS NULL THEN 'vendor' ELSE 'reseller' END) AS owner,
           coalesce(o.owner_at_risk, false) OR ar.customer_id IS NOT NULL AS at_risk,
           CAST(cents(o.value) AS DECIMAL(18, 2)) AS value_dec,
           -- split from the value in cents, in DECIMAL (as reports/sql/economics.sql): a DOUBLE summed in
           -- parallel differs in its last bits between runs, and a half cent would round either way
           rv_share_of(o.value, sp.partner_share_rate) AS partner_dec
    FROM rv_opportunities o
    JOIN rv_split sp USING (opportunity_id)
    LEFT JOIN rv_at_risk_customers ar ON ar.customer_id = o.customer_id
)
SELECT v.opportunity_id, v.kind, s.as_of AS as_of_date,
       v.customer_id, cu.name AS customer_name, cu.crm_account_id,
       v.reseller_id, pa.name AS reseller_name, v.partner_tier,
       v.owner AS renewal_owner,
       v.rep, v.rep_basis, ri.crm_user_id AS rep_crm_id,
       v.contract_id, v.contract_number, v.contract_ids, v.service_level, v.sku,
       CAST(v.asset_count AS INTEGER) AS asset_count,
       v.expiry_date, CAST(v.days_to_expiry AS INTEGER) AS days_to_expiry, pl.action_date,
       CAST(pl.priority AS INTEGER) AS priority, pl.value_band,
       v.window_label AS expiry_window, v.window_label AS "window",
       v.value_dec AS value,
       CAST(v.win_probability AS DOUBLE) AS win_probability,
       CAST(cents(v.value_dec * v.win_probability) AS DECIMAL(18, 2)) AS weighted_value,
       CAST(v.value_dec - v.partner_dec AS DECIMAL(18, 2)) AS vendor_share,
       v.partner_dec AS partner_share,
       v.currency,
       cu.contact_name, cu.contact_email, cu.contact_phone, cu.phone AS customer_phone,
       ch.since_last_run, ch.previous_value,
       CASE WHEN v.owner = 'third_party' AND v.kind IN ('renewal', 'lapsed', 'coterm')
            THEN 'Competitive win-back: maintained by ' || coalesce(v.service_provider_name, 'a third-party maintainer')
                 || ', a third-party maintainer who may renew it direct (account at risk). '
            ELSE '' END || v.basis || v.split_note AS basis,
       v.at_risk, v.split_basis, v.service_provider_id, v.service_provider_name
FROM valued v
CROSS JOIN run_settings s
JOIN rv_plan pl USING (opportunity_id)
LEFT JOIN rv_change ch USING (opportunity_id)
LEFT JOIN customers cu ON cu.customer_id = v.customer_id
LEFT JOIN partners pa ON pa.partner_id = v.reseller_id
LEFT JOIN rv_rep_ids ri ON ri.rep = v.rep
-- working order: action date, then priority; on one day renewals (about to lapse) before win-backs before gaps
ORDER BY pl.action_date ASC, pl.priority ASC,
         CASE v.kind WHEN 'renewal' THEN 0 WHEN 'lapsed' THEN 1 WHEN 'coverage_gap' THEN 2 ELSE 3 END,
         v.expiry_date ASC, v.value DESC NULLS LAST, v.opportunity_id ASC;

-- assets uncovered for over gap_max_age_years: the installed base, listed apart from the opportunities
CREATE OR REPLACE TABLE installed_base AS
SELECT ib.asset_id, ib.serial_number, ib.sku, ib.category, ib.customer_id, cu.name AS customer_name,
       ib.reseller_id, pa.name AS reseller_name,
       coalesce(cr.crm_owner, cr.tracker_rep, ch.rep) AS rep,
       a.ship_date, ib.warranty_end, ib.last_end AS last_contract_end, ib.uncovered_since,
       CAST(round((s.as_of - ib.uncovered_since) / 365.25, 1) AS DECIMAL(5, 1)) AS years_uncovered,
       CAST(cents(ib.list_price * ib.fx_rate) AS DECIMAL(18, 2)) AS list_price,
       CAST(cents(ib.list_price * ib.fx_rate * ib.attach_rate) AS DECIMAL(18, 2)) AS value_if_covered,
       ib.value_currency AS currency, cu.contact_name, cu.contact_phone
FROM rv_installed_base ib
CROSS JOIN run_settings s
LEFT JOIN assets a ON a.asset_id = ib.asset_id
LEFT JOIN customers cu ON cu.customer_id = ib.customer_id
LEFT JOIN partners pa ON pa.partner_id = ib.reseller_id
LEFT JOIN rv_customer_reps cr ON cr.customer_id = ib.customer_id
LEFT JOIN rv_channel_rep ch ON ch.partner_id = ib.reseller_id
ORDER BY customer_name, ib.sku, ib.serial_number, ib.asset_id;

CREATE OR REPLACE TABLE opportunity_assets AS
SELECT oa.opportunity_id, oa.asset_id, a.serial_number, a.sku
FROM rv_opportunity_assets oa
LEFT JOIN assets a ON a.asset_id = oa.asset_id
ORDER BY oa.opportunity_id, a.serial_number, oa.asset_id;

CREATE OR REPLACE TABLE renewal_forecast AS
SELECT u.contract_id, u.contract_number, u.customer_id, cu.name AS customer_name,
       u.reseller_id, pa.name AS reseller_name, u.renewal_owner, u.rep, u.service_level, u.end_date AS expiry_date,
       CAST(date_trunc('month', u.end_date) AS DATE) AS month,
       CAST(u.days_to_expiry AS INTEGER) AS days_to_expiry, u.window_label AS expiry_window,
       u.window_label AS "window",
       CAST(u.renewal_value AS DECIMAL(18, 2)) AS value,
       CAST(u.probability AS DOUBLE) AS win_probability,
       CAST(cents(u.renewal_value * u.probability) AS DECIMAL(18, 2)) AS weighted_value,
       u.value_currency AS currency,
       u.days_to_expiry <= s.renewal_days AS listed_as_renewal
FROM rv_upcoming u
CROSS JOIN run_settings s
LEFT JOIN customers cu ON cu.customer_id = u.customer_id
LEFT JOIN partners pa ON pa.partner_id = u.reseller_id
WHERE u.end_date < date_trunc('month', s.as_of) + to_months(s.forecast_months)
ORDER BY u.end_date, u.contract_id;

CREATE OR REPLACE TABLE missed_renewals AS
SELECT v.contract_id, v.contract_number, v.customer_id, cu.name AS customer_name,
       v.reseller_id, pa.name AS reseller_name, v.renewal_owner, v.rep, v.service_level, v.end_date,
       CAST(s.as_of - v.end_date AS INTEGER) AS days_since_end,
       CAST(cents(v.annual_value) AS DECIMAL(18, 2)) AS value,
       v.value_currency AS currency,
       o.opportunity_id AS lapsed_opportunity_id
FROM rv_contract_values v
CROSS JOIN run_settings s
LEFT JOIN customers cu ON cu.customer_id = v.customer_id
LEFT JOIN partners pa ON pa.partner_id = v.reseller_id
LEFT JOIN rv_opportunities o ON o.kind = 'lapsed' AND o.contract_id = v.contract_id
WHERE NOT v.renewed AND v.end_date < s.as_of AND v.end_date >= s.as_of - s.missed_days
ORDER BY v.end_date DESC, v.contract_id ASC;

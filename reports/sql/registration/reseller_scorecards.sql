-- reseller_scorecards: per reseller, the last audit_days (12 months) to the as-of date. Needs
-- rv_contract_values, rg_hardware, renewal_opportunities, partner_terms, partners, contracts,
-- run_settings and rg_settings.
--
--   due        contracts of the reseller that ended in the period, less those still inside the
--              renewal window (valuation.renewal_window_days) and not renewed yet (pending)
--   renewed    due contracts renewed (contracts.renewed_by: a later contract within the renewal window)
--   worked     due contracts renewed, or followed later (any gap up to the as-of date) by another
--              contract of the same customer - the due renewals that later appear renewed
--   lapse      the annual value of due contracts not renewed
--   attach     hardware units of the reseller whose attach deadline (ship + attach_days) fell in the
--              period, and those with a service attached in time (rg_hardware)
--   at risk    the value of its renewal opportunities expiring within risk_days of the as-of date
-- Tier and certification: the partner-program terms in force at the as-of date.
CREATE OR REPLACE TEMP TABLE rg_due AS
SELECT v.contract_id, v.reseller_id, v.customer_id, v.sku, v.end_date, v.renewed, v.annual_value, v.value_currency,
       v.renewed OR EXISTS (
           SELECT 1 FROM contracts l
           WHERE l.customer_id = v.customer_id AND l.contract_id <> v.contract_id
             AND l.start_date > v.end_date AND l.start_date <= s.as_of) AS worked
FROM rv_contract_values v
CROSS JOIN run_settings s
CROSS JOIN rg_settings g
WHERE v.reseller_id IS NOT NULL
  AND v.end_date >= s.as_of - g.audit_days AND v.end_date < s.as_of
  AND (v.renewed OR v.end_date < s.as_of - s.renewal_window_days);

CREATE OR REPLACE TEMP TABLE rg_pending AS
SELECT v.reseller_id, count(*) AS pending
FROM rv_contract_values v
CROSS JOIN run_settings s
WHERE v.reseller_id IS NOT NULL AND NOT v.renewed
  AND v.end_date < s.as_of AND v.end_date >= s.as_of - s.renewal_window_days
GROUP BY ALL;

CREATE OR REPLACE TABLE reseller_scorecards AS
WITH resellers AS (
    SELECT reseller_id FROM rv_contract_values WHERE reseller_id IS NOT NULL
    UNION SELECT reseller_id FROM rg_hardware WHERE reseller_id IS NOT NULL
    UNION SELECT partner_id FROM partners WHERE role = 'reseller'
),
due AS (
    SELECT d.reseller_id, count(*) AS due, count(*) FILTER (WHERE d.renewed) AS renewed,
           count(*) FILTER (WHERE d.worked) AS worked,
           sum(d.annual_value) FILTER (WHERE NOT d.renewed AND d.value_currency = s.currency) AS lapse_value
    FROM rg_due d CROSS JOIN run_settings s
    GROUP BY d.reseller_id
),
attach AS (
    SELECT h.reseller_id,
           count(*) FILTER (WHERE h.attach_status <> 'pending') AS units,
           count(*) FILTER (WHERE h.attach_status IN ('attached', 'possibly')) AS attached
    FROM rg_hardware h CROSS JOIN run_settings s CROSS JOIN rg_settings g
    WHERE h.reseller_id IS NOT NULL
      AND h.attach_deadline > s.as_of - g.audit_days AND h.attach_deadline <= s.as_of
    GROUP BY h.reseller_id
),
risk AS (
    SELECT o.reseller_id, count(*) AS renewals, sum(o.value) AS value
    FROM renewal_opportunities o CROSS JOIN run_settings s CROSS JOIN rg_settings g
    WHERE o.kind = 'renewal' AND o.reseller_id IS NOT NULL AND o.currency = s.currency
      AND o.expiry_date <= s.as_of + g.risk_days
    GROUP BY o.reseller_id
),
terms AS (
    SELECT t.partner_id, arg_max(t.tier, t.in_force_from) AS tier, arg_max(t.certification, t.in_force_from) AS certification
    FROM partner_terms t CROSS JOIN run_settings s
    WHERE t.in_force AND s.as_of BETWEEN t.in_force_from AND t.in_force_to
    GROUP BY t.partner_id
),
cards AS (
    SELECT r.reseller_id, p.name AS reseller_name, t.tier, t.certification,
           coalesce(d.due, 0) AS contracts_due, coalesce(d.renewed, 0) AS contracts_renewed,
           coalesce(pe.pending, 0) AS contracts_pending, coalesce(d.worked, 0) AS contracts_worked,
           CAST(d.renewed AS DOUBLE) / nullif(d.due, 0) AS renewal_rate,
           CAST(d.worked AS DOUBLE) / nullif(d.due, 0) AS worked_share,
           coalesce(d.lapse_value, 0) AS lapse_value,
           coalesce(a.units, 0) AS hardware_units, coalesce(a.attached, 0) AS hardware_attached,
           CAST(a.attached AS DOUBLE) / nullif(a.units, 0) AS attach_rate,
           coalesce(k.renewals, 0) AS renewals_at_risk, coalesce(k.value, 0) AS value_at_risk
    FROM resellers r
    LEFT JOIN partners p ON p.partner_id = r.reseller_id
    LEFT JOIN due d USING (reseller_id)
    LEFT JOIN rg_pending pe USING (reseller_id)
    LEFT JOIN attach a USING (reseller_id)
    LEFT JOIN risk k USING (reseller_id)
    LEFT JOIN terms t ON t.partner_id = r.reseller_id
),
average AS (
    SELECT CAST(sum(contracts_renewed) AS DOUBLE) / nullif(sum(contracts_due), 0) AS renewal_rate,
           CAST(sum(hardware_attached) AS DOUBLE) / nullif(sum(hardware_units), 0) AS attach_rate,
           CAST(sum(contracts_worked) AS DOUBLE) / nullif(sum(contracts_due), 0) AS worked_share
    FROM cards
)
SELECT c.reseller_id, c.reseller_name, s.as_of AS as_of_date,
       CAST(s.as_of - g.audit_days AS DATE) AS period_start, c.tier, c.certification,
       CAST(c.contracts_due AS INTEGER) AS contracts_due, CAST(c.contracts_renewed AS INTEGER) AS contracts_renewed,
       CAST(c.contracts_pending AS INTEGER) AS contracts_pending, c.renewal_rate,
       CAST(cents(c.lapse_value) AS DECIMAL(18, 2)) AS lapse_value,
       CAST(c.hardware_units AS INTEGER) AS hardware_units, CAST(c.hardware_attached AS INTEGER) AS hardware_attached,
       c.attach_rate,
       CAST(c.renewals_at_risk AS INTEGER) AS renewals_at_risk,
       CAST(cents(c.value_at_risk) AS DECIMAL(18, 2)) AS value_at_risk,
       CAST(c.contracts_worked AS INTEGER) AS contracts_worked, c.worked_share,
       av.renewal_rate AS average_renewal_rate, av.attach_rate AS average_attach_rate,
       av.worked_share AS average_worked_share, s.currency
FROM cards c
CROSS JOIN average av
CROSS JOIN run_settings s
CROSS JOIN rg_settings g
WHERE c.contracts_due + c.contracts_pending + c.hardware_units + c.renewals_at_risk > 0 OR c.tier IS NOT NULL
ORDER BY c.reseller_name, c.reseller_id;

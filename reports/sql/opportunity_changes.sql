-- What changed since the last published run: rv_change (TEMP, per current opportunity: new /
-- changed / NULL) and opportunity_changes (added, dropped with the reason, value or kind changed).
-- Needs rv_opportunities, contracts, customers, id_history, rv_installed_base and the frame
-- `previous_opportunities` (the last published renewal_opportunities; empty on a first run).
--
-- An opportunity is the same as last run's when its id is, or when a renewal became a win-back of
-- the same contract (its id changes with its kind). Dropped reasons: merged (its customer was
-- merged into another), renewed (its contract is renewed now), expired (the win-back window
-- closed), no longer in the sources (its contract is gone), moved to the installed base, covered
-- (a gap now under a contract), else no longer listed.
CREATE OR REPLACE TEMP TABLE rv_previous AS
SELECT CAST(opportunity_id AS VARCHAR) AS opportunity_id, CAST(kind AS VARCHAR) AS kind,
       CAST(contract_id AS VARCHAR) AS contract_id, CAST(contract_number AS VARCHAR) AS contract_number,
       CAST(customer_id AS VARCHAR) AS customer_id, CAST(customer_name AS VARCHAR) AS customer_name,
       CAST(rep AS VARCHAR) AS rep, CAST(reseller_id AS VARCHAR) AS reseller_id,
       CAST(reseller_name AS VARCHAR) AS reseller_name, CAST(sku AS VARCHAR) AS sku,
       CAST(value AS DECIMAL(18, 2)) AS value, CAST(currency AS VARCHAR) AS currency,
       CAST(expiry_date AS DATE) AS expiry_date, CAST(as_of_date AS DATE) AS as_of_date
FROM previous_opportunities;

CREATE OR REPLACE TEMP TABLE rv_matches AS
SELECT o.opportunity_id, p.opportunity_id AS previous_id, p.kind AS previous_kind, p.value AS previous_value
FROM rv_opportunities o JOIN rv_previous p USING (opportunity_id)
UNION ALL
SELECT o.opportunity_id, p.opportunity_id, p.kind, p.value
FROM rv_opportunities o
JOIN rv_previous p ON p.contract_id = o.contract_id AND p.kind <> o.kind
WHERE o.kind IN ('renewal', 'lapsed') AND p.kind IN ('renewal', 'lapsed')
  AND p.opportunity_id NOT IN (SELECT opportunity_id FROM rv_opportunities);

CREATE OR REPLACE TEMP TABLE rv_change AS
SELECT o.opportunity_id, m.previous_kind, m.previous_value,
       CASE WHEN NOT EXISTS (SELECT 1 FROM rv_previous) THEN NULL
            WHEN m.opportunity_id IS NULL THEN 'new'
            WHEN m.previous_kind <> o.kind
              OR abs(coalesce(cents(o.value), -1) - coalesce(m.previous_value, -1)) >= 0.01 THEN 'changed'
            END AS since_last_run
FROM rv_opportunities o
LEFT JOIN rv_matches m USING (opportunity_id);

CREATE OR REPLACE TABLE opportunity_changes AS
WITH previous_as_of AS (SELECT max(as_of_date) AS d FROM rv_previous),
added AS (
    SELECT o.opportunity_id, 'added' AS change, o.kind,
           CASE o.kind WHEN 'renewal' THEN 'entered the renewal window'
                       WHEN 'lapsed' THEN 'expired without a renewal'
                       WHEN 'coverage_gap' THEN 'new coverage gap'
                       ELSE 'new co-term proposal' END AS reason,
           o.customer_id, o.contract_id, o.contract_number, o.rep, o.reseller_id, o.sku,
           NULL::DECIMAL(18, 2) AS previous_value, CAST(cents(o.value) AS DECIMAL(18, 2)) AS value, o.currency
    FROM rv_opportunities o JOIN rv_change c USING (opportunity_id)
    WHERE c.since_last_run = 'new'
),
changed AS (
    SELECT o.opportunity_id,
           CASE WHEN c.previous_kind <> o.kind THEN 'kind changed' ELSE 'value changed' END AS change, o.kind,
           CASE WHEN c.previous_kind <> o.kind
                THEN c.previous_kind || ' -> ' || o.kind || CASE WHEN o.kind = 'lapsed'
                     THEN ': ended ' || strftime(o.expiry_date, '%Y-%m-%d') || ' without a renewal' ELSE '' END
                ELSE 'value ' || coalesce(format('{:,.2f}', CAST(c.previous_value AS DOUBLE)), 'unknown') || ' -> '
                     || coalesce(format('{:,.2f}', CAST(cents(o.value) AS DOUBLE)), 'unknown') END AS reason,
           o.customer_id, o.contract_id, o.contract_number, o.rep, o.reseller_id, o.sku,
           c.previous_value, CAST(cents(o.value) AS DECIMAL(18, 2)) AS value, o.currency
    FROM rv_opportunities o JOIN rv_change c USING (opportunity_id)
    WHERE c.since_last_run = 'changed'
),
dropped AS (
    SELECT p.opportunity_id, 'dropped' AS change, p.kind,
           CASE WHEN p.customer_id IS NOT NULL AND p.customer_id NOT IN (SELECT customer_id FROM customers)
                    THEN 'merged' || coalesce(' into ' || (SELECT max(h.new_id) FROM id_history h
                                                         WHERE h.entity = 'customer' AND h.old_id = p.customer_id
                                                           AND h.event = 'merge'), '')
                WHEN k.contract_id IS NOT NULL AND (k.renewed_by IS NOT NULL OR k.status = 'renewed')
                    THEN 'renewed' || coalesce(' by ' || k.renewed_by, ' (as a source''s status says)')
                WHEN p.kind = 'coterm' AND EXISTS (
                        SELECT 1 FROM contracts x WHERE x.customer_id = p.customer_id AND x.renewed_by IS NOT NULL
                          AND x.end_date >= p.as_of_date)
                    THEN 'renewed (a contract it folded was renewed)'
                WHEN p.kind IN ('renewal', 'lapsed') AND k.status = 'credited'
                    THEN 'credited (its invoice was credited in full)'
                WHEN p.kind IN ('renewal', 'lapsed') AND k.status = 'lost'
                    THEN 'lost (a source''s status says the customer will not renew)'
                WHEN p.kind IN ('renewal', 'lapsed') AND k.contract_id IS NULL THEN 'no longer in the sources'
                WHEN p.kind IN ('renewal', 'lapsed') AND k.end_date < s.as_of - s.lapsed_days
                    THEN 'expired (win-back window of ' || s.lapsed_days || ' days closed)'
                WHEN p.kind = 'coverage_gap' AND EXISTS (
                        SELECT 1 FROM rv_installed_base ib
                        WHERE ib.customer_id IS NOT DISTINCT FROM p.customer_id AND ib.sku IS NOT DISTINCT FROM p.sku)
                    THEN 'moved to the installed base (uncovered for over ' || s.gap_max_age_years || ' years)'
                WHEN p.kind = 'coverage_gap' THEN 'covered (under a contract now)'
                ELSE 'no longer listed' END AS reason,
           p.customer_id, p.contract_id, p.contract_number, p.rep, p.reseller_id, p.sku,
           p.value AS previous_value, NULL::DECIMAL(18, 2) AS value, p.currency
    FROM rv_previous p
    CROSS JOIN run_settings s
    LEFT JOIN contracts k ON k.contract_id = p.contract_id
    WHERE p.opportunity_id NOT IN (SELECT opportunity_id FROM rv_opportunities)
      AND p.opportunity_id NOT IN (SELECT previous_id FROM rv_matches)
)
SELECT x.opportunity_id, x.change, x.kind, x.reason, (SELECT d FROM previous_as_of) AS previous_as_of,
       s.as_of AS as_of_date, x.customer_id, coalesce(cu.name, pv.customer_name) AS customer_name,
       x.contract_id, x.contract_number, x.rep, x.reseller_id, coalesce(pa.name, pv.reseller_name) AS reseller_name,
       x.sku, x.previous_value, x.value, x.currency
FROM (SELECT * FROM added UNION ALL BY NAME SELECT * FROM changed UNION ALL BY NAME SELECT * FROM dropped) x
CROSS JOIN run_settings s
LEFT JOIN customers cu ON cu.customer_id = x.customer_id
LEFT JOIN partners pa ON pa.partner_id = x.reseller_id
LEFT JOIN rv_previous pv ON pv.opportunity_id = x.opportunity_id
ORDER BY CASE x.change WHEN 'dropped' THEN 0 WHEN 'kind changed' THEN 1 WHEN 'value changed' THEN 2 ELSE 3 END,
         customer_name, x.opportunity_id;

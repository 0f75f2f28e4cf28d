-- The four kinds of opportunity as of run_settings.as_of, one row each in rv_opportunities (TEMP),
-- with the assets each is about in rv_opportunity_assets (TEMP). Needs rv_contract_values.
--
--   renewal       a contract ending within renewal_days and not renewed: annual value × (1 + uplift)
--   lapsed        a contract that ended within lapsed_days and was not renewed: last annual value
--                 (neither for a contract whose status says its renewal was lost: contracts.status 'lost')
--   coverage_gap  assets past warranty never under contract, or out of contract for over gap_days
--                 (contract_assets: serial and inferred coverage), uncovered for at most
--                 gap_max_age_years (older ones are the installed base, rv_installed_base): list price
--                 × the category's attach rate a year (one row per customer, reseller, SKU and reason)
-- The action date and priority are planned afterwards (opportunity_plan.sql).
--   coterm        per customer, the contracts ending within coterm_months (at least
--                 coterm_min_contracts of them, on at least two dates) folded into one proposal that
--                 starts at the first expiry and ends coterm_term_months later; each contract is
--                 renewed from its own end to that common end at its annual value × (1 + uplift),
--                 prorated. An alternative to those contracts' separate renewals.

-- not renewed nor lost, ending from the as-of date to the end of the forecast or co-term horizon
CREATE OR REPLACE TEMP TABLE rv_upcoming AS
SELECT v.*, v.end_date - s.as_of AS days_to_expiry, w.label AS window_label, w.probability,
       cents(v.annual_value * (1 + s.uplift)) AS renewal_value
FROM rv_contract_values v
CROSS JOIN run_settings s
JOIN rv_windows w ON v.end_date - s.as_of BETWEEN w.lo AND w.hi
WHERE NOT v.renewed AND NOT v.lost
  AND v.end_date >= s.as_of
  AND v.end_date < greatest(date_trunc('month', s.as_of) + to_months(s.forecast_months),
                            s.as_of + to_months(s.coterm_months),
                            s.as_of + s.renewal_days + 1);

CREATE OR REPLACE TEMP TABLE rv_renewals AS
SELECT 'renewal' AS kind, u.contract_id AS opp_key, u.customer_id, u.reseller_id, u.rep, u.rep_basis,
       u.partner_tier, u.partner_share_rate, u.contract_id, u.contract_number, [u.contract_id] AS contract_ids,
       u.renewal_owner, u.owner_at_risk, u.service_provider_id, u.service_provider_name,
       u.service_level, u.sku, u.asset_count, u.end_date AS expiry_date, u.days_to_expiry,
       u.window_label, u.probability AS win_probability, u.renewal_value AS value, u.value_currency AS currency,
       CASE WHEN u.annual_value IS NULL
            THEN 'Renewal of ' || u.contract_number || ' ending ' || rv_day(u.end_date)
                 || ': no amount and no list price known, not valued.'
            ELSE 'Renewal of ' || u.contract_number || ' ending ' || rv_day(u.end_date) || ': '
                 || u.annual_basis || ', plus ' || rv_pct(s.uplift) || ' uplift = '
                 || rv_money(u.value_currency, u.renewal_value) || ' a year' || u.fx_note || '; '
                 || rv_pct(u.probability) || ' win probability at ' || u.window_label || ' days.'
       END AS basis
FROM rv_upcoming u
CROSS JOIN run_settings s
WHERE u.days_to_expiry <= s.renewal_days;

CREATE OR REPLACE TEMP TABLE rv_lapsed AS
SELECT 'lapsed' AS kind, v.contract_id AS opp_key, v.customer_id, v.reseller_id, v.rep, v.rep_basis,
       v.partner_tier, v.partner_share_rate, v.contract_id, v.contract_number, [v.contract_id] AS contract_ids,
       v.renewal_owner, v.owner_at_risk, v.service_provider_id, v.service_provider_name,
       v.service_level, v.sku, v.asset_count, v.end_date AS expiry_date, v.end_date - s.as_of AS days_to_expiry,
       'lapsed' AS window_label, fp.lapsed AS win_probability,
       cents(v.annual_value) AS value, v.value_currency AS currency,
       'Ended ' || rv_day(v.end_date) || ' (' || (s.as_of - v.end_date) || ' days ago) and not renewed: win-back at the last annual value, '
           || coalesce(v.annual_basis || v.fx_note, 'which is unknown (no amount, no list price)') || '; '
           || rv_pct(fp.lapsed) || ' win probability (lapsed).' AS basis
FROM rv_contract_values v
CROSS JOIN run_settings s
CROSS JOIN rv_fixed_probability fp
WHERE NOT v.renewed AND NOT v.lost AND v.end_date < s.as_of AND v.end_date >= s.as_of - s.lapsed_days;

CREATE OR REPLACE TEMP TABLE rv_coterm_members AS
WITH eligible AS (
    SELECT u.* FROM rv_upcoming u CROSS JOIN run_settings s
    WHERE u.customer_id IS NOT NULL AND u.end_date < s.as_of + to_months(s.coterm_months)
),
-- one proposal per customer and reseller: a reseller folds its own contracts (another reseller's
-- contract, number and price never show in its proposal or its workbook)
groups AS (
    SELECT e.customer_id, e.reseller_id, min(e.end_date) AS coterm_date
    FROM eligible e CROSS JOIN run_settings s
    GROUP BY e.customer_id, e.reseller_id, s.coterm_min_contracts
    HAVING count(*) >= s.coterm_min_contracts AND count(DISTINCT e.end_date) >= 2
       AND count(DISTINCT e.value_currency) = 1
)
SELECT e.*, g.coterm_date,
       CAST(g.coterm_date + to_months(s.coterm_term_months) AS DATE) AS coterm_end,
       CAST(g.coterm_date + to_months(s.coterm_term_months) AS DATE) - e.end_date AS prorated_days,
       cents(e.annual_value * (1 + s.uplift) * s.coterm_term_months / 12.0
             * (CAST(g.coterm_date + to_months(s.coterm_term_months) AS DATE) - e.end_date)
             / (CAST(g.coterm_date + to_months(s.coterm_term_months) AS DATE) - g.coterm_date)) AS prorated_value
FROM eligible e
JOIN groups g ON g.customer_id = e.customer_id AND g.reseller_id IS NOT DISTINCT FROM e.reseller_id
CROSS JOIN run_settings s;

CREATE OR REPLACE TEMP TABLE rv_coterms AS
WITH folded AS (
    SELECT customer_id, reseller_id, any_value(coterm_date) AS coterm_date, any_value(coterm_end) AS coterm_end,
           arg_min(contract_id, (end_date, contract_id)) AS contract_id,
           arg_min(rep, (end_date, contract_id)) AS rep,
           arg_min(rep_basis, (end_date, contract_id)) AS rep_basis,
           arg_min(partner_tier, (end_date, contract_id)) AS partner_tier,
           arg_min(partner_share_rate, (end_date, contract_id)) AS partner_share_rate,
           arg_min(renewal_owner, (end_date, contract_id)) AS renewal_owner,
           bool_or(owner_at_risk) AS owner_at_risk,
           arg_min(service_provider_id, (end_date, contract_id)) AS service_provider_id,
           arg_min(service_provider_name, (end_date, contract_id)) AS service_provider_name,
           string_agg(contract_number, ', ' ORDER BY end_date, contract_number) AS contract_number,
           list(contract_id ORDER BY end_date, contract_id) AS contract_ids,
           CASE WHEN count(DISTINCT service_level) = 1 THEN any_value(service_level)
                WHEN count(DISTINCT service_level) > 1 THEN 'mixed' END AS service_level,
           CASE WHEN count(DISTINCT sku) = 1 THEN any_value(sku) END AS sku,
           count(*) AS contracts, max(end_date) AS last_end, min(value_currency) AS currency,
           sum(prorated_value) AS value, count(*) - count(prorated_value) AS unvalued,
           string_agg(contract_number || ' ' || rv_money(value_currency, prorated_value) || ' for '
                      || prorated_days || ' days', '; ' ORDER BY end_date, contract_number) AS parts
    FROM rv_coterm_members
    GROUP BY customer_id, reseller_id
),
member_assets AS (
    SELECT m.customer_id, m.reseller_id, count(DISTINCT ca.asset_id) AS asset_count
    FROM rv_coterm_members m JOIN contract_assets ca USING (contract_id)
    WHERE ca.basis <> 'inferred_ambiguous'
    GROUP BY m.customer_id, m.reseller_id
)
SELECT 'coterm' AS kind, f.customer_id || coalesce('@' || f.reseller_id, '') AS opp_key, f.customer_id, f.reseller_id, f.rep, f.rep_basis,
       f.partner_tier, f.partner_share_rate, f.contract_id, f.contract_number, f.contract_ids,
       f.renewal_owner, f.owner_at_risk, f.service_provider_id, f.service_provider_name,
       f.service_level, f.sku, coalesce(a.asset_count, 0) AS asset_count,
       f.coterm_date AS expiry_date, f.coterm_date - s.as_of AS days_to_expiry,
       w.label AS window_label, w.probability AS win_probability, f.value, f.currency,
       'Co-term of ' || f.contracts || ' contracts ending ' || rv_day(f.coterm_date) || ' to ' || rv_day(f.last_end)
           || ' onto one term ' || rv_day(f.coterm_date) || ' to ' || rv_day(f.coterm_end)
           || ': each renewed from its own end to ' || rv_day(f.coterm_end) || ' at its annual value plus '
           || rv_pct(s.uplift) || ' uplift, prorated (' || f.parts || ') = ' || rv_money(f.currency, f.value)
           || CASE WHEN f.unvalued > 0 THEN ', ' || f.unvalued || ' contract(s) without a known value left out' ELSE '' END
           || '; ' || rv_pct(w.probability) || ' win probability at ' || w.label
           || ' days. An alternative to these contracts'' separate renewals, not added to totals.' AS basis
FROM folded f
CROSS JOIN run_settings s
JOIN rv_windows w ON f.coterm_date - s.as_of BETWEEN w.lo AND w.hi
LEFT JOIN member_assets a ON a.customer_id = f.customer_id AND a.reseller_id IS NOT DISTINCT FROM f.reseller_id;

-- assets and their coverage: the latest end of any contract covering them
CREATE OR REPLACE TEMP TABLE rv_asset_coverage AS
SELECT a.asset_id, a.serial_number, a.customer_id, a.reseller_id, p.sku, p.category, p.list_price,
       coalesce(nullif(upper(trim(p.currency)), ''), s.currency) AS currency, a.warranty_end,
       count(c.contract_id) AS contracts, max(c.end_date) AS last_end,
       bool_or(c.contract_id IS NOT NULL AND c.end_date IS NULL) AS open_ended
FROM assets a
CROSS JOIN run_settings s
LEFT JOIN products p ON p.sku = upper(regexp_replace(a.sku, '\s+', '', 'g'))
LEFT JOIN contract_assets ca ON ca.asset_id = a.asset_id
-- a contract credited in full (cancelled, returned) covers nothing
LEFT JOIN contracts c ON c.contract_id = ca.contract_id AND c.status IS DISTINCT FROM 'credited'
WHERE a.returned_on IS NULL  -- a unit the customer returned is no longer theirs to cover
GROUP BY ALL;

-- per customer: current or recent contracts with no recorded serials (they may cover a "gap")
CREATE OR REPLACE TEMP TABLE rv_unlinked_contracts AS
SELECT c.customer_id, count(*) AS contracts, min(c.contract_number) AS example
FROM contracts c
CROSS JOIN run_settings s
WHERE c.customer_id IS NOT NULL AND c.end_date >= s.as_of - s.gap_days AND c.status IS DISTINCT FROM 'credited'
  AND NOT EXISTS (SELECT 1 FROM contract_assets ca WHERE ca.contract_id = c.contract_id)
GROUP BY c.customer_id;

CREATE OR REPLACE TEMP TABLE rv_gap_assets AS
SELECT g.*, r.rate AS attach_rate, (g.contracts = 0) AS never_covered,
       CAST(greatest(g.warranty_end, g.last_end) AS DATE) AS uncovered_since,
       CASE WHEN g.currency = s.currency THEN 1.0 ELSE coalesce(fx.rate, 1.0) END AS fx_rate,
       CASE WHEN g.currency = s.currency OR fx.rate IS NULL THEN g.currency ELSE s.currency END AS value_currency
FROM rv_asset_coverage g
CROSS JOIN run_settings s
JOIN rv_attach_rate r ON r.category = g.category
LEFT JOIN rv_fx fx ON fx.currency = g.currency
WHERE g.warranty_end < s.as_of
  AND NOT g.open_ended
  AND (g.contracts = 0 OR g.last_end < s.as_of - s.gap_days);

-- uncovered for over gap_max_age_years: the installed base (a list of its own, out of the headline)
CREATE OR REPLACE TEMP TABLE rv_installed_base AS
SELECT g.* FROM rv_gap_assets g CROSS JOIN run_settings s
WHERE g.uncovered_since < s.as_of - to_years(s.gap_max_age_years);

CREATE OR REPLACE TEMP TABLE rv_gaps AS
WITH grouped_assets AS (
    SELECT customer_id, reseller_id, sku, never_covered, value_currency AS currency,
           any_value(category) AS category, any_value(attach_rate) AS attach_rate,
           any_value(list_price * fx_rate) AS unit_list_price,
           count(*) AS asset_count, count(list_price) AS priced,
           cents(sum(list_price * fx_rate * attach_rate)) AS value,
           min(uncovered_since) AS since, max(last_end) AS last_end
    FROM rv_gap_assets
    WHERE asset_id NOT IN (SELECT asset_id FROM rv_installed_base)
    GROUP BY customer_id, reseller_id, sku, never_covered, value_currency
),
grouped AS (
    SELECT g.*, u.contracts AS unlinked, u.example AS unlinked_example
    FROM grouped_assets g LEFT JOIN rv_unlinked_contracts u USING (customer_id)
)
SELECT 'coverage_gap' AS kind,
       concat_ws('|', coalesce(g.customer_id, ''), coalesce(g.reseller_id, ''), coalesce(g.sku, ''),
                 CASE WHEN g.never_covered THEN 'never' ELSE 'lapsed' END, g.currency) AS opp_key,
       g.customer_id, g.reseller_id,
       coalesce(cr.crm_owner, cr.tracker_rep, ch.rep) AS rep,
       CASE WHEN cr.crm_owner IS NOT NULL THEN 'crm_account_owner'
            WHEN cr.tracker_rep IS NOT NULL THEN 'customer_tracker'
            WHEN ch.rep IS NOT NULL THEN 'reseller_channel_rep'
            ELSE 'unassigned' END AS rep_basis,
       CASE WHEN g.reseller_id IS NULL THEN 'direct' ELSE coalesce(pt.tier, 'default') END AS partner_tier,
       CASE WHEN g.reseller_id IS NULL THEN coalesce((SELECT share FROM rv_partner_share WHERE tier = 'direct'), 0)
            ELSE coalesce(pt.partner_share, (SELECT share FROM rv_partner_share WHERE tier = 'default')) END
           AS partner_share_rate,
       NULL::VARCHAR AS contract_id, NULL::VARCHAR AS contract_number, []::VARCHAR[] AS contract_ids,
       NULL::VARCHAR AS service_level, g.sku, g.asset_count, g.since AS expiry_date,
       g.since - s.as_of AS days_to_expiry, 'gap' AS window_label,
       fp.gap AS win_probability, CASE WHEN g.priced > 0 THEN g.value END AS value, g.currency,
       g.asset_count || ' × ' || coalesce(g.sku, 'unknown SKU') || ' (' || g.category || ')'
           || CASE WHEN g.never_covered THEN ' out of warranty since ' || rv_day(g.since) || ' and never under a service contract'
                   ELSE ' out of contract since ' || rv_day(g.last_end) || ' (over ' || s.gap_days || ' days)' END
           || ': '
           || CASE WHEN g.priced = 0 THEN 'list price unknown, not valued'
                   ELSE 'list price ' || rv_money(g.currency, g.unit_list_price) || ' × ' || rv_pct(g.attach_rate)
                        || ' attach rate a year' || CASE WHEN g.asset_count > 1 THEN ' × ' || g.priced ELSE '' END
                        || ' = ' || rv_money(g.currency, g.value)
                        || CASE WHEN g.priced < g.asset_count THEN ' (' || (g.asset_count - g.priced) || ' without a list price)' ELSE '' END
              END
           || '; ' || rv_pct(fp.gap) || ' win probability (coverage gap).'
           || CASE WHEN g.unlinked > 0 THEN ' Check first: the customer has ' || g.unlinked
                        || ' current or recent contract(s) without recorded serials (e.g. ' || g.unlinked_example
                        || ') that may cover these.' ELSE '' END
           || CASE WHEN g.customer_id IS NULL THEN ' End customer unknown: the units were sold with none named'
                        || ' (the registration audit, out/channel/registration_issues.xlsx, lists them);'
                        || ' ask the reseller who owns them.' ELSE '' END AS basis
FROM grouped g
CROSS JOIN run_settings s
CROSS JOIN rv_fixed_probability fp
LEFT JOIN rv_customer_reps cr ON cr.customer_id = g.customer_id
LEFT JOIN rv_channel_rep ch ON ch.partner_id = g.reseller_id
LEFT JOIN rv_partner_terms pt ON pt.partner_id = g.reseller_id;

CREATE OR REPLACE TEMP TABLE rv_opportunities AS
SELECT 'OPP-' || upper(substr(md5(kind || '|' || opp_key), 1, 12)) AS opportunity_id, *
FROM (
    SELECT * FROM rv_renewals
    UNION ALL BY NAME SELECT * FROM rv_lapsed
    UNION ALL BY NAME SELECT * FROM rv_coterms
    UNION ALL BY NAME SELECT * FROM rv_gaps
);

CREATE OR REPLACE TEMP TABLE rv_opportunity_assets AS
SELECT DISTINCT o.opportunity_id, ca.asset_id
FROM rv_opportunities o
CROSS JOIN unnest(o.contract_ids) AS u(contract_id)
JOIN contract_assets ca ON ca.contract_id = u.contract_id AND ca.basis <> 'inferred_ambiguous'
UNION
SELECT o.opportunity_id, g.asset_id
FROM rv_gap_assets g
JOIN rv_opportunities o
  ON o.kind = 'coverage_gap'
 AND o.opp_key = concat_ws('|', coalesce(g.customer_id, ''), coalesce(g.reseller_id, ''), coalesce(g.sku, ''),
                           CASE WHEN g.never_covered THEN 'never' ELSE 'lapsed' END, g.value_currency)
WHERE g.asset_id NOT IN (SELECT asset_id FROM rv_installed_base);

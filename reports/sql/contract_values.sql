-- rv_contract_values (TEMP): every contract with an end date (and not credited in full), with its parties, its rep and its
-- last annual value in the reporting currency, plus a phrase saying how that value was found.
-- Needs opportunity_parties.sql, the rv_* settings tables and contract_owners (who owns each
-- renewal: warehouse/sql/channel/contract_owners.sql).
--
-- Annual value: the amount × 12 / term months (term from start to end date, rounded to whole
-- months: a 3-year contract is valued per year); without a start date, the term its service SKU or
-- description states (contracts.term_months: "CS-NBD-3Y", "36 months", "3 Jahre"), else the amount
-- is taken as one year; without an amount, the service SKU's list price a year × the covered assets
-- (at least one).
-- Amounts in another currency are converted with valuation.fx_rates, or kept in their own
-- currency (and said so) when no rate is configured.
CREATE OR REPLACE TEMP TABLE rv_contract_values AS
WITH assets_per_contract AS (
    SELECT contract_id, count(DISTINCT asset_id) AS asset_count
    FROM contract_assets WHERE basis <> 'inferred_ambiguous'  -- possibly covered: not counted
    GROUP BY contract_id
),
base AS (
    SELECT c.contract_id, c.contract_number, c.customer_id, c.reseller_id, c.service_level, c.sku,
           c.start_date, c.end_date, c.amount,
           coalesce(nullif(upper(trim(c.currency)), ''), s.currency) AS currency,
           (c.renewed_by IS NOT NULL OR c.status = 'renewed') AS renewed,
           c.status = 'lost' AS lost,  -- a status says the customer will not renew: no renewal, no win-back
           CASE WHEN c.start_date IS NOT NULL AND c.end_date >= c.start_date
                    THEN greatest(1, CAST(round((c.end_date - c.start_date + 1) / 30.4375) AS INTEGER))
                WHEN c.start_date IS NULL THEN c.term_months END AS term_months,  -- no start: the term stated
           coalesce(ac.asset_count, 0) AS asset_count,
           CASE WHEN p.category = 'service' THEN p.list_price END AS service_list_price
    FROM contracts c
    CROSS JOIN run_settings s
    LEFT JOIN assets_per_contract ac USING (contract_id)
    LEFT JOIN products p ON p.sku = upper(regexp_replace(c.sku, '\s+', '', 'g'))
    WHERE c.end_date IS NOT NULL AND c.status <> 'credited'  -- credited in full: nothing to renew
),
annual AS (
    SELECT *,
           CASE WHEN amount IS NOT NULL AND term_months IS NOT NULL THEN amount * 12 / term_months
                WHEN amount IS NOT NULL THEN amount
                WHEN service_list_price IS NOT NULL THEN service_list_price * greatest(asset_count, 1)
           END AS annual_own,
           CASE WHEN amount IS NOT NULL AND term_months = 12
                    THEN 'annual amount ' || rv_money(currency, amount)
                WHEN amount IS NOT NULL AND term_months IS NOT NULL
                    THEN 'contract amount ' || rv_money(currency, amount) || ' over ' || term_months
                         || CASE WHEN start_date IS NULL THEN ' months (no start date: the term its SKU or description states)'
                                 ELSE ' months' END
                         || ', annualised to ' || rv_money(currency, amount * 12 / term_months)
                WHEN amount IS NOT NULL
                    THEN 'contract amount ' || rv_money(currency, amount) || ' (no start date: taken as one year)'
                WHEN service_list_price IS NOT NULL
                    THEN 'no amount on the contract: list price ' || rv_money(currency, service_list_price)
                         || ' a year of ' || sku || ' × ' || greatest(asset_count, 1) || ' asset(s) = '
                         || rv_money(currency, service_list_price * greatest(asset_count, 1))
           END AS annual_basis
    FROM base
),
converted AS (
    SELECT a.*,
           CASE WHEN a.currency = s.currency THEN 1.0 ELSE coalesce(fx.rate, 1.0) END AS fx_rate,
           CASE WHEN a.currency = s.currency OR fx.rate IS NULL THEN a.currency ELSE s.currency END AS value_currency,
           CASE WHEN a.currency = s.currency THEN ''
                WHEN fx.rate IS NULL THEN ' (in ' || a.currency || ': no rate to ' || s.currency
                                          || ' under valuation.fx_rates)'
                ELSE ' (converted to ' || s.currency || ' at ' || fx.rate || ')' END AS fx_note
    FROM annual a
    CROSS JOIN run_settings s
    LEFT JOIN rv_fx fx ON fx.currency = a.currency
)
SELECT v.contract_id, v.contract_number, v.customer_id, v.reseller_id, v.service_level, v.sku,
       v.start_date, v.end_date, v.renewed, v.lost, v.term_months, v.asset_count,
       v.annual_own * v.fx_rate AS annual_value, v.fx_rate, v.value_currency, v.annual_basis, v.fx_note,
       coalesce(cr.crm_owner, cc.rep, ct.rep, cr.tracker_rep, ch.rep) AS rep,
       CASE WHEN cr.crm_owner IS NOT NULL THEN 'crm_account_owner'
            WHEN cc.rep IS NOT NULL THEN 'crm_contract_owner'
            WHEN ct.rep IS NOT NULL THEN 'contract_tracker'
            WHEN cr.tracker_rep IS NOT NULL THEN 'customer_tracker'
            WHEN ch.rep IS NOT NULL THEN 'reseller_channel_rep'
            ELSE 'unassigned' END AS rep_basis,
       CASE WHEN v.reseller_id IS NULL THEN 'direct' ELSE coalesce(pt.tier, 'default') END AS partner_tier,
       CASE WHEN v.reseller_id IS NULL THEN coalesce((SELECT share FROM rv_partner_share WHERE tier = 'direct'), 0)
            ELSE coalesce(pt.partner_share, (SELECT share FROM rv_partner_share WHERE tier = 'default')) END
           AS partner_share_rate,
       coalesce(co.renewal_owner, CASE WHEN v.reseller_id IS NULL THEN 'vendor' ELSE 'reseller' END) AS renewal_owner,
       coalesce(co.at_risk, false) AS owner_at_risk, co.service_provider_id,
       coalesce(co.service_provider_name, co.service_provider) AS service_provider_name
FROM converted v
LEFT JOIN rv_customer_reps cr ON cr.customer_id = v.customer_id
LEFT JOIN rv_contract_reps cc ON cc.contract_id = v.contract_id AND cc.kind = 'crm_contracts'
LEFT JOIN rv_contract_reps ct ON ct.contract_id = v.contract_id AND ct.kind = 'sales_rep'
LEFT JOIN rv_channel_rep ch ON ch.partner_id = v.reseller_id
LEFT JOIN rv_partner_terms pt ON pt.partner_id = v.reseller_id
LEFT JOIN contract_owners co ON co.contract_id = v.contract_id;

-- Who works an opportunity and how its value splits (TEMP tables; needs the rv_* settings tables).
--
-- rep, most specific first: the customer's CRM account owner (`rep` of its crm_accounts rows), the
-- CRM contract's owner, the rep whose tracker lists the contract, the rep whose tracker names the
-- customer, then the reseller's channel rep (`rep` of the reseller's CRM partner account). When
-- several rows disagree the rep named most often wins, then the first by name.

CREATE OR REPLACE TEMP TABLE rv_customer_crm_owner AS
SELECT customer_id, rep FROM (
    SELECT cs.customer_id, trim(r.rep) AS rep, count(*) AS n
    FROM customer_sources cs JOIN source_records r USING (record_id)
    WHERE r.kind = 'crm_accounts' AND nullif(trim(r.rep), '') IS NOT NULL
    GROUP BY ALL
) QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY n DESC, rep ASC) = 1;

CREATE OR REPLACE TEMP TABLE rv_customer_tracker_rep AS
SELECT customer_id, rep FROM (
    SELECT cs.customer_id, trim(r.rep) AS rep, count(*) AS n
    FROM customer_sources cs JOIN source_records r USING (record_id)
    WHERE r.kind = 'sales_rep' AND nullif(trim(r.rep), '') IS NOT NULL
    GROUP BY ALL
) QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY n DESC, rep ASC) = 1;

CREATE OR REPLACE TEMP TABLE rv_contract_reps AS
SELECT contract_id, kind, rep FROM (
    SELECT c.contract_id, r.kind, trim(r.rep) AS rep, count(*) AS n
    FROM contract_sources c JOIN source_records r USING (record_id)
    WHERE r.kind IN ('crm_contracts', 'sales_rep') AND nullif(trim(r.rep), '') IS NOT NULL
    GROUP BY ALL
) QUALIFY row_number() OVER (PARTITION BY contract_id, kind ORDER BY n DESC, rep ASC) = 1;

CREATE OR REPLACE TEMP TABLE rv_channel_rep AS
SELECT partner_id, rep FROM (
    SELECT ps.partner_id, trim(r.rep) AS rep, count(*) AS n
    FROM partner_sources ps JOIN source_records r USING (record_id)
    WHERE r.kind = 'crm_accounts' AND nullif(trim(r.rep), '') IS NOT NULL
    GROUP BY ALL
) QUALIFY row_number() OVER (PARTITION BY partner_id ORDER BY n DESC, rep ASC) = 1;

-- every partner's tier (sources.yaml valuation.partner_tiers by partner id or name, else `default`)
-- and the partner's share of a deal at that tier
CREATE OR REPLACE TEMP TABLE rv_partner_terms AS
WITH tiered AS (
    SELECT p.partner_id, p.name, coalesce(by_id.tier, by_name.tier, 'default') AS tier
    FROM partners p
    LEFT JOIN rv_partner_tiers by_id ON by_id.key = lower(p.partner_id)
    LEFT JOIN rv_partner_tiers by_name ON by_name.key = lower(trim(p.name))
)
SELECT t.partner_id, t.name, t.tier, coalesce(s.share, d.share) AS partner_share
FROM tiered t
LEFT JOIN rv_partner_share s ON s.tier = t.tier
LEFT JOIN rv_partner_share d ON d.tier = 'default';

-- per customer: its CRM account owner and the rep whose tracker names it
CREATE OR REPLACE TEMP TABLE rv_customer_reps AS
SELECT c.customer_id, o.rep AS crm_owner, t.rep AS tracker_rep
FROM customers c
LEFT JOIN rv_customer_crm_owner o USING (customer_id)
LEFT JOIN rv_customer_tracker_rep t USING (customer_id);

-- every rep's user id in the CRM (rep_account beside the rep's name on CRM rows; the most frequent)
CREATE OR REPLACE TEMP TABLE rv_rep_ids AS
SELECT rep, arg_max(rep_account, (n, rep_account)) AS crm_user_id
FROM (SELECT trim(rep) AS rep, trim(rep_account) AS rep_account, count(*) AS n
      FROM source_records
      WHERE nullif(trim(rep), '') IS NOT NULL AND nullif(trim(rep_account), '') IS NOT NULL
      GROUP BY ALL)
GROUP BY rep;

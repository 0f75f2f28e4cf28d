-- contract_owners: who owns each contract's renewal, and why; then the same columns on contracts.
-- Frame `channel_config` (key: a partner id or name, lower case; renewal_owner): sources.yaml
-- `channel: partners:`. Needs contracts, contract_sources, partners, partner_sources,
-- partner_terms, source_records, source_rank and run_settings.
--
-- renewal_owner, the first rule that applies:
--   1. a service_provider on the contract's rows (the most trusted row's): a generic word says it
--      outright ("Vendor", "Reseller", "Third-party maintainer", "Service organisation"); a name
--      resolved to the contract's own reseller is `reseller`; a name configured under `channel:` has
--      its configured owner; a name in the partner program or known as a reseller or distributor is
--      an authorised `service_org` (the renewal stays the reseller's); any other name is a
--      `third_party` maintainer (the account is at risk)
--   2. the reseller's configured owner (`channel: partners: NAME: renewal_owner`)
--   3. the reseller's support model in the partner-program terms in force at the contract's end
--   4. `reseller` when the contract has a reseller, else `vendor` (as before issue 14)
-- A `reseller` owner without a reseller on the contract is `vendor`.
CREATE OR REPLACE TEMP TABLE configured_owner AS
SELECT partner_id, arg_min(renewal_owner, how) AS renewal_owner
FROM (
    SELECT p.partner_id, c.renewal_owner, 0 AS how FROM partners p JOIN channel_config c ON c.key = lower(p.partner_id)
    UNION ALL
    SELECT p.partner_id, c.renewal_owner, 1 FROM partners p JOIN channel_config c ON c.key = lower(trim(p.name))
    UNION ALL
    SELECT DISTINCT ps.partner_id, c.renewal_owner, 2
    FROM partner_sources ps JOIN channel_config c ON c.key = lower(trim(ps.raw_name))
)
GROUP BY partner_id;

CREATE OR REPLACE TEMP TABLE contract_provider AS
SELECT cs.contract_id, trim(r.service_provider) AS service_provider, ps.partner_id AS provider_id
FROM contract_sources cs
JOIN source_records r USING (record_id)
LEFT JOIN partner_sources ps ON ps.record_id = r.record_id AND ps.named_as = 'service_provider'
LEFT JOIN source_rank sr ON sr.source = r.source
WHERE nullif(trim(r.service_provider), '') IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY cs.contract_id
                           ORDER BY coalesce(sr.rank, 999), r.source_file, r.source_sheet NULLS FIRST, r.source_row) = 1;

CREATE OR REPLACE TABLE contract_owners AS
WITH programs AS (SELECT DISTINCT partner_id FROM partner_terms WHERE partner_id IS NOT NULL),
base AS (
    SELECT c.contract_id, c.customer_id, c.reseller_id, c.end_date,
           cp.service_provider, cp.provider_id, provider_keyword(cp.service_provider) AS provider_word,
           pc.renewal_owner AS provider_configured, rc.renewal_owner AS reseller_configured,
           pg.partner_id IS NOT NULL AS provider_in_program, pp.role AS provider_role, pp.name AS provider_name,
           rt.renewal_owner AS support_owner, rt.support_model
    FROM contracts c
    CROSS JOIN run_settings s
    LEFT JOIN contract_provider cp USING (contract_id)
    LEFT JOIN configured_owner pc ON pc.partner_id = cp.provider_id
    LEFT JOIN configured_owner rc ON rc.partner_id = c.reseller_id
    LEFT JOIN programs pg ON pg.partner_id = cp.provider_id
    LEFT JOIN partners pp ON pp.partner_id = cp.provider_id
    LEFT JOIN partner_terms rt
           ON rt.partner_id = c.reseller_id AND rt.in_force
          AND coalesce(c.end_date, s.as_of) BETWEEN rt.in_force_from AND rt.in_force_to
),
decided AS (
    SELECT *,
           CASE WHEN service_provider IS NOT NULL THEN
                    CASE WHEN provider_word IS NOT NULL THEN provider_word
                         WHEN provider_id IS NOT NULL AND provider_id = reseller_id THEN 'reseller'
                         WHEN provider_configured IS NOT NULL THEN provider_configured
                         WHEN provider_in_program OR provider_role IN ('reseller', 'distributor') THEN 'service_org'
                         ELSE 'third_party' END
                WHEN reseller_configured IS NOT NULL THEN reseller_configured
                WHEN support_owner IS NOT NULL THEN support_owner
                WHEN reseller_id IS NULL THEN 'vendor' ELSE 'reseller' END AS decided_owner,
           CASE WHEN service_provider IS NOT NULL THEN 'service_provider'
                WHEN reseller_configured IS NOT NULL THEN 'configured'
                WHEN support_owner IS NOT NULL THEN 'support_model'
                WHEN reseller_id IS NULL THEN 'direct' ELSE 'reseller' END AS owner_basis
    FROM base
)
SELECT contract_id, customer_id, reseller_id,
       CASE WHEN decided_owner = 'reseller' AND reseller_id IS NULL THEN 'vendor' ELSE decided_owner END AS renewal_owner,
       owner_basis, service_provider, provider_id AS service_provider_id, provider_name AS service_provider_name,
       support_model,
       CASE WHEN decided_owner = 'reseller' AND reseller_id IS NULL THEN 'vendor' ELSE decided_owner END = 'third_party'
           AS at_risk
FROM decided
ORDER BY contract_id;

ALTER TABLE contracts ADD COLUMN IF NOT EXISTS renewal_owner VARCHAR;
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS service_provider_id VARCHAR;
UPDATE contracts SET renewal_owner = o.renewal_owner, service_provider_id = o.service_provider_id
FROM contract_owners o WHERE contracts.contract_id = o.contract_id;

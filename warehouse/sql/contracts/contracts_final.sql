-- contracts: contracts_base plus the renewal links chosen (`renewal_links`: prior_id, next_id),
-- the annualised amount, the covered assets (contract_assets, serial and inferred) and the status
-- no date decides (renewed, credited, lost: a status says the customer will not renew, unknown: no end);
-- the others - expired, expiring, active - are
-- the as-of date's, set by contract_status.sql every night (the table itself depends on no date).
CREATE OR REPLACE TEMP TABLE contract_number_prefix AS  -- the letters most numbers are written with
SELECT coalesce(mode(regexp_extract(contract_number, '^([A-Z]{1,4})[^A-Z0-9]*[0-9]+$', 1))
                    FILTER (WHERE regexp_full_match(contract_number, '[A-Z]{1,4}[^A-Z0-9]*[0-9]+')), 'SC') AS prefix
FROM contracts_base;

CREATE OR REPLACE TABLE contracts AS
SELECT b.contract_id,
       -- one display form: letters, a hyphen, the digits ("SC5540752" and "1205728" read SC-5540752, SC-1205728)
       CASE WHEN regexp_full_match(b.contract_number, '[A-Z]{0,4}[^A-Z0-9]*[0-9]+')
            THEN coalesce(nullif(regexp_extract(b.contract_number, '^([A-Z]{1,4})', 1), ''), np.prefix)
                 || '-' || regexp_extract(b.contract_number, '([0-9]+)$', 1)
            ELSE b.contract_number END AS contract_number,
       b.customer_id, b.bill_to_id,
       -- no reseller named, billed or in the customer's history: the one that sold its renewal
       coalesce(b.reseller_id, CASE WHEN rn.reseller_basis IN ('source', 'bill_to') THEN rn.reseller_id END)
           AS reseller_id,
       b.service_level,
       b.start_date, b.end_date, b.amount, b.currency,
       CASE WHEN nx.next_id IS NOT NULL THEN 'renewed'
            WHEN b.credited THEN 'credited'
            WHEN b.outcome = 'renewed' THEN 'renewed'  -- as its status says ("Renewed (PO 4471)", "Closed Won")
            WHEN b.outcome = 'lost' THEN 'lost'        -- the customer will not renew ("Closed Lost", "Churned")
            WHEN b.end_date IS NULL THEN 'unknown' END AS status,
       nx.next_id AS renewed_by,
       pv.prior_id AS renews,
       b.bill_to_role,
       CASE WHEN b.reseller_id IS NULL AND rn.reseller_basis IN ('source', 'bill_to') THEN 'renewal'
            ELSE b.reseller_basis END AS reseller_basis,
       b.rep, b.sku, b.sku_family, b.term_months,
       CAST(cents(b.amount * 12 / coalesce(nullif(b.term_months, 0), 12)) AS DECIMAL(18, 2)) AS annual_amount,
       b.numbered, b.sources, b.record_count, coalesce(ca.assets, 0) AS asset_count,
       coalesce(ca.inferred, 0) AS assets_inferred, b.quantity, b.end_date_source, b.amount_source
FROM contracts_base b
CROSS JOIN contract_number_prefix np
LEFT JOIN (SELECT contract_id, count(*) FILTER (WHERE basis <> 'inferred_ambiguous') AS assets,
                  count(*) FILTER (WHERE basis = 'inferred') AS inferred
           FROM contract_assets GROUP BY contract_id) ca USING (contract_id)
LEFT JOIN renewal_links nx ON nx.prior_id = b.contract_id
LEFT JOIN renewal_links pv ON pv.next_id = b.contract_id
LEFT JOIN contracts_base rn ON rn.contract_id = nx.next_id
ORDER BY b.contract_id;

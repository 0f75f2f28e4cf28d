-- contract_assets: serial coverage, then the inferred (renewal chain, partial renewals, customer
-- product) from contract_coverage.sql and its rounds.
CREATE OR REPLACE TEMP TABLE coverage_by_product AS
SELECT p.contract_id, u.asset_id, 'customer_product' AS rule, NULL::VARCHAR AS inferred_from,
       CASE WHEN p.units > p.quantity THEN 'inferred_ambiguous' ELSE 'inferred' END AS basis
FROM coverage_decided d JOIN coverage_pairs p USING (contract_id, ship_date)
CROSS JOIN unnest(p.asset_ids) AS u(asset_id)
UNION ALL  -- the evidence could not choose: every candidate left is possibly covered
SELECT v.contract_id, u.asset_id, 'customer_product', NULL, 'inferred_ambiguous'
FROM coverage_available v CROSS JOIN unnest(v.asset_ids) AS u(asset_id);

CREATE OR REPLACE TABLE contract_assets AS
SELECT contract_id, asset_id, source_rows, 'serial' AS basis, 'serial' AS rule, NULL::VARCHAR AS inferred_from
FROM contract_assets_serial
UNION ALL
SELECT contract_id, asset_id, 0, 'inferred', rule, inferred_from FROM coverage_by_chain
UNION ALL
SELECT contract_id, asset_id, 0, basis, rule, inferred_from FROM coverage_by_partial
UNION ALL
SELECT contract_id, asset_id, 0, basis, rule, inferred_from FROM coverage_by_product
ORDER BY contract_id, asset_id;

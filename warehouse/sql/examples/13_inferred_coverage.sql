-- Coverage evidence: how many asset-contract links come from serials and how many are inferred, by rule
SELECT ca.basis, ca.rule, count(*) AS links, count(DISTINCT ca.contract_id) AS contracts,
       count(DISTINCT ca.asset_id) AS assets
FROM contract_assets ca
GROUP BY ALL
ORDER BY links DESC

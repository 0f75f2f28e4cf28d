-- Coverage gaps: assets out of warranty today with no active, expiring or renewed contract, by product
SELECT a.sku, p.category, p.list_price, p.list_price_estimated, count(*) AS assets
FROM assets a
JOIN products p ON p.sku = upper(regexp_replace(a.sku, '\s+', '', 'g'))
WHERE a.warranty_end < current_date
  AND NOT EXISTS (
      SELECT 1 FROM contract_assets ca JOIN contracts c USING (contract_id)
      WHERE ca.asset_id = a.asset_id AND c.status IN ('active', 'expiring', 'renewed'))
GROUP BY ALL
ORDER BY assets DESC
LIMIT 10
